"""Which councils have a group's share inside a band (the gender-balance band by default)."""

from __future__ import annotations

import pandas as pd

__all__ = ["parity"]


def parity(
    shares: pd.DataFrame, group: str = "Female", band: tuple[float, float] = (40, 60)
) -> pd.DataFrame:
    """Which councils have a group's share inside a band (the gender-balance band by default).

    The Council of Europe's Recommendation Rec(2003)3 on balanced participation sets a minimum
    of 40% for either sex, which for a two-group split is a women's share between 40% and 60%.

    Parameters
    ----------
    shares : DataFrame
        A :func:`breakdown` result.
    group : str, default "Female"
        The group whose share is tested.
    band : (low, high), default (40, 60)
        Percent, both ends included.

    Returns
    -------
    DataFrame
        The rows of ``group`` with ``within_band`` (pandas "boolean": NA where the share is NA),
        ``band_low`` and ``band_high`` (Float64, percent).

    Examples
    --------
    >>> shares = pd.DataFrame({"council": ["A", "B"], "group": "Female", "share": [0.4, 0.3]})
    >>> parity(shares)["within_band"].tolist()
    [True, False]
    """
    low, high = (float(x) for x in band)
    if not 0 <= low <= high <= 100:
        raise ValueError(f"band must be (low, high) percent with 0 <= low <= high <= 100: {band}")
    rows = shares[shares["group"] == group]
    if rows.empty:
        groups = ", ".join(dict.fromkeys(shares["group"].astype(str)))
        raise ValueError(f"no rows for group {group!r}; the groups are {groups}")
    out = rows.reset_index(drop=True)
    share = out["share"].astype("Float64")
    eps = 1e-12  # 6/15 is 0.4 exactly in decimal; keep float noise off the band's edges
    out["within_band"] = ((share >= low / 100 - eps) & (share <= high / 100 + eps)).astype(
        "boolean"
    )
    out["band_low"] = pd.array([low] * len(out), dtype="Float64")
    out["band_high"] = pd.array([high] * len(out), dtype="Float64")
    return out
