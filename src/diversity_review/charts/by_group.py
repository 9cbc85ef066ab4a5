"""Charts of the groups of one measure at Wales level: against the population, age profile,
survey answers with confidence intervals, and roles (all members, executive, leaders).

Each public function checks its table, then *prepares* the data (:mod:`.pairs`,
:mod:`.survey`, :mod:`.roles`), *describes* it (title, notes, alt text) and *draws* it here,
the only step that uses matplotlib.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..i18n import format_count, translate
from . import select as sel
from . import theme as st
from . import words as w
from .pairs import PairedChart, describe_age, describe_population, prepare_age, prepare_population
from .roles import RolesChart, describe_roles, prepare_roles, share_text
from .share import PARITY_BAND
from .survey import SurveyChart, describe_survey, prefer_not_label, prefer_not_text, prepare_survey

__all__ = [
    "population_comparison",
    "age_profile",
    "survey_chart",
    "roles_chart",
    "draw_pairs",
    "draw_survey",
    "draw_roles",
]

PAIR_HEIGHT = 0.36


def population_comparison(
    compared: pd.DataFrame,
    measure: str,
    *,
    year: int | None = None,
    ax: Axes | None = None,
    lang: str = "en",
    source: str | None = None,
) -> Figure:
    """Councillors against the population of Wales for each group of a measure (paired bars).

    Councillors are dark blue, the population orange, each bar labelled with its value (the
    first pair also with its series name, instead of a legend). A group without a population
    figure shows ``[x]`` in its place; a suppressed share ``[c]``. "Not known" and "Prefer not
    to say" are left out (and the note says so).

    Parameters
    ----------
    compared : DataFrame
        ``analysis.compare_with_population`` output (Wales rows are used).
    measure : str
        E.g. ``"ethnicity"``.
    year : int, optional
        Default the latest in the table.
    ax, lang, source
        As for :func:`share_by_council`.

    Returns
    -------
    Figure
        With ``fig.alt_text``.

    Examples
    --------
    >>> fig = population_comparison(compared, "sex", lang="cy")  # doctest: +SKIP
    """
    sel.need(
        compared, ["council_code", "measure", "group", "share", "population_share"], "compared"
    )
    with st.style():
        chart = prepare_population(compared, measure, year, lang)
        return draw_pairs(chart, describe_population(chart, lang, source), ax, lang)


def age_profile(
    members: pd.DataFrame,
    population: pd.DataFrame | pd.Series | Mapping[str, float] | None = None,
    *,
    year: int | None = None,
    ax: Axes | None = None,
    lang: str = "en",
    source: str | None = None,
) -> Figure:
    """Councillors' age bands against the population's, side by side (Wales).

    Parameters
    ----------
    members : DataFrame
        Shares (``analysis.breakdown`` output) holding the ``age`` measure; Wales rows used.
    population : DataFrame, Series, mapping or None
        Population shares (fractions) in the same age bands: a table with ``group`` and
        ``population_share`` (or ``share``), a Series or dict ``{band: fraction}``, or
        ``None`` to use the ``population_share`` column of ``members``. Bands must match the
        members' bands (a band the members lack is an error, not silently dropped).
    year, ax, lang, source
        As for :func:`share_by_council`.

    Returns
    -------
    Figure
        With ``fig.alt_text``.

    Examples
    --------
    >>> fig = age_profile(shares, {"Under 40": .34, "40-59": .33, "60+": .33})  # doctest: +SKIP
    """
    sel.need(members, ["group", "share"], "members")
    with st.style():
        chart = prepare_age(members, population, year, lang)
        return draw_pairs(chart, describe_age(chart, lang, source), ax, lang)


def draw_pairs(chart: PairedChart, words: w.Description, ax: Axes | None, lang: str) -> Figure:
    """Councillors (dark blue) over population (orange), side by side for each group; the
    first pair's labels name the series (direct labels, no legend)."""
    pairs = chart.pairs
    n = len(pairs)
    fig, ax, own = st.new_figure(ax, st.rows_height(n, per_row=0.8, extra=2.2))
    members_name, population_name = translate("councillors", lang), translate("population", lang)
    pos = [n - 1 - i for i in range(n)]
    tops = [0.1]
    for p, d in zip(pos, pairs, strict=True):
        first = d is pairs[0]
        for offset, value, mark, colour, series, key in (
            (PAIR_HEIGHT / 2, d.share, d.marker, st.DARK_BLUE, members_name, "members"),
            (-PAIR_HEIGHT / 2, d.pop, "[x]", st.ORANGE, population_name, "population"),
        ):
            where = p + offset
            if math.isnan(value):
                text, end = mark or "[x]", 0.0
            else:
                st.bar(
                    ax,
                    where,
                    value,
                    height=PAIR_HEIGHT * 0.95,
                    colour=colour,
                    gid=f"bar-{key}-{d.group}",
                )
                text, end = w.pct(value, lang), value
                tops.append(value)
            if first and not math.isnan(value):
                text = f"{text}  {series}"
            st.value_label(ax, end, where, text, color=colour if first else st.TEXT_BLACK)
    st.percent_axis(ax, lang, max(tops) * 1.25 + 0.04)
    st.label_rows(ax, pos[::-1], [st.wrap_label(d.label) for d in reversed(pairs)])
    ax.set_ylim(-0.6, n - 0.4)
    return st.finish(fig, ax, own, title=words.title, notes=words.notes, alt=words.alt)


