"""``change_between``: a group's share at two elections and the change in points."""

from __future__ import annotations

import pandas as pd

from ..categories import MEASURES
from ..councils import WALES_CODE
from .breakdown import breakdown
from .frames import as_strings

__all__ = ["change_between"]


def change_between(
    counts_or_shares: pd.DataFrame,
    from_election: int,
    to_election: int,
    *,
    measure: str = "sex",
    group: str = "Female",
    known_only: bool = False,
) -> pd.DataFrame:
    """A group's share at two elections, per council and for Wales, and the change in points.

    Parameters
    ----------
    counts_or_shares : DataFrame
        Review counts (broken down here with :func:`breakdown`) or a breakdown with an
        ``election`` column.
    from_election, to_election : int
        The two elections, e.g. 2017 and 2022.
    measure, group : str
        What to follow; by default women among all members.
    known_only : bool, default False
        Passed to :func:`breakdown` when counts are given.

    Returns
    -------
    DataFrame
        ``council_code``, ``council``, ``measure``, ``group``, ``count_from``, ``base_from``
        (Int64), ``share_from`` (Float64), ``count_to``, ``base_to``, ``share_to``,
        ``change_pp`` (Float64: 100 x (share_to - share_from)), ``status`` (str): "both", or
        "only in {from}" / "only in {to}" for a council present at one election only (kept,
        with NA on the other side). Councils in ONS order, Wales last. ``attrs`` carries
        ``from_election`` and ``to_election``.

    Examples
    --------
    >>> counts = pd.DataFrame({
    ...     "election": pd.array([2017, 2017, 2022, 2022], dtype="Int64"),
    ...     "council_code": "W06000021", "council": "Monmouthshire", "measure": "sex",
    ...     "group": ["Female", "Male"] * 2,
    ...     "count": pd.array([15, 28, 23, 23], dtype="Int64"),
    ...     "base": pd.array([43, 43, 46, 46], dtype="Int64")})
    >>> out = change_between(counts, 2017, 2022)
    >>> float(round(out.loc[0, "change_pp"], 1)), out.loc[0, "status"]
    (15.1, 'both')
    """
    _check_elections(counts_or_shares, (from_election, to_election), measure)
    data = counts_or_shares
    shares = data if "share" in data.columns else breakdown(data, measure, known_only=known_only)
    selected = shares[(shares["measure"] == measure) & (shares["group"] == group)]
    if selected.empty:
        raise ValueError(f"no rows for {measure} {group!r}")
    out = _paired(selected, from_election, to_election).assign(measure=measure, group=group)
    out["change_pp"] = (100 * (out["share_to"] - out["share_from"])).astype("Float64")
    out = _published(out)
    out.attrs.update(from_election=from_election, to_election=to_election)
    return out


def _check_elections(data: pd.DataFrame, wanted: tuple[int, int], measure: str) -> None:
    """Both elections are in the data, and each gives the measure (when any election does)."""
    if "election" not in data.columns:
        raise ValueError("change_between needs an 'election' column")
    elections = sorted(int(e) for e in data["election"].dropna().unique())
    for e in wanted:
        if e not in elections:
            raise ValueError(
                f"no election {e} in the data; the elections are {', '.join(map(str, elections))}"
            )
    if not (data["measure"] == measure).any():  # an unknown measure: breakdown's error lists them
        return
    for e in wanted:
        held = data.loc[data["election"] == e, "measure"]
        if not (held == measure).any():
            has = [m for m in MEASURES if (held == m).any()]
            has += sorted(set(held.dropna()) - set(MEASURES))
            raise ValueError(f"{e} has no {measure} figures; it has {', '.join(has) or 'none'}")


def _paired(selected: pd.DataFrame, from_election: int, to_election: int) -> pd.DataFrame:
    """Each council's row at the two elections side by side, and which it is present at."""
    cols = ["council_code", "council", "count", "base", "share"]
    a = selected.loc[selected["election"] == from_election, cols]
    b = selected.loc[selected["election"] == to_election, cols]
    out = a.merge(b, on="council_code", how="outer", suffixes=("_from", "_to"), indicator=True)
    out["council"] = out["council_from"].fillna(out["council_to"])
    out["status"] = out["_merge"].map(
        {
            "both": "both",
            "left_only": f"only in {from_election}",
            "right_only": f"only in {to_election}",
        }
    )
    return out


def _published(out: pd.DataFrame) -> pd.DataFrame:
    """The result's columns and dtypes, councils in ONS order with Wales last."""
    columns = [
        "council_code", "council", "measure", "group", "count_from", "base_from", "share_from",
        "count_to", "base_to", "share_to", "change_pp", "status",
    ]  # fmt: skip
    out = out[columns].astype(
        {
            "count_from": "Int64",
            "base_from": "Int64",
            "share_from": "Float64",
            "count_to": "Int64",
            "base_to": "Int64",
            "share_to": "Float64",
        }  # fmt: skip
    )
    out = as_strings(out, ["council_code", "council", "measure", "group", "status"])
    out = out.assign(_wales=out["council_code"].eq(WALES_CODE))
    out = out.sort_values(["_wales", "council_code"], kind="stable").drop(columns="_wales")
    return out.reset_index(drop=True)
