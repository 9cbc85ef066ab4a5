"""The experience-of-office questions (``vocab/experience.toml``) as the survey loader reads them.

A header names an experience measure when, folded and without its numbering ("Q7", "3.")
and its "(Tick all that apply)" note, it is the measure's question in English or Welsh, as
Microsoft Forms, SurveyMonkey and Jisc export it. An answer is a group (single measures) or
the options ticked (multi measures: one cell joined by ";" as Forms writes it, or one column
per option, which the classify stage has already turned into the labels ticked). Each option
becomes one boolean column (``abuse_online`` ...) and the measure's ``any`` column where it
has one; a single measure one string column. "Prefer not to say" is not an answer (NA). A
single measure with an ``unlisted`` group (the political group) takes an answer naming none of
its groups or their synonyms (a council's local group) as that group, marked :class:`Unlisted`
so the loader counts it in one warning without quoting it.

Examples
--------
>>> match("Q3. Do you feel safe carrying out your role as a councillor?")
('felt_safe', True)
>>> map_experience("abuse", "In person;Threats of violence")["abuse_in_person"]
True
>>> map_experience("felt_safe", "Weithiau")
{'felt_safe': 'Sometimes'}
>>> map_experience("political_group", "Welsh Liberal Democrats")
{'political_group': 'Liberal Democrat'}
>>> found = map_experience("political_group", "Grŵp y Ffermwyr")
>>> found, isinstance(found, Unlisted)
({'political_group': 'Other group'}, True)
"""

from __future__ import annotations

import re
from functools import cache

from ... import vocab
from ...text import fold
from .answers import prefer_not
from .problems import Unmapped

__all__ = [
    "NAMES",
    "Unlisted",
    "is_experience",
    "match",
    "outputs",
    "unlisted_group",
    "map_experience",
    "boolean_outputs",
]

#: the experience measures, in the vocabulary's order (what ``questions=`` may also name)
NAMES: tuple[str, ...] = tuple(vocab.load("experience")["measures"])


def _measure(name: str):
    # imported here: the experience package reads respondents through this loader
    from ...experience.measures import measure

    return measure(name)


class Unlisted(dict):
    """The columns of an answer naming none of a measure's groups, kept as its ``unlisted``
    group (a council's local political group): counted in one warning, never quoted."""


def is_experience(name: str | None) -> bool:
    """True for the name of an experience measure."""
    return name in NAMES


_NUMBER = re.compile(r"^(?:q\s*)?\d+(?:\s*\d+)*\s+")  # "q4 ", "4 ", "4 1 " (from "4.1")


@cache
def _tick_all() -> re.Pattern[str]:
    forms = vocab.load("experience")["forms"]
    words = sorted({*forms["tick_all_en"], *forms["tick_all_cy"]}, key=len, reverse=True)
    return re.compile(rf"\s*\b(?:{'|'.join(map(re.escape, words))})\s*$")


def _wholes(text: object) -> tuple[str, ...]:
    """A header folded, without its numbering (note included): as the survey loader strips it,
    and with only a leading number gone (the loader's "4 a" is also "4. A wnaethoch ...?")."""
    from .headers import strip_numbering

    folded = fold(text)
    return tuple(dict.fromkeys((strip_numbering(folded), _NUMBER.sub("", folded))))


def _plains(text: object) -> tuple[str, ...]:
    """:func:`_wholes` without the "tick all that apply" note."""
    return tuple(_tick_all().sub("", w).strip() for w in _wholes(text))


@cache
def _questions() -> dict[str, tuple[str, bool]]:
    """Folded question form -> (measure, whether the form is the full one with its note)."""
    out: dict[str, tuple[str, bool]] = {}
    for name in NAMES:
        for text in _measure(name).question.values():
            out[_wholes(text)[0]] = (name, True)
            out.setdefault(_plains(text)[0], (name, False))
    return out


def match(header: object) -> tuple[str, bool] | None:
    """(measure, full) of a header asking an experience question, else None.

    ``full``: the header is the question with its note, as the template writes it; a header
    without the note may also be a survey question of the same words ("Do you have caring
    responsibilities?"), which the caller then prefers.
    """
    questions = _questions()
    for whole in _wholes(header):
        if whole in questions:
            return questions[whole]
    for plain in _plains(header):
        if plain in questions:
            return (questions[plain][0], False)
    return None


def unlisted_group(name: str) -> str | None:
    """The group an answer naming none of a single measure's groups becomes (None: none)."""
    return _measure(name).unlisted


def outputs(name: str) -> tuple[str, ...]:
    """The respondent columns an experience question fills."""
    return _measure(name).columns()


def boolean_outputs() -> frozenset[str]:
    """Every boolean respondent column of the experience measures."""
    return frozenset(c for name in NAMES if _measure(name).kind == "multi" for c in outputs(name))


@cache
def _answers(name: str) -> dict[str, str]:
    """Folded answer -> group (single) or option key (multi), English and Welsh, with the
    group's synonyms."""
    m = _measure(name)
    synonyms = m.synonyms or {}
    out: dict[str, str] = {}
    for key in m.groups or m.options:  # folded as written: "10 to 19 hours" has no numbering
        for text in (key, *m.labels[key].values(), *synonyms.get(key, ())):
            out.setdefault(fold(text), key)
    return out


def _expected(name: str) -> str:
    m = _measure(name)
    return "one of " + ", ".join(m.labels[k]["en"] for k in m.groups or m.options)


def map_experience(name: str, raw: object) -> dict[str, object] | Unmapped:
    """The columns of one distinct answer to an experience question, or why it is not one."""
    m = _measure(name)
    known = _answers(name)
    if m.kind == "single":
        if prefer_not(fold(raw)):
            return {name: None}
        group = known.get(fold(raw))
        if group is None and m.unlisted is not None:
            return Unlisted({name: m.unlisted})
        return {name: group} if group is not None else Unmapped(_expected(name))
    parts = [p for p in str(raw).split(";") if p.strip()]
    if len(parts) == 1 and prefer_not(fold(parts[0])):
        return dict.fromkeys(m.columns())
    ticked = {known.get(fold(p)) for p in parts}
    if None in ticked or not ticked:
        return Unmapped(_expected(name) + " (several joined by ';')")
    out: dict[str, object] = {m.column(o): o in ticked for o in m.options if o != m.none_option}
    if m.any_column:
        out[m.any_column] = bool(ticked - {m.none_option})
    return out
