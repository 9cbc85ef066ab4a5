"""The review loader's words as lookup tables, built once from ``vocab/review.toml`` (and the
shared words of ``vocab/common.toml``), with the rules that combine them.

The words are data; what stays here are the rules that depend on context:

- a header's *key*: folded text with ``+`` as "plus", ``%`` as "percent", years and
  ``filler_anywhere`` words dropped, initials written with stops joined (:func:`header_key`);
- its *forms*: the key, then the key as filler phrases are stripped from either end, and the
  parts of a bilingual ``English / Cymraeg`` header (:func:`header_forms`);
- a group word alone, or with a measure word before or after it ("Ethnicity unknown"), is a
  count of that group; under a measure row, its groups' own words (and Yes / No for the
  measures whose groups are a yes and a no) are read in that measure's context;
- cabinet and leader headers are built from a cabinet or leader word and a sex or size word.

Examples
--------
>>> header_key("No. of B.M.E. councillors (2022)")
'no of bme councillors'
>>> role_of("Number of women councillors")
Role(kind=<ColumnKind.COUNT: 'count'>, measure='sex', group='Female')
>>> role_of("% female").kind, role_of("Female", "executive_sex").measure
(<ColumnKind.PERCENT: 'percent'>, 'executive_sex')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ... import vocab
from ...categories import MEASURES, NOT_KNOWN
from ...text import YEAR, demutate, fold
from .contracts import ColumnKind

__all__ = [
    "Role",
    "header_key",
    "header_forms",
    "role_of",
    "measure_named",
    "is_council_header",
    "names_election",
    "row_label",
    "is_total_label",
    "is_footnote_start",
    "sex_word",
    "yes_no_word",
    "is_vacant",
]

K = ColumnKind
VOCAB = "review"

#: measures whose first two groups are a yes and a no: "Yes" / "No" under them name those
YES_NO_MEASURES = ("disability", "welsh_language")
#: a footnote may also start with a mark: *, †, ‡, a superscript, #, ^, [, (a), "1." or "2)"
_FOOTNOTE_MARK = re.compile(r"^(\*|†|‡|¹|²|³|#|\^|\[|\(\w{1,2}\)|\d{1,2}[.)]\s)")
_PARTS = re.compile(r"[/|\n]")


@dataclass(frozen=True)
class Role:
    """What a header names: a column kind and, for counts, the measure and group."""

    kind: ColumnKind
    measure: str | None = None
    group: str | None = None


COUNCIL = Role(K.COUNCIL)


# ---------------------------------------------------------------------------------------------
# header keys and forms
# ---------------------------------------------------------------------------------------------


@cache
def _dropped() -> frozenset[str]:
    return frozenset(vocab.terms(VOCAB, "filler_anywhere"))


@lru_cache(maxsize=16384)
def _key(raw: str) -> str:
    raw = raw.replace("+", " plus ").replace("%", " percent ")
    words = [w for w in demutate(YEAR.sub(" ", fold(raw))).split() if w not in _dropped()]
    # initials written with stops ("B.M.E.", "N/K") fold to single letters: join them again
    joined: list[str] = []
    for i, w in enumerate(words):
        if len(w) == 1 and w.isalpha() and i and len(words[i - 1]) == 1 and joined:
            joined[-1] += w
        else:
            joined.append(w)
    return " ".join(joined)


def header_key(text: object) -> str:
    """Header text folded for matching (years and age-unit words dropped).

    Examples
    --------
    >>> header_key("Aged 60+"), header_key("Female %")
    ('60 plus', 'female percent')
    """
    return _key(str(text))


@cache
def _phrases(table: str) -> tuple[tuple[str, ...], ...]:
    """A filler table's phrases as word tuples, the longest first (ties in file order)."""
    found = [tuple(_key(p).split()) for p in vocab.terms(VOCAB, table)]
    return tuple(sorted(dict.fromkeys(found), key=len, reverse=True))


def _strip_one(words: list[str]) -> list[str] | None:
    """``words`` with one leading (else trailing) filler phrase stripped, or None."""
    for lead in _phrases("filler_lead"):
        if tuple(words[: len(lead)]) == lead and len(words) > len(lead):
            return words[len(lead) :]
    for trail in _phrases("filler_trail"):
        if tuple(words[-len(trail) :]) == trail and len(words) > len(trail):
            return words[: -len(trail)]
    return None


@lru_cache(maxsize=16384)
def header_forms(text: str) -> tuple[str, ...]:
    """The header's key, then the forms left as filler phrases are stripped from either end;
    for a header of three or more parts split by ``/``, ``|`` or a line break, each part too.

    Examples
    --------
    >>> header_forms("Total number of women")
    ('total number of women', 'women')
    >>> header_forms("Female / Benyw")
    ('female benyw', 'female', 'benyw')
    """
    seen: list[str] = []
    parts = [text, *(p for p in _PARTS.split(text) if p.strip())]
    for part in parts if len(parts) > 2 else parts[:1]:
        words: list[str] | None = _key(part).split()
        while words is not None:
            form = " ".join(words)
            if form not in seen:
                seen.append(form)
            words = _strip_one(words)
    return tuple(seen)


