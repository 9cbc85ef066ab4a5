"""Charts of the groups of one measure at Wales level: against the population, age profile,
survey answers with confidence intervals, and roles (all members, executive, leaders)."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..categories import MEASURES, PREFER_NOT
from ..councils import WALES_CODE, council_label, council_name, resolve_council
from ..i18n import format_count, translate
from . import _select as sel
from . import _style as st
from . import _words as w
from ._councils import PARITY_BAND, _capital, _default_source, band_label, share_title

PAIR_HEIGHT = 0.36


def _wales_rows(frame: pd.DataFrame, what: str) -> pd.DataFrame:
    if "council_code" not in frame.columns:
        return frame
    rows = frame[frame["council_code"] == WALES_CODE]
    if rows.empty:
        raise ValueError(f"{what} has no Wales ({WALES_CODE}) rows")
    return rows


def _one_row_per_group(rows: pd.DataFrame, what: str) -> dict[str, pd.Series]:
    if rows["group"].duplicated().any():
        raise ValueError(f"{what} has more than one row per group")
    return {str(r["group"]): r for _, r in rows.iterrows()}


def _series_labels(lang: str) -> tuple[str, str]:
    return translate("councillors", lang), translate("population", lang)


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
        return _population_comparison(compared, measure, year, ax, lang, source)


def _population_comparison(compared, measure, year, ax, lang, source) -> Figure:
    measure = sel.pick_measure(compared, measure, None)
    rows = _wales_rows(compared[compared["measure"] == measure], "compared")
    rows, year = sel.pick_year(rows, year)
    by_group = _one_row_per_group(rows, "compared")
    groups = sel.shown_groups(rows, measure)
    survey = sel.is_survey(compared)
    items = [
        {
            "group": g,
            "label": w.row_label(g, lang),
            "share": sel.num(by_group[g]["share"]),
            "pop": sel.num(by_group[g]["population_share"]),
            "marker": sel.marker(by_group[g]),
        }
        for g in groups
    ]
    fig, ax, own = _paired_bars(items, ax, lang)
    of_members = w.of_members(measure, survey, lang)
    year_text = "" if year is None else year

    pick = _headline(items, measure)
    if pick is not None:
        title = share_title(
            year=year_text,
            group=pick["group"],
            measure=measure,
            survey=survey,
            share=pick["share"],
            population=pick["pop"],
            lang=lang,
        )
    else:
        title = translate(
            "Councillors and the population of Wales by {measure}, {year}",
            lang,
            measure=w.measure_label(measure, lang),
            year=year_text,
        )
    alt = [
        translate(
            "Bar chart comparing councillors with the population of Wales, group by group. "
            "Measure: {measure}; year: {year}.",
            lang,
            measure=w.measure_label(measure, lang),
            year=year_text,
        ),
        title + ".",
        *_pair_sentences(items, of_members, lang),
    ]
    notes = [
        st.source_note(source, _default_source(survey, True), lang, year=year_text),
        *_left_out_note(rows, lang),
        *st.marker_notes(_markers(items), lang),
    ]
    return st.finish(fig, ax, own, title=title, notes=notes, alt=" ".join(alt))


def _markers(items: list[dict]) -> list[str]:
    out = [d["marker"] for d in items if d["marker"]]
    return out + ["[x]" for d in items if math.isnan(d["pop"])]


def _left_out_note(rows: pd.DataFrame, lang: str) -> list[str]:
    left = [g for g in rows["group"].astype(str) if g in ("Not known", PREFER_NOT)]
    if not left:
        return []
    names = ", ".join(w.group_label(g, lang) for g in left)
    return [translate("Not shown: {groups}.", lang, groups=names)]


def _headline(items: list[dict], measure: str) -> dict | None:
    """The focus group if it has both figures, else the group with the largest gap."""
    full = [d for d in items if not math.isnan(d["share"]) and not math.isnan(d["pop"])]
    focus = MEASURES[measure].focus if measure in MEASURES else None
    for d in full:
        if d["group"] == focus:
            return d
    if not full:
        return None
    return max(full, key=lambda d: abs(d["share"] - d["pop"]))


def _pair_sentences(items: list[dict], of_members: str, lang: str) -> list[str]:
    out = []
    for d in items:
        share = d["marker"] or w.pct(d["share"], lang)
        pop = "[x]" if math.isnan(d["pop"]) else w.pct(d["pop"], lang)
        out.append(
            translate(
                "{group}: {share} {of_members}, against {population} of the population.",
                lang,
                group=d["label"].replace("\n", " "),
                share=share,
                of_members=of_members,
                population=pop,
            )
        )
    return out


def _paired_bars(items: list[dict], ax: Axes | None, lang: str):
    """Councillors (dark blue) over population (orange), side by side for each group; the
    first pair's labels name the series (direct labels, no legend)."""
    n = len(items)
    fig, ax, own = st.new_figure(ax, st.rows_height(n, per_row=0.8, extra=2.2))
    members_name, population_name = _series_labels(lang)
    pos = [n - 1 - i for i in range(n)]
    tops = [0.1]
    for p, d in zip(pos, items, strict=True):
        first = d is items[0]
        for offset, value, mark, colour, series, key in (
            (PAIR_HEIGHT / 2, d["share"], d["marker"], st.DARK_BLUE, members_name, "members"),
            (-PAIR_HEIGHT / 2, d["pop"], "[x]", st.ORANGE, population_name, "population"),
        ):
            where = p + offset
            if math.isnan(value):
                text, end = mark or "[x]", 0.0
            else:
                (rect,) = ax.barh([where], [value], PAIR_HEIGHT * 0.95, color=colour, zorder=2)
                rect.set_gid(f"bar-{key}-{d['group']}")
                text, end = w.pct(value, lang), value
                tops.append(value)
            if first and not math.isnan(value):
                text = f"{text}  {series}"
            st.value_label(ax, end, where, text, color=colour if first else st.TEXT_BLACK)
    st.percent_axis(ax, lang, max(tops) * 1.25 + 0.04)
    st.label_rows(ax, pos[::-1], [d["label"] for d in reversed(items)])
    ax.set_ylim(-0.6, n - 0.4)
    return fig, ax, own


