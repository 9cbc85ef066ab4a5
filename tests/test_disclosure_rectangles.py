"""The hypercube search prices and widens every rectangle through a cell at once (numpy over the
grid); here each rectangle is worked out by itself from its four corners, as the module's
docstring defines it, and compared with the grid's figure at its far corner."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from diversity_review.councils import WALES_CODE
from diversity_review.disclosure.cells import Cells
from diversity_review.disclosure.hypercube import INF, Search


def _search(seed: int) -> Search:
    """A registry of 12 councils x 6 groups with their Wales row (small counts, so many cells
    are hidden and some cannot move), and a search over it with some cells hidden."""
    rng = np.random.default_rng(seed)
    counts = rng.integers(0, 9, size=(12, 6))
    counts = np.vstack([counts, counts.sum(axis=0)])
    codes = [f"W06{i:06d}" for i in range(12)] + [WALES_CODE]
    frame = pd.DataFrame(
        {
            "council_code": np.repeat(codes, 6),
            "group": np.tile([f"g{j}" for j in range(6)], 13),
            "count": counts.ravel(),
            "base": np.repeat(counts.sum(axis=1), 6),
        }
    )
    cells = Cells()
    cells.add_table("t", frame, lambda block: (), by=[])
    cells.link_subsets()
    value = np.asarray(cells.value, dtype=float)
    base = np.asarray(cells.base, dtype=float)
    hidden = value < 3
    low = np.where(rng.random(len(value)) < 0.5, 0.0, 1.0)  # some hidden zeros cannot move
    need = np.minimum(5.0, base - low)
    usable = (value > 0) | hidden
    return Search(cells, hidden.copy(), low, base, need, usable)


def _by_hand(board, r: int, c: int, r2: int, c2: int, acc: tuple[float, float]):
    """The cost and width of the rectangle with corners (r, c) and (r2, c2): +t at (r, c)
    and (r2, c2), -t at the other two (signs flipped on the Wales row, which councils add up
    to), each corner moving within its capacities."""
    same = board.w[r2] == board.w[r]
    moves = [  # (capacity for +t at (r, c), capacity for -t at (r, c)) of each other corner
        (board.dn[r, c2], board.up[r, c2]),
        (board.dn[r2, c], board.up[r2, c]) if same else (board.up[r2, c], board.dn[r2, c]),
        (board.up[r2, c2], board.dn[r2, c2]) if same else (board.dn[r2, c2], board.up[r2, c2]),
    ]
    corners = [(r, c2), (r2, c), (r2, c2)]
    if any(min(m) < 0 for m in moves):
        return None  # a corner that cannot move
    go_up = min(m[0] for m in moves)
    go_dn = min(m[1] for m in moves)
    width = min(acc[0] + go_up, board.up[r, c]) + min(acc[1] + go_dn, board.dn[r, c])
    cost = sum(board.cost[p] for p in corners)
    return cost, (go_up, go_dn), width


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_rectangle_is_priced_and_widened_as_by_hand(seed):
    search = _search(seed)
    board = search.boards[0]
    n, m = board.ids.shape
    checked = 0
    for r, c in zip(*np.nonzero(board.ids >= 0), strict=True):
        if board.cost[r, c] >= INF:
            continue  # a cell that cannot move is never a rectangle's first corner
        total = board.prices(r, c, [])
        for acc in ((0.0, 0.0), (1.0, 2.0)):
            width = board.widths(r, c, acc)
            for r2 in range(n):
                for c2 in range(m):
                    found = None if r2 == r or c2 == c else _by_hand(board, r, c, r2, c2, acc)
                    if found is None:
                        assert total[r2, c2] >= INF / 2
                        continue
                    cost, moves, reach = found
                    assert total[r2, c2] == cost
                    assert board.moves(r, c, r2, c2) == moves
                    assert width[r2, c2] == reach
                    checked += 1
    assert checked > 1000


def test_a_banned_corner_prices_its_rectangles_out():
    search = _search(4)
    board = search.boards[0]
    r, c = next(
        (int(r), int(c))
        for r, c in zip(*np.nonzero(board.ids >= 0), strict=True)
        if board.cost[r, c] < INF
    )
    before = board.prices(r, c, [])
    far = tuple(int(i) for i in np.unravel_index(int(np.argmin(before)), before.shape))
    sides = [(r, far[1]), (far[0], c)]  # the rectangle's other corners, in row r and column c
    after = board.prices(r, c, [far, *sides])
    assert after[far] >= INF / 2
    assert (after[:, far[1]] >= INF / 2).all()  # every rectangle through a banned side
    assert (after[far[0], :] >= INF / 2).all()
    untouched = np.ones(before.shape, dtype=bool)
    untouched[:, far[1]] = untouched[far[0], :] = False
    assert (after[untouched] == before[untouched]).all()
    alone = board.prices(r, c, [far])  # a far corner banned alone (its rectangle unbalanced)
    assert alone[far] >= INF / 2
    others = np.ones(before.shape, dtype=bool)
    others[far] = False
    assert (alone[others] == before[others]).all()
