"""``breakdown``: count, base and share of each group of a measure, per council and for Wales.

Two kinds of input: review **counts** (one row per election, council, measure and group) and
survey **respondents** (one row per respondent, a categorical column per measure). The Wales
row is always the sum of the councils' counts over the sum of their bases.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ..categories import (
    NO_ANSWER,
    NOT_STATED,
    WELSH_SKILLS,
    WELSH_SKILLS_MEASURE,
    ordered_groups,
)
from ..councils import WALES_CODE, council_name
from ..errors import DataWarning
from .frames import WALES, as_strings, is_counts, ordered_rows
from .intervals import share_of, with_intervals

__all__ = ["breakdown", "WELSH_SKILLS_MEASURE"]


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
        Survey data only, and the one rule for the base of a survey share: by default
        "Prefer not to say" and skipped answers (NA) are both left out of the base and counted
        in ``excluded``; ``True`` keeps both in the base, as the groups "Prefer not to say" and
        "No answer" (the latter only where someone skipped the question). Respondents whose
        survey did not ask the question (``attrs["not_asked"]``, from
        :func:`~diversity_review.load.survey.load_surveys`) are never in the base.
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
        base), ``respondents`` (Int64: all the council's respondents to the survey) and
        ``asked`` (bool: False where the council's survey did not ask the question: its count
        and base are 0 and mean "not applicable"). Councils in ONS order, Wales last; groups in
        canonical order.

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
    _check_options(data, by, include_not_stated, known_only)
    if is_counts(data):
        return _breakdown_counts(data, measure, by=by, ci=bool(ci), known_only=known_only)
    return _breakdown_survey(data, measure, by=by, include_not_stated=include_not_stated)


def _check_options(data: pd.DataFrame, by, include_not_stated: bool, known_only: bool) -> None:
    """``by`` is "council" or None; ``known_only`` is for counts, and not with the other."""
    if by not in ("council", None):
        raise ValueError(f"by must be 'council' or None, not {by!r}")
    if not is_counts(data):
        _refuse_known_only(known_only)
    elif include_not_stated and known_only:
        raise ValueError("include_not_stated=True and known_only=True contradict each other")


def _refuse_known_only(known_only: bool) -> None:
    """``known_only`` is for review counts only."""
    if known_only:
        raise ValueError(
            "known_only is for review counts; survey shares already leave 'Prefer not to say' "
            "and skipped answers out of the base (include_not_stated=True puts them back)"
        )


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
    out = out.assign(share=share_of(out["count"], out["base"]))
    if ci:
        out = with_intervals(out)
    columns = [*keys, "council_code", "council", "measure", "group", "count", "base", "share"]
    columns += ["ci_low", "ci_high"] if ci else []
    out = as_strings(out[columns], ["council_code", "council", "measure", "group"])
    return ordered_rows(out, keys, ordered_groups(measure, list(out["group"])))


def _units(data: pd.DataFrame, keys: list[str], by: str | None) -> tuple[np.ndarray, pd.DataFrame]:
    """Each respondent's unit (its keys and council; -1 for none), and the units' key columns.

    Units are the (keys, council) pairs the data holds, then one Wales unit per keys value
    (respondents with no council are counted in Wales only). Counting is then one
    ``bincount`` per group over these small integer codes, which is what keeps a breakdown
    of a million respondents near the cost of a bare ``groupby``.
    """
    n = len(data)
    key_codes = np.zeros(n, dtype=np.int64)
    key_values: list[tuple] = [()]
    if keys:
        key_codes, uniques = pd.factorize(
            pd.MultiIndex.from_frame(data[keys]) if len(keys) > 1 else data[keys[0]], sort=True
        )
        key_values = [u if isinstance(u, tuple) else (u,) for u in uniques]
    if "council_code" in data and by == "council":
        council_codes, councils = pd.factorize(data["council_code"].astype("str"), sort=True)
    else:
        council_codes, councils = np.full(n, -1, dtype=np.int64), pd.Index([], dtype="str")
    width = len(councils) + 1  # the last slot of each keys value is Wales
    unit = np.where((key_codes >= 0) & (council_codes >= 0), key_codes * width + council_codes, -1)
    wales = np.where(key_codes >= 0, key_codes * width + len(councils), -1)
    table = pd.DataFrame(
        [(*k, code) for k in key_values for code in [*councils, WALES_CODE]],
        columns=[*keys, "council_code"],
    )
    return np.stack([unit, wales]), table


def _tally(
    data: pd.DataFrame,
    keys: list[str],
    by: str | None,
    answers: dict[str, np.ndarray],
    answered: np.ndarray,
    asked: np.ndarray,
) -> pd.DataFrame:
    """Counts per unit (council and Wales) of each group's indicator, the base and exclusions.

    ``answers`` maps a group to a boolean array (respondent is in the group); ``answered``
    marks respondents in the base; ``asked`` those whose survey asked the question (the others
    are neither in the base nor excluded from it).
    """
    units, table = _units(data, keys, by)
    size = len(table)

    def count(mask: np.ndarray | None) -> np.ndarray:
        total = np.zeros(size, dtype=np.int64)
        for unit in units:  # the respondent's council, then Wales
            chosen = unit >= 0 if mask is None else (unit >= 0) & mask
            total += np.bincount(unit[chosen], minlength=size)
        return total

    everyone, was_asked = count(None), count(asked)
    base = count(answered & asked)
    held = everyone > 0  # units the data holds, as a groupby would give them
    table = table[held].reset_index(drop=True)
    long = [
        table.assign(
            group=group,
            count=count(indicator & answered & asked)[held],
            base=base[held],
            excluded=(was_asked - base)[held],
            respondents=everyone[held],
            asked=was_asked[held] > 0,
        )
        for group, indicator in answers.items()
    ]
    return pd.concat(long, ignore_index=True)


def _asked(data: pd.DataFrame, measure: str) -> np.ndarray:
    """Respondents whose survey asked ``measure``: all but the councils in
    ``attrs["not_asked"]`` (a council none of whose survey exports had the question)."""
    councils = list(data.attrs.get("not_asked", {}).get(measure, ()))
    if not councils or "council_code" not in data.columns:
        return np.ones(len(data), dtype=bool)
    return ~data["council_code"].isin(councils).to_numpy(dtype=bool)


def _skills_answers(data: pd.DataFrame) -> tuple[dict[str, np.ndarray], np.ndarray, list[str]]:
    """The Welsh-skills options (multi-select): one indicator each, answered if any is given."""
    missing = [c for c in WELSH_SKILLS if c not in data.columns]
    if missing:
        raise ValueError(f"no Welsh-skills answers: columns {', '.join(missing)} missing")
    skills = {label: data[col].astype("boolean") for col, label in WELSH_SKILLS.items()}
    answered = pd.concat(skills.values(), axis=1).notna().any(axis=1).to_numpy(dtype=bool)
    answers = {label: s.fillna(False).to_numpy(dtype=bool) for label, s in skills.items()}
    return answers, answered, list(WELSH_SKILLS.values())


def _measure_answers(
    data: pd.DataFrame, measure: str, include_not_stated: bool
) -> tuple[dict[str, np.ndarray], np.ndarray, list[str]]:
    """One indicator per counted answer of a single-answer question, from its codes."""
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
        codes = column.cat.codes.to_numpy()
    else:
        text = column.astype("str").where(column.notna())
        categories = ordered_groups(measure, list(text.dropna()))
        codes = pd.Categorical(text, categories=categories).codes
    counted = [c for c in categories if include_not_stated or c not in NOT_STATED]
    index = {c: i for i, c in enumerate(categories)}
    answers = {g: codes == index[g] for g in counted}
    answered = np.isin(codes, [index[g] for g in counted])
    skipped = codes < 0
    if include_not_stated and skipped.any():  # the one rule: skipped answers in the base too
        answers[NO_ANSWER] = skipped
        answered = answered | skipped
        counted = [*counted, NO_ANSWER]
    return answers, answered, counted


def _breakdown_survey(
    data: pd.DataFrame, measure: str, *, by: str | None, include_not_stated: bool
) -> pd.DataFrame:
    keys = ["survey_year"] if "survey_year" in data.columns else []
    if measure == WELSH_SKILLS_MEASURE:
        answers, answered, groups = _skills_answers(data)
    else:
        answers, answered, groups = _measure_answers(data, measure, include_not_stated)
    out = _tally(data, keys, by, answers, answered, _asked(data, measure))
    out = out.assign(measure=measure)
    out["council"] = [WALES if c == WALES_CODE else council_name(c) for c in out["council_code"]]
    out = out.astype(
        {"count": "Int64", "base": "Int64", "excluded": "Int64", "respondents": "Int64"}
    )
    if keys:
        out = out.astype({"survey_year": "Int64"})
    out = out.assign(share=share_of(out["count"], out["base"]))
    out = with_intervals(out)
    columns = [*keys, "council_code", "council", "measure", "group", "count", "base", "share"]
    out = out[[*columns, "ci_low", "ci_high", "excluded", "respondents", "asked"]]
    out = as_strings(out, ["council_code", "council", "measure", "group"])
    return ordered_rows(out, keys, groups)
