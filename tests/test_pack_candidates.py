"""'Who stood and who was elected' in the pack: candidates, success rates, wards, unopposed.

Expected values are counted here from the loaded candidacies with plain pandas, not with the
functions of :mod:`diversity_review.analysis.elections` the pack uses.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from diversity_review import cli
from diversity_review.councils import WALES_CODE
from diversity_review.load.candidates import load_candidates
from diversity_review.load.review import load_review
from diversity_review.pack import PackConfig, pack_tables
from helpers import SAMPLE_CANDIDATES, SAMPLE_REVIEW, SAMPLE_ROSTER

slow = pytest.mark.slow
THRESHOLD = PackConfig().threshold


@pytest.fixture(scope="module")
def candidacies() -> pd.DataFrame:
    return load_candidates(SAMPLE_CANDIDATES)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _by_code(rows, code: str, **match) -> dict[str, str]:
    found = [
        r for r in rows if r["Council code"] == code and all(r[k] == v for k, v in match.items())
    ]
    assert len(found) == 1, (code, match)
    return found[0]


def _expected_success(candidacies: pd.DataFrame) -> pd.DataFrame:
    """Stood and elected by council and sex, with a Wales row per sex."""
    known = candidacies[candidacies["elected"].notna()].copy()
    known["won"] = known["elected"].astype(bool)
    wales = known.assign(council_code=WALES_CODE)
    both = pd.concat([known, wales])
    return both.groupby(["council_code", "sex"])["won"].agg(stood="size", elected="sum")


@slow
def test_success_rates_by_sex_per_council_and_wales(sample_pack, candidacies):
    rows = _rows(sample_pack / "en" / "tables" / "candidate_success_2022.csv")
    expected = _expected_success(candidacies)
    checked = 0
    for (code, sex), row in expected.iterrows():
        published = _by_code(rows, code, Group=sex)
        if published["Stood"] == "[c]":
            continue
        stood, elected = int(row["stood"]), int(row["elected"])
        assert int(published["Stood"]) == stood
        assert published["Elected"] == "[c]" or int(published["Elected"]) == elected
        if published["Elected"] != "[c]":
            assert float(published["Elected (%)"]) == round(100 * elected / stood, 1)
        checked += 1
    assert checked >= 40
    wales = _by_code(rows, WALES_CODE, Group="Female")
    stood, elected = expected.loc[(WALES_CODE, "Female")]
    assert (int(wales["Stood"]), int(wales["Elected"])) == (stood, elected)


@slow
def test_small_counts_of_candidates_are_hidden_not_known_is_published(sample_pack):
    rows = _rows(sample_pack / "en" / "tables" / "candidates_sex_2022.csv")
    assert {r["Stage"] for r in rows} == {"Stood", "Elected"}
    for row in rows:
        if row["Count"] in ("[c]", "[x]") or row["Group"] == "Not known":
            continue
        assert int(row["Count"]) == 0 or int(row["Count"]) >= THRESHOLD, row
    success = _rows(sample_pack / "en" / "tables" / "candidate_success_2022.csv")
    hidden = {(r["Council code"], r["Group"]) for r in rows if r["Count"] == "[c]"}
    # the success table publishes the same cells: what one hides the other hides
    for row in success:
        if (row["Council code"], row["Group"]) in hidden:
            assert row["Stood"] == row["Elected"] == "[c]", row


@slow
def test_wards_with_no_woman_standing(sample_pack, candidacies):
    rows = _rows(sample_pack / "en" / "tables" / "wards_no_woman_2022.csv")
    women = (
        candidacies["sex"]
        .eq("Female")
        .groupby([candidacies["council_code"], candidacies["ward"]])
        .any()
    )
    per_council = (~women).groupby(level=0).agg(["sum", "size"])
    for code, (none, wards) in per_council.iterrows():
        row = _by_code(rows, code)
        assert (int(row["Wards with no woman standing"]), int(row["Wards"])) == (none, wards)
    wales = _by_code(rows, WALES_CODE)
    assert int(wales["Wards with no woman standing"]) == int((~women).sum())


@slow
def test_the_section_is_in_welsh_too(sample_pack):
    rows = _rows(sample_pack / "cy" / "tables" / "candidate_success_2022.csv")
    assert {"Etholwyd", "Wedi sefyll", "Cyngor"} <= set(rows[0])
    page = (sample_pack / "cy" / "index.html").read_text(encoding="utf-8")
    assert "Cyfran yr ymgeiswyr a etholwyd" in page
    assert "Share of candidates elected" in (sample_pack / "en" / "index.html").read_text(
        encoding="utf-8"
    )


def test_no_candidates_means_no_section():
    tables = pack_tables(load_review(SAMPLE_REVIEW), None)
    assert not [n for n in tables if n.startswith(("candidate", "wards_no_woman", "seats_"))]


def test_the_report_command_takes_candidates(tmp_path, capsys):
    missing = tmp_path / "nowhere.csv"
    code = cli.main(
        [
            "report",
            "--review",
            str(SAMPLE_REVIEW),
            "--candidates",
            str(missing),
            "--out",
            str(tmp_path / "pack"),
            "--lang",
            "en",
            "--quiet",
        ]
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "nowhere.csv" in err[0]
    assert not (tmp_path / "pack").exists()


def _candidacies(plan: dict[str, tuple[str, int, int]]) -> pd.DataFrame:
    """Candidacies from {council: [(sex, stood, elected), ...]}, one ward per candidacy."""
    rows = []
    for council, groups in plan.items():
        code = {"Cardiff": "W06000015", "Newport": "W06000022"}[council]
        for sex, stood, elected in groups:
            rows += [
                {
                    "election": 2022,
                    "council_code": code,
                    "council": council,
                    "ward": f"{sex} {i}",
                    "ballot": f"local.{council}.{sex}-{i}.2022-05-05",
                    "party": "Party A",
                    "sex": sex,
                    "elected": i < elected,
                    "seats_contested": 1,
                }
                for i in range(stood)
            ]
    frame = pd.DataFrame(rows)
    return frame.astype({"election": "Int64", "elected": "boolean", "seats_contested": "Int64"})


def test_a_small_count_of_women_standing_is_hidden_in_both_tables():
    candidacies = _candidacies(
        {
            "Cardiff": [("Female", 3, 2), ("Male", 20, 10)],
            "Newport": [("Female", 10, 6), ("Male", 12, 5)],
        }
    )
    tables = pack_tables(None, None, candidates=candidacies)
    stood = tables["candidates_sex_2022"].query("scope == 'Stood' and group == 'Female'")
    hidden = stood.set_index("council_code")["suppressed"]
    assert hidden["W06000015"]  # 3 women stood in Cardiff: below the threshold
    # Wales's 13 women is published, so Newport's 10 must be hidden too (13 - 10 = 3)
    assert hidden[WALES_CODE] or hidden["W06000022"]
    success = tables["candidate_success_2022"].set_index(["council_code", "group"])
    assert success.loc[("W06000015", "Female"), "suppressed"]
    assert pd.isna(success.loc[("W06000015", "Female"), "share"])
    # seats are public election results: published whole, never suppressed
    unopposed = tables["seats_unopposed_2022"].set_index("council_code")
    assert int(unopposed.loc[WALES_CODE, "base"]) == 45


@slow
def test_a_roster_makes_the_same_councillor_tables_as_its_review(sample_pack, tmp_path, capsys):
    # the synthetic roster lists exactly the synthetic review's 2022 councillors (ethnicity
    # differs on purpose: the sample review leaves Merthyr Tydfil's count missing, the roster
    # knows each member's)
    out = tmp_path / "pack"
    code = cli.main(
        ["report", "--roster", str(SAMPLE_ROSTER), "--out", str(out), "--lang", "en", "--quiet"]
    )
    assert code == 0, capsys.readouterr().err
    for measure in ("sex", "age", "disability", "welsh_language", "tenure"):
        name = f"councillors_{measure}_2022.csv"
        ours = {(r["Council code"], r["Group"]): r for r in _rows(out / "en" / "tables" / name)}
        review = _rows(sample_pack / "en" / "tables" / name)
        # every cell the review's pack publishes, the roster's gives the same where both
        # publish it (the two packs hide different complements: each is protected jointly
        # with its own other tables); the roster also gives groups the review leaves out
        compared = 0
        for row in review:
            mine = ours[(row["Council code"], row["Group"])]
            assert mine["Base"] == row["Base"], (name, row)
            if "[c]" not in (mine["Count"], row["Count"]):
                assert mine["Count"] == row["Count"], (name, row)
                compared += 1
        assert compared >= len(review) // 2, name
