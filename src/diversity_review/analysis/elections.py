"""Who stood and who was elected: candidates and councillors by sex, success rates, wards
with no woman standing, seats won unopposed.

Every function takes the **candidates** contract
(:func:`~diversity_review.load.candidates.load_candidates`) and returns a plain tidy frame
with ``council_code``, ``group``, ``count`` and ``base`` (and ``share`` where it applies), ready
for :func:`~diversity_review.disclosure.suppress`. The Wales row (``W92000004``) is derived
from the councils' rows, never read. "Not known" sex is a group of its own: it is counted, not
guessed.
"""

from __future__ import annotations

import pandas as pd

from ..categories import NOT_KNOWN
from ..councils import WALES_CODE, WALES_NAME
from .intervals import wilson_interval

__all__ = [
    "SEXES",
    "candidates_by_sex",
    "success_by_sex",
    "wards_without_women",
    "unopposed_seats",
]

#: the sex groups of a candidates table, in order
SEXES = ("Female", "Male", NOT_KNOWN)
_BY = ("council", "party")


def _areas(candidates: pd.DataFrame, by: str) -> tuple[pd.DataFrame, list[str]]:
    """The candidacies once per area they count in, and the columns naming an area.

    ``by="council"``: each council, and Wales (every candidacy again); ``by="party"``: each
    party across Wales.
    """
    if by not in _BY:
        raise ValueError(f"by must be one of {', '.join(_BY)}, not {by!r}")
    wales = candidates.assign(council_code=WALES_CODE, council=WALES_NAME["en"])
    if by == "party":
        party = wales["party"].fillna("No party given")
        return wales.assign(party=party), ["election", "council_code", "council", "party"]
    return pd.concat([candidates, wales], ignore_index=True), [
        "election",
        "council_code",
        "council",
    ]


def _by_sex(data: pd.DataFrame, keys: list[str], areas: pd.Index) -> pd.DataFrame:
    """Candidacies of each sex in each area (zeros included), as ``count`` and ``base``."""
    table = data.groupby([*keys, "sex"]).size().unstack("sex", fill_value=0)
    table = table.reindex(index=areas, columns=list(SEXES), fill_value=0)
    long = table.stack().rename("count").reset_index().rename(columns={"sex": "group"})
    long["base"] = long.groupby(keys)["count"].transform("sum")
    return long


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    types = {"election": "Int64", "count": "Int64", "base": "Int64"}
    return frame.astype({k: v for k, v in types.items() if k in frame.columns})


def candidates_by_sex(candidates: pd.DataFrame, *, by: str = "council") -> pd.DataFrame:
    """Candidates who stood, and those elected, by sex.

    Parameters
    ----------
    candidates : DataFrame
        The candidates contract.
    by : {"council", "party"}
        Each council and Wales, or each party across Wales (``council_code`` is then Wales's
        on every row: suppress with ``by=["election", "scope", "party"]``).

    Returns
    -------
    DataFrame
        ``election``, ``council_code``, ``council`` (and ``party``), ``scope`` ("Stood" or
        "Elected"), ``measure`` ("sex"), ``group`` (Female, Male, Not known), ``count`` and
        ``base`` (Int64: all who stood, or all elected, in the area).

    Examples
    --------
    >>> c = pd.DataFrame({"election": [2022] * 3, "council_code": "W06000015",
    ...     "council": "Cardiff", "party": "X", "sex": ["Female", "Male", "Male"],
    ...     "elected": pd.array([True, True, False], dtype="boolean")})
    >>> t = candidates_by_sex(c).query("council == 'Cardiff' and group == 'Female'")
    >>> t[["scope", "count", "base"]].values.tolist()
    [['Stood', 1, 3], ['Elected', 1, 2]]
    """
    data, keys = _areas(candidates, by)
    areas = pd.MultiIndex.from_frame(data[keys].drop_duplicates().sort_values(keys))
    elected = data["elected"].fillna(False).astype(bool)
    parts = [
        _by_sex(subset, keys, areas).assign(scope=scope)
        for scope, subset in (("Stood", data), ("Elected", data[elected]))
    ]
    out = pd.concat(parts, ignore_index=True)
    out = out.sort_values(keys, kind="stable")  # "Stood" before "Elected" in each area
    out.insert(len(keys), "scope", out.pop("scope"))
    out.insert(len(keys) + 1, "measure", "sex")
    return _typed(out.reset_index(drop=True))


def success_by_sex(
    candidates: pd.DataFrame, *, by: str = "council", confidence: float = 0.95
) -> pd.DataFrame:
    """The share of candidates of each sex who were elected, with Wilson intervals.

    Only candidacies whose result is known count (``elected`` not NA).

    Returns
    -------
    DataFrame
        ``election``, ``council_code``, ``council`` (and ``party`` with ``by="party"``),
        ``group`` (the sex), ``count`` (elected), ``base`` (stood), ``share`` (Float64; NA where
        nobody of that sex stood), ``ci_low``, ``ci_high``.

    Examples
    --------
    >>> c = pd.DataFrame({"election": [2022] * 4, "council_code": "W06000015",
    ...     "council": "Cardiff", "party": "X", "sex": ["Female", "Female", "Male", "Male"],
    ...     "elected": pd.array([True, False, True, True], dtype="boolean")})
    >>> t = success_by_sex(c).query("council == 'Wales'")
    >>> t[["group", "count", "base", "share"]].values.tolist()
    [['Female', 1, 2, 0.5], ['Male', 2, 2, 1.0], ['Not known', 0, 0, <NA>]]
    """
    known = candidates[candidates["elected"].notna()]
    data, keys = _areas(known, by)
    areas = pd.MultiIndex.from_frame(data[keys].drop_duplicates().sort_values(keys))
    stood = _by_sex(data, keys, areas)
    won = _by_sex(data[data["elected"].astype(bool)], keys, areas)
    out = (
        stood.rename(columns={"count": "base"})
        .drop(columns="base")
        .assign(base=stood["count"].to_numpy(), count=won["count"].to_numpy())
    )
    out = out[[*keys, "group", "count", "base"]]
    out = _typed(out)
    out["share"] = (out["count"] / out["base"].where(out["base"] > 0)).astype("Float64")
    out["ci_low"], out["ci_high"] = wilson_interval(out["count"], out["base"], confidence)
    return out


