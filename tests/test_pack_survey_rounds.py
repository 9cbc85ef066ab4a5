"""Survey exports of different years are different rounds: the pack refuses to pool them."""

from __future__ import annotations

from diversity_review import cli
from helpers import RAW, SAMPLE_SURVEY, write_csv

EXPERIENCE = RAW / "member_survey_experience_synthetic.csv"


def _export(path, year: int):
    rows = [
        ["ID", "Completion time", "Which council do you represent?", "What is your sex?"],
        *([str(i), f"03/06/{year} 10:0{i}", "Cardiff", "Female"] for i in range(1, 4)),
    ]
    return write_csv(path, rows)


def test_two_survey_years_exit_2_naming_both_files(tmp_path, capsys):
    first, second = _export(tmp_path / "a.csv", 2023), _export(tmp_path / "b.csv", 2024)
    out = tmp_path / "pack"
    code = cli.main(["report", "--survey", str(first), "--survey", str(second), "--out", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1, err
    assert "a.csv" in err[0] and "b.csv" in err[0] and "2023, 2024" in err[0]
    assert "--survey-year" in err[0] and "Traceback" not in err[0]
    assert not out.exists()


def test_the_bundled_surveys_of_2023_and_2024_are_refused_together(tmp_path, capsys):
    out = tmp_path / "pack"
    args = ["report", "--survey", str(SAMPLE_SURVEY), "--survey", str(EXPERIENCE)]
    assert cli.main([*args, "--out", str(out)]) == 2
    assert "different years" in capsys.readouterr().err
    assert not out.exists()
