"""Women and men among all members, the executive (cabinet) and the leaders."""

from __future__ import annotations

import pandas as pd

from ..categories import MEASURES
from ..councils import WALES_CODE
from .breakdown import breakdown
from .frames import as_strings

__all__ = ["ROLE_SCOPES", "roles_comparison"]

#: measures in the review counts that hold the role comparison, and how the output names them
ROLE_SCOPES = {"sex": "All members", "executive_sex": "Executive", "leader_sex": "Leader"}


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
