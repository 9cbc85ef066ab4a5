"""Secondary suppression by hypercubes (rectangles), with the certificate that they protect.

For a hidden cell ``x`` at row ``r`` and group ``c`` of a grid, a *rectangle* is three more cells
``(r, c')``, ``(r', c)``, ``(r', c')`` such that adding ``+t`` to ``x`` and ``(r', c')`` and ``-t`` to
the other two (for the Wales total row the signs follow its minus sign in the column sums)
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
from dataclasses import dataclass

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

    def best(self, r: int, c: int, need: float, banned: np.ndarray | None) -> Rectangle | None:
        """The cheapest rectangle through ``(r, c)`` that shifts it by ``need`` in all."""
        up, dn = self.up, self.dn
        same = self.w == self.w[r]
        side_up = np.where(same, dn[:, c], up[:, c])
        side_dn = np.where(same, up[:, c], dn[:, c])
        far_up, far_dn = self.opposite[self.w[r]]
        go_up = np.minimum(np.minimum(far_up, side_up[:, None]), dn[r][None, :])
        go_dn = np.minimum(np.minimum(far_dn, side_dn[:, None]), up[r][None, :])
        width = np.minimum(go_up, up[r, c]) + np.minimum(go_dn, dn[r, c])
        total = self.cost + self.cost[r][None, :] + self.cost[:, c][:, None]
        total[width < need] = INF
        total[r, :] = INF
        total[:, c] = INF
        if banned is not None:
            total[banned] = INF
        at = int(np.argmin(total))
        r2, c2 = divmod(at, total.shape[1])
        if total[r2, c2] >= INF:
            return None
        sign = -1.0 if same[r2] else 1.0  # of (r2, c)
        corners = [((r, c), 1.0), ((r, c2), -1.0), ((r2, c), sign), ((r2, c2), -sign)]
        real = [(int(self.ids[p]), s) for p, s in corners if self.ids[p] >= 0]
        return Rectangle(real, float(width[r2, c2]), float(total[r2, c2]), (r2, c2))

    def cheapest(self, r: int, c: int, need: float, search: Search) -> Rectangle | None:
        """:meth:`best`, skipping rectangles that would break a sum of another table."""
        banned = None
        for _ in range(20):
            found = self.best(r, c, need, banned)
            if found is None or search.balanced(found):
                return found
            banned = np.zeros(self.ids.shape, dtype=bool) if banned is None else banned
            banned[found.at] = True
        return None


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
    ) -> None:
        self.cells = cells
        self.value = np.asarray(cells.value, dtype=float)
        self.hidden, self.low, self.high, self.need = hidden, low, high, need
        self.usable = usable
        self.cert = np.zeros(len(cells))
        self.by_cell: dict[int, list[int]] = {}
        for index, constraint in enumerate(cells.constraints.values()):
            for cid in constraint.ids.tolist():
                self.by_cell.setdefault(cid, []).append(index)
        self.constraint_list = list(cells.constraints.values())
        self.boards = [_Board(g, self) for g in cells.grids]
        self.places: dict[int, list[tuple[int, int, int]]] = {}
        for b, board in enumerate(self.boards):
            rows, cols = np.nonzero(board.ids >= 0)
            for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
                self.places.setdefault(int(board.ids[r, c]), []).append((b, r, c))

    def balanced(self, rect: Rectangle) -> bool:
        """Does shifting the rectangle keep every constraint of the pack?"""
        shift = dict(rect.corners)
        touched = {i for cid in shift for i in self.by_cell.get(cid, ())}
        for i in touched:
            con = self.constraint_list[i]
            if sum(shift.get(cid, 0.0) * k for cid, k in zip(con.ids.tolist(), con.coefs)):
                return False
        return True

    def hide(self, cid: int) -> bool:
        if self.hidden[cid]:
            return False
        self.hidden[cid] = True
        for b, r, c in self.places.get(cid, ()):
            self.boards[b].cost[r, c] = 0.0
        return True

    def rectangle(self, cid: int, need: float) -> Rectangle | None:
        """The cheapest rectangle through ``cid`` in any grid that publishes it."""
        options = [
            self.boards[b].cheapest(r, c, need, self) for b, r, c in self.places.get(cid, ())
        ]
        options = [o for o in options if o is not None]
        return min(options, key=lambda o: o.cost) if options else None

    def apply(self, rect: Rectangle, need: float) -> list[int]:
        """Hide the rectangle's corners; a complement needs no more width than the cell it
        protects (it moves with that cell, so it could not have more in any case)."""
        added = [cid for cid, _ in rect.corners if self.hide(cid)]
        for cid in added:
            self.need[cid] = min(self.need[cid], need)
        for cid, _ in rect.corners:
            self.cert[cid] = max(self.cert[cid], rect.width)
        return added

    def run(self, order: list[int]) -> list[int]:
        """Protect the hidden cells in ``order`` (and the complements they bring); returns the
        cells no rectangle certifies."""
        todo = deque(order)
        stuck: list[int] = []
        while todo:
            cid = todo.popleft()
            if self.cert[cid] >= self.need[cid]:
                continue
            rect = self.rectangle(cid, self.need[cid])
            if rect is None:
                stuck.append(cid)
                continue
            todo.extend(self.apply(rect, self.need[cid]))
            if self.cert[cid] < self.need[cid]:
                todo.append(cid)
        return stuck

    def widen(self, cid: int) -> list[int]:
        """For a cell no rectangle certifies: the widest rectangle through it (the audit by
        linear programming then decides whether it, with the others, is enough)."""
        for need in (self.need[cid] - 1, 2.0, 1.0):
            if need < 1:
                break
            rect = self.rectangle(cid, need)
            if rect is not None:
                return self.apply(rect, self.need[cid])
        return []
