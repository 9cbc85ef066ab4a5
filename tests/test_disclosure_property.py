"""Property: no suppressed count can be worked out from what suppress() leaves published.

Random tables (councils x groups, small counts, each council's base = its row sum, a Wales row =
the column sums) are suppressed and then attacked with what a reader has: the published counts,
every base, the Wales row, the fact that rows add up to their base and councils add up to
Wales, and bounds on each hidden cell (at least 1 when zeros are published, unless its whole
row or its whole column with a Wales total is hidden; at most the row's base). Three attackers,
each written here independently of the module:

1. solve any line (a row or a column) with exactly one hidden cell, substitute, repeat;
2. interval propagation over all lines to a fixed point: no hidden cell's range may collapse
   to a single value;
3. on small tables, an exact integer search: every hidden cell must have a second value that
   is consistent with everything published.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diversity_review.disclosure import suppress

WALES = "W92000004"


@st.composite
def tables(draw, max_councils: int = 6, max_groups: int = 4, max_count: int = 15):
    n_councils = draw(st.integers(1, max_councils))
    n_groups = draw(st.integers(2, max_groups))
    small = st.one_of(st.integers(0, 4), st.integers(0, max_count))
    values = draw(
        st.lists(
            st.lists(small, min_size=n_groups, max_size=n_groups),
            min_size=n_councils,
            max_size=n_councils,
        )
    )
    with_wales = draw(st.sampled_from([True, True, True, False]))
    threshold = draw(st.integers(2, 6))
    suppress_zero = draw(st.booleans())
    matrix = np.array(values, dtype=int)
    if with_wales:
        matrix = np.vstack([matrix, matrix.sum(axis=0)])
    return matrix, with_wales, threshold, suppress_zero


def as_frame(matrix: np.ndarray, with_wales: bool) -> pd.DataFrame:
    n_rows, n_groups = matrix.shape
    codes = [f"W060000{i + 1:02d}" for i in range(n_rows)]
    if with_wales:
        codes[-1] = WALES
    records = [
        (codes[r], f"g{c}", int(matrix[r, c]), int(matrix[r].sum()))
        for r in range(n_rows)
        for c in range(n_groups)
    ]
    frame = pd.DataFrame(records, columns=["council_code", "group", "count", "base"])
    return frame.astype({"count": "Int64", "base": "Int64"})


def published(matrix: np.ndarray, with_wales: bool, threshold: int, suppress_zero: bool):
    out = suppress(as_frame(matrix, with_wales), threshold=threshold, suppress_zero=suppress_zero)
    hidden = out["count"].isna().to_numpy().reshape(matrix.shape)
    # what the reader sees must match the input wherever it is shown
    shown = out["count"].to_numpy(dtype=float, na_value=np.nan).reshape(matrix.shape)
    assert np.array_equal(shown[~hidden], matrix[~hidden])
    return hidden


def lines(shape: tuple[int, int], with_wales: bool, bases: np.ndarray):
    """(cells, signs, total): each row adds up to its base; councils add up to Wales."""
    n_rows, n_groups = shape
    found = [([(r, c) for c in range(n_groups)], [1] * n_groups, bases[r]) for r in range(n_rows)]
    if with_wales:
        w = n_rows - 1
        for c in range(n_groups):
            found.append(([(r, c) for r in range(n_rows)], [1] * w + [-1], 0))
    return found


def bounds(
    matrix: np.ndarray, hidden: np.ndarray, threshold: int, suppress_zero: bool, with_wales: bool
):
    """What a reader knows of each hidden cell: at most its row's base; at least 1 unless zeros
    are suppressed, or the row's base is below the threshold, or its whole row, or whole column
    with a Wales total (rows with no members aside), is hidden."""
    bases = matrix.sum(axis=1)
    low = {}
    high = {}
    for r, c in zip(*np.nonzero(hidden), strict=True):
        small_base = 0 < bases[r] < threshold
        whole = hidden[r].all() or (with_wales and hidden[bases > 0, c].all())
        low[r, c] = 0 if suppress_zero or small_base or whole else 1
        high[r, c] = int(bases[r])
    return low, high


def propagate(all_lines, matrix, low, high, max_rounds: int = 1000):
    """Interval propagation to a fixed point; returns None if some interval becomes empty."""
    low, high = dict(low), dict(high)
    for _ in range(max_rounds):
        changed = False
        for cells, signs, total in all_lines:
            rest = total - sum(
                s * matrix[x] for x, s in zip(cells, signs, strict=True) if x not in low
            )
            unknown = [(x, s) for x, s in zip(cells, signs, strict=True) if x in low]
            for x, s in unknown:
                others = [(y, t) for y, t in unknown if y != x]
                s_min = sum(min(t * low[y], t * high[y]) for y, t in others)
                s_max = sum(max(t * low[y], t * high[y]) for y, t in others)
                lo, hi = rest - s_max, rest - s_min  # range of s * x
                if s < 0:
                    lo, hi = -hi, -lo
                if lo > low[x]:
                    low[x], changed = lo, True
                if hi < high[x]:
                    high[x], changed = hi, True
                if low[x] > high[x]:
                    return None
        if not changed:
            return low, high
    raise AssertionError("interval propagation did not settle")


def feasible(all_lines, matrix, low, high, budget: list[int]) -> bool:
    """Is there an integer assignment of the hidden cells within the bounds meeting every line?"""
    budget[0] -= 1
    assert budget[0] > 0, "exact search too large for this test"
    narrowed = propagate(all_lines, matrix, low, high)
    if narrowed is None:
        return False
    low, high = narrowed
    open_cells = [x for x in low if low[x] < high[x]]
    if not open_cells:
        fixed = matrix.copy()
        for x in low:
            fixed[x] = low[x]
        return all(
            sum(s * fixed[x] for x, s in zip(cells, signs, strict=True)) == total
            for cells, signs, total in all_lines
        )
    x = min(open_cells, key=lambda y: high[y] - low[y])
    for value in range(int(low[x]), int(high[x]) + 1):
        if feasible(all_lines, matrix, {**low, x: value}, {**high, x: value}, budget):
            return True
    return False


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_no_hidden_cell_is_given_away_by_one_unknown_lines_or_intervals(case):
    matrix, with_wales, threshold, suppress_zero = case
    hidden = published(matrix, with_wales, threshold, suppress_zero)
    # every count from 1 to threshold-1 (and 0 with suppress_zero) is hidden, except in a row
    # with no members (base 0)
    small = (matrix < threshold) & ((matrix > 0) | suppress_zero)
    small &= matrix.sum(axis=1, keepdims=True) > 0
    assert not np.any(small & ~hidden)
    all_lines = lines(matrix.shape, with_wales, matrix.sum(axis=1))

    # Attacker 1: solve lines with one unknown, substitute, repeat.
    unknown = {tuple(int(i) for i in x) for x in zip(*np.nonzero(hidden), strict=True)}
    progress = True
    while progress:
        progress = False
        for cells, _, _ in all_lines:
            left = [x for x in cells if x in unknown]
            if len(left) == 1:
                raise AssertionError(f"cell {left[0]} is the one unknown of a line:\n{matrix}")

    # Attacker 2: interval propagation.
    low, high = bounds(matrix, hidden, threshold, suppress_zero, with_wales)
    result = propagate(all_lines, matrix, low, high)
    assert result is not None  # the truth is consistent with what is published
    low, high = result
    for x in low:
        assert low[x] <= matrix[x] <= high[x]
        assert low[x] < high[x], f"cell {x} pinned to {low[x]}:\n{matrix}\nhidden:\n{hidden}"


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(max_councils=3, max_groups=3, max_count=9))
def test_no_hidden_cell_has_a_single_consistent_value(case):
    matrix, with_wales, threshold, suppress_zero = case
    hidden = published(matrix, with_wales, threshold, suppress_zero)
    all_lines = lines(matrix.shape, with_wales, matrix.sum(axis=1))
    low, high = bounds(matrix, hidden, threshold, suppress_zero, with_wales)
    budget = [20000]
    for x in low:
        others = [v for v in range(low[x], high[x] + 1) if v != matrix[x]]
        assert any(
            feasible(all_lines, matrix, {**low, x: v}, {**high, x: v}, budget) for v in others
        ), f"cell {x} can only be {matrix[x]}:\n{matrix}\nhidden:\n{hidden}"


def test_the_attackers_catch_an_unprotected_table():
    # The attackers must be able to fail: hide only the 2 in a row of 2, 20 and the second
    # attacker pins it (22 - 20), and the exact search finds no other value.
    matrix = np.array([[2, 20]])
    all_lines = lines(matrix.shape, False, matrix.sum(axis=1))
    low, high = {(0, 0): 1}, {(0, 0): 22}
    result = propagate(all_lines, matrix, low, high)
    assert result == ({(0, 0): 2}, {(0, 0): 2})
    others = [v for v in range(1, 23) if v != 2]
    assert not any(feasible(all_lines, matrix, {(0, 0): v}, {(0, 0): v}, [1000]) for v in others)
    # and two ones hidden in a row (zeros published) are pinned by intervals
    matrix = np.array([[1, 1, 20]])
    all_lines = lines(matrix.shape, False, matrix.sum(axis=1))
    low, high = {(0, 0): 1, (0, 1): 1}, {(0, 0): 22, (0, 1): 22}
    assert propagate(all_lines, matrix, low, high) == (low, {(0, 0): 1, (0, 1): 1})


def test_small_tables_exhaustively():
    # every 2 x 2 council table with counts from {0, 1, 2, 4, 6} (zero, below the threshold,
    # at and above it) and a Wales row, default settings
    for flat in itertools.product([0, 1, 2, 4, 6], repeat=4):
        matrix = np.array(flat).reshape(2, 2)
        matrix = np.vstack([matrix, matrix.sum(axis=0)])
        hidden = published(matrix, True, 5, False)
        all_lines = lines(matrix.shape, True, matrix.sum(axis=1))
        low, high = bounds(matrix, hidden, 5, False, True)
        result = propagate(all_lines, matrix, low, high)
        assert result is not None
        assert all(result[0][x] < result[1][x] for x in low), (matrix, hidden)
