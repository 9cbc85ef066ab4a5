"""Charts by council: a group's share in each council, and its change between two elections.

Each public function checks its table, then *prepares* the data (:mod:`.share`,
:mod:`.change`), *describes* it (title, notes, alt text) and *draws* it here, the only step
that uses matplotlib.
"""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from ..i18n import format_pp, translate
from . import select as sel
from . import theme as st
from . import words as w
from .change import ChangeChart, describe_change, prepare_change
from .share import PARITY_BAND, ShareChart, describe_share, prepare_share

__all__ = ["share_by_council", "change_chart", "draw_share", "draw_change"]

BAR_HEIGHT = 0.68


def share_by_council(
    shares: pd.DataFrame,
    group: str = "Female",
    *,
    measure: str | None = None,
    year: int | None = None,
    ax: Axes | None = None,
    lang: str = "en",
    source: str | None = None,
) -> Figure:
    """Horizontal bars of one group's share in each council, sorted, with Wales highlighted.

    Wales (``W92000004``) is the dark blue bar among the grey council bars. The population
    share is drawn as a line when the table has ``population_share`` (one line if every
    council uses the same figure, else a mark on each bar); for sex the 40%-60% parity band
    is shaded. Each bar carries its value; a row without a value shows its marker (``[c]``
    suppressed, ``[x]`` not available, ``[z]`` no members) and no bar. Survey shares with
    ``ci_low``/``ci_high`` get 95% interval whiskers.

    Parameters
    ----------
    shares : DataFrame
        ``analysis.breakdown`` output (optionally through ``compare_with_population`` and
        ``suppress``).
    group : str
        The group whose share is shown (default ``"Female"``).
    measure : str, optional
        Needed only when ``group`` occurs in several measures (the first in
        ``categories.MEASURES`` order is taken, so ``Female`` means ``sex``).
    year : int, optional
        The election (or survey year); default the latest in the table.
    ax : Axes, optional
        Draw into these axes instead of a new figure.
    lang : {"en", "cy"}
        Language of every label; council names are the official Welsh names in Welsh.
    source : str, optional
        Text for the "Source: …" note (default: the review and, with population, Census 2021).

    Returns
    -------
    Figure
        With ``fig.alt_text`` describing the finding (see :func:`alt_text`).

    Examples
    --------
    >>> fig = share_by_council(shares, "Female", lang="cy")  # doctest: +SKIP
    >>> save_figure(fig, out / "women_by_council")  # doctest: +SKIP
    """
    sel.need(shares, ["council_code", "council", "measure", "group", "share"], "shares")
    with st.style():
        chart = prepare_share(shares, group, measure, year, lang)
        return draw_share(chart, describe_share(chart, lang, source), ax, lang)


def draw_share(chart: ShareChart, words: w.Description, ax: Axes | None, lang: str) -> Figure:
    """Bars (Wales highlighted) with values or markers, the band and population, then words."""
    n = len(chart.bars)
    head = (1.2 if chart.band else 0) + (0.7 if chart.one_pop else 0)
    fig, ax, own = st.new_figure(ax, st.rows_height(n + head))
    ys = [n - 1 - i for i in range(n)]
    tops = [0.0, *_share_bars(ax, chart, ys, lang)]
    if chart.band:
        tops.append(_parity_band(ax, chart, n - 0.5, lang))
    if chart.one_pop:
        tops.append(_population_line(ax, chart.pops[0], n - 0.4 + head - 0.05, lang))
    elif chart.pops:
        segs = [
            [(d.pop, y - 0.45), (d.pop, y + 0.45)]
            for y, d in zip(ys, chart.bars, strict=True)
            if not math.isnan(d.pop)
        ]
        ax.add_collection(LineCollection(segs, colors=st.ORANGE, lw=2.5, zorder=2.5))
        ax.collections[-1].set_gid("population-marks")
        tops.append(max(chart.pops))
    of_members = w.of_members(chart.measure, chart.survey, lang)
    st.percent_axis(
        ax,
        lang,
        max(tops) * 1.12 + 0.05,
        label=translate("Share {of_members}", lang, of_members=of_members),
    )
    _council_rows(ax, chart.bars, ys)
    ax.set_ylim(-0.6, n - 0.4 + head)
    return st.finish(fig, ax, own, title=words.title, notes=words.notes, alt=words.alt)


