"""Answer harmonisation in load_survey: each measure's answers, English and Welsh, by value."""

import csv

import pandas as pd
import pytest

from diversity_review.load.survey import load_survey

PNTS = "Prefer not to say"
NA = None


def load_column(tmp_path, header, answers, **kwargs):
    """Load a one-question CSV export (an ID column, then ``header``); blank answers skipped."""
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["ID", header, "Any other comments"])
        for i, answer in enumerate(answers, start=1):
            writer.writerow([i, answer, "" if answer else "left blank on purpose"])
    kwargs.setdefault("survey_year", 2023)
    return load_survey(path, **kwargs)


def values(series):
    return [None if pd.isna(v) else v for v in series]


def test_sex_english_and_welsh(tmp_path):
    answers = ["Female", "female ", "F", "Woman", "Benyw", "Male", "MALE", "Gwryw", "Man"]
    answers += ["Prefer not to say", "Gwell gennyf beidio â dweud", "prefer not to say.", ""]
    table = load_column(tmp_path, "What is your sex?", answers)
    assert values(table["sex"]) == ["Female"] * 5 + ["Male"] * 4 + [PNTS] * 3 + [NA]
    assert list(table["sex"].cat.categories) == ["Female", "Male", PNTS]
    assert table["sex"].cat.ordered


def test_skipped_is_na_but_prefer_not_to_say_is_a_category(tmp_path):
    table = load_column(tmp_path, "What is your sex?", ["", "Prefer not to say", ""])
    assert table["sex"].isna().tolist() == [True, False, True]
    assert table["sex"].value_counts().to_dict() == {PNTS: 1, "Female": 0, "Male": 0}


@pytest.mark.parametrize(
    "answer, group, detail",
    [
        (
            "White - Welsh/English/Scottish/Northern Irish/British",
            "White",
            "White: Welsh, English, Scottish, Northern Irish or British",
        ),
        ("White - Irish", "White", "White: Irish"),
        ("White: Gypsy or Irish Traveller", "White", "White: Gypsy or Irish Traveller"),
        ("Any other White background", "White", "White: Any other White background"),
        ("White", "White", "White: not specified"),
        (
            "Asian/Asian British - Pakistani",
            "Asian, Asian Welsh or Asian British",
            "Asian, Asian Welsh or Asian British: Pakistani",
        ),
        (
            "Chinese",
            "Asian, Asian Welsh or Asian British",
            "Asian, Asian Welsh or Asian British: Chinese",
        ),
        (
            "Black, Black Welsh, Black British, Caribbean or African: African",
            "Black, Black Welsh, Black British, Caribbean or African",
            "Black, Black Welsh, Black British, Caribbean or African: African",
        ),
        (
            "Black/African/Caribbean/Black British - Caribbean",
            "Black, Black Welsh, Black British, Caribbean or African",
            "Black, Black Welsh, Black British, Caribbean or African: Caribbean",
        ),
        (
            "Mixed/Multiple ethnic groups - White and Black Caribbean",
            "Mixed or Multiple ethnic groups",
            "Mixed or Multiple ethnic groups: White and Black Caribbean",
        ),
        ("Other ethnic group - Arab", "Other ethnic group", "Other ethnic group: Arab"),
        ("Other (please specify)", "Other ethnic group", "Other ethnic group: not specified"),
        (
            "Gwyn: Cymreig, Seisnig, Albanaidd, Gwyddel Gogledd Iwerddon neu Brydeinig",
            "White",
            "White: Welsh, English, Scottish, Northern Irish or British",
        ),
        ("Prefer not to say", PNTS, PNTS),
    ],
)
def test_ethnicity_groups_and_detail(tmp_path, answer, group, detail):
    table = load_column(tmp_path, "What is your ethnic group?", [answer])
    assert table.loc[0, "ethnicity"] == group
    assert table.loc[0, "ethnicity_detail"] == detail


