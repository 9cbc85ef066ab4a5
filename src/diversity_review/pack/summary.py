"""The page's summary and key points, each sentence made from one published table.

A :class:`KeyPoint` names the table it comes from (the page links the sentence to that table's
section) and is built from the Wales rows of that table's computed frame, rounded exactly as
the table publishes them (percentages to one decimal place), so a reader who looks the number
up finds it. A point whose figures are suppressed or missing is left out, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from ..councils import WALES_CODE
from ..i18n import translate
from .tables import Table

__all__ = ["KeyPoint", "key_points", "summary_text", "response_rates", "ResponseRate"]

#: the population comparison's key points: (measure, group, sentence)
POPULATION_POINTS = (
    (
        "sex",
        "Female",
        "In {year}, {share}% of councillors in Wales were women, compared with {population}% "
        "of the population.",
    ),
    (
        "ethnicity",
        "Ethnic minority",
        "{share}% of councillors were from ethnic minority groups, compared with "
        "{population}% of the population.",
    ),
    (
        "disability",
        "Disabled",
        "{share}% of councillors were disabled, compared with {population}% of the population.",
    ),
    (
        "welsh_language",
        "Welsh speaker",
        "{share}% of councillors spoke Welsh, compared with {population}% of the population "
        "aged 3 and over.",
    ),
)


@dataclass(frozen=True)
class KeyPoint:
    """One sentence of the key points and the table (by name) its figures are from."""

    text: str
    table: str


def _pct(value: object) -> str | None:
    """A fraction as the table publishes it (one decimal place), or None if not published."""
    if value is None or pd.isna(value):
        return None
    return f"{round(100 * float(value), 1):.1f}"


def _wales(frame: pd.DataFrame, **where: object) -> pd.Series | None:
    """The one published Wales row matching ``where`` (None if absent or suppressed)."""
    rows = frame[frame["council_code"].astype(str) == WALES_CODE]
    for column, value in where.items():
        rows = rows[rows[column].astype(str) == str(value)]
    if len(rows) != 1:
        return None
    row = rows.iloc[0]
    hidden = [c for c in row.index if str(c).startswith("suppressed")]
    return None if any(bool(row[c]) for c in hidden if not pd.isna(row[c])) else row


def _named(tables: Sequence[Table], prefix: str) -> Table | None:
    return next((t for t in tables if t.name.startswith(prefix)), None)


def _population_points(table: Table, lang: str) -> list[KeyPoint]:
    points = []
    for measure, group, sentence in POPULATION_POINTS:
        row = _wales(table.frame, measure=measure, group=group)
        if row is None:
            continue
        share, population = _pct(row["share"]), _pct(row.get("population_share"))
        if share is None or population is None:
            continue
        text = translate(
            sentence, lang, year=table.values["year"], share=share, population=population
        )
        points.append(KeyPoint(text, table.name))
    return points


def _change_point(table: Table, lang: str) -> list[KeyPoint]:
    row = _wales(table.frame)
    if row is None:
        return []
    before, after = _pct(row["share_from"]), _pct(row["share_to"])
    if before is None or after is None:
        return []
    text = translate(
        "Women were {before_share}% of councillors in {before} and {share}% in {year}.",
        lang,
        before=table.values["before"],
        year=table.values["year"],
        before_share=before,
        share=after,
    )
    return [KeyPoint(text, table.name)]


def _roles_point(table: Table, lang: str) -> list[KeyPoint]:
    executive = _wales(table.frame, scope="Executive", group="Female")
    leader = _wales(table.frame, scope="Leader", group="Female")
    if executive is None or leader is None:
        return []
    shares = _pct(executive["share"]), _pct(leader["share"])
    if None in shares:
        return []
    text = translate(
        "Women were {executive}% of executive members and {leader}% of council leaders.",
        lang,
        executive=shares[0],
        leader=shares[1],
    )
    return [KeyPoint(text, table.name)]


def key_points(tables: Sequence[Table], lang: str) -> list[KeyPoint]:
    """The key points the tables support, in page order (none from a table that is absent)."""
    points: list[KeyPoint] = []
    for prefix, make in (
        ("population_comparison_", _population_points),
        ("change_sex_", _change_point),
        ("roles_", _roles_point),
    ):
        table = _named(tables, prefix)
        if table is not None:
            points += make(table, lang)
    return points


def summary_text(tables: Sequence[Table], lang: str) -> str:
    """A sentence saying what the release covers, from the tables it holds."""
    review = [t for t in tables if t.spec.name.startswith("councillors_")]
    survey = any(t.spec.name.startswith("survey_") for t in tables)
    parts = []
    if review:
        parts.append(
            translate(
                "This release describes the councillors elected to the 22 councils of Wales "
                "at the {year} local elections: their sex, ethnicity, age, disability and Welsh "
                "language, compared with the population (Census 2021).",
                lang,
                year=max(int(t.values["year"]) for t in review),
            )
        )
    if survey:
        parts.append(
            translate(
                "It also reports what members told the diversity survey about themselves.", lang
            )
        )
    return " ".join(parts)


@dataclass(frozen=True)
class ResponseRate:
    """Survey respondents in a council against the councillors the review counted there."""

    council_code: str
    council: str
    respondents: int
    councillors: int

    @property
    def percent(self) -> str:
        return f"{round(100 * self.respondents / self.councillors, 1):.1f}"


def response_rates(tables: Sequence[Table]) -> list[ResponseRate]:
    """Each surveyed council's respondents (a question's base and those who skipped it)
    against its councillors at the latest election; councils the review lacks are left out."""
    survey = _named(tables, "survey_")
    review = _named(tables, "councillors_sex_")
    if survey is None or review is None:
        return []
    members = review.frame.drop_duplicates("council_code").set_index("council_code")["base"]
    frame = survey.frame.assign(_all=survey.frame["base"] + survey.frame["excluded"])
    bases = frame.groupby("council_code", observed=True, sort=False).agg(
        council=("council", "first"), respondents=("_all", "max")
    )
    out = []
    for code, row in bases.iterrows():
        councillors = members.get(code)
        if councillors is None or pd.isna(councillors) or int(councillors) == 0:
            continue
        respondents = int(row["respondents"])
        out.append(ResponseRate(str(code), str(row["council"]), respondents, int(councillors)))
    return out
