"""Breakdowns, Wilson intervals, population comparison, change, parity and roles.

Every expected value is worked out by hand from the small tables below (the arithmetic is
written out in the test), or is a published figure.
"""

from __future__ import annotations

import csv
import math
import warnings
from importlib import resources

import numpy as np
import pandas as pd
import pytest

from diversity_review.analysis import (
    breakdown,
    change_between,
    compare_with_population,
    parity,
    roles_comparison,
    wilson_interval,
)
from diversity_review.errors import DataWarning

ANGLESEY, GWYNEDD, CARDIFF, WALES = "W06000001", "W06000002", "W06000015", "W92000004"
NAMES = {ANGLESEY: "Isle of Anglesey", GWYNEDD: "Gwynedd", CARDIFF: "Cardiff"}
Z = 1.959963984540054  # the 97.5% point of the standard normal


def counts_frame(rows: list[tuple]) -> pd.DataFrame:
    """Counts in the contract shape from (election, code, measure, group, count, base)."""
    frame = pd.DataFrame(
        rows, columns=["election", "council_code", "measure", "group", "count", "base"]
    )
    frame.insert(2, "council", frame["council_code"].map(NAMES))
    frame = frame.astype(
        {"election": "Int64", "count": "Int64", "base": "Int64", "council_code": "str"}
    )
    frame["suppressed"] = frame["count"].isna()
    frame["source"] = "review.xlsx!2022!C7"
    return frame


# Anglesey 35 seats: 10 women, 24 men, 1 not known; Gwynedd 69 seats: 30 women, 39 men.
SEX_2022 = [
    (2022, ANGLESEY, "sex", "Female", 10, 35),
    (2022, ANGLESEY, "sex", "Male", 24, 35),
    (2022, ANGLESEY, "sex", "Not known", 1, 35),
    (2022, GWYNEDD, "sex", "Female", 30, 69),
    (2022, GWYNEDD, "sex", "Male", 39, 69),
    (2022, GWYNEDD, "sex", "Not known", 0, 69),
]
# 2017: Gwynedd 20 women of 75 and Cardiff 18 of 75; Anglesey not in the 2017 table.
SEX_2017 = [
    (2017, GWYNEDD, "sex", "Female", 20, 75),
    (2017, GWYNEDD, "sex", "Male", 55, 75),
    (2017, CARDIFF, "sex", "Female", 18, 75),
    (2017, CARDIFF, "sex", "Male", 57, 75),
]


def row(frame: pd.DataFrame, code: str, group: str, **more) -> pd.Series:
    mask = (frame["council_code"] == code) & (frame["group"] == group)
    for k, v in more.items():
        mask &= frame[k] == v
    assert mask.sum() == 1, f"expected one row for {code} {group} {more}"
    return frame[mask].iloc[0]


# ---------------------------------------------------------------------------- Wilson


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        (0, 10, 0.0, 0.2775),
        (5, 10, 0.2366, 0.7634),
        (10, 10, 0.7225, 1.0),
        # Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (score)
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_matches_published_values(k, n, low, high):
    got = wilson_interval(k, n)
    assert got[0] == pytest.approx(low, abs=5e-5)
    assert got[1] == pytest.approx(high, abs=5e-5)


def test_wilson_by_hand_and_exact_at_the_edges():
    # 3 of 20: p = 0.15, z^2/n = 3.8415/20; centre and half-width from the textbook formula
    n, p = 20, 0.15
    denom = 1 + Z**2 / n
    centre = (p + Z**2 / (2 * n)) / denom
    half = Z / denom * math.sqrt(p * (1 - p) / n + Z**2 / (4 * n**2))
    low, high = wilson_interval(3, 20)
    assert (low, high) == (pytest.approx(centre - half), pytest.approx(centre + half))
    # 0 of n: upper bound is z^2 / (n + z^2); lower exactly 0. n of n: the mirror image.
    assert wilson_interval(0, 7) == (0.0, pytest.approx(Z**2 / (7 + Z**2)))
    assert wilson_interval(7, 7) == (pytest.approx(7 / (7 + Z**2)), 1.0)
    assert wilson_interval(0, 7)[0] == 0.0 and wilson_interval(7, 7)[1] == 1.0


