"""The synthetic sample workbook loads back to exactly what its generator drew."""

from __future__ import annotations

import importlib.util
import warnings
from pathlib import Path

import pytest

from diversity_review.errors import DataWarning, row_account
from diversity_review.load.review import load_review

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw" / "wlga_review_synthetic.xlsx"
KEYS = ["election", "council_code", "measure", "group"]


@pytest.fixture(scope="module")
def generator():
    script = ROOT / "scripts" / "make_sample_review.py"
    spec = importlib.util.spec_from_file_location("make_sample_review", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def loaded():
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataWarning)
        return load_review(SAMPLE)


def test_sample_round_trips(loaded, generator):
    expected = generator.sample_counts()
    merged = loaded.merge(expected, on=KEYS, how="outer", suffixes=("", "_drawn"), indicator=True)
    assert (merged["_merge"] == "both").all()
    assert len(loaded) == len(expected)
    for column in ("count", "base"):
        same = merged[column].fillna(-1) == merged[f"{column}_drawn"].fillna(-1)
        assert same.all(), merged.loc[~same, KEYS + [column, f"{column}_drawn"]]
    assert (merged["suppressed"] == merged["suppressed_drawn"]).all()
    assert (merged["council"] == merged["council_drawn"]).all()


def test_sample_messy_cells(loaded):
    merthyr = loaded.query(
        "election == 2022 and council_code == 'W06000024' and group == 'Ethnic minority'"
    )
    assert merthyr["count"].isna().all() and merthyr["suppressed"].all()
    assert merthyr["source"].tolist() == ["wlga_review_synthetic.xlsx!Councillors 2022!H28"]
    assert loaded["suppressed"].sum() == 1
    assert loaded.loc[loaded["election"] == 2022, "council_code"].nunique() == 22
    assert loaded.loc[loaded["election"] == 2017, "council_code"].nunique() == 22


def test_sample_2022_seats_are_the_registry_seats(loaded, generator):
    seats = loaded.query("election == 2022 and measure == 'sex'").groupby("council_code")["base"]
    assert int(seats.first().sum()) == 1234


def test_sample_row_account(loaded):
    account = row_account(loaded)
    # 2022: rows 7-32 below the two-row header = 22 councils + blank + Wales + 2 footnotes;
    # 2017: 22 council rows below a one-row header
    assert (account.rows_read, account.rows_kept) == (48, 44)
    assert sorted(e.reason for e in account.excluded) == ["blank", "footnote", "footnote", "total"]


def test_generator_is_reproducible(tmp_path, generator):
    first = generator.write_workbook(tmp_path / "a.xlsx")
    second = generator.write_workbook(tmp_path / "b.xlsx")
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == SAMPLE.read_bytes()
