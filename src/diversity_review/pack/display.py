"""What the pack says in one language: tables as published, titles, sources, notes, legend.

A published table is described by a tuple of :class:`Column` (declared with its table spec in
:mod:`.specs`): each column has a header (English, translated), a :data:`Cell` that reads one
row of the computed frame into the published value, and optionally the flag column that hides
it as ``[c]``. The GSS markers are applied here and only here:

- ``[c]`` confidential: the row's hiding flag is set (the count and what derives from it);
- ``[x]`` not available: the value is missing;
- ``[z]`` not applicable: a share of a base of zero (nobody to take a share of).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from ..categories import MEASURES
from ..councils import council_label
from ..i18n import format_percent, translate
from .config import PackConfig
from .coverage import coverage_text
from .experience import title_values as experience_title_values

if TYPE_CHECKING:  # pragma: no cover
    from .tables import Table

__all__ = [
    "SUPPRESSED",
    "NOT_AVAILABLE",
    "NOT_APPLICABLE",
    "Cell",
    "Column",
    "text",
    "council",
    "surveyed_council",
    "words",
    "measure_label",
    "count",
    "integer",
    "flag",
    "percent",
    "points",
    "status",
    "published_frame",
    "title_text",
    "lower_first",
    "source_text",
    "sheet_name",
    "synthetic_notice",
    "pack_title",
    "notes",
    "survey_base_note",
    "legend",
]

SUPPRESSED, NOT_AVAILABLE, NOT_APPLICABLE = "[c]", "[x]", "[z]"

#: how a published cell is read from one row of the computed frame, in a language
Cell = Callable[[Mapping[str, object], str], object]


@dataclass(frozen=True)
class Column:
    """One published column.

    Parameters
    ----------
    header : str
        English header (translated); ``{name}`` placeholders are filled from the table's
        values, renamed by ``header_values`` (e.g. ``(("year", "before"),)``).
    cell : Cell
        Reads the published value from a row (see :func:`count`, :func:`percent` ...).
    hidden_by : str, optional
        The boolean column that hides this cell as ``[c]`` (e.g. ``"suppressed"``).
    """

    header: str
    cell: Cell
    hidden_by: str | None = None
    header_values: tuple[tuple[str, str], ...] = ()

    def heading(self, values: Mapping[str, object], lang: str) -> str:
        names = dict(self.header_values)
        fill = {k: values.get(names.get(k, k), "") for k in (*values, *names)}
        return translate(self.header, lang).format(**fill)

    def read(self, row: Mapping[str, object], lang: str) -> object:
        flag = row.get(self.hidden_by) if self.hidden_by else None
        if flag is not None and not pd.isna(flag) and bool(flag):
            return SUPPRESSED
        return self.cell(row, lang)


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def text(column: str) -> Cell:
    """The value as it is (codes, text the table already holds)."""
    return lambda row, lang: row[column]


def council(code: str = "council_code", name: str = "council") -> Cell:
    """The council's official name in the language (the row's own name for other codes)."""
    return lambda row, lang: council_label(row[code], row[name], lang)


def surveyed_council(code: str = "council_code", name: str = "council") -> Cell:
    """As :func:`council`, but a survey's Wales row is named by the councils it adds up
    where not every council took part (its ``covers``; :mod:`.coverage`)."""
    plain = council(code, name)

    def cell(row: Mapping[str, object], lang: str) -> str:
        covers = row.get("covers")
        if isinstance(covers, str) and covers:
            return coverage_text(covers.split(), lang)
        return plain(row, lang)

    return cell


def words(column: str) -> Cell:
    """The value translated (a group, a role); ``[x]`` where it is missing."""
    return lambda row, lang: (
        translate(row[column], lang) if isinstance(row[column], str) else NOT_AVAILABLE
    )


def measure_label(column: str = "measure") -> Cell:
    """The measure's label (``sex`` -> "Sex"), translated."""
    return lambda row, lang: translate(MEASURES[row[column]].label, lang)


def _not_asked(row: Mapping[str, object]) -> bool:
    """The row's survey did not ask the question (``asked`` False): its figures are ``[z]``."""
    asked = row.get("asked")
    return asked is not None and not _missing(asked) and not bool(asked)


