"""The experience-of-office question set, for councils to paste into a survey tool or print.

The questions and answers are those of ``vocab/experience.toml``, word for word, so that the
survey tool's export is read back by ``load_survey`` with nothing lost. Welsh wording is a
draft until a Welsh speaker has checked it, and the file says so.

Examples
--------
>>> first = question_set("en")[0]
>>> first.measure, first.multi, first.answers[0]
('abuse', True, 'Online or on social media')
>>> question_set("cy")[1].answers[-1]
'Ni wnes i roi gwybod'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError, Problem, display_name
from .measures import MEASURES, measure

__all__ = ["Question", "question_set", "write_question_set"]

_WORDS = {
    "en": {
        "title": "Experience of office: member survey questions",
        "draft": "",
        "single": "Choose one.",
    },
    "cy": {
        "title": "Profiad o'r swydd: cwestiynau arolwg aelodau",
        "draft": "DRAFFT / DRAFT: Welsh wording not yet checked by a Welsh speaker.",
        "single": "Dewiswch un.",
    },
}


@dataclass(frozen=True)
class Question:
    """One question as a council asks it: its text and its answers, in one language."""

    measure: str
    text: str
    multi: bool
    answers: tuple[str, ...]
    draft: bool


def question_set(lang: str = "en") -> list[Question]:
    """The questions in order, in English (``"en"``) or Welsh (``"cy"``)."""
    if lang not in _WORDS:
        raise ValueError(f"lang must be 'en' or 'cy', not {lang!r}")
    out = []
    for name in MEASURES:
        m = measure(name)
        keys = m.groups or m.options
        out.append(
            Question(
                name,
                m.question[lang],
                m.kind == "multi",
                tuple(m.labels[k][lang] for k in keys),
                draft=lang == "cy" and not m.cy_reviewed,
            )
        )
    return out


def _text(lang: str) -> str:
    words = _WORDS[lang]
    lines = [words["title"], ""]
    if any(q.draft for q in question_set(lang)):
        lines += [words["draft"], ""]
    for i, q in enumerate(question_set(lang), 1):
        lines.append(f"{i}. {q.text}")
        if not q.multi:  # a multi question's text carries its own "tick all that apply"
            lines.append(f"   ({words['single']})")
        box = "[ ]" if q.multi else "( )"
        lines += [f"   {box} {a}" for a in q.answers]
        lines.append("")
    return "\n".join(lines)


def write_question_set(path: str | Path, lang: str = "en", *, overwrite: bool = False) -> Path:
    """Write the question set as a UTF-8 text file; an existing file is kept unless
    ``overwrite``. Returns the path."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise DataError(
            Problem(
                "already exists; choose another name or pass overwrite=True",
                display_name(path),
                code="file-exists",
            )
        )
    path.write_text(_text(lang), encoding="utf-8", newline="\n")
    return path
