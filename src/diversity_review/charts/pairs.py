"""Councillors beside the population, group by group (Wales): what
:func:`~.by_group.population_comparison` and :func:`~.by_group.age_profile` show (*prepare*)
and what they say (*describe*). Pure pandas and words: no matplotlib."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from ..categories import MEASURES, PREFER_NOT
from ..councils import WALES_CODE, council_label, council_name, resolve_council
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
    "population_notes",
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
    #: the council's label (None: Wales), the population the shares are of
    #: (``population_base``) and whether the Wales figure stood in for the council's own
    place: str | None = None
    population_base: str | None = None
    fallback: bool = False
    #: the "Not known" set aside: the councillors' share (NaN: none) and the population's
    #: (NaN where the Census has no "Not known" for the measure)
    not_known: float = math.nan
    population_not_known: float = math.nan
    not_known_marker: str | None = None  # [c] where the councillors' "Not known" is hidden

    @property
    def markers(self) -> list[str]:
        """The markers shown: the councillors' and ``[x]`` for each missing population."""
        out = [d.marker for d in self.pairs if d.marker]
        return out + ["[x]" for d in self.pairs if math.isnan(d.pop)]


def _left_out(rows: pd.DataFrame) -> tuple[str, ...]:
    return tuple(g for g in rows["group"].astype(str) if g in NOT_SHOWN)


def prepare_population(
    compared: pd.DataFrame,
    measure: str,
    year: int | None,
    lang: str,
    council: str | None = None,
) -> PairedChart:
    """The rows of ``council`` (default Wales) for ``measure`` in ``year``, one pair per group
    shown, with the population base and the "Not known" set aside."""
    measure = sel.pick_measure(compared, measure, None)
    rows, place = _place_rows(compared[compared["measure"] == measure], council, lang)
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
    shown = [by_group[g] for g in sel.shown_groups(rows, measure)]
    return PairedChart(
        measure,
        year,
        sel.is_survey(compared),
        pairs,
        _left_out(rows),
        place=place,
        population_base=_first_text(shown, "population_base"),
        fallback=any(bool(r.get("benchmark_fallback", False)) for r in shown),
        not_known=_not_known(by_group, "share"),
        population_not_known=_not_known(by_group, "population_share"),
        not_known_marker=None if "Not known" not in by_group else sel.marker(by_group["Not known"]),
    )


def _place_rows(
    rows: pd.DataFrame, council: str | None, lang: str
) -> tuple[pd.DataFrame, str | None]:
    """The council's rows and its label, or the Wales rows and None."""
    if council is None:
        return sel.wales_rows(rows, "compared"), None
    code = resolve_council(council)
    chosen = rows[rows["council_code"] == code]
    if chosen.empty:
        raise ValueError(f"the comparison has no rows for {council_name(code)}")
    return chosen, council_label(code, code, lang)


def _first_text(rows: list[pd.Series], column: str) -> str | None:
    """The first non-missing text of ``column`` among ``rows`` (None if there is none)."""
    for r in rows:
        value = r.get(column)
        if value is not None and not pd.isna(value) and str(value) not in ("", "<NA>", "nan"):
            return str(value)
    return None


def _not_known(by_group: dict[str, pd.Series], column: str) -> float:
    """The "Not known" share set aside (councillors' ``share`` or the population's)."""
    row = by_group.get("Not known")
    return math.nan if row is None else sel.num(row.get(column))


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
            place=chart.place,
        )
    else:
        title = translate(
            "Councillors and the population of {place} by {measure}, {year}",
            lang,
            place=chart.place or w.group_label("Wales", lang),
            measure=measure,
            year=year,
        )
    intro = translate(
        "Bar chart comparing councillors with the population of {place}, group by group. "
        "Measure: {measure}; year: {year}.",
        lang,
        place=chart.place or w.group_label("Wales", lang),
        measure=measure,
        year=year,
    )
    words = _description(chart, intro, title, lang, source)
    said = population_notes(chart, lang)
    notes = (words.notes[0], *said, *words.notes[1:])
    return w.Description(words.title, notes, " ".join([words.alt, *said]))


def population_notes(chart: PairedChart, lang: str) -> list[str]:
    """The population the shares are of (and whose: the council's own Census figures, or
    Wales's standing in), and the "Not known" each side set aside."""
    wales = w.group_label("Wales", lang)
    out = []
    if chart.population_base is not None:
        area = wales if chart.fallback or chart.place is None else chart.place
        out.append(
            translate(
                "Population base: {base}, {area} (Census 2021).",
                lang,
                base=w.group_label(chart.population_base, lang),
                area=area,
            )
        )
        if chart.fallback and chart.place is not None:
            out.append(
                translate(
                    "No Census figure for {place}: Wales's is shown.", lang, place=chart.place
                )
            )
    known = [v for v in (chart.not_known, chart.population_not_known) if not math.isnan(v)]
    if chart.not_known_marker or known:
        councillors = chart.not_known_marker or (
            "[x]" if math.isnan(chart.not_known) else w.pct(chart.not_known, lang)
        )
        if math.isnan(chart.population_not_known):
            out.append(
                translate(
                    "Set aside as not known: {share} of councillors (the Census has no "
                    "“not known” for this measure).",
                    lang,
                    share=councillors,
                )
            )
        else:
            out.append(
                translate(
                    "Set aside as not known: {share} of councillors and {population} of the "
                    "population.",
                    lang,
                    share=councillors,
                    population=w.pct(chart.population_not_known, lang),
                )
            )
    return out


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
