"""No personal column and no typed text ever reaches the respondent table."""

import csv
import datetime as dt
import warnings

import openpyxl
import pandas as pd
import pytest

from diversity_review.load.survey import load_survey

PERSONAL_HEADERS = [
    "ID",
    "Start time",
    "Completion time",
    "Email",
    "Name",
    "Last modified time",
    "IP address",
    "What is your postcode?",
]
FREE_TEXT = [
    "Test Person 01",
    "Test Person 02",
    "test.person01@example.invalid",
    "test.person02@example.invalid",
    "198.51.100.7",
    "SA31 1AA",
    '=HYPERLINK("http://example.invalid","x")',
    "Meetings at 2pm exclude working councillors",
    "Druid, in my own words",
    "My gran speaks Welsh to me",
    "Nepalese",
]


def everything_in(table: pd.DataFrame) -> str:
    """Every column name, cell and attr of a table as one string."""
    cells = [str(v) for col in table.columns for v in table[col].tolist()]
    cats = [
        str(c)
        for col in table.columns
        if isinstance(table[col].dtype, pd.CategoricalDtype)
        for c in table[col].cat.categories
    ]
    return "\n".join([*map(str, table.columns), *cells, *cats, repr(table.attrs)])


def export_rows():
    header = [
        *PERSONAL_HEADERS,
        "What is your sex?",
        "What is your ethnic group?",
        "If other, please describe",
        "What is your religion or belief?",
        "Please specify",
        "Which of the following can you do in Welsh?",
        "Any other comments",
    ]
    t = "12/06/2023 10:00"
    return [
        header,
        ["1", t, t, FREE_TEXT[2], FREE_TEXT[0], t, FREE_TEXT[4], FREE_TEXT[5], "Female",
         "Other (please specify)", FREE_TEXT[10], "Other religion", FREE_TEXT[8],
         "Speak Welsh;", FREE_TEXT[6]],
        ["2", t, t, FREE_TEXT[3], FREE_TEXT[1], t, FREE_TEXT[4], FREE_TEXT[5], "Male",
         "White - Irish", "", "Christian", "", "None of these;", FREE_TEXT[7]],
        ["3", t, t, FREE_TEXT[3], FREE_TEXT[1], t, FREE_TEXT[4], FREE_TEXT[5], "", "", "", "",
         "", "", FREE_TEXT[9]],
    ]  # fmt: skip


def test_no_personal_column_or_free_text_in_the_table(tmp_path):
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(export_rows())
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing here is unrecognised
        table = load_survey(path)
    text = everything_in(table).lower()
    for value in FREE_TEXT:
        assert value.lower() not in text, value
    for header in [*PERSONAL_HEADERS, "please describe", "please specify", "comments"]:
        assert header.lower() not in [str(c).lower() for c in table.columns]
    # attrs["dropped"] names the columns left out by their header text, with why; nothing else
    # in attrs names them
    assert table.attrs["dropped"] == {
        "ID": "survey metadata",
        "Start time": "survey metadata",
        "Completion time": "survey metadata",
        "Email": "personal data",
        "Name": "personal data",
        "Last modified time": "survey metadata",
        "IP address": "personal data",
        "What is your postcode?": "personal data",
        "If other, please describe": "free text",
        "Please specify": "free text",
        "Any other comments": "free text",
    }
    others = repr({k: v for k, v in table.attrs.items() if k != "dropped"}).lower()
    for header in [*PERSONAL_HEADERS[3:], "If other", "Please specify", "Any other comments"]:
        assert header.lower() not in others, header
    # the answers themselves did arrive
    assert table["sex"].tolist()[:2] == ["Female", "Male"]
    assert table["ethnicity_detail"].tolist()[:2] == [
        "Other ethnic group: not specified",
        "White: Irish",
    ]
    assert len(table) == 3  # a respondent who only left a comment is still a respondent


def test_sample_export_leaks_nothing(root):
    path = root / "data" / "raw" / "member_survey_synthetic.csv"
    raw = path.read_text(encoding="utf-8-sig")
    # the sample does carry what must be dropped
    assert "Test Person 01" in raw and ",=Meetings" in raw and "own words" in raw
    table = load_survey(path)
    text = everything_in(table)
    for fragment in ["Test Person", "example.invalid", "=Meetings", "own words", "Thank you"]:
        assert fragment not in text, fragment
    assert len(table) == 60
    # the sample's header row: 6 export columns, 11 questions used, 2 typed-text columns
    assert table.attrs["dropped"] == {
        "ID": "survey metadata",
        "Start time": "survey metadata",
        "Completion time": "survey metadata",
        "Email": "personal data",
        "Name": "personal data",
        "Last modified time": "survey metadata",
        "If you chose another religion, please specify": "free text",
        "Any other comments": "free text",
    }


def test_dropped_holds_header_texts_never_cell_values(tmp_path):
    # a personal column whose header is generic and whose cells look like headers elsewhere
    rows = [
        ["Respondent ID", "Full name", "What is your sex?", "Comments"],
        ["1", "Email", "Female", "Name"],
        ["2", "Ada Jones", "Male", "Ada Jones was here"],
    ]
    path = tmp_path / "s.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    table = load_survey(path, survey_year=2023)
    dropped = table.attrs["dropped"]
    assert dropped == {
        "Respondent ID": "survey metadata",
        "Full name": "personal data",
        "Comments": "free text",
    }
    assert "Ada" not in everything_in(table)


def test_google_forms_typed_other_answer_is_not_kept(tmp_path):
    path = tmp_path / "g.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Timestamp", "Email address", "What is your ethnic group?"])
    ws.append([dt.datetime(2023, 1, 5), "a@example.invalid", "Kurdish (typed)"])
    wb.save(path)
    with pytest.warns(UserWarning):
        table = load_survey(path, strict=False)
    assert "Kurdish" not in everything_in(table)
    assert table["ethnicity"].tolist() == ["Other ethnic group"]
