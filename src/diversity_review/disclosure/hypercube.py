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
    """One grid with a slack row and column, its static capacities and its current costs."""

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
        self.cost = np.full(ids.shape, INF)
        self.cost[usable] = search.value[ids[usable]] + 0.5
        self.cost[virtual] = 0.0
        self.cost[usable & search.hidden[np.where(real, ids, 0)]] = 0.0
        # capacities of the opposite corner in the "up" and "down" directions, for a cell in a
        # council row (w = +1) and in the Wales total row (w = -1)
        self.opposite = {
            s: (
                np.where((self.w == s)[:, None], up, dn),
                np.where((self.w == s)[:, None], dn, up),
            )
            for s in (1.0, -1.0)
        }

    def best(
        self, r: int, c: int, need: float, banned: np.ndarray, acc: tuple[float, float]
    ) -> tuple[Rectangle | None, Rectangle | None]:
        """The cheapest rectangle through ``(r, c)`` that, added to shifts ``acc`` already
        certified by others, shifts it by ``need`` in all; and the one that widens it most."""
        up, dn = self.up, self.dn
        same = self.w == self.w[r]
        side_up = np.where(same, dn[:, c], up[:, c])
        side_dn = np.where(same, up[:, c], dn[:, c])
        far_up, far_dn = self.opposite[self.w[r]]
        go_up = np.minimum(np.minimum(far_up, side_up[:, None]), dn[r][None, :])
        go_dn = np.minimum(np.minimum(far_dn, side_dn[:, None]), up[r][None, :])
        width = np.minimum(acc[0] + go_up, up[r, c]) + np.minimum(acc[1] + go_dn, dn[r, c])
        invalid = (go_up < 0) | (go_dn < 0) | banned | banned[r][None, :] | banned[:, c][:, None]
        invalid[r, :] = True
        invalid[:, c] = True
        total = self.cost + self.cost[r][None, :] + self.cost[:, c][:, None]
        total[invalid] = INF
        meets = np.where(width >= need, total, INF)
        at = int(np.argmin(meets))
        if meets.flat[at] < INF:
            return self._rectangle(r, c, at, width, total, go_up, go_dn), None
        score = np.where(invalid, -INF, width - total * 1e-9)
        at = int(np.argmax(score))
        if score.flat[at] <= -INF / 2:
            return None, None
        return None, self._rectangle(r, c, at, width, total, go_up, go_dn)

    def _rectangle(self, r, c, at, width, total, go_up, go_dn) -> Rectangle:
        r2, c2 = divmod(at, total.shape[1])
        sign = -1.0 if self.w[r2] == self.w[r] else 1.0  # of (r2, c)
        corners = [((r, c), 1.0), ((r, c2), -1.0), ((r2, c), sign), ((r2, c2), -sign)]
        real = [(int(self.ids[p]), s) for p, s in corners if self.ids[p] >= 0]
        own = min(go_up[r2, c2], self.up[r, c]) + min(go_dn[r2, c2], self.dn[r, c])
        rect = Rectangle(real, float(own), float(total[r2, c2]), (r2, c2))
        rect.shifts = (float(go_up[r2, c2]), float(go_dn[r2, c2]))
        rect.reach = float(width[r2, c2])
        rect.places = [p for p, _ in corners[1:] if self.ids[p] >= 0]
        return rect

    def cover(self, r: int, c: int, need: float, search: Search) -> tuple[list[Rectangle], bool]:
        """Rectangles through ``(r, c)``, disjoint but for it, whose shifts add up to
        ``need`` (each checked against every constraint of the pack), and whether they do
        (if not, the widest such set found)."""
        banned = np.zeros(self.ids.shape, dtype=bool)
        acc, chosen = (0.0, 0.0), []
        reach = 0.0
        for _ in range(40):
            meets, widest = self.best(r, c, need, banned, acc)
            found = meets or widest
            if found is None or (meets is None and found.reach <= reach):
                break
            if not search.balanced(found):
                banned[found.at] = True
                continue
            chosen.append(found)
            if meets is not None:
                return chosen, True
            acc = (acc[0] + found.shifts[0], acc[1] + found.shifts[1])
            reach = found.reach
            for p in found.places:
                banned[p] = True
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
            for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
                self.places.setdefault(int(board.ids[r, c]), []).append((b, r, c))

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
            self.boards[b].cost[r, c] = 0.0
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
