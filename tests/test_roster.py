"""load_roster: a councillor roster read by content, in English or Welsh, every row accounted
for, every problem located and coded."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from diversity_review.errors import DataError, DataWarning, NoTableError, row_account
from diversity_review.load.roster import PERSONAL_COLUMNS, ROSTER_COLUMNS, load_roster
from helpers import write_book, write_csv

HEADER = [
    "Election",
    "Council",
    "Ward",
    "Name",
    "Party",
    "Sex",
    "Age band",
    "Ethnicity",
    "Disability",
    "Welsh language",
    "New or returning",
    "Leader",
    "Executive member",
    "Portfolio",
    "Email",
]


def _load(path, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return load_roster(path, **kwargs)


MESSY = [
    ["Councillors elected in May 2022 (synthetic)"],
    HEADER,
    [
        2022,
        "Cardiff",
        "Adamsdown",
        "Councillor 001",
        "Labour",
        "Female",
        45,
        "White",
        "No",
        "Yes",
        "New",
        "Yes",
        "Yes",
        None,
        "one@example.invalid",
    ],
    [
        2022,
        "City of Cardiff Council",
        "Adamsdown",
        "Councillor 002",
        "Labour",
        "M",
        None,
        "BAME",
        None,
        None,
        "Re-elected",
        None,
        "Yes",
        "Social Services",
        None,
    ],
    [],
    [
        2022,
        "Caerdydd",
        "Butetown",
        "Councillor 003",
        "Plaid Cymru",
        "Woman",
        "60 and over",
        "Asian",
        "Yes",
        "No",
        "Returning",
        "No",
        None,
        "Social Services (job share)",
        None,
    ],
    ["Source: synthetic"],
]


def test_a_roster_with_title_note_and_blank_rows_is_read(tmp_path):
    roster = _load(write_csv(tmp_path / "roster.csv", MESSY))
    assert list(roster.columns) == ROSTER_COLUMNS
    assert roster["council_code"].tolist() == ["W06000015"] * 3
    assert roster["ward"].tolist() == ["Adamsdown", "Adamsdown", "Butetown"]
    assert roster["sex"].tolist() == ["Female", "Male", "Female"]
    assert roster["age"].tolist() == ["40-59", "Not known", "60+"]
    assert roster["ethnicity"].tolist() == [
        "White",
        "Ethnic minority",
        "Asian, Asian Welsh or Asian British",
    ]
    assert roster["disability"].tolist() == ["Not disabled", "Not known", "Disabled"]
    assert roster["welsh_language"].tolist() == ["Welsh speaker", "Not known", "Not Welsh speaker"]
    assert roster["tenure"].tolist() == ["New", "Returning", "Returning"]
    assert roster["leader"].tolist() == [True, False, False]
    # a portfolio makes an executive member; two members with one portfolio are a job share
    assert roster["executive"].tolist() == [True, True, True]
    assert roster["job_share"].tolist() == [False, True, True]
    assert roster["source"].tolist() == ["roster.csv!row 3", "roster.csv!row 4", "roster.csv!row 6"]


def test_every_row_below_the_header_is_accounted_for(tmp_path):
    account = row_account(_load(write_csv(tmp_path / "roster.csv", MESSY)))
    assert (account.rows_read, account.rows_kept) == (5, 3)
    assert sorted((e.location, e.reason) for e in account.excluded) == [
        ("roster.csv!row 5", "blank row"),
        ("roster.csv!row 7", "note"),
    ]


def test_contact_details_are_never_read_and_say_so(tmp_path):
    rows = [
        HEADER,
        [2022, "Cardiff", "Adamsdown", "Councillor 001", "Labour", "F"]
        + [None] * 8
        + ["secret@example.invalid"],
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        roster = load_roster(write_csv(tmp_path / "roster.csv", rows))
    said = [str(w.message) for w in caught if w.category is DataWarning]
    assert (
        "roster.csv: column O1 ('Email') not read: contact details and photos are never read"
        in said
    )
    assert "secret@example.invalid" not in roster.astype(str).to_numpy().ravel().tolist()
    assert set(PERSONAL_COLUMNS) <= set(roster.columns)  # names stay in the roster itself


def test_welsh_headers_and_answers(tmp_path):
    header = [
        "Etholiad",
        "Cyngor",
        "Ward",
        "Enw",
        "Plaid",
        "Rhyw",
        "Oedran",
        "Ethnigrwydd",
        "Anabledd",
        "Y Gymraeg",
        "Newydd neu'n dychwelyd",
        "Arweinydd",
        "Aelod cabinet",
        "Portffolio",
        "Cadeirydd craffu",
        "Etholwyd yn ddiwrthwynebiad",
    ]
    rows = [
        header,
        [
            2022,
            "Gwynedd",
            "Arllechwedd",
            "Cynghorydd 1",
            "Plaid Cymru",
            "Benyw",
            "o dan 40",
            "Gwyn",
            "Anabl",
            "Siaradwr Cymraeg",
            "Newydd",
            "Ie",
            "Ie",
            None,
            "Na",
            "Ie",
        ],
        [
            2022,
            "Cyngor Gwynedd",
            "Bethel",
            "Cynghorydd 2",
            "Annibynnol",
            "Gwryw",
            "40-59",
            "Lleiafrif ethnig",
            "Na",
            "Na",
            "Yn dychwelyd",
            "Na",
            "Na",
            None,
            "Ie",
            "Na",
        ],
    ]
    roster = _load(write_book(tmp_path / "rhestr.xlsx", rows, title="Rhestr"))
    first, second = roster.iloc[0], roster.iloc[1]
    assert roster["council_code"].tolist() == ["W06000002"] * 2
    assert (first.sex, first.age, first.ethnicity, first.disability) == (
        "Female",
        "Under 40",
        "White",
        "Disabled",
    )
    assert (first.welsh_language, first.tenure) == ("Welsh speaker", "New")
    assert (second.sex, second.ethnicity, second.disability, second.welsh_language) == (
        "Male",
        "Ethnic minority",
        "Not disabled",
        "Not Welsh speaker",
    )
    assert second.tenure == "Returning"
    assert roster["leader"].tolist() == [True, False]
    assert roster["scrutiny_chair"].tolist() == [False, True]
    assert roster["elected_unopposed"].tolist() == [True, False]
    assert roster["source"].tolist() == ["rhestr.xlsx!Rhestr!row 2", "rhestr.xlsx!Rhestr!row 3"]


def test_an_ods_roster_with_the_council_and_election_given(tmp_path):
    pytest.importorskip("odf", reason="odfpy is needed to write .ods fixtures")
    frame = pd.DataFrame(
        {
            "Ward": ["Ward 01", "Ward 02"],
            "Name": ["A", "B"],
            "Sex": ["Female", None],
            "Party": ["X", "Y"],
        }
    )
    path = tmp_path / "members.ods"
    frame.to_excel(path, engine="odf", sheet_name="Members", index=False)
    roster = _load(path, council="Powys", election=2022)
    assert roster["council_code"].tolist() == ["W06000023"] * 2
    assert roster["election"].tolist() == [2022, 2022]
    assert roster["sex"].tolist() == ["Female", "Not known"]
    # no role columns: roles are not recorded (NA), not "no"
    assert roster["executive"].isna().all() and roster["leader"].isna().all()


def test_the_election_year_comes_from_the_file_name(tmp_path):
    rows = [["Council", "Ward", "Name"], ["Newport", "Alway", "A"]]
    roster = _load(write_csv(tmp_path / "roster_2022.csv", rows))
    assert roster["election"].tolist() == [2022]


def test_a_role_left_blank_for_a_whole_council_is_not_recorded(tmp_path):
    rows = [
        ["Election", "Council", "Ward", "Name", "Leader", "Portfolio"],
        [2022, "Newport", "Alway", "A", "Yes", None],
        [2022, "Newport", "Alway", "B", None, None],
        [2022, "Torfaen", "Abersychan", "C", None, None],
        [2022, "Torfaen", "Abersychan", "D", None, "Finance"],
    ]
    roster = _load(write_csv(tmp_path / "roster.csv", rows))
    assert roster["name"].tolist() == ["C", "D", "A", "B"]  # Torfaen (W06000020) first
    assert roster["leader"].tolist() == [pd.NA, pd.NA, True, False]
    # Newport records no portfolio: its executive is not recorded; Torfaen's is
    assert roster["executive"].tolist() == [False, True, pd.NA, pd.NA]


def _problem(path):
    with pytest.raises(DataError) as info:
        _load(path)
    return info.value


@pytest.mark.parametrize(
    "cells, code, cell",
    [
        ({"Council": "Atlantis"}, "unknown-council", "B2"),
        ({"Sex": "Femal"}, "unknown-group", "E2"),
        ({"Age band": "about 50"}, "unknown-group", "F2"),
        ({"Leader": "maybe"}, "not-yes-no", "G2"),
        ({"Ward": None}, "missing-ward", "C2"),
        ({"Election": "next"}, "bad-election", "A2"),
        ({"Executive member": "No", "Portfolio": "Finance"}, "portfolio-not-executive", "H2"),
    ],
)
def test_each_bad_cell_is_located_and_coded(tmp_path, cells, code, cell):
    header = [
        "Election",
        "Council",
        "Ward",
        "Name",
        "Sex",
        "Age band",
        "Leader",
        "Executive member",
        "Portfolio",
    ]
    row = dict.fromkeys(header)
    row.update({"Election": 2022, "Council": "Conwy", "Ward": "Abergele", "Name": "A"})
    row.update(cells)
    error = _problem(write_csv(tmp_path / "roster.csv", [header, list(row.values())]))
    assert error.codes == [code]
    assert error.problems[0].cell == cell
    assert error.problems[0].file == "roster.csv"


def test_a_characteristic_problem_does_not_repeat_what_was_typed(tmp_path):
    rows = [["Council", "Ward", "Ethnicity"], ["Conwy", "Abergele", "Zzqx-private"]]
    error = _problem(write_csv(tmp_path / "roster_2022.csv", rows))
    assert error.codes == ["unknown-group"] and "Zzqx" not in str(error)


def test_every_problem_of_a_file_is_reported_together(tmp_path):
    rows = [["Council", "Ward", "Sex"], ["Atlantis", "A", "F"], ["Conwy", None, "Q"]]
    error = _problem(write_csv(tmp_path / "roster_2022.csv", rows))
    assert sorted(zip(error.codes, [p.cell for p in error.problems], strict=True)) == [
        ("missing-ward", "B3"),
        ("unknown-council", "A2"),
        ("unknown-group", "C3"),
    ]


def test_a_second_column_of_one_kind_and_a_councillor_twice(tmp_path):
    rows = [["Council", "Ward", "Name", "Ward"], ["Conwy", "A", "X", "A"]]
    assert _problem(write_csv(tmp_path / "r1_2022.csv", rows)).codes == ["duplicate-column"]
    rows = [["Council", "Ward", "Name"], ["Conwy", "A", "X"], ["Conwy", "A", "X"]]
    error = _problem(write_csv(tmp_path / "r2_2022.csv", rows))
    assert error.codes == ["member-twice"] and error.problems[0].cell == "row 3"


def test_no_council_or_year_to_be_had(tmp_path):
    rows = [["Ward", "Name", "Sex"], ["A", "X", "F"]]
    error = _problem(write_csv(tmp_path / "roster.csv", rows))
    assert sorted(error.codes) == ["missing-council", "missing-election"]


def test_a_file_without_a_roster_table(tmp_path):
    path = write_csv(tmp_path / "survey.csv", [["ID", "What is your sex?"], [1, "Female"]])
    with pytest.raises(NoTableError) as info:
        load_roster(path)
    assert info.value.codes == ["no-roster-table"]


def test_characteristics_are_never_inferred_from_names_or_titles(tmp_path):
    rows = [
        ["Council", "Ward", "Name", "Sex", "Ethnicity", "Welsh language"],
        ["Conwy", "Abergele", "Mrs Mary Jones", None, None, None],
        ["Conwy", "Abergele", "Mr Dafydd ap Gruffudd", None, None, None],
        ["Conwy", "Betws", "Cllr Siân Ifans OBE", None, None, None],
    ]
    roster = _load(write_csv(tmp_path / "roster_2022.csv", rows))
    for measure in ("sex", "ethnicity", "welsh_language", "age", "disability", "tenure"):
        assert set(roster[measure]) == {"Not known"}
