"""Fixture writers shared by the tests: workbooks and CSV files from rows of values.

Workbooks are written with openpyxl, so formula cells carry no saved results: write values.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path

import openpyxl

Rows = Sequence[Sequence[object]]

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
#: the bundled synthetic samples (made by scripts/make_sample_*.py)
SAMPLE_REVIEW = RAW / "wlga_review_synthetic.xlsx"
SAMPLE_SURVEY = RAW / "member_survey_synthetic.csv"


def write_csv(path: Path, rows: Rows, encoding: str = "utf-8") -> Path:
    """A CSV file of these rows (``csv.writer``'s quoting); returns the path."""
    with Path(path).open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return Path(path)


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """A text file holding exactly ``text``; returns the path."""
    Path(path).write_text(text, encoding=encoding)
    return Path(path)


def write_book(
    path: Path,
    sheets: Mapping[str, Rows] | Rows,
    merges: Mapping[str, Sequence[str]] | None = None,
    *,
    title: str = "Sheet1",
) -> Path:
    """A workbook with these sheets (``{title: rows}``, or one sheet of ``rows`` called
    ``title``) and merged ranges (``{title: ["A1:C1"]}``); returns the path."""
    if not isinstance(sheets, Mapping):
        sheets = {title: sheets}
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(list(row))
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
    book.save(path)
    return Path(path)
