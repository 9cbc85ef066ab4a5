"""A group's share in each council at two elections: what :func:`~.by_council.change_chart`
shows (*prepare*) and what it says (*describe*). Pure pandas and words: no matplotlib."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..councils import council_label
from ..i18n import translate
from . import select as sel
from . import words as w

__all__ = ["Dumbbell", "ChangeChart", "election_years", "prepare_change", "describe_change"]


@dataclass(frozen=True)
class Dumbbell:
    """One council's two shares (NaN where not shown), the change in points, and ``only``:
    the one election it is in (None when in both)."""

    code: str
    label: str
    share_from: float
    share_to: float
    only: int | None
    marker: str | None
    change: float

    @property
    def wales(self) -> bool:
        return w.is_wales(self.code)

    @property
    def both(self) -> bool:
        return not math.isnan(self.share_from) and not math.isnan(self.share_to)


@dataclass(frozen=True)
class ChangeChart:
    """The rows of :func:`~.by_council.change_chart`, sorted by the later share (top first)."""

    measure: str
    group: str
    year_from: int
    year_to: int
    rows: tuple[Dumbbell, ...]

    @property
    def wales(self) -> Dumbbell | None:
        return next((d for d in self.rows if d.wales), None)


def election_years(change: pd.DataFrame) -> tuple[int, int]:
    """The two elections: from ``attrs``, else the only two years named in ``status``."""
    a, b = change.attrs.get("from_election"), change.attrs.get("to_election")
    if a is None or b is None:
        found = sorted(
            {int(m) for s in change["status"].astype(str) for m in re.findall(r"\d{4}", s)}
        )
        if len(found) != 2:
            raise ValueError(
                "change needs attrs['from_election'] and attrs['to_election'] "
                "(as analysis.change_between sets them)"
            )
        a, b = found
    return int(a), int(b)


def prepare_change(
    change: pd.DataFrame, group: str | None, measure: str | None, lang: str
) -> ChangeChart:
    """One dumbbell per council (and Wales), sorted by the later share (else the earlier),
    highest first, rows without a share last."""
    y_from, y_to = election_years(change)
    measure = sel.pick_measure(change, measure, group)
    group = sel.pick_group(change, measure, group)
    rows = change[(change["measure"] == measure) & (change["group"] == group)]
    if rows["council_code"].duplicated().any():
        raise ValueError("change has more than one row per council for this group")
    dumbbells = [_dumbbell(r, y_from, y_to, lang) for _, r in rows.iterrows()]

    def key(d: Dumbbell):
        latest = d.share_to if not math.isnan(d.share_to) else d.share_from
        return (math.isnan(latest), -np.nan_to_num(latest), d.code)

    dumbbells.sort(key=key)
    return ChangeChart(measure, group, y_from, y_to, tuple(dumbbells))


def _dumbbell(r: pd.Series, y_from: int, y_to: int, lang: str) -> Dumbbell:
    status = str(r["status"])
    only = None
    if status != "both":
        only = y_from if str(y_from) in status else y_to
    a = sel.num(r["share_from"]) if only in (None, y_from) else math.nan
    b = sel.num(r["share_to"]) if only in (None, y_to) else math.nan
    mark_a = sel.marker(r, "share_from") if only in (None, y_from) else None
    mark_b = sel.marker(r, "share_to") if only in (None, y_to) else None
    marker = mark_b or mark_a
    change = sel.num(r.get("change_pp")) if only is None else math.nan
    if only is None and math.isnan(change) and marker is None:
        change = 100 * (b - a)
    return Dumbbell(
        code=str(r["council_code"]),
        label=council_label(r["council_code"], r["council"], lang),
        share_from=a,
        share_to=b,
        only=only,
        marker=marker,
        change=change,
    )


def describe_change(chart: ChangeChart, lang: str, source: str | None) -> w.Description:
    """The title (how the Wales share moved), the notes and the alt text."""
    y_from, y_to = chart.year_from, chart.year_to
    subject = w.subject(chart.group, lang)
    of_members = w.of_members(chart.measure, False, lang)
    title = _title(chart, subject, of_members, lang)
    alt = [
        translate(
            "Dot chart of {subject} as a share {of_members} in each council in Wales in "
            "{from_year} and {to_year}, sorted by the {to_year} share.",
            lang,
            subject=subject,
            of_members=of_members,
            from_year=y_from,
            to_year=y_to,
        ),
        title + ".",
        *_movement_sentences(chart, lang),
    ]
    for year in (y_from, y_to):
        names = [d.label for d in chart.rows if d.only == year]
        if names:
            alt.append(
                translate("In {year} only: {names}.", lang, year=year, names=", ".join(names))
            )
    alt += w.marker_sentences(((d.label, d.marker) for d in chart.rows), lang)
    notes = [
        w.source_note(
            source,
            "WLGA diversity reviews {from_year} and {to_year}",
            lang,
            from_year=y_from,
            to_year=y_to,
        ),
        translate("Change in percentage points (pp).", lang),
        *w.marker_notes([d.marker for d in chart.rows if d.marker], lang),
    ]
    return w.Description(title, tuple(notes), " ".join(alt))


RISE = "Between {from_year} and {to_year}, {subject} rose from {from_share} to {to_share} {of_members} in Wales"  # noqa: E501
FALL = "Between {from_year} and {to_year}, {subject} fell from {from_share} to {to_share} {of_members} in Wales"  # noqa: E501
STAYED = "Between {from_year} and {to_year}, {subject} stayed at {to_share} {of_members} in Wales"  # noqa: E501


def _title(chart: ChangeChart, subject: str, of_members: str, lang: str) -> str:
    wales = chart.wales
    years = {"from_year": chart.year_from, "to_year": chart.year_to}
    if wales is None or not wales.both:
        return w.capital(
            translate(
                "{subject} as a share {of_members}, by council, {from_year} and {to_year}",
                lang,
                subject=subject,
                of_members=of_members,
                **years,
            )
        )
    shares = {"from_share": w.pct(wales.share_from, lang), "to_share": w.pct(wales.share_to, lang)}
    if shares["from_share"] == shares["to_share"]:
        template = STAYED
    elif wales.share_to > wales.share_from:
        template = RISE
    else:
        template = FALL
    return translate(template, lang, subject=subject, of_members=of_members, **years, **shares)


def _movement_sentences(chart: ChangeChart, lang: str) -> list[str]:
    """The largest rise and fall among the councils, and how many rose."""
    both = [d for d in chart.rows if not d.wales and not math.isnan(d.change)]
    if not both:
        return []
    out = []
    rise = max(both, key=lambda d: (d.change, d.code))
    fall = min(both, key=lambda d: (d.change, d.code))
    for d, text in (
        (rise, "The largest rise was in {council}, from {from_share} to {to_share}."),
        (fall, "The largest fall was in {council}, from {from_share} to {to_share}."),
    ):
        if (d is rise and d.change > 0) or (d is fall and d.change < 0):
            out.append(
                translate(
                    text,
                    lang,
                    council=d.label,
                    from_share=w.pct(d.share_from, lang),
                    to_share=w.pct(d.share_to, lang),
                )
            )
    out.append(
        translate(
            "Councils where the share rose: {n} of {total}.",
            lang,
            n=sum(d.change > 0 for d in both),
            total=len(both),
        )
    )
    return out
