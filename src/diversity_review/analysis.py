"""Representation analysis: breakdowns, Wilson intervals, comparison with the population, change
between elections, the parity band and who holds the high-influence roles.

Pure functions: DataFrames in, DataFrames out. Nothing here reads input files (the only data read
is the package's own Census figures, through :mod:`diversity_review.load.benchmarks`) and
nothing is plotted.

Two kinds of input are accepted wherever a breakdown is made:

- **counts** (the review loader's output): one row per ``election``, council, ``measure`` and
  ``group`` with ``count`` and ``base``;
- **respondents** (the survey loader's output): one row per respondent with one categorical
  column per measure.

The Wales row (``W92000004``, "Wales") is always derived here as the sum of the councils' counts
over the sum of their bases, never as a mean of the councils' shares.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

from .categories import MEASURES, NOT_STATED, WELSH_SKILLS, ordered_groups
from .councils import WALES_CODE, council_name
from .errors import DataWarning

__all__ = [
    "breakdown",
    "wilson_interval",
    "compare_with_population",
    "change_between",
    "parity",
    "roles_comparison",
    "WELSH_SKILLS_MEASURE",
]

#: the multi-select Welsh-skills question, counted option by option (see :func:`breakdown`)
WELSH_SKILLS_MEASURE = "welsh_skills"
WALES = "Wales"
#: measures in the review counts that hold the role comparison, and how the output names them
ROLE_SCOPES = {"sex": "All members", "executive_sex": "Executive", "leader_sex": "Leader"}


# --------------------------------------------------------------------------------------------
# Wilson score interval
# --------------------------------------------------------------------------------------------


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


def _share(count: pd.Series, base: pd.Series) -> pd.Series:
    """count / base as Float64, NA where either is NA or the base is 0."""
    c = count.astype("Float64")
    b = base.astype("Float64")
    return (c / b.where(b > 0)).astype("Float64")


def _add_ci(frame: pd.DataFrame) -> pd.DataFrame:
    low, high = wilson_interval(frame["count"], frame["base"])
    return frame.assign(ci_low=low.array, ci_high=high.array)


# --------------------------------------------------------------------------------------------
# breakdown
# --------------------------------------------------------------------------------------------


def _is_counts(data: pd.DataFrame) -> bool:
    return {"measure", "group", "count", "base"} <= set(data.columns)


def _order(frame: pd.DataFrame, keys: list[str], groups: Sequence[str]) -> pd.DataFrame:
    """Keys, then councils in ONS order with Wales last, then groups in canonical order."""
    rank = {g: i for i, g in enumerate(groups)}
    frame = frame.assign(
        _wales=frame["council_code"].eq(WALES_CODE),
        _group=frame["group"].map(rank).fillna(len(rank)),
    )
    frame = frame.sort_values([*keys, "_wales", "council_code", "_group"], kind="stable")
    return frame.drop(columns=["_wales", "_group"]).reset_index(drop=True)


def _strings(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    return frame.astype({c: "str" for c in columns if c in frame.columns})


def breakdown(
    data: pd.DataFrame,
    measure: str,
    *,
    by: str | None = "council",
    include_not_stated: bool = False,
    ci: bool | None = None,
    known_only: bool = False,
) -> pd.DataFrame:
    """Count, base and share of each group of a measure, for each council and for Wales.

    Works on review **counts** (a table with a ``measure`` column) and on survey
    **respondents** (a categorical column named ``measure``).

    Parameters
    ----------
    data : DataFrame
        Counts (``election``, ``council_code``, ``council``, ``measure``, ``group``, ``count``,
        ``base``) or respondents (``council_code``, ``survey_year`` and one categorical column
        per measure).
    measure : str
        The measure, e.g. ``"sex"``. For respondents, ``"welsh_skills"`` counts each of the
        four Welsh-skills options (a multi-select question): the group is the option's label
        (``categories.WELSH_SKILLS``) and the base is the respondents who answered the question,
        so the shares do not add up to 1.
    by : {"council", None}
        ``"council"`` gives each council and the Wales row; ``None`` only the Wales row.
    include_not_stated : bool, default False
        Survey data only. By default "Prefer not to say" and unanswered (NA) are left out of
        the base and counted in ``excluded``; ``True`` keeps "Prefer not to say" as a group in
        the base (NA is still excluded).
    ci : bool, optional
        Add Wilson 95% intervals ``ci_low``/``ci_high``. Always added for survey data; for
        counts only when ``True``.
    known_only : bool, default False
        Counts only. By default "Not known" (and "Prefer not to say") are groups like any
        other, with their share of the whole base (normally the seats). ``True`` gives shares
        among members whose characteristic is known: the not-known groups are dropped and their
        count taken off each council's base (a council whose "Not known" count is itself
        missing gets an NA base).

    Returns
    -------
    DataFrame
        Counts: ``election`` (Int64), ``council_code``, ``council``, ``measure``, ``group``
        (str), ``count``, ``base`` (Int64), ``share`` (Float64, a fraction), plus ``ci_low``,
        ``ci_high`` (Float64) when asked. Survey: ``survey_year`` (Int64) when present,
        ``council_code``, ``council``, ``measure``, ``group``, ``count``, ``base``, ``share``,
        ``ci_low``, ``ci_high``, ``excluded`` (Int64: the council's respondents left out of the
        base). Councils in ONS order, Wales last; groups in canonical order.

        The Wales row is the sum of councils' counts over the sum of their bases. A council
        whose count for a group is missing (suppressed at source) is left out of that group's
        Wales count *and* base, with a :class:`DataWarning` naming it. Survey respondents with
        no council are counted in the Wales row only.

    Examples
    --------
    >>> counts = pd.DataFrame({
    ...     "election": pd.array([2022] * 4, dtype="Int64"),
    ...     "council_code": ["W06000001"] * 2 + ["W06000002"] * 2,
    ...     "council": ["Isle of Anglesey"] * 2 + ["Gwynedd"] * 2,
    ...     "measure": "sex", "group": ["Female", "Male"] * 2,
    ...     "count": pd.array([10, 25, 30, 39], dtype="Int64"),
    ...     "base": pd.array([35, 35, 69, 69], dtype="Int64")})
    >>> out = breakdown(counts, "sex")
    >>> out.loc[out["council"] == "Wales", ["group", "count", "base"]].values.tolist()
    [['Female', 40, 104], ['Male', 64, 104]]
    """
    if by not in ("council", None):
        raise ValueError(f"by must be 'council' or None, not {by!r}")
    if _is_counts(data):
        if include_not_stated and known_only:
            raise ValueError("include_not_stated=True and known_only=True contradict each other")
        return _breakdown_counts(data, measure, by=by, ci=bool(ci), known_only=known_only)
    if known_only:
        raise ValueError(
            "known_only is for review counts; survey shares already leave 'Prefer not to say' "
            "out of the base (include_not_stated=True puts it back)"
        )
    return _breakdown_survey(data, measure, by=by, include_not_stated=include_not_stated)


def _breakdown_counts(
    data: pd.DataFrame, measure: str, *, by: str | None, ci: bool, known_only: bool
) -> pd.DataFrame:
    rows = data[data["measure"] == measure]
    if rows.empty:
        present = ", ".join(dict.fromkeys(data["measure"].astype(str)))
        raise ValueError(f"no counts for measure {measure!r}; the measures are {present}")
    keys = ["election"] if "election" in data.columns else []
    frame = rows[[*keys, "council_code", "council", "measure", "group", "count", "base"]]
    frame = frame.astype({"count": "Int64", "base": "Int64"})
    if keys:
        frame = frame.astype({"election": "Int64"})
    unit = [*keys, "council_code"]
    if frame.duplicated([*unit, "group"]).any():
        raise ValueError(f"more than one row per council and group for measure {measure!r}")
    if known_only:
        unstated = frame["group"].isin(NOT_STATED)
        off = (
            frame[unstated]
            .groupby(unit, dropna=False)["count"]
            .sum(skipna=False)
            .rename("_off")
            .reset_index()
        )
        frame = frame[~unstated].merge(off, on=unit, how="left")
        frame = frame.assign(base=frame["base"] - frame["_off"].fillna(0)).drop(columns="_off")

    known = frame["count"].notna() & frame["base"].notna()
    if not known.all():
        missing = frame.loc[~known, ["council", "group"]].drop_duplicates()
        listed = "; ".join(f"{c} ({g})" for c, g in missing.itertuples(index=False))
        warnings.warn(
            f"{measure}: left out of the Wales count and base where the count is missing: {listed}",
            DataWarning,
            stacklevel=3,
        )
    wales = (
        frame[known]
        .groupby([*keys, "measure", "group"], sort=False)[["count", "base"]]
        .sum()
        .reset_index()
        .assign(council_code=WALES_CODE, council=WALES)
    )
    out = wales if by is None else pd.concat([frame, wales], ignore_index=True)
    out = out.astype({"count": "Int64", "base": "Int64"})
    out = out.assign(share=_share(out["count"], out["base"]))
    if ci:
        out = _add_ci(out)
    columns = [*keys, "council_code", "council", "measure", "group", "count", "base", "share"]
    columns += ["ci_low", "ci_high"] if ci else []
    out = _strings(out[columns], ["council_code", "council", "measure", "group"])
    return _order(out, keys, ordered_groups(measure, list(out["group"])))


def _tally(
    data: pd.DataFrame,
    keys: list[str],
    by: str | None,
    answers: dict[str, pd.Series],
    answered: pd.Series,
) -> pd.DataFrame:
    """Counts per unit (council and Wales) of each group's indicator, the base and exclusions.

    ``answers`` maps a group to a boolean Series (respondent is in the group); ``answered``
    marks respondents in the base.
    """
    frame = pd.DataFrame({k: data[k] for k in keys})
    frame["council_code"] = data["council_code"].astype("str") if "council_code" in data else pd.NA
    frame["_base"] = answered.astype(int)
    frame["_all"] = 1
    for i, indicator in enumerate(answers.values()):
        frame[f"_g{i}"] = (indicator & answered).astype(int)
    sums = [c for c in frame.columns if c.startswith("_")]
    parts = []
    if by == "council":
        parts.append(frame.dropna(subset=["council_code"]).groupby([*keys, "council_code"])[sums])
    wales = frame.assign(council_code=WALES_CODE).groupby([*keys, "council_code"])[sums]
    parts.append(wales)
    totals = pd.concat([p.sum() for p in parts]).reset_index()
    long = []
    for i, group in enumerate(answers):
        long.append(
            totals[[*keys, "council_code"]].assign(
                group=group,
                count=totals[f"_g{i}"],
                base=totals["_base"],
                excluded=totals["_all"] - totals["_base"],
            )
        )
    return pd.concat(long, ignore_index=True)


def _breakdown_survey(
    data: pd.DataFrame, measure: str, *, by: str | None, include_not_stated: bool
) -> pd.DataFrame:
    keys = ["survey_year"] if "survey_year" in data.columns else []
    if measure == WELSH_SKILLS_MEASURE:
        missing = [c for c in WELSH_SKILLS if c not in data.columns]
        if missing:
            raise ValueError(f"no Welsh-skills answers: columns {', '.join(missing)} missing")
        skills = {label: data[col].astype("boolean") for col, label in WELSH_SKILLS.items()}
        answered = pd.concat(skills.values(), axis=1).notna().any(axis=1)
        answers = {label: s.fillna(False).astype(bool) for label, s in skills.items()}
        groups = list(WELSH_SKILLS.values())
    else:
        if measure not in data.columns:
            present = data.attrs.get("measures") or [
                c for c in data.columns if isinstance(data[c].dtype, pd.CategoricalDtype)
            ]
            raise ValueError(
                f"no answers for measure {measure!r}; the measures are {', '.join(present)}"
            )
        column = data[measure]
        if isinstance(column.dtype, pd.CategoricalDtype):
            categories = [str(c) for c in column.cat.categories]
        else:
            categories = ordered_groups(measure, list(column.dropna().astype(str)))
        values = column.astype("str").where(column.notna())
        counted = [c for c in categories if include_not_stated or c not in NOT_STATED]
        answered = values.isin(counted).fillna(False).astype(bool)
        answers = {g: values.eq(g).fillna(False).astype(bool) for g in counted}
        groups = counted
    out = _tally(data, keys, by, answers, answered)
    out = out.assign(measure=measure)
    out["council"] = [WALES if c == WALES_CODE else council_name(c) for c in out["council_code"]]
    out = out.astype({"count": "Int64", "base": "Int64", "excluded": "Int64"})
    if keys:
        out = out.astype({"survey_year": "Int64"})
    out = out.assign(share=_share(out["count"], out["base"]))
    out = _add_ci(out)
    columns = [*keys, "council_code", "council", "measure", "group", "count", "base", "share"]
    out = out[[*columns, "ci_low", "ci_high", "excluded"]]
    out = _strings(out, ["council_code", "council", "measure", "group"])
    return _order(out, keys, groups)


# --------------------------------------------------------------------------------------------
# comparison with the population
# --------------------------------------------------------------------------------------------


def compare_with_population(
    shares: pd.DataFrame, benchmarks: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Set each share beside the population's and give the gap and the ratio.

    Parameters
    ----------
    shares : DataFrame
        A :func:`breakdown` result (``council_code``, ``measure``, ``group``, ``share``).
    benchmarks : DataFrame, optional
        Population figures in the tidy shape of
        :func:`~diversity_review.load.benchmarks.population_benchmarks` (``area_code``,
        ``measure``, ``group``, ``population_share``, ``population_base``); by default the
        shipped Census 2021 figures.

    Returns
    -------
    DataFrame
        ``shares`` with ``population_share`` (Float64 fraction), ``gap_pp`` (Float64,
        percentage points: 100 x (share - population_share)), ``ratio`` (Float64: share /
        population_share; 1 is proportional representation), ``population_base`` (str: the
        population the figure is a share of, e.g. "usual residents aged 3 and over"),
        ``benchmark_area`` (str: the area code whose figure was used: the council's own, else
        ``W92000004``) and ``benchmark_fallback`` (bool: True where a council had no figure of
        its own and the Wales figure stood in). Rows with no figure at all keep NA in the new
        columns.

    Examples
    --------
    >>> shares = pd.DataFrame({"council_code": ["W92000004"], "council": ["Wales"],
    ...     "measure": ["sex"], "group": ["Female"], "share": [0.28]})
    >>> out = compare_with_population(shares)
    >>> float(round(out.loc[0, "ratio"], 2)), out.loc[0, "population_base"]
    (0.55, 'all usual residents')
    """
    if benchmarks is None:
        from .load.benchmarks import population_benchmarks

        benchmarks = population_benchmarks()
    need = {"area_code", "measure", "group", "population_share", "population_base"}
    missing = need - set(benchmarks.columns)
    if missing:
        raise ValueError(f"benchmarks lack the columns {', '.join(sorted(missing))}")
    bench = benchmarks[sorted(need)].astype(
        {"area_code": "str", "measure": "str", "group": "str", "population_base": "str"}
    )
    dupes = bench.duplicated(["area_code", "measure", "group"])
    if dupes.any():
        first = bench[dupes].iloc[0]
        raise ValueError(
            f"more than one benchmark for {first['area_code']} {first['measure']} "
            f"{first['group']!r}"
        )
    bench = bench.astype({"population_share": "Float64"})
    key = ["measure", "group"]
    left = shares[["council_code", *key]].astype("str").reset_index(drop=True)
    own = left.merge(
        bench.rename(columns={"area_code": "council_code"}), on=["council_code", *key], how="left"
    )
    wales = left.merge(
        bench[bench["area_code"] == WALES_CODE].drop(columns="area_code"), on=key, how="left"
    )
    has_own = own["population_share"].notna().to_numpy(dtype=bool)
    has_wales = wales["population_share"].notna().to_numpy(dtype=bool)
    out = shares.reset_index(drop=True).copy()
    pop = own["population_share"].where(has_own, wales["population_share"]).astype("Float64")
    share = out["share"].astype("Float64")
    out["population_share"] = pop
    out["gap_pp"] = (100 * (share - pop)).astype("Float64")
    out["ratio"] = (share / pop.where(pop > 0)).astype("Float64")
    out["population_base"] = own["population_base"].where(has_own, wales["population_base"])
    area = pd.Series(pd.NA, index=out.index, dtype="str")
    area[has_wales] = WALES_CODE
    area[has_own] = left.loc[has_own, "council_code"]
    out["benchmark_area"] = area
    out["benchmark_fallback"] = ~has_own & has_wales & (left["council_code"] != WALES_CODE)
    out = out.astype({"population_base": "str", "benchmark_fallback": bool})
    return out


