"""The pack's workbooks to the GSS spreadsheet guidance, read back with openpyxl."""

from __future__ import annotations

import math
import re

import openpyxl
import pandas as pd
import pytest

from diversity_review.pack import PackConfig
from diversity_review.pack.workbook import PublishedTable, language_workbook

HEADER_ROW_MARK = "Council code"


def _book(pack, lang):
    return openpyxl.load_workbook(pack / lang / f"diversity_review_{lang}.xlsx")


def _header_row(ws) -> int:
    """The row of the table's column headings: the first whose A cell is the council code."""
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value in ("Council code", "Cod y cyngor"):
            return row[0].row
    raise AssertionError(f"{ws.title}: no header row")


def _columns(ws):
    """(header, [data cells]) for each column of the sheet's table."""
    top = _header_row(ws)
    out = []
    for col in ws.iter_cols(min_row=top, max_row=ws.max_row):
        if col[0].value is not None:
            out.append((str(col[0].value), [c for c in col[1:] if c.value is not None]))
    return out


def test_every_table_starts_at_a1_with_its_title_above_the_headings(sample_pack):
    book = _book(sample_pack, "en")
    for ws in book.worksheets[3:]:
        assert isinstance(ws["A1"].value, str) and ws["A1"].value, ws.title
        assert _header_row(ws) > 1


def test_number_columns_have_number_formats_and_percentages_one_decimal(sample_pack):
    book = _book(sample_pack, "en")
    percent_columns = 0
    for ws in book.worksheets[3:]:
        for header, cells in _columns(ws):
            numbers = [c for c in cells if isinstance(c.value, int | float)]
            for cell in numbers:
                assert cell.number_format != "General", (ws.title, header)
                assert cell.alignment.horizontal == "right", (ws.title, header)
            if header.endswith("(%)") and numbers:
                percent_columns += 1
                assert {c.number_format for c in numbers} == {"#,##0.0"}, (ws.title, header)
            if header in ("Count", "Base", "Seats", "Wards", "Stood", "Elected") and numbers:
                assert {c.number_format for c in numbers} == {"#,##0"}, (ws.title, header)
            # markers in a number column sit right-aligned like the numbers
            markers = [c for c in cells if c.value in ("[c]", "[x]", "[z]")]
            if numbers:
                assert all(c.alignment.horizontal == "right" for c in markers), (ws.title, header)
    assert percent_columns > 20


def test_shares_carry_their_unit_in_the_header(sample_pack):
    book = _book(sample_pack, "en")
    change = book["change_sex_2017_2022"]
    headers = [h for h, _ in _columns(change)]
    assert "Women 2017 (%)" in headers and "Women 2022 (%)" in headers
    for ws in book.worksheets[3:]:
        for header, _ in _columns(ws):
            if re.search(r"\b(Share|Women|limit)\b", header):
                assert header.endswith("(%)"), (ws.title, header)


def test_titles_capitalise_welsh(sample_pack):
    book = _book(sample_pack, "en")
    titles = [ws["A1"].value for ws in book.worksheets[3:]]
    assert any("by Welsh language" in t for t in titles)
    assert not any(re.search(r"\bwelsh\b", t) for t in titles)


def test_the_welsh_workbook_has_welsh_sheet_names_headings_and_notes(sample_pack):
    en, cy = _book(sample_pack, "en"), _book(sample_pack, "cy")
    assert cy.sheetnames[:3] == ["Clawr", "Cynnwys", "Nodiadau"]
    assert len(cy.sheetnames) == len(en.sheetnames) == len(set(cy.sheetnames))
    assert not set(cy.sheetnames) & set(en.sheetnames[3:])
    assert cy.sheetnames[3] == "cynghorwyr_rhyw_2022"
    for en_name, cy_name in zip(en.sheetnames[3:], cy.sheetnames[3:], strict=True):
        assert len(cy_name) <= 31
        # a sheet shortened to fit keeps its years
        assert re.findall(r"\d{4}", cy_name) == re.findall(r"\d{4}", en_name), cy_name
    notes = cy["Nodiadau"]
    assert notes["A3"].value == "Rhif y nodyn"
    titles = [ws["A1"].value for ws in cy.worksheets[3:]]
    assert any("[nodyn 1]" in t for t in titles)
    assert not any("[note" in t for t in titles)
    assert "Grŵp" in [h for h, _ in _columns(cy["cynghorwyr_rhyw_2022"])]


def _cover_text(ws) -> list[str]:
    return [str(r[0].value) for r in ws.iter_rows(min_col=1, max_col=1) if r[0].value]


def test_the_cover_has_title_summary_source_release_date_and_contact(tmp_path):
    config = PackConfig(release_date="2023-03-01", contact="stats@example.org")
    table = PublishedTable(
        "women",
        "Women councillors",
        pd.DataFrame({"Council": ["Cardiff"], "Share (%)": [39.2]}),
        source="Adolygiad CLlLC; Cyfrifiad 2021",  # as the pack gives it, in the language
    )
    summary = ["In 2022, 39.2% of councillors in Cardiff were women."]
    path = language_workbook(
        [table],
        tmp_path / "w.xlsx",
        lang="cy",
        config=config,
        notes={},
        legend=(),
        version="0",
        summary=summary,
        released="1 Mawrth 2023",
    )
    cover = openpyxl.load_workbook(path)["Clawr"]
    text = _cover_text(cover)
    assert text[0] == "Amrywiaeth cynghorwyr yng Nghymru"
    assert summary[0] in text
    assert "Dyddiad cyhoeddi: 1 Mawrth 2023" in text
    assert "stats@example.org" in text
    assert "Ffynhonnell: Adolygiad CLlLC; Cyfrifiad 2021" in text
    assert "Cyswllt" in text and "Contact" not in text


def test_cover_rows_are_tall_enough_for_their_wrapped_text(sample_pack):
    cover = _book(sample_pack, "en")["Cover"]
    width = cover.column_dimensions["A"].width
    for (cell,) in cover.iter_rows(min_col=1, max_col=1):
        if not cell.value:
            continue
        size = cell.font.sz or 12
        # at least one line of the cell's font per `width` characters of text
        lines = math.ceil(len(str(cell.value)) / width)
        height = cover.row_dimensions[cell.row].height
        assert height is not None and height >= lines * size, (cell.row, cell.value)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_csvs_open_in_excel_as_utf8(sample_pack, lang):
    for path in (sample_pack / lang / "tables").glob("*.csv"):
        assert path.read_bytes()[:3] == b"\xef\xbb\xbf", path.name