def test_wilson_is_vectorised_with_na_where_undefined():
    count = pd.Series([0, 5, 10, 0, pd.NA], dtype="Int64", index=list("abcde"))
    n = pd.Series([10, 10, 10, 0, 4], dtype="Int64", index=list("abcde"))
    low, high = wilson_interval(count, n)
    assert low.dtype == "Float64" and list(low.index) == list("abcde")
    assert low.iloc[:3].round(4).tolist() == [0.0, 0.2366, 0.7225]
    assert high.iloc[:3].round(4).tolist() == [0.2775, 0.7634, 1.0]
    assert low.iloc[3:].isna().all() and high.iloc[3:].isna().all()
    arr_low, arr_high = wilson_interval(np.array([0, 10]), np.array([10, 10]))
    assert isinstance(arr_low, np.ndarray) and arr_low[0] == 0.0 and arr_high[1] == 1.0
    assert all(math.isnan(x) for x in wilson_interval(0, 0))


def test_wilson_rejects_impossible_counts():
    with pytest.raises(ValueError, match="between 0 and its n"):
        wilson_interval(11, 10)
    with pytest.raises(ValueError, match="between 0 and its n"):
        wilson_interval(-1, 10)


# ---------------------------------------------------------------------------- breakdown: counts


def test_wales_is_sum_of_counts_over_sum_of_bases_not_mean_of_shares():
    out = breakdown(counts_frame(SEX_2022), "sex")
    wales = row(out, WALES, "Female")
    assert (wales["count"], wales["base"]) == (40, 104)  # 10 + 30, 35 + 69
    assert wales["share"] == pytest.approx(40 / 104)  # 0.3846
    mean_of_shares = (10 / 35 + 30 / 69) / 2  # 0.3603: what it must not be
    assert abs(wales["share"] - mean_of_shares) > 0.02
    assert row(out, ANGLESEY, "Not known")["share"] == pytest.approx(1 / 35)
    assert row(out, GWYNEDD, "Male")["share"] == pytest.approx(39 / 69)


def test_counts_breakdown_shape_order_and_types():
    shuffled = counts_frame(SEX_2022[::-1])  # Gwynedd first, groups reversed
    out = breakdown(shuffled, "sex")
    assert out.columns.tolist() == [
        "election", "council_code", "council", "measure", "group", "count", "base", "share",
    ]  # fmt: skip
    assert out["council_code"].tolist() == [ANGLESEY] * 3 + [GWYNEDD] * 3 + [WALES] * 3
    assert out["group"].tolist() == ["Female", "Male", "Not known"] * 3
    assert out.loc[out["council_code"] == WALES, "council"].unique().tolist() == ["Wales"]
    assert str(out["count"].dtype) == "Int64" and str(out["base"].dtype) == "Int64"
    assert str(out["share"].dtype) == "Float64" and str(out["election"].dtype) == "Int64"


def test_counts_ci_on_request_and_overall_only():
    out = breakdown(counts_frame(SEX_2022), "sex", ci=True)
    low, high = wilson_interval(30, 69)
    assert row(out, GWYNEDD, "Female")[["ci_low", "ci_high"]].tolist() == [
        pytest.approx(low),
        pytest.approx(high),
    ]
    assert str(out["ci_low"].dtype) == "Float64"
    assert "ci_low" not in breakdown(counts_frame(SEX_2022), "sex").columns
    overall = breakdown(counts_frame(SEX_2022), "sex", by=None)
    assert overall["council_code"].unique().tolist() == [WALES]
    assert overall["count"].tolist() == [40, 63, 1]


def test_known_only_takes_not_known_off_the_base():
    out = breakdown(counts_frame(SEX_2022), "sex", known_only=True)
    assert "Not known" not in out["group"].tolist()
    anglesey = row(out, ANGLESEY, "Female")
    assert (anglesey["base"], anglesey["share"]) == (34, pytest.approx(10 / 34))  # 35 - 1
    wales = row(out, WALES, "Female")
    assert (wales["count"], wales["base"]) == (40, 103)  # 34 + 69