def count(column: str, of_question: bool = True) -> Cell:
    """A whole number; ``[x]`` where missing, ``[z]`` where the question was not asked (unless
    the figure is not about the question: ``of_question=False``, e.g. respondents, seats)."""

    def cell(row: Mapping[str, object], lang: str) -> object:
        if of_question and _not_asked(row):
            return NOT_APPLICABLE
        return NOT_AVAILABLE if _missing(row[column]) else int(row[column])

    return cell


def flag(column: str, label: str) -> Cell:
    """``label`` (translated) where the boolean column is True, else empty."""
    return lambda row, lang: translate(label, lang) if bool(row.get(column)) else ""


def integer(column: str) -> Cell:
    """A whole number that is never missing (reference data)."""
    return lambda row, lang: int(row[column])


def percent(column: str, base: str | None = None) -> Cell:
    """A fraction as a percentage to one decimal; ``[z]`` where ``base`` is 0, ``[x]`` if NA."""

    def cell(row: Mapping[str, object], lang: str) -> object:
        if _not_asked(row) and base is not None:
            return NOT_APPLICABLE  # the council's survey did not ask the question
        if base is not None and not _missing(row.get(base)) and int(row[base]) == 0:
            return NOT_APPLICABLE  # nobody to take a share of (e.g. a question not asked)
        value = row.get(column)
        return NOT_AVAILABLE if _missing(value) else round(100 * float(value), 1)

    return cell


def points(column: str, digits: int = 1) -> Cell:
    """A number (percentage points, a ratio) rounded to ``digits``; ``[x]`` where missing."""
    return lambda row, lang: (
        NOT_AVAILABLE if _missing(row[column]) else round(float(row[column]), digits)
    )


def status(column: str = "status") -> Cell:
    """``both`` / ``only in 2017`` from ``change_between``, in words of the language."""

    def cell(row: Mapping[str, object], lang: str) -> str:
        value = str(row[column])
        if value == "both":
            return translate("Both elections", lang)
        return translate("Only in {year}", lang, year=value.rsplit(" ", 1)[-1])

    return cell


def published_frame(table: Table, lang: str) -> pd.DataFrame:
    """The table as published in ``lang``: its spec's columns, headers and markers."""
    columns = table.spec.columns
    headers = [c.heading(table.values, lang) for c in columns]
    rows = [
        {h: c.read(row, lang) for h, c in zip(headers, columns, strict=True)}
        for row in table.frame.to_dict("records")
    ]
    return pd.DataFrame(rows, columns=headers)


#: words that keep their capital inside an English sentence
PROPER_WORDS = ("Welsh", "English", "Census")


def lower_first(label: str) -> str:
    """A label inside a sentence: "Welsh language" keeps its capital, "Sex" becomes "sex".

    Examples
    --------
    >>> lower_first("Welsh language"), lower_first("Councillor status")
    ('Welsh language', 'councillor status')
    """
    if not label or label.split()[0] in PROPER_WORDS:
        return label
    return label[0].lower() + label[1:]


def title_text(table: Table, lang: str) -> str:
    """The table's title in ``lang`` (a measure named by its label, lower case in English)."""
    values = dict(table.values)
    if "measure" in values:
        label = translate(MEASURES[str(values["measure"])].label, lang)
        values["measure"] = lower_first(label)
    values = experience_title_values(values, lang)  # an experience table's outcome, by
    if "coverage" in values:  # a survey's councils (coverage.py)
        values["coverage"] = coverage_text(tuple(values["coverage"]), lang)  # type: ignore[arg-type]
    return translate(table.spec.title, lang, **values)


def sheet_name(table: Table, lang: str) -> str:
    """The table's sheet name in ``lang`` (at most 31 characters): its file name in English,
    the name template translated in Welsh (``councillors_{measure}_{year}`` ->
    ``cynghorwyr_rhyw_2022``), a measure named by its label, shortened to fit (the year kept).
    """
    if lang == "en":
        return table.name[:31]
    values = dict(table.values)
    template = translate(table.spec.name, lang)
    if "measure" not in values:
        return template.format(**values)[:31]
    label = translate(MEASURES[str(values["measure"])].label, lang)
    slug = "_".join(label.lower().replace("'", "").split())
    spare = 31 - len(template.format(**{**values, "measure": ""}))
    return template.format(**{**values, "measure": slug[: max(spare, 1)].rstrip("_")})


