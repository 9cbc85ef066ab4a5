"""A survey chart names what the survey covers and flags low response (issue 10): a survey of
three councils is titled by them, not Wales, and a council whose respondents are under the
pack's share of its seats is named in the note. Seats come from the registry via csv."""

from __future__ import annotations

import csv
from importlib import resources

import matplotlib.pyplot as plt
import pytest

from diversity_review.charts import survey_chart
from diversity_review.charts.survey import describe_survey, prepare_survey
from diversity_review.load.survey import load_surveys
from diversity_review.pack.config import PackConfig
from diversity_review.pack.tables import compute_tables
from helpers import write_csv

HEAD = ["Which council do you represent?", "What is your sex?"]


def seats(name: str) -> int:
    path = resources.files("diversity_review").joinpath("data/councils.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        return next(int(r["seats_2022"]) for r in csv.DictReader(fh) if r["name_en"] == name)


@pytest.fixture
def survey_sex(tmp_path):
    """Cardiff 2, Gwynedd 3, Powys 30 respondents, all 2023 (named in ONS code order)."""
    rows = [["Cardiff", "Female"], ["Cardiff", "Male"]] + [["Gwynedd", "Female"]] * 3
    rows += [["Powys", "Female"]] * 20 + [["Powys", "Male"]] * 10
    respondents = load_surveys([write_csv(tmp_path / "s.csv", [HEAD, *rows])], survey_year=2023)
    tables = compute_tables(None, respondents, PackConfig(threshold=1, low_response=0.3))
    return next(t for t in tables if t.name == "survey_sex").frame


def test_a_three_council_survey_chart_is_named_by_its_councils(survey_sex):
    chart = prepare_survey(survey_sex, "sex", None, None, "en")
    assert chart.place == "Gwynedd, Cardiff and Powys"
    words = describe_survey(chart, "en", None)
    assert "(Gwynedd, Cardiff and Powys)" in words.title
    assert "in Wales" not in words.title
    # women: 1 + 3 + 20 of 35
    female = next(a for a in chart.answers if a.group == "Female")
    assert female.share == pytest.approx(24 / 35)


def test_low_response_is_flagged_on_the_chart(survey_sex):
    expected = {
        name: n / seats(name) for name, n in [("Cardiff", 2), ("Gwynedd", 3), ("Powys", 30)]
    }
    low = sorted(name for name, rate in expected.items() if rate < 0.3)
    assert low == ["Cardiff", "Gwynedd"] and expected["Powys"] >= 0.3
    chart = prepare_survey(survey_sex, "sex", None, None, "en")
    assert sorted(c.split(" (")[0] for c in chart.low_response) == low
    said = " ".join(describe_survey(chart, "en", None).notes)
    assert f"Cardiff ({100 * expected['Cardiff']:.1f}% of seats)" in said
    assert "Powys (" not in said
    fig = survey_chart(survey_sex, "sex", lang="cy")
    assert "Caerdydd" in fig.alt_text and "Ymateb isel" in fig.alt_text
    plt.close(fig)


def test_more_councils_than_named_are_counted_and_listed_in_a_note(tmp_path):
    names = ["Cardiff", "Gwynedd", "Powys", "Conwy", "Torfaen"]
    rows = [[n, "Female"] for n in names for _ in range(3)]
    respondents = load_surveys([write_csv(tmp_path / "s.csv", [HEAD, *rows])], survey_year=2023)
    tables = compute_tables(None, respondents, PackConfig(threshold=1))
    frame = next(t for t in tables if t.name == "survey_sex").frame
    words = describe_survey(prepare_survey(frame, "sex", None, None, "en"), "en", None)
    assert "(5 of the 22 councils)" in words.title
    listed = next(n for n in words.notes if n.startswith("Councils surveyed: "))
    assert sorted(listed.removeprefix("Councils surveyed: ").rstrip(".").split(", ")) == sorted(
        names
    )