def test_several_elections_give_rows_per_election():
    out = breakdown(counts_frame(SEX_2017 + SEX_2022), "sex")
    assert out["election"].unique().tolist() == [2017, 2022]
    wales17 = row(out, WALES, "Female", election=2017)
    assert (wales17["count"], wales17["base"]) == (38, 150)  # 20 + 18, 75 + 75


def test_missing_count_is_left_out_of_wales_with_a_warning():
    rows = [list(r) for r in SEX_2022]
    rows[0][4] = None  # Anglesey's women suppressed at source
    with pytest.warns(DataWarning, match="Isle of Anglesey"):
        out = breakdown(counts_frame([tuple(r) for r in rows]), "sex")
    assert pd.isna(row(out, ANGLESEY, "Female")["share"])
    wales = row(out, WALES, "Female")
    assert (wales["count"], wales["base"]) == (30, 69)  # Gwynedd only, numerator and base
    assert row(out, WALES, "Male")["base"] == 104


def test_unknown_measure_names_the_measures_there_are():
    with pytest.raises(ValueError, match="the measures are sex"):
        breakdown(counts_frame(SEX_2022), "ethnicity")


# ---------------------------------------------------------------------------- breakdown: survey


def respondents() -> pd.DataFrame:
    sexes = ["Female", "Male", "Prefer not to say"]
    # Anglesey: F, F, M, PNS, NA; Gwynedd: F, M, M; unknown council: F
    codes = [ANGLESEY] * 5 + [GWYNEDD] * 3 + [None]
    sex = [
        "Female",
        "Female",
        "Male",
        "Prefer not to say",
        None,
        "Female",
        "Male",
        "Male",
        "Female",
    ]
    speaks = [True, False, False, None, None, True, True, False, False]
    understands = [True, True, False, None, None, True, True, False, True]
    frame = pd.DataFrame(
        {
            "respondent_id": pd.array(range(1, 10), dtype="Int64"),
            "council_code": pd.array(codes, dtype="str"),
            "survey_year": pd.array([2023] * 9, dtype="Int64"),
            "sex": pd.Categorical(sex, categories=sexes, ordered=True),
            "welsh_understands": pd.array(understands, dtype="boolean"),
            "welsh_speaks": pd.array(speaks, dtype="boolean"),
            "welsh_reads": pd.array([False] * 3 + [None] * 2 + [False] * 4, dtype="boolean"),
            "welsh_writes": pd.array([False] * 3 + [None] * 2 + [False] * 4, dtype="boolean"),
        }
    )
    frame.attrs["measures"] = ["sex"]
    return frame


def test_survey_excludes_prefer_not_to_say_and_na_by_default():
    out = breakdown(respondents(), "sex")
    assert out.columns.tolist() == [
        "survey_year", "council_code", "council", "measure", "group", "count", "base", "share",
        "ci_low", "ci_high", "excluded", "respondents", "asked",
    ]  # fmt: skip
    assert "Prefer not to say" not in out["group"].tolist()
    assert "No answer" not in out["group"].tolist()
    anglesey = row(out, ANGLESEY, "Female")
    # 5 respondents, 1 "Prefer not to say" and 1 blank left out: 2 of 3
    assert (anglesey["count"], anglesey["base"], anglesey["excluded"]) == (2, 3, 2)
    assert anglesey["share"] == pytest.approx(2 / 3)
    low, high = wilson_interval(2, 3)
    assert (anglesey["ci_low"], anglesey["ci_high"]) == (pytest.approx(low), pytest.approx(high))
    # Wales: 9 respondents (the one with no council included): women 2 + 1 + 1 of 3 + 3 + 1
    wales = row(out, WALES, "Female")
    assert (wales["count"], wales["base"], wales["excluded"]) == (4, 7, 2)
    assert row(out, GWYNEDD, "Male")["share"] == pytest.approx(2 / 3)
    assert out["council_code"].tolist() == [ANGLESEY] * 2 + [GWYNEDD] * 2 + [WALES] * 2