def _share_bars(ax: Axes, chart: ShareChart, ys: list[int], lang: str) -> list[float]:
    """Each bar (Wales highlighted), its interval and its value (or its marker)."""
    return st.interval_bars(
        ax,
        ys,
        chart.bars,
        height=BAR_HEIGHT,
        colour=lambda d: st.HIGHLIGHT if d.wales else st.CONTEXT_GREY,
        gid=lambda d: f"bar-{d.code}",
        label=lambda d: (w.pct(d.share, lang), {"fontweight": "bold" if d.wales else "normal"}),
    )


def _parity_band(ax: Axes, chart: ShareChart, top_y: float, lang: str) -> float:
    """The shaded 40%-60% band, its label kept clear of a population line; returns its top."""
    lo, hi = PARITY_BAND
    ax.axvspan(lo, hi, color=st.BAND_FILL, alpha=0.13, lw=0, zorder=0, gid="parity-band")
    x, ha = lo + 0.005, "left"
    pop = chart.pops[0] if chart.one_pop else None
    if pop is not None and lo <= pop <= hi:
        # keep the band's label clear of the population line: on its wider side
        if pop - lo > hi - pop:
            x, ha = pop - 0.006, "right"
        else:
            x = pop + 0.006
    ax.text(
        x,
        top_y + 0.1,
        w.band_label(lang),
        fontsize=st.LABEL_SIZE,
        color=st.DARK_GREY,
        va="bottom",
        ha=ha,
        linespacing=1.15,
    )
    return hi


def _population_line(ax: Axes, pop: float, label_y: float, lang: str) -> float:
    """One dashed population line, labelled at the top; returns the room it needs."""
    ax.axvline(pop, color=st.ORANGE, lw=2, ls=(0, (4, 2)), zorder=2.5, gid="population-line")
    ax.text(
        pop + 0.006,
        label_y,
        translate("Population: {share}", lang, share=w.pct(pop, lang)),
        fontsize=st.LABEL_SIZE,
        fontweight="bold",
        color=st.TEXT_BLACK,
        va="top",
        ha="left",
    )
    return pop + 0.15


def _council_rows(ax: Axes, rows, ys: list[int]) -> None:
    """The council names as row labels, Wales in bold."""
    bold = [i for i, d in enumerate(reversed(rows)) if d.wales]
    st.label_rows(ax, ys[::-1], [d.label for d in reversed(rows)], bold=bold)


def change_chart(
    change: pd.DataFrame,
    group: str | None = None,
    *,
    measure: str | None = None,
    ax: Axes | None = None,
    lang: str = "en",
    source: str | None = None,
) -> Figure:
    """Dumbbell chart of a group's share in each council at two elections.

    The earlier election is an orange dot, the later a dark blue dot, joined by a grey line;
    councils are sorted by the later share. The change in percentage points is written at the
    right of each row; a council in one election only has a single dot and "2022 only" (or
    the earlier year) in place of the change; a suppressed share shows ``[c]`` and no dot.

    Parameters
    ----------
    change : DataFrame
        ``analysis.change_between`` output, with ``attrs["from_election"]`` and
        ``attrs["to_election"]``.
    group : str, optional
        Default: the measure's focus group (``Female`` for sex).
    measure : str, optional
        Needed when the table holds several measures.
    ax, lang, source
        As for :func:`share_by_council`.

    Returns
    -------
    Figure
        With ``fig.alt_text``.

    Examples
    --------
    >>> fig = change_chart(change, "Female", lang="en")  # doctest: +SKIP
    """
    sel.need(
        change,
        ["council_code", "council", "measure", "group", "share_from", "share_to", "status"],
        "change",
    )
    with st.style():
        chart = prepare_change(change, group, measure, lang)
        return draw_change(chart, describe_change(chart, lang, source), ax, lang)


