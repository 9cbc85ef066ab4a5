"""Frames of the public API sort in canonical order: groups as the review lists them, councils
in ONS order with Wales last, measures as MEASURES declares them; counts are Int64."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import diversity_review as dr
from helpers import SAMPLE_CANDIDATES, SAMPLE_REVIEW, SAMPLE_SURVEY

# written out by hand from the review's own column order and the ONS codes W06000001...24
AGE_ORDER = ["Under 40", "40-59", "60+", "Not known"]
FIRST_COUNCILS = ["Isle of Anglesey", "Gwynedd", "Conwy"]


@pytest.fixture(scope="module")
def counts() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return dr.load_review(SAMPLE_REVIEW)


def _check_dtypes(frame: pd.DataFrame, where: str) -> None:
    for column in ("measure", "group", "council"):
        if column in frame.columns:
            dtype = frame[column].dtype
            assert isinstance(dtype, pd.CategoricalDtype) and dtype.ordered, (where, column)
    for column in ("count", "base"):
        if column in frame.columns:
            assert frame[column].dtype == "Int64", (where, column)


def test_a_pivot_lists_age_bands_and_councils_in_canonical_order(counts):
    age = dr.breakdown(counts[counts["election"] == 2022], "age")
    table = age.pivot_table(index="council", columns="group", values="count", observed=True)
    assert list(table.columns) == AGE_ORDER
    assert list(table.index[:3]) == FIRST_COUNCILS and table.index[-1] == "Wales"
    wales = age[age["council"] == "Wales"].sort_values("group")
    assert list(wales["group"]) == AGE_ORDER


def test_measures_sort_in_the_order_measures_are_declared(counts):
    latest = counts[counts["election"] == 2022]
    order = list(latest.sort_values("measure")["measure"].drop_duplicates())
    declared = [m for m in dr.MEASURES if m in set(order)]
    assert order == declared and order[:3] == ["sex", "age", "ethnicity"]


def test_every_public_frame_has_ordered_categoricals_and_int64_counts(counts):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        latest = counts[counts["election"] == 2022]
        sex = dr.breakdown(latest, "sex")
        survey = dr.load_survey(SAMPLE_SURVEY)
        frames = {
            "load_review": counts,
            "breakdown": sex,
            "compare_with_population": dr.compare_with_population(sex),
            "change_between": dr.change_between(counts, 2017, 2022),
            "roles_comparison": dr.roles_comparison(latest),
            "suppress": dr.suppress(sex),
            "survey breakdown": dr.breakdown(survey, "sex"),
            "load_candidates": dr.load_candidates(SAMPLE_CANDIDATES),
            **dr.pack_tables(counts, survey),
        }
    for where, frame in frames.items():
        _check_dtypes(frame, where)
    assert isinstance(frames["breakdown"]["group"].dtype, pd.CategoricalDtype)


def test_a_value_outside_the_canonical_order_is_kept_after_it():
    frame = dr.suppress(
        pd.DataFrame(
            {
                "council_code": ["W06000015", "W06000015"],
                "council": ["Cardiff", "Caerdydd"],
                "measure": ["sex", "sex"],
                "group": ["Female", "Male"],
                "count": [30, 49],
                "base": [79, 79],
            }
        )
    )
    assert frame["council"].tolist() == ["Cardiff", "Caerdydd"]
    assert frame.sort_values("council")["council"].tolist() == ["Cardiff", "Caerdydd"]


def test_the_package_itself_still_works_on_plain_text(counts):
    from diversity_review.load.review import load_review

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        internal = load_review(SAMPLE_REVIEW)
    assert not isinstance(internal["group"].dtype, pd.CategoricalDtype)
    pd.testing.assert_frame_equal(
        internal.astype({c: "str" for c in ("council", "measure", "group")}),
        counts.astype({c: "str" for c in ("council", "measure", "group")}),
        check_dtype=False,
    )


def test_as_percentages_shows_fractions_as_rounded_percentages():
    frame = pd.DataFrame({"group": ["Female", "Male"], "count": [3, 5], "share": [0.375, 0.62549]})
    shown = dr.as_percentages(frame)
    assert list(shown.columns) == ["group", "count", "share (%)"]
    assert shown["share (%)"].tolist() == [37.5, 62.5]
    assert shown["count"].tolist() == [3, 5]