def test_survey_include_not_stated_puts_prefer_not_to_say_and_skipped_in_the_base():
    # issue 10: one rule for both; before, the blank stayed out while "Prefer not to say" was in
    out = breakdown(respondents(), "sex", include_not_stated=True)
    pns = row(out, ANGLESEY, "Prefer not to say")
    # Anglesey's 5: F, F, M, PNS, blank -- all in the base, nobody left out
    assert (pns["count"], pns["base"], pns["excluded"]) == (1, 5, 0)
    assert row(out, ANGLESEY, "No answer")["count"] == 1
    assert row(out, ANGLESEY, "Female")["share"] == pytest.approx(2 / 5)
    assert row(out, WALES, "Female")["base"] == 9
    # Gwynedd's 3 all answered: no "No answer" row for it beyond a count of 0
    assert row(out, GWYNEDD, "No answer")["count"] == 0
    assert set(out["respondents"][out["council_code"] == ANGLESEY]) == {5}


def test_a_council_whose_survey_did_not_ask_is_not_applicable_not_zero():
    frame = respondents()
    frame.loc[frame["council_code"] == GWYNEDD, "sex"] = None
    frame.attrs["not_asked"] = {"sex": [GWYNEDD]}
    for include in (False, True):
        out = breakdown(frame, "sex", include_not_stated=include)
        gwynedd = out[out["council_code"] == GWYNEDD]
        assert not gwynedd["asked"].any() and (gwynedd["base"] == 0).all()
        assert (gwynedd["excluded"] == 0).all() and (gwynedd["respondents"] == 3).all()
        assert out[out["council_code"] != GWYNEDD]["asked"].all()
    # Wales: Anglesey's 5 and the one with no council, Gwynedd's 3 not in base nor excluded
    wales = row(breakdown(frame, "sex"), WALES, "Female")
    assert (wales["count"], wales["base"], wales["excluded"]) == (3, 4, 2)
    wales = row(breakdown(frame, "sex", include_not_stated=True), WALES, "Female")
    assert (wales["count"], wales["base"], wales["excluded"]) == (3, 6, 0)


def test_welsh_skills_counts_each_option_over_those_who_answered():
    out = breakdown(respondents(), "welsh_skills")
    assert out.loc[out["council_code"] == WALES, "group"].tolist() == [
        "Understands spoken Welsh", "Speaks Welsh", "Reads Welsh", "Writes Welsh",
    ]  # fmt: skip
    speaks = row(out, ANGLESEY, "Speaks Welsh")
    assert (speaks["count"], speaks["base"], speaks["excluded"]) == (1, 3, 2)
    understands = row(out, WALES, "Understands spoken Welsh")
    assert (understands["count"], understands["base"]) == (5, 7)  # 2 + 2 + 1 of 3 + 3 + 1
    assert row(out, WALES, "Writes Welsh")["ci_low"] == 0.0


def test_survey_parameters_that_belong_to_counts_are_refused():
    with pytest.raises(ValueError, match="known_only"):
        breakdown(respondents(), "sex", known_only=True)
    with pytest.raises(ValueError, match="the measures are sex"):
        breakdown(respondents(), "ethnicity")


# ---------------------------------------------------------------------------- population