def lookup(text: object, table: dict[str, Any]) -> Any:
    """The value of the first form of ``text`` found in ``table``, else None."""
    for form in header_forms(str(text)):
        if form in table:
            return table[form]
    return None


# ---------------------------------------------------------------------------------------------
# word lists
# ---------------------------------------------------------------------------------------------


@cache
def words(*path: str) -> tuple[str, ...]:
    """The header keys of one ``review.toml`` term table."""
    return tuple(dict.fromkeys(_key(w) for w in vocab.terms(VOCAB, *path)))


@cache
def common_words(*path: str) -> tuple[str, ...]:
    """The header keys of one ``common.toml`` term table (sex words, not known)."""
    return tuple(dict.fromkeys(_key(w) for w in vocab.terms("common", *path)))


@cache
def group_words() -> dict[str, dict[str, tuple[str, ...]]]:
    """measure -> group -> words: sex from ``common.toml``, the others from ``review.toml``;
    "Not known" words for every measure that has a "Not known" group."""
    found = {"sex": {g: common_words("sex", g) for g in vocab.load("common")["sex"]}}
    for measure, groups in vocab.load(VOCAB)["groups"].items():
        found[measure] = {g: words("groups", measure, g) for g in groups}
    for measure, groups in found.items():
        if NOT_KNOWN in MEASURES[measure].groups:
            groups[NOT_KNOWN] = common_words("not_known")
    return found


@cache
def measure_words() -> dict[str, tuple[str, ...]]:
    """measure -> the words naming it (the cabinet and the leader included)."""
    return {m: words("measures", m) for m in vocab.load(VOCAB)["measures"]}


# ---------------------------------------------------------------------------------------------
# tables: a header alone, a header under a measure, a measure row
# ---------------------------------------------------------------------------------------------


def _cabinet_and_leader(put) -> None:
    sex = group_words()["sex"]
    for e in measure_words()["executive_sex"]:
        put(e, Role(K.EXEC_SIZE))
        for s in words("cabinet_size"):
            for form in (f"{e} {s}", f"{s} {e}", f"{s} of {e}"):
                put(form, Role(K.EXEC_SIZE))
        for g, found in sex.items():
            for w in found:
                for form in (f"{e} {w}", f"{w} {e}", f"{w} in {e}", f"{w} on {e}", f"{e} {w}s"):
                    put(form, Role(K.COUNT, "executive_sex", g))
    for lw in measure_words()["leader_sex"]:
        put(lw, Role(K.LEADER_SEX))
        for s in words("leader", "sex"):
            # "Leader's gender" folds to "leaders gender"
            for form in (f"{lw} {s}", f"{s} of {lw}", f"{lw}s {s}", f"{lw} s {s}", f"{s} {lw}"):
                put(form, Role(K.LEADER_SEX))
        for w in words("leader", "female"):
            for form in (f"{w} {lw}", f"{lw} {w}", f"{lw} is {w}", f"{lw} is a {w}"):
                put(form, Role(K.LEADER_FLAG))


@cache
def standalone() -> dict[str, Role]:
    """Header key -> role, for a header read on its own (the first word list to claim a key
    keeps it)."""
    table: dict[str, Role] = {}
    put = table.setdefault
    for kind in (K.COUNCIL, K.CODE, K.SEATS):
        for w in words("headers", kind.value):
            put(w, Role(kind))
    for w in common_words("not_known"):
        put(w, Role(K.NOT_KNOWN))
    for m, groups in group_words().items():
        named = measure_words()[m]
        for g, found in groups.items():
            for w in found:
                if g != NOT_KNOWN:
                    put(w, Role(K.COUNT, m, g))
                for mw in named:
                    put(f"{mw} {w}", Role(K.COUNT, m, g))
                    put(f"{w} {mw}", Role(K.COUNT, m, g))
    _cabinet_and_leader(put)
    return table


@cache
def in_context() -> dict[str, dict[str, Role]]:
    """measure -> header key -> role, for a header under a row naming that measure."""
    context: dict[str, dict[str, Role]] = {}
    yes_no = vocab.load("common")["yes_no"]
    for m, groups in group_words().items():
        table: dict[str, Role] = {}
        for g, found in groups.items():
            for w in found:
                table.setdefault(w, Role(K.COUNT, m, g))
        for w in words("measure_total"):
            table.setdefault(w, Role(K.MEASURE_TOTAL, m))
        if m in YES_NO_MEASURES:
            for answer, group in zip(yes_no, MEASURES[m].groups, strict=False):
                for w in common_words("yes_no", answer):
                    table.setdefault(w, Role(K.COUNT, m, group))
        context[m] = table
    cabinet: dict[str, Role] = {}
    for g, found in group_words()["sex"].items():
        for w in found:
            cabinet.setdefault(w, Role(K.COUNT, "executive_sex", g))
    for w in words("cabinet_size"):
        cabinet.setdefault(w, Role(K.EXEC_SIZE))
    context["executive_sex"] = cabinet
    context["leader_sex"] = {w: Role(K.LEADER_SEX) for w in words("leader", "sex")}
    return context


