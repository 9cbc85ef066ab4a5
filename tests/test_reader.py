import openpyxl
import pytest

from diversity_review.errors import DataError
from diversity_review.load.grid import cell_ref, read_grids
from helpers import write_csv


def test_cell_ref():
    assert cell_ref(0, 0) == "A1"
    assert cell_ref(6, 2) == "C7"
    assert cell_ref(9, 27) == "AB10"


def test_merged_header_fills_its_range(tmp_path):
    path = tmp_path / "m.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2022"
    ws["B1"] = "Gender"
    ws.merge_cells("B1:C1")
    ws["B2"], ws["C2"] = "Female", "Male"
    wb.save(path)
    (grid,) = read_grids(path)
    assert grid.rows[0] == [None, "Gender", "Gender"]
    assert grid.sheet == "2022"


def test_formula_without_saved_result_is_flagged(tmp_path):
    path = tmp_path / "f.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["A2"] = 1, "=A1*2"
    wb.save(path)
    (grid,) = read_grids(path)
    assert grid.formula_blanks == {(1, 0)}


def test_a_grid_is_frozen(tmp_path):
    (grid,) = read_grids(write_csv(tmp_path / "g.csv", [["a", "b"], [1, 2]]))
    with pytest.raises(AttributeError):
        grid.sheet = "other"  # type: ignore[misc]
    assert (grid.n_rows, grid.n_cols) == (2, 2)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_encodings(tmp_path, encoding):
    path = tmp_path / "s.csv"
    path.write_bytes("Council;Sex\nYnys Môn;Benyw\n".encode(encoding))
    (grid,) = read_grids(path)
    assert grid.rows == [["Council", "Sex"], ["Ynys Môn", "Benyw"]]


#: files no reader can use: (bytes, name, what the message says, its code)
BAD_FILES = [
    (b"", "empty.xlsx", "empty", "empty-file"),
    (
        b"Council,Female\nCardiff,30\n",
        "csv.xlsx",
        "named .xlsx but is a text (CSV) file",
        "wrong-format",
    ),
    (b"PK\x03\x04\x14\x00\x00\x00broken", "cut.xlsx", "truncated", "damaged-file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "chart.png", "cannot read .png", "unsupported-format"),
]


@pytest.mark.parametrize("content, name, fragment, code", BAD_FILES)
def test_bad_files_give_one_clear_error(tmp_path, content, name, fragment, code):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataError) as info:
        read_grids(path)
    assert fragment in str(info.value)
    assert str(info.value).startswith(name)
    assert "\n" not in str(info.value)
    assert info.value.codes == [code]


def test_missing_file_and_sheet(tmp_path):
    with pytest.raises(DataError) as info:
        read_grids(tmp_path / "nowhere.xlsx")
    assert info.value.codes == ["file-not-found"]
    path = tmp_path / "b.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "2022"
    wb.save(path)
    with pytest.raises(DataError, match="no sheet named '2017'; the sheets are '2022'") as info:
        read_grids(path, ["2017"])
    assert info.value.codes == ["no-such-sheet"]


def test_truncated_real_workbook(tmp_path):
    path = tmp_path / "t.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "x"
    wb.save(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DataError, match="truncated or damaged"):
        read_grids(path)
