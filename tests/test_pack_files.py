"""Writing published files: neutralised text, deterministic workbooks, an atomic folder."""

import time

import openpyxl
import pandas as pd
import pytest

from diversity_review.pack.files import atomic_folder, neutralise, sha256, write_csv
from diversity_review.pack.workbook import PublishedTable, write_workbook


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+1", "'=1+1"),
        ("+44 29", "'+44 29"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Cardiff", "Cardiff"),
        (-3, -3),
        (None, None),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_csv_neutralises_text_but_not_numbers(tmp_path):
    frame = pd.DataFrame({"council": ["=HYPERLINK(1)", "Cardiff"], "gap_pp": [-3.5, 2.0]})
    path = write_csv(frame, tmp_path / "t.csv")
    text = path.read_text(encoding="utf-8-sig")
    assert text.splitlines() == ["council,gap_pp", "'=HYPERLINK(1),-3.5", "Cardiff,2.0"]


def test_csv_starts_with_a_byte_order_mark_for_excel(tmp_path):
    frame = pd.DataFrame({"Grŵp": ["Ynys Môn"]})
    data = write_csv(frame, tmp_path / "t.csv").read_bytes()
    assert data[:3] == b"\xef\xbb\xbf"
    assert data[3:].decode("utf-8") == "Grŵp\nYnys Môn\n"


def _workbook(path):
    table = PublishedTable(
        "women",
        "Women councillors by council",
        pd.DataFrame({"Council": ["=cmd|' /C calc'!A0", "Cardiff"], "Women": ["[c]", 30]}),
        source="synthetic sample",
    )
    return write_workbook(
        [table], path, title="Pack", intro=["Intro"], about=["About"], notes={"[c]": "Suppressed"}
    )


def test_workbook_keeps_formula_text_as_text_and_has_cover(tmp_path):
    path = _workbook(tmp_path / "w.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Cover", "Contents", "Notes", "women"]
    assert book["Cover"]["A1"].value == "Pack"
    cells = {c.value: c for row in book["women"].iter_rows() for c in row if c.value is not None}
    formula_like = cells["=cmd|' /C calc'!A0"]
    assert formula_like.data_type == "s"
    assert "[c]" in cells


def test_workbook_is_byte_identical_across_runs(tmp_path):
    first = _workbook(tmp_path / "a.xlsx")
    time.sleep(1.1)  # a timestamp in the file would now differ
    second = _workbook(tmp_path / "b.xlsx")
    assert sha256(first) == sha256(second)


def test_atomic_folder_replaces_only_on_success(tmp_path):
    out = tmp_path / "pack"
    out.mkdir()
    (out / ".gitkeep").write_text("", encoding="utf-8")
    with atomic_folder(out) as tmp:
        (tmp / "en").mkdir()
        (tmp / "en" / "a.csv").write_text("old", encoding="utf-8")
    assert (out / "en" / "a.csv").read_text(encoding="utf-8") == "old"

    with pytest.raises(RuntimeError), atomic_folder(out) as tmp:
        (tmp / "en").mkdir()
        (tmp / "en" / "a.csv").write_text("half", encoding="utf-8")
        raise RuntimeError("chart failed")
    assert (out / "en" / "a.csv").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in out.iterdir()) == [".gitkeep", "en"]

    with atomic_folder(out) as tmp:
        (tmp / "en").mkdir()
        (tmp / "en" / "b.csv").write_text("new", encoding="utf-8")
    assert sorted(p.name for p in (out / "en").iterdir()) == ["b.csv"]
    assert (out / ".gitkeep").exists()
