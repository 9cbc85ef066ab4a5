"""The data-collection template: canonical layout, validation, and a lossless round trip."""

from __future__ import annotations

import warnings

import openpyxl
import pandas as pd
import pytest

from diversity_review.councils import councils
from diversity_review.errors import DataError, DataWarning
from diversity_review.load.review import CANONICAL_HEADERS, load_review
from diversity_review.template import write_template


def fill(path, out, election):
    """Fill every count cell with a distinct small number; return what was written."""
    book = openpyxl.load_workbook(path)
    ws = book[f"Councillors {election}"]
    headers = [c.value for c in ws[1]]
    written = {}
    for r in range(2, ws.max_row + 1):
        code = ws.cell(r, 2).value
        seats = 60 + r
        if ws.cell(r, 3).value is None:
            ws.cell(r, 3).value = seats
        else:
            seats = ws.cell(r, 3).value
        for c, (header, role) in enumerate(CANONICAL_HEADERS, start=1):
            if isinstance(role, tuple):
                # 1..6 per cell: no measure can exceed its base (at most 4 groups x 6 <= seats)
                value = (r + c) % 6 + 1
                ws.cell(r, c).value = value
                written[(code, *role)] = value
            elif role == "exec_size":
                ws.cell(r, c).value = 30
            elif role == "leader":
                ws.cell(r, c).value = "Female" if r % 3 == 0 else "Male"
                written[(code, "leader_sex", "Female")] = int(r % 3 == 0)
                written[(code, "leader_sex", "Male")] = int(r % 3 != 0)
            assert headers[c - 1] == header
    book.save(out)
    return written


@pytest.mark.parametrize("election", [2022, 2027])
def test_template_round_trips(tmp_path, election):
    path = write_template(tmp_path / "blank.xlsx", election=election)
    written = fill(path, tmp_path / "filled.xlsx", election)
    counts = load_review(tmp_path / "filled.xlsx")
    got = {
        (row.council_code, row.measure, row.group): int(row.count) for row in counts.itertuples()
    }
    assert got == written
    assert counts["election"].unique().tolist() == [election]
    assert len(counts) == 22 * 25  # 23 count columns + leader (Female, Male) per council
    cabinet = counts[counts["measure"] == "executive_sex"]
    assert cabinet["base"].unique().tolist() == [30]


def test_template_prefills_councils_and_2022_seats(tmp_path):
    path = write_template(tmp_path / "t.xlsx", election=2022)
    ws = openpyxl.load_workbook(path)["Councillors 2022"]
    table = councils()
    assert [ws.cell(r, 1).value for r in range(2, 24)] == table["name_en"].tolist()
    assert [ws.cell(r, 2).value for r in range(2, 24)] == table["council_code"].tolist()
    assert sum(ws.cell(r, 3).value for r in range(2, 24)) == 1234
    ws_next = openpyxl.load_workbook(write_template(tmp_path / "n.xlsx", election=2027))[
        "Councillors 2027"
    ]
    assert all(ws_next.cell(r, 3).value is None for r in range(2, 24))
    assert ws_next.freeze_panes == "C2"


def test_blank_template_for_a_new_election_asks_for_seats(tmp_path):
    path = write_template(tmp_path / "t.xlsx", election=2027)
    with pytest.raises(DataError) as info:
        load_review(path)
    assert info.value.lines()[0] == (
        "t.xlsx, sheet 'Councillors 2027', cell C2: seats missing for Isle of Anglesey: every "
        "count needs the council's seats as its base"
    )
    assert len(info.value.problems) == 22


def test_count_columns_have_whole_number_validation(tmp_path):
    ws = openpyxl.load_workbook(write_template(tmp_path / "t.xlsx", election=2027))[
        "Councillors 2027"
    ]
    whole = [dv for dv in ws.data_validations.dataValidation if dv.type == "whole"]
    assert len(whole) == 1
    (rule,) = whole
    assert (rule.operator, rule.formula1) == ("greaterThanOrEqual", "0")
    covered = {str(rng) for rng in rule.sqref.ranges}
    # column C (Seats) to the last count column, every council row
    for c, (header, role) in enumerate(CANONICAL_HEADERS, start=1):
        letter = openpyxl.utils.get_column_letter(c)
        expected = role not in ("council", "code", "leader")
        assert (f"{letter}2:{letter}23" in covered) is expected, header
    notes = openpyxl.load_workbook(tmp_path / "t.xlsx")["Notes"]
    explained = {notes.cell(r, 1).value for r in range(1, notes.max_row + 1)}
    assert {h for h, _ in CANONICAL_HEADERS} <= explained
    assert any("[c]" in str(notes.cell(r, 1).value) for r in range(1, 5))


