"""load_survey on exports laid out the way survey tools write them; errors, years, councils."""

import datetime as dt
import warnings

import pandas as pd
import pytest

from diversity_review.errors import DataError, DataWarning, NoTableError, row_account
from diversity_review.load.survey import load_survey
from helpers import write_book, write_csv


def values(series):
    return [None if pd.isna(v) else v for v in series]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_each_encoding(tmp_path, encoding):
    rows = [
        ["Respondent ID", "What is your sex?", "Ydych chi'n ystyried eich hun yn anabl?"],
        ["1", "Gwell gennyf beidio â dweud", "Nac ydw"],
        ["2", "Female", "Ydw"],
    ]
    path = write_csv(tmp_path / "survey.csv", rows, encoding)
    table = load_survey(path, survey_year=2023)
    assert values(table["sex"]) == ["Prefer not to say", "Female"]
    assert values(table["disability"]) == ["Not disabled", "Disabled"]


def test_output_shape_and_dtypes(tmp_path):
    rows = [
        ["ID", "Email", "Which council do you represent?", "What is your sex?"],
        ["17", "a@example.invalid", "Cardiff", "Male"],
        ["23", "b@example.invalid", "Caerdydd", "Female"],
    ]
    table = load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2022)
    assert list(table.columns) == ["respondent_id", "council_code", "survey_year", "sex"]
    assert table["respondent_id"].tolist() == [1, 2]  # fresh, not the export's 17 and 23
    assert str(table["respondent_id"].dtype) == "Int64"
    assert str(table["survey_year"].dtype) == "Int64"
    assert table["survey_year"].tolist() == [2022, 2022]
    assert table["council_code"].tolist() == ["W06000015", "W06000015"]
    assert isinstance(table["sex"].dtype, pd.CategoricalDtype)
    assert table.attrs["measures"] == ["sex"]


def test_microsoft_forms_xlsx_with_title_row_and_welsh_headers(tmp_path):
    when = dt.datetime(2023, 6, 1, 9, 30)
    rows = [
        ["Arolwg amrywiaeth aelodau (allforio)"],
        [],
        ["ID", "Amser dechrau", "Amser cwblhau", "E-bost", "Enw", "Beth yw eich rhyw?",
         "Beth yw eich oedran?", "Beth yw eich grŵp ethnig?", "Pa sgiliau Cymraeg sydd gennych?",
         "Unrhyw sylwadau eraill"],
        [1, when, when, "x@example.invalid", "Test Person 01", "Benyw", 61, "Gwyn",
         "Siarad Cymraeg;Darllen Cymraeg;", "Dim"],
        [2, when, when, "y@example.invalid", "Test Person 02", "Gwryw", 33.0,
         "Gwell gennyf beidio â dweud", "Dim un o'r rhain;", None],
    ]  # fmt: skip
    table = load_survey(write_book(tmp_path / "arolwg.xlsx", rows, title="Form1"))
    assert table["survey_year"].tolist() == [2023, 2023]
    assert values(table["sex"]) == ["Female", "Male"]
    assert values(table["age"]) == ["60-74", "30-44"]
    assert values(table["ethnicity"]) == ["White", "Prefer not to say"]
    assert values(table["welsh_speaks"]) == [True, False]
    assert row_account(table).rows_read == 2


def test_google_forms_csv(tmp_path):
    rows = [
        ["Timestamp", "Email address", "What is your gender?", "What is your sexual orientation?",
         "Age group", "Which of these can you do in Welsh?",
         "Is your gender identity the same as the sex you were registered at birth?"],
        ["2024/05/01 10:00:00 am GMT+1", "a@example.invalid", "Woman", "Straight / Heterosexual",
         "45 to 59", "Understand spoken Welsh, Speak Welsh", "Yes"],
        ["2024/05/02 11:00:00 am GMT+1", "b@example.invalid", "Man", "Gay", "75 or over", "",
         "No"],
    ]  # fmt: skip
    table = load_survey(write_csv(tmp_path / "responses.csv", rows))
    assert table["survey_year"].tolist() == [2024, 2024]
    assert values(table["sex"]) == ["Female", "Male"]
    assert values(table["sexual_orientation"]) == ["Straight or heterosexual", "Gay or lesbian"]
    assert values(table["gender_identity"]) == [
        "Same as sex registered at birth",
        "Different from sex registered at birth",
    ]
    assert values(table["age"]) == ["45-59", "75+"]
    assert values(table["welsh_speaks"]) == [True, None]
    assert values(table["welsh_language"]) == ["Welsh speaker", None]