@cache
def _measure_of() -> dict[str, str]:
    found: dict[str, str] = {}
    for m, named in measure_words().items():
        for w in named:
            found.setdefault(w, m)
    return found


def measure_named(text: object) -> str | None:
    """The measure a cell above the groups names ("Gender" -> ``sex``), if any."""
    return lookup(text, _measure_of())


# ---------------------------------------------------------------------------------------------
# roles of header cells
# ---------------------------------------------------------------------------------------------


def _split_percent(text: str) -> tuple[bool, str]:
    """Whether a header is of a percentage column, and the header with the percent words
    taken out."""
    words_ = _key(text).split()
    percent = set(words("percent"))
    is_pct = "%" in text or any(w in percent for w in words_)
    if "per cent" in " ".join(words_):
        is_pct = True
        words_ = " ".join(words_).replace("per cent", "").split()
    if not is_pct:
        return False, text
    return True, " ".join(w for w in words_ if w not in percent)


def names_election(text: object) -> bool:
    """Is this the header of a column giving each row's election ("Election", "Year" ...)?

    Examples
    --------
    >>> names_election("Year of election"), names_election("Election turnout")
    (True, False)
    """
    found = set(header_key(text).split())
    allowed = set(words("election", "words"))
    return bool(found & allowed) and found <= allowed | set(words("election", "filler"))


@lru_cache(maxsize=16384)
def role_of(text: str, context: str | None = None) -> Role | None:
    """What a header names, read on its own or under a measure (``context``); None if no word
    list knows it. A percentage header of a group is that group's ``PERCENT`` column."""
    is_pct, body = _split_percent(text)
    role = lookup(body, in_context()[context]) if context is not None else None
    if role is None:
        role = lookup(body, standalone())
    if role is None and not is_pct and names_election(body):
        role = Role(K.ELECTION)
    if not is_pct:
        return role
    if role is not None and role.kind is K.COUNT:
        return Role(K.PERCENT, role.measure, role.group)
    if role is not None and role.kind is K.NOT_KNOWN:
        return Role(K.PERCENT_NOT_KNOWN)
    return Role(K.UNKNOWN)


def is_council_header(value: object) -> bool:
    """Does this cell name the council column ("Council", "Local authority", "Cyngor")?"""
    if value is None:
        return False
    try:
        return _names_council_column(value)
    except TypeError:  # an unhashable cell value: look it up without the cache
        return lookup(value, standalone()) == COUNCIL


@lru_cache(maxsize=1 << 14, typed=True)
def _names_council_column(value: object) -> bool:
    """:func:`is_council_header`, remembered: layouts ask it of every cell near the top."""
    return lookup(value, standalone()) == COUNCIL


# ---------------------------------------------------------------------------------------------
# row labels and cells
# ---------------------------------------------------------------------------------------------


@cache
def _row_labels() -> dict[str, str]:
    return {_key(w): role for w, role in vocab.roles(VOCAB, "rows").items()}


@cache
def _row_prefixes() -> dict[str, tuple[str, ...]]:
    return {role: words("row_prefixes", role) for role in vocab.load(VOCAB)["row_prefixes"]}


def is_total_label(key: str) -> bool:
    """Is this key (of a council or code cell) exactly a totals label ("Wales", "W92000004")?"""
    return _row_labels().get(key) == "total"


def row_label(key: str) -> str | None:
    """``"total"`` or ``"subtotal"`` when a row's label key says it is one, else None."""
    found = _row_labels().get(key)
    if found is not None:
        return found
    for role, prefixes in _row_prefixes().items():
        if key.startswith(prefixes):
            return role
    return None


def is_footnote_start(text: str) -> bool:
    """Does a row's first cell start like a note ("Source: ...", "* suppressed", "1. ...")?"""
    if _FOOTNOTE_MARK.match(text):
        return True
    folded = fold(text)
    exact, starts = _footnote_words()
    return folded in exact or folded.startswith(starts)


@cache
def _footnote_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The ``footnote`` words, and each with a space after it (a note starting so)."""
    terms = vocab.terms(VOCAB, "footnote")
    return frozenset(terms), tuple(w + " " for w in terms)


def sex_word(text: object) -> str | None:
    """``"Female"`` or ``"Male"`` for a cell holding a sex word, else None."""
    return vocab.roles("common", "sex").get(fold(text))


def yes_no_word(text: object) -> str | None:
    """``"yes"`` or ``"no"`` for a cell holding a yes or no word, else None."""
    return vocab.roles("common", "yes_no").get(fold(text))


def is_vacant(text: object) -> bool:
    """Does a leader cell say there is no leader ("Vacant", "None")?"""
    return fold(text) in vocab.terms(VOCAB, "leader", "vacant")