def _ballots(candidates: pd.DataFrame) -> pd.DataFrame:
    """One row per ballot: its ward, seats, candidates, women and candidates of unknown sex."""
    grouped = candidates.groupby(["election", "council_code", "council", "ballot"], sort=True)
    return grouped.agg(
        ward=("ward", "first"),
        seats=("seats_contested", "first"),
        candidates=("sex", "size"),
        women=("sex", lambda s: int((s == "Female").sum())),
        sex_not_known=("sex", lambda s: int((s == NOT_KNOWN).sum())),
    ).reset_index()


def _with_wales(per_council: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Per-council sums, and the Wales row made from them, per election."""
    sums = per_council.groupby(["election", "council_code", "council"], sort=True)[columns].sum()
    sums = sums.reset_index()
    wales = sums.groupby("election", sort=True)[columns].sum().reset_index()
    wales = wales.assign(council_code=WALES_CODE, council=WALES_NAME["en"])
    out = pd.concat([sums, wales[sums.columns]], ignore_index=True)
    return out.sort_values(["election", "council_code"], kind="stable").reset_index(drop=True)


def wards_without_women(candidates: pd.DataFrame, *, by: str = "council") -> pd.DataFrame:
    """Wards (ballots) where no woman stood.

    Parameters
    ----------
    by : {"council", "ward"}
        ``"council"``: per council and Wales, ``count`` the wards with no woman standing over
        ``base`` the wards, with ``group`` "No woman standing" and ``share``; ``"ward"``: the
        wards themselves (``election``, ``council_code``, ``council``, ``ward``, ``ballot``,
        ``seats``, ``candidates``, ``sex_not_known``: a ward where candidates' sex is not known
        may have had a woman standing).

    Examples
    --------
    >>> c = pd.DataFrame({"election": [2022] * 3, "council_code": "W06000015",
    ...     "council": "Cardiff", "ballot": ["a", "a", "b"], "ward": ["A", "A", "B"],
    ...     "seats_contested": 1, "sex": ["Female", "Male", "Male"]})
    >>> wards_without_women(c, by="ward")["ward"].tolist()
    ['B']
    >>> wards_without_women(c)[["council", "count", "base"]].values.tolist()
    [['Cardiff', 1, 2], ['Wales', 1, 2]]
    """
    ballots = _ballots(candidates)
    none = ballots[ballots["women"] == 0]
    if by == "ward":
        columns = [
            "election",
            "council_code",
            "council",
            "ward",
            "ballot",
            "seats",
            "candidates",
            "sex_not_known",
        ]
        return _typed(none[columns].reset_index(drop=True))
    if by != "council":
        raise ValueError(f"by must be 'council' or 'ward', not {by!r}")
    counted = ballots.assign(count=ballots["women"].eq(0).astype(int), base=1)
    out = _typed(_with_wales(counted, ["count", "base"]))
    out.insert(3, "group", "No woman standing")
    out["share"] = (out["count"] / out["base"]).astype("Float64")
    return out


def unopposed_seats(candidates: pd.DataFrame) -> pd.DataFrame:
    """Seats won unopposed: in a ballot with no more candidates than seats, every candidate
    is elected without a vote (any seat left over stays vacant until a by-election).

    Returns
    -------
    DataFrame
        Per council and Wales: ``election``, ``council_code``, ``council``, ``measure``
        ("uncontested"), ``group`` ("Uncontested seats"), ``count`` (seats won unopposed),
        ``base`` (seats), ``share``, ``wards`` and ``wards_unopposed``: the review's
        ``uncontested`` measure, made from the candidacies. Ballots whose seats are not
        given are left out.

    Examples
    --------
    >>> c = pd.DataFrame({"election": [2022] * 4, "council_code": "W06000002",
    ...     "council": "Gwynedd", "ballot": ["a", "a", "b", "b"], "ward": ["A", "A", "B", "B"],
    ...     "seats_contested": pd.array([2, 2, 1, 1], dtype="Int64"), "sex": "Male"})
    >>> unopposed_seats(c)[["council", "count", "base", "wards_unopposed"]].values.tolist()
    [['Gwynedd', 2, 3, 1], ['Wales', 2, 3, 1]]
    """
    ballots = _ballots(candidates).dropna(subset=["seats"])
    if ballots.empty:
        raise ValueError("no ballot gives its seats (seats_contested): cannot tell which were won")
    unopposed = ballots["candidates"] <= ballots["seats"]
    counted = ballots.assign(
        count=ballots["candidates"].where(unopposed, 0),
        base=ballots["seats"],
        wards=1,
        wards_unopposed=unopposed.astype(int),
    )
    out = _typed(_with_wales(counted, ["count", "base", "wards", "wards_unopposed"]))
    out.insert(3, "measure", "uncontested")
    out.insert(4, "group", "Uncontested seats")
    out.insert(7, "share", (out["count"] / out["base"]).astype("Float64"))
    return out.astype({"wards": "Int64", "wards_unopposed": "Int64"})
