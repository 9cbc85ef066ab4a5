"""The pack's page as a publication: accessible, valid, self-explaining, bilingual.

The accessibility check is :mod:`page_check` (offline: no browser runs in the tests). Key points
are checked against the CSV of the table each links to, read here with the csv module.
"""

from __future__ import annotations

import csv
import re
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest

from diversity_review.pack import PackConfig
from diversity_review.pack.inputs import load_inputs
from diversity_review.pack.page import PageContext, format_date, language_page
from diversity_review.pack.tables import compute_tables
from diversity_review.pack.workbook import PublishedTable
from helpers import SAMPLE_REVIEW
from page_check import contrast, problems

WALES = "W92000004"


def _page(pack: Path, lang: str) -> str:
    return (pack / lang / "index.html").read_text(encoding="utf-8")


def _rows(pack: Path, lang: str, name: str) -> list[dict[str, str]]:
    with open(pack / lang / "tables" / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


class _Items(HTMLParser):
    """The text of each <li> (with the href of its link), the <td>s and the <dt>s."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, str]] = []
        self.cells: list[tuple[str, str]] = []  # (class, text) of td/th in tbody
        self.terms: list[str] = []
        self._tag: str | None = None
        self._text: list[str] = []
        self._attr = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("li", "td", "dt"):
            self._tag, self._text, self._attr = tag, [], a.get("class") or ""
        elif tag == "a" and self._tag == "li":
            self._attr = a.get("href") or ""

    def handle_endtag(self, tag):
        if tag != self._tag:
            return
        text = "".join(self._text).strip()
        if tag == "li":
            self.items.append((text, self._attr))
        elif tag == "td":
            self.cells.append((self._attr, text))
        else:
            self.terms.append(text)
        self._tag = None

    def handle_data(self, data):
        if self._tag:
            self._text.append(data)


def _items(page: str) -> _Items:
    parsed = _Items()
    parsed.feed(page)
    return parsed


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_page_passes_the_accessibility_and_validity_check(sample_pack, lang):
    assert problems(_page(sample_pack, lang)) == []


def test_the_index_linking_the_languages_passes_the_check(sample_pack):
    page = (sample_pack / "index.html").read_text(encoding="utf-8")
    assert problems(page) == []
    assert 'href="en/index.html"' in page and 'href="cy/index.html"' in page


def test_the_checker_finds_what_it_checks():
    bad = (
        "<html><head><style>body{background:#ffffff}p{color:#999999}</style></head><body>"
        '<h2>x</h2><h4>y</h4><img src="a.png"><img src="b.png" alt="t"><img src="c.png" alt="t">'
        '<table><tr><th>h</th></tr></table><a href="#nowhere"></a><p id="d"></p><p id="d"></p>'
        "</body></html>"
    )
    found = "\n".join(problems(bad))
    for expected in (
        "DOCTYPE",
        "no lang",
        "no <title>",
        "0 h1",
        "h4 follows h2",
        "'a.png'> has no alt",
        "2 images share the alt 't'",
        "without scope",
        "without a caption",
        "id 'd' used 2 times",
        "has no text",
        "no such id",
        "#999999 has contrast 2.85:1",
    ):
        assert expected in found, expected


def test_contrast_matches_the_wcag_reference_values():
    # WCAG's own extremes, and #767676 on white, the lightest grey that passes AA (4.54:1)
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_marker_the_page_uses_is_defined_on_it(sample_pack, lang):
    page = _page(sample_pack, lang)
    defined = set(_items(page).terms)
    used = set(re.findall(r"\[[cxz]\]", page))
    assert used, "the sample pack shows markers"
    assert used <= defined


def test_c_sits_right_aligned_in_number_columns(sample_pack):
    cells = _items(_page(sample_pack, "en")).cells
    hidden = [cls for cls, text in cells if text == "[c]"]
    assert hidden and all(cls == "num" for cls in hidden)
    # and a number column's numbers too
    assert all(cls == "num" for cls, text in cells if re.fullmatch(r"[\d,]+(\.\d)?", text))


@pytest.mark.parametrize(("lang", "other"), [("en", "cy"), ("cy", "en")])
def test_each_language_links_to_the_other(sample_pack, lang, other):
    page = _page(sample_pack, lang)
    assert f'href="../{other}/index.html"' in page
    assert f'<html lang="{lang}">' in page
    assert (sample_pack / other / "index.html").is_file()


def test_key_points_say_what_their_tables_publish(sample_pack):
    points = [(t, h) for t, h in _items(_page(sample_pack, "en")).items if h.startswith("#")]
    points = [(t, h) for t, h in points if not h.startswith("#topic") and h != "#about"]
    population = {
        (r["Measure"], r["Group"]): r
        for r in _rows(sample_pack, "en", "population_comparison_2022")
        if r["Council code"] == WALES
    }
    expected = {
        "women": population["Sex", "Female"],
        "ethnic minority": population["Ethnicity", "Ethnic minority"],
        "disabled": population["Disability", "Disabled"],
        "spoke Welsh": population["Welsh language", "Welsh speaker"],
    }
    checked = 0
    for words, row in expected.items():
        said = [t for t, h in points if words in t and h == "#population_comparison_2022"]
        if row["Share (%)"] == "[c]":  # a suppressed figure is never put in words
            assert said == [], words
            continue
        assert len(said) == 1, words
        assert f"{row['Share (%)']}% of councillors" in said[0]
        assert f"{row['Population share (%)']}% of the population" in said[0]
        checked += 1
    change = next(
        r for r in _rows(sample_pack, "en", "change_sex_2017_2022") if r["Council code"] == WALES
    )
    roles = {
        r["Role"]: r["Share (%)"]
        for r in _rows(sample_pack, "en", "roles_2022")
        if r["Council code"] == WALES and r["Group"] == "Female"
    }
    for text, href in points:
        if href == "#change_sex_2017_2022":
            before, after = change["Women 2017 (%)"], change["Women 2022 (%)"]
            assert f"{before}% of councillors in 2017 and {after}% in 2022" in text
            checked += 1
        if href == "#roles_2022":
            assert f"{roles['Executive']}% of executive members" in text
            assert f"{roles['Leader']}% of council leaders" in text
            checked += 1
    assert checked == len(points) >= 5


def test_sections_hold_chart_collapsible_table_and_download(sample_pack):
    page = _page(sample_pack, "en")
    section = page[page.index('<h3 id="roles_2022">') :]
    section = section[: section.index("<h3", 5)]
    assert 'src="charts/roles_2022.png"' in section
    assert "<details>" in section and "<caption>" in section
    assert 'href="tables/roles_2022.csv"' in section
    assert (sample_pack / "en" / "tables" / "roles_2022.csv").is_file()
    for heading in ("Summary", "Key points", "Contents", "About these statistics", "Sources"):
        assert f">{heading}</h" in page, heading
    assert "@media print" in page
    assert "http://" not in page and "https://" not in page  # opens from disk, no network


def test_the_page_is_one_contents_away_from_every_topic(sample_pack):
    page = _page(sample_pack, "en")
    targets = re.findall(r'<li><a href="#(topic-\d+|about)">', page)
    assert targets[-1] == "about" and len(targets) >= 6
    assert all(f'<section id="{t}">' in page for t in targets)


def test_release_date_and_contact_come_from_the_config():
    config = PackConfig(release_date="2023-03-01", contact="stats@example.org", langs=("cy",))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded = load_inputs([SAMPLE_REVIEW], [])
        tables = compute_tables(loaded.counts, None, config)
    published = [PublishedTable(t.name, t.name, t.frame.head(0)) for t in tables]
    page = language_page(PageContext(config, "cy", tables, published, (), {}))
    assert "1 Mawrth 2023" in page and "stats@example.org" in page
    assert format_date("2024-12-25", "en") == "25 December 2024"


def test_a_bad_release_date_is_refused():
    from diversity_review.errors import DataError
    from diversity_review.pack.config import resolve_config

    with pytest.raises(DataError, match="release_date"):
        resolve_config(PackConfig(release_date="1 March"))
