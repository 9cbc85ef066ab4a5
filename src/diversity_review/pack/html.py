"""The pack's HTML: one self-contained page per language and the index linking them.

Pages have no scripts and no remote assets; every chart is an image with a short alt (its
title) pointing to its full description, shown as a visible caption so a screen reader hears
it once, not twice.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from ..i18n import translate
from .config import PackConfig
from .display import pack_title, synthetic_notice
from .render import RenderedChart

__all__ = ["html_page", "html_table", "figure_html", "language_page", "root_index"]

_STYLE = (
    "body{font-family:Arial,Helvetica,sans-serif;max-width:60rem;margin:2rem auto;"
    "padding:0 1rem;color:#0b0c0c;line-height:1.5}img{max-width:100%;height:auto}"
    "figure{margin:2rem 0}figcaption{color:#3d3d3d}table{border-collapse:collapse;"
    "margin:1rem 0}th,td{border:1px solid #bfbfbf;padding:.25rem .5rem;text-align:left}"
    "td.num{text-align:right}caption{text-align:left;font-weight:bold}"
)
_LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg"}


def html_page(title: str, body: str, lang: str) -> str:
    """A small self-contained HTML page (no scripts, no remote assets)."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>{_STYLE}</style>\n"
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _cell(value: object) -> str:
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    cls = ' class="num"' if numeric else ""
    return f"<td{cls}>{html.escape(text)}</td>"


def html_table(frame: pd.DataFrame, caption: str) -> str:
    """An escaped HTML table with a caption and header cells marked up for screen readers."""
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in frame.columns)
    rows = [
        "<tr>" + "".join(_cell(v) for v in values) + "</tr>"
        for values in frame.itertuples(index=False)
    ]
    return (
        f"<table>\n<caption>{html.escape(caption)}</caption>\n<thead><tr>{head}</tr></thead>\n"
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )


def figure_html(chart: RenderedChart) -> str:
    """A chart as a figure: the image (alt: its title) and its description as the caption."""
    return (
        f'<figure>\n<img src="charts/{html.escape(chart.png)}" alt="{html.escape(chart.title)}" '
        f'aria-describedby="desc-{chart.stem}">\n'
        f'<figcaption id="desc-{chart.stem}">{html.escape(chart.alt)}</figcaption>\n</figure>'
    )


def language_page(
    config: PackConfig,
    lang: str,
    *,
    notes: Mapping[str, str],
    charts: Iterable[RenderedChart],
    tables: Sequence[tuple[str, pd.DataFrame]],
) -> str:
    """The pack's page in ``lang``: title, notes, workbook link, the charts, then the tables."""
    title = pack_title(config, lang)
    body = (
        _synthetic_banner(config, lang)
        + f"<h1>{html.escape(title)}</h1>\n"
        + "".join(f"<p>{html.escape(text)}</p>\n" for text in notes.values())
        + f'<p><a href="diversity_review_{lang}.xlsx">'
        f"{html.escape(translate('Download the tables (Excel)', lang))}</a></p>\n"
        f"<h2>{html.escape(translate('Charts', lang))}</h2>\n"
        + "\n".join(figure_html(c) for c in charts)
        + "\n"
        f"<h2>{html.escape(translate('Tables', lang))}</h2>\n"
        + "\n".join(html_table(frame, caption) for caption, frame in tables)
    )
    return html_page(title, body, lang)


def _synthetic_banner(config: PackConfig, lang: str) -> str:
    """A banner no reader can miss on a pack of synthetic sample data (nothing otherwise)."""
    if not config.synthetic:
        return ""
    return (
        '<p role="note" style="border:4px solid #0b0c0c;padding:1rem;font-weight:bold">'
        f"{html.escape(synthetic_notice(lang))}</p>\n"
    )


def root_index(config: PackConfig) -> str:
    """The top-level page linking each language's page."""
    items = "\n".join(
        f'<li><a href="{lang}/index.html" lang="{lang}">{_LANGUAGE_NAMES[lang]}: '
        f"{html.escape(pack_title(config, lang))}</a></li>"
        for lang in config.langs
    )
    title = pack_title(config, "en")
    body = _synthetic_banner(config, "en") + f"<h1>{html.escape(title)}</h1>\n<ul>\n{items}\n</ul>"
    return html_page(title, body, "en")
