"""Locate stage: which row is the header, and whether a row of option labels sits under it.

The header row is the row (of the first :data:`SCAN_ROWS`) whose cells name the most distinct
measures and distinct export metadata columns, so a title or notes above it are fine, and a
data row of repeated answers ("No", "No", ...: "No" is also a respondent-number header) counts
each answer once and cannot outscore the header. A second header
row (SmartSurvey, SurveyMonkey: one column per option of a multi-select question, "Response",
"Other (please specify)") is told from a data row by its blank ID and time cells, or by its
"Response" labels.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ...text import fold
from ..grid import Grid
from .headers import EXPORT_KINDS, Kind, classify, classify_header, is_response_label
from .source import Sheet

__all__ = ["SCAN_ROWS", "Located", "locate"]

SCAN_ROWS = 50  # how far down to look for the header row


@dataclass(frozen=True)
class Located:
    """Where the header is in a sheet: its row and whether option labels sit under it."""

    sheet: Sheet
    header_row: int
    two_rows: bool

    @property
    def grid(self) -> Grid:
        return self.sheet.head

    @property
    def data_start(self) -> int:
        """The first row of answers."""
        return self.header_row + (2 if self.two_rows else 1)


def _score(row: list[object], overrides: Mapping[str, str | None]) -> tuple[int, int]:
    """(distinct measures, distinct metadata headers) a row names: the header row names the most.

    Distinct measures, so a row of option labels ("Speak Welsh", "Read Welsh") under a
    multi-select question counts once, not once per option. Distinct metadata texts, so a
    data row answering "No" to many questions counts one "No" (a header's "ID", "Start time"
    and "Completion time" are three).
    """
    measures: set[str] = set()
    metadata: set[str] = set()
    for value in row:
        if isinstance(value, str):
            kind = classify(value.split("[")[0] if "[" in value else value, overrides)
            if kind.kind is Kind.QUESTION:
                measures.add(kind.measure or "")
            elif kind.kind in EXPORT_KINDS:
                metadata.add(fold(value))
    return len(measures), len(metadata)


def _has_subheader(grid: Grid, h: int) -> bool:
    """A second header row (SmartSurvey/SurveyMonkey): option labels under a wide question."""
    if h + 1 >= grid.n_rows:
        return False
    header, below = grid.rows[h], grid.rows[h + 1]
    if any(isinstance(v, str) and is_response_label(v) for v in below):
        return True
    # A data row fills the ID and time columns; a second header row leaves them blank.
    if any(
        below[c] is not None
        for c, value in enumerate(header)
        if isinstance(value, str) and classify_header(value).kind in EXPORT_KINDS
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


def locate(sheet: Sheet, overrides: Mapping[str, str | None]) -> Located | None:
    """The header of a sheet, or None when no row names a survey question."""
    grid = sheet.head
    best, best_row = (0, 0), None
    for r in range(min(grid.n_rows, SCAN_ROWS)):
        score = _score(grid.rows[r], overrides)
        if score[0] and sum(score) > sum(best):
            best, best_row = score, r
    if best_row is None:
        return None
    return Located(sheet, best_row, _has_subheader(grid, best_row))
