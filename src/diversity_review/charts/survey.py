"""Survey answers for one measure with their intervals: what
:func:`~.by_group.survey_chart` shows (*prepare*) and what it says (*describe*). Pure pandas
and words: no matplotlib."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ..categories import MEASURES, PREFER_NOT
from ..councils import WALES_CODE, council_label, council_name, resolve_council
from ..i18n import format_count, translate
from . import select as sel
from . import words as w

__all__ = [
    "Answer",
    "PreferNot",
    "SurveyChart",
    "prepare_survey",
    "describe_survey",
    "prefer_not_text",
    "prefer_not_label",
]


@dataclass(frozen=True)
class Answer:
    """One answer's share, 95% interval and respondents (``n``), or its marker."""

    group: str
    label: str
    share: float
    lo: float
    hi: float
    n: float
    marker: str | None


@dataclass(frozen=True)
class PreferNot:
    """ "Prefer not to say" shown apart: as an answer (``answered``: its share of all
    respondents, or suppressed) or as the respondents left out of the base (``n``)."""

    answered: bool
    share: float
    n: float
    suppressed: bool


@dataclass(frozen=True)
class SurveyChart:
    measure: str
    year: int | None
    place: str | None  # the council's label, None for Wales
    answers: tuple[Answer, ...]
    base: float  # respondents who answered
    prefer_not: PreferNot | None


def prepare_survey(
    shares: pd.DataFrame, measure: str, year: int | None, council: str | None, lang: str
) -> SurveyChart:
    """The rows of the council asked for, else of a one-council survey's council, else Wales."""
    measure = sel.pick_measure(shares, measure, None)
    rows, code = _survey_rows(shares[shares["measure"] == measure], council)
    place = None if code is None else council_label(code, code, lang)
    rows, year = sel.pick_year(rows, year)
    by_group = sel.one_row_per_group(rows, "shares")
    groups = sel.shown_groups(rows, measure)
    answers = tuple(
        Answer(
            group=g,
            label=w.group_label(g, lang),
            share=sel.num(by_group[g]["share"]),
            lo=sel.num(by_group[g].get("ci_low")),
            hi=sel.num(by_group[g].get("ci_high")),
            n=sel.num(by_group[g]["count"]),
            marker=sel.marker(by_group[g]),
        )
        for g in groups
    )
    bases = [sel.num(by_group[g]["base"]) for g in groups]
    base = max([b for b in bases if not math.isnan(b)], default=math.nan)
    excluded = max(
        [sel.num(by_group[g].get("excluded")) for g in groups] + [math.nan],
        key=lambda v: -1 if math.isnan(v) else v,
    )
    prefer_not = _prefer_not(by_group.get(PREFER_NOT), base, excluded)
    return SurveyChart(measure, year, place, answers, base, prefer_not)


def _survey_rows(rows: pd.DataFrame, council: str | None) -> tuple[pd.DataFrame, str | None]:
    """The rows to chart and the council code they belong to (None for Wales)."""
    if council is not None:
        code = resolve_council(council)
        chosen = rows[rows["council_code"] == code]
        if chosen.empty:
            raise ValueError(f"the survey table has no rows for {council_name(code)}")
        return chosen, code
    codes = set(rows["council_code"].dropna()) - {WALES_CODE}
    if len(codes) == 1:
        (code,) = codes
        own = rows[rows["council_code"] == code]
        wales = rows[rows["council_code"] == WALES_CODE]
        # the "Wales" row of a one-council survey is that council again: name the council
        same = own[["group", "base"]].astype(str).sort_values("group").to_numpy().tolist()
        if wales.empty or same == (
            wales[["group", "base"]].astype(str).sort_values("group").to_numpy().tolist()
        ):
            return own, code
    return sel.wales_rows(rows, "shares"), None


def _prefer_not(row: pd.Series | None, base: float, excluded: float) -> PreferNot | None:
    """The "Prefer not to say" figure shown apart: its share of all respondents and n."""
    if row is None:
        if math.isnan(excluded) or excluded <= 0:
            return None
        return PreferNot(answered=False, share=math.nan, n=excluded, suppressed=False)
    n = sel.num(row["count"])
    total = base + excluded if not math.isnan(excluded) else math.nan
    share = n / total if total and not math.isnan(total) else sel.num(row["share"])
    if sel.marker(row, "count") == "[c]":
        return PreferNot(answered=True, share=math.nan, n=n, suppressed=True)
    return PreferNot(answered=True, share=share, n=n, suppressed=False)