def survey_chart(
    shares: pd.DataFrame,
    measure: str,
    *,
    year: int | None = None,
    council: str | None = None,
    ax: Axes | None = None,
    lang: str = "en",
    source: str | None = None,
) -> Figure:
    """Survey answers for one measure with 95% Wilson intervals; "Prefer not to say"
    shown apart, below a divider, as a grey bar of all respondents.

    The rows shown are those of ``council`` if given; else, when the respondents come from a
    single council, that council's (a one-council survey says nothing about Wales); else the
    Wales rows.

    Each bar is labelled with its share and the number of respondents (``n``); suppressed
    shares show ``[c]`` and no bar or interval.

    Parameters
    ----------
    shares : DataFrame
        ``analysis.breakdown`` of the survey respondents (``survey_year``, ``ci_low``,
        ``ci_high``, ``excluded``).
    measure : str
        E.g. ``"disability"``.
    council : str, optional
        Any spelling of a council in the table (see ``resolve_council``).
    year, ax, lang, source
        As for :func:`share_by_council`.

    Returns
    -------
    Figure
        With ``fig.alt_text``.

    Examples
    --------
    >>> fig = survey_chart(survey_shares, "disability", lang="cy")  # doctest: +SKIP
    """
    sel.need(shares, ["council_code", "measure", "group", "count", "base", "share"], "shares")
    with st.style():
        chart = prepare_survey(shares, measure, year, council, lang)
        return draw_survey(chart, describe_survey(chart, lang, source), ax, lang)


def draw_survey(chart: SurveyChart, words: w.Description, ax: Axes | None, lang: str) -> Figure:
    """Answer bars with intervals and ``n``; "Prefer not to say" apart under a divider."""
    n = len(chart.answers)
    p = chart.prefer_not
    slots = n + (1.4 if p else 0)
    fig, ax, own = st.new_figure(ax, st.rows_height(slots, per_row=0.5, extra=2.2))
    ys = [slots - 1 - i for i in range(n)]
    tops = [0.1, *_answer_bars(ax, chart, ys, lang)]
    positions, labels = list(ys), [st.wrap_label(d.label) for d in chart.answers]
    if p:
        ax.axhline(0.7, color=st.DARK_GREY, lw=0.8, zorder=1)
        if not math.isnan(p.share):
            st.bar(ax, 0, p.share, height=0.62, colour=st.CONTEXT_GREY, gid="bar-prefer-not")
            tops.append(p.share)
        where = 0 if math.isnan(p.share) else p.share
        st.value_label(ax, where, 0, prefer_not_text(p, lang))
        positions.append(0)
        labels.append(st.wrap_label(prefer_not_label(p, lang)))
    st.percent_axis(
        ax,
        lang,
        max(tops) * 1.3 + 0.05,
        label=translate("Share of councillors who answered", lang),
    )
    st.label_rows(ax, positions[::-1], labels[::-1])
    ax.set_ylim(-0.6, slots - 0.4)
    return st.finish(fig, ax, own, title=words.title, notes=words.notes, alt=words.alt)


