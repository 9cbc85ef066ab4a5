"""Classify stage: the questions of a sheet, each column's kind decided before any answer is read.

Adjacent columns under one header (a multi-select question, one column per option; Google
Forms' "Question [option]" grid) are one question. Each question gets a kind (a question for a
measure, personal data, export metadata, free text, unrecognised, left out by ``questions=``);
option columns of typed text ("Other (please specify)") are left out of a question. Then
:func:`resolve_duplicates` keeps one question per measure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from ...hints import QUESTIONS
from ..grid import column_letter
from .headers import EXPORT_KINDS, HeaderKind, Kind, classify, is_free_text_label, is_response_label
from .locate import Located
from .messages import short
from .problems import DUPLICATE_QUESTION, Collector
from .source import Plan

__all__ = [
    "PERSONAL",
    "METADATA",
    "FREE_TEXT",
    "UNRECOGNISED",
    "LEFT_OUT",
    "Question",
    "Questionnaire",
    "classify_columns",
    "resolve_duplicates",
]

#: Why a column was left out (``attrs["dropped"]`` of ``load_survey``).
PERSONAL = "personal data"
METADATA = "survey metadata"
FREE_TEXT = "free text"
UNRECOGNISED = "unrecognised question"
LEFT_OUT = "left out (questions=)"
_REASONS = {
    Kind.PERSONAL: PERSONAL,
    Kind.METADATA: METADATA,
    Kind.FREE_TEXT: FREE_TEXT,
    Kind.UNRECOGNISED: UNRECOGNISED,
    Kind.LEFT_OUT: LEFT_OUT,
}
_GRID_ROW = re.compile(r"(.*?\S)\s*\[([^\]]+)\]")  # Google Forms: "Question [option]"


@dataclass(frozen=True)
class Question:
    """One question as laid out in the export: a column, or several under one header.

    ``labels`` holds each column's option label (None: the column holds the answer itself);
    ``fallback`` a broader question on the same measure, read where this one was skipped
    (Census disability: "No" to "any health conditions?" routes past "do they limit you?");
    ``dropped`` the option columns left out, as (label, reason).
    """

    header: str
    cols: tuple[int, ...]
    labels: tuple[str | None, ...]
    kind: HeaderKind
    fallback: Question | None = None
    dropped: tuple[tuple[str, str], ...] = ()

    @property
    def col(self) -> int:
        return self.cols[0]

    @property
    def measure(self) -> str:
        return self.kind.measure or ""

    @property
    def where(self) -> str:
        return f"column {column_letter(self.col)} ('{short(self.header)}')"


@dataclass(frozen=True)
class Questionnaire:
    """A sheet's questions and its columns with no header, as the classify stage left them."""

    located: Located
    questions: tuple[Question, ...]
    unnamed: tuple[int, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def measures(self) -> tuple[Question, ...]:
        """The questions read, one per measure (and the council question)."""
        return tuple(q for q in self.questions if q.kind.kind is Kind.QUESTION)

    def count(self, kind: Kind) -> int:
        return sum(q.kind.kind is kind for q in self.questions)

    def plan(self, *, years: bool) -> Plan:
        """What the body reader keeps; ``years``: read the year of the first time columns."""
        read = (Kind.QUESTION, Kind.FALLBACK)
        timed = [q for q in self.questions if q.kind.time_rank is not None] if years else []
        best = min((q.kind.time_rank or 0 for q in timed), default=0)
        return Plan(
            self.located.data_start,
            coded=frozenset(c for q in self.questions if q.kind.kind in read for c in q.cols),
            answers=frozenset(
                c for q in self.questions if q.kind.kind not in EXPORT_KINDS for c in q.cols
            ),
            timed=tuple(q.col for q in timed if q.kind.time_rank == best),
            unnamed=frozenset(self.unnamed),
        )

    def dropped(self, unnamed_filled: frozenset[int]) -> dict[str, str]:
        """Header text -> why its column was left out. Header texts only, never a cell value."""
        out: dict[str, str] = {}
        for q in self.questions:
            if q.kind.kind in _REASONS:
                out.setdefault(q.header, _REASONS[q.kind.kind])
            else:  # a question used: its option columns of typed text were left out
                for label, reason in q.dropped:
                    out.setdefault(f"{q.header} [{label}]", reason)
        for c in sorted(unnamed_filled):
            out.setdefault(f"column {column_letter(c)} (no header)", UNRECOGNISED)
        return out


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split()) or None