def census_count(area: str, measure: str, group: str) -> tuple[int, int]:
    """A council's count and population base, read straight from the shipped Census file."""
    path = resources.files("diversity_review").joinpath("data/census2021_councils.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if (r["area_code"], r["measure"], r["group"]) == (area, measure, group):
                return int(r["count"]), int(r["base_count"])
    raise KeyError((area, measure, group))


def test_gap_and_ratio_against_the_shipped_wales_figure():
    out = compare_with_population(breakdown(counts_frame(SEX_2022), "sex"))
    wales = row(out, WALES, "Female")
    assert wales["population_share"] == pytest.approx(0.511)
    assert wales["gap_pp"] == pytest.approx(100 * (40 / 104 - 0.511))  # -12.64 points
    assert wales["ratio"] == pytest.approx((40 / 104) / 0.511)  # 0.753
    assert wales["population_base"] == "all usual residents"
    assert (wales["benchmark_area"], wales["benchmark_fallback"]) == (WALES, False)
    anglesey = row(out, ANGLESEY, "Female")  # Anglesey's own Census count since issue 10
    assert (anglesey["benchmark_area"], anglesey["benchmark_fallback"]) == (ANGLESEY, False)
    female, residents = census_count(ANGLESEY, "sex", "Female")
    assert anglesey["population_share"] == pytest.approx(female / residents)
    assert pd.isna(row(out, ANGLESEY, "Not known")["population_share"])
    assert not row(out, ANGLESEY, "Not known")["benchmark_fallback"]
    assert str(out["gap_pp"].dtype) == "Float64" and out["benchmark_fallback"].dtype == bool


def test_council_own_figure_is_used_before_the_wales_figure():
    rows = [
        (2022, GWYNEDD, "welsh_language", "Welsh speaker", 50, 69),
        (2022, GWYNEDD, "welsh_language", "Not Welsh speaker", 19, 69),
        (2022, CARDIFF, "welsh_language", "Welsh speaker", 8, 79),
        (2022, CARDIFF, "welsh_language", "Not Welsh speaker", 71, 79),
    ]
    out = compare_with_population(breakdown(counts_frame(rows), "welsh_language"))
    gwynedd = row(out, GWYNEDD, "Welsh speaker")
    assert gwynedd["population_share"] == pytest.approx(0.644)  # Gwynedd's own Census figure
    assert (gwynedd["benchmark_area"], gwynedd["benchmark_fallback"]) == (GWYNEDD, False)
    assert gwynedd["ratio"] == pytest.approx((50 / 69) / 0.644)
    cardiff = row(out, CARDIFF, "Welsh speaker")
    assert cardiff["population_share"] == pytest.approx(0.178)  # no figure of its own: Wales
    assert (cardiff["benchmark_area"], cardiff["benchmark_fallback"]) == (WALES, True)
    assert cardiff["population_base"] == "usual residents aged 3 and over"


def test_cardiff_is_compared_with_its_own_ethnic_minority_share():
    rows = [
        (2022, CARDIFF, "ethnicity", "White", 70, 79),
        (2022, CARDIFF, "ethnicity", "Ethnic minority", 9, 79),
    ]
    out = compare_with_population(breakdown(counts_frame(rows), "ethnicity"))
    cardiff = row(out, CARDIFF, "Ethnic minority")
    white, residents = census_count(CARDIFF, "ethnic_group_high_level", "White")
    assert cardiff["population_share"] == pytest.approx(1 - white / residents)  # about 20.8%
    assert (
        cardiff["population_share"] > 0.2 > row(out, WALES, "Ethnic minority")["population_share"]
    )
    assert (cardiff["benchmark_area"], cardiff["benchmark_fallback"]) == (CARDIFF, False)
    assert cardiff["population_base"] == "all usual residents"


def test_user_benchmarks_replace_the_shipped_ones():
    bench = pd.DataFrame(
        {
            "area_code": [WALES, ANGLESEY],
            "measure": "sex",
            "group": "Female",
            "population_share": [0.5, 0.52],
            "population_base": "usual residents aged 18 and over",
        }
    )
    out = compare_with_population(breakdown(counts_frame(SEX_2022), "sex"), bench)
    assert row(out, ANGLESEY, "Female")["gap_pp"] == pytest.approx(100 * (10 / 35 - 0.52))
    assert row(out, GWYNEDD, "Female")["ratio"] == pytest.approx((30 / 69) / 0.5)


def test_reproduces_the_wlga_2017_comparison_and_published_counts():
    # PROVENANCE.md: WLGA, 2017 elections: women were 28% of councillors and 51% of the
    # population, a ratio of about 0.55.
    wlga = pd.DataFrame(
        {
            "council_code": [WALES],
            "council": ["Wales"],
            "measure": ["sex"],
            "group": ["Female"],
            "share": [0.28],
        }  # fmt: skip
    )
    bench = pd.DataFrame(
        {
            "area_code": [WALES],
            "measure": ["sex"],
            "group": ["Female"],
            "population_share": [0.51],
            "population_base": ["all usual residents"],
        }  # fmt: skip
    )
    out = compare_with_population(wlga, bench)
    assert round(out.loc[0, "ratio"], 2) == 0.55  # 0.28 / 0.51 = 0.549
    assert out.loc[0, "gap_pp"] == pytest.approx(-23.0)
    # The 2017 count after the election: 359 women of 1,254 councillors (package data).
    package = resources.files("diversity_review").joinpath("data/published_women_councillors.csv")
    with package.open(encoding="utf-8") as fh:
        published = pd.read_csv(fh, dtype=str)
    counted = published[(published["year"] == "2017") & (published["women"] == "359")].iloc[0]
    women, total = int(counted["women"]), int(counted["total"])
    rows = [(2017, WALES, "sex", "Female", women, total), (2017, WALES, "sex", "Male", 895, 1254)]
    overall = breakdown(counts_frame(rows), "sex", by=None)
    assert round(100 * row(overall, WALES, "Female")["share"], 1) == 28.6
    # Against the shipped Census 2021 figure (51.1% women): ratio 0.2863 / 0.511 = 0.56
    compared = compare_with_population(overall)
    assert row(compared, WALES, "Female")["population_share"] == pytest.approx(0.511)
    assert round(row(compared, WALES, "Female")["ratio"], 2) == 0.56


# ---------------------------------------------------------------------------- change


def test_change_between_elections_in_points_with_one_sided_councils_kept():
    out = change_between(counts_frame(SEX_2017 + SEX_2022), 2017, 2022)
    assert out.columns.tolist() == [
        "council_code", "council", "measure", "group", "count_from", "base_from", "share_from",
        "count_to", "base_to", "share_to", "change_pp", "status",
    ]  # fmt: skip
    assert out["council_code"].tolist() == [ANGLESEY, GWYNEDD, CARDIFF, WALES]
    gwynedd = out.iloc[1]
    assert gwynedd["change_pp"] == pytest.approx(100 * (30 / 69 - 20 / 75))  # +16.81 points
    assert gwynedd["status"] == "both"
    anglesey, cardiff = out.iloc[0], out.iloc[2]
    assert anglesey["status"] == "only in 2022" and pd.isna(anglesey["change_pp"])
    assert (anglesey["count_to"], anglesey["base_to"]) == (10, 35)
    assert cardiff["status"] == "only in 2017" and cardiff["share_from"] == pytest.approx(18 / 75)
    wales = out.iloc[3]
    # 2017: (20 + 18) / 150; 2022: (10 + 30) / 104
    assert wales["change_pp"] == pytest.approx(100 * (40 / 104 - 38 / 150))
    assert out.attrs == {"from_election": 2017, "to_election": 2022}


def test_change_from_shares_and_unknown_election():
    shares = breakdown(counts_frame(SEX_2017 + SEX_2022), "sex")
    out = change_between(shares, 2017, 2022, group="Male")
    assert out.iloc[1]["change_pp"] == pytest.approx(100 * (39 / 69 - 55 / 75))
    with pytest.raises(ValueError, match="the elections are 2017, 2022"):
        change_between(shares, 2012, 2022)


def test_change_for_a_measure_one_election_lacks_says_so():
    age_2017 = [(2017, GWYNEDD, "age", "Under 40", 9, 75), (2017, CARDIFF, "age", "60+", 30, 75)]
    disabled_2022 = [(2022, ANGLESEY, "disability", "Disabled", 3, 35)]
    counts = counts_frame(SEX_2017 + age_2017 + SEX_2022 + disabled_2022)
    with pytest.raises(ValueError) as info:
        change_between(counts, 2017, 2022, measure="disability", group="Disabled")
    assert str(info.value) == "2017 has no disability figures; it has sex, age"
    with pytest.raises(ValueError) as info:
        change_between(counts, 2017, 2022, measure="age", group="Under 40")
    assert str(info.value) == "2022 has no age figures; it has sex, disability"
    # from shares too; an election that is missing altogether is still named as such
    shares = pd.concat([breakdown(counts, "age"), breakdown(counts_frame(SEX_2022), "sex")])
    with pytest.raises(ValueError, match="^2022 has no age figures; it has sex$"):
        change_between(shares, 2017, 2022, measure="age", group="60+")
    with pytest.raises(ValueError, match="^no election 2012 in the data"):
        change_between(counts, 2012, 2022, measure="disability", group="Disabled")


# ---------------------------------------------------------------------------- parity


def test_parity_band_edges_are_inside():
    shares = pd.DataFrame(
        {
            "council": list("ABCDEF"),
            "group": "Female",
            # 6/15 = 40% exactly, 9/15 = 60% exactly, 39%, 61%, 50%, unknown
            "share": pd.array([6 / 15, 9 / 15, 0.39, 0.61, 0.5, None], dtype="Float64"),
        }
    )
    out = parity(shares)
    assert out["within_band"].tolist()[:5] == [True, True, False, False, True]
    assert pd.isna(out["within_band"].iloc[5])
    assert out["band_low"].unique().tolist() == [40.0] and out["band_high"].unique().tolist() == [
        60.0
    ]
    wider = parity(shares, band=(35, 65))
    assert wider["within_band"].tolist()[:4] == [True, True, True, True]


def test_parity_on_a_breakdown_keeps_only_the_group():
    out = parity(breakdown(counts_frame(SEX_2022), "sex"))
    assert out["group"].unique().tolist() == ["Female"]
    # Anglesey 10/35 = 28.6% (out), Gwynedd 30/69 = 43.5% (in), Wales 40/104 = 38.5% (out)
    assert out["within_band"].tolist() == [False, True, False]
    with pytest.raises(ValueError, match="no rows for group 'Women'"):
        parity(out, group="Women")


# ---------------------------------------------------------------------------- roles


def test_roles_members_executive_and_leader():
    rows = SEX_2022 + [
        (2022, ANGLESEY, "executive_sex", "Female", 3, 9),
        (2022, ANGLESEY, "executive_sex", "Male", 6, 9),
        (2022, GWYNEDD, "executive_sex", "Female", 2, 10),
        (2022, GWYNEDD, "executive_sex", "Male", 8, 10),
        (2022, ANGLESEY, "leader_sex", "Female", 1, 1),
        (2022, ANGLESEY, "leader_sex", "Male", 0, 1),
        (2022, GWYNEDD, "leader_sex", "Female", 0, 1),
        (2022, GWYNEDD, "leader_sex", "Male", 1, 1),
    ]
    out = roles_comparison(counts_frame(SEX_2017 + rows))
    assert out.attrs["election"] == 2022  # the latest by default
    assert out.columns.tolist() == [
        "council_code", "council", "scope", "group", "count", "base", "share",
    ]  # fmt: skip
    wales = out[(out["council_code"] == WALES) & (out["group"] == "Female")]
    assert wales["scope"].tolist() == ["All members", "Executive", "Leader"]
    assert wales["share"].tolist() == [
        pytest.approx(40 / 104),
        pytest.approx(5 / 19),  # (3 + 2) / (9 + 10)
        pytest.approx(1 / 2),  # one of the two councils led by a woman
    ]
    assert out["council_code"].iloc[0] == ANGLESEY and out["council_code"].iloc[-1] == WALES
    earlier = roles_comparison(counts_frame(SEX_2017 + rows), election=2017)
    assert earlier["scope"].unique().tolist() == ["All members"]


def test_no_warnings_on_clean_input():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        breakdown(counts_frame(SEX_2022), "sex", ci=True)
        breakdown(respondents(), "sex")
        compare_with_population(breakdown(counts_frame(SEX_2022), "sex"))
