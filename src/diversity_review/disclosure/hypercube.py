"""Secondary suppression by hypercubes (rectangles), with the certificate that they protect.

For a hidden cell ``x`` at row ``r`` and group ``c`` of a grid, a *rectangle* is three more
cells ``(r, c')``, ``(r', c)``, ``(r', c')`` such that adding ``+t`` to ``x`` and ``(r', c')`` and
``-t`` to the other two (for the Wales total row the signs follow its minus sign in the column sums)
keeps every row and column sum of the grid. If all four are hidden, a reader cannot tell the
published table from the one shifted by ``t`` for any ``t`` that keeps the four within their
bounds (at least 1 where zeros are published, 0 where they are not or the base is small; at
most the base; an executive count at most the members' count and the members' count at least
the executive's). So the rectangle *certifies* that each of its corners can take every value
in an interval of width ``up + down`` (the largest shifts either way), whatever else is
hidden. A row that does not add up to its base has a free slack column, and a group whose
councils do not add up to Wales a free slack row, so one-dimensional tables (a single group
per council, say) are rectangles with two real corners.

How complements are chosen (the GHMITER idea of tau-argus, on our grids): for each hidden cell
whose certified width is below what it needs (``min(threshold, its a-priori width)``), every
rectangle through it is scored at once (numpy over the grid): those that would not give the
width are dropped, and of the others the one that hides the least is taken, counting each cell
not yet hidden at its value plus a half (so the smallest total, then the fewest cells; cells
already hidden are free). A rectangle is checked against every constraint of the pack (the
same cell may be published in another table) before it is used. Cells hidden as complements
are then checked in turn, until every hidden cell is certified. The cost per cell is one pass
over its grid, so a table of ``n`` councils and ``m`` groups costs ``O((n m)^2)`` at worst and
about ``O(n m * primaries)`` in practice.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import numpy as np

from .cells import Cells, Grid

__all__ = ["Search", "INF"]

INF = 1e18


@dataclass
class Rectangle:
    corners: list[tuple[int, int]]  # (cell id, sign), real cells only
    width: float
    cost: float
    at: tuple[int, int] = (0, 0)  # the far corner in its board
    shifts: tuple[float, float] = (0.0, 0.0)  # up, down: of the other corners
    reach: float = 0.0  # the width with the rectangles chosen before it
    places: list[tuple[int, int]] = field(default_factory=list)  # its other real corners


class _Board:
    """One grid with a slack row and column, its static capacities and its current costs.

    A corner that cannot move (a capacity below 0 either way) costs ``INF``, so the rectangles
    through a cell are priced by adding three costs, and the invalid ones price themselves out.
    """

    def __init__(self, grid: Grid, search: Search) -> None:
        n, m = grid.ids.shape
        ids = np.full((n + 1, m + 1), -1, dtype=int)
        ids[:n, :m] = grid.ids
        virtual = np.zeros((n + 1, m + 1), dtype=bool)
        virtual[n, :m] = ~grid.col_line
        virtual[:n, m] = ~grid.row_line
        virtual[n, m] = True
        real = ids >= 0
        usable = np.zeros(ids.shape, dtype=bool)
        usable[real] = search.usable[ids[real]]
        up = np.full(ids.shape, -INF)
        dn = np.full(ids.shape, -INF)
        up[usable] = search.high[ids[usable]] - search.value[ids[usable]]
        dn[usable] = search.value[ids[usable]] - search.low[ids[usable]]
        up[virtual], dn[virtual] = INF, INF
        self.ids, self.up, self.dn = ids, up, dn
        self.w = np.ones(n + 1)
        if grid.total is not None:
            self.w[grid.total] = -1.0
        self.fixed = (up < 0) | (dn < 0)  # a corner that cannot move
        self.cost = np.full(ids.shape, INF)
        self.cost[usable] = search.value[ids[usable]] + 0.5
        self.cost[virtual] = 0.0
        self.cost[usable & search.hidden[np.where(real, ids, 0)]] = 0.0
        self.cost[self.fixed] = INF
        # capacities of the opposite corner in the "up" and "down" directions, for a cell in a
        # council row (w = +1) and in the Wales total row (w = -1)
        self.opposite = {
            s: (
                np.where((self.w == s)[:, None], up, dn),
                np.where((self.w == s)[:, None], dn, up),
            )
            for s in (1.0, -1.0)
        }

    def free(self, r: int, c: int) -> None:
        """The cell at ``(r, c)`` is hidden: free to use as a corner (if it can move)."""
        if not self.fixed[r, c]:
            self.cost[r, c] = 0.0

    def prices(self, r: int, c: int, banned: list[tuple[int, int]]) -> np.ndarray:
        """The cost of every rectangle through ``(r, c)`` by its far corner (``INF`` or more
        where it is invalid: a corner that cannot move, is banned, or is in row ``r`` or
        column ``c``)."""
        row, col = self.cost[r].copy(), self.cost[:, c].copy()
        row[c], col[r] = INF, INF
        for br, bc in banned:
            if br == r:
                row[bc] = INF
            if bc == c:
                col[br] = INF
        total = self.cost + row[None, :]
        total += col[:, None]
        for at in banned:
            total[at] = INF
        return total

    def moves(self, r: int, c: int, r2: int, c2: int) -> tuple[float, float]:
        """How far the rectangle through ``(r, c)`` with far corner ``(r2, c2)`` shifts
        ``(r, c)`` up and down, by the other corners' capacities."""
        up, dn = self.up, self.dn
        if self.w[r2] == self.w[r]:
            return (
                min(up[r2, c2], dn[r2, c], dn[r, c2]),
                min(dn[r2, c2], up[r2, c], up[r, c2]),
            )
        return (
            min(dn[r2, c2], up[r2, c], dn[r, c2]),
            min(up[r2, c2], dn[r2, c], up[r, c2]),
        )

    def best(
        self,
        r: int,
        c: int,
        need: float,
        banned: list[tuple[int, int]],
        acc: tuple[float, float],
    ) -> tuple[Rectangle | None, Rectangle | None]:
        """The cheapest rectangle through ``(r, c)`` that, added to shifts ``acc`` already
        certified by others, shifts it by ``need`` in all; and the one that widens it most."""
        total = self.prices(r, c, banned)
        width = self.widths(r, c, acc)
        meets = np.where(width >= need, total, INF)
        at = int(np.argmin(meets))
        if meets.flat[at] < INF / 2:
            return self._rectangle(r, c, at, acc, float(total.flat[at])), None
        score = np.where(total < INF / 2, width - total * 1e-9, -INF)
        at = int(np.argmax(score))
        if score.flat[at] <= -INF / 2:
            return None, None
        return None, self._rectangle(r, c, at, acc, float(total.flat[at]))

    def widths(self, r: int, c: int, acc: tuple[float, float]) -> np.ndarray:
        """The width ``(r, c)`` reaches, with shifts ``acc``, by every far corner's rectangle:
        each way, the least of the other corners' capacities (plus ``acc``), at most the
        cell's own capacity. Adding ``acc`` commutes with taking the least, so each least is
        taken once over the grid of far corners, a column of side corners and a row."""
        up, dn = self.up, self.dn
        same = self.w == self.w[r]
        far_up, far_dn = self.opposite[self.w[r]]
        side_up = np.minimum(np.where(same, dn[:, c], up[:, c]) + acc[0], up[r, c])
        side_dn = np.minimum(np.where(same, up[:, c], dn[:, c]) + acc[1], dn[r, c])
        width = np.minimum(far_up + acc[0] if acc[0] else far_up, side_up[:, None])
        np.minimum(width, (dn[r] + acc[0])[None, :], out=width)
        other = np.minimum(far_dn + acc[1] if acc[1] else far_dn, side_dn[:, None])
        np.minimum(other, (up[r] + acc[1])[None, :], out=other)
        width += other
        return width

    def _width(self, r: int, c: int, go: tuple[float, float], acc: tuple[float, float]) -> float:
        return min(acc[0] + go[0], self.up[r, c]) + min(acc[1] + go[1], self.dn[r, c])

    def _rectangle(self, r, c, at, acc, cost) -> Rectangle:
        r2, c2 = divmod(at, self.ids.shape[1])
        go = self.moves(r, c, r2, c2)
        sign = -1.0 if self.w[r2] == self.w[r] else 1.0  # of (r2, c)
        corners = [((r, c), 1.0), ((r, c2), -1.0), ((r2, c), sign), ((r2, c2), -sign)]
        real = [(int(self.ids[p]), s) for p, s in corners if self.ids[p] >= 0]
        own = self._width(r, c, go, (0.0, 0.0))
        rect = Rectangle(real, float(own), cost, (r2, c2))
        rect.shifts = (float(go[0]), float(go[1]))
        rect.reach = float(self._width(r, c, go, acc))
        rect.places = [p for p, _ in corners[1:] if self.ids[p] >= 0]
        return rect

    def cover(self, r: int, c: int, need: float, search: Search) -> tuple[list[Rectangle], bool]:
        """Rectangles through ``(r, c)``, disjoint but for it, whose shifts add up to
        ``need`` (each checked against every constraint of the pack), and whether they do
        (if not, the widest such set found)."""
        banned: list[tuple[int, int]] = []
        acc, chosen = (0.0, 0.0), []
        reach = 0.0
        for _ in range(40):
            meets, widest = self.best(r, c, need, banned, acc)
            found = meets or widest
            if found is None or (meets is None and found.reach <= reach):
                break
            if not search.balanced(found):
                banned.append(found.at)
                continue
            chosen.append(found)
            if meets is not None:
                return chosen, True
            acc = (acc[0] + found.shifts[0], acc[1] + found.shifts[1])
            reach = found.reach
            banned.extend(found.places)
            if len(chosen) >= 8:
                break
        return chosen, False


