"""Each bad review input gives one DataError naming file, sheet and cell, all problems together."""

from __future__ import annotations

import openpyxl
import pytest

from diversity_review.errors import DataError, DataWarning, NoTableError
from diversity_review.load.review import load_review
from helpers import write_book, write_csv
from test_reader import BAD_FILES
from test_review_layouts import HEADER


def problems_of(path, **kwargs) -> list[str]:
    with pytest.raises(DataError) as info:
        load_review(path, **kwargs)
    return info.value.lines()


def codes_and_cells(path, **kwargs) -> list[tuple[str | None, str | None]]:
    with pytest.raises(DataError) as info:
        load_review(path, **kwargs)
    return [(p.code, p.cell) for p in info.value.problems]


def test_unknown_council_with_suggestion(tmp_path):
    path = write_book(tmp_path / "r.xlsx", {"2022": [HEADER, ["Cardif", 79, 31, 48]]})
    (line,) = problems_of(path)
    assert line.startswith("r.xlsx, sheet '2022', cell A2: unknown council 'Cardif'")
    assert "'Cardiff'" in line
    assert codes_and_cells(path) == [("unknown-council", "A2")]


def test_council_twice(tmp_path):
    rows = [HEADER, ["Cardiff", 79, 31, 48], ["Newport", 51, 20, 31], ["Caerdydd", 79, 31, 48]]
    path = write_book(tmp_path / "r.xlsx", {"2022": rows})
    (line,) = problems_of(path)
    assert line == "r.xlsx, sheet '2022', cell A4: Cardiff appears twice (rows 2 and 4)"
    assert codes_and_cells(path) == [("duplicate-council", "A4")]


def test_bad_counts_are_reported_together(tmp_path):
    rows = [
        HEADER,
        ["Cardiff", 79, -1, 48],
        ["Newport", 51, 20.5, 30],
        ["Powys", 68, "about 20", 48],
    ]
    path = write_book(tmp_path / "r.xlsx", {"2022": rows})
    lines = problems_of(path)
    assert len(lines) == 3
    assert codes_and_cells(path) == [
        ("negative-count", "C2"),
        ("fractional-count", "C3"),
        ("text-in-count", "C4"),
    ]
    assert lines[0].startswith("r.xlsx, sheet '2022', cell C2: Female: negative count -1")
    assert lines[1].startswith("r.xlsx, sheet '2022', cell C3: Female: fractional count 20.5")
    assert lines[2].startswith("r.xlsx, sheet '2022', cell C4: Female: text 'about 20'")


def test_groups_adding_up_to_more_than_the_seats(tmp_path):
    rows = [HEADER, ["Cardiff", 79, 40, 48]]
    path = write_book(tmp_path / "r.xlsx", {"2022": rows})
    (line,) = problems_of(path)
    assert line == (
        "r.xlsx, sheet '2022', row 2: the sex groups add up to 88 (C2, D2), more than the 79 seats"
    )
    assert codes_and_cells(path) == [("count-over-base", "row 2")]  # 40 + 48 = 88 > 79


def test_seats_column_missing_and_nothing_to_stand_in(tmp_path):
    rows = [["Council", "White", "Ethnic minority"], ["Cardiff", 70, 9]]
    path = write_book(tmp_path / "r.xlsx", {"2017": rows})
    (line,) = problems_of(path)
    assert line.startswith("r.xlsx, sheet '2017', row 1: no seats column")
    assert codes_and_cells(path) == [("no-seats-column", "row 1")]


def test_seats_column_missing_2022_uses_the_registry_seats(tmp_path):
    rows = [["Council", "Female", "Male"], ["Cardiff", 31, 45]]
    with pytest.warns(DataWarning, match="2022 seats from the council registry"):
        counts = load_review(write_book(tmp_path / "r.xlsx", {"2022": rows}))
    # Cardiff had 79 seats in May 2022 (registry); 31 + 45 = 76 recorded
    assert counts["base"].tolist() == [79, 79]