def test_template_from_last_elections_counts_reads_back_the_same(tmp_path, root):
    sample = root / "data" / "raw" / "wlga_review_synthetic.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        before = load_review(sample, election=2022)
    path = write_template(tmp_path / "next.xlsx", election=2027, counts=before)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        after = load_review(path, election=2027)
    # the groups the 2022 sheet did not record stay blank in every row, so are not loaded
    assert [str(w.message) for w in caught] == [
        "next.xlsx, sheet 'Councillors 2027': columns P ('Councillor status not known'), "
        "R ('Not disabled'), S ('Disability not known'), U ('Not Welsh speaker'), "
        "V ('Welsh language not known'), AA ('Cabinet not known') are blank for every "
        "council, so they are not loaded"
    ]
    assert after["election"].unique().tolist() == [2027]
    key = ["council_code", "measure", "group"]
    cols = [*key, "count", "base", "suppressed"]
    pd.testing.assert_frame_equal(
        after[cols].sort_values(key).reset_index(drop=True),
        before[cols].sort_values(key).reset_index(drop=True),
    )
    assert len(after) == 22 * 19  # 19 groups in the 2022 sheet (leader as Female, Male)


def test_template_prefill_cells(tmp_path):
    counts = pd.DataFrame(
        {
            "election": pd.array([2017] * 9, dtype="Int64"),
            "council_code": ["W06000015"] * 7 + ["W06000023"] * 2,
            "measure": ["sex", "sex", "ethnicity", "disability", "executive_sex",
                        "leader_sex", "leader_sex", "sex", "sex"],
            "group": ["Female", "Male", "Ethnic minority", "Disabled", "Female", "Female",
                      "Male", "Female", "Male"],
            "count": pd.array([40, 39, None, None, 4, 0, 1, 0, None], dtype="Int64"),
            "base": pd.array([79, 79, 79, 79, 10, 1, 1, 68, 68], dtype="Int64"),
            "suppressed": [False, False, True, False, False, False, False, False, True],
        }
    )  # fmt: skip
    path = write_template(tmp_path / "t.xlsx", election=2022, counts=counts)
    ws = openpyxl.load_workbook(path)["Councillors 2022"]
    column = {header: c for c, (header, _) in enumerate(CANONICAL_HEADERS, start=1)}
    row = {ws.cell(r, 2).value: r for r in range(2, 24)}

    def at(code, header):
        return ws.cell(row[code], column[header]).value

    cardiff, powys = "W06000015", "W06000023"
    assert [at(cardiff, h) for h in ["Seats", "Female", "Male", "Ethnic minority", "Disabled",
                                     "Cabinet size", "Cabinet female", "Leader sex"]] == [
        79, 40, 39, "[c]", None, 10, 4, "Male"]  # fmt: skip
    assert at(cardiff, "White") is None and at(cardiff, "Cabinet male") is None
    assert [at(powys, h) for h in ["Seats", "Female", "Male", "Leader sex"]] == [68, 0, "[c]", None]
    # a council the counts do not hold keeps its 2022 seats from the registry (Isle of
    # Anglesey: 35 since the 2022 boundary review), nothing else
    assert at("W06000001", "Seats") == 35 and at("W06000001", "Female") is None


def test_template_prefill_refuses_several_elections_and_warns_of_groups_it_cannot_place(
    tmp_path,
):
    counts = pd.DataFrame(
        {
            "election": pd.array([2017, 2022], dtype="Int64"),
            "council_code": ["W06000015"] * 2,
            "measure": ["sex", "sex"],
            "group": ["Female", "Female"],
            "count": pd.array([30, 40], dtype="Int64"),
            "base": pd.array([75, 79], dtype="Int64"),
            "suppressed": [False, False],
        }
    )
    with pytest.raises(ValueError, match=r"elections 2017, 2022: pass one") as info:
        write_template(tmp_path / "t.xlsx", election=2027, counts=counts)
    assert info.value.codes == ["several-elections"]
    odd = counts.iloc[[1]].assign(measure="age", group="18-29")
    with pytest.warns(DataWarning, match=r"no column in the template, not filled in: age / 18-29"):
        write_template(tmp_path / "t.xlsx", election=2027, counts=odd)
    wales = counts.iloc[[1]].assign(council_code="W92000004")
    with pytest.raises(ValueError, match="W92000004") as info:
        write_template(tmp_path / "t.xlsx", election=2027, counts=wales)
    assert info.value.codes == ["not-a-council"]
    with pytest.raises(ValueError, match="election must be a year") as info:
        write_template(tmp_path / "t.xlsx", election=27)
    assert info.value.codes == ["bad-option"]
    with pytest.raises(ValueError, match="no count column") as info:
        write_template(tmp_path / "t.xlsx", election=2027, counts=counts.drop(columns="count"))
    assert info.value.codes == ["not-counts-frame"]