def _header_cells(located: Located, c: int) -> tuple[str | None, str | None]:
    """(question header, option label) of column ``c``."""
    grid = located.grid
    top = _text(grid.value(located.header_row, c))
    label = _text(grid.value(located.header_row + 1, c)) if located.two_rows else None
    if not located.two_rows and top and (bracket := _GRID_ROW.fullmatch(top)):
        top, label = bracket.group(1), bracket.group(2)
    if label is not None and is_response_label(label):
        label = None
    return top, label


def _group_columns(located: Located) -> tuple[list[list], list[int]]:
    """[header, cols, labels] of each question, and the columns with no header."""
    groups: list[list] = []
    unnamed: list[int] = []
    for c in range(located.grid.n_cols):
        top, label = _header_cells(located, c)
        if top is None and located.two_rows and groups and label is not None:
            top = groups[-1][0]  # an option label under a wide question's merged header
        if top is None:
            unnamed.append(c)
            continue
        last = groups[-1] if groups else None
        if (
            last is not None
            and last[0] == top
            and last[1][-1] == c - 1
            and (label is not None or any(lb is not None for lb in last[2]))
        ):
            last[1].append(c)
            last[2].append(label)
        else:
            groups.append([top, [c], [label]])
    return groups, unnamed


def _question(header: str, cols: list[int], labels: list, kind: HeaderKind) -> Question:
    """A question with its option columns of typed text left out."""
    if kind.kind is not Kind.QUESTION:
        return Question(header, tuple(cols), tuple(labels), kind)
    typed = [lb is not None and is_free_text_label(lb) for lb in labels]
    keep = [(c, lb) for c, lb, t in zip(cols, labels, typed, strict=True) if not t]
    if not keep:
        return Question(header, tuple(cols), tuple(labels), HeaderKind(Kind.FREE_TEXT))
    dropped = [(lb, FREE_TEXT) for lb, t in zip(labels, typed, strict=True) if t]
    cols, labels = [c for c, _ in keep], [lb for _, lb in keep]
    if None in labels:  # a "Response" column: the answer itself; other options unused
        i = labels.index(None)
        dropped += [(lb, UNRECOGNISED) for lb in labels if lb is not None]
        cols, labels = [cols[i]], [None]
    return Question(header, tuple(cols), tuple(labels), kind, dropped=tuple(dropped))


def classify_columns(located: Located, overrides: Mapping[str, str | None]) -> Questionnaire:
    """The questions of a located sheet, each with its kind."""
    groups, unnamed = _group_columns(located)
    questions = tuple(
        _question(header, cols, labels, classify(header, overrides))
        for header, cols, labels in groups
    )
    return Questionnaire(located, questions, tuple(unnamed))


def resolve_duplicates(form: Questionnaire, problems: Collector) -> Questionnaire:
    """One question per measure: a plain question beats a "please specify" one, then priority.

    A second disability question becomes the fallback of the first; any other second question
    is unrecognised (and noted); two equally good ones are a problem.
    """
    questions = list(form.questions)
    notes: list[str] = []
    by_measure: dict[str, list[int]] = {}
    for i, q in enumerate(questions):
        if q.kind.kind is Kind.QUESTION:
            by_measure.setdefault(q.measure, []).append(i)
    for measure, found in by_measure.items():
        if len(found) == 1:
            continue
        rank = {i: (not questions[i].kind.specify, questions[i].kind.priority) for i in found}
        ranked = sorted(found, key=rank.__getitem__, reverse=True)
        top = ranked[0]
        rivals = [i for i in ranked[1:] if rank[i] == rank[top]]
        if rivals:
            cols = " and ".join(questions[i].where for i in [top, *rivals])
            problems.add(
                form.located.grid.problem(
                    f"{cols} both look like the {measure} question; leave one out with "
                    f'{QUESTIONS} ({{header: None}}; in the file: header = "ignore"), or '
                    "map each header yourself",
                    code=DUPLICATE_QUESTION,
                )
            )
            continue
        for i in ranked[1:]:
            q = questions[i]
            if q.kind.specify:
                questions[i] = replace(q, kind=HeaderKind(Kind.FREE_TEXT))
            elif measure == "disability" and questions[top].fallback is None:
                questions[i] = replace(q, kind=HeaderKind(Kind.FALLBACK, measure))
                questions[top] = replace(questions[top], fallback=questions[i])
            else:
                notes.append(f"{q.where} (also about {measure}; {questions[top].where} used)")
                questions[i] = replace(q, kind=HeaderKind(Kind.UNRECOGNISED))
    for q in questions:
        if q.kind.kind is Kind.UNRECOGNISED and not any(f"{q.where} (" in n for n in notes):
            notes.append(q.where)
    return replace(form, questions=tuple(questions), notes=tuple(notes))
