"""The survey loader reads the experience-of-office questions (issue 16): hand-written exports
in English and Welsh, expected values written by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from diversity_review import load_survey
from diversity_review.errors import DataError
from helpers import write_book, write_csv

ABUSE_EN = (
    "In the last 12 months, have you experienced abuse or intimidation as a councillor? "
    "(Tick all that apply)"
)
SAFE_EN = "Do you feel safe carrying out your role as a councillor?"
ABUSE_CY = (
    "Yn ystod y 12 mis diwethaf, a ydych wedi profi camdriniaeth neu fygythiadau fel "
    "cynghorydd? (Ticiwch bob un sy'n berthnasol)"
)
CARING = "Do you have caring responsibilities?"
SAFE_CY = "A ydych yn teimlo'n ddiogel wrth gyflawni eich rôl fel cynghorydd?"


def _values(series: pd.Series) -> list:
    return [None if pd.isna(v) else v for v in series]


def test_forms_export_in_english(tmp_path):
    # Microsoft Forms: one column per question, a multi-select's ticks joined by ";"
    path = write_csv(
        tmp_path / "forms.csv",
        [
            ["ID", "Start time", "What is your sex?", ABUSE_EN, SAFE_EN, "Any other comments?"],
            ["1", "1/5/24 10:00", "Female", "Online or on social media;In person;", "No", "x"],
            ["2", "1/5/24 10:05", "Male", "None of these;", "Yes", ""],
            ["3", "1/5/24 10:09", "Female", "", "Sometimes", ""],
            ["4", "1/5/24 10:12", "Male", "Threats of violence;At or near my home;", "", ""],
        ],
    )
    frame = load_survey(path, survey_year=2024)
    assert _values(frame["abuse_online"]) == [True, False, None, False]
    assert _values(frame["abuse_in_person"]) == [True, False, None, False]
    assert _values(frame["abuse_threats"]) == [False, False, None, True]
    assert _values(frame["abuse_at_home"]) == [False, False, None, True]
    assert _values(frame["abuse_any"]) == [True, False, None, True]
    assert _values(frame["felt_safe"]) == ["No", "Yes", "Sometimes", None]
    # the contract the pack relies on: these dtypes for the experience columns
    assert frame["abuse_online"].dtype == "boolean"
    assert frame["felt_safe"].dtype == "string"
    assert "abuse_none" not in frame.columns
    assert frame.attrs["dropped"]["Any other comments?"] == "free text"


def test_surveymonkey_two_row_export_in_welsh(tmp_path):
    # SurveyMonkey: the question over its options (second row), the label in a ticked cell
    path = write_book(
        tmp_path / "monkey.xlsx",
        [
            ["Respondent ID", f"C1. {ABUSE_CY}", None, None, None, None, SAFE_CY],
            [None, "Ar-lein neu ar gyfryngau cymdeithasol", "Wyneb yn wyneb",
             "Bygythiadau o drais", "Yn fy nghartref neu'n agos ato", "Dim un o'r rhain",
             "Response"],
            ["11", "Ar-lein neu ar gyfryngau cymdeithasol", None, "Bygythiadau o drais",
             None, None, "Nac ydw"],
            ["12", None, None, None, None, "Dim un o'r rhain", "Ydw"],
            ["13", None, "Wyneb yn wyneb", None, None, None, "Weithiau"],
        ],
        merges={"Sheet1": ["B1:F1"]},
    )  # fmt: skip
    frame = load_survey(path, survey_year=2024)
    assert _values(frame["abuse_online"]) == [True, False, False]
    assert _values(frame["abuse_in_person"]) == [False, False, True]
    assert _values(frame["abuse_threats"]) == [True, False, False]
    assert _values(frame["abuse_at_home"]) == [False, False, False]
    assert _values(frame["abuse_any"]) == [True, False, True]
    assert _values(frame["felt_safe"]) == ["No", "Yes", "Sometimes"]


def test_plain_caring_question_stays_the_survey_measure(tmp_path):
    # the same words without "(Tick all that apply)" are the survey's caring question
    path = write_csv(
        tmp_path / "c.csv",
        [
            [CARING, f"{CARING} (Tick all that apply)"],
            ["Yes", "For children;"],
            ["No", "None;"],
        ],
    )  # fmt: skip
    frame = load_survey(path, survey_year=2024)
    assert "caring" in frame.columns
    assert _values(frame["caring_for_children"]) == [True, False]
    assert _values(frame["caring_for_adults"]) == [False, False]


def test_an_unknown_answer_is_one_problem_that_does_not_quote_it(tmp_path):
    path = write_csv(
        tmp_path / "bad.csv",
        [["Sex", SAFE_EN], ["Female", "Yes"], ["Male", "Ring Ada on 07700 900123"]],
    )
    with pytest.raises(DataError) as caught:
        load_survey(path, survey_year=2024)
    message = str(caught.value)
    assert "07700" not in message and "Ada" not in message
    assert "felt_safe" in message and "row 3" in message


def test_numbered_headers_and_option_columns_of_ones_and_zeros(tmp_path):
    # Jisc-style numbering ("4.", "4a"), one column per option holding 1 / 0, Welsh wording
    hours_cy = "Ar gyfartaledd, faint o oriau'r wythnos ydych chi'n eu treulio ar fusnes y cyngor?"
    q = "A wnaethoch chi roi gwybod amdano? (Ticiwch bob un sy'n berthnasol)"
    path = write_csv(
        tmp_path / "jisc.csv",
        [
            ["1. Beth yw eich rhyw?", f"4. {q} [I'r cyngor]", f"4. {q} [I'r heddlu]",
             f"4. {q} [I'm plaid neu grŵp]", f"4. {q} [Ni wnes i roi gwybod]",
             f"5. {hours_cy}"],
            ["Benyw", "1", "1", "0", "0", "20 i 29 awr"],
            ["Gwryw", "0", "0", "0", "1", "40 awr neu fwy"],
            ["Benyw", "", "", "", "", "Llai na 10 awr"],
        ],
    )  # fmt: skip
    frame = load_survey(path, survey_year=2024)
    assert _values(frame["reported_council"]) == [True, False, None]
    assert _values(frame["reported_police"]) == [True, False, None]
    assert _values(frame["reported_party"]) == [False, False, None]
    assert "reported_any" not in frame.columns  # the vocabulary names no "any" for it
    assert _values(frame["hours"]) == ["20-29", "40+", "Under 10"]
    assert list(frame["sex"].astype(str)) == ["Female", "Male", "Female"]


# --- the political group: a characteristic the experience questions are shown by ----------

GROUP_HEADERS = [
    "Political group",
    "Party",
    "Political party",
    "Which political group are you a member of?",
    "Grŵp gwleidyddol",
    "Plaid wleidyddol",
]


@pytest.mark.parametrize("header", GROUP_HEADERS)
def test_a_short_political_group_header_is_the_question(tmp_path, header):
    rows = [["Completion time", header, SAFE_EN], ["1/5/24 10:00", "Labour", "Yes"]]
    frame = load_survey(write_csv(tmp_path / "group.csv", rows))
    assert frame.attrs["questions"]["political_group"] == header
    assert _values(frame["political_group"]) == ["Labour"]
    assert header not in frame.attrs["dropped"]  # no longer dropped as personal data


def test_political_group_synonyms_english_and_welsh(tmp_path):
    written = [
        ("Welsh Labour", "Labour"),
        ("Labour and Co-operative", "Labour"),
        ("Llafur", "Labour"),
        ("Plaid", "Plaid Cymru"),
        ("Welsh Conservatives", "Conservative"),
        ("Ceidwadwyr", "Conservative"),
        ("Welsh Liberal Democrats", "Liberal Democrat"),
        ("Democratiaid Rhyddfrydol", "Liberal Democrat"),
        ("Green Party", "Green"),
        ("Plaid Werdd", "Green"),
        ("Annibynnol", "Independent"),
        ("Independent group", "Independent"),
        ("Other", "Other group"),
        ("Arall", "Other group"),
        ("Prefer not to say", None),
        ("", None),  # skipped (the row answers another question)
    ]
    rows = [["Completion time", "Political group", SAFE_EN]]
    rows += [["1/5/24 10:00", answer, "Yes"] for answer, _ in written]
    frame = load_survey(write_csv(tmp_path / "groups.csv", rows))
    assert _values(frame["political_group"]) == [group for _, group in written]
    assert frame["political_group"].dtype == "string"


def test_a_local_group_is_other_group_counted_in_one_warning_never_quoted(tmp_path):
    from diversity_review.errors import DataWarning

    local = ["Llais Gwynedd", "Propel", "Llais Gwynedd", "Hightown Residents' Association"]
    rows = [["Completion time", "Party"], ["1/5/24 10:00", "Labour"]]
    rows += [["1/5/24 10:00", name] for name in local]
    with pytest.warns(DataWarning) as caught:
        frame = load_survey(write_csv(tmp_path / "local.csv", rows))  # strict: not an error
    assert _values(frame["political_group"]) == ["Labour", *["Other group"] * len(local)]
    texts = [str(w.message) for w in caught if issubclass(w.category, DataWarning)]
    assert len(texts) == 1
    assert f"{len(local)} answers" in texts[0] and f"({len(set(local))} different)" in texts[0]
    assert "Other group" in texts[0]
    for name in local:
        assert name not in texts[0] and name.split()[0] not in texts[0]


def test_political_group_is_never_an_outcome():
    from diversity_review.experience import OUTCOMES, crosstab

    assert "political_group" not in OUTCOMES
    frame = pd.DataFrame({"sex": ["Female", "Male"], "political_group": ["Labour", "Green"]})
    with pytest.raises(ValueError, match="characteristic"):
        crosstab(frame, "political_group", by="sex")
