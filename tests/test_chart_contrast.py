"""Chart colours meet WCAG 2.2 AA on the white background: text 4.5:1, graphics 3:1.

Computed from the palette the charts use, and from the text of every SVG the sample pack
draws (SVG text is kept as text, so its colour and font can be read back)."""

from __future__ import annotations

import re

import pytest

from diversity_review import charts
from page_check import contrast

WHITE = "#ffffff"


def test_every_palette_colour_is_a_visible_graphic():
    for colour in (*charts.PALETTE, charts.CONTEXT_GREY, charts.HIGHLIGHT):
        assert contrast(colour, WHITE) >= 3.0, colour


def test_colours_used_for_labels_are_readable_text():
    # the two series' colours label their own points (years, "Population"); the highlight
    # colour labels Wales
    for colour in (*charts.TWO_SERIES, charts.HIGHLIGHT):
        assert contrast(colour, WHITE) >= 4.5, colour


def test_svg_keeps_text_as_text_in_a_named_font():
    assert charts.STYLE["svg.fonttype"] == "none"
    assert charts.STYLE["font.sans-serif"] == ["DejaVu Sans"]


def _svg_text_colours(svg: str) -> set[str]:
    colours = set()
    for style in re.findall(r'<text[^>]*style="([^"]*)"', svg):
        found = re.search(r"fill:\s*(#[0-9a-fA-F]{6})", style)
        colours.add(found.group(1) if found else "#000000")  # SVG's default fill is black
    return colours


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_text_of_every_chart_is_at_aa_contrast(sample_pack, lang):
    svgs = sorted((sample_pack / lang / "charts").glob("*.svg"))
    assert svgs
    for path in svgs:
        svg = path.read_text(encoding="utf-8")
        assert "<text" in svg and "DejaVu Sans" in svg, path.name
        for colour in _svg_text_colours(svg):
            assert contrast(colour, WHITE) >= 4.5, (path.name, colour)
