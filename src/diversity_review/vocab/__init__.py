"""Words as data: the header synonyms and answer words every loader matches, in TOML files.

Each ``*.toml`` file beside this module is a vocabulary a Welsh speaker (or anyone) can read
and extend without reading Python. Two shapes are used:

- a **term table** holds ``en`` and/or ``cy`` lists of words or phrases, matched on
  :func:`~diversity_review.text.fold`-ed text, optionally ``patterns_en`` / ``patterns_cy``
  (regular expressions on folded text, for phrasing that words cannot catch), and
  ``cy_reviewed`` (``false`` while the Welsh words are a draft no Welsh speaker has checked);
- a **role table** is a table whose every value is a term table: each key is a role (a
  canonical group such as ``Female``, or a column kind such as ``seats``) and a word may belong
  to only one role of a table (:func:`roles` refuses a word given two roles).

Rules that depend on order or context (negation, a "Yes" whose meaning depends on the
question) stay in the code that uses the words, next to them.

Examples
--------
>>> roles("common", "sex")["menywod"]
'Female'
>>> "prefer not to say" in terms("common", "prefer_not")
True
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "load",
    "files",
    "terms",
    "patterns",
    "roles",
    "term_tables",
    "role_tables",
    "draft_terms",
    "VocabularyError",
]

_LISTS = ("en", "cy")
_PATTERNS = ("patterns_en", "patterns_cy")


class VocabularyError(ValueError):
    """A vocabulary file that breaks its own rules (a word given two roles, a bad pattern)."""


def files() -> list[str]:
    """The vocabulary names shipped with the package (``common``, ...), sorted."""
    here = resources.files(__package__)
    return sorted(p.name.removesuffix(".toml") for p in here.iterdir() if p.name.endswith(".toml"))


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed vocabulary file ``name.toml`` (read once per process)."""
    path = resources.files(__package__).joinpath(f"{name}.toml")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise VocabularyError(f"no vocabulary {name!r}; there are {', '.join(files())}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise VocabularyError(f"vocabulary {name}.toml is not valid TOML ({exc})") from None


def _table(name: str, path: tuple[str, ...]) -> dict[str, Any]:
    node: Any = load(name)
    for key in path:
        try:
            node = node[key]
        except (KeyError, TypeError):
            raise VocabularyError(f"vocabulary {name}.toml has no table {'.'.join(path)}") from None
    return node


def _is_term_table(node: object) -> bool:
    return isinstance(node, dict) and any(k in node for k in (*_LISTS, *_PATTERNS))


@cache
def terms(name: str, *path: str) -> tuple[str, ...]:
    """The folded words of one term table, English first, then Welsh (duplicates dropped)."""
    from ..text import fold

    node = _table(name, path)
    if not _is_term_table(node):
        raise VocabularyError(f"{name}.toml: {'.'.join(path)} is not a term table")
    words = [fold(w) for lang in _LISTS for w in node.get(lang, ())]
    return tuple(dict.fromkeys(w for w in words if w))


@cache
def patterns(name: str, *path: str) -> re.Pattern[str] | None:
    """One compiled pattern matching any of a term table's ``patterns_en`` / ``patterns_cy``."""
    node = _table(name, path)
    found = [p for key in _PATTERNS for p in node.get(key, ())]
    if not found:
        return None
    try:
        return re.compile("|".join(f"(?:{p})" for p in found))
    except re.error as exc:
        raise VocabularyError(
            f"{name}.toml: a pattern in {'.'.join(path)} is broken ({exc})"
        ) from None


@cache
def roles(name: str, *path: str) -> dict[str, str]:
    """A role table as ``{folded word: role}``; a word given two roles is refused."""
    node = _table(name, path)
    out: dict[str, str] = {}
    for role, entry in node.items():
        if not _is_term_table(entry):
            continue
        for word in terms(name, *path, role):
            if out.get(word, role) != role:
                raise VocabularyError(
                    f"{name}.toml: {word!r} is both {out[word]!r} and {role!r} in "
                    f"{'.'.join(path) or 'the top level'}"
                )
            out[word] = role
    return out


def _walk(node: dict[str, Any], path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], dict]]:
    yield path, node
    for key, value in node.items():
        if isinstance(value, dict):
            yield from _walk(value, (*path, key))


def term_tables(name: str) -> list[tuple[str, ...]]:
    """The path of every term table in a vocabulary file."""
    return [p for p, node in _walk(load(name), ()) if _is_term_table(node)]


def role_tables(name: str) -> list[tuple[str, ...]]:
    """The path of every role table in a vocabulary file (a table of term tables only)."""
    return [
        p
        for p, node in _walk(load(name), ())
        if node and not _is_term_table(node) and all(_is_term_table(v) for v in node.values())
    ]


def draft_terms() -> list[tuple[str, str, tuple[str, ...]]]:
    """(file, table, Welsh words) for every term table whose Welsh is not yet reviewed."""
    found = []
    for name in files():
        for path in term_tables(name):
            node = _table(name, path)
            welsh = tuple(node.get("cy", ())) + tuple(node.get("patterns_cy", ()))
            if welsh and not node.get("cy_reviewed", False):
                found.append((name, ".".join(path), welsh))
    return found
