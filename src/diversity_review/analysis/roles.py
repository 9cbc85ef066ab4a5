"""The parity band, and who holds the high-influence roles (executive, leader)."""

from __future__ import annotations

import pandas as pd

from ..categories import MEASURES
from ..councils import WALES_CODE
from .breakdown import breakdown
from .frames import as_strings

__all__ = ["parity", "roles_comparison", "ROLE_SCOPES"]

#: measures in the review counts that hold the role comparison, and how the output names them
ROLE_SCOPES = {"sex": "All members", "executive_sex": "Executive", "leader_sex": "Leader"}


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


def roles_comparison(counts: pd.DataFrame, *, election: int | None = None) -> pd.DataFrame:
    """Women and men among all members, the executive (cabinet) and the leaders.

    Parameters
    ----------
    counts : DataFrame
        Review counts with the measures ``sex``, ``executive_sex`` and/or ``leader_sex``.
    election : int, optional
        Which election; by default the latest in ``counts``.

    Returns
    -------
    DataFrame
        ``council_code``, ``council``, ``scope`` ("All members" | "Executive" | "Leader"),
        ``group``, ``count``, ``base`` (Int64), ``share`` (Float64); a Wales row per scope
        (for leaders: the number of councils led by a woman over the councils counted).
        ``attrs["election"]`` is the election used. Scopes absent from ``counts`` are left out.

    Examples
    --------
    >>> counts = pd.DataFrame({
    ...     "election": pd.array([2022] * 4, dtype="Int64"),
    ...     "council_code": "W06000015", "council": "Cardiff",
    ...     "measure": ["sex", "sex", "leader_sex", "leader_sex"],
    ...     "group": ["Female", "Male"] * 2,
    ...     "count": pd.array([29, 50, 0, 1], dtype="Int64"),
    ...     "base": pd.array([79, 79, 1, 1], dtype="Int64")})
    >>> roles_comparison(counts)["scope"].unique().tolist()
    ['All members', 'Leader']
    """
    data = counts
    if "election" in data.columns:
        present = sorted(int(e) for e in data["election"].dropna().unique())
        if election is None:
            election = present[-1] if present else None
        elif election not in present:
            raise ValueError(f"no election {election}; the elections are {present}")
        data = data[data["election"] == election]
    parts = [
        breakdown(data, m).assign(scope=scope)
        for m, scope in ROLE_SCOPES.items()
        if (data["measure"] == m).any()
    ]
    if not parts:
        raise ValueError(f"no role measures in the counts (need one of {', '.join(ROLE_SCOPES)})")
    out = pd.concat(parts, ignore_index=True)
    scope_rank = {s: i for i, s in enumerate(ROLE_SCOPES.values())}
    group_rank = {g: i for i, g in enumerate(MEASURES["sex"].groups)}
    out = out.assign(
        _wales=out["council_code"].eq(WALES_CODE),
        _scope=out["scope"].map(scope_rank),
        _group=out["group"].map(group_rank).fillna(len(group_rank)),
    ).sort_values(["_wales", "council_code", "_scope", "_group"], kind="stable")
    out = out[["council_code", "council", "scope", "group", "count", "base", "share"]]
    out = as_strings(out, ["scope"]).reset_index(drop=True)
    out.attrs["election"] = election
    return out
