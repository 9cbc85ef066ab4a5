"""A language's page of the pack, as a publication: made of small sections, in order.

:data:`SECTIONS` is the page, top to bottom; each section is a function of one
:class:`PageContext` returning HTML (empty when it has nothing to say). Adding something to
the page (a banner, a coverage note) is one function and one entry in :data:`SECTIONS`.

- header: the language switch, the title, the release date and contact (from the config);
- summary and key points (:mod:`.summary`), each point linked to the table it comes from;
- contents;
- one section per topic (``TableSpec.topic``): each table's charts, the table itself in a
  collapsible ``<details>``, and its CSV;
- About these statistics: sources, bases, the suppression rule and every marker the page
  uses, response rates, quality notes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..councils import council_label
from ..i18n import translate
from .config import UNSET, PackConfig
from .display import pack_title
from .html import (
    LANGUAGE_NAMES,
    MARKERS,
    esc,
    figure_html,
    html_page,
    html_table,
    synthetic_banner,
)
from .render import RenderedChart
from .summary import key_points, response_rates, summary_text
from .tables import Table
from .workbook import PublishedTable

__all__ = ["PageContext", "SECTIONS", "language_page", "format_date", "topics"]

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

#: what each marker means, as the page's "About these statistics" defines it
MARKER_MEANINGS = {
    "[c]": "confidential: a count (and the shares from it) withheld to protect confidentiality",
    "[x]": "not available: the figure was not collected or cannot be given",
    "[z]": "not applicable: a share of nobody (no members or respondents in the base)",
}

#: the notes that describe bases; the rest are quality notes
BASE_NOTES = ("base", "population", "survey")


@dataclass(frozen=True)
class PageContext:
    """Everything a section may use: the run's settings, the tables (computed and as
    published in this language, in the same order), this language's charts and notes."""

    config: PackConfig
    lang: str
    tables: Sequence[Table]
    published: Sequence[PublishedTable]
    charts: Sequence[RenderedChart]
    notes: Mapping[str, str]

    def t(self, text: str, **values: object) -> str:
        return translate(text, self.lang, **values)


def format_date(iso: str, lang: str) -> str:
    """An ISO date as the page shows it: ``2023-03-01`` -> "1 March 2023" ("1 Mawrth 2023").

    Examples
    --------
    >>> format_date("2023-03-01", "en")
    '1 March 2023'
    """
    day = date.fromisoformat(iso)
    return f"{day.day} {translate(MONTHS[day.month - 1], lang)} {day.year}"


def topics(ctx: PageContext) -> list[tuple[str, list[int]]]:
    """The page's topics in order of first use, each with the positions of its tables."""
    out: dict[str, list[int]] = {}
    for i, table in enumerate(ctx.tables):
        out.setdefault(table.spec.topic or "Other tables", []).append(i)
    return list(out.items())


def _topic_id(position: int) -> str:
    return f"topic-{position + 1}"


def header(ctx: PageContext) -> str:
    others = [x for x in ctx.config.langs if x != ctx.lang]
    switch = "".join(
        f'<p class="lang-switch"><a href="../{x}/index.html" lang="{x}" hreflang="{x}">'
        f"{esc(LANGUAGE_NAMES[x])}</a></p>\n"
        for x in others
    )
    released = (
        format_date(ctx.config.release_date, ctx.lang)
        if ctx.config.release_date
        else ctx.t(UNSET, setting="release_date")
    )
    contact = ctx.config.contact or ctx.t(UNSET, setting="contact")
    return (
        f"<header>\n{switch}{synthetic_banner(ctx.config, ctx.lang)}"
        f"<h1>{esc(pack_title(ctx.config, ctx.lang))}</h1>\n"
        f'<p class="meta">{esc(ctx.t("Release date"))}: {esc(released)}<br>\n'
        f"{esc(ctx.t('Contact'))}: {esc(contact)}</p>\n</header>"
    )


def summary(ctx: PageContext) -> str:
    text = summary_text(ctx.tables, ctx.lang)
    points = key_points(ctx.tables, ctx.lang)
    out = f'<section id="summary">\n<h2>{esc(ctx.t("Summary"))}</h2>\n'
    out += f"<p>{esc(text)}</p>\n" if text else ""
    if points:
        items = "\n".join(
            f'<li>{esc(p.text)} <a href="#{esc(p.table)}">{esc(ctx.t("See the table"))}</a></li>'
            for p in points
        )
        out += f"<h3>{esc(ctx.t('Key points'))}</h3>\n<ul>\n{items}\n</ul>\n"
    workbook = f"diversity_review_{ctx.lang}.xlsx"
    out += f'<p><a href="{workbook}">{esc(ctx.t("Download the tables (Excel)"))}</a></p>\n'
    return out + "</section>"


