"""Titles that state a finding only where the interval supports it.

The rule: a title says one group reports an outcome more (or less) than the others only when
the 95% interval of the difference lies wholly above (or below) zero. Otherwise it states what
was measured and that no difference can be told, never "women report more ..." on a
difference the data cannot distinguish from zero. A suppressed difference is not described.

Examples
--------
>>> title("Female", "online abuse", 0.05, 0.35)
'Female respondents more often reported online abuse than other respondents'
>>> title("Female", "online abuse", -0.10, 0.20)
'Online abuse: no clear difference between Female and other respondents'
>>> title("Female", "online abuse", -0.10, 0.20, lang="cy")
'Camdriniaeth ar-lein: dim gwahaniaeth clir rhwng Female ac ymatebwyr eraill'
"""

from __future__ import annotations

import math

__all__ = ["title", "supported", "HEADLINE", "CHARACTERISTICS"]

#: the headline outcomes of the pack's "Experience of office" section: respondent column ->
#: the reader's words for it (English; the Welsh is in the i18n catalogue)
HEADLINE = {
    "abuse_any": "abuse or intimidation",
    "abuse_online": "online abuse",
    "abuse_threats": "threats of violence",
    "stand_again": "not intending to stand again",
}
#: the characteristics they are shown by: respondent column -> words in a title (English)
CHARACTERISTICS = {"sex": "sex", "disability": "disability", "political_group": "political group"}

# Welsh wording is a DRAFT (not reviewed by a Welsh speaker).
_WORDS = {
    "en": {
        "more": "{group} respondents more often reported {outcome} than other respondents",
        "less": "{group} respondents less often reported {outcome} than other respondents",
        "none": "{Outcome}: no clear difference between {group} and other respondents",
        "hidden": "{Outcome} by group (some figures not shown to protect respondents)",
    },
    "cy": {
        "more": "Roedd ymatebwyr {group} yn nodi {outcome} yn amlach nag ymatebwyr eraill",
        "less": "Roedd ymatebwyr {group} yn nodi {outcome} yn llai aml nag ymatebwyr eraill",
        "none": "{Outcome}: dim gwahaniaeth clir rhwng {group} ac ymatebwyr eraill",
        "hidden": "{Outcome} yn ôl grŵp (rhai ffigurau heb eu dangos i ddiogelu ymatebwyr)",
    },
}
_OUTCOME_CY = {"online abuse": "camdriniaeth ar-lein"}


def supported(low: float | None, high: float | None) -> str:
    """ "more", "less", "none" (interval includes zero) or "hidden" (no interval)."""
    if low is None or high is None or math.isnan(low) or math.isnan(high):
        return "hidden"
    if low > 0:
        return "more"
    if high < 0:
        return "less"
    return "none"


def title(group: str, outcome: str, low: float | None, high: float | None, lang: str = "en"):
    """The chart title for ``group``'s difference from the other respondents."""
    words = _WORDS[lang]
    text = _OUTCOME_CY.get(outcome, outcome) if lang == "cy" else outcome
    return words[supported(low, high)].format(
        group=group, outcome=text, Outcome=text[:1].upper() + text[1:]
    )
