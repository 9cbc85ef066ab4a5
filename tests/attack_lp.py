"""The attackers' linear programmes: the least and greatest value of each hidden quantity.

Written for the tests alone (the package's audit has its own): one HiGHS model (highspy) of
the reader's equalities, inequalities and bounds, its objective changed from one target to the
next, so each solve starts from the last one's basis instead of building and presolving the
same programme again (the cost of ``scipy.optimize.linprog`` per solve was most of these
tests' time).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import highspy
import numpy as np
from scipy import sparse


class Programme:
    """``a_ub @ x <= b_ub``, ``a_eq @ x == b_eq`` and the bounds (one ``(low, high)`` for all,
    or one per variable; ``None`` is unbounded) as one HiGHS model."""

    def __init__(
        self,
        n: int,
        *,
        a_ub: np.ndarray | None = None,
        b_ub: Sequence[float] | None = None,
        a_eq: np.ndarray | None = None,
        b_eq: Sequence[float] | None = None,
        bounds: Sequence[tuple[float, float | None]] | tuple[float, float | None] = (0.0, None),
    ) -> None:
        inf = highspy.kHighsInf
        pairs = [bounds] * n if isinstance(bounds, tuple) else list(bounds)
        lower = np.array([-inf if lo is None else lo for lo, _ in pairs], dtype=float)
        upper = np.array([inf if hi is None else hi for _, hi in pairs], dtype=float)
        self.h = h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        none = np.array([], dtype=np.int32)
        h.addCols(n, np.zeros(n), lower, upper, 0, none, none, np.array([], dtype=float))
        blocks, low, high = [], [], []
        if a_ub is not None and len(a_ub):
            blocks.append(np.asarray(a_ub, dtype=float))
            low += [-inf] * len(a_ub)
            high += list(map(float, b_ub))
        if a_eq is not None and len(a_eq):
            blocks.append(np.asarray(a_eq, dtype=float))
            low += list(map(float, b_eq))
            high += list(map(float, b_eq))
        if blocks:
            rows = sparse.csr_matrix(np.vstack(blocks))
            h.addRows(
                rows.shape[0],
                np.array(low),
                np.array(high),
                rows.nnz,
                rows.indptr[:-1].astype(np.int32),
                rows.indices.astype(np.int32),
                rows.data,
            )

    def range(self, target: int) -> tuple[float, float]:
        """The least and greatest value of one variable (an infeasible or unbounded programme
        fails the test)."""
        h, ends = self.h, []
        for sense in (1.0, -1.0):
            h.changeColCost(target, sense)
            h.run()
            status = h.getModelStatus()
            assert status == highspy.HighsModelStatus.kOptimal, h.modelStatusToString(status)
            ends.append(sense * h.getInfo().objective_function_value)
        h.changeColCost(target, 0.0)
        return ends[0], ends[1]


def ranges(targets: Iterable[int], n: int, **programme) -> list[tuple[float, float]]:
    """For each target variable, ``(least, greatest)`` over one :class:`Programme`."""
    lp = Programme(n, **programme)
    return [lp.range(t) for t in targets]
