"""``diversity-review validate`` accepts a member survey export."""

import importlib.util

import pytest

from diversity_review.cli import main


def test_validate_survey_sample(root, capsys):
    sample = root / "data" / "raw" / "member_survey_synthetic.csv"
    assert main(["validate", "--kind", "survey", str(sample)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "ok (survey): member_survey_synthetic.csv: 61 rows read = 60 kept + 1 excluded "
        "(1 blank row)"
    )
    assert "excluded row 40: blank row" in out  # row 1 is the synthetic notice


def test_validate_bad_survey_gives_one_located_line(tmp_path, capsys):
    bad = tmp_path / "bad_export_2023.csv"
    bad.write_text("ID,What is your sex?\n1,Female\n2,Sometimes\n", encoding="utf-8")
    assert main(["validate", "--kind", "survey", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    # "Sometimes" may be what the respondent typed: the line names the cell, not the text
    assert err[0].startswith(
        "error: bad_export_2023.csv, cell B3: the answer (typed text, not repeated here) in "
        "column B ('What is your sex?'), row 3"
    )
    assert "Sometimes" not in err[0]


@pytest.mark.skipif(
    importlib.util.find_spec("diversity_review.load.review") is None, reason="no review loader"
)
def test_validate_auto_tells_a_survey_from_a_review(root, capsys):
    sample = root / "data" / "raw" / "member_survey_cymraeg_synthetic.xlsx"
    assert main(["validate", str(sample)]) == 0
    assert capsys.readouterr().out.startswith("ok (survey): member_survey_cymraeg_synthetic.xlsx")
