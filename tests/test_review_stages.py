"""The review loader's stages: their contracts, their strategies and where new ones plug in."""

from __future__ import annotations

import dataclasses
import re
import warnings
from pathlib import Path

import pytest

import diversity_review.load.review as review
from diversity_review.errors import DataWarning, NoTableError
from diversity_review.load.grid import Grid
from diversity_review.load.review import load_review, locate
from diversity_review.load.review.classify import classify
from diversity_review.load.review.contracts import ColumnKind, Table
from diversity_review.load.review.vocabulary import header_key, role_of
from helpers import write_book
from test_review_layouts import HEADER, value

SRC = Path(review.__file__).resolve().parents[2]


def test_every_problem_code_is_in_the_one_table_and_every_listed_code_is_used():
    files = [
        *sorted((SRC / "load" / "review").glob("*.py")),
        SRC / "load" / "benchmarks.py",
        SRC / "load" / "grid.py",
        SRC / "load" / "limits.py",
        SRC / "template.py",
        SRC / "text.py",
        SRC / "councils.py",
    ]
    used = set()
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.name == "__init__.py":
            text = text.split('"""', 2)[2]  # the code, not the docstring's table
        used |= set(re.findall(r'"([a-z]+(?:-[a-z]+)+)"', text))
    listed = set(re.findall(r"^``([a-z]+(?:-[a-z]+)+)``", review.__doc__, re.MULTILINE))
    assert used - listed == set(), "codes raised but not in the package docstring"
    assert listed - used == set(), "codes listed but never raised"
    assert {"unknown-council", "count-over-base", "text-in-count", "no-table"} <= listed


def grid_of(rows, sheet="2022") -> Grid:
    width = max(len(r) for r in rows)
    return Grid("t.xlsx", sheet, [list(r) + [None] * (width - len(r)) for r in rows])


def test_a_leader_column_of_names_is_told_by_classify_before_any_row_is_read():
    rows = [
        ["Council", "Seats", "Female", "Leader", "Leader sex"],
        ["Cardiff", 79, 31, "Cllr Huw Thomas", "Male"],
        ["Newport", 51, 20, "Cllr Jane Mudd", "Female"],
    ]
    table = Table(grid_of(rows), (0,), range(1, 3), range(5))
    kinds = [c.kind for c in classify(table, {}).columns]
    assert kinds == [
        ColumnKind.COUNCIL,
        ColumnKind.SEATS,
        ColumnKind.COUNT,
        ColumnKind.LEADER_NAMES,  # names: not the leader's sex
        ColumnKind.LEADER_SEX,  # Male, Female
    ]


def test_a_leader_column_of_names_is_reported_and_not_loaded(tmp_path):
    rows = [
        ["Council", "Seats", "Female", "Leader"],
        ["Cardiff", 79, 31, "Cllr Huw Thomas"],
        ["Newport", 51, 20, "Cllr Jane Mudd"],
    ]
    with pytest.warns(DataWarning) as record:
        counts = load_review(write_book(tmp_path / "r.xlsx", {"2022": rows}))
    (message,) = [str(w.message) for w in record if issubclass(w.category, DataWarning)]
    assert message.endswith("'Leader' (column D)")
    assert "leader_sex" not in set(counts["measure"])
    assert counts["count"].tolist() == [31, 20]


def test_a_yes_no_female_leader_column(tmp_path):
    rows = [
        ["Council", "Seats", "Female", "Female leader?"],
        ["Cardiff", 79, 31, "No"],
        ["Newport", 51, 20, "Yes"],
    ]
    counts = load_review(write_book(tmp_path / "r.xlsx", {"2022": rows}))
    assert value(counts, "Newport", "leader_sex", "Female") == 1
    assert value(counts, "Newport", "leader_sex", "Male") == 0
    assert value(counts, "Cardiff", "leader_sex", "Female") == 0


@pytest.mark.parametrize(
    "header, kind",
    [
        ("Leader's gender", ColumnKind.LEADER_SEX),  # folds to "leaders gender"
        ("Enw'r Cyngor", ColumnKind.COUNCIL),  # folds to "enwr cyngor"
        ("% female", ColumnKind.PERCENT),
        ("Total number of women councillors", ColumnKind.COUNT),
        ("Year of election", ColumnKind.ELECTION),
    ],
)
def test_header_roles(header, kind):
    assert role_of(header).kind is kind


def test_sex_words_come_from_the_common_vocabulary():
    # "menyw" is in common.toml's Female words, not in review.toml
    role = role_of("Menyw")
    assert (role.kind, role.measure, role.group) == (ColumnKind.COUNT, "sex", "Female")
    assert header_key("B.M.E. (2022)") == "bme"


def test_locate_says_why_a_sheet_has_no_table():
    miss = locate.locate(grid_of([["About this workbook"], ["Synthetic data"]]), {})
    assert miss == locate.NO_TABLE
    miss = locate.locate(grid_of([["Council", "Party"], ["Cardiff", "Labour"]]), {})
    assert isinstance(miss, locate.Miss) and miss.code == "no-count-columns"


def test_a_two_row_header_is_read_when_it_reads_more():
    rows = [["Council", "Gender", "Gender"], [None, "Women", "Men"], ["Cardiff", 31, 48]]
    (table,) = locate.locate(grid_of(rows), {})
    assert (table.header_rows, table.rows) == ((0, 1), range(2, 3))


def test_a_new_layout_is_a_new_locator(tmp_path, monkeypatch):
    # a header in row 36 is below the 30 rows the built-in locators scan
    rows = [[f"note {i}"] for i in range(35)] + [HEADER, ["Cardiff", 79, 31, 48]]
    path = write_book(tmp_path / "r.xlsx", {"2022": rows})
    with pytest.raises(NoTableError):
        load_review(path)

    def header_in_row_36(grid, overrides):
        return (locate.table_at(grid, (35,)),)

    monkeypatch.setattr(locate, "LOCATORS", (*locate.LOCATORS, header_in_row_36))
    counts = load_review(path)
    assert counts["count"].tolist() == [31, 48]
    assert counts["source"].tolist() == ["r.xlsx!2022!C37", "r.xlsx!2022!D37"]


def test_stage_results_are_frozen():
    rows = [HEADER, ["Cardiff", 79, 31, 48]]
    (table,) = locate.locate(grid_of(rows), {})
    layout = classify(table, {})
    with pytest.raises(dataclasses.FrozenInstanceError):
        layout.columns = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):  # a Column is a named tuple: no field can be set
        layout.columns[0].kind = ColumnKind.UNKNOWN  # type: ignore[misc]


def test_warnings_point_at_the_caller(tmp_path):
    rows = [["Council", "Seats", "Female", "Party"], ["Cardiff", 79, 31, "Lab"]]
    path = write_book(tmp_path / "w.xlsx", {"2022": rows})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_review(path, columns={"Nowhere": "ignore"})
    assert len(caught) == 2  # the column not loaded, the columns= key not found
    assert {Path(w.filename).name for w in caught} == {Path(__file__).name}
