"""Member survey exports (Microsoft Forms, Google Forms, SmartSurvey …) to a respondent table.

One row per respondent, one ordered categorical per measure. What the export says about the
person answering (ID, times, name, email, IP address) and every typed comment are dropped here
and never reach the table: members' answers are special-category data.

The layout is found by content, not position: the header row is the row whose cells read most
like survey questions and export metadata (a title above it is fine), each question column is
recognised from its text in English or Welsh, and a SmartSurvey/SurveyMonkey second header row
(one column per option of a multi-select question, "Response", "Other (please specify)") is
understood. See ``_answers.py`` for the question and answer vocabularies.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from ..categories import PREFER_NOT
from ..councils import resolve_council
from ..errors import (
    DataError,
    DataWarning,
    Exclusion,
    NoTableError,
    Problem,
    RowAccount,
    display_name,
)
from . import _answers as A
from .grid import Grid, cell_ref, column_letter, read_grids

__all__ = ["load_survey", "load_surveys", "SURVEY_MEASURES"]

SURVEY_MEASURES = A.SURVEY_MEASURES
WELSH_SKILL_COLUMNS = ("welsh_understands", "welsh_speaks", "welsh_reads", "welsh_writes")

#: Why a column was left out (``attrs["dropped"]`` of :func:`load_survey`).
PERSONAL = "personal data"
METADATA = "survey metadata"
FREE_TEXT = "free text"
UNRECOGNISED = "unrecognised question"
LEFT_OUT = "left out (questions=)"

_SCAN_ROWS = 50  # how far down to look for the header row
_RESPONSE_LABELS = {"response", "responses", "open ended response", "answer", "ateb", "ymateb"}
_NOT_ANSWERED = {"n/a", "n.a.", "-", "\u2013", "\u2014"}


@dataclass
class _Question:
    """One question as laid out in the export: a column, or several under one header."""

    header: str
    cols: list[int]
    labels: list[str | None]  # option label of each column (None: the answer itself)
    kind: A.HeaderKind = field(default_factory=lambda: A.HeaderKind("unrecognised"))
    #: a broader question on the same measure, read where this one was skipped (Census
    #: disability: "No" to "any health conditions?" routes past "do they limit you?")
    fallback: _Question | None = None
    #: option columns of this question left out ("Other (please specify)"): (label, reason)
    dropped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def col(self) -> int:
        return self.cols[0]

    @property
    def where(self) -> str:
        return f"column {column_letter(self.col)} ('{_short(self.header)}')"


@dataclass
class _Layout:
    grid: Grid
    header_row: int
    data_start: int
    questions: list[_Question]
    unnamed: list[int]

    def count(self, kind: str) -> int:
        return sum(q.kind.kind == kind for q in self.questions)


# Answers repeat down a column: map each distinct one once.
_map_answer = functools.lru_cache(maxsize=4096, typed=True)(A.map_answer)
_map_welsh = functools.lru_cache(maxsize=1024, typed=True)(A.map_welsh_skills)
_ethnicity = functools.lru_cache(maxsize=1024, typed=True)(A.ethnicity)
_yes_means = functools.lru_cache(maxsize=256, typed=True)(A.yes_means)
_resolve_council = functools.lru_cache(maxsize=256, typed=True)(resolve_council)


@functools.lru_cache(maxsize=4096, typed=True)
def _prefer_not(raw: object) -> bool:
    return bool(A._PNTS.search(A.fold(raw)))


@functools.lru_cache(maxsize=4096, typed=True)
def _map_age(raw: object, bands: tuple[A.AgeBand, ...]) -> str:
    return A.map_age(raw, list(bands))


def _short(text: object, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text or None


def _classify(header: str, overrides: Mapping[str, str | None]) -> A.HeaderKind:
    for key in (A.fold(header), A._strip_numbering(A.fold(header))):
        if key in overrides:
            measure = overrides[key]
            if measure is None:
                return A.HeaderKind("dropped")
            return A.HeaderKind("question", measure, priority=9)
    return A.classify_header(header)


def _score(grid: Grid, row: int, overrides: Mapping[str, str | None]) -> tuple[int, int]:
    """(distinct measures, metadata columns) a row names: the header row names the most.

    Distinct measures, so a row of option labels ("Speak Welsh", "Read Welsh") under a
    multi-select question counts once, not once per option.
    """
    measures: set[str] = set()
    metadata = 0
    for value in grid.rows[row]:
        if isinstance(value, str):
            kind = _classify(value.split("[")[0] if "[" in value else value, overrides)
            if kind.kind == "question":
                measures.add(kind.measure or "")
            metadata += kind.kind == "metadata"
    return len(measures), metadata


def _has_subheader(grid: Grid, h: int) -> bool:
    """A second header row (SmartSurvey/SurveyMonkey): option labels under a wide question."""
    if h + 1 >= grid.n_rows:
        return False
    header, below = grid.rows[h], grid.rows[h + 1]
    if any(isinstance(v, str) and A.fold(v) in _RESPONSE_LABELS for v in below):
        return True
    # A data row fills the ID and time columns; a second header row leaves them blank.
    if any(
        below[c] is not None
        for c, value in enumerate(header)
        if isinstance(value, str) and A.classify_header(value).kind == "metadata"
    ):
        return False
    started = False
    continuation = []
    for c, value in enumerate(header):
        if value is not None and (c == 0 or value != header[c - 1]):
            started = True
            continue
        if started:
            continuation.append(c)
    labels = [below[c] for c in continuation]
    return bool(labels) and None not in labels and len(set(map(str, labels))) == len(labels)


def _layout(grid: Grid, overrides: Mapping[str, str | None]) -> _Layout | None:
    best, best_row = (0, 0), None
    for r in range(min(grid.n_rows, _SCAN_ROWS)):
        score = _score(grid, r, overrides)
        if score[0] and sum(score) > sum(best):
            best, best_row = score, r
    if best_row is None:
        return None
    h = best_row
    sub = _has_subheader(grid, h)
    header = grid.rows[h]
    below = grid.rows[h + 1] if sub else [None] * grid.n_cols
    questions: list[_Question] = []
    unnamed: list[int] = []
    for c in range(grid.n_cols):
        top, label = _text(header[c]), _text(below[c])
        if not sub and top:
            bracket = re.fullmatch(r"(.*?\S)\s*\[([^\]]+)\]", top)  # Google Forms grid rows
            if bracket:
                top, label = bracket.group(1), bracket.group(2)
        if label is not None and A.fold(label) in _RESPONSE_LABELS:
            label = None
        if top is None and sub and questions and label is not None:
            top = questions[-1].header
        if top is None:
            unnamed.append(c)
            continue
        last = questions[-1] if questions else None
        if (
            last is not None
            and last.header == top
            and last.cols[-1] == c - 1
            and (label is not None or any(lb is not None for lb in last.labels))
        ):
            last.cols.append(c)
            last.labels.append(label)
        else:
            questions.append(_Question(top, [c], [label]))
    for q in questions:
        q.kind = _classify(q.header, overrides)
        if q.kind.kind == "question":  # option columns of typed text are dropped
            keep = [
                (c, lb)
                for c, lb in zip(q.cols, q.labels, strict=True)
                if lb is None or not A.is_free_text_label(lb)
            ]
            if not keep:
                q.kind = A.HeaderKind("free_text")
            else:
                q.dropped = [
                    (lb, FREE_TEXT)
                    for lb in q.labels
                    if lb is not None and A.is_free_text_label(lb)
                ]
                q.cols, q.labels = [c for c, _ in keep], [lb for _, lb in keep]
                if any(lb is None for lb in q.labels):  # "Response" column: the answer
                    i = q.labels.index(None)
                    q.dropped += [(lb, UNRECOGNISED) for lb in q.labels if lb is not None]
                    q.cols, q.labels = [q.cols[i]], [None]
    return _Layout(grid, h, h + (2 if sub else 1), questions, unnamed)


def _resolve_duplicates(layout: _Layout, problems: list[Problem], notes: list[str]) -> None:
    """One column per measure: a plain question beats a "please specify" one, then priority."""
    grid = layout.grid
    by_measure: dict[str, list[_Question]] = {}
    for q in layout.questions:
        if q.kind.kind == "question":
            by_measure.setdefault(q.kind.measure or "", []).append(q)
    for measure, qs in by_measure.items():
        if len(qs) == 1:
            continue
        ranked = sorted(qs, key=lambda q: (not q.kind.specify, q.kind.priority), reverse=True)
        top = ranked[0]
        rivals = [
            q
            for q in ranked[1:]
            if (not q.kind.specify, q.kind.priority) == (not top.kind.specify, top.kind.priority)
        ]
        if rivals:
            cols = " and ".join(q.where for q in [top, *rivals])
            problems.append(
                grid.problem(
                    f"{cols} both look like the {measure} question; pass questions="
                    f"{{header: None}} to leave one out, or map each header yourself"
                )
            )
            continue
        for q in ranked[1:]:
            if q.kind.specify:
                q.kind = A.HeaderKind("free_text")
            elif measure == "disability" and top.fallback is None:
                top.fallback, q.kind = q, A.HeaderKind("fallback", measure)
            else:
                notes.append(f"{q.where} (also about {measure}; {top.where} used)")
                q.kind = A.HeaderKind("unrecognised")


def _dropped(layout: _Layout) -> dict[str, str]:
    """Header text -> why its column was left out. Header texts only, never a cell value."""
    grid = layout.grid
    reasons = {"metadata": METADATA, "free_text": FREE_TEXT, "unrecognised": UNRECOGNISED}
    reasons["dropped"] = LEFT_OUT
    out: dict[str, str] = {}
    for q in layout.questions:
        if q.kind.kind == "metadata" and q.kind.personal:
            out.setdefault(q.header, PERSONAL)
        elif q.kind.kind in reasons:
            out.setdefault(q.header, reasons[q.kind.kind])
        else:  # a question used: its option columns of typed text were left out
            for label, reason in q.dropped:
                out.setdefault(f"{q.header} [{label}]", reason)
    for c in layout.unnamed:
        if any(grid.value(r, c) is not None for r in range(layout.data_start, grid.n_rows)):
            out.setdefault(f"column {column_letter(c)} (no header)", UNRECOGNISED)
    return out


def _ticked(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    folded = A.fold(value)
    return (
        folded not in {"0", "false", "unticked", "not selected"} and A.yes_no(folded) is not False
    )


def _answer(q: _Question, row: list[object]) -> object:
    """The answer in a row: the cell, or the ticked option labels joined by ";"."""
    if q.labels == [None]:
        value = row[q.col] if q.col < len(row) else None
        if isinstance(value, str) and value.strip().lower() in _NOT_ANSWERED:
            return None
        return value
    cells = [row[c] if c < len(row) else None for c in q.cols]
    if all(v is None for v in cells):
        return None
    ticked = [lb for lb, v in zip(q.labels, cells, strict=True) if _ticked(v)]
    if not ticked:
        return "None of these" if q.kind.measure == "welsh_language" else None
    return ";".join(str(lb) for lb in ticked)


def _year_from_name(name: str) -> int | None:
    years = set(re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", name))
    return int(years.pop()) if len(years) == 1 else None


def _year_of(value: object) -> int | None:
    if isinstance(value, dt.date | dt.datetime):
        return value.year
    if isinstance(value, str):
        four = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", value)
        if four:
            return int(four.group(1))
        two = re.match(r"\s*\d{1,2}[/.-]\d{1,2}[/.-](\d\d)(?!\d)", value)
        if two:
            return 2000 + int(two.group(1))
    return None


def _year_from_times(layout: _Layout, rows: list[int]) -> int | None:
    timed = [q for q in layout.questions if q.kind.time_rank is not None]
    if not timed:
        return None
    best = min(q.kind.time_rank for q in timed)  # type: ignore[type-var]
    years = Counter(
        y
        for q in timed
        if q.kind.time_rank == best
        for r in rows
        if (y := _year_of(layout.grid.value(r, q.col))) is not None
    )
    if not years:
        return None
    return max(years.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _check_survey_year(value: object) -> int:
    text = str(value).strip()
    if isinstance(value, bool) or not re.fullmatch(r"(19|20)\d\d", text):
        raise ValueError(f"survey_year must be a year such as 2023, not {value!r}")
    return int(text)


def _overrides(questions: Mapping[str, str | None] | None) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for header, measure in (questions or {}).items():
        if measure is not None and measure not in A._MEASURE_NAMES:
            raise ValueError(
                f"questions= maps {header!r} to {measure!r}, which is not a survey measure; "
                f"use one of {', '.join(sorted(A._MEASURE_NAMES))} or None to leave it out"
            )
        out[A.fold(header)] = measure
    return out


def _looks_like_counts(layout: _Layout) -> bool:
    """A table of numbers under measure headers: a review sheet, not survey answers."""
    grid = layout.grid
    values = [
        grid.value(r, q.col)
        for q in layout.questions
        if q.kind.kind == "question" and q.kind.measure not in ("age", "council", "tenure")
        for r in range(layout.data_start, grid.n_rows)
        if grid.value(r, q.col) is not None
    ]
    numbers = sum(
        (isinstance(v, int | float) and not isinstance(v, bool))
        or (isinstance(v, str) and re.fullmatch(r"[\d.,%\s]+|[-*c\[\]x.]+", v) is not None)
        for v in values
    )
    return bool(values) and numbers >= 0.8 * len(values)


class _Reader:
    """Reads the respondent rows of one sheet into one record per respondent.

    Problems are collected, not raised, so every one in the sheet is reported together.
    """

    def __init__(self, layout: _Layout, bands: list[A.AgeBand], strict: bool, council: str | None):
        self.layout = layout
        self.grid: Grid = layout.grid
        self.bands = bands
        self.strict = strict
        self.default_council = council
        self.problems: list[Problem] = []
        self.kept_as_other: list[str] = []
        self.records: list[dict[str, object]] = []
        self.rows: list[int] = []
        self.measures = [q for q in layout.questions if q.kind.kind == "question"]

    def columns(self) -> list[str]:
        """The output columns this sheet fills (beyond id, council and year)."""
        return _answer_columns(q.kind.measure or "" for q in self.measures)

    def read(self) -> list[Exclusion]:
        grid, layout = self.grid, self.layout
        answer_cols = [
            c for q in layout.questions if q.kind.kind != "metadata" for c in q.cols
        ] + layout.unnamed
        excluded = []
        for r in range(layout.data_start, grid.n_rows):
            row = grid.rows[r]
            if grid.is_blank_row(r):
                excluded.append(Exclusion(self._where(r), "blank row"))
                continue
            if all(row[c] is None for c in answer_cols if c < len(row)):
                excluded.append(Exclusion(self._where(r), "no answers (only export metadata)"))
                continue
            self.rows.append(r)
            record: dict[str, object] = {"council_code": self.default_council}
            for q in self.measures:
                raw = _answer(q, row)
                if raw is None and q.fallback is not None:
                    self._read_fallback(record, q.fallback, r, _answer(q.fallback, row))
                else:
                    self._read_one(record, q, r, raw)
            self.records.append(record)
        return excluded

    def _where(self, r: int) -> str:
        return f"sheet '{self.grid.sheet}', row {r + 1}" if self.grid.sheet else f"row {r + 1}"

    def _unmapped(self, q: _Question, r: int, raw: object, why: str) -> None:
        message = (
            f"{_short(raw, 40)!r} in {q.where}, row {r + 1} is not a recognised "
            f"{q.kind.measure} answer: {why}"
        )
        problem = Problem(message, self.grid.file, self.grid.sheet, cell_ref(r, q.col))
        if self.strict or isinstance(why, A.OutOfRange):
            self.problems.append(problem)
        else:
            self.kept_as_other.append(str(problem))

    def _read_one(self, record: dict[str, object], q: _Question, r: int, raw: object) -> None:
        measure = q.kind.measure or ""
        if measure == "council":
            record["council_code"] = self._council(q, r, raw)
        elif measure == "age":
            record["age"] = self._age(q, r, raw)
        elif measure == "welsh_language":
            record.update(self._welsh(q, r, raw))
        elif measure == "ethnicity":
            record["ethnicity"], record["ethnicity_detail"] = self._ethnicity(q, r, raw)
        else:
            value = None
            if raw is not None:
                value = _map_answer(measure, raw, _yes_means(measure, q.header))
                if isinstance(value, A.Unmapped):
                    self._unmapped(q, r, raw, value)
                    value = A.OTHER_GROUP.get(measure)
            record[measure] = value

    def _read_fallback(self, record: dict[str, object], q: _Question, r: int, raw: object):
        """Only the "no" of the broader question says anything: "No" to "any long-term health
        condition?" is Not disabled, "Yes" leaves it unknown."""
        measure = q.kind.measure or "disability"
        value = None
        if raw is not None:
            yes_no = _yes_means(measure, q.header)
            value = _map_answer(measure, raw, yes_no)
            if isinstance(value, A.Unmapped):
                self._unmapped(q, r, raw, value)
            if value not in (PREFER_NOT, (yes_no or ("", ""))[1]):
                value = None
        record[measure] = value

    def _ethnicity(self, q: _Question, r: int, raw: object) -> tuple[str | None, str | None]:
        if raw is None:
            return None, None
        if _prefer_not(raw):
            return PREFER_NOT, PREFER_NOT
        found = _ethnicity(str(raw))
        if found is None:
            self._unmapped(q, r, raw, A.map_answer("ethnicity", raw))
            group = A.OTHER_GROUP["ethnicity"]
            return group, f"{group}: not specified"
        return found

    def _council(self, q: _Question, r: int, raw: object) -> str | None:
        if raw is None or _prefer_not(raw):
            return self.default_council
        try:
            return _resolve_council(raw)
        except DataError as exc:
            reason = exc.problems[0].message
            self.problems.append(
                Problem(
                    f"{reason} in {q.where}, row {r + 1}",
                    self.grid.file,
                    self.grid.sheet,
                    cell_ref(r, q.col),
                )
            )
            return None

    def _age(self, q: _Question, r: int, raw: object) -> str | None:
        if raw is None:
            return None
        band = _map_age(raw, tuple(self.bands))
        if isinstance(band, A.Unmapped):
            self._unmapped(q, r, raw, band)
            return None
        return band

    def _welsh(self, q: _Question, r: int, raw: object) -> dict[str, object]:
        out: dict[str, object] = dict.fromkeys(("welsh_language", *WELSH_SKILL_COLUMNS))
        if raw is None:
            return out
        parsed = _map_welsh(raw)
        if isinstance(parsed, A.Unmapped):
            self._unmapped(q, r, raw, parsed)
        elif isinstance(parsed, dict):
            out.update(parsed)
            speaks = parsed["welsh_speaks"]
            if speaks is not None:
                out["welsh_language"] = "Welsh speaker" if speaks else "Not Welsh speaker"
        else:
            out["welsh_language"] = parsed  # Prefer not to say
        return out


