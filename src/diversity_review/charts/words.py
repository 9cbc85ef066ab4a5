"""The words charts use: group subjects for sentences, age phrases, council and group labels,
the share title, source and marker notes, and the :class:`Description` (title, notes, alt text)
every chart's *describe* step returns. Pure Python: no matplotlib.

Every English string here is a message id of the Welsh catalogue; nothing is shown without
going through :func:`diversity_review.i18n.translate`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from ..categories import MEASURES
from ..councils import WALES_CODE
from ..i18n import format_percent, translate
from .select import num

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
#: how the roles chart names each scope
SCOPE_LABELS = {
    "All members": "All councillors",
    "Executive": "Executive (cabinet)",
    "Leader": "Council leaders",
}


@dataclass(frozen=True)
class Description:
    """What a chart says in words: its title, the notes under it (source first) and its alt
    text."""

    title: str
    notes: tuple[str, ...]
    alt: str


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


def one_line(label: str) -> str:
    """A label as it reads in a sentence (a wrapped tick label's lines joined)."""
    return label.replace("\n", " ")


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def default_source(survey: bool, population: bool) -> str:
    base = "Councillor diversity survey {year}" if survey else "WLGA diversity review {year}"
    return base + "; Census 2021 (ONS)" if population else base


def band_label(lang: str) -> str:
    """ "Parity band: 40% to 60%" on two lines, to fit inside the band."""
    return translate("Parity band: 40% to 60%", lang).replace(": ", ":\n", 1)


def share_title(
    *,
    year: object,
    group: str,
    measure: str,
    survey: bool,
    share: object,
    population: object,
    lang: str,
    place: str | None = None,
) -> str:
    """ "In 2022, women were 36% of councillors in Wales, against 51% of the population".

    With ``place`` (one council's survey), the council is named in brackets instead of Wales
    (a bracket, not "in …", so the Welsh needs no mutation of the council's name).
    """
    template = (
        "In {year}, {subject} were {share} {of_members} in Wales"
        if place is None
        else "In {year}, {subject} were {share} {of_members} ({place})"
    )
    title = translate(
        template,
        lang,
        year=year,
        subject=subject(group, lang),
        share=pct(share, lang),
        of_members=of_members(measure, survey, lang),
        place=place,
    )
    if not math.isnan(num(population)):
        title += translate(
            ", against {population} of the population", lang, population=pct(population, lang)
        )
    return title


def marker_notes(markers: Iterable[str], lang: str) -> list[str]:
    """Notes explaining the GSS markers shown (``[c]``, ``[x]``, ``[z]``), in that order."""
    texts = {
        "[c]": "[c] confidential: figure withheld to protect confidentiality.",
        "[x]": "[x] not available.",
        "[z]": "[z] not applicable (no members).",
    }
    shown = set(markers)
    return [translate(texts[m], lang) for m in ("[c]", "[x]", "[z]") if m in shown]


def marker_sentences(labelled: Iterable[tuple[str, str | None]], lang: str) -> list[str]:
    """ "Figures withheld to protect confidentiality ([c]): Conwy, Powys." and the like, from
    ``(label, marker)`` pairs."""
    texts = {
        "[c]": "Figures withheld to protect confidentiality ([c]): {names}.",
        "[x]": "Figures not available ([x]): {names}.",
        "[z]": "Not applicable, no members ([z]): {names}.",
    }
    labelled = list(labelled)
    out = []
    for mark, text in texts.items():
        names = [label for label, m in labelled if m == mark]
        if names:
            out.append(translate(text, lang, names=", ".join(names)))
    return out


def source_note(source: str | None, default: str, lang: str, **values: object) -> str:
    """``"Source: …"``: the caller's text as given, else the translated default."""
    text = source if source is not None else translate(default, lang, **values)
    return translate("Source: {source}", lang, source=text)