def prefer_not_text(p: PreferNot, lang: str) -> str:
    """The words beside the "Prefer not to say" bar."""
    if not p.answered:
        return translate("n = {n} not in the shares above", lang, n=format_count(p.n, lang))
    if p.suppressed:
        return "[c]"
    return translate(
        "{share} of all respondents (n = {n}), not in the shares above",
        lang,
        share=w.pct(p.share, lang),
        n=format_count(p.n, lang),
    )


def prefer_not_label(p: PreferNot, lang: str) -> str:
    """Its row label (unwrapped)."""
    if p.answered:
        return w.group_label(PREFER_NOT, lang)
    return translate("Prefer not to say or no answer", lang)


def describe_survey(chart: SurveyChart, lang: str, source: str | None) -> w.Description:
    """The title (the focus group, else the most common answer), the notes and the alt text
    (one sentence per answer with its interval)."""
    year = "" if chart.year is None else chart.year
    n = format_count(chart.base, lang)
    title = _title(chart, year, lang)
    alt = [
        translate(
            "Bar chart of the answers about {measure} from {n} councillors who answered the "
            "survey in {year}, with 95% confidence intervals.",
            lang,
            measure=w.measure_label(chart.measure, lang),
            n=n,
            year=year,
        ),
        title + ".",
        *(_answer_sentence(d, lang) for d in chart.answers),
    ]
    if chart.prefer_not:
        p = chart.prefer_not
        alt.append(w.one_line(prefer_not_label(p, lang)) + ": " + prefer_not_text(p, lang) + ".")
    notes = [
        w.source_note(source, w.default_source(True, False), lang, year=year),
        translate(
            "Shares of the {n} councillors who answered the question, with 95% confidence "
            "intervals (Wilson).",
            lang,
            n=n,
        ),
        *w.marker_notes([d.marker for d in chart.answers if d.marker], lang),
    ]
    return w.Description(title, tuple(notes), " ".join(alt))


def _answer_sentence(d: Answer, lang: str) -> str:
    if d.marker is not None:
        return f"{w.one_line(d.label)}: {d.marker}."
    return translate(
        "{group}: {share} (95% confidence interval {low} to {high}; n = {n}).",
        lang,
        group=w.one_line(d.label),
        share=w.pct(d.share, lang),
        low=w.pct(d.lo, lang),
        high=w.pct(d.hi, lang),
        n=format_count(d.n, lang),
    )


def _title(chart: SurveyChart, year: object, lang: str) -> str:
    measure, place = chart.measure, chart.place
    focus = MEASURES[measure].focus if measure in MEASURES else None
    known = [d for d in chart.answers if d.marker is None]
    pick = next((d for d in known if d.group == focus), None)
    common = max(known, key=lambda d: d.share, default=None)
    of_members = w.of_members(measure, True, lang)
    if pick is not None:
        return w.share_title(
            year=year,
            group=pick.group,
            measure=measure,
            survey=True,
            share=pick.share,
            population=math.nan,
            lang=lang,
            place=place,
        )
    if common is not None and common.group in w.AGE_PHRASES:
        return translate(
            "In {year}, {share} {of_members} in Wales were {band}"
            if place is None
            else "In {year}, {share} {of_members} were {band} ({place})",
            lang,
            year=year,
            share=w.pct(common.share, lang),
            of_members=of_members,
            band=w.age_phrase(common.group, lang),
            place=place,
        )
    if common is not None:
        return translate(
            "In {year}, the most common answer in Wales was “{group}”: {share} {of_members}"
            if place is None
            else "In {year}, the most common answer was “{group}”: {share} {of_members} ({place})",
            lang,
            year=year,
            group=w.group_label(common.group, lang),
            share=w.pct(common.share, lang),
            of_members=of_members,
            place=place,
        )
    return translate(
        "{measure}: answers of councillors to the survey, {year}",
        lang,
        measure=w.measure_label(measure, lang),
        year=year,
    )
