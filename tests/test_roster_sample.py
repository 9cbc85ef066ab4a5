"""The synthetic roster gives back the synthetic review, cell for cell, and the WLGA's job
shares; its generator makes the same file every time."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from diversity_review.errors import DataWarning, row_account
from diversity_review.load.review import load_review
from diversity_review.load.roster import ROLES, load_roster
from diversity_review.load.roster_counts import check_job_shares, roster_counts
from diversity_review.load.roster_words import parse_key_posts, without_job_share
from helpers import load_script

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw" / "councillor_roster_synthetic.xlsx"
REVIEW = ROOT / "data" / "raw" / "wlga_review_synthetic.xlsx"
# what is compared: everything but `suppressed` (the review hides one cell; a roster hides
# nothing) and `source` (the review names a cell, the roster its file and sheet)
COMPARED = ["election", "council_code", "council", "measure", "group", "count", "base"]


@pytest.fixture(scope="module")
def roster():
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataWarning)  # every council has all its seats
        return load_roster(SAMPLE)


@pytest.fixture(scope="module")
def review():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return load_review(REVIEW, election=2022)


def test_the_sample_has_every_seat(roster):
    assert len(roster) == 1234
    assert roster["council_code"].nunique() == 22
    assert row_account(roster).rows_read == 1234


def test_roster_counts_equal_the_review_cell_for_cell(roster, review):
    cells = list(dict.fromkeys(zip(review["measure"], review["group"], strict=True)))
    ours = roster_counts(roster, groups=cells)[COMPARED]
    theirs = review[COMPARED]
    assert len(ours) == len(theirs) == 418
    keys = COMPARED[:5]
    pd.testing.assert_frame_equal(ours[keys], theirs[keys])
    shown = ~review["suppressed"].to_numpy()
    pd.testing.assert_frame_equal(ours[shown], theirs[shown])
    # the one cell the review shows as "*" holds what its published row implies
    (hidden,) = review.index[~shown]
    cell = review.loc[hidden]
    row = review[(review["council_code"] == cell.council_code) & (review.measure == cell.measure)]
    implied = int(cell.base) - int(row["count"].sum())
    assert (cell.council, cell.measure, cell.group) == (
        "Merthyr Tydfil",
        "ethnicity",
        "Ethnic minority",
    )
    assert ours.loc[hidden, "count"] == implied and 0 < implied < 5


def test_the_default_counts_hold_the_review_and_the_template_cells(roster, review):
    ours = roster_counts(roster)
    merged = review.merge(ours, on=COMPARED[:5], how="left", suffixes=("", "_roster"))
    assert merged["count_roster"].notna().all()
    assert {"Not disabled", "Not Welsh speaker"} <= set(ours["group"])


def test_job_shares_of_the_sample_are_the_wlgas(roster):
    check = check_job_shares(roster)
    assert check["agrees"].all()
    derived = dict(zip(check["council"], check["derived"], strict=True))
    assert {c: n for c, n in derived.items() if n} == {
        "Cardiff": 2,
        "Newport": 1,
        "Swansea": 1,
        "Powys": 1,
        "Flintshire": 1,
    }


def test_the_posts_written_read_back_into_the_same_roles(roster):
    for row in roster.itertuples():
        posts = parse_key_posts(row.key_posts)
        for role in ROLES:
            assert getattr(posts, role) == getattr(row, role), (row.name, role, row.key_posts)
        written = None if pd.isna(row.portfolio) else without_job_share(row.portfolio)
        assert posts.portfolio == written, (row.name, row.key_posts)


def test_the_generator_makes_this_file_and_the_same_bytes_twice(roster, tmp_path):
    generator = load_script("make_sample_roster")
    made = generator.sample_roster()
    columns = [c for c in roster.columns if c != "source"]
    pd.testing.assert_frame_equal(made[columns], roster[columns])
    from diversity_review.sources.workbook import write_roster_workbook

    paths = [tmp_path / f"{n}.xlsx" for n in (1, 2)]
    for path in paths:
        write_roster_workbook(made, path, notes=generator.NOTES, fixed_time=generator.STAMP)
    assert paths[0].read_bytes() == paths[1].read_bytes()


def test_the_sample_says_it_is_synthetic():
    import openpyxl

    book = openpyxl.load_workbook(SAMPLE, read_only=True)
    first = next(book.worksheets[0].iter_rows(values_only=True))[0]
    assert first == "SYNTHETIC DATA - NOT REAL"
    names = {r[3] for r in book["Roster"].iter_rows(min_row=2, values_only=True)}
    assert all(n.startswith("Councillor ") and n[11:].isdigit() for n in names)
