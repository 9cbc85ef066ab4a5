"""The :func:`~.breakdown.breakdown` of survey **respondents**: one row per respondent with one
categorical column per measure (and the multi-select Welsh-skills columns), tallied per
council and for Wales. Respondents with no council count in the Wales row only."""

from __future__ import annotations

import pandas as pd

from ..categories import NOT_STATED, WELSH_SKILLS, ordered_groups
from ..councils import WALES_CODE, council_name
from .frames import WALES, as_strings, order_rows
from .intervals import share_of, with_ci

__all__ = ["WELSH_SKILLS_MEASURE", "breakdown_respondents"]

#: the multi-select Welsh-skills question, counted option by option (see :func:`breakdown`)
WELSH_SKILLS_MEASURE = "welsh_skills"


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


def breakdown_respondents(
    data: pd.DataFrame, measure: str, *, by: str | None, include_not_stated: bool
) -> pd.DataFrame:
    """:func:`~.breakdown.breakdown` of survey respondents (options already checked)."""
    keys = ["survey_year"] if "survey_year" in data.columns else []
    if measure == WELSH_SKILLS_MEASURE:
        answers, answered = _welsh_skills(data)
    else:
        answers, answered = _single_answer(data, measure, include_not_stated)
    out = _tally(data, keys, by, answers, answered)
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


Answers = tuple[dict[str, pd.Series], pd.Series]


def _welsh_skills(data: pd.DataFrame) -> Answers:
    """Each Welsh-skills option's indicator; answered: any option answered (yes or no)."""
    missing = [c for c in WELSH_SKILLS if c not in data.columns]
    if missing:
        raise ValueError(f"no Welsh-skills answers: columns {', '.join(missing)} missing")
    skills = {label: data[col].astype("boolean") for col, label in WELSH_SKILLS.items()}
    answered = pd.concat(skills.values(), axis=1).notna().any(axis=1)
    answers = {label: s.fillna(False).astype(bool) for label, s in skills.items()}
    return answers, answered


def _single_answer(data: pd.DataFrame, measure: str, include_not_stated: bool) -> Answers:
    """Each counted group's indicator, in canonical order; answered: in one of them."""
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
    return answers, answered
