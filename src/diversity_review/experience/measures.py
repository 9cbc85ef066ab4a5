"""The experience-of-office measures, read from ``vocab/experience.toml``.

A *single* measure is one answer in canonical groups (``felt_safe``: Yes, Sometimes, No); a
*multi* measure is "tick all that apply", one boolean column per option (``abuse_online``,
``abuse_in_person`` ...), with a derived ``any`` column where the vocabulary names one
(``abuse_any``: any option other than "None of these").

Examples
--------
>>> measure("abuse").columns()[:2]
('abuse_online', 'abuse_in_person')
>>> measure("felt_safe").groups
('Yes', 'Sometimes', 'No')
>>> label("abuse_online", "cy")
'Ar-lein neu ar gyfryngau cymdeithasol'
>>> measure("political_group").characteristic, measure("political_group").unlisted
(True, 'Other group')
>>> "Political group" in OUTCOMES, "political_group" in OUTCOMES
(False, False)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .. import vocab

__all__ = [
    "Measure",
    "MEASURES",
    "OUTCOMES",
    "measure",
    "boolean_columns",
    "label",
    "measure_of",
]

_FILE = "experience"


@dataclass(frozen=True)
class Measure:
    """One measure: its question in both languages, kind, groups or options."""

    name: str
    kind: str  # "single" or "multi"
    question: dict[str, str]
    groups: tuple[str, ...] = ()  # single: canonical groups, in order
    options: tuple[str, ...] = ()  # multi: option keys, "none" option last
    labels: dict[str, dict[str, str]] | None = None  # group or option -> {"en", "cy"}
    none_option: str | None = None
    any_column: str | None = None
    outcome: str = "Yes"
    cy_reviewed: bool = False
    synonyms: dict[str, tuple[str, ...]] | None = None  # single: group -> other ways it is written
    unlisted: str | None = None  # single: the group an answer not in the vocabulary becomes
    characteristic: bool = False  # who answered (political group), never an outcome

    def column(self, option: str) -> str:
        """The boolean column of a multi measure's option."""
        return f"{self.name}_{option}"

    def columns(self) -> tuple[str, ...]:
        """The respondent columns this measure fills (the "none" option has none)."""
        if self.kind == "single":
            return (self.name,)
        cols = tuple(self.column(o) for o in self.options if o != self.none_option)
        return cols + ((self.any_column,) if self.any_column else ())


def _make(name: str, entry: dict) -> Measure:
    labels: dict[str, dict[str, str]] = {}
    if entry["kind"] == "single":
        synonyms: dict[str, tuple[str, ...]] = {}
        for group, words in entry["groups"].items():
            labels[group] = {"en": words.get("label_en", group), "cy": words["label_cy"]}
            synonyms[group] = tuple(words.get("synonyms", ()))
        unlisted = entry.get("unlisted")
        if unlisted is not None and unlisted not in labels:
            raise ValueError(f"{name}: unlisted = {unlisted!r} is not one of its groups")
        return Measure(
            name,
            "single",
            {"en": entry["label_en"], "cy": entry["label_cy"]},
            groups=tuple(entry["groups"]),
            labels=labels,
            outcome=entry.get("outcome", "Yes"),
            cy_reviewed=entry.get("cy_reviewed", False),
            synonyms=synonyms,
            unlisted=unlisted,
            characteristic=entry.get("characteristic", False),
        )
    none = None
    for option, words in entry["options"].items():
        labels[option] = {"en": words["label_en"], "cy": words["label_cy"]}
        if words.get("none"):
            none = option
    return Measure(
        name,
        "multi",
        {"en": entry["label_en"], "cy": entry["label_cy"]},
        options=tuple(entry["options"]),
        labels=labels,
        none_option=none,
        any_column=entry.get("any"),
        cy_reviewed=entry.get("cy_reviewed", False),
    )


@cache
def _measures() -> dict[str, Measure]:
    return {name: _make(name, entry) for name, entry in vocab.load(_FILE)["measures"].items()}


#: measure names, in the vocabulary's order (the characteristics they are asked with too)
MEASURES: tuple[str, ...] = tuple(_measures())
#: the measures that are experiences, not characteristics (what a cross-tab may count)
OUTCOMES: tuple[str, ...] = tuple(m for m in MEASURES if not _measures()[m].characteristic)


def measure(name: str) -> Measure:
    """The measure called ``name``."""
    try:
        return _measures()[name]
    except KeyError:
        raise ValueError(
            f"{name!r} is not an experience measure; use one of {', '.join(MEASURES)}"
        ) from None


def boolean_columns() -> tuple[str, ...]:
    """Every boolean respondent column (options of multi measures and their "any")."""
    return tuple(c for m in _measures().values() if m.kind == "multi" for c in m.columns())


def measure_of(column: str) -> tuple[Measure, str | None]:
    """The measure a respondent column belongs to, and its option (None: a single measure or
    an "any" column)."""
    for m in _measures().values():
        if column == m.name and m.kind == "single":
            return m, None
        if column == m.any_column:
            return m, None
        for option in m.options:
            if m.kind == "multi" and column == m.column(option):
                return m, option
    raise ValueError(f"{column!r} is not an experience column")


def label(column: str, lang: str = "en") -> str:
    """A column's words for a reader: an option's label, or its measure's question."""
    m, option = measure_of(column)
    if option is not None:
        return m.labels[option][lang]
    if column == m.any_column:
        return {"en": "Any abuse or intimidation", "cy": "Unrhyw gamdriniaeth neu fygythiad"}[lang]
    return m.question[lang]