def test_smartsurvey_two_header_rows(tmp_path):
    t = dt.datetime(2023, 3, 1, 12, 0)
    rows = [
        ["UserNo", "Started", "Ended", "IP Address", "1. What is your sex?",
         "2. What is your ethnic group?", None, "3. Which of these can you do in Welsh?", None,
         None, None, None, "4. Any other comments"],
        [None, None, None, None, "Response", "Response", "Other (please specify)",
         "Understand spoken Welsh", "Speak Welsh", "Read Welsh", "Write Welsh", "None of these",
         "Open-Ended Response"],
        [1, t, t, "192.0.2.1", "Female", "White", None, "Understand spoken Welsh", "Speak Welsh",
         None, None, None, "Nice survey"],
        [2, t, t, "192.0.2.2", "Male", "Other (please specify)", "my own words", None, None,
         None, None, "None of these", None],
        [3, t, t, "192.0.2.3", None, None, None, None, None, None, None, None, "only a comment"],
    ]  # fmt: skip
    table = load_survey(write_book(tmp_path / "smartsurvey.xlsx", rows))
    assert values(table["sex"]) == ["Female", "Male", None]
    assert values(table["ethnicity"]) == ["White", "Other ethnic group", None]
    assert values(table["ethnicity_detail"]) == [
        "White: not specified",
        "Other ethnic group: not specified",
        None,
    ]
    assert values(table["welsh_understands"]) == [True, False, None]
    assert values(table["welsh_speaks"]) == [True, False, None]
    assert values(table["welsh_language"]) == ["Welsh speaker", "Not Welsh speaker", None]
    assert table["survey_year"].tolist() == [2023] * 3


def test_row_account_blank_and_metadata_only_rows(tmp_path):
    rows = [
        ["ID", "Start time", "Email", "What is your sex?", "Any other comments"],
        ["1", "01/05/2023 10:00", "a@example.invalid", "Female", ""],
        ["", "", "", "", ""],
        ["3", "02/05/2023 10:00", "c@example.invalid", "", ""],
        ["4", "03/05/2023 10:00", "d@example.invalid", "Male", ""],
    ]
    table = load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023)
    account = row_account(table)
    assert (account.rows_read, account.rows_kept) == (4, 2)
    assert [(e.location, e.reason) for e in account.excluded] == [
        ("row 3", "blank row"),
        ("row 4", "no answers (only export metadata)"),
    ]
    assert table["respondent_id"].tolist() == [1, 2]
    assert values(table["sex"]) == ["Female", "Male"]


def test_questions_override_adds_and_drops(tmp_path):
    rows = [["ID", "Q7", "What is your age?"], ["1", "Female", "40"], ["2", "Male", "50"]]
    path = write_csv(tmp_path / "s.csv", rows)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataWarning)
        table = load_survey(
            path, survey_year=2023, questions={"q7": "sex", "What is your age?": None}
        )
    assert list(table.columns) == ["respondent_id", "council_code", "survey_year", "sex"]
    assert values(table["sex"]) == ["Female", "Male"]
    with pytest.raises(ValueError, match="not a survey measure"):
        load_survey(path, survey_year=2023, questions={"Q7": "shoe size"})


def test_unrecognised_column_is_listed_in_a_warning(tmp_path):
    rows = [["ID", "What is your sex?", "Favourite colour"], ["1", "Female", "Blue"]]
    with pytest.warns(DataWarning, match=r"column C \('Favourite colour'\)"):
        table = load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023)
    assert list(table.columns)[-1] == "sex"


def test_please_specify_column_beside_the_question_is_dropped(tmp_path):
    rows = [
        ["ID", "What is your religion?", "What is your religion? - Other (please specify)"],
        ["1", "Other", "Jedi"],
        ["2", "Christian", ""],
    ]
    table = load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023)
    assert values(table["religion"]) == ["Other religion", "Christian"]


