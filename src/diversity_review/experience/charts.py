"""A chart of each group's difference from the other respondents, with its interval.

Three steps, as in the charts package: :func:`prepare` (a protected cross-tab -> the points to
draw, plain data), :func:`describe` (the title by the wording rule and the alt text), and
:func:`draw` (matplotlib, imported there only). ``prepare`` and ``describe`` need no matplotlib.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..i18n import translate
from .crosstab import TOTAL
from .wording import supported, title

__all__ = ["Point", "Prepared", "prepare", "describe", "draw", "percent"]


@dataclass(frozen=True)
class Point:
    """One group: its difference from the others (percentage points) and interval."""

    group: str
    share: float | None
    difference: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True)
class Prepared:
    outcome: str  # the reader's words for the outcome ("online abuse")
    characteristic: str
    points: tuple[Point, ...]
    lead: Point | None  # the group the title speaks of (largest |difference| shown)


def _value(v) -> float | None:
    return None if pd.isna(v) else float(v)


def prepare(table: pd.DataFrame, outcome_words: str, area: str = "Wales") -> Prepared:
    """The groups of one area of a :func:`~.crosstab.crosstab` result, total row left out."""
    rows = table[(table["area"] == area) & (table["group"] != TOTAL)]
    points = tuple(
        Point(
            str(r["group"]),
            _value(r["share"]),
            _value(r["difference"]),
            _value(r["diff_low"]),
            _value(r["diff_high"]),
        )
        for _, r in rows.iterrows()
    )
    shown = [p for p in points if p.difference is not None]
    lead = max(shown, key=lambda p: abs(p.difference), default=None)
    return Prepared(outcome_words, str(table["characteristic"].iloc[0]), points, lead)


def percent(value: float | None) -> str:
    """0.123 -> '12%'; None -> '[c]' (suppressed)."""
    return "[c]" if value is None else f"{value * 100:.0f}%"


#: what the interval of the lead group's difference says (English msgids)
VERDICTS = {
    "more": "the interval lies above zero",
    "less": "the interval lies below zero",
    "none": "the interval includes zero",
    "hidden": "differences not shown to protect respondents",
}


def describe(prepared: Prepared, lang: str = "en") -> tuple[str, str]:
    """``(title, alt text)``. The title states a finding only where the interval supports it."""
    lead = prepared.lead
    low, high = (lead.low, lead.high) if lead else (None, None)
    head = title(lead.group if lead else "", prepared.outcome, low, high, lang)
    parts = []
    for p in prepared.points:
        if p.difference is None:
            parts.append(f"{p.group}: {percent(p.share)}")
            continue
        diff = translate(
            "{d} points ({low} to {high})",
            lang,
            d=f"{p.difference * 100:+.0f}",
            low=f"{p.low * 100:+.0f}",
            high=f"{p.high * 100:+.0f}",
        )
        parts.append(f"{p.group}: {percent(p.share)}, {diff}")
    verdict = translate(VERDICTS[supported(low, high)], lang)
    alt = translate(
        "Chart of the share of respondents reporting {outcome} by {characteristic}, and each "
        "group's difference from the other respondents with its 95% interval: {parts}. For "
        "{group}, {verdict}.",
        lang,
        outcome=prepared.outcome,
        characteristic=prepared.characteristic,
        parts="; ".join(parts),
        group=lead.group if lead else translate("no group", lang),
        verdict=verdict,
    )
    return head, alt


def draw(prepared: Prepared, lang: str = "en"):
    """The figure: one row per group, the difference as a dot with its interval, zero marked."""
    from matplotlib.figure import Figure

    head, alt = describe(prepared, lang)
    shown = [p for p in prepared.points if p.difference is not None]
    fig = Figure(figsize=(7, 1.2 + 0.5 * max(len(shown), 1)))
    ax = fig.subplots()
    for y, p in enumerate(shown):
        ax.errorbar(
            p.difference * 100,
            y,
            xerr=[[(p.difference - p.low) * 100], [(p.high - p.difference) * 100]],
            fmt="o",
            color="#12436D",
            capsize=4,
        )
    ax.axvline(0, color="#3D3D3D", linewidth=1)
    ax.set_yticks(range(len(shown)), [p.group for p in shown])
    ax.set_xlabel(translate("Difference from other respondents (percentage points)", lang))
    ax.set_title(head, loc="left", fontsize=10, wrap=True)
    fig.alt_text = alt
    return fig
