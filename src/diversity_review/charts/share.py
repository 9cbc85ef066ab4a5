"""A group's share in each council: what :func:`~.by_council.share_by_council` shows
(*prepare*) and what it says (*describe*). Pure pandas and words: no matplotlib."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..councils import council_label
from ..i18n import translate
from . import select as sel
from . import words as w

__all__ = ["PARITY_BAND", "CouncilBar", "ShareChart", "prepare_share", "describe_share"]

#: the gender-balance band (fractions), shaded for sex
PARITY_BAND = (0.4, 0.6)


@dataclass(frozen=True)
class CouncilBar:
    """One council's (or Wales's) row: its share, marker, population share and interval."""

    code: str
    label: str
    share: float
    marker: str | None
    pop: float
    lo: float
    hi: float

    @property
    def wales(self) -> bool:
        return w.is_wales(self.code)


@dataclass(frozen=True)
class ShareChart:
    """The bars of :func:`~.by_council.share_by_council`, sorted as drawn (top first)."""

    measure: str
    group: str
    year: int | None
    survey: bool
    bars: tuple[CouncilBar, ...]

    @property
    def wales(self) -> CouncilBar | None:
        return next((d for d in self.bars if d.wales), None)

    @property
    def valued(self) -> list[CouncilBar]:
        """The councils (not Wales) with a value, highest first."""
        return [d for d in self.bars if not d.wales and d.marker is None]

    @property
    def pops(self) -> list[float]:
        return [d.pop for d in self.bars if not math.isnan(d.pop)]

    @property
    def one_pop(self) -> bool:
        """Every council compared with the same population figure (drawn as one line)."""
        pops = self.pops
        return bool(pops) and bool(np.allclose(pops, pops[0]))

    @property
    def band(self) -> bool:
        return self.measure in ("sex", "executive_sex")


def prepare_share(
    shares: pd.DataFrame, group: str, measure: str | None, year: int | None, lang: str
) -> ShareChart:
    """The rows of ``group`` (of ``measure``) in ``year``, one bar per council and Wales,
    sorted: valued bars from the highest share, then rows with a marker, ties by code."""
    measure = sel.pick_measure(shares, measure, group)
    group = sel.pick_group(shares, measure, group)
    rows = shares[(shares["measure"] == measure) & (shares["group"] == group)]
    rows, year = sel.pick_year(rows, year)
    if rows["council_code"].duplicated().any():
        raise ValueError("shares has more than one row per council for this group and year")
    bars = [
        CouncilBar(
            code=str(r["council_code"]),
            label=council_label(r["council_code"], r["council"], lang),
            share=sel.num(r["share"]),
            marker=sel.marker(r),
            pop=sel.num(r.get("population_share")),
            lo=sel.num(r.get("ci_low")),
            hi=sel.num(r.get("ci_high")),
        )
        for _, r in rows.iterrows()
    ]
    bars.sort(key=lambda d: (d.marker is not None, -np.nan_to_num(d.share), d.code))
    return ShareChart(measure, group, year, sel.is_survey(shares), tuple(bars))


def describe_share(chart: ShareChart, lang: str, source: str | None) -> w.Description:
    """The title (the Wales finding, else what is shown), the notes and the alt text."""
    year = "" if chart.year is None else chart.year
    of_members = w.of_members(chart.measure, chart.survey, lang)
    subject = w.subject(chart.group, lang)
    wales = chart.wales
    if wales is not None and wales.marker is None:
        title = w.share_title(
            year=year,
            group=chart.group,
            measure=chart.measure,
            survey=chart.survey,
            share=wales.share,
            population=wales.pop,
            lang=lang,
        ) + _spread(chart, lang)
    else:
        title = w.capital(
            translate(
                "{subject} as a share {of_members}, by council, {year}",
                lang,
                subject=subject,
                of_members=of_members,
                year=year,
            )
        )
    alt = [
        translate(
            "Bar chart of {subject} as a share {of_members} in each council in Wales in "
            "{year}, sorted from highest to lowest.",
            lang,
            subject=subject,
            of_members=of_members,
            year=year,
        ),
        title + ".",
        *_range_sentences(chart, lang),
        *w.marker_sentences(((d.label, d.marker) for d in chart.bars), lang),
    ]
    notes = [
        w.source_note(source, w.default_source(chart.survey, bool(chart.pops)), lang, year=year),
        *w.marker_notes([d.marker for d in chart.bars if d.marker], lang),
    ]
    if any(not math.isnan(d.lo) for d in chart.bars):
        notes.append(translate("Lines show 95% confidence intervals (Wilson).", lang))
    return w.Description(title, tuple(notes), " ".join(alt))


def _spread(chart: ShareChart, lang: str) -> str:
    """ "; councils ranged from 22% to 53%": what this chart shows beyond the Wales figure
    (so its title is its own, not the population chart's)."""
    valued = chart.valued
    if len(valued) < 2:
        return ""
    return translate(
        "; councils ranged from {low} to {high}",
        lang,
        low=w.pct(valued[-1].share, lang),
        high=w.pct(valued[0].share, lang),
    )


def _range_sentences(chart: ShareChart, lang: str) -> list[str]:
    """The highest and lowest council, how many are inside the parity band, and whether each
    council's own population share is marked."""
    out = []
    valued = chart.valued
    if valued:
        high, low = valued[0], valued[-1]
        out.append(
            translate(
                "The highest share was in {high_council} ({high}) and the lowest in "
                "{low_council} ({low}).",
                lang,
                high_council=high.label,
                high=w.pct(high.share, lang),
                low_council=low.label,
                low=w.pct(low.share, lang),
            )
        )
    if chart.band and valued:
        inside = sum(PARITY_BAND[0] <= d.share <= PARITY_BAND[1] for d in valued)
        out.append(
            translate(
                "Councils inside the parity band of 40% to 60%: {n} of {total}.",
                lang,
                n=inside,
                total=len(valued),
            )
        )
    if chart.pops and not chart.one_pop:
        out.append(translate("Each council's population share is marked on its bar.", lang))
    return out