def _population_mapping(population, members: pd.DataFrame) -> dict[str, float]:
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
        return _age_profile(members, population, year, ax, lang, source)


def _age_profile(members, population, year, ax, lang, source) -> Figure:
    rows = members[members["measure"] == "age"] if "measure" in members.columns else members
    rows = _wales_rows(rows, "members")
    rows, year = sel.pick_year(rows, year)
    by_group = _one_row_per_group(rows, "members")
    bands = sel.shown_groups(rows, "age")
    pops = _population_mapping(population, rows)
    extra = sorted(set(pops) - set(bands) - {"Not known", PREFER_NOT})
    if population is not None and extra:
        raise ValueError(
            f"population has age bands {extra} that the members do not: re-band it to {bands}"
        )
    survey = sel.is_survey(members)
    items = [
        {
            "group": b,
            "label": w.row_label(b, lang),
            "share": sel.num(by_group[b]["share"]),
            "pop": pops.get(b, math.nan),
            "marker": sel.marker(by_group[b]),
        }
        for b in bands
    ]
    fig, ax, own = _paired_bars(items, ax, lang)
    of_members = w.of_members("age", survey, lang)
    year_text = "" if year is None else year
    full = [d for d in items if not math.isnan(d["share"]) and not math.isnan(d["pop"])]
    if full:
        pick = max(full, key=lambda d: (d["share"] - d["pop"], d["share"]))
    else:
        known = [d for d in items if not math.isnan(d["share"])]
        pick = max(known, key=lambda d: d["share"]) if known else None
    if pick is None:
        title = translate("Age of councillors in Wales, {year}", lang, year=year_text)
    else:
        title = translate(
            "In {year}, {share} {of_members} in Wales were {band}",
            lang,
            year=year_text,
            share=w.pct(pick["share"], lang),
            of_members=of_members,
            band=w.age_phrase(pick["group"], lang),
        )
        if not math.isnan(pick["pop"]):
            title += translate(
                ", against {population} of the population",
                lang,
                population=w.pct(pick["pop"], lang),
            )
    alt = [
        translate(
            "Bar chart comparing the age of councillors in Wales with the population, {year}.",
            lang,
            year=year_text,
        ),
        title + ".",
        *_pair_sentences(items, of_members, lang),
    ]
    notes = [
        st.source_note(source, _default_source(survey, True), lang, year=year_text),
        *_left_out_note(rows, lang),
        *st.marker_notes(_markers(items), lang),
    ]
    return st.finish(fig, ax, own, title=title, notes=notes, alt=" ".join(alt))


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
        return _survey_chart(shares, measure, year, council, ax, lang, source)


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
    return _wales_rows(rows, "shares"), None


