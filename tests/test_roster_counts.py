"""roster_counts, executive and job shares on small rosters counted by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from diversity_review.load.review import COLUMNS
from diversity_review.load.roster import PERSONAL_COLUMNS, roster_frame
from diversity_review.load.roster_counts import (
    REVIEW_GROUPS,
    check_job_shares,
    executive,
    job_share_counts,
    roster_counts,
    shared_portfolios,
)

CONWY, NEWPORT = "W06000003", "W06000022"


def _member(n, council=CONWY, **values):
    return {
        "election": 2022,
        "council_code": council,
        "ward": f"Ward {n % 3}",
        "name": f"Councillor {n:03d}",
        "member_id": f"ID{n}",
        "source": f"roster.xlsx!Roster!row {n + 1}",
        **values,
    }


@pytest.fixture
def roster():
    # Conwy: five members. Newport: two, no roles recorded.
    conwy = [
        _member(
            1,
            sex="Female",
            ethnicity="White",
            age="60+",
            leader=True,
            executive=True,
            elected_unopposed=True,
        ),
        _member(
            2,
            sex="Female",
            ethnicity="Asian, Asian Welsh or Asian British",
            age="Under 40",
            executive=True,
            portfolio="Finance",
            elected_unopposed=True,
        ),
        _member(
            3,
            sex="Male",
            ethnicity="Ethnic minority",
            age="40-59",
            executive=False,
            portfolio="Finance (job share)",
            elected_unopposed=False,
        ),
        _member(
            4,
            sex="Not known",
            ethnicity="Black, Black Welsh, Black British, Caribbean or African",
            age="Prefer not to say",
            executive=False,
            elected_unopposed=False,
        ),
        _member(5, sex="Prefer not to say", executive=False, elected_unopposed=False),
    ]
    newport = [_member(6, NEWPORT, sex="Male"), _member(7, NEWPORT, sex="Female")]
    return roster_frame(conwy + newport)


def _cells(frame, *keys):
    return {tuple(row[k] for k in keys): (row["count"], row["base"]) for _, row in frame.iterrows()}


def test_counts_follow_the_review_contract(roster):
    counts = roster_counts(roster)
    assert list(counts.columns) == COLUMNS
    assert str(counts["count"].dtype) == "Int64" and str(counts["base"].dtype) == "Int64"
    assert not counts["suppressed"].any()
    assert set(counts["source"]) == {"roster.xlsx!Roster"}


def test_counts_by_hand(roster):
    cells = _cells(roster_counts(roster), "council_code", "measure", "group")
    # sex: F, F, M, not known, prefer not to say (the review has no "prefer not to say")
    assert cells[(CONWY, "sex", "Female")] == (2, 5)
    assert cells[(CONWY, "sex", "Male")] == (1, 5)
    assert cells[(CONWY, "sex", "Not known")] == (2, 5)
    # every ethnic group but White is an ethnic minority; member 5 is not known
    assert cells[(CONWY, "ethnicity", "White")] == (1, 5)
    assert cells[(CONWY, "ethnicity", "Ethnic minority")] == (3, 5)
    assert cells[(CONWY, "ethnicity", "Not known")] == (1, 5)
    assert cells[(CONWY, "age", "Not known")] == (2, 5)
    assert cells[(CONWY, "uncontested", "Uncontested seats")] == (2, 5)
    # the executive: the leader, member 2 and member 3 (a portfolio makes an executive member)
    assert cells[(CONWY, "executive_sex", "Female")] == (2, 3)
    assert cells[(CONWY, "executive_sex", "Male")] == (1, 3)
    assert cells[(CONWY, "leader_sex", "Female")] == (1, 1)
    assert cells[(CONWY, "leader_sex", "Male")] == (0, 1)
    assert cells[(NEWPORT, "sex", "Female")] == (1, 2)
    # Newport records no roles and nobody's unopposed status: no such rows
    newport = {m for c, m, _ in cells if c == NEWPORT}
    assert newport == {"sex", "age", "ethnicity", "disability", "welsh_language", "tenure"}


def test_counts_of_chosen_cells_only(roster):
    asked = [
        ("sex", "Prefer not to say"),
        ("sex", "Not known"),
        ("ethnicity", "Asian, Asian Welsh or Asian British"),
        ("ethnicity", "Ethnic minority"),
    ]
    counts = roster_counts(roster, groups=asked)
    conwy = _cells(counts[counts["council_code"] == CONWY], "measure", "group")
    assert conwy == {
        ("sex", "Not known"): (1, 5),  # asked for "prefer not to say" apart
        ("sex", "Prefer not to say"): (1, 5),
        ("ethnicity", "Asian, Asian Welsh or Asian British"): (1, 5),
        ("ethnicity", "Ethnic minority"): (3, 5),
    }
    with pytest.raises(ValueError, match="no group 'Purple'"):
        roster_counts(roster, groups=[("sex", "Purple")])


def test_default_groups_are_the_review_templates():
    assert ("disability", "Not disabled") in REVIEW_GROUPS
    assert ("leader_sex", "Female") in REVIEW_GROUPS
    assert ("ethnicity", "Asian, Asian Welsh or Asian British") not in REVIEW_GROUPS


def test_executive_by_hand(roster):
    table = executive(roster)
    assert list(table.columns) == [
        "election",
        "council_code",
        "council",
        "scope",
        "measure",
        "group",
        "count",
        "base",
    ]
    cells = _cells(table, "council_code", "scope", "measure", "group")
    assert cells[(CONWY, "Executive", "sex", "Female")] == (2, 3)
    assert cells[(CONWY, "Executive", "ethnicity", "Ethnic minority")] == (2, 3)
    assert cells[(CONWY, "Executive", "age", "Under 40")] == (1, 3)
    assert cells[(CONWY, "Leader", "age", "60+")] == (1, 1)
    assert not (table["council_code"] == NEWPORT).any()
    chairs = executive(roster, roles=["deputy_leader"])
    assert chairs.empty  # no deputy leader column at all
    with pytest.raises(ValueError, match="unknown role 'mayor'"):
        executive(roster, roles=["mayor"])


def test_job_shares_are_portfolios_held_by_two(roster):
    shares = dict(zip(roster["name"], roster["job_share"], strict=True))
    assert sorted(n for n, shared in shares.items() if shared) == [
        "Councillor 002",
        "Councillor 003",
    ]
    shared = shared_portfolios(roster)
    assert shared[["council_code", "portfolio", "members"]].values.tolist() == [
        [CONWY, "Finance", 2]
    ]
    assert job_share_counts(roster)[["council_code", "shared_portfolios"]].values.tolist() == [
        [CONWY, 1]
    ]


def _executives(council, portfolios):
    return [_member(i, council, executive=True, portfolio=p) for i, p in enumerate(portfolios, 1)]


def test_job_shares_checked_against_the_wlga_figures():
    rows = (
        _executives(
            "W06000015",
            [
                "Social Services",
                "Social services",
                "Tackling Poverty",
                "Tackling poverty (job share)",
                "Finance",
            ],
        )
        + _executives("W06000022", ["Social Services", "Social Services", "Housing"])
        + _executives("W06000011", ["Community", "Education"])  # no job share here
        + _executives("W06000001", ["Finance", "Education"])
    )
    check = check_job_shares(roster_frame(rows)).set_index("council_code")
    assert check.loc["W06000015", ["derived", "published"]].tolist() == [2, 2]
    assert check.loc["W06000022", ["derived", "published"]].tolist() == [1, 1]
    assert check.loc["W06000011", ["derived", "published"]].tolist() == [0, 1]
    assert check.loc["W06000001", ["derived", "published"]].tolist() == [0, 0]
    assert check["agrees"].tolist() == [True, False, True, True]  # ONS code order


def test_nothing_made_from_a_roster_carries_a_name(roster):
    names = set(roster["name"]) | set(roster["member_id"])
    for table in (
        roster_counts(roster),
        executive(roster),
        shared_portfolios(roster),
        job_share_counts(roster),
        check_job_shares(roster),
    ):
        assert not set(PERSONAL_COLUMNS) & set(table.columns)
        values = set(pd.Series(table.to_numpy().ravel()).astype(str))
        assert not names & values
