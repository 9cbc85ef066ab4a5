"""Candidates from Democracy Club's CSV: what is kept and left out, and who stood and who was
elected, on figures counted by hand."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import pandas as pd
import pytest

from diversity_review.analysis import (
    candidates_by_sex,
    success_by_sex,
    unopposed_seats,
    wards_without_women,
)
from diversity_review.errors import DataError, DataWarning, NoTableError, row_account
from diversity_review.load.candidates import CANDIDATE_COLUMNS, load_candidates
from diversity_review.load.roster import load_roster
from diversity_review.load.roster_counts import roster_counts
from helpers import write_csv

ROOT = Path(__file__).resolve().parents[1]
HEADER = [
    "person_id",
    "person_name",
    "election_id",
    "ballot_paper_id",
    "election_date",
    "party_name",
    "post_label",
    "seats_contested",
    "cancelled_poll",
    "gender",
    "elected",
    "organisation_name",
    "by_election",
    "email",
]


def _dc(
    person,
    name,
    council_slug,
    ward,
    seats,
    party,
    gender,
    elected,
    org,
    *,
    by=False,
    cancelled=False,
    date="2022-05-05",
    kind="local",
):
    ward_slug = ward.lower().replace(" ", "-")
    election = f"{kind}.{council_slug}.{date}"
    ballot = f"{kind}.{council_slug}.{ward_slug}{'.by' if by else ''}.{date}"
    return [
        person,
        name,
        election,
        ballot,
        date,
        party,
        ward,
        seats,
        cancelled,
        gender,
        elected,
        org,
        by,
        f"{name.replace(' ', '')}@example.invalid",
    ]


@pytest.fixture
def dc_file(tmp_path):
    rows = [
        HEADER,
        _dc(
            1, "Alice Example", "cardiff", "Adamsdown", 2, "X", "female", "True", "Cardiff Council"
        ),
        _dc(2, "Beth Example", "cardiff", "Adamsdown", 2, "Y", "Female", "False", ""),
        _dc(3, "Carl Example", "cardiff", "Adamsdown", 2, "X", "MALE", "t", "Cardiff Council"),
        [],
        _dc(4, "Dai Example", "cardiff", "Adamsdown", 2, "Y", "m", "f", "Cardiff Council"),
        _dc(5, "Eve Example", "cardiff", "Butetown", 1, "X", "", "True", "Cardiff Council"),
        _dc(6, "Finn Example", "cardiff", "Butetown", 1, "Y", "non-binary", "", "Cardiff Council"),
        _dc(7, "Gwen Example", "gwynedd", "Bethel", 1, "Y", "female", "True", "Gwynedd Council"),
        # left out
        _dc(
            8,
            "Huw Example",
            "cardiff",
            "Adamsdown",
            1,
            "X",
            "male",
            "True",
            "Cardiff Council",
            by=True,
            date="2023-07-13",
        ),
        _dc(9, "Ian Example", "bristol", "Ashley", 1, "X", "male", "True", "Bristol City Council"),
        _dc(
            10,
            "Jo Example",
            "powys",
            "Bronllys",
            1,
            "X",
            "female",
            "",
            "Powys County Council",
            cancelled=True,
        ),
        _dc(
            11,
            "Kim Example",
            "cardiff",
            "Cardiff Central",
            1,
            "X",
            "female",
            "True",
            "",
            kind="parl",
        ),
    ]
    return write_csv(tmp_path / "candidates.csv", rows)


def _load(path, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return load_candidates(path, **kwargs)


def test_candidacies_kept_and_left_out(dc_file):
    with pytest.warns(DataWarning, match="1 candidacies give a gender that is neither female"):
        frame = load_candidates(dc_file)
    assert list(frame.columns) == CANDIDATE_COLUMNS
    # Gwynedd (W06000002) before Cardiff (W06000015), ONS code order
    assert frame["council"].tolist() == ["Gwynedd"] + ["Cardiff"] * 6
    assert frame["ward"].tolist() == ["Bethel"] + ["Adamsdown"] * 4 + ["Butetown"] * 2
    assert frame["sex"].tolist() == [
        "Female",
        "Female",
        "Female",
        "Male",
        "Male",
        "Not known",
        "Not known",
    ]
    assert frame["elected"].tolist() == [True, True, False, True, False, True, pd.NA]
    assert frame["seats_contested"].tolist() == [1, 2, 2, 2, 2, 1, 1]
    assert set(frame["election"]) == {2022}
    account = row_account(frame)
    assert (account.rows_read, account.rows_kept) == (12, 7)
    assert sorted(e.reason for e in account.excluded) == [
        "blank row",
        "by-election",
        "cancelled poll",
        "not a Welsh principal council",
        "not a local election",
    ]


def test_names_and_contact_details_are_never_read(dc_file):
    frame = _load(dc_file)
    values = set(frame.map(str).to_numpy().ravel())
    assert not [v for v in values if "Example" in v or "@" in v]
    for table in (
        candidates_by_sex(frame),
        success_by_sex(frame),
        wards_without_women(frame),
        wards_without_women(frame, by="ward"),
        unopposed_seats(frame),
    ):
        assert not [v for v in set(table.map(str).to_numpy().ravel()) if "Example" in v]


def test_by_elections_and_one_election_on_request(dc_file):
    frame = _load(dc_file, by_elections=True)
    assert len(frame) == 8 and sorted(set(frame["election"])) == [2022, 2023]
    only = _load(dc_file, by_elections=True, election=2023)
    assert len(only) == 1 and "other election" in {e.reason for e in row_account(only).excluded}


@pytest.mark.parametrize(
    "change, code",
    [
        ({10: "maybe"}, "not-yes-no"),
        ({6: None}, "missing-ward"),
        ({7: "two"}, "bad-seats"),
    ],
)
def test_bad_cells_are_located(tmp_path, change, code):
    row = _dc(1, "A", "conwy", "Abergele", 1, "X", "female", "True", "Conwy County Borough Council")
    for column, value in change.items():
        row[column] = value
    with pytest.raises(DataError) as info:
        _load(write_csv(tmp_path / "c.csv", [HEADER, row]))
    assert info.value.codes == [code]
    assert info.value.problems[0].cell.endswith("2")


@pytest.mark.parametrize(
    "rows, code",
    [
        ([(1, 1, "True"), (2, 1, "True")], "more-elected-than-seats"),
        ([(1, 1, "True"), (2, 2, "False")], "seats-differ"),
        ([(1, 2, "True"), (1, 2, "False")], "candidate-twice"),
    ],
)
def test_ballots_must_add_up(tmp_path, rows, code):
    lines = [HEADER] + [
        _dc(p, "A", "conwy", "Abergele", seats, "X", "male", elected, "Conwy Council")
        for p, seats, elected in rows
    ]
    with pytest.raises(DataError) as info:
        _load(write_csv(tmp_path / "c.csv", lines))
    assert info.value.codes == [code]


def test_not_a_candidacy_file(tmp_path):
    with pytest.raises(NoTableError) as info:
        load_candidates(write_csv(tmp_path / "x.csv", [["Council", "Female"], ["Conwy", 3]]))
    assert info.value.codes == ["no-candidates-table"]


# A hand-counted election. Cardiff: ballot a (2 seats) F won, F lost, M won, M lost; ballot b
# (1 seat) M won, not known lost. Gwynedd: c (1 seat) F alone; d (2 seats) two M; e (2 seats)
# one M: c, d and e are won unopposed (e leaves a seat vacant).
HAND = [
    ("W06000015", "Cardiff", "a", "A", 2, "X", "Female", True),
    ("W06000015", "Cardiff", "a", "A", 2, "Y", "Female", False),
    ("W06000015", "Cardiff", "a", "A", 2, "X", "Male", True),
    ("W06000015", "Cardiff", "a", "A", 2, "Y", "Male", False),
    ("W06000015", "Cardiff", "b", "B", 1, "X", "Male", True),
    ("W06000015", "Cardiff", "b", "B", 1, "Y", "Not known", False),
    ("W06000002", "Gwynedd", "c", "C", 1, "Y", "Female", True),
    ("W06000002", "Gwynedd", "d", "D", 2, "Y", "Male", True),
    ("W06000002", "Gwynedd", "d", "D", 2, "X", "Male", True),
    ("W06000002", "Gwynedd", "e", "E", 2, "X", "Male", True),
]


@pytest.fixture
def hand():
    frame = pd.DataFrame(
        HAND,
        columns=[
            "council_code",
            "council",
            "ballot",
            "ward",
            "seats_contested",
            "party",
            "sex",
            "elected",
        ],
    )
    return frame.assign(election=2022).astype({"elected": "boolean", "seats_contested": "Int64"})


def _cells(table, *keys, values=("count", "base")):
    return {tuple(r[k] for k in keys): tuple(r[v] for v in values) for _, r in table.iterrows()}


def test_stood_and_elected_by_sex(hand):
    cells = _cells(candidates_by_sex(hand), "council", "scope", "group")
    assert cells[("Cardiff", "Stood", "Female")] == (2, 6)
    assert cells[("Cardiff", "Stood", "Not known")] == (1, 6)
    assert cells[("Cardiff", "Elected", "Male")] == (2, 3)
    assert cells[("Gwynedd", "Stood", "Not known")] == (0, 4)
    assert cells[("Wales", "Stood", "Male")] == (6, 10)
    assert cells[("Wales", "Elected", "Female")] == (2, 7)
    party = _cells(candidates_by_sex(hand, by="party"), "party", "scope", "group")
    # X stood: F and M in a, M in b, M in d, M in e; Y stood: F and M in a, not known in b,
    # F in c, M in d; Y elected: F in c, M in d
    assert party[("X", "Stood", "Male")] == (4, 5)
    assert party[("Y", "Stood", "Not known")] == (1, 5)
    assert party[("Y", "Elected", "Female")] == (1, 2)
    assert party[("Y", "Elected", "Male")] == (1, 2)


def _wilson(k, n, z=1.959963984540054):
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


def test_success_rates_by_sex_per_council_and_wales(hand):
    table = success_by_sex(hand)
    cells = _cells(table, "council", "group")
    assert cells[("Cardiff", "Female")] == (1, 2)
    assert cells[("Cardiff", "Male")] == (2, 3)
    assert cells[("Cardiff", "Not known")] == (0, 1)
    assert cells[("Gwynedd", "Male")] == (3, 3)
    assert cells[("Wales", "Female")] == (2, 3)
    assert cells[("Wales", "Male")] == (5, 6)
    wales = table[(table["council"] == "Wales") & (table["group"] == "Female")].iloc[0]
    assert wales["share"] == pytest.approx(2 / 3)
    low, high = _wilson(2, 3)
    assert (wales["ci_low"], wales["ci_high"]) == (pytest.approx(low), pytest.approx(high))
    nobody = table[(table["council"] == "Gwynedd") & (table["group"] == "Not known")].iloc[0]
    assert nobody["base"] == 0 and pd.isna(nobody["share"]) and pd.isna(nobody["ci_low"])


def test_results_not_known_are_left_out_of_success_rates(hand):
    unknown = hand.astype({"elected": "boolean"})
    unknown.loc[1, "elected"] = pd.NA  # Cardiff's losing woman: no result yet
    cells = _cells(success_by_sex(unknown), "council", "group")
    assert cells[("Cardiff", "Female")] == (1, 1)
    assert _cells(candidates_by_sex(unknown), "council", "scope", "group")[
        ("Cardiff", "Stood", "Female")
    ] == (2, 6)


def test_wards_with_no_woman_standing(hand):
    wards = wards_without_women(hand, by="ward")
    assert wards[["council", "ward", "candidates", "sex_not_known"]].values.tolist() == [
        ["Gwynedd", "D", 2, 0],
        ["Gwynedd", "E", 1, 0],
        ["Cardiff", "B", 2, 1],
    ]
    cells = _cells(wards_without_women(hand), "council")
    assert cells == {("Gwynedd",): (2, 3), ("Cardiff",): (1, 2), ("Wales",): (3, 5)}


def test_seats_won_unopposed(hand):
    table = unopposed_seats(hand)
    cells = _cells(table, "council", values=("count", "base", "wards", "wards_unopposed"))
    assert cells == {
        ("Gwynedd",): (4, 5, 3, 3),
        ("Cardiff",): (0, 3, 2, 0),
        ("Wales",): (4, 8, 5, 3),
    }
    assert set(table["measure"]) == {"uncontested"}


def test_the_sample_candidates_elected_are_the_sample_roster():
    candidates = _load(ROOT / "data" / "raw" / "candidates_synthetic.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        roster = load_roster(ROOT / "data" / "raw" / "councillor_roster_synthetic.xlsx")
    elected = candidates[candidates["elected"].fillna(False).astype(bool)]
    keys = ["council_code", "ward", "party", "sex"]
    councillors = roster.assign(sex=roster["sex"].replace("Prefer not to say", "Not known"))
    pd.testing.assert_series_equal(
        elected.groupby(keys).size().sort_index(), councillors.groupby(keys).size().sort_index()
    )
    counts = roster_counts(roster, groups=[("uncontested", "Uncontested seats")])
    won = unopposed_seats(candidates).query("council_code != 'W92000004'")
    assert won["count"].tolist() == counts["count"].tolist()
    assert won["base"].tolist() == counts["base"].tolist()


def test_a_gender_not_given_is_not_guessed_from_the_name(tmp_path):
    rows = [HEADER] + [
        _dc(p, name, "conwy", "Abergele", 2, "X", "", "True", "Conwy County Borough Council")
        for p, name in ((1, "Mrs Mary Jones"), (2, "Mr John Smith"))
    ]
    frame = _load(write_csv(tmp_path / "c.csv", rows))
    assert frame["sex"].tolist() == ["Not known", "Not known"]
