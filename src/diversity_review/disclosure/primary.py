"""Primary suppression: which published counts are too small to show.

A count from 1 to ``threshold - 1`` (0 too with ``suppress_zero``) is primary, and so is every
count in a row whose base is from 1 to ``threshold - 1`` (there even a 0 would say that everyone
is in the other groups). Never primary: counts of groups that say nothing about a person's
characteristic ("Not known", "Prefer not to say": ``exempt``) unless their row's base is small,
counts out of a base of 0 (they concern nobody) and public facts (``public``: seats won
unopposed, say), which a reader knows whatever the pack shows.
"""

from __future__ import annotations

import numpy as np

__all__ = ["primary_cells", "SMALL_COUNT", "SMALL_BASE"]

SMALL_COUNT = "small count"
SMALL_BASE = "small base"


def primary_cells(
    value: np.ndarray,
    base: np.ndarray,
    exempt: np.ndarray,
    public: np.ndarray,
    *,
    threshold: int,
    suppress_zero: bool,
) -> tuple[np.ndarray, np.ndarray]:
    """``(primary, reason)``: a bool per cell and, where primary, why."""
    with np.errstate(invalid="ignore"):
        small = (value < threshold) & ((value > 0) | suppress_zero) & ~exempt
        small_base = (base > 0) & (base < threshold)
    nobody = base == 0
    primary = (small | small_base) & ~nobody & ~public
    reason = np.where(small_base, SMALL_BASE, SMALL_COUNT).astype(object)
    reason[~primary] = ""
    return primary, reason
