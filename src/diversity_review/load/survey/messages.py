"""What a message about a survey cell may say: where it is, and the answer only when it is safe.

A message names the cell's row, its column and the question. It quotes the answer only when it
is a number (an age, a year) or a word the vocabulary knows for the question, never what a
respondent may have typed: a name, a phone number, a comment.

Examples
--------
>>> is_known_option("age", 16), is_known_option("sex", "Unsure")
(True, True)
>>> is_known_option("sex", "Ada Jones 07700 900123"), is_known_option("age", "07700900123")
(False, False)
>>> short("What is your sex? (choose one of the options below, or prefer not to say)", 30)
'What is your sex? (choose one…'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ... import vocab
from ...text import fold
from . import vocabulary as V
from .age import age_span

__all__ = ["short", "is_known_option", "answer_phrase", "other_rows"]

_NUMBER = re.compile(r"[+-]?\d{1,4}(?:[.,]\d+)?")


def short(text: object, limit: int = 60) -> str:
    """Header text on one line, cut at ``limit`` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


@cache
def _known_words(measure: str) -> frozenset[str]:
    """Every word the vocabulary knows as an answer, or part of one, to ``measure``."""

    def under(name: str, *prefix: str) -> list[tuple[str, tuple[str, ...]]]:
        return [(name, p) for p in vocab.term_tables(name) if p[: len(prefix)] == prefix]

    tables = [*under("common", "yes_no"), *under("common", "prefer_not")]
    tables += [*under(V.NAME, "answers", "unsure"), *under(V.NAME, "answers", measure)]
    if measure == "ethnicity":
        tables += under(V.NAME, "ethnicity")
    if measure == "sex":
        tables += under("common", "sex")
    return frozenset(w for name, path in tables for w in vocab.terms(name, *path))


def is_known_option(measure: str, raw: object) -> bool:
    """True when an answer may be quoted: a number of at most four digits (an age or a year,
    never a phone number), an age band, or a word the vocabulary knows for the measure."""
    if isinstance(raw, bool):
        return True
    if isinstance(raw, int | float):
        return abs(raw) < 10_000
    text = str(raw).strip()
    if _NUMBER.fullmatch(text):
        return True
    if measure == "age":
        return age_span(text) is not None
    return fold(text) in _known_words(measure)


def answer_phrase(measure: str, raw: object, *, labels: bool = False) -> str:
    """How a message refers to an answer: quoted when it is safe, else "the answer".

    ``labels`` marks an answer made of the option labels of the export's own header.

    Examples
    --------
    >>> answer_phrase("age", "16"), answer_phrase("sex", "Call Ada on 07700 900123")
    ("'16'", 'the answer (typed text, not repeated here)')
    """
    if labels or is_known_option(measure, raw):
        return repr(short(raw, 40))
    return "the answer (typed text, not repeated here)"


def other_rows(rows: Sequence[int], total: int) -> str:
    """The tail of a message: "; the same answer is in 2 other rows (5, 9)". ``rows`` are the
    first few (spreadsheet) rows holding an answer, ``total`` how many do; "" when one does.

    Examples
    --------
    >>> other_rows([3, 5, 9, 12, 14], 7)
    '; the same answer is in 6 other rows (5, 9, 12, …)'
    """
    others = total - 1
    if others < 1:
        return ""
    shown = ", ".join(str(r) for r in rows[1:4]) + (", …" if others > 3 else "")
    return f"; the same answer is in {others} other {'row' if others == 1 else 'rows'} ({shown})"
