"""The pack's "Experience of office" section: headline outcomes by characteristic.

Built only when the survey respondents carry experience columns (named by the measure keys of
``vocab/experience.toml``, as :func:`~diversity_review.load_survey` gives them from the
template's questions); a survey without them adds nothing. Each table is one outcome by one
characteristic over the surveyed councils together (named as the survey tables name their
coverage), from :func:`~diversity_review.experience.crosstab`, which already protects it in
two dimensions (its ``suppressed`` column makes :func:`~.protection.protect_pack` leave it as
it is).

Disclosure: each cross-tab is protected on its own, with the pack's threshold, not in the
pack-wide pass (whose model is counts of a group within a base, not an outcome by group). Its
bases are respondents who answered both questions, so they may differ from the survey table of
the same characteristic by those who skipped the outcome: that difference (skipped answers)
is published, as the survey tables publish "No answer".
"""

from __future__ import annotations

import pandas as pd

from ..categories import PREFER_NOT
from ..experience import crosstab
from ..experience.crosstab import TOTAL
from ..experience.wording import CHARACTERISTICS as CHARACTERISTIC_WORDS
from ..experience.wording import HEADLINE
from ..i18n import translate
from .compute import Computed, Inputs
from .coverage import surveyed_councils

__all__ = [
    "HEADLINE",
    "experience_tables",
    "outcome_words",
    "difference_points",
    "note_cell",
    "group_cell",
    "title_values",
    "CHARACTERISTIC_WORDS",
]


def outcome_words(outcome: str, lang: str = "en") -> str:
    """The reader's words for a headline outcome in ``lang`` ("online abuse")."""
    return translate(HEADLINE[outcome], lang)


def _table(respondents: pd.DataFrame, outcome: str, by: str, threshold: int) -> pd.DataFrame:
    """One protected cross-tab, with the flags the published columns hide cells by."""
    table = crosstab(respondents, outcome, by, within="wales", threshold=threshold)
    area_hidden = table.groupby("area")["suppressed"].transform("any")
    compared = table["group"].ne(TOTAL) & table["group"].ne(PREFER_NOT)
    return table.assign(
        base_suppressed=table["base"].isna(),
        difference_suppressed=(area_hidden & compared).astype(bool),
    )


def experience_tables(inputs: Inputs) -> list[Computed]:
    """One table per headline outcome and characteristic the respondents hold."""
    if not inputs.has_respondents:
        return []
    respondents = inputs.respondents
    covers = surveyed_councils(respondents) if "council_code" in respondents else ()
    out: list[Computed] = []
    for outcome in HEADLINE:
        if outcome not in respondents.columns or respondents[outcome].isna().all():
            continue
        for by in CHARACTERISTIC_WORDS:
            if by not in respondents.columns or respondents[by].isna().all():
                continue
            table = _table(respondents, outcome, by, inputs.config.threshold)
            values = {"outcome": outcome, "by": by, "coverage": covers}
            out.append((values, table))
    return out


def difference_points(column: str):
    """A difference (a fraction) in percentage points to one decimal; ``[z]`` where it is not
    defined (the total row, Prefer not to say)."""

    def cell(row, lang):
        value = row.get(column)
        return "[z]" if value is None or pd.isna(value) else round(100 * float(value), 1)

    return cell


def note_cell(column: str = "note"):
    """The crosstab's note ("difference not distinguishable from zero"), translated."""

    def cell(row, lang):
        value = row.get(column)
        if not isinstance(value, str) or not value or value == "suppressed":
            return ""
        return translate(value, lang)

    return cell


#: characteristics whose groups are words to translate (political groups are names)
TRANSLATED = ("sex", "disability")


def title_values(values: dict, lang: str) -> dict:
    """A table's title values in ``lang``: the outcome and the characteristic in words."""
    out = dict(values)
    if "outcome" in out:
        out["outcome"] = outcome_words(str(out["outcome"]), lang)
    if "by" in out:
        out["by"] = translate(CHARACTERISTIC_WORDS[str(out["by"])], lang)
    return out


def group_cell(column: str = "group"):
    """The group: translated for sex and disability and the total row, a party as named."""

    def cell(row, lang):
        value = row.get(column)
        if not isinstance(value, str):
            return "[x]"
        if value == TOTAL or row.get("characteristic") in TRANSLATED:
            return translate(value, lang)
        return value

    return cell
