"""The prepare and describe steps of every chart, without matplotlib.

Each table here is typed in by hand and every expected figure, order and sentence is worked out
from it in the comments, not read back from the code.
"""

from __future__ import annotations

import math
import subprocess
import sys
import textwrap

import pandas as pd

from diversity_review.charts.change import describe_change, prepare_change
from diversity_review.charts.pairs import (
    describe_age,
    describe_population,
    prepare_age,
    prepare_population,
)
from diversity_review.charts.roles import describe_roles, prepare_roles, share_text
from diversity_review.charts.share import describe_share, prepare_share
from diversity_review.charts.survey import describe_survey, prefer_not_text, prepare_survey

WALES, ANGLESEY, GWYNEDD, CONWY = "W92000004", "W06000001", "W06000002", "W06000003"
NAMES = {WALES: "Wales", ANGLESEY: "Isle of Anglesey", GWYNEDD: "Gwynedd", CONWY: "Conwy"}


def test_prepare_and_describe_never_import_matplotlib():
    code = textwrap.dedent(
        """
        import sys
        import pandas as pd
        from diversity_review.charts import share, change, pairs, survey, roles, words, select
        shares = pd.DataFrame({
            "election": pd.array([2022, 2022], dtype="Int64"),
            "council_code": ["W06000001", "W92000004"], "council": ["Isle of Anglesey", "Wales"],
            "measure": "sex", "group": "Female", "count": pd.array([7, 7], dtype="Int64"),
            "base": pd.array([35, 35], dtype="Int64"), "share": [0.2, 0.2]})
        chart = share.prepare_share(shares, "Female", None, None, "cy")
        assert share.describe_share(chart, "cy", None).title
        assert "matplotlib" not in sys.modules, sorted(m for m in sys.modules if "matplotlib" in m)
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def counts(rows, **columns) -> pd.DataFrame:
    """(code, count, base) rows of women in 2022 as a breakdown-shaped table."""
    frame = pd.DataFrame(rows, columns=["council_code", "count", "base"])
    frame.insert(1, "council", frame["council_code"].map(NAMES))
    frame = frame.assign(election=2022, measure="sex", group="Female", **columns)
    frame["share"] = (frame["count"] / frame["base"]).astype("Float64")
    return frame.astype({"election": "Int64", "count": "Int64", "base": "Int64"})


def test_share_bars_sorted_with_markers_last_and_wales_found():
    # Anglesey 7/35 = 20%, Gwynedd 30/60 = 50%, Conwy suppressed, Wales 37/95 = 38.9%
    shares = counts(
        [(ANGLESEY, 7, 35), (GWYNEDD, 30, 60), (CONWY, None, 50), (WALES, 37, 95)],
        population_share=0.51,
    )
    shares["suppressed"] = shares["council_code"] == CONWY
    chart = prepare_share(shares, "Female", None, None, "en")
    assert [b.code for b in chart.bars] == [GWYNEDD, WALES, ANGLESEY, CONWY]
    assert [b.marker for b in chart.bars] == [None, None, None, "[c]"]
    assert chart.year == 2022 and chart.band and chart.one_pop
    assert chart.wales.share == 37 / 95
    assert [b.code for b in chart.valued] == [GWYNEDD, ANGLESEY]  # Wales is not a council

    words = describe_share(chart, "en", None)
    assert words.title == (
        "In 2022, women were 39% of councillors in Wales, against 51% of the population; "
        "councils ranged from 20% to 50%"  # Anglesey 7/35 to Gwynedd 30/60
    )
    assert "The highest share was in Gwynedd (50%) and the lowest in Isle of Anglesey (20%)." in (
        words.alt
    )
    # 50% is inside the 40-60 band, 20% is not
    assert "Councils inside the parity band of 40% to 60%: 1 of 2." in words.alt
    assert "Figures withheld to protect confidentiality ([c]): Conwy." in words.alt
    assert words.notes[0].startswith("Source: WLGA diversity review 2022; Census 2021")


def test_share_in_welsh_names_the_councils_in_welsh():
    chart = prepare_share(counts([(ANGLESEY, 7, 35), (WALES, 7, 35)]), "Female", None, None, "cy")
    assert [b.label for b in chart.bars] == ["Ynys Môn", "Cymru"]  # 20% each: W06… before W92…


def change_table() -> pd.DataFrame:
    # Anglesey 20% -> 30%, Gwynedd 50% -> 45%, Conwy only in 2022 (40%), Wales 30% -> 35%
    frame = pd.DataFrame(
        {
            "council_code": [ANGLESEY, GWYNEDD, CONWY, WALES],
            "share_from": [0.2, 0.5, None, 0.3],
            "share_to": [0.3, 0.45, 0.4, 0.35],
            "status": ["both", "both", "only in 2022", "both"],
        }
    )
    frame.insert(1, "council", frame["council_code"].map(NAMES))
    frame = frame.assign(measure="sex", group="Female").astype(
        {"share_from": "Float64", "share_to": "Float64"}
    )
    frame.attrs.update(from_election=2017, to_election=2022)
    return frame


def test_change_rows_by_later_share_with_the_change_worked_out():
    chart = prepare_change(change_table(), None, None, "en")
    assert (chart.year_from, chart.year_to, chart.group) == (2017, 2022, "Female")
    assert [d.code for d in chart.rows] == [GWYNEDD, CONWY, WALES, ANGLESEY]  # 45, 40, 35, 30
    by_code = {d.code: d for d in chart.rows}
    assert math.isclose(by_code[ANGLESEY].change, 10.0)  # no change_pp column: 100 x (to - from)
    assert math.isclose(by_code[GWYNEDD].change, -5.0)
    assert by_code[CONWY].only == 2022 and math.isnan(by_code[CONWY].change)

    words = describe_change(chart, "en", None)
    assert (
        words.title == "Between 2017 and 2022, women rose from 30% to 35% of councillors in Wales"
    )
    assert "The largest rise was in Isle of Anglesey, from 20% to 30%." in words.alt
    assert "The largest fall was in Gwynedd, from 50% to 45%." in words.alt
    assert "Councils where the share rose: 1 of 2." in words.alt
    assert "In 2022 only: Conwy." in words.alt


def wales_groups(measure, groups, shares, pops=None, **columns) -> pd.DataFrame:
    frame = pd.DataFrame({"group": groups, "share": shares}).assign(
        election=2022, council_code=WALES, council="Wales", measure=measure, **columns
    )
    if pops is not None:
        frame["population_share"] = pops
    return frame.astype({"election": "Int64", "share": "Float64"})


def test_population_pairs_leave_not_known_out_and_mark_missing_figures():
    compared = wales_groups(
        "ethnicity",
        ["White", "Ethnic minority", "Not known"],
        [0.9, 0.02, 0.08],
        pops=pd.array([0.938, None, None], dtype="Float64"),
    )
    chart = prepare_population(compared, "ethnicity", None, "en")
    assert [p.group for p in chart.pairs] == ["White", "Ethnic minority"]
    assert chart.left_out == ("Not known",)
    assert chart.markers == ["[x]"]  # the ethnic minority population figure is missing
    words = describe_population(chart, "en", None)
    # the focus group (ethnic minority) lacks a population figure: the largest gap is White's
    assert words.title == (
        "In 2022, the group “White” were 90% of councillors in Wales, against 94% of the population"
    )
    assert "Not shown: Not known." in words.notes
    assert "Ethnic minority: 2.0% of councillors, against [x] of the population." in words.alt


def test_age_title_picks_the_most_over_represented_band():
    members = wales_groups("age", ["Under 40", "40-59", "60+"], [0.1, 0.4, 0.5])
    population = {"Under 40": 0.45, "40-59": 0.3, "60+": 0.25}
    chart = prepare_age(members, population, None, "en")
    assert [(p.group, p.pop) for p in chart.pairs] == [
        ("Under 40", 0.45),
        ("40-59", 0.3),
        ("60+", 0.25),
    ]
    # gaps: -35, +10, +25 points: 60+ is the most over-represented
    words = describe_age(chart, "en", None)
    assert words.title == (
        "In 2022, 50% of councillors in Wales were aged 60 or over, against 25% of the population"
    )


def test_survey_prefer_not_is_a_share_of_every_respondent():
    # 40 answered (10 disabled, 30 not), 8 more said "Prefer not to say" (excluded)
    shares = pd.DataFrame(
        {
            "survey_year": 2023,
            "council_code": WALES,
            "council": "Wales",
            "measure": "disability",
            "group": ["Disabled", "Not disabled", "Prefer not to say"],
            "count": [10, 30, 8],
            "base": [40, 40, 40],
            "share": [0.25, 0.75, 0.2],
            "ci_low": [0.14, 0.6, 0.1],
            "ci_high": [0.4, 0.86, 0.35],
            "excluded": [8, 8, 8],
        }
    ).astype({"survey_year": "Int64", "count": "Int64", "base": "Int64", "excluded": "Int64"})
    chart = prepare_survey(shares, "disability", None, None, "en")
    assert [a.group for a in chart.answers] == ["Disabled", "Not disabled"]
    assert chart.base == 40 and chart.place is None
    assert chart.prefer_not.n == 8 and math.isclose(chart.prefer_not.share, 8 / 48)
    assert prefer_not_text(chart.prefer_not, "en") == (
        "17% of all respondents (n = 8), not in the shares above"
    )
    words = describe_survey(chart, "en", None)
    assert words.title == (
        "In 2023, disabled people were 25% of councillors who answered the survey in Wales"
    )
    assert "Disabled: 25% (95% confidence interval 14% to 40%; n = 10)." in words.alt


def test_roles_in_scope_order_with_counts():
    roles = pd.DataFrame(
        {
            "council_code": WALES,
            "council": "Wales",
            "scope": ["Leader", "All members", "Executive"],
            "group": "Female",
            "count": [4, 452, 60],
            "base": [22, 1234, 180],
        }
    )
    roles["share"] = roles["count"] / roles["base"]
    chart = prepare_roles(roles, "Female", None, "en")
    assert [r.scope for r in chart.roles] == ["All members", "Executive", "Leader"]
    # 452 / 1234 = 36.6%, 60 / 180 = 33.3%, 4 / 22 = 18.2%
    assert share_text(chart.roles[0], "en") == "37% (452 of 1,234)"
    words = describe_roles(chart, "en", None)
    assert words.title == (
        "In Wales, women were 37% of councillors, 33% of executive members and 18% of "
        "council leaders"
    )
    assert "Council leaders: 4 of 22 (18%)." in words.alt
