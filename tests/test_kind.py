"""A file's kind is told from its content before any loader runs, and no loader accepts a file
of another kind: the bundled samples in data/raw/ in all three directions."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from diversity_review.cli import main
from diversity_review.errors import DataError
from diversity_review.load.grid import Grid
from diversity_review.load.kind import file_kind, sheet_kind
from diversity_review.load.review import load_review
from diversity_review.load.roster import load_roster
from diversity_review.load.survey import load_survey
from helpers import write_csv

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
SAMPLES = {
    "wlga_review_synthetic.xlsx": "review",
    "member_survey_synthetic.csv": "survey",
    "member_survey_cymraeg_synthetic.xlsx": "survey",
    "councillor_roster_synthetic.xlsx": "roster",
}
LOADERS = {"review": load_review, "survey": load_survey, "roster": load_roster}


@pytest.mark.parametrize("name", SAMPLES)
def test_each_sample_is_told_as_its_kind(name):
    verdict = file_kind(RAW / name)
    assert verdict.kind == SAMPLES[name]
    assert verdict.reasons  # and why


@pytest.mark.parametrize("name", SAMPLES)
@pytest.mark.parametrize("other", LOADERS)
def test_no_sample_is_accepted_by_another_kinds_loader(name, other):
    if other == SAMPLES[name]:
        pytest.skip("its own loader")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(DataError):
            LOADERS[other](RAW / name)


def test_a_read_me_sheet_beside_a_table_is_passed_over():
    verdicts = {}
    from diversity_review.load.grid import read_grids

    for grid in read_grids(RAW / "wlga_review_synthetic.xlsx"):
        verdicts[grid.sheet] = sheet_kind(grid).kind
    assert verdicts == {
        "Read me": "unknown",
        "Councillors 2022": "review",
        "Councillors 2017": "review",
    }


def test_a_long_review_table_is_a_review_not_a_survey(tmp_path):
    rows = [["Council", "Year", "Characteristic", "Category", "Number"]]
    for council in ("Cardiff", "Newport", "Powys", "Gwynedd"):
        rows += [[council, 2022, "Sex", "Female", 20], [council, 2022, "Sex", "Male", 30]]
    path = write_csv(tmp_path / "long_2022.csv", rows)
    assert file_kind(path).kind == "review"
    with pytest.raises(DataError, match="no member survey questions"):
        load_survey(path)  # a council column alone asks nothing


def test_a_grid_of_nothing_known_cannot_be_told():
    grid = Grid("x.csv", None, [["Fruit", "Colour"], ["Apple", "Red"], ["Pear", "Green"]])
    verdict = sheet_kind(grid)
    assert verdict.kind == "unknown"
    assert verdict.describe().startswith("cannot tell what kind of file this is")


def test_validate_prints_the_kind_and_why(capsys):
    assert main(["validate", str(RAW / "councillor_roster_synthetic.xlsx")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("ok (roster): councillor_roster_synthetic.xlsx: 1234 rows read")
    assert out[1].startswith("  read as a roster: sheet 'Roster': member columns (")


def test_validate_refuses_a_file_it_cannot_tell_and_kind_overrides(tmp_path, capsys):
    path = write_csv(tmp_path / "fruit.csv", [["Fruit", "Colour"], ["Apple", "Red"]])
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith("error: fruit.csv: cannot tell what kind of file this is (")
    assert err[0].endswith("; pass --kind review, --kind survey or --kind roster")
    assert main(["validate", "--kind", "review", str(path)]) == 2
    assert "no council table" in capsys.readouterr().err  # the review loader ran, as told
