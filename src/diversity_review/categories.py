"""The canonical measures and their ordered groups, shared by loaders, analysis and charts.

Group names are the English canonical values stored in the tidy tables; Welsh labels come
from the translation catalogue (``locale/cy``), never from here.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "Measure",
    "MEASURES",
    "NOT_STATED",
    "PREFER_NOT",
    "NOT_KNOWN",
    "NO_ANSWER",
    "measure",
    "ordered_groups",
]

PREFER_NOT = "Prefer not to say"
NOT_KNOWN = "Not known"
#: groups that say nothing about the person: excluded from survey share bases by default
NOT_STATED = (NOT_KNOWN, PREFER_NOT)
#: survey respondents who skipped a question, as a group where skipped answers are in the base
NO_ANSWER = "No answer"

ETHNIC_GROUPS_2021 = (
    "White",
    "Mixed or Multiple ethnic groups",
    "Asian, Asian Welsh or Asian British",
    "Black, Black Welsh, Black British, Caribbean or African",
    "Other ethnic group",
)
SURVEY_AGE_BANDS = ("18-29", "30-44", "45-59", "60-74", "75+")
REVIEW_AGE_BANDS = ("Under 40", "40-59", "60+")


@dataclass(frozen=True)
class Measure:
    """A characteristic with its canonical groups in display order.

    ``focus`` is the under-represented group a headline reports (e.g. Female); ``None`` where
    no single group is the focus.
    """

    name: str
    label: str
    groups: tuple[str, ...]
    focus: str | None = None


MEASURES: dict[str, Measure] = {
    m.name: m
    for m in [
        Measure("sex", "Sex", ("Female", "Male", NOT_KNOWN, PREFER_NOT), "Female"),
        Measure(
            "gender_identity",
            "Gender identity",
            (
                "Same as sex registered at birth",
                "Different from sex registered at birth",
                PREFER_NOT,
            ),
            "Different from sex registered at birth",
        ),
        Measure(
            "age", "Age", (*REVIEW_AGE_BANDS, *SURVEY_AGE_BANDS, NOT_KNOWN, PREFER_NOT), "Under 40"
        ),
        Measure(
            "ethnicity",
            "Ethnicity",
            (*ETHNIC_GROUPS_2021, "Ethnic minority", NOT_KNOWN, PREFER_NOT),
            "Ethnic minority",
        ),
        Measure(
            "disability",
            "Disability",
            ("Disabled", "Not disabled", NOT_KNOWN, PREFER_NOT),
            "Disabled",
        ),
        Measure(
            "sexual_orientation",
            "Sexual orientation",
            (
                "Straight or heterosexual",
                "Gay or lesbian",
                "Bisexual",
                "Other sexual orientation",
                PREFER_NOT,
            ),
            None,
        ),
        Measure(
            "religion",
            "Religion",
            (
                "No religion",
                "Christian",
                "Buddhist",
                "Hindu",
                "Jewish",
                "Muslim",
                "Sikh",
                "Other religion",
                PREFER_NOT,
            ),
            None,
        ),
        Measure(
            "welsh_language",
            "Welsh language",
            ("Welsh speaker", "Not Welsh speaker", NOT_KNOWN, PREFER_NOT),
            "Welsh speaker",
        ),
        Measure(
            "caring",
            "Caring responsibilities",
            ("Caring responsibilities", "No caring responsibilities", PREFER_NOT),
            "Caring responsibilities",
        ),
        Measure("tenure", "Councillor status", ("New", "Returning", NOT_KNOWN, PREFER_NOT), "New"),
        Measure("uncontested", "Uncontested seats", ("Uncontested seats",), "Uncontested seats"),
        Measure(
            "executive_sex", "Executive (cabinet) by sex", ("Female", "Male", NOT_KNOWN), "Female"
        ),
        Measure("leader_sex", "Council leader by sex", ("Female", "Male", NOT_KNOWN), "Female"),
    ]
}

#: measures a member survey can carry, in the order their columns appear in a respondent table
SURVEY_MEASURES = (
    "sex",
    "gender_identity",
    "age",
    "ethnicity",
    "disability",
    "sexual_orientation",
    "religion",
    "welsh_language",
    "caring",
    "tenure",
)

#: Welsh-language skills asked as a multi-select question in member surveys (one boolean each)
WELSH_SKILLS = {
    "welsh_understands": "Understands spoken Welsh",
    "welsh_speaks": "Speaks Welsh",
    "welsh_reads": "Reads Welsh",
    "welsh_writes": "Writes Welsh",
}


#: the multi-select Welsh-skills question, counted option by option (``analysis.breakdown``)
WELSH_SKILLS_MEASURE = "welsh_skills"


def measure(name: str) -> Measure:
    """The measure called ``name``; a ValueError listing the measures if there is none."""
    try:
        return MEASURES[name]
    except KeyError:
        raise ValueError(
            f"unknown measure {name!r}; the measures are {', '.join(MEASURES)}"
        ) from None


def ordered_groups(name: str, present: list[str] | None = None) -> list[str]:
    """Canonical order of a measure's groups, keeping only ``present`` ones (others last)."""
    canon = list(MEASURES[name].groups) if name in MEASURES else []
    if present is None:
        return canon
    present = list(dict.fromkeys(present))
    return [g for g in canon if g in present] + sorted(g for g in present if g not in canon)