def _survey_chart(shares, measure, year, council, ax, lang, source) -> Figure:
    measure = sel.pick_measure(shares, measure, None)
    rows, code = _survey_rows(shares[shares["measure"] == measure], council)
    place = None if code is None else council_label(code, code, lang)
    rows, year = sel.pick_year(rows, year)
    by_group = _one_row_per_group(rows, "shares")
    groups = sel.shown_groups(rows, measure)
    items = []
    for g in groups:
        r = by_group[g]
        items.append(
            {
                "group": g,
                "label": w.row_label(g, lang),
                "share": sel.num(r["share"]),
                "lo": sel.num(r.get("ci_low")),
                "hi": sel.num(r.get("ci_high")),
                "n": sel.num(r["count"]),
                "marker": sel.marker(r),
            }
        )
    bases = [sel.num(by_group[g]["base"]) for g in groups]
    base = max([b for b in bases if not math.isnan(b)], default=math.nan)
    excluded = max(
        [sel.num(by_group[g].get("excluded")) for g in groups] + [math.nan],
        key=lambda v: -1 if math.isnan(v) else v,
    )
    pns = _prefer_not_item(by_group, base, excluded, lang)

    n = len(items)
    slots = n + (1.4 if pns else 0)
    fig, ax, own = st.new_figure(ax, st.rows_height(slots, per_row=0.5, extra=2.2))
    ys = [slots - 1 - i for i in range(n)]
    tops = [0.1]
    for y, d in zip(ys, items, strict=True):
        if d["marker"] is not None:
            st.value_label(ax, 0, y, d["marker"], color=st.DARK_GREY)
            continue
        (rect,) = ax.barh([y], [d["share"]], height=0.62, color=st.DARK_BLUE, zorder=2)
        rect.set_gid(f"bar-{d['group']}")
        end = d["share"]
        if not math.isnan(d["lo"]) and not math.isnan(d["hi"]):
            ax.errorbar(
                [d["share"]],
                [y],
                xerr=[[d["share"] - d["lo"]], [d["hi"] - d["share"]]],
                fmt="none",
                ecolor=st.DARK_GREY,
                elinewidth=1.2,
                capsize=3,
                zorder=3,
                gid=f"ci-{d['group']}",
            )
            end = d["hi"]
        label = translate(
            "{share} (n = {n})", lang, share=w.pct(d["share"], lang), n=format_count(d["n"], lang)
        )
        st.value_label(ax, end, y, label)
        tops.append(end)
    positions, labels = list(ys), [d["label"] for d in items]
    if pns:
        ax.axhline(0.7, color=st.DARK_GREY, lw=0.8, zorder=1)
        if not math.isnan(pns["share"]):
            (rect,) = ax.barh([0], [pns["share"]], height=0.62, color=st.CONTEXT_GREY, zorder=2)
            rect.set_gid("bar-prefer-not")
            tops.append(pns["share"])
        st.value_label(ax, 0 if math.isnan(pns["share"]) else pns["share"], 0, pns["text"])
        positions.append(0)
        labels.append(pns["label"])
    st.percent_axis(
        ax,
        lang,
        max(tops) * 1.3 + 0.05,
        label=translate("Share of councillors who answered", lang),
    )
    st.label_rows(ax, positions[::-1], labels[::-1])
    ax.set_ylim(-0.6, slots - 0.4)

    year_text = "" if year is None else year
    focus = MEASURES[measure].focus if measure in MEASURES else None
    known = [d for d in items if d["marker"] is None]
    pick = next((d for d in known if d["group"] == focus), None)
    common = max(known, key=lambda d: d["share"], default=None)
    of_members = w.of_members(measure, True, lang)
    if pick is not None:
        title = share_title(
            year=year_text,
            group=pick["group"],
            measure=measure,
            survey=True,
            share=pick["share"],
            population=math.nan,
            lang=lang,
            place=place,
        )
    elif common is not None and common["group"] in w.AGE_PHRASES:
        title = translate(
            "In {year}, {share} {of_members} in Wales were {band}"
            if place is None
            else "In {year}, {share} {of_members} were {band} ({place})",
            lang,
            year=year_text,
            share=w.pct(common["share"], lang),
            of_members=of_members,
            band=w.age_phrase(common["group"], lang),
            place=place,
        )
    elif common is not None:
        title = translate(
            "In {year}, the most common answer in Wales was “{group}”: {share} {of_members}"
            if place is None
            else "In {year}, the most common answer was “{group}”: {share} {of_members} ({place})",
            lang,
            year=year_text,
            group=w.group_label(common["group"], lang),
            share=w.pct(common["share"], lang),
            of_members=of_members,
            place=place,
        )
    else:
        title = translate(
            "{measure}: answers of councillors to the survey, {year}",
            lang,
            measure=w.measure_label(measure, lang),
            year=year_text,
        )
    alt = [
        translate(
            "Bar chart of the answers about {measure} from {n} councillors who answered the "
            "survey in {year}, with 95% confidence intervals.",
            lang,
            measure=w.measure_label(measure, lang),
            n=format_count(base, lang),
            year=year_text,
        ),
        title + ".",
    ]
    for d in items:
        if d["marker"] is not None:
            alt.append(f"{d['label'].replace(chr(10), ' ')}: {d['marker']}.")
        else:
            alt.append(
                translate(
                    "{group}: {share} (95% confidence interval {low} to {high}; n = {n}).",
                    lang,
                    group=d["label"].replace("\n", " "),
                    share=w.pct(d["share"], lang),
                    low=w.pct(d["lo"], lang),
                    high=w.pct(d["hi"], lang),
                    n=format_count(d["n"], lang),
                )
            )
    if pns:
        alt.append(pns["label"].replace("\n", " ") + ": " + pns["text"] + ".")
    notes = [
        st.source_note(source, _default_source(True, False), lang, year=year_text),
        translate(
            "Shares of the {n} councillors who answered the question, with 95% confidence "
            "intervals (Wilson).",
            lang,
            n=format_count(base, lang),
        ),
        *st.marker_notes([d["marker"] for d in items if d["marker"]], lang),
    ]
    return st.finish(fig, ax, own, title=title, notes=notes, alt=" ".join(alt))


