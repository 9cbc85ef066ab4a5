"""The words charts use: group subjects for sentences, age phrases, council and group labels.

Every English string here is a message id of the Welsh catalogue; nothing is shown without
going through :func:`diversity_review.i18n.translate`.
"""

from __future__ import annotations

from ..categories import MEASURES
from ..councils import WALES_CODE
from ..i18n import format_percent, translate

#: the group as the subject of a sentence ("In 2022, {subject} were 36% of councillors…")
SUBJECTS = {
    "Female": "women",
    "Male": "men",
    "Ethnic minority": "people from ethnic minority groups",
    "Disabled": "disabled people",
    "Welsh speaker": "Welsh speakers",
    "Under 40": "people under 40",
    "New": "new councillors",
    "Returning": "returning councillors",
    "Uncontested seats": "uncontested seats",
    "Caring responsibilities": "people with caring responsibilities",
    "Different from sex registered at birth": (
        "people whose gender identity differs from their sex registered at birth"
    ),
}
SUBJECT_FALLBACK = "the group “{group}”"

#: who the shares are of ("… 36% {of_members} in Wales")
OF_MEMBERS = {
    "councillors": "of councillors",
    "survey": "of councillors who answered the survey",
    "executive": "of executive members",
    "leaders": "of council leaders",
    "seats": "of seats",
}

#: age bands as the complement of "were …"
AGE_PHRASES = {
    "Under 40": "aged under 40",
    "40-59": "aged 40 to 59",
    "60+": "aged 60 or over",
    "18-29": "aged 18 to 29",
    "30-44": "aged 30 to 44",
    "45-59": "aged 45 to 59",
    "60-74": "aged 60 to 74",
    "75+": "aged 75 or over",
}

SCOPES = ("All members", "Executive", "Leader")


def subject(group: str, lang: str) -> str:
    """The group as the subject of a sentence, e.g. ``"women"``."""
    if group in SUBJECTS:
        return translate(SUBJECTS[group], lang)
    return translate(SUBJECT_FALLBACK, lang, group=group_label(group, lang))


def of_members(measure: str, survey: bool, lang: str) -> str:
    """``"of councillors"``, ``"of executive members"``… for the measure's base."""
    if survey:
        key = "survey"
    elif measure == "executive_sex":
        key = "executive"
    elif measure == "leader_sex":
        key = "leaders"
    elif measure == "uncontested":
        key = "seats"
    else:
        key = "councillors"
    return translate(OF_MEMBERS[key], lang)


def group_label(group: str, lang: str) -> str:
    """A group's label (its canonical English name, or the Welsh)."""
    return translate(str(group), lang)


def row_label(group: str, lang: str) -> str:
    """A group's label as a bar's tick label: wrapped onto lines when long."""
    from ._style import wrap_label

    return wrap_label(group_label(group, lang))


def measure_label(measure: str, lang: str) -> str:
    """A measure's label, e.g. ``"Ethnicity"`` / ``"Ethnigrwydd"``."""
    label = MEASURES[measure].label if measure in MEASURES else measure
    return translate(label, lang)


def age_phrase(band: str, lang: str) -> str:
    if band in AGE_PHRASES:
        return translate(AGE_PHRASES[band], lang)
    return translate(SUBJECT_FALLBACK, lang, group=group_label(band, lang))


def pct(value: object, lang: str) -> str:
    return format_percent(value, lang)


def is_wales(code: object) -> bool:
    return str(code) == WALES_CODE
