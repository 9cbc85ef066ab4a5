"""Several elections in one table with an election column: each row is its own election."""

from __future__ import annotations

import datetime as dt

import pytest

from diversity_review.errors import DataError, DataWarning, row_account
from diversity_review.load.review import load_review
from helpers import write_book, write_csv
from test_review_layouts import HEADER, quiet_load, value

YEAR_HEADER = ["Council", "Election", *HEADER[1:]]  # Council | Election | Seats | Female | Male

# Two elections, three councils; each election's totals row adds up its own councils:
# 2017: seats 75 + 72 + 50 = 197, women 28 + 22 + 15 = 65, men 47 + 50 + 35 = 132
# 2022: seats 79 + 75 + 51 = 205, women 36 + 30 + 20 = 86, men 43 + 45 + 31 = 119
LAYOUT = [
    YEAR_HEADER,
    ["Cardiff", 2017, 75, 28, 47],  # row 2
    ["Cardiff", 2022, 79, 36, 43],
    ["Swansea", 2017, 72, 22, 50],
    ["Swansea", 2022, 75, 30, 45],
    ["Newport", 2017, 50, 15, 35],
    ["Newport", 2022, 51, 20, 31],  # row 7
    ["Wales", 2017, 197, 65, 132],  # row 8: the year in its cell
    ["Total 2022", None, 205, 86, 119],  # row 9: the year in its label
    [],
    ["Source: council websites, May 2022"],  # row 11
]


def layout_book(tmp_path, rows=LAYOUT, name="review_2019.xlsx", sheet="Councils 2019"):
    # the file and sheet names say 2019: the election column wins for every row
    return write_book(tmp_path / name, {sheet: rows})


def triples(counts, measure="sex"):
    part = counts[counts["measure"] == measure]
    return [
        (int(row.election), row.council, row.group, int(row.count), int(row.base))
        for row in part.itertuples()
    ]


def test_every_election_in_the_column_loads(tmp_path):
    counts = quiet_load(layout_book(tmp_path))  # no warning: both totals rows match
    # sorted by election, then council code: Swansea W06000011, Cardiff W06000015,
    # Newport W06000022
    assert triples(counts) == [
        (2017, "Swansea", "Female", 22, 72),
        (2017, "Swansea", "Male", 50, 72),
        (2017, "Cardiff", "Female", 28, 75),
        (2017, "Cardiff", "Male", 47, 75),
        (2017, "Newport", "Female", 15, 50),
        (2017, "Newport", "Male", 35, 50),
        (2022, "Swansea", "Female", 30, 75),
        (2022, "Swansea", "Male", 45, 75),
        (2022, "Cardiff", "Female", 36, 79),
        (2022, "Cardiff", "Male", 43, 79),
        (2022, "Newport", "Female", 20, 51),
        (2022, "Newport", "Male", 31, 51),
    ]
    assert str(counts["election"].dtype) == "Int64"
    cardiff_2022 = counts[(counts["council"] == "Cardiff") & (counts["election"] == 2022)]
    assert cardiff_2022["source"].tolist() == [
        "review_2019.xlsx!Councils 2019!D3",
        "review_2019.xlsx!Councils 2019!E3",
    ]
    account = row_account(counts)
    # rows 2-11 below the header: 6 councils + 2 totals + a blank + a footnote
    assert (account.rows_read, account.rows_kept) == (10, 6)
    assert [(e.location, e.reason) for e in account.excluded] == [
        ("sheet 'Councils 2019', row 8", "total"),
        ("sheet 'Councils 2019', row 9", "total"),
        ("sheet 'Councils 2019', row 10", "blank"),
        ("sheet 'Councils 2019', row 11", "footnote"),
    ]


