"""``load_review`` against a bare python-calamine read of the same workbook.

Two workbooks: the 22-council synthetic sample, and a generated 4,000-row one (the sample's
2022 table followed by 3,978 rows of numbered notes, as long statistical releases carry;
fixed content, written to a temporary folder). Each run times ``load_review(path)`` and,
alternately, the bare read: ``CalamineWorkbook.from_path`` and ``to_python()`` of every sheet
(no cleaning, no merged ranges, no interpretation). Never part of the tests; run
``python benchmarks/bench_load_review.py``.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

import openpyxl
from _timing import Ratio, median_seconds
from python_calamine import CalamineWorkbook

from diversity_review.errors import row_account
from diversity_review.load.review import load_review

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "raw" / "wlga_review_synthetic.xlsx"
ROWS = 4_000
RUNS = 31  # a load of the sample is a few ms: the median of many pairs is steady


def bare_read(path: Path) -> int:
    """Every sheet's values by calamine, as a bare read gives them; returns the cell count."""
    book = CalamineWorkbook.from_path(str(path))
    return sum(
        len(row) for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python()
    )


def long_workbook(folder: Path, rows: int = ROWS) -> Path:
    """The sample's 2022 sheet, then numbered note rows up to ``rows`` rows in all."""
    source = openpyxl.load_workbook(SAMPLE)["Councillors 2022"]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Councillors 2022"
    for row in source.iter_rows(values_only=True):
        sheet.append(list(row))
    for i in range(sheet.max_row, rows):
        sheet.append([f"Note {i}: figures are as published by the council on its website."])
    path = folder / "review_4000_rows.xlsx"
    book.save(path)
    return path


def _pair(path: Path, runs: int) -> tuple[float, float]:
    load_review(path)  # warm-up: imports, registry, vocabulary
    ours, theirs = [], []
    for _ in range(runs):  # alternate: both see the same machine load
        ours.append(median_seconds(lambda: load_review(path), 1))
        theirs.append(median_seconds(lambda: bare_read(path), 1))
    return statistics.median(ours), statistics.median(theirs)


def ratios(quick: bool = False) -> list[Ratio]:
    runs = 3 if quick else RUNS
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for label, path in (("22 rows", SAMPLE), (f"{ROWS:,} rows", long_workbook(Path(tmp)))):
            ours, theirs = _pair(path, runs)
            rows.append(Ratio(f"load_review {label}", ours, "bare calamine read", theirs, 5.0))
    return rows


def main() -> None:
    counts = load_review(SAMPLE)
    print(f"sample: {SAMPLE.name} ({SAMPLE.stat().st_size:,} bytes), {len(counts)} tidy rows")
    print(f"row account: {row_account(counts)}")
    for row in ratios():
        print(row)


if __name__ == "__main__":
    main()
