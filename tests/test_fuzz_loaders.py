"""Fuzzed loaders (issue 12): random review sheets, survey exports and damaged containers give a
correct table or the package's DataError, never another exception, within a time bound, and
every row read is kept or excluded."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diversity_review.errors import DataError, row_account
from diversity_review.load.review import load_review
from diversity_review.load.survey import load_survey
from helpers import SAMPLE_REVIEW, write_book, write_csv

COUNCILS = ["Cardiff", "Newport", "Swansea", "Gwynedd", "Powys", "Conwy", "Torfaen", "Wrexham"]
FEMALE = ["Female", "Women", "female", "FEMALE ", "Female members"]
MALE = ["Male", "Men", "male"]
MARKERS = [None, "", "-", "n/a", "x", "[c]", "unknown", "  "]

pytestmark = pytest.mark.filterwarnings("ignore::diversity_review.errors.DataWarning")

FUZZ = settings(
    max_examples=25,
    deadline=5000,  # the time bound: each example read in under 5 s
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@st.composite
def review_sheets(draw):
    """A sheet of a few councils' seats and women and men, offset at random, with random
    spellings and, at random, markers in place of counts."""
    councils = draw(st.lists(st.sampled_from(COUNCILS), min_size=1, max_size=6, unique=True))
    dirty = draw(st.booleans())
    rows, expected = [], {}
    for council in councils:
        seats = draw(st.integers(1, 90))
        female = draw(st.integers(0, seats))
        cells = [council, seats, female, seats - female]
        if dirty:
            cells = [draw(st.sampled_from(MARKERS)) if draw(st.booleans()) else c for c in cells]
        rows.append(cells)
        expected[council] = female
    header = ["Council", "Seats", draw(st.sampled_from(FEMALE)), draw(st.sampled_from(MALE))]
    top, left = draw(st.integers(0, 3)), draw(st.integers(0, 2))
    grid = [[None] * 4 for _ in range(top)] + [header, *rows]
    return [[None] * left + r for r in grid], (None if dirty else expected)


def _check_account(frame) -> None:
    account = row_account(frame)
    assert account.rows_read == account.rows_kept + len(account.excluded)


@FUZZ
@given(review_sheets())
def test_random_review_sheets_read_correctly_or_raise_data_error(case):
    rows, expected = case
    with tempfile.TemporaryDirectory() as folder:
        path = write_book(Path(folder) / "review_2022.xlsx", {"2022": rows})
        try:
            frame = load_review(path)
        except DataError:
            assert expected is None, "a clean sheet was refused"
            return
    _check_account(frame)
    if expected is not None:
        women = frame[frame["group"] == "Female"].set_index("council")["count"]
        assert women.to_dict() == expected


ANSWERS = ["Female", "Male", "Woman", "Man", "Prefer not to say", "", "Benyw", "??", "Ffemale"]


@st.composite
def survey_exports(draw):
    n = draw(st.integers(0, 30))
    header = [draw(st.sampled_from(["Which council", "Council", "Ym mha gyngor"])), "Sex"]
    rows = [
        [draw(st.sampled_from([*COUNCILS, "", "Nowhere"])), draw(st.sampled_from(ANSWERS))]
        for _ in range(n)
    ]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    return [header, *rows], encoding


@FUZZ
@given(survey_exports())
def test_random_survey_exports_read_or_raise_data_error(case):
    rows, encoding = case
    with tempfile.TemporaryDirectory() as folder:
        path = write_csv(Path(folder) / "survey_2022.csv", rows, encoding=encoding)
        try:
            frame = load_survey(path)
        except DataError:
            return
    _check_account(frame)
    assert row_account(frame).rows_read <= len(rows) - 1
    assert len(frame) == row_account(frame).rows_kept


@FUZZ
@given(
    st.data(),
    st.sampled_from(["review.xlsx", "review.csv", "review.ods"]),
)
def test_damaged_containers_raise_data_error(data, name):
    original = SAMPLE_REVIEW.read_bytes()
    blob = bytearray(original)
    for _ in range(data.draw(st.integers(1, 20))):
        at = data.draw(st.integers(0, len(blob) - 1))
        blob[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(blob)))
    junk = bytes(blob[: cut or None])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(junk)
        try:
            frame = load_review(path)
        except DataError as exc:
            assert "\n" not in exc.problems[0].message
            return
    _check_account(frame)


@pytest.mark.slow
@settings(max_examples=300, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(min_size=0, max_size=4096), st.sampled_from([".xlsx", ".csv", ".txt"]))
def test_random_bytes_raise_data_error(blob, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"junk{suffix}"
        path.write_bytes(blob)
        for load in (load_review, load_survey):
            try:
                _check_account(load(path))
            except DataError:
                pass