def test_seats_column_missing_other_years_use_the_sex_total(tmp_path):
    rows = [
        ["Council", "Female", "Male", "White"],
        ["Cardiff", 31, 45, 70],
        ["Newport", 15, 35, 49],
    ]
    with pytest.warns(DataWarning, match="sum of its sex groups"):
        counts = load_review(write_book(tmp_path / "r.xlsx", {"2017": rows}))
    bases = counts.groupby("council")["base"].unique().map(list).to_dict()
    assert bases == {"Cardiff": [76], "Newport": [50]}


def test_seats_cell_blank(tmp_path):
    rows = [HEADER, ["Cardiff", None, 31, 48]]
    path = write_book(tmp_path / "r.xlsx", {"2022": rows})
    (line,) = problems_of(path)
    assert line.startswith("r.xlsx, sheet '2022', cell B2: seats missing for Cardiff")
    assert codes_and_cells(path) == [("seats-missing", "B2")]


def test_no_header_is_no_table(tmp_path):
    path = write_book(tmp_path / "r.xlsx", {"2022": [["Item", "Value"], ["a", 1]]})
    with pytest.raises(NoTableError) as info:
        load_review(path)
    assert str(info.value).startswith("r.xlsx, sheet '2022': no council table")
    assert info.value.codes == ["no-table"]


def test_council_column_without_counts_says_so(tmp_path):
    rows = [["Council", "Party", "Leader"], ["Cardiff", "Labour", "Cllr Huw Thomas"]]
    path = write_book(tmp_path / "r.xlsx", {"2022": rows})
    with pytest.raises(NoTableError) as info:
        load_review(path)
    assert [(p.code, p.cell) for p in info.value.problems] == [("no-count-columns", None)]
    assert "found a council column ('Council' in A1)" in info.value.problems[0].message


def test_no_data_rows(tmp_path):
    path = write_book(tmp_path / "r.xlsx", {"2022": [HEADER, [], ["Source: nobody"]]})
    (line,) = problems_of(path)
    assert line == "r.xlsx, sheet '2022', row 1: no data rows below the header"
    assert codes_and_cells(path) == [("no-data-rows", "row 1")]


def test_formula_without_saved_result(tmp_path):
    path = tmp_path / "r.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "2022"
    for row in (HEADER, ["Cardiff", 79, 31, "=B2-C2"]):
        ws.append(row)
    book.save(path)
    (line,) = problems_of(path)
    assert line.startswith("r.xlsx, sheet '2022', cell D2: Male: a formula with no saved result")
    assert codes_and_cells(path) == [("formula-without-result", "D2")]


def test_bad_leader_value(tmp_path):
    rows = [["Council", "Seats", "Female", "Leader sex"], ["Cardiff", 79, 31, "Cllr Jones?"]]
    rows.append(["Newport", 51, 20, "Female"])
    path = write_book(tmp_path / "r.xlsx", {"2022": rows})
    (line,) = problems_of(path)
    assert line.startswith("r.xlsx, sheet '2022', cell D2: 'Cllr Jones?' where the leader's sex")
    assert codes_and_cells(path) == [("bad-leader", "D2")]


@pytest.mark.parametrize("content, name, fragment, code", BAD_FILES)
def test_damaged_files(tmp_path, content, name, fragment, code):
    path = tmp_path / name
    path.write_bytes(content)
    (line,) = problems_of(path)
    assert line.startswith(name) and fragment in line
    assert codes_and_cells(path) == [(code, None)]


def test_csv_problems_name_the_cell(tmp_path):
    path = write_csv(tmp_path / "r.csv", [HEADER, ["Cardiff", 79, 31, "x y"]])
    (line,) = problems_of(path, election=2022)
    assert line.startswith("r.csv, cell D2: Male: text 'x y'")
    assert codes_and_cells(path, election=2022) == [("text-in-count", "D2")]
