"""attrs["dropped"]: every column load_survey left out, by header text, with the reason."""

import datetime as dt

import openpyxl
import pytest

from diversity_review.errors import DataWarning
from diversity_review.load.survey import load_survey
from helpers import write_csv

REASONS = {
    "personal data",
    "survey metadata",
    "free text",
    "unrecognised question",
    "left out (questions=)",
}


def test_smartsurvey_option_column_of_typed_text_is_named_with_its_question(tmp_path):
    t = dt.datetime(2023, 3, 1, 12, 0)
    rows = [
        ["UserNo", "Started", "Ended", "IP Address", "1. What is your sex?",
         "2. What is your ethnic group?", None, "3. Any other comments"],
        [None, None, None, None, "Response", "Response", "Other (please specify)",
         "Open-Ended Response"],
        [1, t, t, "192.0.2.1", "Female", "White", None, "Nice survey"],
        [2, t, t, "192.0.2.2", "Male", "Other (please specify)", "my own words", None],
    ]  # fmt: skip
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(tmp_path / "smart.xlsx")
    table = load_survey(tmp_path / "smart.xlsx")
    assert table.attrs["dropped"] == {
        "UserNo": "survey metadata",
        "Started": "survey metadata",
        "Ended": "survey metadata",
        "IP Address": "personal data",
        "2. What is your ethnic group? [Other (please specify)]": "free text",
        "3. Any other comments": "free text",
    }
    assert "192.0.2" not in repr(table.attrs) and "own words" not in repr(table.attrs)


def test_left_out_unrecognised_unnamed_and_specify_columns(tmp_path):
    rows = [
        ["ID", "What is your sex?", "What is your age?", "Favourite colour", "",
         "What is your religion?", "What is your religion? - Other (please specify)",
         "Telephone number"],
        ["1", "Female", "40", "Blue", "x", "Other", "Jedi", "01234 567890"],
        ["2", "Male", "50", "Red", "", "Christian", "", ""],
    ]  # fmt: skip
    path = write_csv(tmp_path / "s.csv", rows)
    with pytest.warns(DataWarning, match="Favourite colour"):
        table = load_survey(path, survey_year=2023, questions={"What is your age?": None})
    assert table.attrs["dropped"] == {
        "ID": "survey metadata",
        "What is your age?": "left out (questions=)",
        "Favourite colour": "unrecognised question",
        "column E (no header)": "unrecognised question",
        "What is your religion? - Other (please specify)": "free text",
        "Telephone number": "personal data",
    }
    assert set(table.attrs["dropped"].values()) <= REASONS
    assert table.attrs["measures"] == ["sex", "religion"]


def test_welsh_headers_and_a_sheet_per_council(tmp_path):
    when = dt.datetime(2023, 6, 1, 9, 30)
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "Ceredigion"
    first.append(["ID", "E-bost", "Beth yw eich rhyw?", "Unrhyw sylwadau eraill"])
    first.append([1, "a@example.invalid", "Benyw", "Dim"])
    second = wb.create_sheet("Powys")
    second.append(["ID", "Amser cwblhau", "Beth yw eich rhyw?", "Cyfeiriad e-bost"])
    second.append([1, when, "Gwryw", "b@example.invalid"])
    wb.save(tmp_path / "arolwg.xlsx")
    table = load_survey(tmp_path / "arolwg.xlsx", survey_year=2023)
    # one entry per header text, in the order first met
    assert table.attrs["dropped"] == {
        "ID": "survey metadata",
        "E-bost": "personal data",
        "Unrhyw sylwadau eraill": "free text",
        "Amser cwblhau": "survey metadata",
        "Cyfeiriad e-bost": "personal data",
    }
    assert len(table) == 2
