"""Wilson score intervals and shares: the arithmetic every breakdown shares."""

from __future__ import annotations

from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["wilson_interval", "share_of", "with_intervals"]


def _floats(values: Any) -> np.ndarray:
    """Any scalar, list, array or Series of numbers (NA allowed) as a 1-D float array."""
    if isinstance(values, pd.Series | pd.Index):
        values = values.array
    if np.ndim(values) == 0:
        values = [values]
    return pd.array(values, dtype="Float64").to_numpy(dtype=float, na_value=np.nan)


def wilson_interval(count: Any, n: Any, confidence: float = 0.95) -> tuple[Any, Any]:
    """Wilson score interval for the proportion ``count / n``, vectorised.

    The Wilson interval stays inside 0..1 and behaves well for small ``n`` and for shares near
    0 or 1, which is why it is used for survey shares. At the edges it is exact: the lower
    bound is 0 when ``count == 0`` and the upper bound is 1 when ``count == n``.

    Parameters
    ----------
    count, n : int, array-like or Series
        Successes and trials (broadcast against each other). NA is allowed in either.
    confidence : float, default 0.95
        Two-sided confidence level.

    Returns
    -------
    (low, high)
        Floats for scalar input (``nan`` where undefined), numpy arrays for array input, or
        ``Float64`` Series (``<NA>`` where undefined) when either input is a Series. Undefined
        means ``n == 0`` or either value missing.

    Raises
    ------
    ValueError
        If a count is negative or larger than its ``n``, or ``confidence`` is not in (0, 1).

    Examples
    --------
    >>> low, high = wilson_interval(5, 10)
    >>> round(low, 4), round(high, 4)
    (0.2366, 0.7634)
    >>> wilson_interval(0, 10)[0], round(wilson_interval(0, 10)[1], 4)
    (0.0, 0.2775)
    """
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, not {confidence!r}")
    index = next((v.index for v in (count, n) if isinstance(v, pd.Series)), None)
    scalar = np.ndim(count) == 0 and np.ndim(n) == 0 and index is None
    k, m = np.broadcast_arrays(_floats(count), _floats(n))
    known = ~np.isnan(k) & ~np.isnan(m)
    if np.any(known & ((k < 0) | (k > m))):
        raise ValueError("each count must be between 0 and its n")
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    defined = known & (m > 0)
    safe_m = np.where(defined, m, 1.0)
    p = np.where(defined, k, 0.0) / safe_m
    denom = 1 + z * z / safe_m
    centre = (p + z * z / (2 * safe_m)) / denom
    half = z * np.sqrt(p * (1 - p) / safe_m + z * z / (4 * safe_m * safe_m)) / denom
    low = np.where(k == 0, 0.0, np.clip(centre - half, 0.0, 1.0))
    high = np.where(k == m, 1.0, np.clip(centre + half, 0.0, 1.0))
    low = np.where(defined, low, np.nan)
    high = np.where(defined, high, np.nan)
    if scalar:
        return float(low[0]), float(high[0])
    if index is not None:
        return (
            pd.Series(pd.array(low, dtype="Float64"), index=index, name="ci_low").mask(~defined),
            pd.Series(pd.array(high, dtype="Float64"), index=index, name="ci_high").mask(~defined),
        )
    return low, high


def share_of(count: pd.Series, base: pd.Series) -> pd.Series:
    """count / base as Float64, NA where either is NA or the base is 0."""
    c = count.astype("Float64")
    b = base.astype("Float64")
    return (c / b.where(b > 0)).astype("Float64")


def with_intervals(frame: pd.DataFrame) -> pd.DataFrame:
    low, high = wilson_interval(frame["count"], frame["base"])
    return frame.assign(ci_low=low.array, ci_high=high.array)
