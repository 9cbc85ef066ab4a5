"""One answer to one question -> its canonical group: the rules, next to the words they use.

The words are data: yes/no, female/male and "prefer not to say" in ``vocab/common.toml``, the
rest in ``vocab/survey.toml`` ([answers.*]). What stays here is what depends on order or
context: a negation anywhere ("I do not consider myself disabled") makes a "no"; "don't know" is
never a yes or a no; a "Yes" means what the question asked (:func:`yes_means`); a number of
terms served is read before a yes or a no.

Ethnicity, age and Welsh skills have modules of their own (``ethnicity``, ``age``, ``welsh``).

Examples
--------
>>> map_answer("sex", "Benyw")
'Female'
>>> map_answer("disability", "Nac ydw", ("Disabled", "Not disabled"))
'Not disabled'
>>> map_answer("sex", "Gwell gennyf beidio â dweud")
'Prefer not to say'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ...categories import MEASURES, PREFER_NOT, SURVEY_AGE_BANDS
from ...text import fold
from . import vocabulary as V
from .ethnicity import ethnicity
from .problems import Unmapped

__all__ = [
    "OTHER_GROUP",
    "SAME_SEX",
    "DIFFERENT_SEX",
    "survey_groups",
    "prefer_not",
    "yes_no",
    "yes_means",
    "map_answer",
    "EXPECTED",
]

#: groups that only the post-election review uses, never a survey answer
_REVIEW_ONLY = {"Not known", "Under 40", "40-59", "60+", "Ethnic minority"}

#: where an answer that cannot be mapped goes with ``strict=False`` (measures without one: NA)
OTHER_GROUP = {
    "ethnicity": "Other ethnic group",
    "sexual_orientation": "Other sexual orientation",
    "religion": "Other religion",
}

SAME_SEX = "Same as sex registered at birth"
DIFFERENT_SEX = "Different from sex registered at birth"


def survey_groups(measure: str) -> list[str]:
    """The groups a survey answer can take for ``measure``, in canonical order (no age bands).

    Examples
    --------
    >>> survey_groups("sex")
    ['Female', 'Male', 'Prefer not to say']
    """
    return [
        g
        for g in MEASURES[measure].groups
        if g not in _REVIEW_ONLY and not (measure == "age" and g in SURVEY_AGE_BANDS)
    ]


def prefer_not(folded: str) -> bool:
    """True for "prefer not to say" in any of its English and Welsh forms (folded text)."""
    return bool(V.matcher("prefer_not", name="common").search(folded))


# A negation anywhere in the answer makes it a "no" ("Yes, but I do not ..." is rare; "I do
# not", "I am not", "Nid wyf" are common). A rule on order, so it stays here with its words.
_NEGATION = re.compile(
    r"\b(do not|dont|am not|im not|have not|havent|not at all|nid wyf|nid ydw|nid oes|"
    r"dydw i ddim|does dim|dim o gwbl)\b"
)


def yes_no(folded: str) -> bool | None:
    """True for a yes, False for a no (English and Welsh forms), else None.

    Examples
    --------
    >>> yes_no("nac ydw"), yes_no("yes a little"), yes_no("dont know")
    (False, True, None)
    """
    if V.matcher("answers", "unsure").search(folded):
        return None
    if V.starts_with("yes_no", "no", name="common").search(folded) or _NEGATION.search(folded):
        return False
    if V.starts_with("yes_no", "yes", name="common").search(folded):
        return True
    return None


def _first_role(f: str, *path: str) -> str | None:
    for role, pattern in V.ordered(*path):
        if pattern.search(f):
            return role
    return None


def yes_means(measure: str, question: str) -> tuple[str, str] | None:
    """The groups a "Yes" and a "No" answer stand for, given the question asked.

    Examples
    --------
    >>> yes_means("tenure", "Were you first elected in May 2022?")
    ('New', 'Returning')
    >>> yes_means("gender_identity", "Do you consider yourself to be trans?")
    ('Different from sex registered at birth', 'Same as sex registered at birth')
    """
    q = fold(question)
    if measure == "disability":
        return "Disabled", "Not disabled"
    if measure == "caring":
        return "Caring responsibilities", "No caring responsibilities"
    if measure == "gender_identity":
        if V.matcher("yes_means", "gender_identity", "different").search(q):
            return DIFFERENT_SEX, SAME_SEX
        return SAME_SEX, DIFFERENT_SEX
    if measure == "tenure":
        if V.matcher("yes_means", "tenure", "returning").search(q):
            return "Returning", "New"
        return "New", "Returning"
    return None


def _sex(f: str, _groups: object) -> str | None:
    found = {role for role, pattern in V.ordered("sex", name="common") if pattern.search(f)}
    return found.pop() if len(found) == 1 else None  # "female/male" says nothing


def _gender_identity(f: str, groups: tuple[str, str] | None) -> str | None:
    answer = yes_no(f)
    if answer is not None and groups is not None:
        return groups[0] if answer else groups[1]
    return _first_role(f, "answers", "gender_identity")


@cache
def _not_disabled() -> re.Pattern[str]:
    negators = V.alternation(V.words("answers", "disability_negators"))
    disability = V.matcher("answers", "disability").pattern
    return re.compile(rf"(?<![a-z0-9])(?:{negators})(?![a-z0-9]).*(?:{disability})")


def _disability(f: str, _groups: object) -> str | None:
    if _not_disabled().search(f):
        return "Not disabled"
    answer = yes_no(f)
    if answer is not None:
        return "Disabled" if answer else "Not disabled"
    if V.matcher("answers", "disability").search(f):
        return "Disabled"
    return None


def _sexual_orientation(f: str, _groups: object) -> str | None:
    return _first_role(f, "answers", "sexual_orientation")


def _religion(f: str, _groups: object) -> str | None:
    return _first_role(f, "answers", "religion")


def _caring(f: str, groups: tuple[str, str] | None) -> str | None:
    yes, no = groups or ("Caring responsibilities", "No caring responsibilities")
    if V.matcher("answers", "caring", "No caring responsibilities").search(f):
        return no
    answer = yes_no(f)
    if answer is not None:
        return yes if answer else no
    if V.matcher("answers", "caring", "Caring responsibilities").search(f):
        return yes
    return None


def _tenure(f: str, groups: tuple[str, str] | None) -> str | None:
    if f.isdigit():  # terms served, before a yes or no: "1" is one term, not a "yes"
        return "New" if int(f) == 1 else "Returning" if int(f) > 1 else None
    answer = yes_no(f)
    if answer is not None and groups is not None:
        return groups[0] if answer else groups[1]
    return _first_role(f, "answers", "tenure")


_MAPPERS: dict[str, Callable[[str, tuple[str, str] | None], str | None]] = {
    "sex": _sex,
    "gender_identity": _gender_identity,
    "disability": _disability,
    "sexual_orientation": _sexual_orientation,
    "religion": _religion,
    "caring": _caring,
    "tenure": _tenure,
}

#: what an answer was expected to be, for the message when it is none of these
EXPECTED = {
    "sex": "Female, Male or Prefer not to say (Benyw, Gwryw)",
    "gender_identity": "Yes/No, Same or Different (from sex registered at birth)",
    "disability": "Yes/No, Disabled, Not disabled (Ydw/Nac ydw)",
    "sexual_orientation": "Straight or heterosexual, Gay or lesbian, Bisexual, Other",
    "religion": "No religion, Christian, Buddhist, Hindu, Jewish, Muslim, Sikh, Other",
    "caring": "Yes/No (Oes/Nac oes) or a kind of caring responsibility",
    "tenure": "New or Returning, or Yes/No to the question asked",
    "ethnicity": "one of the Census 2021 ethnic groups (White, Mixed or Multiple, Asian, "
    "Black, Other ethnic group), with or without the detailed answer",
}


def map_answer(
    measure: str, raw: object, yes_no_groups: tuple[str, str] | None = None
) -> str | Unmapped:
    """The canonical group for one answer (not age or Welsh skills), or :class:`Unmapped`.

    For the detailed ethnic group use :func:`~.ethnicity.ethnicity`.
    """
    f = fold(raw)
    if prefer_not(f):
        return PREFER_NOT
    if measure == "ethnicity":
        found = ethnicity(str(raw))
        return Unmapped(f"expected {EXPECTED[measure]}") if found is None else found[0]
    try:
        mapper = _MAPPERS[measure]
    except KeyError:
        raise ValueError(f"no answer table for measure {measure!r}") from None
    result = mapper(f, yes_no_groups)
    return Unmapped(f"expected {EXPECTED[measure]}") if result is None else result
