"""load_surveys: several exports stacked into one respondent table."""

import pandas as pd
import pytest

from diversity_review.errors import DataError, NoTableError, row_account
from diversity_review.load.survey import load_survey, load_surveys
from helpers import write_csv


def values(series):
    return [None if pd.isna(v) else v for v in series]


@pytest.fixture
def two_exports(tmp_path):
    # Cardiff 2022: sex, disability and Welsh skills; a blank row; an email column
    first = write_csv(
        tmp_path / "cardiff_2022.csv",
        [
            ["ID", "Email", "Which council do you represent?", "What is your sex?",
             "Do you consider yourself to be disabled?",
             "Which of the following can you do in Welsh?"],
            ["7", "a@example.invalid", "Cardiff", "Female", "Yes", "Speak Welsh;"],
            ["", "", "", "", "", ""],
            ["9", "b@example.invalid", "Cardiff", "Prefer not to say", "No", "None of these;"],
        ],
    )  # fmt: skip
    # Powys 2023: sex, age and ethnicity (no disability, no Welsh question), a comment column
    second = write_csv(
        tmp_path / "powys_2023.csv",
        [
            ["ID", "Which council do you represent?", "What is your sex?", "What is your age?",
             "What is your ethnic group?", "Any other comments"],
            ["1", "Powys", "Male", "67", "White - Irish", "none"],
            ["2", "Powys", "Female", "31", "Prefer not to say", ""],
            ["3", "Powys", "", "", "", "only a comment"],
        ],
    )  # fmt: skip
    return first, second


def test_stacks_with_fresh_ids_and_na_for_questions_not_asked(two_exports):
    table = load_surveys(two_exports)
    assert list(table.columns) == [
        "respondent_id", "council_code", "survey_year", "sex", "age", "ethnicity",
        "ethnicity_detail", "disability", "welsh_language", "welsh_understands",
        "welsh_speaks", "welsh_reads", "welsh_writes",
    ]  # fmt: skip
    assert table["respondent_id"].tolist() == [1, 2, 3, 4, 5]
    assert str(table["respondent_id"].dtype) == "Int64"
    assert table["council_code"].tolist() == ["W06000015"] * 2 + ["W06000023"] * 3
    assert table["survey_year"].tolist() == [2022, 2022, 2023, 2023, 2023]
    assert values(table["sex"]) == ["Female", "Prefer not to say", "Male", "Female", None]
    assert values(table["disability"]) == ["Disabled", "Not disabled", None, None, None]
    assert values(table["age"]) == [None, None, "60-74", "30-44", None]
    assert values(table["ethnicity_detail"]) == [None, None, "White: Irish",
                                                 "Prefer not to say", None]  # fmt: skip
    assert values(table["welsh_speaks"]) == [True, False, None, None, None]
    assert str(table["welsh_speaks"].dtype) == "boolean"
    assert str(table["ethnicity_detail"].dtype) == "str"


def test_every_measure_stays_an_ordered_categorical_in_canonical_order(two_exports):
    table = load_surveys(two_exports)
    for measure in table.attrs["measures"]:
        dtype = table[measure].dtype
        assert isinstance(dtype, pd.CategoricalDtype) and dtype.ordered, measure
    assert table["sex"].cat.categories.tolist() == ["Female", "Male", "Prefer not to say"]
    assert table["disability"].cat.categories.tolist() == [
        "Disabled",
        "Not disabled",
        "Prefer not to say",
    ]
    assert table["age"].cat.categories.tolist() == [
        "18-29", "30-44", "45-59", "60-74", "75+", "Prefer not to say",
    ]  # fmt: skip
    assert table["sex"].value_counts().to_dict() == {
        "Female": 2,
        "Male": 1,
        "Prefer not to say": 1,
    }


def test_keyword_arguments_go_to_every_file(two_exports):
    table = load_surveys(two_exports, survey_year=2024, age_bands=[18, 40, 60])
    assert table["survey_year"].tolist() == [2024] * 5
    assert table["age"].cat.categories.tolist() == ["18-39", "40-59", "60+", "Prefer not to say"]
    assert values(table["age"]) == [None, None, "60+", "18-39", None]


def test_attrs_add_up_the_files(two_exports):
    table = load_surveys(two_exports)
    account = row_account(table)
    assert account.file == "cardiff_2022.csv, powys_2023.csv"
    assert (account.rows_read, account.rows_kept) == (6, 5)
    assert [(e.location, e.reason) for e in account.excluded] == [
        ("cardiff_2022.csv, row 3", "blank row")
    ]
    assert table.attrs["measures"] == ["sex", "age", "ethnicity", "disability", "welsh_language"]
    assert table.attrs["dropped"] == {
        "ID": "survey metadata",
        "Email": "personal data",
        "Any other comments": "free text",
    }
    assert table.attrs["questions"]["sex"] == "What is your sex?"
    assert table.attrs["questions"]["age"] == "What is your age?"
    # Cardiff's export had no age or ethnicity question, Powys's none on disability or Welsh
    cardiff, powys = ["W06000015"], ["W06000023"]
    assert table.attrs["not_asked"] == {
        "age": cardiff,
        "ethnicity": cardiff,
        "disability": powys,
        "welsh_language": powys,
        "welsh_skills": powys,
    }


def test_a_question_one_council_was_not_asked_is_not_applicable_there(two_exports):
    from diversity_review.analysis import breakdown

    out = breakdown(load_surveys(two_exports), "disability", include_not_stated=True)
    powys = out[out["council_code"] == "W06000023"]
    assert not powys["asked"].any() and (powys["base"] == 0).all()
    # Powys's 3 (2023) are neither answers nor skips: Wales 2022 is Cardiff's 2, and Wales
    # 2023 (Powys alone) was not asked
    wales = out[out["council_code"] == "W92000004"]
    in_2022, in_2023 = wales[wales["survey_year"] == 2022], wales[wales["survey_year"] == 2023]
    assert set(in_2022["base"]) == {2} and set(in_2022["excluded"]) == {0}
    assert not in_2023["asked"].any() and (in_2023["respondents"] == 3).all()


def test_one_path_is_the_same_as_load_survey(two_exports):
    one = load_surveys(two_exports[1])
    pd.testing.assert_frame_equal(one, load_survey(two_exports[1]))
    assert one.attrs["dropped"] == load_survey(two_exports[1]).attrs["dropped"]


def test_problems_of_every_file_are_reported_together(tmp_path):
    bad_sex = write_csv(tmp_path / "a_2023.csv", [["ID", "What is your sex?"], ["1", "Walrus"]])
    bad_age = write_csv(tmp_path / "b_2023.csv", [["ID", "What is your age?"], ["1", "12"]])
    with pytest.raises(DataError) as info:
        load_surveys([bad_sex, bad_age])
    assert [p.file for p in info.value.problems] == ["a_2023.csv", "b_2023.csv"]
    assert [p.cell for p in info.value.problems] == ["B2", "B2"]
    assert info.value.codes == ["unmapped-answer", "age-out-of-range"]
    assert not isinstance(info.value, NoTableError)
    with pytest.raises(ValueError, match="at least one"):
        load_surveys([])
