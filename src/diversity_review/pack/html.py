"""The pack's HTML building blocks: the page shell and its style, tables, figures, the index.

Pages have no scripts and no remote assets, so they open from disk with no network. Every
chart is an image with a short alt (its title) pointing to its full description, shown as a
visible caption so a screen reader hears it once, not twice. What a language's page holds, and
in which order, is :mod:`.page`.
"""

from __future__ import annotations

import html

import pandas as pd

from .config import PackConfig
from .display import NOT_APPLICABLE, NOT_AVAILABLE, SUPPRESSED, pack_title, synthetic_notice
from .render import RenderedChart

__all__ = [
    "STYLE",
    "LANGUAGE_NAMES",
    "MARKERS",
    "esc",
    "html_page",
    "html_table",
    "figure_html",
    "root_index",
    "synthetic_banner",
]

#: text #0b0c0c and #3d3d3d and links #1d4f91 on white: 19.0, 11.0 and 8.3 to 1 (WCAG AA is 4.5)
STYLE = (
    "body{font-family:Arial,Helvetica,sans-serif;max-width:60rem;margin:2rem auto;"
    "padding:0 1rem;color:#0b0c0c;background:#ffffff;line-height:1.5}"
    "a{color:#1d4f91}a:focus{outline:3px solid #0b0c0c;outline-offset:2px}"
    "img{max-width:100%;height:auto}figure{margin:1.5rem 0}figcaption{color:#3d3d3d}"
    ".meta{color:#3d3d3d}.lang-switch{text-align:right}"
    "table{border-collapse:collapse;margin:1rem 0}"
    "th,td{border:1px solid #6f777b;padding:.25rem .5rem;text-align:left;vertical-align:top}"
    "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}"
    "caption{text-align:left;font-weight:bold}details{margin:.5rem 0 1rem}"
    "summary{cursor:pointer;color:#1d4f91;text-decoration:underline}"
    "dt{font-weight:bold}.synthetic{border:4px solid #0b0c0c;padding:1rem;font-weight:bold}"
    "@media print{.lang-switch,nav.contents{display:none}body{max-width:none;margin:0}"
    "figure,table{break-inside:avoid}h2,h3{break-after:avoid}"
    'a[href$=".csv"]::after,a[href$=".xlsx"]::after{content:" (" attr(href) ")"}}'
)
LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg"}
MARKERS = (SUPPRESSED, NOT_AVAILABLE, NOT_APPLICABLE)
NUM = ' class="num"'


def esc(text: object) -> str:
    """Text escaped for HTML content and attribute values."""
    return html.escape(str(text))


def html_page(title: str, body: str, lang: str) -> str:
    """A small self-contained HTML page (no scripts, no remote assets)."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>{STYLE}</style>\n"
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _numeric_columns(frame: pd.DataFrame) -> list[bool]:
    """A column is a number column when any of its cells is a number (markers aside)."""
    return [any(_is_number(v) for v in frame.iloc[:, i]) for i in range(frame.shape[1])]


def _cell(value: object, numeric: bool, header: bool) -> str:
    text = "" if _missing(value) else str(value)
    if isinstance(value, int) and not isinstance(value, bool):
        text = f"{value:,}"  # thousands separators, as in the workbook
    cls = NUM if numeric else ""
    if header:
        return f'<th scope="row"{cls}>{esc(text)}</th>'
    return f"<td{cls}>{esc(text)}</td>"


def html_table(frame: pd.DataFrame, caption: str, *, row_header: int | None = None) -> str:
    """An escaped HTML table: a caption, column headers (``scope="col"``), the cells of column
    ``row_header`` as row headers (``scope="row"``); numbers and the markers in number columns
    are right-aligned."""
    numeric = _numeric_columns(frame)
    head = "".join(
        f'<th scope="col"{NUM if n else ""}>{esc(c)}</th>'
        for c, n in zip(frame.columns, numeric, strict=True)
    )
    rows = [
        "<tr>"
        + "".join(
            _cell(v, n, i == row_header)
            for i, (v, n) in enumerate(zip(values, numeric, strict=True))
        )
        + "</tr>"
        for values in frame.itertuples(index=False)
    ]
    return (
        f"<table>\n<caption>{esc(caption)}</caption>\n<thead><tr>{head}</tr></thead>\n"
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )


def figure_html(chart: RenderedChart) -> str:
    """A chart as a figure: the image (alt: its title) and its description as the caption."""
    return (
        f'<figure>\n<img src="charts/{esc(chart.png)}" alt="{esc(chart.title)}" '
        f'aria-describedby="desc-{esc(chart.stem)}">\n'
        f'<figcaption id="desc-{esc(chart.stem)}">{esc(chart.alt)}</figcaption>\n</figure>'
    )


def synthetic_banner(config: PackConfig, lang: str) -> str:
    """A banner no reader can miss on a pack of synthetic sample data (nothing otherwise)."""
    if not config.synthetic:
        return ""
    return f'<p role="note" class="synthetic">{esc(synthetic_notice(lang))}</p>\n'


def root_index(config: PackConfig) -> str:
    """The top-level page linking each language's page."""
    items = "\n".join(
        f'<li><a href="{lang}/index.html" lang="{lang}" hreflang="{lang}">'
        f"{LANGUAGE_NAMES[lang]}: {esc(pack_title(config, lang))}</a></li>"
        for lang in config.langs
    )
    title = pack_title(config, "en")
    body = (
        f"<main>\n{synthetic_banner(config, 'en')}<h1>{esc(title)}</h1>\n"
        f"<ul>\n{items}\n</ul>\n</main>"
    )
    return html_page(title, body, "en")
