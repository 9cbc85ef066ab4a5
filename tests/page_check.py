"""An offline accessibility and validity check of an HTML page, for the tests.

No headless browser (and so no axe-core) runs in the tests here, so this checks, with the
standard library's ``html.parser`` and html5lib's strict HTML5 parser, the rules of WCAG 2.2
that a page's markup alone decides:

- the page parses as HTML5 with no parse error (html5lib, strict) and has a doctype;
- ``<html lang>`` is set; the page has a ``<title>``, exactly one ``<h1>`` and headings that
  never skip a level going down;
- every ``<img>`` has a non-empty ``alt``, and no two images share one;
- every ``<th>`` has a ``scope``, every ``<table>`` a ``<caption>``;
- every link has text and every ``href="#id"`` an element with that id; ids are unique;
- every ``aria-describedby`` / ``aria-labelledby`` names an id of the page;
- every colour the style sheet sets on text (``color``) has at least 4.5:1 contrast against
  the page's background.

:func:`problems` returns one line per breach (an empty list for a page that passes).
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import html5lib

VOID = {"meta", "link", "img", "br", "hr", "input", "source", "area", "base", "col", "wbr"}


def luminance(hex_colour: str) -> float:
    """WCAG 2.2 relative luminance of a ``#rrggbb`` or ``#rgb`` colour."""
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[int] = []
        self.images: list[dict[str, str | None]] = []
        self.ths: list[dict[str, str | None]] = []
        self.tables = 0
        self.captions = 0
        self.ids: list[str] = []
        self.refs: list[tuple[str, str]] = []  # (attribute, id)
        self.links: list[tuple[str, str]] = []  # (href, text)
        self.lang: str | None = None
        self.title = ""
        self.style = ""
        self._link: list[str] | None = None
        self._href = ""
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in VOID:
            self._in.append(tag)
        if a.get("id"):
            self.ids.append(a["id"])
        for attr in ("aria-describedby", "aria-labelledby"):
            for ref in (a.get(attr) or "").split():
                self.refs.append((attr, ref))
        if tag == "html":
            self.lang = a.get("lang")
        elif re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "img":
            self.images.append(a)
        elif tag == "th":
            self.ths.append(a)
        elif tag == "table":
            self.tables += 1
        elif tag == "caption":
            self.captions += 1
        elif tag == "a" and "href" in a:
            self._link, self._href = [], a["href"] or ""
        if self._link is not None and tag == "img" and a.get("alt"):
            self._link.append(a["alt"])

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append((self._href, "".join(self._link).strip()))
            self._link = None
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if self._link is not None:
            self._link.append(data)
        if self._in and self._in[-1] == "title":
            self.title += data
        if self._in and self._in[-1] == "style":
            self.style += data


def _parse_errors(page: str) -> list[str]:
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(page)
    return [f"HTML5 parse error {code} at line {line}" for (line, _), code, _ in parser.errors]


def _colour_problems(style: str) -> list[str]:
    body = re.search(r"body\{([^}]*)\}", style)
    background = "#ffffff"
    if body:
        found = re.search(r"background(?:-color)?:\s*(#[0-9a-fA-F]{3,6})", body.group(1))
        background = found.group(1) if found else background
    out = []
    for colour in re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", style):
        ratio = contrast(colour, background)
        if ratio < 4.5:
            out.append(f"text colour {colour} has contrast {ratio:.2f}:1 on {background}")
    return out


def _heading_problems(levels: list[int]) -> list[str]:
    out = []
    if levels.count(1) != 1:
        out.append(f"{levels.count(1)} h1 headings (want exactly one)")
    if levels and levels[0] != 1:
        out.append(f"the first heading is h{levels[0]}, not h1")
    for before, after in zip(levels, levels[1:], strict=False):
        if after > before + 1:
            out.append(f"heading h{after} follows h{before} (skips a level)")
    return out


def problems(page: str) -> list[str]:
    """Every accessibility or validity breach of ``page`` found, one line each."""
    out = _parse_errors(page)
    if not page.lstrip().lower().startswith("<!doctype html>"):
        out.append("no <!DOCTYPE html>")
    c = _Collector()
    c.feed(page)
    if not c.lang:
        out.append("<html> has no lang")
    if not c.title.strip():
        out.append("no <title>")
    out += _heading_problems(c.headings)
    alts = [str(img.get("alt") or "").strip() for img in c.images]
    out += [
        f"<img src={img.get('src')!r}> has no alt"
        for img, a in zip(c.images, alts, strict=True)
        if not a
    ]
    out += [f"{n} images share the alt {a!r}" for a, n in Counter(alts).items() if a and n > 1]
    out += [f"<th> without scope: {th}" for th in c.ths if th.get("scope") not in ("col", "row")]
    if c.captions < c.tables:
        out.append(f"{c.tables - c.captions} tables without a caption")
    out += [f"id {i!r} used {n} times" for i, n in Counter(c.ids).items() if n > 1]
    ids = set(c.ids)
    out += [f"link to {h!r} has no text" for h, text in c.links if not text]
    out += [
        f"link to {h!r}: no such id" for h, _ in c.links if h.startswith("#") and h[1:] not in ids
    ]
    out += [f"{attr}={ref!r}: no such id" for attr, ref in c.refs if ref not in ids]
    return out + _colour_problems(c.style)