def contents(ctx: PageContext) -> str:
    items = [
        f'<li><a href="#{_topic_id(i)}">{esc(ctx.t(topic))}</a></li>'
        for i, (topic, _) in enumerate(topics(ctx))
    ]
    items.append(f'<li><a href="#about">{esc(ctx.t("About these statistics"))}</a></li>')
    return (
        f'<nav class="contents" aria-labelledby="contents-heading">\n'
        f'<h2 id="contents-heading">{esc(ctx.t("Contents"))}</h2>\n<ol>\n'
        + "\n".join(items)
        + "\n</ol>\n</nav>"
    )


def _table_block(ctx: PageContext, index: int) -> str:
    table, published = ctx.tables[index], ctx.published[index]
    figures = "\n".join(figure_html(c) for c in ctx.charts if c.table == table.name)
    csv = f"tables/{table.name}.csv"
    return (
        f'<h3 id="{esc(table.name)}">{esc(published.title)}</h3>\n'
        + (f"{figures}\n" if figures else "")
        + f"<details>\n<summary>{esc(ctx.t('Show the table'))}</summary>\n"
        + html_table(
            published.frame, published.title, row_header=1 if _has_council(table) else None
        )
        + (f"\n<p>{esc(ctx.t('Source'))}: {esc(published.source)}</p>" if published.source else "")
        + "\n</details>\n"
        + f'<p><a href="{csv}">{esc(ctx.t("Download this table (CSV)"))}</a></p>'
    )


def _has_council(table: Table) -> bool:
    return "council" in table.frame.columns


def topic_sections(ctx: PageContext) -> str:
    return "\n".join(
        f'<section id="{_topic_id(i)}">\n<h2>{esc(ctx.t(topic))}</h2>\n'
        + "\n".join(_table_block(ctx, k) for k in positions)
        + "\n</section>"
        for i, (topic, positions) in enumerate(topics(ctx))
    )


def markers_used(ctx: PageContext) -> list[str]:
    """The markers any published table of the page shows, in their order of definition."""
    cells = {str(v) for p in ctx.published for v in p.frame.to_numpy().ravel()}
    return [m for m in MARKERS if m in cells]


def _sources(ctx: PageContext) -> str:
    sources = dict.fromkeys(s for p in ctx.published if p.source for s in p.source.split("; "))
    items = "\n".join(f"<li>{esc(s)}</li>" for s in sources)
    return f"<h3>{esc(ctx.t('Sources'))}</h3>\n<ul>\n{items}\n</ul>\n" if sources else ""


def _bases(ctx: PageContext) -> str:
    notes = [ctx.notes[k] for k in BASE_NOTES if k in ctx.notes]
    return f"<h3>{esc(ctx.t('Bases'))}</h3>\n" + "".join(f"<p>{esc(n)}</p>\n" for n in notes)


def _symbols(ctx: PageContext) -> str:
    rule = ctx.notes.get("suppression", "")
    used = markers_used(ctx)
    items = "\n".join(f"<dt>{esc(m)}</dt>\n<dd>{esc(ctx.t(MARKER_MEANINGS[m]))}</dd>" for m in used)
    return (
        f"<h3>{esc(ctx.t('Suppression and symbols'))}</h3>\n"
        + (f"<p>{esc(rule)}</p>\n" if rule else "")
        + (f"<dl>\n{items}\n</dl>\n" if items else "")
    )


def _responses(ctx: PageContext) -> str:
    rates = response_rates(ctx.tables)
    if not rates:
        return ""
    items = "\n".join(
        "<li>"
        + esc(
            ctx.t(
                "{council}: {respondents} of {councillors} councillors answered ({rate}%).",
                council=council_label(r.council_code, r.council, ctx.lang),
                respondents=f"{r.respondents:,}",
                councillors=f"{r.councillors:,}",
                rate=r.percent,
            )
        )
        + "</li>"
        for r in rates
    )
    return f"<h3>{esc(ctx.t('Survey response'))}</h3>\n<ul>\n{items}\n</ul>\n"


def _quality(ctx: PageContext) -> str:
    notes = [n for k, n in ctx.notes.items() if k not in (*BASE_NOTES, "suppression")]
    notes.append(
        ctx.t(
            "Percentages are rounded to one decimal place, so they may not add up to 100 and "
            "a change may differ slightly from the difference of the rounded shares."
        )
    )
    return f"<h3>{esc(ctx.t('Quality'))}</h3>\n" + "".join(f"<p>{esc(n)}</p>\n" for n in notes)


def about(ctx: PageContext) -> str:
    return (
        f'<section id="about">\n<h2>{esc(ctx.t("About these statistics"))}</h2>\n'
        + _sources(ctx)
        + _bases(ctx)
        + _symbols(ctx)
        + _responses(ctx)
        + _quality(ctx)
        + "</section>"
    )


#: the page, top to bottom (the header sits outside ``<main>``)
SECTIONS: tuple[Callable[[PageContext], str], ...] = (summary, contents, topic_sections, about)


def language_page(ctx: PageContext) -> str:
    """The pack's page in ``ctx.lang``."""
    body = "\n".join(part for part in (section(ctx) for section in SECTIONS) if part)
    title = pack_title(ctx.config, ctx.lang)
    return html_page(title, f"{header(ctx)}\n<main>\n{body}\n</main>", ctx.lang)