def test_ethnicity_categories_are_the_census_groups(tmp_path):
    table = load_column(tmp_path, "Ethnicity", ["White", ""])
    assert list(table["ethnicity"].cat.categories) == [
        "White",
        "Mixed or Multiple ethnic groups",
        "Asian, Asian Welsh or Asian British",
        "Black, Black Welsh, Black British, Caribbean or African",
        "Other ethnic group",
        PNTS,
    ]
    assert pd.isna(table.loc[1, "ethnicity_detail"])


def test_disability_yes_no_and_census_style(tmp_path):
    answers = ["Yes", "No", "Ydw", "Nac ydw", "Yes, a lot", "Not at all", "Disabled"]
    answers += ["Not disabled", "I do not consider myself disabled", PNTS, ""]
    table = load_column(tmp_path, "Do you consider yourself to be disabled?", answers)
    assert values(table["disability"]) == [
        "Disabled",
        "Not disabled",
        "Disabled",
        "Not disabled",
        "Disabled",
        "Not disabled",
        "Disabled",
        "Not disabled",
        "Not disabled",
        PNTS,
        NA,
    ]
    assert list(table["disability"].cat.categories) == ["Disabled", "Not disabled", PNTS]


def test_sexual_orientation(tmp_path):
    answers = ["Straight or heterosexual", "Heterosexual / straight", "Gay or lesbian", "Lesbian"]
    answers += ["Gay man", "Bisexual", "Deurywiol", "Other sexual orientation", "Pansexual", PNTS]
    table = load_column(tmp_path, "What is your sexual orientation?", answers)
    assert values(table["sexual_orientation"]) == [
        "Straight or heterosexual",
        "Straight or heterosexual",
        "Gay or lesbian",
        "Gay or lesbian",
        "Gay or lesbian",
        "Bisexual",
        "Bisexual",
        "Other sexual orientation",
        "Other sexual orientation",
        PNTS,
    ]


def test_religion(tmp_path):
    answers = ["No religion", "None", "Dim crefydd", "Christian (all denominations)"]
    answers += ["Church in Wales", "Muslim", "Jewish", "Hindu", "Sikh", "Buddhist"]
    answers += ["Any other religion", PNTS]
    table = load_column(tmp_path, "What is your religion or belief?", answers)
    assert values(table["religion"]) == [
        "No religion",
        "No religion",
        "No religion",
        "Christian",
        "Christian",
        "Muslim",
        "Jewish",
        "Hindu",
        "Sikh",
        "Buddhist",
        "Other religion",
        PNTS,
    ]


def test_caring_english_and_welsh(tmp_path):
    answers = ["Yes", "No", "Oes", "Nac oes", "Yes - for a child under 18", "None", PNTS, ""]
    table = load_column(tmp_path, "Oes gennych chi gyfrifoldebau gofalu?", answers)
    care, none = "Caring responsibilities", "No caring responsibilities"
    assert values(table["caring"]) == [care, none, care, none, care, none, PNTS, NA]


def test_census_caring_question_is_not_age(tmp_path):
    header = (
        "Do you look after, or give any help or support to, anyone because they have "
        "long-term physical or mental health conditions or illnesses, or problems related "
        "to old age?"
    )
    table = load_column(tmp_path, header, ["Yes", "No"])
    assert "age" not in table.columns
    assert values(table["caring"]) == ["Caring responsibilities", "No caring responsibilities"]


@pytest.mark.parametrize(
    "header, yes, no",
    [
        ("Were you first elected at the May 2022 election?", "New", "Returning"),
        ("Is this your first term as a councillor?", "New", "Returning"),
        ("Have you served as a councillor before?", "Returning", "New"),
        ("Were you re-elected in 2022?", "Returning", "New"),
    ],
)
def test_tenure_yes_no_follows_the_question(tmp_path, header, yes, no):
    table = load_column(tmp_path, header, ["Yes", "No", "Prefer not to say"])
    assert values(table["tenure"]) == [yes, no, PNTS]