def synthetic_notice(lang: str) -> str:
    """What a pack of synthetic sample data says wherever a reader looks."""
    return translate("SYNTHETIC DATA - NOT REAL: made up to show how the pack works", lang)


def pack_title(config: PackConfig, lang: str) -> str:
    """The pack's title in ``lang``; a synthetic pack's title says so first."""
    title = translate(config.title, lang)
    return f"{translate('SYNTHETIC', lang)}: {title}" if config.synthetic else title


def source_text(source: str, census: bool, lang: str, synthetic: bool = False) -> str:
    """The source note: the source in ``lang``, with Census 2021 where figures use it, and
    the synthetic notice for a pack built from sample data."""
    if not source:
        return synthetic_notice(lang) if synthetic else ""
    text = translate(source, lang)
    text = f"{text}; {translate('Census 2021', lang)}" if census else text
    return f"{text}. {synthetic_notice(lang)}" if synthetic else text


def survey_base_note(not_stated_in_base: bool, lang: str) -> str:
    """What a survey share's base is, under the pack's one rule (PackConfig.not_stated_in_base)."""
    if not_stated_in_base:
        return translate(
            'Survey shares are of every respondent asked the question: "Prefer not to say" '
            "and skipped answers (No answer) are in the base, as groups of their own; the 95% "
            "limits are Wilson score intervals.",
            lang,
        )
    return translate(
        'Survey shares are of the respondents who answered the question: "Prefer not to say" '
        "and skipped answers are not in the base; the 95% limits are Wilson score intervals.",
        lang,
    )


def legend(lang: str) -> tuple[str, ...]:
    """The GSS markers, defined."""
    return (
        translate("[c] = confidential (suppressed)", lang),
        translate("[x] = not available", lang),
        translate(
            "[z] = not applicable (no members or respondents in the base, or a question the "
            "council's survey did not ask)",
            lang,
        ),
    )


def notes(config: PackConfig, lang: str) -> dict[str, str]:
    """The pack's numbered notes, keyed by the name table specs refer to them by."""
    return {
        "suppression": translate(
            "[c] marks a count (and the share from it) suppressed to protect confidentiality: "
            "it is below {threshold}, or could be worked out from other cells and totals.",
            lang,
        ).format(threshold=config.threshold),
        "base": translate(
            "Shares are percentages of the base: the councillors (or survey respondents) the "
            "measure covers.",
            lang,
        ),
        "population": translate(
            "Population shares are from Census 2021; the population base of each figure is "
            "given in the table.",
            lang,
        ),
        "candidates": translate(
            "Candidates and results are from Democracy Club's candidacy data. A candidate's "
            "gender is as Democracy Club publishes it (Not known where it is not published); it "
            "is never inferred from names.",
            lang,
        ),
        "public": translate(
            "Wards and seats won unopposed are public election results: they are not suppressed.",
            lang,
        ),
        "survey": survey_base_note(config.not_stated_in_base, lang),
        "experience": translate(
            "Experience of office: the share of respondents reporting the outcome in each "
            "group, of those who answered both questions, with its 95% Wilson score interval. "
            "The difference is the group's share minus that of the other respondents together "
            "(those who preferred not to say are counted but not compared), with its 95% "
            "interval by Newcombe's hybrid score method; where that interval includes zero the "
            'table says "difference not distinguishable from zero".',
            lang,
        ),
        "experience_protection": translate(
            "Each cross-tabulation is protected in two dimensions: a count of those reporting "
            "the outcome, or of those not reporting it, below {threshold} is hidden as [c], and "
            "so are zeros and the cells that would give it away; where any cell of a table is "
            "hidden, no difference is published.",
            lang,
        ).format(threshold=config.threshold),
        "experience_title": translate(
            "A chart's title says a group reports an outcome more (or less) often than the "
            "other respondents only where the 95% interval of the difference lies wholly above "
            "(or below) zero; otherwise it says no clear difference can be told.",
            lang,
        ),
        "coverage": translate(
            "Respondents are the council's members who answered the survey; the response rate "
            "is respondents as a share of the council's seats (2022 election). A response under "
            "{low} of seats is flagged as low: the answers may not represent the council.",
            lang,
        ).format(low=format_percent(config.low_response, lang)),
    }
