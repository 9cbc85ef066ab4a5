"""``load_survey``: the stages in order, for one export.

read (``source``) -> locate the header -> classify the columns -> read the answer columns
column-wise -> map each distinct answer once -> assemble the respondents. One
:class:`~.problems.Collector` a sheet gathers every problem; they are raised together.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ...councils import resolve_council
from ...errors import DataError, DataWarning, NoTableError, Problem, display_name
from ...hints import QUESTIONS, SURVEY_YEAR
from ...text import fold, year_in
from ..grid import column_letter
from ..synthetic import is_synthetic
from . import experience
from .age import AgeBand, parse_age_bands
from .assemble import Part, account_rows, assemble, year_from_times
from .classify import Questionnaire, classify_columns, resolve_duplicates
from .headers import MEASURE_NAMES, Kind
from .locate import locate
from .mapping import map_answers
from .problems import COUNTS_TABLE, NO_HEADER, NO_RESPONSES, NO_SURVEY_YEAR, Collector
from .source import Body, open_sheets, read_body

__all__ = ["load_survey", "Options"]

_COUNT_LIKE = re.compile(r"[\d.,%\s]+|[-*c\[\]x.]+")


@dataclass(frozen=True)
class Options:
    """The keyword arguments of :func:`load_survey`, checked."""

    overrides: Mapping[str, str | None]
    bands: tuple[AgeBand, ...]
    survey_year: int | None
    council: str | None
    strict: bool

    @classmethod
    def make(cls, questions, survey_year, council, strict, age_bands) -> Options:
        overrides: dict[str, str | None] = {}
        for header, measure in (questions or {}).items():
            if measure is not None and measure not in MEASURE_NAMES:
                raise ValueError(
                    f"{QUESTIONS} maps {header!r} to {measure!r}, which is not a survey measure; "
                    f"use one of {', '.join(sorted(MEASURE_NAMES))} or None to leave it out"
                )
            overrides[fold(header)] = measure
        if survey_year is not None:
            text = str(survey_year).strip()
            if isinstance(survey_year, bool) or not re.fullmatch(r"(19|20)\d\d", text):
                raise ValueError(f"survey_year must be a year such as 2023, not {survey_year!r}")
            survey_year = int(text)
        default = resolve_council(council) if council is not None else None
        bands = tuple(parse_age_bands(age_bands))
        return cls(overrides, bands, survey_year, default, strict)


def _forms(path: Path, options: Options) -> list[Questionnaire]:
    """Locate and classify every sheet; keep those that ask the most questions."""
    from ..kind import is_roster  # kind reads the survey's headers: imported when used

    name = display_name(path)
    sheets = open_sheets(path)
    rosters = [s for s in sheets if is_roster(s.head)]
    if rosters and len(rosters) == len(sheets):
        raise NoTableError(
            Problem(
                "a councillor roster (a row per member: ward, party, posts), not a survey "
                "export: load it with load_roster (on the command line: --kind roster)",
                name,
                code=NO_HEADER,
            )
        )
    forms = [
        classify_columns(located, options.overrides)
        for sheet in sheets
        if sheet not in rosters and (located := locate(sheet, options.overrides)) is not None
    ]
    # a council column alone asks nothing: a long review table ("Council | Number") is no survey
    forms = [f for f in forms if any(q.measure != "council" for q in f.measures)]
    if not forms:
        raise NoTableError(
            Problem(
                "no member survey questions recognised (a header row with questions such as "
                "'What is your sex?' or 'Beth yw eich oedran?'); name them with " + QUESTIONS,
                name,
                code=NO_HEADER,
            )
        )
    widest = max(f.count(Kind.QUESTION) for f in forms)
    return [f for f in forms if f.count(Kind.QUESTION) >= min(2, widest)]


def _looks_like_counts(form: Questionnaire, body: Body) -> bool:
    """A table of numbers under measure headers: a review sheet, not survey answers."""
    total = numbers = 0
    for q in form.measures:
        if q.measure in ("age", "council", "tenure"):
            continue
        column = body.columns[q.col]
        for value, n in zip(column.values, column.counts().tolist(), strict=True):
            total += n
            is_number = isinstance(value, int | float) and not isinstance(value, bool)
            if is_number or (isinstance(value, str) and _COUNT_LIKE.fullmatch(value)):
                numbers += n
    return total > 0 and numbers >= 0.8 * total


def _part(form: Questionnaire, body: Body, options: Options, problems: Collector, name: str):
    """One sheet through the map-answers stage, its row account and its year."""
    before = len(problems.problems)
    answers = map_answers(
        form, body, bands=options.bands, council=options.council, problems=problems
    )
    account, kept = account_rows(form, body, name)
    year = options.survey_year or year_in(name) or year_from_times(body, kept)
    grid = form.located.grid
    if not len(kept) and len(problems.problems) == before:
        header_row = form.located.data_start - 1
        problems.add(grid.problem("no responses below the header", header_row, code=NO_RESPONSES))
    elif year is None:
        problems.add(
            grid.problem(
                "cannot tell the survey year: no year in the file name and no completion "
                f"time or timestamp column; pass {SURVEY_YEAR}",
                code=NO_SURVEY_YEAR,
            )
        )
    for c in sorted(body.unnamed_filled):
        problems.note(f"column {column_letter(c)} (no header)")
    return Part(form, body, answers, kept, year, account)


def _warn(name: str, forms: Sequence[Questionnaire], notes: list[str], options, kept) -> None:
    seen = {fold(q.header) for f in forms for q in f.questions}
    missing = [k for k in options.overrides if k not in seen]
    if missing:
        notes.append(f"{QUESTIONS} names headers not in the file: " + ", ".join(missing))
    if notes:
        warnings.warn(
            f"{name}: columns not used (not recognised as survey questions): " + "; ".join(notes),
            DataWarning,
            stacklevel=4,
        )
    if kept[0]:
        warnings.warn(
            f"{name}: {kept[1]} answers not recognised, kept as Other (or NA): "
            + "; ".join(str(p) for p in kept[0]),
            DataWarning,
            stacklevel=4,
        )


def _warn_unlisted(name: str, collectors: Sequence[Collector]) -> None:
    """One warning counting the answers that name a group the vocabulary does not list (a
    council's local political group), kept as the measure's catch-all group: never quoted."""
    cells: Counter[str] = Counter()
    answers: Counter[str] = Counter()
    for c in collectors:
        cells.update(c.unlisted)
        answers.update(c.unlisted_answers)
    parts = []
    for measure, n in cells.items():
        distinct = answers[measure]
        parts.append(
            f"{n} {'answer' if n == 1 else 'answers'} to the {measure.replace('_', ' ')} "
            f"question ({distinct} different) {'names' if n == 1 else 'name'} a group not in "
            f"the vocabulary (a local group, perhaps): counted as "
            f"{experience.unlisted_group(measure)}; the answers are not repeated here"
        )
    if parts:
        warnings.warn(f"{name}: " + "; ".join(parts), DataWarning, stacklevel=4)


def load_survey(
    path: str | Path,
    *,
    questions: Mapping[str, str | None] | None = None,
    survey_year: int | None = None,
    council: str | None = None,
    strict: bool = True,
    age_bands: Sequence[str] | Sequence[int] | None = None,
) -> pd.DataFrame:
    """Read a member survey export into one row per respondent, personal data dropped.

    Parameters
    ----------
    path : str or Path
        An ``.xlsx``, ``.ods`` or ``.csv`` (UTF-8, UTF-8 with BOM or Windows-1252) export from
        Microsoft Forms, Google Forms, SmartSurvey or similar, questions in English or Welsh.
    questions : mapping, optional
        Header text -> measure (``"sex"``, ``"age"``, …, ``"welsh_language"``, ``"council"``),
        overriding or adding to the recognised questions; ``None`` leaves a column out. Headers
        are compared case-, space- and punctuation-insensitively.
    survey_year : int, optional
        The year of the survey; else a four-digit year in the file name, else the most common
        year of the export's completion time (or timestamp) column.
    council : str, optional
        The council (any spelling, or its ONS code) for respondents whose council is not
        given by a council question in the export.
    strict : bool, default True
        An answer that cannot be mapped is an error; with ``False`` it is kept as the
        measure's "Other" group (NA where the measure has none) and listed in one warning.
    age_bands : sequence, optional
        Age band labels (``["18-29", "30-44", "45-59", "60-74", "75+"]``, the default) or
        their lower bounds (``[18, 30, 45, 60, 75]``).

    Returns
    -------
    DataFrame
        ``respondent_id`` (Int64, 1..n), ``council_code`` (str, NA if unknown), ``survey_year``
        (Int64), then an ordered categorical per measure present (``sex``,
        ``gender_identity``, ``age``, ``ethnicity`` with ``ethnicity_detail`` (str),
        ``disability``, ``sexual_orientation``, ``religion``, ``welsh_language`` with
        ``welsh_understands``, ``welsh_speaks``, ``welsh_reads``, ``welsh_writes`` (boolean),
        ``caring``, ``tenure``). A skipped question is NA; "Prefer not to say" is a category.
        ``attrs["row_account"]`` is the :class:`~diversity_review.errors.RowAccount`,
        ``attrs["measures"]`` the measure columns present, ``attrs["questions"]`` the header
        each measure was read from, and ``attrs["dropped"]`` every column left out: its header
        text (never a cell value) -> why, one of ``"personal data"`` (name, email, IP address
        …), ``"survey metadata"`` (ID, times …), ``"free text"`` (comments, "please specify"),
        ``"unrecognised question"`` or ``"left out (questions=)"``. An option column of a
        question is named ``"header [option]"``, a column with no header
        ``"column F (no header)"``.

    Raises
    ------
    NoTableError
        No survey question column was recognised in the file.
    DataError
        Answers that cannot be mapped, ages outside 18-110, unknown councils, two columns for
        one measure: every problem, each with its file, sheet, cell and column header.

    Examples
    --------
    >>> table = load_survey("data/raw/member_survey_synthetic.csv")  # doctest: +SKIP
    >>> table["sex"].value_counts().to_dict()  # doctest: +SKIP
    {'Female': 26, 'Male': 27, 'Prefer not to say': 6}
    >>> table.attrs["dropped"]["Email"]  # doctest: +SKIP
    'personal data'
    """
    options = Options.make(questions, survey_year, council, strict, age_bands)
    table = _load(Path(path), options)
    table.attrs["synthetic"] = is_synthetic(path)  # the sample marker (load/synthetic.py)
    return table


def _load(path: Path, options: Options) -> pd.DataFrame:
    """The stages in order: locate and classify, read column-wise, map, assemble."""
    name = display_name(path)
    collectors = []
    forms = []
    for form in _forms(path, options):
        collectors.append(Collector(options.strict))
        forms.append(resolve_duplicates(form, collectors[-1]))
    years = options.survey_year is None and year_in(name) is None
    bodies = [read_body(f.located.sheet, f.plan(years=years)) for f in forms]
    if all(_looks_like_counts(f, b) for f, b in zip(forms, bodies, strict=True)):
        raise NoTableError(
            Problem("a table of counts, not one row per survey respondent", name, code=COUNTS_TABLE)
        )
    parts = [
        _part(f, b, options, c, name) for f, b, c in zip(forms, bodies, collectors, strict=True)
    ]
    problems = [p for c in collectors for p in c.problems]
    if problems:
        raise DataError(problems)
    notes = [n for f, c in zip(forms, collectors, strict=True) for n in (*f.notes, *c.notes)]
    kept = [p for c in collectors for p in c.kept_as_other]
    _warn(name, forms, notes, options, (kept, sum(c.kept_cells for c in collectors)))
    _warn_unlisted(name, collectors)
    return assemble(parts, options.bands, options.council)
