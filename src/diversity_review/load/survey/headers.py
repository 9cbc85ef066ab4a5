"""What one header names: a question for a measure, export metadata, personal data, typed text.

The words are in ``vocab/survey.toml`` ([headers.*] and [questions.*]); the rules here are the
order they are tried in: metadata and personal headers first (whole header), then personal
details asked anywhere in the header, then tool columns, then free text (in the first
sentence), then the questions in the file's order (each sentence, then the whole header).

Examples
--------
>>> classify_header("Completion time").kind
<Kind.METADATA: 'metadata'>
>>> classify_header("Email").personal, classify_header("Completion time").personal
(True, False)
>>> classify_header("What is your sexual orientation?").measure
'sexual_orientation'
>>> classify_header("Beth yw eich rhyw?").measure
'sex'
>>> classify_header("Any other comments").kind
<Kind.FREE_TEXT: 'free_text'>
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

from ...categories import SURVEY_MEASURES
from ...text import demutate, fold
from . import experience
from . import vocabulary as V

__all__ = [
    "Kind",
    "EXPORT_KINDS",
    "HeaderKind",
    "MEASURE_NAMES",
    "classify_header",
    "classify",
    "strip_numbering",
    "is_free_text_label",
    "is_response_label",
    "is_specify",
]

#: what ``questions=`` may map a header to
MEASURE_NAMES = frozenset({*SURVEY_MEASURES, *experience.NAMES, "council"})


class Kind(StrEnum):
    """The kind of a column, decided from its header before any answer is read."""

    QUESTION = "question"  # the question for a measure (or the council)
    FALLBACK = "fallback"  # a broader question on a measure, read where the question was skipped
    PERSONAL = "personal"  # who answered: name, email, IP address, postcode ... (dropped)
    METADATA = "metadata"  # what the tool adds: ID, times, status, quiz points ... (dropped)
    FREE_TEXT = "free_text"  # typed text: comments, "please specify" (dropped, never read)
    UNRECOGNISED = "unrecognised"  # not a question the loader knows (dropped, with a warning)
    LEFT_OUT = "left_out"  # left out by ``questions={header: None}``


#: columns the survey tool adds about the response (dropped, and never an answer)
EXPORT_KINDS = frozenset({Kind.METADATA, Kind.PERSONAL})


@dataclass(frozen=True)
class HeaderKind:
    """What a header is: its ``kind``, and the ``measure`` and ``priority`` of a question.

    ``specify`` marks a question header that also asks for typed detail ("please specify");
    ``time_rank`` orders time columns for the survey year (0 completed, 1 dated, 2 started).
    """

    kind: Kind
    measure: str | None = None
    priority: int = 0
    specify: bool = False
    time_rank: int | None = None

    @property
    def personal(self) -> bool:
        """True for a column that says who answered."""
        return self.kind is Kind.PERSONAL


@cache
def _numbering() -> re.Pattern[str]:
    prefixes = V.alternation(V.words("headers", "numbering"))
    return re.compile(rf"(?:(?:{prefixes})\s*)?\d+(?:\s*(?:[a-z]|\d+)\b)*")


def strip_numbering(folded: str) -> str:
    """ "q1 what is your sex" -> "what is your sex"; also "1 ", "1a ", "1 a ", "question 3 ".

    Examples
    --------
    >>> strip_numbering("q1 what is your sex"), strip_numbering("3")
    ('what is your sex', '')
    """
    numbering = _numbering()
    if numbering.fullmatch(folded):
        return ""
    return re.sub(rf"^{numbering.pattern}\s+", "", folded)


@cache
def _time_ranks() -> dict[str, int]:
    roles = V.ordered("headers", "time")
    return {
        w: rank for rank, (role, _) in enumerate(roles) for w in V.words("headers", "time", role)
    }


@cache
def _questions() -> tuple[tuple[str, re.Pattern[str], int], ...]:
    """(measure, matcher, priority) in the order the vocabulary lists the questions."""
    out = []
    for key, entry in V.table("questions").items():
        out.append(
            (entry.get("measure", key), V.matcher("questions", key), entry.get("priority", 2))
        )
    return tuple(out)


def _metadata_kind(folded: str) -> HeaderKind | None:
    if folded in V.words("headers", "personal"):
        return HeaderKind(Kind.PERSONAL)
    rank = _time_ranks().get(folded)
    if rank is not None or folded in V.words("headers", "metadata"):
        return HeaderKind(Kind.METADATA, time_rank=rank)
    if V.pattern("headers", "personal").search(folded):
        return HeaderKind(Kind.PERSONAL)
    if V.pattern("headers", "metadata").search(folded):
        return HeaderKind(Kind.METADATA)
    return None


def classify_header(text: object) -> HeaderKind:
    """What kind of column a header names, and the measure of a question column."""
    return _classify_text(str(text))


@lru_cache(maxsize=8192)  # the locate stage reads every cell of the first rows
def _classify_text(text: str) -> HeaderKind:
    folded = strip_numbering(fold(text))
    if not folded:
        return HeaderKind(Kind.UNRECOGNISED)
    metadata = _metadata_kind(folded)
    if metadata is not None:
        return metadata
    asked = experience.match(text)
    if asked is not None and asked[1]:  # an experience question as the template words it
        return HeaderKind(Kind.QUESTION, asked[0])
    # The question is its first sentence: "What is your sex? A question about gender
    # identity follows" asks about sex.
    sentences = [strip_numbering(fold(s)) for s in re.split(r"\?|\n|\.\s|:\s", str(text))]
    # a mutated Welsh word ("yn Gymraeg") matches as written, else as its radical ("Cymraeg")
    sentences = list(dict.fromkeys(x for s in sentences if s for x in (s, demutate(s))))
    folded = demutate(folded)
    if V.matcher("headers", "free_text").search(sentences[0] if sentences else folded):
        return HeaderKind(Kind.FREE_TEXT)
    specify = is_specify(folded)
    for sentence in [*sentences, folded]:
        for measure, pattern, priority in _questions():
            if pattern.search(sentence):
                return HeaderKind(Kind.QUESTION, measure, priority, specify)
    if asked is not None:
        return HeaderKind(Kind.QUESTION, asked[0])
    return HeaderKind(Kind.FREE_TEXT if specify else Kind.UNRECOGNISED)


def classify(header: str, overrides: Mapping[str, str | None]) -> HeaderKind:
    """:func:`classify_header`, where ``questions=`` (folded header -> measure) does not say.

    Examples
    --------
    >>> classify("Q7", {"q7": "sex"}).measure, classify("Sex", {"sex": None}).kind
    ('sex', <Kind.LEFT_OUT: 'left_out'>)
    """
    for key in (fold(header), strip_numbering(fold(header))) if overrides else ():
        if key in overrides:
            measure = overrides[key]
            if measure is None:
                return HeaderKind(Kind.LEFT_OUT)
            return HeaderKind(Kind.QUESTION, measure, priority=9)
    return classify_header(header)


def is_specify(folded: str) -> bool:
    """True for a header or label asking for typed detail ("please specify", "if other")."""
    return bool(V.matcher("headers", "specify").search(folded))


def is_free_text_label(text: object) -> bool:
    """True for an option column that holds typed text ("Other (please specify)").

    Examples
    --------
    >>> is_free_text_label("Other (please specify)"), is_free_text_label("Other ethnic group")
    (True, False)
    """
    folded = fold(text)
    return is_specify(folded) or bool(V.matcher("headers", "comment").search(folded))


def is_response_label(text: object) -> bool:
    """True for the label a second header row puts over the answer itself ("Response")."""
    return fold(text) in V.words("headers", "response")