def _answer_bars(ax: Axes, chart: SurveyChart, ys: list[float], lang: str) -> list[float]:
    """Each answer's bar, interval and "share (n = …)" label (or its marker)."""

    def label(d) -> tuple[str, dict]:
        n = format_count(d.n, lang)
        return translate("{share} (n = {n})", lang, share=w.pct(d.share, lang), n=n), {}

    return st.interval_bars(
        ax,
        ys,
        chart.answers,
        height=0.62,
        colour=lambda d: st.DARK_BLUE,
        gid=lambda d: f"bar-{d.group}",
        label=label,
        interval_width=1.2,
        capsize=3,
    )


def roles_chart(
    roles: pd.DataFrame,
    group: str = "Female",
    *,
    year: int | None = None,
    ax: Axes | None = None,
    lang: str = "en",
    source: str | None = None,
) -> Figure:
    """A group's share among all councillors, executive (cabinet) members and leaders (Wales).

    Bars in dark blue, labelled with the share and ``count of base``; for sex the 40%-60%
    parity band is shaded. A suppressed share shows ``[c]`` and no bar.

    Parameters
    ----------
    roles : DataFrame
        ``analysis.roles_comparison`` output (``scope`` "All members" | "Executive" |
        "Leader"); the Wales rows are used.
    group : str
        Default ``"Female"``.
    year, ax, lang, source
        As for :func:`share_by_council` (``year`` only if the table has an election column).

    Returns
    -------
    Figure
        With ``fig.alt_text``.

    Examples
    --------
    >>> fig = roles_chart(roles, lang="cy")  # doctest: +SKIP
    """
    sel.need(roles, ["council_code", "scope", "group", "share"], "roles")
    with st.style():
        chart = prepare_roles(roles, group, year, lang)
        return draw_roles(chart, describe_roles(chart, lang, source), ax, lang)


def draw_roles(chart: RolesChart, words: w.Description, ax: Axes | None, lang: str) -> Figure:
    """One bar per scope with "share (count of base)"; the parity band for sex."""
    n = len(chart.roles)
    fig, ax, own = st.new_figure(ax, st.rows_height(n + 0.8, per_row=0.6, extra=2.3))
    ys = [n - 1 - i for i in range(n)]
    tops = [0.6 if chart.band else 0.1]
    for y, d in zip(ys, chart.roles, strict=True):
        if d.marker is not None:
            st.marker_label(ax, y, d.marker)
            continue
        st.bar(ax, y, d.share, height=0.6, colour=st.DARK_BLUE, gid=f"bar-{d.scope}")
        st.value_label(ax, d.share, y, share_text(d, lang))
        tops.append(d.share)
    if chart.band:
        ax.axvspan(*PARITY_BAND, color=st.BAND_FILL, alpha=0.13, lw=0, zorder=0, gid="parity-band")
        ax.text(
            PARITY_BAND[0] + 0.005,
            n - 0.45,
            w.band_label(lang),
            fontsize=st.LABEL_SIZE,
            color=st.DARK_GREY,
            va="bottom",
            ha="left",
        )
    st.percent_axis(ax, lang, max(tops) * 1.3 + 0.05)
    st.label_rows(ax, ys[::-1], [d.label for d in reversed(chart.roles)])
    ax.set_ylim(-0.6, n - 0.4 + 0.8)
    return st.finish(fig, ax, own, title=words.title, notes=words.notes, alt=words.alt)
