"""Councillors beside the population, group by group (Wales): what
:func:`~.by_group.population_comparison` and :func:`~.by_group.age_profile` show (*prepare*)
and what they say (*describe*). Pure pandas and words: no matplotlib."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from ..categories import MEASURES, PREFER_NOT
from ..councils import WALES_CODE
from ..i18n import translate
from . import select as sel
from . import words as w

__all__ = [
    "Pair",
    "PairedChart",
    "prepare_population",
    "prepare_age",
    "describe_population",
    "describe_age",
]

NOT_SHOWN = ("Not known", PREFER_NOT)


@dataclass(frozen=True)
class Pair:
    """One group: councillors' share (or its marker) and the population's (NaN: no figure)."""

    group: str
    label: str
    share: float
    pop: float
    marker: str | None

    @property
    def full(self) -> bool:
        return not math.isnan(self.share) and not math.isnan(self.pop)


@dataclass(frozen=True)
class PairedChart:
    """The pairs in canonical group order, and the groups left out (not known, prefer not)."""

    measure: str
    year: int | None
    survey: bool
    pairs: tuple[Pair, ...]
    left_out: tuple[str, ...]

    @property
    def markers(self) -> list[str]:
        """The markers shown: the councillors' and ``[x]`` for each missing population."""
        out = [d.marker for d in self.pairs if d.marker]
        return out + ["[x]" for d in self.pairs if math.isnan(d.pop)]


def _left_out(rows: pd.DataFrame) -> tuple[str, ...]:
    return tuple(g for g in rows["group"].astype(str) if g in NOT_SHOWN)


def prepare_population(
    compared: pd.DataFrame, measure: str, year: int | None, lang: str
) -> PairedChart:
    """The Wales rows of ``measure`` in ``year``, one pair per group shown."""
    measure = sel.pick_measure(compared, measure, None)
    rows = sel.wales_rows(compared[compared["measure"] == measure], "compared")
    rows, year = sel.pick_year(rows, year)
    by_group = sel.one_row_per_group(rows, "compared")
    pairs = tuple(
        Pair(
            group=g,
            label=w.group_label(g, lang),
            share=sel.num(by_group[g]["share"]),
            pop=sel.num(by_group[g]["population_share"]),
            marker=sel.marker(by_group[g]),
        )
        for g in sel.shown_groups(rows, measure)
    )
    return PairedChart(measure, year, sel.is_survey(compared), pairs, _left_out(rows))


def prepare_age(
    members: pd.DataFrame,
    population: pd.DataFrame | pd.Series | Mapping[str, float] | None,
    year: int | None,
    lang: str,
) -> PairedChart:
    """The Wales age bands in ``year``, each beside the population's share of that band."""
    rows = members[members["measure"] == "age"] if "measure" in members.columns else members
    rows = sel.wales_rows(rows, "members")
    rows, year = sel.pick_year(rows, year)
    by_group = sel.one_row_per_group(rows, "members")
    bands = sel.shown_groups(rows, "age")
    pops = population_mapping(population, rows)
    extra = sorted(set(pops) - set(bands) - set(NOT_SHOWN))
    if population is not None and extra:
        raise ValueError(
            f"population has age bands {extra} that the members do not: re-band it to {bands}"
        )
    pairs = tuple(
        Pair(
            group=b,
            label=w.group_label(b, lang),
            share=sel.num(by_group[b]["share"]),
            pop=pops.get(b, math.nan),
            marker=sel.marker(by_group[b]),
        )
        for b in bands
    )
    return PairedChart("age", year, sel.is_survey(members), pairs, _left_out(rows))


def population_mapping(population, members: pd.DataFrame) -> dict[str, float]:
    """Age-band population shares as ``{band: fraction}`` from whatever form was given."""
    if population is None:
        if "population_share" not in members.columns:
            raise ValueError("age_profile needs population= or a population_share column")
        return {str(r["group"]): sel.num(r["population_share"]) for _, r in members.iterrows()}
    if isinstance(population, pd.Series):
        return {str(k): sel.num(v) for k, v in population.items()}
    if isinstance(population, Mapping):
        return {str(k): sel.num(v) for k, v in population.items()}
    frame = population
    for code_col in ("council_code", "area_code"):
        if code_col in frame.columns:
            frame = frame[frame[code_col] == WALES_CODE]
    if "measure" in frame.columns:
        frame = frame[frame["measure"] == "age"]
    value = next((c for c in ("population_share", "share") if c in frame.columns), None)
    if value is None or "group" not in frame.columns:
        raise ValueError("population needs the columns group and population_share (or share)")
    return {str(r["group"]): sel.num(r[value]) for _, r in frame.iterrows()}


