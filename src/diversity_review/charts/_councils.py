"""Charts by council: a group's share in each council, and its change between two elections."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from ..councils import council_label
from ..i18n import format_pp, translate
from . import _select as sel
from . import _style as st
from . import _words as w

PARITY_BAND = (0.4, 0.6)
BAR_HEIGHT = 0.68


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _default_source(survey: bool, population: bool) -> str:
    base = "Councillor diversity survey {year}" if survey else "WLGA diversity review {year}"
    return base + "; Census 2021 (ONS)" if population else base


def band_label(lang: str) -> str:
    """ "Parity band: 40% to 60%" on two lines, to fit inside the band."""
    return translate("Parity band: 40% to 60%", lang).replace(": ", ":\n", 1)


def _has_parity_band(measure: str) -> bool:
    return measure in ("sex", "executive_sex")


def share_title(
    *,
    year: object,
    group: str,
    measure: str,
    survey: bool,
    share: object,
    population: object,
    lang: str,
    place: str | None = None,
) -> str:
    """ "In 2022, women were 36% of councillors in Wales, against 51% of the population".

    With ``place`` (one council's survey), the council is named in brackets instead of Wales
    (a bracket, not "in …", so the Welsh needs no mutation of the council's name).
    """
    template = (
        "In {year}, {subject} were {share} {of_members} in Wales"
        if place is None
        else "In {year}, {subject} were {share} {of_members} ({place})"
    )
    title = translate(
        template,
        lang,
        year=year,
        subject=w.subject(group, lang),
        share=w.pct(share, lang),
        of_members=w.of_members(measure, survey, lang),
        place=place,
    )
    if not np.isnan(sel.num(population)):
        title += translate(
            ", against {population} of the population", lang, population=w.pct(population, lang)
        )
    return title


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
        return _share_by_council(shares, group, measure, year, ax, lang, source)


def _share_by_council(shares, group, measure, year, ax, lang, source) -> Figure:
    measure = sel.pick_measure(shares, measure, group)
    group = sel.pick_group(shares, measure, group)
    rows = shares[(shares["measure"] == measure) & (shares["group"] == group)]
    rows, year = sel.pick_year(rows, year)
    if rows["council_code"].duplicated().any():
        raise ValueError("shares has more than one row per council for this group and year")
    survey = sel.is_survey(shares)

    items = []
    for _, r in rows.iterrows():
        items.append(
            {
                "code": str(r["council_code"]),
                "label": council_label(r["council_code"], r["council"], lang),
                "share": sel.num(r["share"]),
                "marker": sel.marker(r),
                "pop": sel.num(r.get("population_share")),
                "lo": sel.num(r.get("ci_low")),
                "hi": sel.num(r.get("ci_high")),
            }
        )
    items.sort(key=lambda d: (d["marker"] is not None, -np.nan_to_num(d["share"]), d["code"]))
    n = len(items)
    wales = next((d for d in items if w.is_wales(d["code"])), None)
    councils = [d for d in items if not w.is_wales(d["code"])]
    valued = [d for d in councils if d["marker"] is None]

    pops = [d["pop"] for d in items if not math.isnan(d["pop"])]
    one_pop = bool(pops) and np.allclose(pops, pops[0])
    band = _has_parity_band(measure)
    head = (1.2 if band else 0) + (0.7 if one_pop else 0)
    fig, ax, own = st.new_figure(ax, st.rows_height(n + head))

    ys = [n - 1 - i for i in range(n)]
    tops = [0.0]
    for y, d in zip(ys, items, strict=True):
        if d["marker"] is not None:
            st.value_label(ax, 0, y, d["marker"], color=st.DARK_GREY)
            continue
        colour = st.HIGHLIGHT if w.is_wales(d["code"]) else st.CONTEXT_GREY
        (bar,) = ax.barh([y], [d["share"]], height=BAR_HEIGHT, color=colour, zorder=2)
        bar.set_gid(f"bar-{d['code']}")
        end = d["share"]
        if not math.isnan(d["lo"]) and not math.isnan(d["hi"]):
            err = [[d["share"] - d["lo"]], [d["hi"] - d["share"]]]
            ax.errorbar(
                [d["share"]],
                [y],
                xerr=err,
                fmt="none",
                ecolor=st.DARK_GREY,
                elinewidth=1,
                capsize=2.5,
                zorder=3,
                gid=f"ci-{d['code']}",
            )
            end = d["hi"]
        bold = "bold" if w.is_wales(d["code"]) else "normal"
        st.value_label(ax, end, y, w.pct(d["share"], lang), fontweight=bold)
        tops.append(end)

    top_y = n - 0.5
    if band:
        lo, hi = PARITY_BAND
        ax.axvspan(lo, hi, color=st.BAND_FILL, alpha=0.13, lw=0, zorder=0, gid="parity-band")
        text, x, ha = band_label(lang), lo + 0.005, "left"
        if one_pop and lo <= pops[0] <= hi:
            # keep the band's label clear of the population line: on its wider side
            if pops[0] - lo > hi - pops[0]:
                x, ha = pops[0] - 0.006, "right"
            else:
                x = pops[0] + 0.006
        ax.text(
            x,
            top_y + 0.1,
            text,
            fontsize=st.LABEL_SIZE,
            color=st.DARK_GREY,
            va="bottom",
            ha=ha,
            linespacing=1.15,
        )
        tops.append(hi)
    if one_pop:
        ax.axvline(
            pops[0], color=st.ORANGE, lw=2, ls=(0, (4, 2)), zorder=2.5, gid="population-line"
        )
        ax.text(
            pops[0] + 0.006,
            n - 0.4 + head - 0.05,
            translate("Population: {share}", lang, share=w.pct(pops[0], lang)),
            fontsize=st.LABEL_SIZE,
            fontweight="bold",
            color=st.TEXT_BLACK,
            va="top",
            ha="left",
        )
        tops.append(pops[0] + 0.15)
    elif pops:
        segs = [
            [(d["pop"], y - 0.45), (d["pop"], y + 0.45)]
            for y, d in zip(ys, items, strict=True)
            if not math.isnan(d["pop"])
        ]
        ax.add_collection(LineCollection(segs, colors=st.ORANGE, lw=2.5, zorder=2.5))
        ax.collections[-1].set_gid("population-marks")
        tops.append(max(pops))

    of_members = w.of_members(measure, survey, lang)
    st.percent_axis(
        ax,
        lang,
        max(tops) * 1.12 + 0.05,
        label=translate("Share {of_members}", lang, of_members=of_members),
    )
    bold = [i for i, d in enumerate(reversed(items)) if w.is_wales(d["code"])]
    st.label_rows(ax, ys[::-1], [d["label"] for d in reversed(items)], bold=bold)
    ax.set_ylim(-0.6, n - 0.4 + head)

    # words
    year_text = "" if year is None else year
    if wales is not None and wales["marker"] is None:
        title = share_title(
            year=year_text,
            group=group,
            measure=measure,
            survey=survey,
            share=wales["share"],
            population=wales["pop"],
            lang=lang,
        )
    else:
        title = _capital(
            translate(
                "{subject} as a share {of_members}, by council, {year}",
                lang,
                subject=w.subject(group, lang),
                of_members=of_members,
                year=year_text,
            )
        )
    alt = [
        translate(
            "Bar chart of {subject} as a share {of_members} in each council in Wales in "
            "{year}, sorted from highest to lowest.",
            lang,
            subject=w.subject(group, lang),
            of_members=of_members,
            year=year_text,
        ),
        title + ".",
    ]
    if valued:
        high, low = valued[0], valued[-1]
        alt.append(
            translate(
                "The highest share was in {high_council} ({high}) and the lowest in "
                "{low_council} ({low}).",
                lang,
                high_council=high["label"],
                high=w.pct(high["share"], lang),
                low_council=low["label"],
                low=w.pct(low["share"], lang),
            )
        )
    if band and valued:
        inside = sum(PARITY_BAND[0] <= d["share"] <= PARITY_BAND[1] for d in valued)
        alt.append(
            translate(
                "Councils inside the parity band of 40% to 60%: {n} of {total}.",
                lang,
                n=inside,
                total=len(valued),
            )
        )
    if pops and not one_pop:
        alt.append(translate("Each council's population share is marked on its bar.", lang))
    alt += _marker_sentences(items, lang)
    notes = [
        st.source_note(source, _default_source(survey, bool(pops)), lang, year=year_text),
        *st.marker_notes([d["marker"] for d in items if d["marker"]], lang),
    ]
    if any(not math.isnan(d["lo"]) for d in items):
        notes.append(translate("Lines show 95% confidence intervals (Wilson).", lang))
    return st.finish(fig, ax, own, title=title, notes=notes, alt=" ".join(alt))


def _marker_sentences(items: list[dict], lang: str) -> list[str]:
    """ "Suppressed to protect confidentiality ([c]): Conwy, Powys." and the like."""
    texts = {
        "[c]": "Figures withheld to protect confidentiality ([c]): {names}.",
        "[x]": "Figures not available ([x]): {names}.",
        "[z]": "Not applicable, no members ([z]): {names}.",
    }
    out = []
    for mark, text in texts.items():
        names = [d["label"] for d in items if d["marker"] == mark]
        if names:
            out.append(translate(text, lang, names=", ".join(names)))
    return out


def _years(change: pd.DataFrame) -> tuple[int, int]:
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
        return _change_chart(change, group, measure, ax, lang, source)


def _change_chart(change, group, measure, ax, lang, source) -> Figure:
    y_from, y_to = _years(change)
    measure = sel.pick_measure(change, measure, group)
    group = sel.pick_group(change, measure, group)
    rows = change[(change["measure"] == measure) & (change["group"] == group)]
    if rows["council_code"].duplicated().any():
        raise ValueError("change has more than one row per council for this group")

    items = []
    for _, r in rows.iterrows():
        status = str(r["status"])
        only = None
        if status != "both":
            only = y_from if str(y_from) in status else y_to
        a = sel.num(r["share_from"]) if only in (None, y_from) else math.nan
        b = sel.num(r["share_to"]) if only in (None, y_to) else math.nan
        mark_a = sel.marker(r, "share_from") if only in (None, y_from) else None
        mark_b = sel.marker(r, "share_to") if only in (None, y_to) else None
        items.append(
            {
                "code": str(r["council_code"]),
                "label": council_label(r["council_code"], r["council"], lang),
                "from": a,
                "to": b,
                "only": only,
                "marker": mark_b or mark_a,
                "change": sel.num(r.get("change_pp")) if only is None else math.nan,
            }
        )
    for d in items:
        if d["only"] is None and math.isnan(d["change"]) and d["marker"] is None:
            d["change"] = 100 * (d["to"] - d["from"])

    def key(d):
        latest = d["to"] if not math.isnan(d["to"]) else d["from"]
        return (math.isnan(latest), -np.nan_to_num(latest), d["code"])

    items.sort(key=key)
    n = len(items)
    head = 0.9
    fig, ax, own = st.new_figure(ax, st.rows_height(n + head))
    ys = [n - 1 - i for i in range(n)]

    links, froms, tos = [], [], []
    for y, d in zip(ys, items, strict=True):
        if not math.isnan(d["from"]) and not math.isnan(d["to"]):
            links.append([(d["from"], y), (d["to"], y)])
        if not math.isnan(d["from"]):
            froms.append((d["from"], y))
        if not math.isnan(d["to"]):
            tos.append((d["to"], y))
        if w.is_wales(d["code"]):
            ax.axhspan(y - 0.5, y + 0.5, color=st.GRID_GREY, alpha=0.6, lw=0, zorder=0)
        if d["marker"] is not None:
            right = d["marker"]
        elif d["only"] is not None:
            right = translate("{year} only", lang, year=d["only"])
        else:
            right = format_pp(d["change"], lang)
        ax.annotate(
            right,
            xy=(1, y),
            xycoords=("axes fraction", "data"),
            xytext=(8, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=st.LABEL_SIZE,
            fontweight="bold" if w.is_wales(d["code"]) else "normal",
            color=st.TEXT_BLACK,
        )
    ax.add_collection(LineCollection(links, colors=st.CONTEXT_GREY, lw=3, zorder=2))
    ax.collections[-1].set_gid("links")
    for points, colour, gid in ((froms, st.ORANGE, "from"), (tos, st.DARK_BLUE, "to")):
        if points:
            xs, yy = zip(*points, strict=True)
            ax.scatter(xs, yy, s=52, color=colour, zorder=3, gid=gid, edgecolors="white", lw=0.6)

    # direct series labels above the first row that has both dots
    top_y = n - 0.5 + 0.2
    first = next((d for d in items if not math.isnan(d["from"]) and not math.isnan(d["to"])), None)
    if first is not None:
        left_first = first["from"] <= first["to"]
        for x, text, colour, left in (
            (first["from"], str(y_from), st.ORANGE, left_first),
            (first["to"], str(y_to), st.DARK_BLUE, not left_first),
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
    ax.annotate(
        translate("Change", lang),
        xy=(1, top_y),
        xycoords=("axes fraction", "data"),
        xytext=(8, 0),
        textcoords="offset points",
        ha="left",
        va="bottom",
        fontsize=st.LABEL_SIZE,
        fontweight="bold",
        color=st.DARK_GREY,
    )
    values = [v for d in items for v in (d["from"], d["to"]) if not math.isnan(v)]
    of_members = w.of_members(measure, False, lang)
    st.percent_axis(
        ax,
        lang,
        max(values + [0.1]) * 1.08 + 0.02,
        label=translate("Share {of_members}", lang, of_members=of_members),
    )
    bold = [i for i, d in enumerate(reversed(items)) if w.is_wales(d["code"])]
    st.label_rows(ax, ys[::-1], [d["label"] for d in reversed(items)], bold=bold)
    ax.set_ylim(-0.6, n - 0.4 + head)

    # words
    subject = w.subject(group, lang)
    wales = next((d for d in items if w.is_wales(d["code"])), None)
    shares = dict(from_share=None, to_share=None)
    if wales is not None and not math.isnan(wales["from"]) and not math.isnan(wales["to"]):
        shares = {
            "from_share": w.pct(wales["from"], lang),
            "to_share": w.pct(wales["to"], lang),
        }
        if shares["from_share"] == shares["to_share"]:
            template = "Between {from_year} and {to_year}, {subject} stayed at {to_share} {of_members} in Wales"  # noqa: E501
        elif wales["to"] > wales["from"]:
            template = "Between {from_year} and {to_year}, {subject} rose from {from_share} to {to_share} {of_members} in Wales"  # noqa: E501
        else:
            template = "Between {from_year} and {to_year}, {subject} fell from {from_share} to {to_share} {of_members} in Wales"  # noqa: E501
        title = translate(
            template,
            lang,
            from_year=y_from,
            to_year=y_to,
            subject=subject,
            of_members=of_members,
            **shares,
        )
    else:
        title = _capital(
            translate(
                "{subject} as a share {of_members}, by council, {from_year} and {to_year}",
                lang,
                subject=subject,
                of_members=of_members,
                from_year=y_from,
                to_year=y_to,
            )
        )
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
    ]
    both = [d for d in items if not w.is_wales(d["code"]) and not math.isnan(d["change"])]
    if both:
        rise = max(both, key=lambda d: (d["change"], d["code"]))
        fall = min(both, key=lambda d: (d["change"], d["code"]))
        for d, text in (
            (rise, "The largest rise was in {council}, from {from_share} to {to_share}."),
            (fall, "The largest fall was in {council}, from {from_share} to {to_share}."),
        ):
            if (d is rise and d["change"] > 0) or (d is fall and d["change"] < 0):
                alt.append(
                    translate(
                        text,
                        lang,
                        council=d["label"],
                        from_share=w.pct(d["from"], lang),
                        to_share=w.pct(d["to"], lang),
                    )
                )
        alt.append(
            translate(
                "Councils where the share rose: {n} of {total}.",
                lang,
                n=sum(d["change"] > 0 for d in both),
                total=len(both),
            )
        )
    for year in (y_from, y_to):
        names = [d["label"] for d in items if d["only"] == year]
        if names:
            alt.append(
                translate("In {year} only: {names}.", lang, year=year, names=", ".join(names))
            )
    alt += _marker_sentences(items, lang)
    notes = [
        st.source_note(
            source,
            "WLGA diversity reviews {from_year} and {to_year}",
            lang,
            from_year=y_from,
            to_year=y_to,
        ),
        translate("Change in percentage points (pp).", lang),
        *st.marker_notes([d["marker"] for d in items if d["marker"]], lang),
    ]
    return st.finish(fig, ax, own, title=title, notes=notes, alt=" ".join(alt))
