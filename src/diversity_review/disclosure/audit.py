"""The audit: how far a reader who adds up everything published can narrow each hidden cell.

For each hidden cell, the least and the greatest value consistent with every published cell,
every constraint of the pack (rows to bases, councils to Wales, executive members within all
members), nonnegativity and the reader's bounds (at least 1 where zeros are published, at most
the base) are found by linear programming (``scipy.optimize.linprog`` with HiGHS), one
connected component of hidden cells at a time, and rounded inwards to whole numbers. The
tables' sums form network matrices, so the linear bounds are the integer ones in the tables
the pack publishes. ``scipy`` is imported only when an audit runs.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from .cells import Cells

__all__ = ["components", "lp_bounds"]


def components(cells: Cells, hidden: np.ndarray) -> list[list[int]]:
    """Groups of hidden cells that share a constraint (directly or through others)."""
    parent = {int(c): int(c) for c in np.flatnonzero(hidden)}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    links = [c.ids[hidden[c.ids]].tolist() for c in cells.constraints.values()]
    links += [[a, b] for a, b in cells.subsets if hidden[a] and hidden[b]]
    for ids in links:
        for other in ids[1:]:
            parent[find(other)] = find(ids[0])
    groups: dict[int, list[int]] = {}
    for c in sorted(parent):
        groups.setdefault(find(c), []).append(c)
    return list(groups.values())


def _system(cells: Cells, hidden: np.ndarray, group: list[int]):
    """``A_eq x = b_eq``, ``A_ub x <= b_ub`` over the hidden cells of ``group``."""
    value = np.asarray(cells.value, dtype=float)
    column = {c: i for i, c in enumerate(group)}
    eq_rows, eq_rhs = [], []
    for con in cells.constraints.values():
        inside = [i for i, c in enumerate(con.ids.tolist()) if c in column]
        if not inside:
            continue
        row = np.zeros(len(group))
        for i in inside:
            row[column[int(con.ids[i])]] = con.coefs[i]
        known = ~hidden[con.ids]
        eq_rows.append(row)
        eq_rhs.append(con.rhs - float(np.dot(con.coefs[known], value[con.ids[known]])))
    ub_rows, ub_rhs = [], []
    for part, whole in cells.subsets:  # part - whole <= 0
        if part not in column and whole not in column:
            continue
        row = np.zeros(len(group))
        rhs = 0.0
        for c, sign in ((part, 1.0), (whole, -1.0)):
            if c in column:
                row[column[c]] = sign
            else:
                rhs -= sign * value[c]
        ub_rows.append(row)
        ub_rhs.append(rhs)
    as_matrix = lambda rows: np.array(rows) if rows else None  # noqa: E731
    return as_matrix(eq_rows), as_matrix(eq_rhs), as_matrix(ub_rows), as_matrix(ub_rhs)


def lp_bounds(
    cells: Cells,
    hidden: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    only: Iterable[int] | None = None,
    limit: int | None = None,
) -> dict[int, tuple[float, float]]:
    """``{cell: (least, greatest)}`` a reader can derive, for the hidden cells (or ``only``);
    NaN for cells in a component of more than ``limit`` hidden cells (not solved)."""
    from scipy.optimize import linprog

    wanted = set(np.flatnonzero(hidden).tolist()) if only is None else set(only)
    out: dict[int, tuple[float, float]] = {}
    for group in components(cells, hidden):
        if not wanted.intersection(group):
            continue
        if limit is not None and len(group) > limit:
            out.update({c: (np.nan, np.nan) for c in wanted.intersection(group)})
            continue
        a_eq, b_eq, a_ub, b_ub = _system(cells, hidden, group)
        bounds = [(low[c], None if high[c] >= 1e17 else high[c]) for c in group]
        for i, c in enumerate(group):
            if c not in wanted:
                continue
            ends = []
            for sign in (1.0, -1.0):
                goal = np.zeros(len(group))
                goal[i] = sign
                res = linprog(goal, a_ub, b_ub, a_eq, b_eq, bounds=bounds, method="highs")
                ends.append(sign * res.fun if res.status == 0 else (np.inf * -sign))
            out[c] = (float(np.ceil(ends[0] - 1e-7)), float(np.floor(ends[1] + 1e-7)))
    return out
