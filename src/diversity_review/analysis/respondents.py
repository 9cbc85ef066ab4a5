"""The :func:`~.breakdown.breakdown` of survey **respondents**: one row per respondent with one
categorical column per measure (and the multi-select Welsh-skills columns), tallied per
council and for Wales. Respondents with no council count in the Wales row only.

The respondents are grouped once into their distinct **answer patterns** (year, council and
the answer columns, with how many respondents give each), so everything after that one groupby
works on a table of a few hundred rows however many respondents there are, and each distinct
answer is mapped to its group once.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..categories import NOT_STATED, WELSH_SKILLS, ordered_groups
from ..councils import WALES_CODE, council_name
from .frames import WALES, as_strings, order_rows
from .intervals import share_of, with_ci

__all__ = ["WELSH_SKILLS_MEASURE", "breakdown_respondents"]

#: the multi-select Welsh-skills question, counted option by option (see :func:`breakdown`)
WELSH_SKILLS_MEASURE = "welsh_skills"

#: each group's indicator over the answer patterns, and which patterns are in the base
Answers = tuple[dict[str, np.ndarray], np.ndarray]


def breakdown_respondents(
    data: pd.DataFrame, measure: str, *, by: str | None, include_not_stated: bool
) -> pd.DataFrame:
    """:func:`~.breakdown.breakdown` of survey respondents (options already checked)."""
    keys = ["survey_year"] if "survey_year" in data.columns else []
    if measure == WELSH_SKILLS_MEASURE:
        patterns = _patterns(data, keys, _welsh_skills_columns(data))
        answers, answered = _welsh_skills(patterns)
    else:
        patterns = _patterns(data, keys, [_measure_column(data, measure)])
        answers, answered = _single_answer(patterns, measure, include_not_stated)
    out = _tally(patterns, keys, by, answers, answered)
    out = out.assign(measure=measure)
    out["council"] = [WALES if c == WALES_CODE else council_name(c) for c in out["council_code"]]
    out = out.astype({"count": "Int64", "base": "Int64", "excluded": "Int64"})
    if keys:
        out = out.astype({"survey_year": "Int64"})
    out = out.assign(share=share_of(out["count"], out["base"]))
    out = with_ci(out)
    columns = [*keys, "council_code", "council", "measure", "group", "count", "base", "share"]
    out = out[[*columns, "ci_low", "ci_high", "excluded"]]
    out = as_strings(out, ["council_code", "council", "measure", "group"])
    return order_rows(out, keys, list(answers))


def _welsh_skills_columns(data: pd.DataFrame) -> list[str]:
    missing = [c for c in WELSH_SKILLS if c not in data.columns]
    if missing:
        raise ValueError(f"no Welsh-skills answers: columns {', '.join(missing)} missing")
    return list(WELSH_SKILLS)


def _measure_column(data: pd.DataFrame, measure: str) -> str:
    if measure not in data.columns:
        present = data.attrs.get("measures") or [
            c for c in data.columns if isinstance(data[c].dtype, pd.CategoricalDtype)
        ]
        raise ValueError(
            f"no answers for measure {measure!r}; the measures are {', '.join(present)}"
        )
    return measure


def _patterns(data: pd.DataFrame, keys: list[str], answers: list[str]) -> pd.DataFrame:
    """The distinct combinations of keys, council and answers (missing values included), with
    ``_n`` the respondents giving each: the one pass over the respondents."""
    frame = pd.DataFrame({k: data[k] for k in keys}, index=data.index)
    frame["council_code"] = data["council_code"].astype("str") if "council_code" in data else None
    for column in answers:
        frame[column] = data[column]
    grouped = frame.groupby(list(frame.columns), dropna=False, observed=True, sort=False)
    return grouped.size().rename("_n").reset_index()


def _welsh_skills(patterns: pd.DataFrame) -> Answers:
    """Each Welsh-skills option's indicator; answered: any option answered (yes or no)."""
    skills = {label: patterns[col].astype("boolean") for col, label in WELSH_SKILLS.items()}
    answered = pd.concat(skills.values(), axis=1).notna().any(axis=1).to_numpy(dtype=bool)
    answers = {label: s.fillna(False).to_numpy(dtype=bool) for label, s in skills.items()}
    return answers, answered


def _single_answer(patterns: pd.DataFrame, measure: str, include_not_stated: bool) -> Answers:
    """Each counted group's indicator, in canonical order; answered: in one of them."""
    column = patterns[measure]
    if isinstance(column.dtype, pd.CategoricalDtype):
        categories = [str(c) for c in column.cat.categories]
    else:
        categories = ordered_groups(measure, list(column.dropna().astype(str)))
    values = column.astype("str").where(column.notna())
    counted = [c for c in categories if include_not_stated or c not in NOT_STATED]
    answered = values.isin(counted).fillna(False).to_numpy(dtype=bool)
    answers = {g: values.eq(g).fillna(False).to_numpy(dtype=bool) for g in counted}
    return answers, answered


def _tally(
    patterns: pd.DataFrame,
    keys: list[str],
    by: str | None,
    answers: dict[str, np.ndarray],
    answered: np.ndarray,
) -> pd.DataFrame:
    """Counts per unit (council and Wales) of each group, the base and the exclusions, summed
    over the answer patterns. A pattern with a missing key counts nowhere; one with no council
    counts in the Wales row only."""
    unit = [*keys, "council_code"]
    n = patterns["_n"].to_numpy(dtype="int64")
    frame = patterns[unit].assign(_base=n * answered, _all=n)
    for i, indicator in enumerate(answers.values()):
        frame[f"_g{i}"] = n * (indicator & answered)
    sums = [c for c in frame.columns if c.startswith("_")]
    parts = []
    if by == "council":
        parts.append(frame.dropna(subset=["council_code"]).groupby(unit)[sums])
    parts.append(frame.assign(council_code=WALES_CODE).groupby(unit)[sums])
    totals = pd.concat([p.sum() for p in parts]).reset_index()
    long = [
        totals[unit].assign(
            group=group,
            count=totals[f"_g{i}"],
            base=totals["_base"],
            excluded=totals["_all"] - totals["_base"],
        )
        for i, group in enumerate(answers)
    ]
    return pd.concat(long, ignore_index=True)
