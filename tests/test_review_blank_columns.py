"""A count column left blank for every council is not loaded, and one warning says so."""

from __future__ import annotations

import functools
import warnings

import pandas as pd
import pytest

from diversity_review.errors import DataError, DataWarning
from diversity_review.load.review import load_review
from helpers import write_book as _write_book

#: these sheets are of the next election (the year comes from the sheet name)
write_book = functools.partial(_write_book, title="2027")


def load_warned(path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        counts = load_review(path)
    return counts, [str(w.message) for w in caught if issubclass(w.category, DataWarning)]


def cells(counts, measure):
    part = counts[counts["measure"] == measure]
    return [
        (row.council, row.group, None if pd.isna(row.count) else int(row.count), int(row.base))
        for row in part.itertuples()
    ]


def test_half_filled_column_is_left_out_with_one_warning(tmp_path):
    path = write_book(
        tmp_path / "half.xlsx",
        [
            ["Council", "Seats", "Disabled", "Not disabled", "Disability not known", "Female",
             "Male"],
            ["Cardiff", 79, 4, None, 70, 40, 39],
            ["Newport", 51, "[c]", None, 45, 25, 26],
            ["Powys", 68, 0, None, None, 20, 48],
        ],
    )  # fmt: skip
    counts, messages = load_warned(path)
    assert messages == [
        "half.xlsx, sheet '2027': column D ('Not disabled') is blank for every council, so it "
        "is not loaded"
    ]
    # the other disability groups load as before: Powys's blank "not known" is one NA
    assert cells(counts, "disability") == [
        ("Cardiff", "Disabled", 4, 79),
        ("Cardiff", "Not known", 70, 79),
        ("Newport", "Disabled", None, 51),
        ("Newport", "Not known", 45, 51),
        ("Powys", "Disabled", 0, 68),
        ("Powys", "Not known", None, 68),
    ]
    assert counts.loc[counts["group"].eq("Disabled"), "suppressed"].tolist() == [
        False,
        True,
        False,
    ]
    assert cells(counts, "sex") == [
        ("Cardiff", "Female", 40, 79),
        ("Cardiff", "Male", 39, 79),
        ("Newport", "Female", 25, 51),
        ("Newport", "Male", 26, 51),
        ("Powys", "Female", 20, 68),
        ("Powys", "Male", 48, 68),
    ]
    assert len(counts) == 12


def test_several_blank_columns_and_a_blank_leader_column_share_one_warning(tmp_path):
    path = write_book(
        tmp_path / "t.xlsx",
        [
            ["Council", "Seats", "Female", "Male", "Sex not known", "Welsh speaker",
             "Leader sex"],
            ["Cardiff", 79, 40, 39, None, None, None],
            ["Newport", 51, 25, 26, None, None, None],
        ],
    )  # fmt: skip
    counts, messages = load_warned(path)
    assert messages == [
        "t.xlsx, sheet '2027': columns E ('Sex not known'), F ('Welsh speaker'), G ('Leader "
        "sex') are blank for every council, so they are not loaded"
    ]
    assert sorted(counts["measure"].unique()) == ["sex"]
    assert counts["group"].tolist() == ["Female", "Male", "Female", "Male"]


def test_a_column_filled_for_one_council_is_loaded(tmp_path):
    path = write_book(
        tmp_path / "r.xlsx",
        [["Council", "Seats", "Female", "Disabled"], ["Cardiff", 79, 40, None],
         ["Newport", 51, 25, "-"]],
    )  # fmt: skip
    counts, messages = load_warned(path)
    assert messages == []
    assert cells(counts, "disability") == [
        ("Cardiff", "Disabled", None, 79),
        ("Newport", "Disabled", 0, 51),
    ]


def test_a_column_of_formulas_without_results_is_still_an_error(tmp_path):
    # openpyxl saves no cached results: the cells read empty, but they are not blank
    path = write_book(
        tmp_path / "f.xlsx",
        [["Council", "Seats", "Female", "Male"], ["Cardiff", 79, 40, "=B2-C2"],
         ["Newport", 51, 25, "=B3-C3"]],
    )  # fmt: skip
    with pytest.raises(DataError) as info:
        load_review(path)
    assert [p.cell for p in info.value.problems] == ["D2", "D3"]
    assert info.value.codes == ["formula-without-result"] * 2
    assert "formula with no saved result" in info.value.problems[0].message
