"""The survey loader's stages one at a time: locate, classify, the reading plan, frozen results."""

import dataclasses
import datetime as dt

import pytest

from diversity_review.load.survey.classify import classify_columns, resolve_duplicates
from diversity_review.load.survey.headers import Kind
from diversity_review.load.survey.locate import locate
from diversity_review.load.survey.problems import Collector
from diversity_review.load.survey.source import open_sheets, read_body
from helpers import write_book, write_csv

T = dt.datetime(2023, 3, 1, 12, 0)
SMARTSURVEY = [
    ["Member survey (export)"],
    [],
    ["UserNo", "Ended", "IP Address", "1. What is your sex?", "2. Which of these can you do "
     "in Welsh?", None, "3. What is your ethnic group?", None, "Favourite colour", None],
    [None, None, None, "Response", "Speak Welsh", "Read Welsh", "Response",
     "Other (please specify)", None, None],
    [1, T, "192.0.2.1", "Female", "Speak Welsh", None, "White", None, "Blue", None],
    [2, T, "192.0.2.2", "Male", None, None, "Other", "typed", None, "x"],
]  # fmt: skip


@pytest.fixture
def form(tmp_path):
    sheet = open_sheets(write_book(tmp_path / "smart.xlsx", SMARTSURVEY))[0]
    located = locate(sheet, {})
    return resolve_duplicates(classify_columns(located, {}), Collector())


def test_locate_finds_the_header_below_a_title_and_the_option_row(form):
    assert (form.located.header_row, form.located.two_rows, form.located.data_start) == (2, True, 4)


def test_classify_gives_each_column_a_kind(form):
    kinds = [(q.header, q.cols, q.labels, q.kind.kind, q.kind.measure) for q in form.questions]
    assert kinds == [
        ("UserNo", (0,), (None,), Kind.METADATA, None),
        ("Ended", (1,), (None,), Kind.METADATA, None),
        ("IP Address", (2,), (None,), Kind.PERSONAL, None),
        ("1. What is your sex?", (3,), (None,), Kind.QUESTION, "sex"),
        ("2. Which of these can you do in Welsh?", (4, 5), ("Speak Welsh", "Read Welsh"),
         Kind.QUESTION, "welsh_language"),
        ("3. What is your ethnic group?", (6,), (None,), Kind.QUESTION, "ethnicity"),
        ("Favourite colour", (8,), (None,), Kind.UNRECOGNISED, None),
    ]  # fmt: skip
    assert form.questions[5].dropped == (("Other (please specify)", "free text"),)
    assert form.unnamed == (9,)
    assert form.questions[1].kind.time_rank == 0  # "Ended": a completion time


def test_the_plan_reads_answers_and_the_completion_time_only(form):
    plan = form.plan(years=True)
    assert plan.coded == {3, 4, 5, 6}
    assert plan.answers == {3, 4, 5, 6, 8}  # not the export's own columns 0-2
    assert (plan.timed, plan.unnamed, plan.data_start) == ((1,), {9}, 4)
    assert form.plan(years=False).timed == ()


def test_the_body_holds_codes_per_distinct_value(form):
    body = read_body(form.located.sheet, form.plan(years=True))
    sex = body.columns[3]
    assert [sex.values[c] for c in sex.codes] == ["Female", "Male"]
    assert body.years[0].tolist() == [2023, 2023]
    assert body.unnamed_filled == {9}
    assert body.answered.tolist() == [True, True]


def test_stage_results_are_frozen(form):
    with pytest.raises(dataclasses.FrozenInstanceError):
        form.questions[0].header = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        form.located.header_row = 0  # type: ignore[misc]


def test_a_csv_head_is_only_the_first_rows(tmp_path):
    rows = [["ID", "What is your sex?"]] + [[str(i), "Female"] for i in range(500)]
    sheet = open_sheets(write_csv(tmp_path / "s.csv", rows))[0]
    assert sheet.head.n_rows == 52 and sheet.encoding == "utf-8-sig"


def test_a_data_row_of_repeated_no_answers_does_not_outscore_the_header(tmp_path):
    # "No" is also a respondent-number header ("No"), so each "No" answer looks like export
    # metadata: counted once a row, the header (ID, two times, the questions) still wins
    from diversity_review import load_survey
    from diversity_review.errors import DataWarning
    from diversity_review.experience import measure

    asked = ["security_measures", "remote_attendance", "felt_safe", "meeting_times"]
    own = [f"Have you chaired committee {k}?" for k in range(8)]  # not questions it knows
    header = [
        "ID",
        "Start time",
        "Completion time",
        "Do you consider yourself to be disabled?",
        *(measure(m).question["en"] for m in asked),
        *own,
    ]
    rows = []
    for i in range(40):
        answers = ["Sometimes" if m.endswith("times") and i % 5 == 0 else "No" for m in asked]
        disabled = "Disabled" if i % 4 == 0 else "No"
        stamp = f"3/{1 + i % 28}/24 10:00"
        rows.append([str(i + 1), stamp, stamp, disabled, *answers, *(["No"] * len(own))])
    path = write_csv(tmp_path / "mostly_no.csv", [["Member survey 2024"], header, *rows])
    with pytest.warns(DataWarning, match="columns not used"):
        frame = load_survey(path)
    assert len(frame) == len(rows)
    column = header.index(measure("meeting_times").question["en"])
    assert frame["meeting_times"].tolist() == [r[column] for r in rows]
    assert int(frame["survey_year"].iloc[0]) == 2024