class Search:
    """The hidden cells of a registry, protected rectangle by rectangle until certified."""

    def __init__(
        self,
        cells: Cells,
        hidden: np.ndarray,
        low: np.ndarray,
        high: np.ndarray,
        need: np.ndarray,
        usable: np.ndarray,
        cert: np.ndarray | None = None,
    ) -> None:
        self.cells = cells
        self.value = np.asarray(cells.value, dtype=float)
        self.hidden, self.low, self.high, self.need = hidden, low, high, need
        self.usable = usable
        self.cert = np.zeros(len(cells)) if cert is None else cert
        self.coefs: dict[int, list[tuple[int, float]]] = {}  # cell -> (constraint, coefficient)
        for index, constraint in enumerate(cells.constraints.values()):
            for cid, coef in zip(constraint.ids.tolist(), constraint.coefs.tolist(), strict=True):
                self.coefs.setdefault(cid, []).append((index, coef))
        self.boards = [_Board(g, self) for g in cells.grids]
        self.places: dict[int, list[tuple[int, int, int]]] = {}
        for b, board in enumerate(self.boards):
            rows, cols = np.nonzero(board.ids >= 0)
            ids = board.ids[rows, cols].tolist()
            for cid, r, c in zip(ids, rows.tolist(), cols.tolist(), strict=True):
                self.places.setdefault(cid, []).append((b, r, c))

    def balanced(self, rect: Rectangle) -> bool:
        """Does shifting the rectangle keep every constraint of the pack?"""
        if len(rect.corners) < 2:
            return True
        total: dict[int, float] = {}
        for cid, sign in rect.corners:
            for index, coef in self.coefs.get(cid, ()):
                total[index] = total.get(index, 0.0) + sign * coef
        return not any(total.values())

    def hide(self, cid: int) -> bool:
        if self.hidden[cid]:
            return False
        self.hidden[cid] = True
        for b, r, c in self.places.get(cid, ()):
            self.boards[b].free(r, c)
        return True

    def rectangles(self, cid: int, need: float) -> tuple[list[Rectangle], bool]:
        """The cheapest cover of ``cid`` in any grid that publishes it (else the widest)."""
        options = [self.boards[b].cover(r, c, need, self) for b, r, c in self.places.get(cid, ())]
        met = [o for o, ok in options if ok]
        if met:
            return min(met, key=lambda o: sum(x.cost for x in o)), True
        partial = [o for o, _ in options if o]
        return (max(partial, key=lambda o: o[-1].reach), False) if partial else ([], False)

    def apply(self, cid: int, rects: list[Rectangle]) -> list[int]:
        """Hide the rectangles' corners. ``cid`` is certified the width they reach together;
        each complement the width of its own rectangle, which is all it needs: it is hidden
        to protect ``cid``, not for its own sake, and it cannot be pinned."""
        added = []
        for rect in rects:
            for other, _ in rect.corners:
                if self.hide(other):
                    added.append(other)
                    self.need[other] = min(self.need[other], rect.width)
                self.cert[other] = max(self.cert[other], rect.width)
        self.cert[cid] = max(self.cert[cid], rects[-1].reach)
        return added

    def run(self, order: list[int]) -> list[int]:
        """Protect the hidden cells in ``order`` (and the complements they bring); returns the
        cells no set of rectangles certifies."""
        todo = deque(order)
        stuck: list[int] = []
        while todo:
            cid = todo.popleft()
            if self.cert[cid] >= self.need[cid]:
                continue
            rects, met = self.rectangles(cid, self.need[cid])
            if rects:
                todo.extend(self.apply(cid, rects))
            if not met:
                stuck.append(cid)  # for the audit by linear programming
        return stuck