def _prefer_not_item(
    by_group: dict[str, pd.Series], base: float, excluded: float, lang: str
) -> dict | None:
    """The "Prefer not to say" figure shown apart: its share of all respondents and n."""
    row = by_group.get(PREFER_NOT)
    if row is None and (math.isnan(excluded) or excluded <= 0):
        return None
    if row is not None:
        n = sel.num(row["count"])
        total = base + excluded if not math.isnan(excluded) else math.nan
        share = n / total if total and not math.isnan(total) else sel.num(row["share"])
        if sel.marker(row, "count") == "[c]":
            share, text = math.nan, "[c]"
        else:
            text = translate(
                "{share} of all respondents (n = {n}), not in the shares above",
                lang,
                share=w.pct(share, lang),
                n=format_count(n, lang),
            )
        return {"share": share, "text": text, "label": w.row_label(PREFER_NOT, lang)}
    text = translate("n = {n} not in the shares above", lang, n=format_count(excluded, lang))
    label = st.wrap_label(translate("Prefer not to say or no answer", lang))
    return {"share": math.nan, "text": text, "label": label}


SCOPE_LABELS = {
    "All members": "All councillors",
    "Executive": "Executive (cabinet)",
    "Leader": "Council leaders",
}


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
        return _roles_chart(roles, group, year, ax, lang, source)