def test_unmappable_answers_and_bad_ages_all_reported_with_locations(tmp_path):
    rows = [
        ["Respondent ID", "What is your sex?", "What is your age?"],
        ["1", "Female", "45"],
        ["2", "Unsure", "16"],
        ["3", "Male", "200"],
    ]
    with pytest.raises(DataError) as info:
        load_survey(write_csv(tmp_path / "bad.csv", rows), survey_year=2023)
    lines = info.value.lines()
    assert len(lines) == 3
    assert info.value.codes == ["unmapped-answer", "age-out-of-range", "age-out-of-range"]
    assert [p.cell for p in info.value.problems] == ["B3", "C3", "C4"]
    assert lines[0].startswith(
        "bad.csv, cell B3: 'Unsure' in column B ('What is your sex?'), row 3"
    )
    assert lines[1].startswith("bad.csv, cell C3: '16' in column C ('What is your age?'), row 3")
    assert "age 16 is outside 18-110" in lines[1]
    assert lines[2].startswith("bad.csv, cell C4:") and "age 200 is outside 18-110" in lines[2]


def test_xlsx_error_names_the_sheet(tmp_path):
    rows = [["ID", "What is your sex?"], [1, "Female"], [2, "Purple"]]
    # "Purple" is no option the vocabulary knows for sex: it may be typed, so it is not quoted
    # (issue 12); the message still names the sheet, cell, column, question and row
    with pytest.raises(
        DataError,
        match=r"^s\.xlsx, sheet 'Form1', cell B3: the answer \(typed text, not repeated here\) "
        r"in column B \('What is your sex\?'\), row 3 is not a recognised sex answer",
    ) as info:
        load_survey(write_book(tmp_path / "s.xlsx", rows, title="Form1"), survey_year=2023)
    assert "Purple" not in str(info.value)
    assert [(p.sheet, p.cell, p.code) for p in info.value.problems] == [
        ("Form1", "B3", "unmapped-answer")
    ]


def test_not_strict_keeps_other_and_warns_once(tmp_path):
    rows = [
        ["ID", "What is your ethnic group?", "What is your sex?"],
        ["1", "Polish", "Non-binary"],
        ["2", "White", "Female"],
    ]
    path = write_csv(tmp_path / "s.csv", rows)
    with pytest.warns(DataWarning) as record:
        table = load_survey(path, survey_year=2023, strict=False)
    assert len(record) == 1
    message = str(record[0].message)
    assert "2 answers not recognised" in message and "cell B2" in message and "cell C2" in message
    assert values(table["ethnicity"]) == ["Other ethnic group", "White"]
    assert values(table["ethnicity_detail"]) == [
        "Other ethnic group: not specified",
        "White: not specified",
    ]
    assert values(table["sex"]) == [None, "Female"]  # sex has no Other group: NA


def test_age_band_that_does_not_fit_asks_for_age_bands(tmp_path):
    rows = [["ID", "Age group"], ["1", "25-34"]]
    with pytest.raises(DataError, match="pass age_bands=") as info:
        load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023)
    assert info.value.codes == ["age-band-mismatch"]
    assert info.value.problems[0].cell == "B2"
    assert "'25-34' in column B ('Age group'), row 2" in str(info.value)  # a band: quoted


def test_two_columns_for_one_measure_is_an_error(tmp_path):
    rows = [["ID", "What is your sex?", "Sex"], ["1", "Female", "Female"]]
    with pytest.raises(
        DataError, match=r"column B \('What is your sex\?'\) and column C \('Sex'\)"
    ) as info:
        load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023)
    assert info.value.codes == ["duplicate-question"]


@pytest.mark.parametrize(
    "rows",
    [
        [["Name", "Email"], ["Test Person 01", "t@example.invalid"]],
        [["Favourite colour", "Shoe size"], ["Blue", "9"]],
    ],
)
def test_no_question_column_raises_no_table_error(tmp_path, rows):
    with pytest.raises(NoTableError, match="no member survey questions recognised") as info:
        load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023)
    assert info.value.codes == ["no-header"]


def test_survey_year_from_argument_file_name_and_completion_time(tmp_path):
    rows = [
        ["ID", "Completion time", "What is your sex?"],
        ["1", "30/12/2022 10:00", "Female"],
        ["2", "03/01/2023 10:00", "Male"],
        ["3", "05/01/2023 10:00", "Male"],
    ]
    path = write_csv(tmp_path / "export.csv", rows)
    assert load_survey(path)["survey_year"].tolist() == [2023] * 3  # the most common year
    assert load_survey(path, survey_year=2021)["survey_year"].tolist() == [2021] * 3
    named = write_csv(tmp_path / "member_survey_2024.csv", rows)
    assert load_survey(named)["survey_year"].tolist() == [2024] * 3