def _categories(measure: str, bands: list[A.AgeBand]) -> list[str]:
    if measure == "age":
        return [b.label for b in bands] + [PREFER_NOT]
    return A.survey_groups(measure)


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
    path = Path(path)
    name = display_name(path)
    bands = A.parse_age_bands(age_bands)
    overrides = _overrides(questions)
    if survey_year is not None:
        survey_year = _check_survey_year(survey_year)
    default_council = resolve_council(council) if council is not None else None

    layouts = [lay for grid in read_grids(path) if (lay := _layout(grid, overrides))]
    if not layouts:
        raise NoTableError(
            Problem(
                "no member survey questions recognised (a header row with questions such as "
                "'What is your sex?' or 'Beth yw eich oedran?'); pass questions= to name them",
                name,
            )
        )
    widest = max(lay.count("question") for lay in layouts)
    layouts = [lay for lay in layouts if lay.count("question") >= min(2, widest)]
    if all(_looks_like_counts(lay) for lay in layouts):
        raise NoTableError(Problem("a table of counts, not one row per survey respondent", name))

    problems: list[Problem] = []
    notes: list[str] = []
    other_notes: list[str] = []
    readers: list[tuple[_Reader, int | None]] = []
    accounts: list[RowAccount] = []
    seen_overrides: set[str] = set()
    dropped: dict[str, str] = {}
    for layout in layouts:
        grid = layout.grid
        _resolve_duplicates(layout, problems, notes)
        for header, reason in _dropped(layout).items():
            dropped.setdefault(header, reason)
        for q in layout.questions:
            seen_overrides.add(A.fold(q.header))
            if q.kind.kind == "unrecognised" and not any(f"{q.where} (" in n for n in notes):
                notes.append(q.where)
        for c in layout.unnamed:
            if any(grid.value(r, c) is not None for r in range(layout.data_start, grid.n_rows)):
                notes.append(f"column {column_letter(c)} (no header)")
        reader = _Reader(layout, bands, strict, default_council)
        excluded = reader.read()
        problems.extend(reader.problems)
        other_notes.extend(reader.kept_as_other)
        year = survey_year or _year_from_name(name) or _year_from_times(layout, reader.rows)
        if not reader.rows and not reader.problems:
            header_row = layout.data_start - 1
            problems.append(grid.problem("no responses below the header", header_row))
        elif year is None:
            problems.append(
                grid.problem(
                    "cannot tell the survey year: no year in the file name and no completion "
                    "time or timestamp column; pass survey_year="
                )
            )
        accounts.append(
            RowAccount(
                name,
                rows_read=grid.n_rows - layout.data_start,
                rows_kept=len(reader.rows),
                excluded=tuple(excluded),
            )
        )
        readers.append((reader, year))

    if problems:
        raise DataError(problems)
    missing = [k for k in overrides if k not in seen_overrides]
    if missing:
        notes.append("questions= names headers not in the file: " + ", ".join(missing))
    if notes:
        warnings.warn(
            f"{name}: columns not used (not recognised as survey questions): " + "; ".join(notes),
            DataWarning,
            stacklevel=2,
        )
    if other_notes:
        warnings.warn(
            f"{name}: {len(other_notes)} answers not recognised, kept as Other (or NA): "
            + "; ".join(other_notes),
            DataWarning,
            stacklevel=2,
        )
    table = _assemble(readers, bands)
    table.attrs["row_account"] = RowAccount.combine(accounts) if len(accounts) > 1 else accounts[0]
    table.attrs["measures"] = [m for m in SURVEY_MEASURES if m in table.columns]
    table.attrs["questions"] = {
        q.kind.measure: q.header for reader, _ in reversed(readers) for q in reader.measures
    }
    table.attrs["dropped"] = dropped
    return table