# --------------------------------------------------------------------------------------------
# change between elections, parity, roles
# --------------------------------------------------------------------------------------------


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
    data = counts_or_shares
    if "election" not in data.columns:
        raise ValueError("change_between needs an 'election' column")
    elections = sorted(int(e) for e in data["election"].dropna().unique())
    for e in (from_election, to_election):
        if e not in elections:
            raise ValueError(
                f"no election {e} in the data; the elections are {', '.join(map(str, elections))}"
            )
    if (data["measure"] == measure).any():  # an unknown measure: breakdown's error lists them
        for e in (from_election, to_election):
            held = data.loc[data["election"] == e, "measure"]
            if not (held == measure).any():
                has = [m for m in MEASURES if (held == m).any()]
                has += sorted(set(held.dropna()) - set(MEASURES))
                raise ValueError(f"{e} has no {measure} figures; it has {', '.join(has) or 'none'}")
    shares = data if "share" in data.columns else breakdown(data, measure, known_only=known_only)
    selected = shares[(shares["measure"] == measure) & (shares["group"] == group)]
    if selected.empty:
        raise ValueError(f"no rows for {measure} {group!r}")
    cols = ["council_code", "council", "count", "base", "share"]
    a = selected.loc[selected["election"] == from_election, cols]
    b = selected.loc[selected["election"] == to_election, cols]
    out = a.merge(b, on="council_code", how="outer", suffixes=("_from", "_to"), indicator=True)
    out["council"] = out["council_from"].fillna(out["council_to"])
    out["measure"] = measure
    out["group"] = group
    out["change_pp"] = (100 * (out["share_to"] - out["share_from"])).astype("Float64")
    out["status"] = out["_merge"].map(
        {
            "both": "both",
            "left_only": f"only in {from_election}",
            "right_only": f"only in {to_election}",
        }
    )
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
    out = _strings(out, ["council_code", "council", "measure", "group", "status"])
    out = out.assign(_wales=out["council_code"].eq(WALES_CODE))
    out = out.sort_values(["_wales", "council_code"], kind="stable").drop(columns="_wales")
    out = out.reset_index(drop=True)
    out.attrs.update(from_election=from_election, to_election=to_election)
    return out


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
    out = _strings(out, ["scope"]).reset_index(drop=True)
    out.attrs["election"] = election
    return out