def test_survey_year_unknown_is_an_error(tmp_path):
    rows = [["ID", "What is your sex?"], ["1", "Female"]]
    with pytest.raises(DataError, match="pass survey_year=") as info:
        load_survey(write_csv(tmp_path / "export.csv", rows))
    assert info.value.codes == ["no-survey-year"]


def test_council_from_question_else_argument_else_na(tmp_path):
    rows = [
        ["ID", "Council", "What is your sex?"],
        ["1", "Cardiff", "Female"],
        ["2", "Cyngor Sir Gâr", "Male"],
        ["3", "", "Male"],
    ]
    path = write_csv(tmp_path / "s.csv", rows)
    table = load_survey(path, survey_year=2023, council="City and County of Swansea")
    assert table["council_code"].tolist() == ["W06000015", "W06000010", "W06000011"]
    assert load_survey(path, survey_year=2023)["council_code"].isna().tolist() == [
        False,
        False,
        True,
    ]
    bare = write_csv(tmp_path / "b.csv", [["ID", "What is your sex?"], ["1", "Female"]])
    assert load_survey(bare, survey_year=2023)["council_code"].isna().all()


def test_unknown_council_is_located(tmp_path):
    rows = [["ID", "Which council do you represent?", "Sex"], ["1", "Atlantis", "Female"]]
    # a council name as typed is not repeated (issue 12): the message names cell and question
    with pytest.raises(
        DataError,
        match=r"s\.csv, cell B2: unknown council in column B "
        r"\('Which council do you represent\?'\), row 2",
    ) as info:
        load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023)
    assert "Atlantis" not in str(info.value)
    assert [(p.cell, p.code) for p in info.value.problems] == [("B2", "unknown-council")]


def test_unknown_council_suggests_registry_names(tmp_path):
    rows = [["ID", "Council", "Sex"], ["1", "Cardif", "Female"]]
    with pytest.raises(DataError, match=r"did you mean 'Cardiff'\?") as info:
        load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023)
    assert "Cardif'" not in str(info.value)  # the suggestion is quoted, the typed name is not


def test_census_disability_pair_limitation_question_used_condition_no_fills_in(tmp_path):
    rows = [
        ["ID",
         "Do you have any physical or mental health conditions or illnesses lasting or expected "
         "to last 12 months or more?",
         "Do any of your conditions or illnesses reduce your ability to carry out day-to-day "
         "activities?"],
        ["1", "Yes", "Yes, a lot"],
        ["2", "No", ""],
        ["3", "Yes", "Not at all"],
        ["4", "Yes", ""],
        ["5", "", "Yes, a little"],
    ]  # fmt: skip
    table = load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023)
    assert values(table["disability"]) == [
        "Disabled",
        "Not disabled",
        "Not disabled",
        None,  # a condition, limitation not answered: unknown
        "Disabled",
    ]


def test_repeated_adjacent_headers_do_not_swallow_the_first_respondent(tmp_path):
    rows = [
        ["ID", "Start time", "What is your sex?", "Please specify", "Please specify"],
        ["1", "01/05/2023 10:00", "Female", "a", "b"],
        ["2", "01/05/2023 11:00", "Male", "", ""],
    ]
    table = load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023)
    assert values(table["sex"]) == ["Female", "Male"]
    assert row_account(table).rows_read == 2


def test_forms_quiz_columns_are_not_questions(tmp_path):
    rows = [
        ["ID", "Total points", "Quiz feedback", "What is your sex?", "Points - What is your sex?",
         "Feedback - What is your sex?"],
        ["1", "0", "", "Female", "0", ""],
    ]  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataWarning)
        table = load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023)
    assert values(table["sex"]) == ["Female"]


def test_an_export_with_no_responses_is_an_error(tmp_path):
    path = tmp_path / "members_2023.csv"
    path.write_text("ID,Email,What is your sex?\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_survey(path)
    assert str(info.value) == "members_2023.csv, row 1: no responses below the header"
    assert [(p.cell, p.code) for p in info.value.problems] == [("row 1", "no-responses")]