def load_surveys(paths: str | Path | Iterable[str | Path], **kwargs: object) -> pd.DataFrame:
    """Read several member survey exports into one respondent table.

    Each file is read with :func:`load_survey` (the same keyword arguments for every file) and
    the tables are stacked: ``respondent_id`` is a fresh 1..n across all files, a measure one
    file did not ask is NA for its respondents, and each measure stays an ordered categorical
    whose categories are the union of the files' in canonical order.

    Parameters
    ----------
    paths : str, Path or iterable of them
        The exports, in the order their respondents are numbered.
    **kwargs
        Passed to :func:`load_survey` for every file (``questions``, ``survey_year``,
        ``council``, ``strict``, ``age_bands``).

    Returns
    -------
    DataFrame
        The columns of :func:`load_survey`, for every measure any file asked.
        ``attrs["row_account"]`` adds up the files' row accounts
        (:meth:`~diversity_review.errors.RowAccount.combine`; each excluded row's location
        starts with its file name), ``attrs["measures"]`` is the
        union of the measures present, ``attrs["dropped"]`` the union of the columns left out
        (header text -> reason) and ``attrs["questions"]`` the header each measure was read
        from in the first file that asked it.

    Raises
    ------
    DataError
        The problems of every file together (a file with no survey table among them raises
        :class:`~diversity_review.errors.NoTableError` only when no file has one).
    ValueError
        No paths given.

    Examples
    --------
    >>> table = load_surveys([  # doctest: +SKIP
    ...     "data/raw/member_survey_synthetic.csv",
    ...     "data/raw/member_survey_cymraeg_synthetic.xlsx"])
    >>> len(table), table["respondent_id"].max()  # doctest: +SKIP
    (72, 72)
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    paths = list(paths)
    if not paths:
        raise ValueError("load_surveys needs at least one survey export")
    tables: list[pd.DataFrame] = []
    errors: list[DataError] = []
    for path in paths:
        try:
            tables.append(load_survey(path, **kwargs))  # type: ignore[arg-type]
        except DataError as exc:
            errors.append(exc)
    if errors:
        problems = [p for exc in errors for p in exc.problems]
        if all(isinstance(exc, NoTableError) for exc in errors) and not tables:
            raise NoTableError(problems)
        raise DataError(problems)
    return _stack(tables, A.parse_age_bands(kwargs.get("age_bands")))


def _stack(tables: list[pd.DataFrame], bands: list[A.AgeBand]) -> pd.DataFrame:
    """Respondent tables one under the other, every categorical kept categorical."""
    present = {c for t in tables for c in t.columns}
    columns = ["respondent_id", "council_code", "survey_year", *_answer_columns(present)]
    dtypes: dict[str, object] = {}
    for column in columns:
        if column in SURVEY_MEASURES:
            found = [t[column].cat.categories for t in tables if column in t.columns]
            canon = _categories(column, bands)
            union = [c for c in canon if any(c in cats for cats in found)]
            union += [c for c in dict.fromkeys(c for cats in found for c in cats) if c not in canon]
            dtypes[column] = pd.CategoricalDtype(union, ordered=True)
        else:
            dtypes[column] = next(t[column].dtype for t in tables if column in t.columns)
    aligned = []
    for t in tables:
        parts = {}
        for column in columns:
            if column in t.columns:
                series = t[column]
                if column in SURVEY_MEASURES:
                    series = series.cat.set_categories(dtypes[column].categories, ordered=True)
                parts[column] = series.reset_index(drop=True)
            else:
                parts[column] = pd.Series(pd.NA, index=range(len(t)), dtype=dtypes[column])
        aligned.append(pd.DataFrame(parts))
    table = pd.concat(aligned, ignore_index=True)
    table["respondent_id"] = pd.array(range(1, len(table) + 1), dtype="Int64")
    dropped: dict[str, str] = {}
    questions: dict[str, str] = {}
    for t in tables:
        for header, reason in t.attrs.get("dropped", {}).items():
            dropped.setdefault(header, reason)
        for measure, header in t.attrs.get("questions", {}).items():
            questions.setdefault(measure, header)
    accounts = [t.attrs["row_account"] for t in tables]
    if len(accounts) > 1:  # say which file each excluded row is in
        accounts = [
            replace(
                a,
                excluded=tuple(replace(e, location=f"{a.file}, {e.location}") for e in a.excluded),
            )
            for a in accounts
        ]
    table.attrs = {
        "row_account": RowAccount.combine(accounts),
        "measures": [m for m in SURVEY_MEASURES if m in table.columns],
        "questions": questions,
        "dropped": dropped,
    }
    return table


def _answer_columns(present: Iterable[str]) -> list[str]:
    """The measure columns (with their detail and skill columns) among ``present``, in order."""
    present = set(present)
    out: list[str] = []
    for m in SURVEY_MEASURES:
        if m in present:
            out.append(m)
            out += ["ethnicity_detail"] if m == "ethnicity" else []
            out += list(WELSH_SKILL_COLUMNS) if m == "welsh_language" else []
    return out


def _assemble(readers: list[tuple[_Reader, int | None]], bands: list[A.AgeBand]) -> pd.DataFrame:
    columns = [
        c
        for c in [*SURVEY_MEASURES, "ethnicity_detail", *WELSH_SKILL_COLUMNS]
        if any(c in reader.columns() for reader, _ in readers)
    ]
    records = [rec for reader, _ in readers for rec in reader.records]
    years = [year for reader, year in readers for _ in reader.records]
    n = len(records)
    out: dict[str, object] = {
        "respondent_id": pd.array(range(1, n + 1), dtype="Int64"),
        "council_code": pd.array([rec["council_code"] for rec in records], dtype="str"),
        "survey_year": pd.array(years, dtype="Int64"),
    }
    for measure in SURVEY_MEASURES:
        if measure not in columns:
            continue
        values = [rec.get(measure) for rec in records]
        out[measure] = pd.Categorical(values, categories=_categories(measure, bands), ordered=True)
        if measure == "ethnicity":
            detail = [rec.get("ethnicity_detail") for rec in records]
            out["ethnicity_detail"] = pd.array(detail, dtype="str")
        if measure == "welsh_language":
            for skill in WELSH_SKILL_COLUMNS:
                out[skill] = pd.array([rec.get(skill) for rec in records], dtype="boolean")
    return pd.DataFrame(out, index=pd.RangeIndex(n))