def describe_population(chart: PairedChart, lang: str, source: str | None) -> w.Description:
    """Title: the focus group's share against the population's (else the largest gap)."""
    year = "" if chart.year is None else chart.year
    measure = w.measure_label(chart.measure, lang)
    pick = _headline(chart)
    if pick is not None:
        title = w.share_title(
            year=year,
            group=pick.group,
            measure=chart.measure,
            survey=chart.survey,
            share=pick.share,
            population=pick.pop,
            lang=lang,
        )
    else:
        title = translate(
            "Councillors and the population of Wales by {measure}, {year}",
            lang,
            measure=measure,
            year=year,
        )
    intro = translate(
        "Bar chart comparing councillors with the population of Wales, group by group. "
        "Measure: {measure}; year: {year}.",
        lang,
        measure=measure,
        year=year,
    )
    return _description(chart, intro, title, lang, source)


def describe_age(chart: PairedChart, lang: str, source: str | None) -> w.Description:
    """Title: the band most over-represented among councillors (else the largest band)."""
    year = "" if chart.year is None else chart.year
    full = [d for d in chart.pairs if d.full]
    if full:
        pick = max(full, key=lambda d: (d.share - d.pop, d.share))
    else:
        known = [d for d in chart.pairs if not math.isnan(d.share)]
        pick = max(known, key=lambda d: d.share) if known else None
    if pick is None:
        title = translate("Age of councillors in Wales, {year}", lang, year=year)
    else:
        title = translate(
            "In {year}, {share} {of_members} in Wales were {band}",
            lang,
            year=year,
            share=w.pct(pick.share, lang),
            of_members=w.of_members("age", chart.survey, lang),
            band=w.age_phrase(pick.group, lang),
        )
        if not math.isnan(pick.pop):
            title += translate(
                ", against {population} of the population",
                lang,
                population=w.pct(pick.pop, lang),
            )
    intro = translate(
        "Bar chart comparing the age of councillors in Wales with the population, {year}.",
        lang,
        year=year,
    )
    return _description(chart, intro, title, lang, source)


def _headline(chart: PairedChart) -> Pair | None:
    """The focus group if it has both figures, else the group with the largest gap."""
    full = [d for d in chart.pairs if d.full]
    focus = MEASURES[chart.measure].focus if chart.measure in MEASURES else None
    for d in full:
        if d.group == focus:
            return d
    if not full:
        return None
    return max(full, key=lambda d: abs(d.share - d.pop))


def _description(
    chart: PairedChart, intro: str, title: str, lang: str, source: str | None
) -> w.Description:
    """The alt text (intro, title, one sentence per pair) and the notes both charts share."""
    year = "" if chart.year is None else chart.year
    of_members = w.of_members(chart.measure, chart.survey, lang)
    alt = [intro, title + ".", *(_pair_sentence(d, of_members, lang) for d in chart.pairs)]
    notes = [w.source_note(source, w.default_source(chart.survey, True), lang, year=year)]
    if chart.left_out:
        names = ", ".join(w.group_label(g, lang) for g in chart.left_out)
        notes.append(translate("Not shown: {groups}.", lang, groups=names))
    notes += w.marker_notes(chart.markers, lang)
    return w.Description(title, tuple(notes), " ".join(alt))


def _pair_sentence(d: Pair, of_members: str, lang: str) -> str:
    return translate(
        "{group}: {share} {of_members}, against {population} of the population.",
        lang,
        group=w.one_line(d.label),
        share=d.marker or w.pct(d.share, lang),
        of_members=of_members,
        population="[x]" if math.isnan(d.pop) else w.pct(d.pop, lang),
    )