def test_each_totals_row_is_checked_against_its_own_election(tmp_path):
    rows = [list(r) for r in LAYOUT]
    rows[8][3] = 85  # Total 2022 women: the 2022 councils add up to 86 (all six: 151)
    with pytest.warns(DataWarning) as record:
        load_review(layout_book(tmp_path, rows))
    (message,) = [str(w.message) for w in record if issubclass(w.category, DataWarning)]
    assert message == (
        "review_2019.xlsx, sheet 'Councils 2019': totals do not match: D9 (Female) says 85 but "
        "the councils add up to 86 in 2022"
    )


def test_election_selects_its_rows(tmp_path):
    path = layout_book(tmp_path)
    counts = quiet_load(path, election=2017)
    assert counts["election"].unique().tolist() == [2017]
    assert value(counts, "Cardiff", "sex", "Female") == 28
    assert value(counts, "Newport", "sex", "Male") == 35
    assert len(counts) == 6
    account = row_account(counts)
    # the whole sheet is still accounted for: 10 rows = 3 kept + 3 rows of 2022 + 2 totals
    # + a blank + a footnote
    assert (account.rows_read, account.rows_kept) == (10, 3)
    assert sorted((e.location, e.reason) for e in account.excluded) == [
        ("sheet 'Councils 2019', row 10", "blank"),
        ("sheet 'Councils 2019', row 11", "footnote"),
        ("sheet 'Councils 2019', row 3", "other election"),
        ("sheet 'Councils 2019', row 5", "other election"),
        ("sheet 'Councils 2019', row 7", "other election"),
        ("sheet 'Councils 2019', row 8", "total"),
        ("sheet 'Councils 2019', row 9", "total"),
    ]
    assert quiet_load(path, election=2022)["count"].tolist() == [30, 45, 36, 43, 20, 31]


def test_an_election_not_in_the_column_lists_the_years_there(tmp_path):
    # 2019 is in the file and sheet names, but no row is of the 2019 election
    with pytest.raises(DataError) as info:
        load_review(layout_book(tmp_path), election=2019)
    assert info.value.lines() == [
        "review_2019.xlsx, sheet 'Councils 2019', cell B1: no rows for the 2019 election: the "
        "'Election' column holds 2017, 2022; pass one of them as election= (on the command "
        "line: --election YEAR)"
    ]
    assert [(p.code, p.cell) for p in info.value.problems] == [("no-such-election", "B1")]


def test_a_council_twice_in_one_election(tmp_path):
    rows = [list(r) for r in LAYOUT[:7]] + [["Caerdydd", "2022", 79, 36, 43]]  # row 8
    with pytest.raises(DataError) as info:
        load_review(layout_book(tmp_path, rows))
    assert info.value.lines() == [
        "review_2019.xlsx, sheet 'Councils 2019', cell A8: Cardiff appears twice in the 2022 "
        "election (rows 3 and 8)"
    ]
    assert [(p.code, p.cell) for p in info.value.problems] == [("duplicate-council", "A8")]


def test_blank_and_unreadable_year_cells_are_reported_with_the_other_problems(tmp_path):
    rows = [
        YEAR_HEADER,
        ["Cardiff", 2017, 75, 28, 47],
        ["Swansea", None, 72, 22, 50],  # row 3: blank year
        ["Newport", "next year", 50, 15, 35],  # row 4: no year in it
        ["Powys", 2022, 68, -1, 48],  # row 5: a bad count
    ]
    with pytest.raises(DataError) as info:
        load_review(write_book(tmp_path / "r.xlsx", {"Data": rows}))
    assert info.value.lines() == [
        "r.xlsx, sheet 'Data', cell B3: no election year in the 'Election' column (enter e.g. "
        "2022)",
        "r.xlsx, sheet 'Data', cell B4: 'next year' in the 'Election' column is not an election "
        "year (enter e.g. 2022)",
        "r.xlsx, sheet 'Data', cell D5: Female: negative count -1",
    ]
    assert [(p.code, p.cell) for p in info.value.problems] == [
        ("year-missing", "B3"),
        ("bad-year", "B4"),
        ("negative-count", "D5"),
    ]


