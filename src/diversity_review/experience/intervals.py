"""The difference between two proportions with Newcombe's hybrid score interval.

Method 10 of Newcombe (1998), "Interval estimation for the difference between independent
proportions: comparison of eleven methods", Statistics in Medicine 17, 873-890: with the Wilson
score intervals ``(l1, u1)`` of ``p1 = a/m`` and ``(l2, u2)`` of ``p2 = b/n``, the difference
``d = p1 - p2`` has the interval

    d - sqrt((p1 - l1)^2 + (u2 - p2)^2)  to  d + sqrt((u1 - p1)^2 + (p2 - l2)^2).

It needs no continuity correction, stays inside -1..1 and behaves well with small counts and
with shares of 0 or 1, which are common in councillor surveys.

Examples
--------
>>> d, low, high = newcombe_interval(56, 70, 48, 80)
>>> round(d, 4), round(low, 4), round(high, 4)
(0.2, 0.0524, 0.3339)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..analysis import wilson_interval

__all__ = ["newcombe_interval", "excludes_zero"]


def newcombe_interval(
    a: Any, m: Any, b: Any, n: Any, confidence: float = 0.95
) -> tuple[Any, Any, Any]:
    """``(difference, low, high)`` of ``a/m - b/n``, vectorised like ``wilson_interval``.

    NaN where either base is 0 or a value is missing.
    """
    a, m, b, n = (np.asarray(v, dtype=float) for v in (a, m, b, n))
    l1, u1 = (np.asarray(v, dtype=float) for v in wilson_interval(a, m, confidence))
    l2, u2 = (np.asarray(v, dtype=float) for v in wilson_interval(b, n, confidence))
    with np.errstate(invalid="ignore", divide="ignore"):
        p1 = np.where(m > 0, a / np.where(m > 0, m, 1), np.nan)
        p2 = np.where(n > 0, b / np.where(n > 0, n, 1), np.nan)
    d = p1 - p2
    low = d - np.hypot(p1 - l1, u2 - p2)
    high = d + np.hypot(u1 - p1, p2 - l2)
    if d.ndim == 0:
        return float(d), float(low), float(high)
    return d, low, high


def excludes_zero(low: Any, high: Any) -> Any:
    """True where an interval lies wholly above or wholly below zero (False where NaN)."""
    low, high = np.asarray(low, dtype=float), np.asarray(high, dtype=float)
    return (low > 0) | (high < 0)
