"""The audit: how far a reader who adds up everything published can narrow each hidden cell.

For each hidden cell, the least and the greatest value consistent with every published cell,
every constraint of the pack (rows to bases, councils to Wales, executive members within all
members), nonnegativity and the reader's bounds (at least 1 where zeros are published, at most
the base) are found by linear programming (``scipy.optimize.linprog`` with HiGHS), one
connected component of hidden cells at a time, and rounded inwards to whole numbers. The
programmes of a component's ends (each cell's least and greatest) are independent blocks of
one programme, solved at once (up to :data:`_BLOCKS` together): one call instead of two per
cell, where scipy's own work per call outweighed the solving. The
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


#: ends (a cell's least or greatest value) solved together in one programme
_BLOCKS = 64


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
    wanted = set(np.flatnonzero(hidden).tolist()) if only is None else set(only)
    out: dict[int, tuple[float, float]] = {}
    for group in components(cells, hidden):
        if not wanted.intersection(group):
            continue
        if limit is not None and len(group) > limit:
            out.update({c: (np.nan, np.nan) for c in wanted.intersection(group)})
            continue
        system = _system(cells, hidden, group)
        bounds = [(low[c], None if high[c] >= 1e17 else high[c]) for c in group]
        ends = [(i, sign) for i, c in enumerate(group) if c in wanted for sign in (1.0, -1.0)]
        found: list[float] = []
        for start in range(0, len(ends), _BLOCKS):
            found += _solve_ends(system, bounds, ends[start : start + _BLOCKS])
        for k in range(0, len(ends), 2):
            c = group[ends[k][0]]
            out[c] = (float(np.ceil(found[k] - 1e-7)), float(np.floor(found[k + 1] + 1e-7)))
    return out


def _solve_ends(system, bounds, ends: list[tuple[int, float]]) -> list[float]:
    """Each ``(variable, sign)``'s end (least for +1, greatest for -1) over one component's
    system: the programmes as blocks of one (independent blocks: the sum of their objectives
    is least when each is), solved at once; if that one is not solved to optimality (an end
    is unbounded), each is solved alone. An unsolved end is infinite."""
    from scipy.optimize import linprog
    from scipy.sparse import block_diag, csr_matrix

    a_eq, b_eq, a_ub, b_ub = system
    n, k = len(bounds), len(ends)
    if k > 1:
        goal = np.zeros(n * k)
        for j, (i, sign) in enumerate(ends):
            goal[j * n + i] = sign
        stack = lambda a: None if a is None else block_diag([csr_matrix(a)] * k, "csr")  # noqa: E731
        tile = lambda b: None if b is None else np.tile(b, k)  # noqa: E731
        res = linprog(
            goal, stack(a_ub), tile(b_ub), stack(a_eq), tile(b_eq), bounds=bounds * k,
            method="highs",
        )  # fmt: skip
        if res.status == 0:
            return [float(res.x[j * n + i]) for j, (i, _) in enumerate(ends)]
    found = []
    for i, sign in ends:
        goal = np.zeros(n)
        goal[i] = sign
        res = linprog(goal, a_ub, b_ub, a_eq, b_eq, bounds=bounds, method="highs")
        found.append(sign * res.fun if res.status == 0 else (np.inf * -sign))
    return found
