"""Reading exports column-wise: chunks, encodings, delimiters, ragged rows, one mapping per
distinct answer; a CSV and a workbook of the same answers read the same."""

import pandas as pd
import pytest

from diversity_review.errors import DataError, DataWarning, row_account
from diversity_review.load.survey import load_survey, mapping, source
from helpers import write_book, write_csv, write_text

PNTS = "Prefer not to say"
HEADER = ["ID", "Email", "What is your sex?", "What is your age?", "Any other comments"]


def export_rows(n):
    """``n`` respondents; every 7th row blank, every 11th only export metadata."""
    rows = [HEADER]
    for i in range(1, n + 1):
        if i % 7 == 0:
            rows.append([""] * 5)
        elif i % 11 == 0:
            rows.append([str(i), f"p{i}@example.invalid", "", "", ""])
        else:
            rows.append([str(i), f"p{i}@example.invalid", ["Female", "Male"][i % 2], "45", ""])
    return rows


def test_chunks_read_the_same_as_one_grid(tmp_path, monkeypatch):
    rows = export_rows(100)
    book = load_survey(write_book(tmp_path / "s.xlsx", rows), survey_year=2023)
    monkeypatch.setattr(source, "CHUNK_ROWS", 9)  # many chunks, some ending on a blank row
    csv_table = load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023)
    pd.testing.assert_frame_equal(csv_table, book)
    # by hand: 100 rows, 14 blank (7, 14, ... 98), 8 metadata only (11, 22, ... 88; 77 is
    # blank): 78 kept; odd i is Male
    account = row_account(csv_table)
    assert (account.rows_read, account.rows_kept, len(account.excluded)) == (100, 78, 22)
    reasons = {e.location: e.reason for e in account.excluded}
    assert reasons["row 8"] == "blank row"  # respondent 7 is spreadsheet row 8
    assert reasons["row 12"] == "no answers (only export metadata)"
    assert csv_table["sex"].value_counts().to_dict() == {"Female": 39, "Male": 39, PNTS: 0}


def test_each_distinct_answer_is_mapped_once(tmp_path, monkeypatch):
    calls = []
    real = mapping.map_answer

    def counting(measure, raw, groups=None):
        calls.append((measure, raw))
        return real(measure, raw, groups)

    monkeypatch.setattr(mapping, "map_answer", counting)
    rows = [["ID", "What is your sex?"]] + [
        [str(i), ["Female", "Male", "Prefer not to say"][i % 3]] for i in range(3000)
    ]
    table = load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023)
    assert sorted(calls) == [("sex", "Female"), ("sex", "Male"), ("sex", "Prefer not to say")]
    assert table["sex"].value_counts().to_dict() == {
        "Female": 1000,
        "Male": 1000,
        "Prefer not to say": 1000,
    }


@pytest.mark.parametrize(
    "text",
    [
        "ID;What is your sex?;Email\n1;Female;a\n2;;b\n3;Male;\n",
        "ID\tWhat is your sex?\tEmail\n1\tFemale\ta\n2\t\tb\n3\tMale\t\n",
        'ID,"What is\nyour sex?",Email\n1,"Female",a\n2,,b\n3,Male,\n',
        "ID,What is your sex?,Email,,\n1,Female,a\n2,,b\n3,Male\n",  # header wider than rows
    ],
)
def test_delimiters_quoted_newlines_and_short_rows(tmp_path, text):
    table = load_survey(write_text(tmp_path / "s.csv", text), survey_year=2023)
    assert table["sex"].tolist() == ["Female", "Male"]
    account = row_account(table)
    assert [(e.location, e.reason) for e in account.excluded] == [
        ("row 3", "no answers (only export metadata)")
    ]


def test_utf16_and_cp1252_and_an_unknown_encoding(tmp_path):
    text = "ID,Beth yw eich rhyw?\n1,Benyw\n2,Gwell gennyf beidio â dweud\n"
    for encoding in ("utf-16", "cp1252"):
        table = load_survey(
            write_text(tmp_path / f"{encoding}.csv", text, encoding), survey_year=2023
        )
        assert table["sex"].tolist() == ["Female", "Prefer not to say"], encoding
    bad = tmp_path / "bad.csv"
    # bytes 0x81 and 0x8D are neither UTF-8 nor Windows-1252; the first is byte 21 + 9 + 2
    bad.write_bytes(b"ID,What is your sex?\n1,Female\n" + b"2,\x81\x8d\n")
    with pytest.raises(DataError, match=r"text encoding not recognised \(byte 32\)") as info:
        load_survey(bad, survey_year=2023)
    assert info.value.codes == ["unknown-encoding"]


def test_a_row_holding_only_a_cell_beyond_the_header_is_a_respondent(tmp_path):
    rows = [["ID", "What is your sex?", "Email"]]
    rows += [[str(i), "Female", ""] for i in range(1, 61)]  # the first rows set the width
    rows += [["", "", "", "a note"]]
    with pytest.warns(DataWarning, match=r"column D \(no header\)"):
        table = load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023)
    assert len(table) == 61 and pd.isna(table["sex"].iloc[-1])
    assert table.attrs["dropped"]["column D (no header)"] == "unrecognised question"


def test_trailing_blank_rows_are_not_counted(tmp_path):
    text = "ID,What is your sex?\n1,Female\n,\n\n,\n"
    table = load_survey(write_text(tmp_path / "s.csv", text), survey_year=2023)
    assert (row_account(table).rows_read, len(table)) == (1, 1)


def test_values_that_pandas_would_read_as_missing_are_answers(tmp_path):
    # read_csv's default missing markers ("NA", "None", "null") must not swallow answers
    text = "ID,What is your religion?,Email\n1,None,NA\n2,Christian,null\n"
    table = load_survey(write_text(tmp_path / "s.csv", text), survey_year=2023)
    assert table["religion"].tolist() == ["No religion", "Christian"]
    assert row_account(table).rows_kept == 2
