"""Welsh wording (mutations, age headers, negation), the small-count markers and the mapping
files of the command line: the words and rules issue 11 adds, one behaviour per test."""

from __future__ import annotations

import pytest

from diversity_review.cli import main
from diversity_review.errors import DataError
from diversity_review.load.mapping_file import read_columns, read_questions
from diversity_review.load.review.vocabulary import role_of
from diversity_review.load.survey import load_survey
from diversity_review.load.survey.headers import classify_header
from diversity_review.load.survey.welsh import welsh_outputs
from diversity_review.text import demutate, parse_cell_count, parse_count, parse_count_percent
from helpers import write_csv, write_text

NOT_SPEAKERS = [
    "Can understand but not speak",
    "Understand only",
    "understand spoken Welsh but cannot speak it",
    "Dim yn siarad",
    "Yn deall ond ddim yn siarad",
    "Gallaf ddeall ond nid siarad",
]
SPEAKERS = [
    "Speak Welsh;",
    "Siarad Cymraeg;",
    "Yn siarad Cymraeg",
    "Deall Cymraeg llafar;Siarad Cymraeg",
]


@pytest.mark.parametrize("answer", NOT_SPEAKERS)
def test_understanding_without_speaking_is_not_a_speaker(answer):
    out = welsh_outputs(answer)
    assert out["welsh_language"] == "Not Welsh speaker"
    assert out["welsh_speaks"] is False


@pytest.mark.parametrize("answer", SPEAKERS)
def test_speaking_is_a_speaker(answer):
    assert welsh_outputs(answer)["welsh_language"] == "Welsh speaker"


def test_the_share_of_speakers_counts_only_speakers(tmp_path):
    # 5 speak, 3 understand only: 5 of 8 speakers (62.5%), not 8 of 8
    answers = ["Speak Welsh;"] * 5 + ["Can understand but not speak"] * 3
    rows = [["ID", "What is your sex?", "Which of the following can you do in Welsh?"]]
    rows += [[i, "Female", a] for i, a in enumerate(answers, start=1)]
    frame = load_survey(write_csv(tmp_path / "survey_2023.csv", rows))
    assert (frame["welsh_language"] == "Welsh speaker").sum() == 5
    assert (frame["welsh_language"] == "Not Welsh speaker").sum() == 3


@pytest.mark.parametrize(
    ("header", "group"),
    [
        ("Dan 40 oed", "Under 40"),
        ("O dan 40 oed", "Under 40"),
        ("40-59 oed", "40-59"),
        ("60 oed a throsodd", "60+"),
        ("60+ oed", "60+"),
        ("Siaradwyr y Gymraeg", "Welsh speaker"),
        ("Yn siarad Cymraeg", "Welsh speaker"),
        ("Ddim yn siarad Cymraeg", "Not Welsh speaker"),
        ("Di-Gymraeg", "Not Welsh speaker"),
    ],
)
def test_welsh_review_headers(header, group):
    assert role_of(header).group == group


def test_mutated_welsh_reads_as_its_radical():
    assert demutate("yn gymraeg fy nghymraeg a chymraeg") == "yn cymraeg fy cymraeg a cymraeg"
    assert classify_header("Ydych chi'n gallu siarad yn Gymraeg?").measure == "welsh_language"
    assert classify_header("Pa gyngor ydych chi'n ei gynrychioli?").measure == "council"


@pytest.mark.parametrize(
    ("cell", "low", "high"),
    [("<5", 1, 4), ("< 3", 1, 2), ("fewer than 5", 1, 4), ("llai na 10", 1, 9)],
)
def test_below_markers_are_suppressed_with_their_bounds(cell, low, high):
    count = parse_count(cell)
    assert (count.value, count.suppressed, count.problem) == (None, True, None)
    assert (count.low, count.high) == (low, high)


@pytest.mark.parametrize("cell", ["~", "..", "[c]"])
def test_other_markers_are_suppressed_without_bounds(cell):
    count = parse_count(cell)
    assert (count.suppressed, count.low, count.high) == (True, None, None)


@pytest.mark.parametrize("cell", [12, 12.0, 2.5, -1, True, 0, "1,234", "-", "<5", "[c]", "x", None])
def test_a_cell_reads_as_parse_count_reads_it(cell):
    """The loaders' direct reading of a cell is parse_count's, value for value and type for
    type (True is not the count 1, 12.0 is the count 12)."""
    assert parse_cell_count(cell) == parse_count(cell)
    assert type(parse_cell_count(cell).value) is type(parse_count(cell).value)


def test_count_with_percent_cells():
    count, percent = parse_count_percent("12 (34.3%)")
    assert (count.value, percent) == (12, 34.3)
    assert parse_count_percent("1,204 [12%]")[0].value == 1204
    assert parse_count_percent("12") is None and parse_count_percent("(34%)") is None


def test_mapping_files(tmp_path):
    path = write_text(
        tmp_path / "map.toml",
        '[columns]\n"Area code" = "council"\n"F" = ["sex", "Female"]\n'
        '[questions]\n"Q3" = "sex"\n"Q9" = "ignore"\n',
    )
    assert read_columns(path) == {"Area code": "council", "F": ("sex", "Female")}
    assert read_questions(path) == {"Q3": "sex", "Q9": None}


def test_a_broken_mapping_file_is_one_line(tmp_path, capsys):
    bad = write_text(tmp_path / "map.toml", '"Area code" = \n')
    with pytest.raises(DataError) as info:
        read_columns(bad)
    assert [p.code for p in info.value.problems] == ["bad-option"]
    review = write_csv(tmp_path / "r_2022.csv", [["Council", "Female"], ["Cardiff", 3]])
    assert main(["validate", "--columns", str(bad), str(review)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("error: map.toml: not a valid TOML mapping")


def test_validate_election_picks_the_rows_of_that_election(tmp_path, capsys):
    rows = [["Council", "Election", "Seats", "Female", "Male"]]
    rows += [["Cardiff", 2017, 75, 30, 45], ["Cardiff", 2022, 79, 31, 48]]
    path = write_csv(tmp_path / "both.csv", rows)
    assert main(["validate", "--election", "2022", str(path)]) == 0
    out = capsys.readouterr().out
    assert "2 rows read = 1 kept + 1 excluded (1 other election)" in out


def test_report_passes_the_mappings_to_the_loaders(tmp_path, monkeypatch):
    import diversity_review.pack as pack

    seen = {}
    monkeypatch.setattr(pack, "build_pack", lambda **kw: seen.update(kw) or "done")
    path = write_text(tmp_path / "map.toml", '"Area code" = "council"\n')
    review = tmp_path / "r.xlsx"
    args = ["report", "--review", str(review), "--columns", str(path), "--election", "2022"]
    assert main([*args, "--out", str(tmp_path / "out")]) == 0
    assert seen["loader_options"]["review"] == {
        "columns": {"Area code": "council"},
        "election": 2022,
    }
    assert seen["loader_options"]["roster"] == {"election": 2022}