@pytest.mark.parametrize(
    "cell, year",
    [
        (2022, 2022),
        ("2022", 2022),
        ("May 2022", 2022),
        (2022.0, 2022),
        (dt.datetime(2022, 5, 5), 2022),
        (dt.datetime(2017, 5, 4), 2017),
    ],
)
def test_year_cells(tmp_path, cell, year):
    rows = [YEAR_HEADER, ["Cardiff", cell, 79, 36, 43]]
    counts = quiet_load(write_book(tmp_path / "r.xlsx", {"Data": rows}))
    assert counts["election"].tolist() == [year, year]
    assert counts["count"].tolist() == [36, 43]


@pytest.mark.parametrize(
    "header",
    ["Election", "Year", "Election year", "Year of election", "Election (May)", "Blwyddyn",
     "Etholiad", "Blwyddyn yr etholiad"],
)  # fmt: skip
def test_csv_with_election_header_synonyms(tmp_path, header):
    rows = [
        ["Council", header, "Seats", "Women", "Men"],
        ["Gwynedd", "2017", "75", "18", "57"],
        ["Gwynedd", "2022", "69", "22", "47"],
        ["Wales", "2017", "75", "18", "57"],
        ["Wales", "2022", "69", "22", "47"],
    ]
    counts = quiet_load(write_csv(tmp_path / "review.csv", rows))  # no year in the file name
    assert triples(counts) == [
        (2017, "Gwynedd", "Female", 18, 75),
        (2017, "Gwynedd", "Male", 57, 75),
        (2022, "Gwynedd", "Female", 22, 69),
        (2022, "Gwynedd", "Male", 47, 69),
    ]
    assert counts["source"].tolist() == ["review.csv!D2", "review.csv!E2"] + [
        "review.csv!D3",
        "review.csv!E3",
    ]
    assert row_account(counts).rows_read == 4


def test_csv_blank_year_names_the_cell(tmp_path):
    rows = [YEAR_HEADER, ["Cardiff", "2022", "79", "36", "43"], ["Newport", "", "51", "20", "31"]]
    with pytest.raises(DataError) as info:
        load_review(write_csv(tmp_path / "r.csv", rows))
    assert info.value.lines() == [
        "r.csv, cell B3: no election year in the 'Election' column (enter e.g. 2022)"
    ]
    assert [(p.code, p.cell) for p in info.value.problems] == [("year-missing", "B3")]


def test_registry_seats_are_checked_for_the_2022_rows_only(tmp_path):
    # Cardiff had 79 seats in 2022; 75 in 2017 is right for 2017 and is not compared
    rows = [YEAR_HEADER, ["Cardiff", 2017, 75, 28, 47], ["Cardiff", 2022, 75, 30, 45]]
    with pytest.warns(DataWarning) as record:
        counts = load_review(write_book(tmp_path / "r.xlsx", {"Data": rows}))
    (message,) = [str(w.message) for w in record if issubclass(w.category, DataWarning)]
    assert message.endswith("check the figures): Cardiff 75 in C3 (registry 79)")
    assert counts["base"].tolist() == [75, 75, 75, 75]


def test_without_seats_each_election_takes_its_own_base(tmp_path):
    rows = [
        ["Council", "Year", "Female", "Male"],
        ["Cardiff", 2017, 28, 47],
        ["Cardiff", 2022, 31, 45],
    ]
    with pytest.warns(DataWarning) as record:
        counts = load_review(write_book(tmp_path / "r.xlsx", {"Data": rows}))
    messages = [str(w.message) for w in record if issubclass(w.category, DataWarning)]
    assert messages == [
        "r.xlsx, sheet 'Data': no seats column: the base of each council's counts is its 2022 "
        "seats from the council registry (the 2022 rows)",
        "r.xlsx, sheet 'Data': no seats column: the base of each council's counts is the sum of "
        "its sex groups (Female, Male, Not known) (the 2017 rows)",
    ]
    # 2017: 28 + 47 = 75; 2022: the registry's 79 (31 + 45 = 76 recorded)
    assert counts["base"].tolist() == [75, 75, 79, 79]


