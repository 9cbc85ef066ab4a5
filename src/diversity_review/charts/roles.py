"""A group's share among all councillors, the executive and the leaders (Wales): what
:func:`~.by_group.roles_chart` shows (*prepare*) and what it says (*describe*). Pure pandas
and words: no matplotlib."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ..i18n import format_count, translate
from . import select as sel
from . import words as w

__all__ = ["Role", "RolesChart", "prepare_roles", "describe_roles"]


@dataclass(frozen=True)
class Role:
    """One scope's share, with its ``count`` of ``base`` (NaN where not given)."""

    scope: str
    label: str
    share: float
    count: float
    base: float
    marker: str | None

    @property
    def counted(self) -> bool:
        return not math.isnan(self.count) and not math.isnan(self.base)


@dataclass(frozen=True)
class RolesChart:
    group: str
    year: int | None
    roles: tuple[Role, ...]  # all members, executive, leader (others after, by name)

    @property
    def band(self) -> bool:
        """Sex: the parity band is shaded."""
        return self.group in ("Female", "Male")


def prepare_roles(roles: pd.DataFrame, group: str, year: int | None, lang: str) -> RolesChart:
    """The Wales rows of ``group`` in ``year``, one per scope."""
    rows = sel.wales_rows(roles[roles["group"] == group], "roles")
    if rows.empty:
        raise ValueError(f"roles has no rows for group {group!r}")
    rows, year = sel.pick_year(rows, year)
    if rows["scope"].duplicated().any():
        raise ValueError("roles has more than one Wales row per scope for this group")
    by_scope = {str(r["scope"]): r for _, r in rows.iterrows()}
    scopes = [s for s in w.SCOPES if s in by_scope] + sorted(set(by_scope) - set(w.SCOPES))
    return RolesChart(
        group,
        year,
        tuple(
            Role(
                scope=s,
                label=translate(w.SCOPE_LABELS.get(s, s), lang),
                share=sel.num(by_scope[s]["share"]),
                count=sel.num(by_scope[s].get("count")),
                base=sel.num(by_scope[s].get("base")),
                marker=sel.marker(by_scope[s]),
            )
            for s in scopes
        ),
    )


def share_text(role: Role, lang: str) -> str:
    """The bar's label: "36% (452 of 1,234)", or the share alone."""
    text = w.pct(role.share, lang)
    if not role.counted:
        return text
    return translate(
        "{share} ({count} of {base})",
        lang,
        share=text,
        count=format_count(role.count, lang),
        base=format_count(role.base, lang),
    )


def describe_roles(chart: RolesChart, lang: str, source: str | None) -> w.Description:
    """The title (all three shares when all three scopes are there), notes and alt text."""
    subject = w.subject(chart.group, lang)
    title = _title(chart, subject, lang)
    alt = [
        translate(
            "Bar chart of {subject} as a share of all councillors, of executive (cabinet) "
            "members and of council leaders in Wales.",
            lang,
            subject=subject,
        ),
        title + ".",
    ]
    for d in chart.roles:
        if d.marker is None and d.counted:
            alt.append(
                translate(
                    "{scope}: {count} of {base} ({share}).",
                    lang,
                    scope=d.label,
                    count=format_count(d.count, lang),
                    base=format_count(d.base, lang),
                    share=w.pct(d.share, lang),
                )
            )
    year = "" if chart.year is None else chart.year
    default = "WLGA diversity review {year}" if chart.year is not None else "WLGA diversity review"
    notes = [
        w.source_note(source, default, lang, year=year),
        *w.marker_notes([d.marker for d in chart.roles if d.marker], lang),
    ]
    return w.Description(title, tuple(notes), " ".join(alt))


def _title(chart: RolesChart, subject: str, lang: str) -> str:
    values = {d.scope: d.marker or w.pct(d.share, lang) for d in chart.roles}
    if not all(s in values for s in w.SCOPES):
        return w.capital(
            translate(
                "{subject} among councillors, executive members and council leaders in Wales",
                lang,
                subject=subject,
            )
        )
    template = (
        "In {year}, {subject} were {all} of councillors in Wales, {executive} of executive "
        "members and {leaders} of council leaders"
        if chart.year is not None
        else "In Wales, {subject} were {all} of councillors, {executive} of executive "
        "members and {leaders} of council leaders"
    )
    return translate(
        template,
        lang,
        year=chart.year,
        subject=subject,
        all=values["All members"],
        executive=values["Executive"],
        leaders=values["Leader"],
    )
