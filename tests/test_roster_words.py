"""Key posts read into roles in English and Welsh, and the roster's answer words."""

from __future__ import annotations

import pytest

from diversity_review.load.roster import ROLES
from diversity_review.load.roster_words import (
    UNKNOWN,
    column_role,
    header_text,
    parse_group,
    parse_key_posts,
    portfolio_key,
)


def _held(text):
    posts = parse_key_posts(text)
    roles = [r for r in ROLES if getattr(posts, r)]
    return roles, posts.portfolio


@pytest.mark.parametrize(
    "text, roles, portfolio",
    [
        ("Leader of the Council", ["leader", "executive"], None),
        ("Arweinydd y Cyngor", ["leader", "executive"], None),
        ("Leader and Cabinet Member for Economy", ["leader", "executive"], "Economy"),
        ("Deputy Leader", ["deputy_leader", "executive"], None),
        (
            "Dirprwy Arweinydd ac Aelod Cabinet dros Addysg",
            ["deputy_leader", "executive"],
            "Addysg",
        ),
        ("Cabinet Member - Housing: Communities", ["executive"], "Housing: Communities"),
        ("Lead Member for Finance", ["executive"], "Finance"),
        ("Aelod Arweiniol dros Gyllid", ["executive"], "Gyllid"),
        ("Deputy Leader (Job Share)", ["deputy_leader", "executive"], "Deputy Leader"),
        ("Lord Mayor", ["chair_of_council"], None),
        ("Chair of the Council", ["chair_of_council"], None),
        ("Cadeirydd y Cyngor", ["chair_of_council"], None),
        ("Maer", ["chair_of_council"], None),
        ("Presiding Member", ["chair_of_council"], None),
        ("Chair of Planning Committee", ["committee_chair"], None),
        ("Cadeirydd y Pwyllgor Cynllunio", ["committee_chair"], None),
        ("Chair of the Overview and Scrutiny Management Board", ["scrutiny_chair"], None),
        ("Cadeirydd Pwyllgor Craffu Addysg", ["scrutiny_chair"], None),
        # no council role
        ("Deputy Lord Mayor", [], None),
        ("Dirprwy Faer", [], None),
        ("Vice-Chair of Planning Committee", [], None),
        ("Is-gadeirydd y Pwyllgor Cynllunio", [], None),
        ("Leader of the Labour Group", [], None),
        ("Leader of the Opposition", [], None),
        ("Arweinydd yr Wrthblaid", [], None),
        ("Group Whip", [], None),
        (None, [], None),
        # several posts, one a line (or <br>), in any order
        (
            "Chair of Licensing Committee<br />Cabinet Member for Education",
            ["executive", "committee_chair"],
            "Education",
        ),
    ],
)
def test_key_posts(text, roles, portfolio):
    assert _held(text) == (roles, portfolio)


def test_a_job_share_note_is_seen_and_set_aside():
    posts = parse_key_posts("Aelod Cabinet dros Wasanaethau Cymdeithasol (rhannu swydd)")
    assert posts.job_share_marked and posts.portfolio == "Wasanaethau Cymdeithasol"
    assert portfolio_key("Social Services (Job Share)") == portfolio_key("social  services")
    assert portfolio_key(None) == ""


@pytest.mark.parametrize(
    "measure, value, group",
    [
        ("sex", "F", "Female"),
        ("sex", "Dynion", "Male"),
        ("sex", "", "Not known"),
        ("sex", "prefer not to say", "Prefer not to say"),
        ("age", 39, "Under 40"),
        ("age", "60", "60+"),
        ("age", "60 a throsodd", "60+"),
        ("age", 17, UNKNOWN),
        ("ethnicity", "Black British", "Black, Black Welsh, Black British, Caribbean or African"),
        ("ethnicity", "Gwyn", "White"),
        ("ethnicity", "Anhysbys", "Not known"),
        ("disability", "Ie", "Disabled"),
        ("disability", "Nac ydw", "Not disabled"),
        ("welsh_language", "Yes", "Welsh speaker"),
        ("welsh_language", "Di-Gymraeg", "Not Welsh speaker"),
        ("tenure", "Ail-etholwyd", "Returning"),
        ("tenure", "maybe", UNKNOWN),
    ],
)
def test_answers(measure, value, group):
    found = parse_group(measure, value)
    if group is UNKNOWN:
        assert found is UNKNOWN
    else:
        assert found == group


def test_headers_both_ways():
    for column in ("ward", "sex", "executive", "portfolio", "elected_unopposed"):
        assert column_role(header_text(column)) == column
        assert column_role(header_text(column, "cy")) == column
    assert column_role("Sex / Rhyw") == "sex"
    assert column_role("Favourite colour") is None