def test_tenure_answer_texts(tmp_path):
    answers = ["New councillor", "Returning councillor", "Re-elected"]
    answers += ["First elected at this election", "First elected before this election"]
    table = load_column(tmp_path, "Are you a new or returning councillor?", answers)
    assert values(table["tenure"]) == ["New", "Returning", "Returning", "New", "Returning"]
    assert list(table["tenure"].cat.categories) == ["New", "Returning", PNTS]


@pytest.mark.parametrize(
    "header, yes, no",
    [
        (
            "Is your gender identity the same as the sex you were registered at birth?",
            "Same as sex registered at birth",
            "Different from sex registered at birth",
        ),
        (
            "Do you consider yourself to be trans, or have a trans history?",
            "Different from sex registered at birth",
            "Same as sex registered at birth",
        ),
    ],
)
def test_gender_identity_yes_no_follows_the_question(tmp_path, header, yes, no):
    table = load_column(tmp_path, header, ["Yes", "No", "Ydy", PNTS])
    assert "sex" not in table.columns
    assert values(table["gender_identity"]) == [yes, no, yes, PNTS]


def test_age_numbers_and_bands_default(tmp_path):
    answers = ["18", "29", "30", "44", "45", "45 years", "59", "60 - 74", "75 or over", "75+"]
    answers += ["18-29", "45 to 59", "110", "62 oed", PNTS, ""]
    table = load_column(tmp_path, "What is your age?", answers)
    assert values(table["age"]) == [
        "18-29",
        "18-29",
        "30-44",
        "30-44",
        "45-59",
        "45-59",
        "45-59",
        "60-74",
        "75+",
        "75+",
        "18-29",
        "45-59",
        "75+",
        "60-74",
        PNTS,
        NA,
    ]
    assert list(table["age"].cat.categories) == ["18-29", "30-44", "45-59", "60-74", "75+", PNTS]


def test_age_bands_parameter(tmp_path):
    table = load_column(
        tmp_path, "Age", ["39", "40", "75+", "Under 30", "60"], age_bands=[18, 40, 60]
    )
    assert values(table["age"]) == ["18-39", "40-59", "60+", "18-39", "60+"]
    assert list(table["age"].cat.categories) == ["18-39", "40-59", "60+", PNTS]
    labelled = load_column(tmp_path, "Age", ["24", "25"], age_bands=["18-24", "25-64", "65+"])
    assert values(labelled["age"]) == ["18-24", "25-64"]


def test_welsh_skills_multi_select(tmp_path):
    answers = [
        "Understand spoken Welsh;Speak Welsh;Read Welsh;",  # Microsoft Forms, trailing ";"
        "None of these;",
        "",
        "Prefer not to say",
        "Write Welsh;",
        "Deall Cymraeg llafar;Siarad Cymraeg;",
        "Understand spoken Welsh, Read Welsh",  # Google Forms
        "Dim un o'r rhain",
    ]
    table = load_column(tmp_path, "Which of the following can you do in Welsh?", answers)
    assert values(table["welsh_understands"]) == [True, False, NA, NA, False, True, True, False]
    assert values(table["welsh_speaks"]) == [True, False, NA, NA, False, True, False, False]
    assert values(table["welsh_reads"]) == [True, False, NA, NA, False, False, True, False]
    assert values(table["welsh_writes"]) == [False, False, NA, NA, True, False, False, False]
    speaker, not_speaker = "Welsh speaker", "Not Welsh speaker"
    assert values(table["welsh_language"]) == [
        speaker,
        not_speaker,
        NA,
        PNTS,
        not_speaker,
        speaker,
        not_speaker,
        not_speaker,
    ]
    assert str(table["welsh_speaks"].dtype) == "boolean"
    assert list(table["welsh_language"].cat.categories) == [speaker, not_speaker, PNTS]


def test_can_you_speak_welsh_yes_no(tmp_path):
    table = load_column(tmp_path, "Can you speak Welsh?", ["Yes", "No", "Ydw"])
    assert values(table["welsh_speaks"]) == [True, False, True]
    assert values(table["welsh_reads"]) == [NA, NA, NA]
    assert values(table["welsh_language"]) == [
        "Welsh speaker",
        "Not Welsh speaker",
        "Welsh speaker",
    ]
