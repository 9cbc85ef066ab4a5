"""Every problem the survey loader reports has a stable code, listed here, and one collector.

The code says what kind of problem it is (tests assert it, ``validate`` groups by it); the
message says it in plain words and may be reworded. A message about a cell names its row, its
column and the question, and quotes the answer only when it is a number or one of the
question's known options (:func:`~.answers.is_known_option`), never what a respondent typed.

========================  ==================================================================
code                      meaning (where it points)
========================  ==================================================================
``no-header``             no survey question recognised in any header row (the file)
``counts-table``          a table of counts under measure headers, not one row per
                          respondent (the file)
``duplicate-question``    two columns both look like the question for one measure (the sheet)
``unmapped-answer``       an answer that is none of the measure's groups (its first cell)
``age-out-of-range``      an age outside 18-110, an error even with ``strict=False`` (cell)
``age-band-mismatch``     an age band that does not fit the age bands asked for (cell)
``unknown-council``       a council question's answer that names none of the 22 councils (cell)
``no-responses``          a header row with no response below it (the header row)
``no-survey-year``        no year given, in the file name or in a completion-time column
``unreadable-csv``        a text file that cannot be read as CSV (the file)
``unknown-encoding``      a text file in an encoding other than UTF-8 or Windows-1252 (file)
========================  ==================================================================

One answer repeated in many rows is one problem, at its first cell, saying how many other rows
hold it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ...errors import Problem

__all__ = [
    "NO_HEADER",
    "COUNTS_TABLE",
    "DUPLICATE_QUESTION",
    "UNMAPPED_ANSWER",
    "AGE_OUT_OF_RANGE",
    "AGE_BAND_MISMATCH",
    "UNKNOWN_COUNCIL",
    "NO_RESPONSES",
    "NO_SURVEY_YEAR",
    "UNREADABLE_CSV",
    "UNKNOWN_ENCODING",
    "CODES",
    "Collector",
    "Unmapped",
    "OutOfRange",
    "BandMismatch",
    "UnknownCouncil",
]

NO_HEADER = "no-header"
COUNTS_TABLE = "counts-table"
DUPLICATE_QUESTION = "duplicate-question"
UNMAPPED_ANSWER = "unmapped-answer"
AGE_OUT_OF_RANGE = "age-out-of-range"
AGE_BAND_MISMATCH = "age-band-mismatch"
UNKNOWN_COUNCIL = "unknown-council"
NO_RESPONSES = "no-responses"
NO_SURVEY_YEAR = "no-survey-year"
UNREADABLE_CSV = "unreadable-csv"
UNKNOWN_ENCODING = "unknown-encoding"

#: every code above
CODES = frozenset(
    {
        NO_HEADER,
        COUNTS_TABLE,
        DUPLICATE_QUESTION,
        UNMAPPED_ANSWER,
        AGE_OUT_OF_RANGE,
        AGE_BAND_MISMATCH,
        UNKNOWN_COUNCIL,
        NO_RESPONSES,
        NO_SURVEY_YEAR,
        UNREADABLE_CSV,
        UNKNOWN_ENCODING,
    }
)


class Unmapped(str):
    """An answer that could not be mapped; the string says what was expected."""

    code = UNMAPPED_ANSWER


class OutOfRange(Unmapped):
    """An age outside 18-110: an error even with ``strict=False``."""

    code = AGE_OUT_OF_RANGE


class BandMismatch(Unmapped):
    """An age band that fits none of the survey's age bands."""

    code = AGE_BAND_MISMATCH


class UnknownCouncil(Unmapped):
    """A council answer naming none of the 22 councils; the string is a hint (or "")."""

    code = UNKNOWN_COUNCIL


@dataclass
class Collector:
    """The problems of one export, gathered by every stage and raised together at the end.

    ``strict=False`` turns an answer that cannot be mapped (not an age out of range, not an
    unknown council) into a problem in ``kept_as_other`` (one a distinct answer, for a
    warning), with ``kept_cells`` counting the cells they stand for. ``unlisted`` counts, per
    measure, the cells naming a group its vocabulary does not list (kept as its ``unlisted``
    group whatever ``strict`` says), ``unlisted_answers`` how many distinct answers they are.
    """

    strict: bool = True
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    kept_as_other: list[Problem] = field(default_factory=list)
    kept_cells: int = 0
    unlisted: Counter[str] = field(default_factory=Counter)
    unlisted_answers: Counter[str] = field(default_factory=Counter)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def answer(self, problem: Problem, *, cells: int, forgivable: bool) -> bool:
        """An answer that cannot be used; True when it is kept (as Other or NA) instead."""
        if self.strict or not forgivable:
            self.problems.append(problem)
            return False
        self.kept_as_other.append(problem)
        self.kept_cells += cells
        return True

    def note(self, text: str) -> None:
        """A column not used, for the one warning that lists them."""
        self.notes.append(text)
