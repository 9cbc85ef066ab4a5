"""The review loader reads each messy feature of hand-typed sheets to the right values."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from diversity_review.errors import DataError, DataWarning, NoTableError, row_account
from diversity_review.load.review import COLUMNS, load_review
from helpers import write_book, write_csv

HEADER = ["Council", "Seats", "Female", "Male"]


def value(frame: pd.DataFrame, council: str, measure: str, group: str):
    """The single count of one council, measure and group (NA as None)."""
    rows = frame[
        (frame["council"] == council) & (frame["measure"] == measure) & (frame["group"] == group)
    ]
    assert len(rows) == 1, rows
    count = rows["count"].iloc[0]
    return None if pd.isna(count) else int(count)


def quiet_load(*args, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataWarning)
        return load_review(*args, **kwargs)


def test_messy_two_row_sheet(tmp_path):
    path = write_book(
        tmp_path / "review.xlsx",
        {
            "Councillors 2022": [
                ["Diversity of councillors, May 2022"],
                ["Desk-based review"],
                ["Note: figures from council websites"],
                [],
                [
                    "Local authority",
                    "No. of seats",
                    "Gender",
                    None,
                    None,
                    "% female",
                    "Ethnicity",
                    None,
                    "Age",
                    None,
                    None,
                    "Councillor status",
                    None,
                ],
                [
                    None,
                    None,
                    "Women",
                    "Men",
                    "Not known",
                    None,
                    "White",
                    "BAME",
                    "Under 40",
                    "40 to 59",
                    "60 and over",
                    "Newly elected",
                    "Re-elected",
                ],
                [
                    "Cardiff County Council",
                    79,
                    " 31 ",
                    "48",
                    "-",
                    39.2,
                    70,
                    "*",
                    12,
                    "30.0",
                    37,
                    40,
                    39,
                ],
                ["Caerffili", 69, 25, 44, 0, 36.2, 68, 1, 9, 30, 30, 31, 38],
                ["W06000001", 35, 10, 25, None, 28.6, 35, "-", "c", 15, 15, 17, 18],
                [],
                ["Wales", 183, 66, 117, 0, 36.1, 173, None, None, 75, 82, 88, 95],
                ["Source: council websites"],
                ["* suppressed: fewer than 5"],
            ]
        },
        {"Councillors 2022": ["A5:A6", "B5:B6", "C5:E5", "F5:F6", "G5:H5", "I5:K5", "L5:M5"]},
    )
    counts = quiet_load(path)
    assert list(counts.columns) == COLUMNS
    assert set(counts["council"]) == {"Cardiff", "Caerphilly", "Isle of Anglesey"}
    assert value(counts, "Cardiff", "sex", "Female") == 31
    assert value(counts, "Cardiff", "sex", "Male") == 48
    assert value(counts, "Cardiff", "sex", "Not known") == 0
    assert value(counts, "Cardiff", "ethnicity", "Ethnic minority") is None
    assert value(counts, "Cardiff", "age", "40-59") == 30
    assert value(counts, "Cardiff", "age", "60+") == 37
    assert value(counts, "Caerphilly", "tenure", "New") == 31
    assert value(counts, "Caerphilly", "tenure", "Returning") == 38
    assert value(counts, "Isle of Anglesey", "ethnicity", "Ethnic minority") == 0
    assert value(counts, "Isle of Anglesey", "sex", "Not known") is None
    assert value(counts, "Isle of Anglesey", "age", "Under 40") is None
    # flags, bases, sources, dtypes
    cardiff_em = counts[(counts["council"] == "Cardiff") & (counts["group"] == "Ethnic minority")]
    assert cardiff_em["suppressed"].tolist() == [True]
    assert cardiff_em["source"].tolist() == ["review.xlsx!Councillors 2022!H7"]
    assert counts.loc[counts["council_code"] == "W06000015", "base"].unique().tolist() == [79]
    assert counts["suppressed"].sum() == 2  # "*" and "c"; "-" and blank are not suppressed
    assert counts["election"].unique().tolist() == [2022]
    assert str(counts["count"].dtype) == "Int64" and str(counts["base"].dtype) == "Int64"
    assert counts["suppressed"].dtype == bool
    # percentages are never counts: 3 councils x (3 sex + 2 ethnicity + 3 age + 2 tenure)
    assert len(counts) == 3 * 10
    account = row_account(counts)
    assert (account.rows_read, account.rows_kept) == (7, 3)
    assert sorted(e.reason for e in account.excluded) == ["blank", "footnote", "footnote", "total"]
    assert [e.location for e in account.excluded if e.reason == "total"] == [
        "sheet 'Councillors 2022', row 11"
    ]


def test_measure_written_once_then_blank_to_the_right(tmp_path):
    rows = [
        ["Council", "Seats", "Gender", None, "Ethnicity", None, None],
        [None, None, "F", "M", "White", "Ethnic minority", "Unknown"],
        ["Powys", 68, 20, 48, 60, 2, 6],
    ]
    counts = quiet_load(write_book(tmp_path / "r2022.xlsx", {"Sheet1": rows}))
    assert value(counts, "Powys", "sex", "Female") == 20
    assert value(counts, "Powys", "ethnicity", "Not known") == 6
    assert counts["election"].unique().tolist() == [2022]  # from the file name


def test_header_found_below_title_rows_in_a_csv(tmp_path):
    rows = [
        ["Councillors elected 2017"],
        [],
        ["Authority", "Members", "Women", "Men"],
        ["Gwynedd", 75, 18, 57],
        ["Total", 75, 18, 57],
    ]
    counts = quiet_load(write_csv(tmp_path / "review.csv", rows), election=2017)
    assert value(counts, "Gwynedd", "sex", "Female") == 18
    assert counts["base"].tolist() == [75, 75]
    assert counts["source"].tolist() == ["review.csv!C4", "review.csv!D4"]
    assert row_account(counts).rows_read == 2


@pytest.mark.parametrize(
    "header, measure, group",
    [
        ("Female", "sex", "Female"),
        ("Women", "sex", "Female"),
        ("Woman", "sex", "Female"),
        ("F", "sex", "Female"),
        ("Number of women councillors", "sex", "Female"),
        ("Female / Benyw", "sex", "Female"),
        ("MEN", "sex", "Male"),
        ("Gender not known", "sex", "Not known"),
        ("BAME", "ethnicity", "Ethnic minority"),
        ("B.M.E.", "ethnicity", "Ethnic minority"),
        ("Minority ethnic", "ethnicity", "Ethnic minority"),
        ("Black, Asian and minority ethnic", "ethnicity", "Ethnic minority"),
        ("white", "ethnicity", "White"),
        ("Ethnicity unknown", "ethnicity", "Not known"),
        ("Under 40", "age", "Under 40"),
        ("under-40s", "age", "Under 40"),
        ("40 to 59", "age", "40-59"),
        ("40–59", "age", "40-59"),
        ("60 and over", "age", "60+"),
        ("60+", "age", "60+"),
        ("Aged 60+", "age", "60+"),
        ("Age not known", "age", "Not known"),
        ("New", "tenure", "New"),
        ("Newly elected", "tenure", "New"),
        ("First elected", "tenure", "New"),
        ("Returning", "tenure", "Returning"),
        ("Re-elected", "tenure", "Returning"),
        ("Disabled", "disability", "Disabled"),
        ("Not disabled", "disability", "Not disabled"),
        ("Welsh speaker", "welsh_language", "Welsh speaker"),
        ("Welsh speakers", "welsh_language", "Welsh speaker"),
        ("Non-Welsh speakers", "welsh_language", "Not Welsh speaker"),
        ("Uncontested seats", "uncontested", "Uncontested seats"),
        ("Elected unopposed", "uncontested", "Uncontested seats"),
        ("Cabinet female", "executive_sex", "Female"),
        ("Women in cabinet", "executive_sex", "Female"),
        ("Executive male", "executive_sex", "Male"),
    ],
)
def test_header_synonyms(tmp_path, header, measure, group):
    rows = [["Council", "Seats", header], ["Cardiff", 79, 7]]
    counts = quiet_load(write_csv(tmp_path / "r.csv", rows), election=2022)
    assert counts[["measure", "group"]].values.tolist() == [[measure, group]]
    assert counts["count"].tolist() == [7]


@pytest.mark.parametrize(
    "seats_header",
    [
        "Seats",
        "Total councillors",
        "No. of councillors",
        "Members",
        "Total",
        "No. of seats",
        "Number of councillors",
        "Councillors",
    ],
)
def test_seats_synonyms(tmp_path, seats_header):
    rows = [["Council", seats_header, "Female"], ["Cardiff", 79, 31]]
    counts = quiet_load(write_csv(tmp_path / "r.csv", rows), election=2022)
    assert counts["base"].tolist() == [79]


def test_not_known_takes_the_measure_of_the_column_before(tmp_path):
    rows = [
        ["Council", "Seats", "Female", "Male", "Not known", "White", "BAME", "Unknown"],
        ["Torfaen", 40, 14, 25, 1, 35, 1, 4],
    ]
    counts = quiet_load(write_csv(tmp_path / "r.csv", rows), election=2022)
    assert value(counts, "Torfaen", "sex", "Not known") == 1
    assert value(counts, "Torfaen", "ethnicity", "Not known") == 4


@pytest.mark.parametrize(
    "cell, count, suppressed",
    [
        ("12", 12, False),
        (" 12 ", 12, False),
        ("12.0", 12, False),
        (12.0, 12, False),
        ("-", 0, False),
        ("*", None, True),
        ("c", None, True),
        ("[c]", None, True),
        ("..", None, True),
        ("[x]", None, True),
        (None, None, False),
    ],
)
def test_cell_values(tmp_path, cell, count, suppressed):
    # Newport fills the column, so a blank Cardiff cell is one missing count, not a column
    # left blank for every council
    rows = [["Council", "Seats", "Female"], ["Cardiff", 79, cell], ["Newport", 51, 20]]
    counts = quiet_load(write_book(tmp_path / "r.xlsx", {"2022": rows}))
    got = counts["count"].iloc[0]
    assert (None if pd.isna(got) else int(got)) == count
    assert bool(counts["suppressed"].iloc[0]) is suppressed


def test_council_spellings_resolve(tmp_path):
    rows = [
        ["Council", "Seats", "Female"],
        ["Isle of Anglesey County Council", 35, 5],
        ["Sir Gâr", 75, 20],
        ["W06000015", 79, 31],
        ["Rhondda Cynon Taff", 75, 30],
        ["The Vale of Glamorgan", 54, 20],
        ["City and County of Swansea", 75, 28],
    ]
    counts = quiet_load(write_book(tmp_path / "r.xlsx", {"2022": rows}))
    assert counts["council_code"].tolist() == [
        "W06000001",
        "W06000010",
        "W06000011",
        "W06000014",
        "W06000015",
        "W06000016",
    ]
    assert value(counts, "Carmarthenshire", "sex", "Female") == 20


def test_percentage_columns_are_a_cross_check_only(tmp_path):
    rows = [
        ["Council", "Seats", "Female", "% female", "Female %", "Percentage women"],
        ["Cardiff", 80, 30, 37.5, "37.5%", 0.375],
        ["Newport", 50, 20, 40.0, "40%", 0.4],
    ]
    counts = quiet_load(write_book(tmp_path / "r.xlsx", {"2017": rows}))
    assert counts["count"].tolist() == [30, 20]  # only the count column loads
    rows[2][3] = 42.5  # 20 of 50 is 40%: 2.5 points off
    with pytest.warns(DataWarning, match=r"D3 says 42.5% but 20 of 50 is 40.0%"):
        load_review(write_book(tmp_path / "r2.xlsx", {"2017": rows}))


def test_total_row_is_a_cross_check(tmp_path):
    rows = [
        ["Council", "Seats", "Female", "Male"],
        ["Cardiff", 79, 31, 48],
        ["Newport", 51, 20, 31],
        ["All councils", 130, 52, 79],
    ]
    with pytest.warns(DataWarning, match=r"C4 \(Female\) says 52 but the councils add up to 51"):
        counts = load_review(write_book(tmp_path / "r.xlsx", {"2022": rows}), election=2022)
    assert "W92000004" not in set(counts["council_code"])
    assert [e.reason for e in row_account(counts).excluded] == ["total"]


def test_unrecognised_columns_give_one_warning_with_letters(tmp_path):
    rows = [
        ["Council", "Seats", "Political control", "Female", "Mean age"],
        ["Cardiff", 79, "Labour", 31, 52],
    ]
    with pytest.warns(DataWarning) as record:
        counts = load_review(write_book(tmp_path / "r.xlsx", {"2022": rows}))
    messages = [str(w.message) for w in record if issubclass(w.category, DataWarning)]
    assert len(messages) == 1
    assert "'Political control' (column C)" in messages[0]
    assert "'Mean age' (column E)" in messages[0]
    assert counts["group"].tolist() == ["Female"]


def test_columns_mapping(tmp_path):
    rows = [
        ["Council", "Aelodau etholedig", "Nifer benywaidd", "Sylwadau"],
        ["Gwynedd", 69, 22, "dim"],
    ]
    counts = quiet_load(
        write_book(tmp_path / "r.xlsx", {"2022": rows}),
        columns={
            "Aelodau etholedig": "seats",
            "nifer  Benywaidd": ("sex", "Female"),
            "Sylwadau": "ignore",
        },
    )
    assert counts[["group", "count", "base"]].values.tolist() == [["Female", 22, 69]]
    with pytest.raises(DataError, match="unknown measure or group") as info:
        load_review(tmp_path / "r.xlsx", columns={"Nifer benywaidd": ("sex", "Woman")})
    assert info.value.codes == ["bad-option"]


def test_executive_and_leader(tmp_path):
    rows = [
        ["Council", "Seats", "Cabinet", None, None, "Leader gender"],
        [None, None, "Cabinet size", "Female", "Male", None],
        ["Newport", 51, 10, 4, 6, "F"],
        ["Cardiff", 79, 10, "3", "7", "Man"],
    ]
    counts = quiet_load(
        write_book(tmp_path / "r.xlsx", {"2022": rows}, {"2022": ["C1:E1", "F1:F2", "A1:A2"]})
    )
    execs = counts[counts["measure"] == "executive_sex"]
    assert execs[["council", "group", "count", "base"]].values.tolist() == [
        ["Cardiff", "Female", 3, 10],
        ["Cardiff", "Male", 7, 10],
        ["Newport", "Female", 4, 10],
        ["Newport", "Male", 6, 10],
    ]
    leaders = counts[counts["measure"] == "leader_sex"]
    assert leaders[["council", "group", "count", "base"]].values.tolist() == [
        ["Cardiff", "Female", 0, 1],
        ["Cardiff", "Male", 1, 1],
        ["Newport", "Female", 1, 1],
        ["Newport", "Male", 0, 1],
    ]


def test_sheets_and_election_years(tmp_path):
    path = write_book(
        tmp_path / "review.xlsx",
        {
            "Read me": [["About this workbook"], ["Council names are official."]],
            "Councillors 2017": [HEADER, ["Cardiff", 75, 28, 47]],
            "2022 election": [HEADER, ["Cardiff", 79, 31, 48]],
        },
    )
    both = quiet_load(path)
    assert sorted(both["election"].unique().tolist()) == [2017, 2022]
    assert row_account(both).rows_read == 2
    only = quiet_load(path, election=2017)
    assert only["count"].tolist() == [28, 47]
    assert quiet_load(path, sheet="2022 election")["count"].tolist() == [31, 48]
    with pytest.raises(DataError, match="no sheet for the 2019 election") as info:
        load_review(path, election=2019)
    assert info.value.codes == ["no-sheet-for-election"]


def test_year_missing_asks_for_election(tmp_path):
    path = write_book(tmp_path / "review.xlsx", {"Data": [HEADER, ["Cardiff", 79, 31, 48]]})
    with pytest.raises(DataError, match=r"sheet 'Data'.*pass election=") as info:
        load_review(path)
    assert info.value.codes == ["no-year"]
    assert quiet_load(path, election=2022)["election"].unique().tolist() == [2022]


def test_registry_seats_mismatch_is_a_warning(tmp_path):
    rows = [HEADER, ["Cardiff", 75, 30, 45]]  # 79 seats in 2022
    with pytest.warns(DataWarning, match=r"Cardiff 75 in B2 \(registry 79\)"):
        counts = load_review(write_book(tmp_path / "r.xlsx", {"2022": rows}))
    assert counts["base"].tolist() == [75, 75]


def test_member_survey_export_is_not_a_review_table(tmp_path):
    rows = [
        ["Timestamp", "Council", "Sex", "Age", "Welsh speaker"],
        ["2023-01-05 10:00", "Cardiff", "Female", "45-59", "Yes"],
        ["2023-01-05 11:00", "Cardiff", "Male", "60-74", "No"],
    ]
    with pytest.raises(NoTableError) as info:
        load_review(write_csv(tmp_path / "survey_2023.csv", rows))
    assert info.value.codes == ["not-counts"]  # "Welsh speaker" is a count header; Yes/No text


def test_ods(tmp_path):
    pytest.importorskip("odf", reason="odfpy is needed to write .ods fixtures")
    frame = pd.DataFrame({"Council": ["Cardiff"], "Seats": [79], "Women": [31]})
    path = tmp_path / "review_2022.ods"
    frame.to_excel(path, engine="odf", sheet_name="Councillors 2022", index=False)
    assert quiet_load(path)["count"].tolist() == [31]


def test_council_column_without_header_text(tmp_path):
    rows = [[None, "Seats", "Female", "Male"], ["Cardiff", 79, 31, 48], ["Newport", 51, 20, 31]]
    counts = quiet_load(write_book(tmp_path / "r.xlsx", {"2022": rows}))
    assert value(counts, "Newport", "sex", "Male") == 31
    assert len(counts) == 4


def test_region_subtotals_unlabelled_sums_and_notes_are_excluded(tmp_path):
    rows = [
        ["Council", "Seats", "Women"],
        ["North Wales", 104, 30],
        ["Gwynedd", 69, 20],
        ["Ynys Môn", 35, 10],
        [None, 104, 30],
        [],
        ["Figures are provisional and may change after by-elections"],
    ]
    counts = quiet_load(write_book(tmp_path / "r.xlsx", {"2022": rows}))
    assert counts["count"].tolist() == [10, 20]
    reasons = [(e.location, e.reason) for e in row_account(counts).excluded]
    assert reasons == [
        ("sheet '2022', row 2", "subtotal"),
        ("sheet '2022', row 6", "blank"),
        ("sheet '2022', row 7", "footnote"),
        ("sheet '2022', row 5", "total"),
    ]
    assert row_account(counts).rows_read == 6


def test_yes_no_groups_under_a_measure(tmp_path):
    rows = [
        ["Council", "Seats", "Welsh language", None, "Disability", None],
        [None, None, "Yes", "No", "Yes", "No"],
        ["Gwynedd", 69, 50, 19, 5, 60],
    ]
    counts = quiet_load(write_book(tmp_path / "r.xlsx", {"2022": rows}, {"2022": ["C1:D1"]}))
    assert value(counts, "Gwynedd", "welsh_language", "Welsh speaker") == 50
    assert value(counts, "Gwynedd", "welsh_language", "Not Welsh speaker") == 19
    assert value(counts, "Gwynedd", "disability", "Disabled") == 5
    assert value(counts, "Gwynedd", "disability", "Not disabled") == 60