def _roles_chart(roles, group, year, ax, lang, source) -> Figure:
    rows = _wales_rows(roles[roles["group"] == group], "roles")
    if rows.empty:
        raise ValueError(f"roles has no rows for group {group!r}")
    rows, year = sel.pick_year(rows, year)
    if rows["scope"].duplicated().any():
        raise ValueError("roles has more than one Wales row per scope for this group")
    by_scope = {str(r["scope"]): r for _, r in rows.iterrows()}
    scopes = [s for s in w.SCOPES if s in by_scope] + sorted(set(by_scope) - set(w.SCOPES))
    items = []
    for s in scopes:
        r = by_scope[s]
        items.append(
            {
                "scope": s,
                "label": translate(SCOPE_LABELS.get(s, s), lang),
                "share": sel.num(r["share"]),
                "count": sel.num(r.get("count")),
                "base": sel.num(r.get("base")),
                "marker": sel.marker(r),
            }
        )
    n = len(items)
    fig, ax, own = st.new_figure(ax, st.rows_height(n + 0.8, per_row=0.6, extra=2.3))
    ys = [n - 1 - i for i in range(n)]
    band = group in ("Female", "Male")
    tops = [0.6 if band else 0.1]
    for y, d in zip(ys, items, strict=True):
        if d["marker"] is not None:
            st.value_label(ax, 0, y, d["marker"], color=st.DARK_GREY)
            continue
        (rect,) = ax.barh([y], [d["share"]], height=0.6, color=st.DARK_BLUE, zorder=2)
        rect.set_gid(f"bar-{d['scope']}")
        text = w.pct(d["share"], lang)
        if not math.isnan(d["count"]) and not math.isnan(d["base"]):
            text = translate(
                "{share} ({count} of {base})",
                lang,
                share=text,
                count=format_count(d["count"], lang),
                base=format_count(d["base"], lang),
            )
        st.value_label(ax, d["share"], y, text)
        tops.append(d["share"])
    if band:
        ax.axvspan(*PARITY_BAND, color=st.BAND_FILL, alpha=0.13, lw=0, zorder=0, gid="parity-band")
        ax.text(
            PARITY_BAND[0] + 0.005,
            n - 0.45,
            band_label(lang),
            fontsize=st.LABEL_SIZE,
            color=st.DARK_GREY,
            va="bottom",
            ha="left",
        )
    st.percent_axis(ax, lang, max(tops) * 1.3 + 0.05)
    st.label_rows(ax, ys[::-1], [d["label"] for d in reversed(items)])
    ax.set_ylim(-0.6, n - 0.4 + 0.8)

    subject = w.subject(group, lang)
    values = {d["scope"]: d["marker"] or w.pct(d["share"], lang) for d in items}
    if all(s in values for s in w.SCOPES):
        template = (
            "In {year}, {subject} were {all} of councillors in Wales, {executive} of executive "
            "members and {leaders} of council leaders"
            if year is not None
            else "In Wales, {subject} were {all} of councillors, {executive} of executive "
            "members and {leaders} of council leaders"
        )
        title = translate(
            template,
            lang,
            year=year,
            subject=subject,
            all=values["All members"],
            executive=values["Executive"],
            leaders=values["Leader"],
        )
    else:
        title = _capital(
            translate(
                "{subject} among councillors, executive members and council leaders in Wales",
                lang,
                subject=subject,
            )
        )
    alt = [
        translate(
            "Bar chart of {subject} as a share of all councillors, of executive (cabinet) "
            "members and of council leaders in Wales.",
            lang,
            subject=subject,
        ),
        title + ".",
    ]
    for d in items:
        if d["marker"] is None and not math.isnan(d["count"]) and not math.isnan(d["base"]):
            alt.append(
                translate(
                    "{scope}: {count} of {base} ({share}).",
                    lang,
                    scope=d["label"],
                    count=format_count(d["count"], lang),
                    base=format_count(d["base"], lang),
                    share=w.pct(d["share"], lang),
                )
            )
    year_text = "" if year is None else year
    default = "WLGA diversity review {year}" if year is not None else "WLGA diversity review"
    notes = [
        st.source_note(source, default, lang, year=year_text),
        *st.marker_notes([d["marker"] for d in items if d["marker"]], lang),
    ]
    return st.finish(fig, ax, own, title=title, notes=notes, alt=" ".join(alt))
