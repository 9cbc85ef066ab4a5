"""Messages about survey cells name row, column and question, and never repeat typed text."""

import re
import warnings

import pytest

from diversity_review.errors import DataError, DataWarning
from diversity_review.load.survey import load_survey
from diversity_review.load.survey.problems import CODES
from helpers import write_csv

TYPED = "Ada Jones, call me on 07700 900123"


def test_a_name_and_phone_number_typed_into_an_answer_are_never_quoted(tmp_path):
    rows = [
        ["ID", "What is your sex?", "What is your age?", "Which council do you represent?"],
        ["1", TYPED, "45", "Cardiff"],
        ["2", "Female", TYPED, "Cardiff"],
        ["3", "Male", "52", TYPED],
    ]
    path = write_csv(tmp_path / "s.csv", rows)
    with pytest.raises(DataError) as info:
        load_survey(path, survey_year=2023)
    text = str(info.value)
    for fragment in ["Ada", "Jones", "07700", "900123"]:
        assert fragment not in text, fragment
    assert [(p.cell, p.code) for p in info.value.problems] == [
        ("B2", "unmapped-answer"),
        ("C3", "unmapped-answer"),
        ("D4", "unknown-council"),
    ]
    assert info.value.lines()[0] == (
        "s.csv, cell B2: the answer (typed text, not repeated here) in column B ('What is your "
        "sex?'), row 2 is not a recognised sex answer: expected Female, Male or Prefer not to "
        "say (Benyw, Gwryw)"
    )
    assert "in column C ('What is your age?'), row 3" in info.value.lines()[1]
    # with strict=False the answer is kept as NA and listed in a warning that does not quote it
    kept = write_csv(tmp_path / "k.csv", [row[:2] for row in rows])
    with pytest.warns(DataWarning, match="cell B2") as record:
        table = load_survey(kept, survey_year=2023, strict=False)
    assert table["sex"].isna().tolist() == [True, False, False]
    assert not any("07700" in str(w.message) or "Ada" in str(w.message) for w in record)


def test_numbers_and_known_options_are_quoted(tmp_path):
    rows = [["ID", "Do you consider yourself to be disabled?", "Age"], ["1", "Not sure", "7"]]
    with pytest.raises(DataError) as info:
        load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023)
    lines = info.value.lines()
    assert lines[0].startswith("s.csv, cell B2: 'Not sure' in column B")  # a known option
    assert lines[1].startswith("s.csv, cell C2: '7' in column C ('Age'), row 2")  # a number
    assert "age 7 is outside 18-110" in lines[1]


def test_a_repeated_answer_is_one_problem_at_its_first_cell(tmp_path):
    rows = [["ID", "What is your sex?"]] + [
        [str(i), "Walrus" if i % 2 else "Female"] for i in range(1, 12)
    ]
    with pytest.raises(DataError) as info:
        load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023)
    # rows 2, 4, 6, 8, 10 and 12 hold it (respondents 1, 3, ... 11): one problem, at B2
    assert [(p.cell, p.code) for p in info.value.problems] == [("B2", "unmapped-answer")]
    assert str(info.value).endswith("; the same answer is in 5 other rows (4, 6, 8, …)")


def test_kept_as_other_counts_cells_not_distinct_answers(tmp_path):
    rows = [["ID", "What is your religion?"], ["1", "Zoroastrian"], ["2", "Zoroastrian"]]
    with pytest.warns(DataWarning, match="2 answers not recognised") as record:
        table = load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023, strict=False)
    assert table["religion"].tolist() == ["Other religion"] * 2
    message = str(record[0].message)
    assert "cell B2" in message and "1 other row (3)" in message
    assert "Zoroastrian" not in message


def test_every_code_raised_is_documented():
    source = open("src/diversity_review/load/survey/problems.py", encoding="utf-8").read()
    documented = set(re.findall(r"``([a-z]+(?:-[a-z]+)+)``", source))
    assert documented == CODES


def test_messages_are_one_line(tmp_path):
    rows = [["ID", "What is your sex?"], ["1", "line one\nline two"]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(DataError) as info:
            load_survey(write_csv(tmp_path / "s.csv", rows), survey_year=2023)
    assert len(info.value.lines()) == 1 and "\n" not in str(info.value)
