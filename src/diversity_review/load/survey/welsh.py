"""Welsh language skills: one multi-select answer -> understands / speaks / reads / writes.

The words are in ``vocab/survey.toml`` ([welsh.*]). The rules here: the options ticked are
separated by ";" (Microsoft Forms, with a trailing one), "|" or a line break, else by ","
(Google Forms); "None of these" ticked with a skill is a contradiction; a bare Yes/No (to "Can
you speak Welsh?") says only whether the member speaks Welsh.

Examples
--------
>>> map_welsh_skills("Speak Welsh;Read Welsh;")
{'welsh_understands': False, 'welsh_speaks': True, 'welsh_reads': True, 'welsh_writes': False}
>>> map_welsh_skills("None of these")["welsh_speaks"]
False
"""

from __future__ import annotations

import re
from functools import cache

from ...categories import PREFER_NOT
from ...text import demutate, fold
from . import vocabulary as V
from .answers import prefer_not, yes_no
from .problems import Unmapped

__all__ = ["SKILL_COLUMNS", "map_welsh_skills", "welsh_outputs"]

#: the boolean column of each skill, in order
SKILL_COLUMNS = ("welsh_understands", "welsh_speaks", "welsh_reads", "welsh_writes")
_TICKED_SEPARATORS = re.compile(r"[;|\n]")


def _skills() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return V.ordered("welsh", "skills")


@cache
def _clauses() -> tuple[re.Pattern[str], re.Pattern[str]]:
    contrast = V.alternation(V.words("welsh", "contrast"))
    negators = V.alternation(V.words("welsh", "negators"))
    return (
        re.compile(rf"(?<![a-z0-9])(?:{contrast})(?![a-z0-9])"),
        re.compile(rf"(?<![a-z0-9])(?:{negators})(?![a-z0-9])"),
    )


def held_skills(folded: str) -> list[str]:
    """The skills one ticked option (folded) says the member has: a skill named in a clause
    with a negator is not held ("can understand but not speak" holds understanding only).

    Examples
    --------
    >>> held_skills("can understand but not speak"), held_skills("yn deall ond ddim yn siarad")
    (['welsh_understands'], ['welsh_understands'])
    >>> held_skills("speak and read welsh")
    ['welsh_speaks', 'welsh_reads']
    """
    contrast, negator = _clauses()
    held: list[str] = []
    for clause in contrast.split(demutate(folded)):
        if negator.search(clause):
            continue
        held += [k for k, pattern in _skills() if pattern.search(clause) and k not in held]
    return held


def map_welsh_skills(raw: object) -> dict[str, bool | None] | str | Unmapped:
    """The four skills for one multi-select answer: a dict of skill -> bool, PREFER_NOT, or
    :class:`Unmapped`."""
    whole = fold(raw)
    if prefer_not(whole):
        parts = [p for p in _TICKED_SEPARATORS.split(str(raw)) if p.strip()]
        return PREFER_NOT if len(parts) <= 1 else Unmapped("'Prefer not to say' with skills")
    answer = yes_no(whole)
    if answer is not None and not any(p.search(whole) for _, p in _skills()):
        return {k: (answer if k == "welsh_speaks" else None) for k, _ in _skills()}
    sep = _TICKED_SEPARATORS if _TICKED_SEPARATORS.search(str(raw)) else re.compile(",")
    skills = {k: False for k, _ in _skills()}
    none_seen = False
    for part in sep.split(str(raw)):
        f = fold(part)
        if not f:
            continue
        if V.matcher("welsh", "none").search(f):
            none_seen = True
            continue
        hits = [k for k, pattern in _skills() if pattern.search(demutate(f))]
        held = held_skills(f)
        if not hits:
            return Unmapped(
                "expected Understand spoken Welsh, Speak Welsh, Read Welsh, Write Welsh or "
                "None of these (separated by ';' or ',')"
            )
        for k in held:
            skills[k] = True
    if none_seen and any(skills.values()):
        return Unmapped("'None of these' ticked together with a skill")
    return skills


def welsh_outputs(raw: object) -> dict[str, object] | Unmapped:
    """The ``welsh_language`` group and the four skill columns for one answer."""
    out: dict[str, object] = dict.fromkeys(("welsh_language", *SKILL_COLUMNS))
    parsed = map_welsh_skills(raw)
    if isinstance(parsed, Unmapped):
        return parsed
    if isinstance(parsed, dict):
        out.update(parsed)
        speaks = parsed["welsh_speaks"]
        if speaks is not None:
            out["welsh_language"] = "Welsh speaker" if speaks else "Not Welsh speaker"
    else:
        out["welsh_language"] = parsed  # Prefer not to say
    return out
