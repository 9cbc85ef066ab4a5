"""What a roster says in aggregate: the review's counts, the executive's make-up, job shares.

:func:`roster_counts` returns exactly the review's **counts** contract
(:data:`diversity_review.load.review.COLUMNS`), so a roster can stand wherever a review
spreadsheet does. :func:`executive` gives the make-up of the executive (and of the leaders,
or any other role) by each characteristic; :func:`job_share_counts` and
:func:`check_job_shares` derive job-share portfolios and compare them with the WLGA's
published figures. Nothing made here carries a name or any other column that identifies a
person.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from ..categories import ETHNIC_GROUPS_2021, MEASURES, NOT_KNOWN, PREFER_NOT
from ..councils import council_name
from .review import CANONICAL_HEADERS, COLUMNS
from .roster import CHARACTERISTICS, ROLES
from .roster_words import portfolio_key, without_job_share

__all__ = [
    "REVIEW_GROUPS",
    "ROLE_SCOPES",
    "roster_counts",
    "executive",
    "shared_portfolios",
    "job_share_counts",
    "check_job_shares",
]

#: the (measure, group) cells :func:`roster_counts` gives by default: the review template's
#: (:data:`~diversity_review.load.review.CANONICAL_HEADERS`), and the leader's sex
REVIEW_GROUPS: tuple[tuple[str, str], ...] = (
    *(role for _, role in CANONICAL_HEADERS if isinstance(role, tuple)),
    *(("leader_sex", g) for g in MEASURES["leader_sex"].groups),
)
#: roles :func:`executive` can describe, and the scope label each gets (as in
#: :func:`diversity_review.analysis.roles_comparison`)
ROLE_SCOPES = {
    "executive": "Executive",
    "leader": "Leader",
    "deputy_leader": "Deputy leader",
    "chair_of_council": "Chair of council",
    "committee_chair": "Committee chair",
    "scrutiny_chair": "Scrutiny chair",
}
# the measure of the sex of the members holding a role, as the review counts it
_ROLE_SEX = {"executive": "executive_sex", "leader": "leader_sex"}
_MINORITY = frozenset(ETHNIC_GROUPS_2021[1:])


def _wanted(groups: Iterable[tuple[str, str]] | None) -> dict[str, list[str]]:
    """``{measure: [group, ...]}`` in canonical order, checked against the measures."""
    pairs = list(REVIEW_GROUPS if groups is None else groups)
    wanted: dict[str, list[str]] = {}
    for measure, group in pairs:
        if measure not in MEASURES or group not in MEASURES[measure].groups:
            raise ValueError(f"no group {group!r} of a measure {measure!r}")
        wanted.setdefault(measure, [])
        if group not in wanted[measure]:
            wanted[measure].append(group)
    return {
        m: [g for g in MEASURES[m].groups if g in gs] for m, gs in wanted.items() if m in MEASURES
    }


def _count(values: pd.Series, group: str, groups: Sequence[str]) -> int:
    """Members in ``group`` as a table of ``groups`` counts them.

    "Ethnic minority" holds every ethnic group but White; "Prefer not to say" is counted as
    "Not known" where the table has no "Prefer not to say" of its own.
    """
    if group == "Ethnic minority":
        hit = values.eq(group) | values.isin(_MINORITY)
    elif group == NOT_KNOWN and PREFER_NOT not in groups:
        hit = values.isin([NOT_KNOWN, PREFER_NOT])
    else:
        hit = values.eq(group)
    return int(hit.sum())


def _sources(members: pd.DataFrame) -> str:
    """The file and sheet the members were read from (``"roster.xlsx!Roster"``)."""
    places = members["source"].dropna().map(lambda s: s.rsplit("!", 1)[0])
    return "; ".join(dict.fromkeys(places))


def _role_records(members, wanted, election, code, source) -> list[tuple]:
    records = []
    for role, measure in _ROLE_SEX.items():
        if measure not in wanted or members[role].isna().all():
            continue
        holders = members[members[role].fillna(False).astype(bool)]
        if holders.empty:
            continue
        for group in wanted[measure]:
            count = _count(holders["sex"], group, wanted[measure])
            records.append((election, code, measure, group, count, len(holders), source))
    return records


def _council_records(members: pd.DataFrame, wanted, election, code) -> list[tuple]:
    seats, source = len(members), _sources(members)
    records = []
    for measure in CHARACTERISTICS:
        for group in wanted.get(measure, ()):
            count = _count(members[measure], group, wanted[measure])
            records.append((election, code, measure, group, count, seats, source))
    if "uncontested" in wanted and members["elected_unopposed"].notna().any():
        count = int(members["elected_unopposed"].fillna(False).sum())
        records.append((election, code, "uncontested", "Uncontested seats", count, seats, source))
    return records + _role_records(members, wanted, election, code, source)


def _order(frame: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """Rows in ``by`` order, then measures and groups in canonical order."""
    measure_rank = {m: i for i, m in enumerate(MEASURES)}
    group_rank = {(m, g): i for m, spec in MEASURES.items() for i, g in enumerate(spec.groups)}
    keys = zip(frame["measure"], frame["group"], strict=True)
    ranked = frame.assign(
        _m=frame["measure"].map(measure_rank), _g=[group_rank.get(k, 99) for k in keys]
    )
    ranked = ranked.sort_values([*by, "_m", "_g"], kind="stable")
    return frame.loc[ranked.index].reset_index(drop=True)


def roster_counts(
    roster: pd.DataFrame, *, groups: Iterable[tuple[str, str]] | None = None
) -> pd.DataFrame:
    """The review's counts from a roster: members by characteristic for each council.

    Parameters
    ----------
    roster : DataFrame
        A roster (:func:`~diversity_review.load.roster.load_roster`).
    groups : iterable of (measure, group), optional
        The cells to count; by default :data:`REVIEW_GROUPS` (the review template's columns
        and the leader's sex). Pass a review's own ``(measure, group)`` pairs to get exactly
        its cells. "Ethnic minority" counts every ethnic group but White, and "Prefer not to
        say" counts as "Not known" unless asked for itself.

    Returns
    -------
    DataFrame
        The counts contract (:data:`~diversity_review.load.review.COLUMNS`): ``election``
        (Int64), ``council_code``, ``council``, ``measure``, ``group`` (str), ``count`` and
        ``base`` (Int64), ``suppressed`` (False), ``source`` (the roster's file and sheet).
        ``base`` is the seats (the council's councillors in the roster) for the
        characteristics and ``uncontested`` (given where the roster records who was elected
        unopposed); the executive's size for ``executive_sex`` and the number of leaders for
        ``leader_sex`` (given where the roster records those roles and someone holds them).
        Rows in the order :func:`~diversity_review.load.review.load_review` gives them.

    Examples
    --------
    >>> from diversity_review.load.roster import roster_frame
    >>> roster = roster_frame([
    ...     {"election": 2022, "council_code": "W06000015", "ward": "A", "sex": "Female"},
    ...     {"election": 2022, "council_code": "W06000015", "ward": "A", "sex": "Male"}])
    >>> roster_counts(roster, groups=[("sex", "Female")])[["group", "count", "base"]].values
    array([['Female', 1, 2]], dtype=object)
    """
    wanted = _wanted(groups)
    records = []
    for (election, code), members in roster.groupby(["election", "council_code"], sort=True):
        records += _council_records(members, wanted, int(election), str(code))
    columns = [c for c in COLUMNS if c not in ("council", "suppressed")]
    frame = pd.DataFrame.from_records(records, columns=columns)
    frame.insert(2, "council", [council_name(c) for c in frame["council_code"]])
    frame.insert(COLUMNS.index("suppressed"), "suppressed", False)
    frame = _order(frame, ["election", "council_code"])
    types = {"election": "Int64", "count": "Int64", "base": "Int64", "suppressed": "bool"}
    types |= {c: "str" for c in ("council_code", "council", "measure", "group", "source")}
    return frame[COLUMNS].astype(types)


def executive(
    roster: pd.DataFrame,
    *,
    roles: Sequence[str] = ("executive", "leader"),
    groups: Iterable[tuple[str, str]] | None = None,
) -> pd.DataFrame:
    """The make-up of the executive (cabinet) and of the leaders, by each characteristic.

    Parameters
    ----------
    roster : DataFrame
        A roster.
    roles : sequence of str, default ("executive", "leader")
        Which roles (any of :data:`ROLE_SCOPES`).
    groups : iterable of (measure, group), optional
        The cells to count, as in :func:`roster_counts` (by default the review's groups of
        each characteristic).

    Returns
    -------
    DataFrame
        ``election`` (Int64), ``council_code``, ``council``, ``scope`` ("Executive",
        "Leader" ...), ``measure``, ``group`` (str), ``count`` and ``base`` (Int64: the
        members holding the role). A council whose roster does not record a role, or where
        nobody holds it, has no rows for it. Ready for
        :func:`~diversity_review.disclosure.suppress` (split by election, scope and measure).

    Examples
    --------
    >>> from diversity_review.load.roster import roster_frame
    >>> roster = roster_frame([
    ...     {"election": 2022, "council_code": "W06000015", "ward": "A", "sex": "Female",
    ...      "executive": True, "leader": True},
    ...     {"election": 2022, "council_code": "W06000015", "ward": "B", "sex": "Male",
    ...      "executive": True, "leader": False}])
    >>> t = executive(roster).query("measure == 'sex' and group == 'Female'")
    >>> t[["scope", "count", "base"]].values.tolist()
    [['Executive', 1, 2], ['Leader', 1, 1]]
    """
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise ValueError(f"unknown role {unknown[0]!r}; the roles are {', '.join(ROLES)}")
    wanted = {m: gs for m, gs in _wanted(groups).items() if m in CHARACTERISTICS}
    records = []
    for (election, code), members in roster.groupby(["election", "council_code"], sort=True):
        for role in roles:
            if members[role].isna().all():
                continue
            holders = members[members[role].fillna(False).astype(bool)]
            for measure, measure_groups in wanted.items():
                for group in measure_groups if len(holders) else ():
                    count = _count(holders[measure], group, measure_groups)
                    scope = ROLE_SCOPES[role]
                    records.append(
                        (election, code, scope, measure, group, count, len(holders), role)
                    )
    columns = ["election", "council_code", "scope", "measure", "group", "count", "base", "_r"]
    frame = pd.DataFrame.from_records(records, columns=columns)
    frame.insert(2, "council", [council_name(c) for c in frame["council_code"]])
    frame["_r"] = frame["_r"].map({r: i for i, r in enumerate(roles)})
    frame = _order(frame, ["election", "council_code", "_r"]).drop(columns="_r")
    types = {"election": "Int64", "count": "Int64", "base": "Int64"}
    return frame.astype(types | {c: "str" for c in columns[1:5]} | {"council": "str"})


def shared_portfolios(roster: pd.DataFrame) -> pd.DataFrame:
    """Each portfolio held as a job share: ``election``, ``council_code``, ``council``,
    ``portfolio`` (as the first of its holders' rows writes it, without a job-share note) and
    ``members`` (Int64)."""
    shared = roster[roster["job_share"]]
    keys = shared["portfolio"].map(portfolio_key)
    shared = shared.assign(portfolio=shared["portfolio"].map(without_job_share))
    grouped = shared.groupby([shared["election"], shared["council_code"], keys], sort=True)
    out = grouped.agg(portfolio=("portfolio", "first"), members=("portfolio", "size"))
    out = out.reset_index(level=[0, 1]).reset_index(drop=True)
    out.insert(2, "council", [council_name(c) for c in out["council_code"]])
    return out.astype({"election": "Int64", "members": "Int64", "portfolio": "str"})


def job_share_counts(roster: pd.DataFrame) -> pd.DataFrame:
    """Portfolios held as job shares per council: ``election``, ``council_code``,
    ``council``, ``shared_portfolios`` (Int64; 0 where none), for every council whose roster
    records the executive.

    Examples
    --------
    >>> from diversity_review.load.roster import roster_frame
    >>> roster = roster_frame([
    ...     {"election": 2022, "council_code": "W06000022", "ward": w, "executive": True,
    ...      "portfolio": p} for w, p in [("A", "Social Services"), ("B", "social services"),
    ...                                   ("C", "Finance")]])
    >>> job_share_counts(roster)["shared_portfolios"].tolist()
    [1]
    """
    known = roster[roster["executive"].notna()]
    councils_ = known[["election", "council_code"]].drop_duplicates()
    shares = shared_portfolios(known).groupby(["election", "council_code"]).size()
    out = councils_.sort_values(["election", "council_code"]).reset_index(drop=True)
    index = pd.MultiIndex.from_frame(out)
    out["shared_portfolios"] = shares.reindex(index, fill_value=0).to_numpy()
    out.insert(2, "council", [council_name(c) for c in out["council_code"]])
    return out.astype({"election": "Int64", "shared_portfolios": "Int64"})


def check_job_shares(roster: pd.DataFrame, *, election: int = 2022) -> pd.DataFrame:
    """Job shares derived from the roster against the WLGA's published figures.

    The published figures (:func:`~diversity_review.load.benchmarks.job_shares`) are for
    the councils formed at the 2022 elections; a council they do not list had none.

    Returns
    -------
    DataFrame
        ``council_code``, ``council``, ``derived``, ``published`` (Int64) and ``agrees``
        (bool), one row per council in the roster for ``election``.
    """
    from .benchmarks import job_shares

    derived = job_share_counts(roster)
    derived = derived[derived["election"] == election]
    published = job_shares().set_index("council_code")["shared_portfolios"]
    out = derived[["council_code", "council"]].reset_index(drop=True)
    out["derived"] = derived["shared_portfolios"].to_numpy()
    out["published"] = published.reindex(out["council_code"]).fillna(0).to_numpy()
    out = out.astype({"derived": "Int64", "published": "Int64"})
    out["agrees"] = (out["derived"] == out["published"]).astype(bool)
    return out
