"""A population comparison names its population base and the "Not known" it set aside
(issue 10); a council's comparison uses the council's own Census figures. The Census shares
are computed here from the package's data file, apart from the loader."""

from __future__ import annotations

import csv
from importlib import resources

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from diversity_review.analysis import compare_with_population
from diversity_review.charts import population_comparison
from diversity_review.charts.pairs import describe_population, prepare_population

CARDIFF, WALES = "W06000015", "W92000004"


def census_rows(area: str, measure: str) -> list[dict[str, str]]:
    path = resources.files("diversity_review") / "data" / "census2021_councils.csv"
    with path.open(encoding="utf-8") as handle:
        return [
            r for r in csv.DictReader(handle) if r["area_code"] == area and r["measure"] == measure
        ]


def minority_share(area: str) -> float:
    """1 - White / base, from the ONS counts (Wales: the sum over its 22 councils)."""
    if area == WALES:
        path = resources.files("diversity_review") / "data" / "census2021_councils.csv"
        with path.open(encoding="utf-8") as handle:
            rows = [r for r in csv.DictReader(handle) if r["measure"] == "ethnic_group_high_level"]
        white = sum(int(r["count"]) for r in rows if r["group"] == "White")
        base = sum(int(r["base_count"]) for r in rows if r["group"] == "White")
        return 1 - white / base
    (white,) = [r for r in census_rows(area, "ethnic_group_high_level") if r["group"] == "White"]
    return 1 - int(white["count"]) / int(white["base_count"])


def shares() -> pd.DataFrame:
    # Cardiff: 79 councillors, 8 ethnic minority, 69 White, 2 not known; Wales: 1,231
    rows = [
        (CARDIFF, "Cardiff", "Ethnic minority", 8, 79),
        (CARDIFF, "Cardiff", "White", 69, 79),
        (CARDIFF, "Cardiff", "Not known", 2, 79),
        (WALES, "Wales", "Ethnic minority", 40, 1231),
        (WALES, "Wales", "White", 1150, 1231),
        (WALES, "Wales", "Not known", 41, 1231),
    ]
    frame = pd.DataFrame(
        [
            {
                "election_year": 2022,
                "council_code": code,
                "council": name,
                "measure": "ethnicity",
                "group": g,
                "count": c,
                "base": b,
                "share": c / b,
            }
            for code, name, g, c, b in rows
        ]
    )
    return frame.astype({"count": "Int64", "base": "Int64", "share": "Float64"})


def test_cardiff_uses_its_own_census_share_and_names_its_base():
    compared = compare_with_population(shares())
    own, wales = minority_share(CARDIFF), minority_share(WALES)
    assert own == pytest.approx(0.208, abs=0.001)  # 75,379 of 362,310
    assert abs(own - wales) > 0.1  # Wales's would be far off
    chart = prepare_population(compared, "ethnicity", None, "en", council="Cardiff")
    pair = next(d for d in chart.pairs if d.group == "Ethnic minority")
    assert pair.pop == pytest.approx(own)
    assert pair.share == pytest.approx(8 / 79)
    assert chart.population_base == "all usual residents" and not chart.fallback
    words = describe_population(chart, "en", None)
    said = " ".join(words.notes)
    assert "Population base: all usual residents, Cardiff (Census 2021)." in said
    assert "Population base: all usual residents, Cardiff (Census 2021)." in words.alt
    assert "Cardiff" in words.title and f"{round(own * 100)}%" in words.title
    # the councillors' not known (2 of 79) set aside; the Census has none for ethnicity
    assert f"{100 * 2 / 79:.1f}% of councillors (the Census has no" in said
    fig = population_comparison(compared, "ethnicity", council="Cardiff")
    assert "Population base: all usual residents, Cardiff" in fig.alt_text
    plt.close(fig)


def test_wales_comparison_names_wales_and_its_base():
    compared = compare_with_population(shares())
    chart = prepare_population(compared, "ethnicity", None, "en")
    pair = next(d for d in chart.pairs if d.group == "Ethnic minority")
    assert pair.pop == pytest.approx(minority_share(WALES), abs=0.001)  # published to 0.1pp
    words = describe_population(chart, "en", None)
    assert "Population base: all usual residents, Wales (Census 2021)." in words.notes
    assert "Set aside as not known: 3.3% of councillors" in " ".join(words.notes)  # 41/1231


def test_population_not_known_is_shown_where_the_census_has_one():
    # religion: the Census's "Not answered" is our "Not known" (Cardiff: from the ONS counts)
    (not_answered,) = [r for r in census_rows(CARDIFF, "religion") if r["group"] == "Not answered"]
    pop_nk = int(not_answered["count"]) / int(not_answered["base_count"])
    frame = shares().assign(measure="religion")
    frame["group"] = frame["group"].map(
        {"Ethnic minority": "Christian", "White": "No religion", "Not known": "Not known"}
    )
    compared = compare_with_population(frame)
    chart = prepare_population(compared, "religion", None, "en", council="Cardiff")
    assert chart.population_not_known == pytest.approx(pop_nk)
    said = " ".join(describe_population(chart, "en", None).notes)
    expected = f"{100 * 2 / 79:.1f}% of councillors and {100 * pop_nk:.1f}% of the population"
    assert expected in said