def test_unlabelled_sum_rows_close_their_own_election(tmp_path):
    rows = [
        YEAR_HEADER,
        ["Cardiff", 2017, 75, 28, 47],
        ["Newport", 2017, 50, 15, 35],
        [None, 2017, 125, 43, 82],  # row 4: 75 + 50, 28 + 15, 47 + 35
        ["Cardiff", 2022, 79, 36, 43],
        ["Newport", 2022, 51, 20, 31],
        [None, 2022, 130, 56, 74],  # row 7: 79 + 51, 36 + 20, 43 + 31
    ]
    counts = quiet_load(write_book(tmp_path / "r.xlsx", {"Data": rows}))
    assert len(counts) == 8
    assert [(e.location, e.reason) for e in row_account(counts).excluded] == [
        ("sheet 'Data', row 4", "total"),
        ("sheet 'Data', row 7", "total"),
    ]


def test_sheet_choice_and_election_column_work_together(tmp_path):
    path = write_book(
        tmp_path / "review.xlsx",
        {
            "Read me": [["About this workbook"]],
            "Councillors 2022": [HEADER, ["Cardiff", 79, 31, 48]],
            "History": [list(r) for r in LAYOUT],
        },
    )
    counts = quiet_load(path, sheet="History", election=2017)
    assert counts["source"].tolist() == [
        "review.xlsx!History!D4",
        "review.xlsx!History!E4",
        "review.xlsx!History!D2",
        "review.xlsx!History!E2",
        "review.xlsx!History!D6",
        "review.xlsx!History!E6",
    ]
    # election=2017 alone: the 2022 sheet is not named for 2017; the History rows of 2017 load
    assert quiet_load(path, election=2017)["count"].tolist() == [22, 50, 28, 47, 15, 35]
    # with no choice, Cardiff 2022 is in both sheets
    with pytest.raises(DataError, match="Cardiff 2022 sex / Female is given twice") as info:
        load_review(path)
    # Cardiff 2022 Female and Male, each in both sheets
    assert [(p.code, p.cell) for p in info.value.problems] == [
        ("duplicate-count", "review.xlsx!Councillors 2022!C2"),
        ("duplicate-count", "review.xlsx!History!D3"),
        ("duplicate-count", "review.xlsx!Councillors 2022!D2"),
        ("duplicate-count", "review.xlsx!History!E3"),
    ]


def test_columns_mapping_names_the_election_column(tmp_path):
    rows = [["Council", "Pleidlais", "Seats", "Female"], ["Cardiff", 2017, 75, 28]]
    counts = quiet_load(
        write_book(tmp_path / "r.xlsx", {"Data": rows}), columns={"Pleidlais": "election"}
    )
    assert counts[["election", "count", "base"]].values.tolist() == [[2017, 28, 75]]


def test_a_total_naming_no_election_adds_up_every_election(tmp_path):
    # 75 + 79 = 154 seats, 28 + 36 = 64 women, whichever election is loaded
    rows = [
        ["Council", "Election", "Seats", "Female"],
        ["Cardiff", 2017, 75, 28],
        ["Cardiff", 2022, 79, 36],
        ["Grand total", None, 154, 64],
    ]
    path = write_book(tmp_path / "r.xlsx", {"Data": rows})
    assert quiet_load(path)["count"].tolist() == [28, 36]
    assert quiet_load(path, election=2022)["count"].tolist() == [36]
    rows[3][3] = 65
    with pytest.warns(DataWarning, match=r"D4 \(Female\) says 65 but the councils add up to 64$"):
        load_review(write_book(tmp_path / "r2.xlsx", {"Data": rows}), election=2022)
