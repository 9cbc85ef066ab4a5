"""Issue 10: a survey's tables name what it covers, give response rates, mark questions not
asked [z], and state the one rule for the base.

Expected figures are hand-counted from the rows written here; seats are read straight from the
shipped councils registry with the csv module.
"""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from diversity_review.load.survey import load_surveys
from diversity_review.pack.config import PackConfig
from diversity_review.pack.display import notes, published_frame, title_text
from diversity_review.pack.tables import compute_tables
from helpers import write_csv

CARDIFF, GWYNEDD, POWYS = "W06000015", "W06000002", "W06000023"
HEAD = ["Which council do you represent?", "What is your sex?"]


def seats(code: str) -> int:
    path = resources.files("diversity_review").joinpath("data/councils.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        return next(int(r["seats_2022"]) for r in csv.DictReader(fh) if r["ons_code"] == code)


@pytest.fixture
def three_councils(tmp_path):
    """Cardiff 2 (F, PNS), Gwynedd 3 (F, M, skipped) with a disability question, Powys 30
    (20 F, 10 M) with no disability question; all 2023."""
    first = write_csv(
        tmp_path / "a.csv",
        [
            [*HEAD, "Do you consider yourself to be disabled?"],
            ["Cardiff", "Female", "Yes"],
            ["Cardiff", "Prefer not to say", "No"],
            ["Gwynedd", "Female", "No"],
            ["Gwynedd", "Male", "No"],
            ["Gwynedd", "", "Yes"],
        ],
    )
    second = write_csv(
        tmp_path / "b.csv", [HEAD] + [["Powys", "Female"]] * 20 + [["Powys", "Male"]] * 10
    )
    return load_surveys([first, second], survey_year=2023)


def survey_table(respondents, measure, **settings):
    cfg = PackConfig(threshold=1, **settings)
    tables = compute_tables(None, respondents, cfg)
    return next(t for t in tables if t.name == f"survey_{measure}"), cfg


def test_a_three_council_survey_is_named_by_its_councils(three_councils):
    table, _ = survey_table(three_councils, "sex")
    assert title_text(table, "en") == (
        "Members answering the diversity survey by sex, Gwynedd, Cardiff and Powys, 2023"
    )
    assert "Wales" not in title_text(table, "en")
    published = published_frame(table, "en")
    assert "Wales" not in set(published["Council"])
    assert "Gwynedd, Cardiff and Powys" in set(published["Council"])
    assert "Gwynedd, Caerdydd a Powys" in set(published_frame(table, "cy")["Cyngor"])


def test_one_council_is_named_alone(three_councils):
    cardiff = three_councils[three_councils["council_code"] == CARDIFF]
    table, _ = survey_table(cardiff, "sex")
    assert title_text(table, "en").endswith("by sex, Cardiff, 2023")


def test_each_council_has_respondents_and_a_response_rate_against_its_seats(three_councils):
    table, cfg = survey_table(three_councils, "sex")
    published = published_frame(table, "en").drop_duplicates("Council code").set_index("Council")
    for name, code, n in (("Cardiff", CARDIFF, 2), ("Gwynedd", GWYNEDD, 3), ("Powys", POWYS, 30)):
        row = published.loc[name]
        assert (row["Respondents"], row["Seats"]) == (n, seats(code))
        assert row["Response rate (%)"] == round(100 * n / seats(code), 1)
    # together: 35 respondents of the three councils' seats
    together = published.loc["Gwynedd, Cardiff and Powys"]
    total = seats(CARDIFF) + seats(GWYNEDD) + seats(POWYS)
    assert (together["Respondents"], together["Seats"]) == (35, total)
    # under 30% of seats is flagged: Cardiff and Gwynedd; Powys's 30 of its seats is not
    assert 30 / seats(POWYS) >= 0.3
    flagged = {name for name, row in published.iterrows() if row["Low response"]}
    assert flagged == {"Cardiff", "Gwynedd", "Gwynedd, Cardiff and Powys"}
    assert "under 30% of seats is flagged as low" in notes(cfg, "en")["coverage"]
    assert "coverage" in table.spec.notes


def test_the_low_response_threshold_is_a_setting(three_councils):
    table, cfg = survey_table(three_councils, "sex", low_response=0.02)
    published = published_frame(table, "en").drop_duplicates("Council code")
    assert not any(published["Low response"])  # Cardiff 2/79 is above 2%
    assert "under 2.0% of seats" in notes(cfg, "en")["coverage"]


def test_a_question_not_asked_is_z_not_zero(three_councils):
    table, _ = survey_table(three_councils, "disability")
    published = published_frame(table, "en")
    powys = published[published["Council code"] == POWYS]
    assert len(powys) > 0
    assert set(powys["Count"]) == {"[z]"} and set(powys["Share (%)"]) == {"[z]"}
    assert set(powys["Base"]) == {"[z]"}
    assert set(powys["Respondents"]) == {30}  # it did answer the survey
    gwynedd = published[(published["Council code"] == GWYNEDD)].set_index("Group")
    assert gwynedd.loc["Disabled", "Count"] == 1 and gwynedd.loc["Not disabled", "Count"] == 2


def test_one_rule_for_the_base_in_the_table_and_its_note(three_councils):
    table, cfg = survey_table(three_councils, "sex")  # default: both in the base
    frame = published_frame(table, "en")
    gwynedd = frame[frame["Council code"] == GWYNEDD].set_index("Group")
    assert gwynedd.loc["No answer", "Count"] == 1 and set(gwynedd["Base"]) == {3}
    cardiff = frame[frame["Council code"] == CARDIFF].set_index("Group")
    assert cardiff.loc["Prefer not to say", "Share (%)"] == 50.0 and set(cardiff["Base"]) == {2}
    assert (
        '"Prefer not to say" and skipped answers (No answer) are in the base'
        in notes(cfg, "en")["survey"]
    )

    table, cfg = survey_table(three_councils, "sex", not_stated_in_base=False)
    frame = published_frame(table, "en")
    gwynedd = frame[frame["Council code"] == GWYNEDD].set_index("Group")
    assert "No answer" not in gwynedd.index and set(gwynedd["Base"]) == {2}
    cardiff = frame[frame["Council code"] == CARDIFF].set_index("Group")
    assert "Prefer not to say" not in cardiff.index
    assert cardiff.loc["Female", "Share (%)"] == 100.0
    assert "are not in the base" in notes(cfg, "en")["survey"]