def draw_change(chart: ChangeChart, words: w.Description, ax: Axes | None, lang: str) -> Figure:
    """Dumbbells (earlier orange, later dark blue), the change at the right, then words."""
    n = len(chart.rows)
    head = 0.9
    fig, ax, own = st.new_figure(ax, st.rows_height(n + head))
    ys = [n - 1 - i for i in range(n)]
    links, froms, tos = [], [], []
    for y, d in zip(ys, chart.rows, strict=True):
        if d.both:
            links.append([(d.share_from, y), (d.share_to, y)])
        if not math.isnan(d.share_from):
            froms.append((d.share_from, y))
        if not math.isnan(d.share_to):
            tos.append((d.share_to, y))
        if d.wales:
            ax.axhspan(y - 0.5, y + 0.5, color=st.GRID_GREY, alpha=0.6, lw=0, zorder=0)
        _right_label(ax, y, _change_text(d, lang), d.wales, st.TEXT_BLACK)
    ax.add_collection(LineCollection(links, colors=st.CONTEXT_GREY, lw=3, zorder=2))
    ax.collections[-1].set_gid("links")
    for points, colour, gid in ((froms, st.ORANGE, "from"), (tos, st.DARK_BLUE, "to")):
        if points:
            xs, yy = zip(*points, strict=True)
            ax.scatter(xs, yy, s=52, color=colour, zorder=3, gid=gid, edgecolors="white", lw=0.6)
    top_y = n - 0.5 + 0.2
    _series_labels(ax, chart, top_y)
    _right_label(ax, top_y, translate("Change", lang), True, st.DARK_GREY, va="bottom")
    values = [v for d in chart.rows for v in (d.share_from, d.share_to) if not math.isnan(v)]
    of_members = w.of_members(chart.measure, False, lang)
    st.percent_axis(
        ax,
        lang,
        max(values + [0.1]) * 1.08 + 0.02,
        label=translate("Share {of_members}", lang, of_members=of_members),
    )
    _council_rows(ax, chart.rows, ys)
    ax.set_ylim(-0.6, n - 0.4 + head)
    return st.finish(fig, ax, own, title=words.title, notes=words.notes, alt=words.alt)


def _change_text(d, lang: str) -> str:
    if d.marker is not None:
        return d.marker
    if d.only is not None:
        return translate("{year} only", lang, year=d.only)
    return format_pp(d.change, lang)


def _right_label(
    ax: Axes, y: float, text: str, bold: bool, colour: str, va: str = "center"
) -> None:
    """Text just right of the axes at height ``y`` (the change column and its header)."""
    ax.annotate(
        text,
        xy=(1, y),
        xycoords=("axes fraction", "data"),
        xytext=(8, 0),
        textcoords="offset points",
        ha="left",
        va=va,
        fontsize=st.LABEL_SIZE,
        fontweight="bold" if bold else "normal",
        color=colour,
    )


def _series_labels(ax: Axes, chart: ChangeChart, top_y: float) -> None:
    """The two years as direct labels above the first row that has both dots."""
    first = next((d for d in chart.rows if d.both), None)
    if first is None:
        return
    left_first = first.share_from <= first.share_to
    for x, text, colour, left in (
        (first.share_from, str(chart.year_from), st.ORANGE, left_first),
        (first.share_to, str(chart.year_to), st.DARK_BLUE, not left_first),
    ):
        ax.annotate(
            text,
            xy=(x, top_y),
            xytext=(-3 if left else 3, 0),
            textcoords="offset points",
            ha="right" if left else "left",
            va="bottom",
            fontsize=st.LABEL_SIZE,
            fontweight="bold",
            color=colour,
        )
