"""The pack's "Experience of office" section: headline outcomes by characteristic.

Built only when the survey respondents carry experience columns (named by the measure keys of
``vocab/experience.toml``, as :func:`~diversity_review.load_survey` gives them from the
template's questions); a survey without them adds nothing. Each table is one outcome by one
characteristic over the surveyed councils together (named as the survey tables name their
coverage), from :func:`~diversity_review.experience.crosstab.tabulate`, before disclosure
control: the tables carry ``members`` (a digest of the respondents each row's base counts) and
``implies`` (the outcomes each one implies), by which
:func:`~.experience_protection.protect_experience` protects them jointly, knowing what the
pack-wide pass publishes (the survey tables give each group's respondents, which a base equals
when no one skipped the outcome; how many of a group skipped it is published nowhere else).
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from ..experience.crosstab import TOTAL, outcome_flags, tabulate
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


def _members(respondents: pd.DataFrame, flags: pd.Series, by: str, groups) -> list[str]:
    """Per table row, a digest of the respondents its base counts (answered both questions):
    two tables' rows counting the same people are one quantity (:mod:`.experience_protection`)."""
    answered = (flags.notna() & respondents[by].notna()).to_numpy()
    values = respondents[by].astype("string").to_numpy(dtype=object, na_value=None)
    out = []
    for g in groups:
        mask = answered if g == TOTAL else answered & (values == g)
        out.append(hashlib.sha1(np.flatnonzero(mask).tobytes()).hexdigest()[:16])
    return out


def _implied(respondents: pd.DataFrame, flags: dict[str, pd.Series]) -> dict[str, str]:
    """Per outcome, the outcomes it implies (answered by the same respondents, and reported by
    everyone who reports it: online abuse and any abuse), space-separated."""
    out = {}
    for part, f in flags.items():
        wholes = [
            whole
            for whole, g in flags.items()
            if whole != part
            and f.isna().equals(g.isna())
            and not (f.fillna(False) & ~g.fillna(False)).any()
        ]
        out[part] = " ".join(wholes)
    return out


def _table(respondents: pd.DataFrame, outcome: str, by: str, flags, implies) -> pd.DataFrame:
    """One cross-tab before disclosure control, with what the joint protection keys it by."""
    table = tabulate(respondents, outcome, by, within="wales")
    return table.assign(members=_members(respondents, flags, by, table["group"]), implies=implies)


def experience_tables(inputs: Inputs) -> list[Computed]:
    """One table per headline outcome and characteristic the respondents hold (protected with
    the rest of the pack by :func:`~.experience_protection.protect_experience`)."""
    if not inputs.has_respondents:
        return []
    respondents = inputs.respondents.reset_index(drop=True)
    covers = surveyed_councils(respondents) if "council_code" in respondents else ()
    flags = {
        o: outcome_flags(respondents, o)
        for o in HEADLINE
        if o in respondents.columns and not respondents[o].isna().all()
    }
    implies = _implied(respondents, flags)
    out: list[Computed] = []
    for outcome in flags:
        for by in CHARACTERISTIC_WORDS:
            if by not in respondents.columns or respondents[by].isna().all():
                continue
            table = _table(respondents, outcome, by, flags[outcome], implies[outcome])
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
