"""The survey's words as matchers: ``vocab/survey.toml`` (and the shared ``vocab/common.toml``)
compiled once per process.

A term table becomes one regular expression: any of its words as whole words anywhere in the
folded text, or any of its patterns. A role table becomes its roles in the file's order, each
with its matcher, for rules where the first role that matches wins.

Examples
--------
>>> bool(matcher("answers", "unsure").search("i am not sure"))
True
>>> [role for role, _ in ordered("answers", "tenure")]
['Returning', 'New']
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ... import vocab

__all__ = [
    "NAME",
    "table",
    "words",
    "pattern",
    "matcher",
    "ordered",
    "starts_with",
    "alternation",
]

#: the survey vocabulary file (``vocab/survey.toml``)
NAME = "survey"
_NEVER = re.compile(r"(?!)")


def table(*path: str, name: str = NAME) -> dict[str, Any]:
    """The raw table at ``path`` of a vocabulary file."""
    node: Any = vocab.load(name)
    for key in path:
        node = node[key]
    return node


def words(*path: str, name: str = NAME) -> frozenset[str]:
    """The folded words of a term table."""
    return frozenset(vocab.terms(name, *path))


def alternation(items: object) -> str:
    """Escaped alternatives, longest first (so "age band" is tried before "age")."""
    return "|".join(re.escape(w) for w in sorted(set(items), key=lambda w: (-len(w), w)))


def pattern(*path: str, name: str = NAME) -> re.Pattern[str]:
    """A term table's patterns only (for tables whose words are whole headers)."""
    return vocab.patterns(name, *path) or _NEVER


@cache
def matcher(*path: str, name: str = NAME) -> re.Pattern[str]:
    """Any word of a term table as whole words anywhere in folded text, or any of its patterns."""
    parts = []
    found = vocab.terms(name, *path)
    if found:
        parts.append(rf"(?<![a-z0-9])(?:{alternation(found)})(?![a-z0-9])")
    pattern = vocab.patterns(name, *path)
    if pattern is not None:
        parts.append(pattern.pattern)
    return re.compile("|".join(f"(?:{p})" for p in parts)) if parts else _NEVER


@cache
def ordered(*path: str, name: str = NAME) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """``(role, matcher)`` for each role of a role table, in the order the file lists them."""
    return tuple(
        (role, matcher(*path, role, name=name))
        for role, entry in table(*path, name=name).items()
        if isinstance(entry, dict)
    )


@cache
def starts_with(*path: str, name: str = NAME) -> re.Pattern[str]:
    """Folded text that starts with one of a term table's words (as a whole word); a number
    ("1", "0") only as the whole text."""
    found = vocab.terms(name, *path)
    numbers = [w for w in found if w.isdigit()]
    text = rf"^(?:{alternation(w for w in found if not w.isdigit())})(?![a-z0-9])"
    return re.compile(text + (rf"|^(?:{alternation(numbers)})$" if numbers else ""))
