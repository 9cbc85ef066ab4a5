"""The pack's "Experience of office" section, in English and Welsh, built from the bundled
Forms-style sample by the real loader (``build_pack`` with the survey file, nothing patched).

Expected counts are made here from the CSV with plain pandas string work (a multi-select cell
split on ";", as Forms joins the ticks), the question wording and labels read from
``vocab/experience.toml`` with tomllib, not with the loader or the crosstab the pack uses.
"""

from __future__ import annotations

import csv
import tomllib
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from diversity_review.load.survey import load_survey
from diversity_review.pack import PackConfig, build_pack, pack_tables
from helpers import RAW, SAMPLE_SURVEY

EXPERIENCE = RAW / "member_survey_experience_synthetic.csv"
VOCAB = Path(__file__).resolve().parents[1] / "src/diversity_review/vocab/experience.toml"
#: outcome column -> the answer counted (in the columns made by ``raw`` below)
COUNTED = {"abuse_any": "Yes", "abuse_online": "Yes", "abuse_threats": "Yes", "stand_again": "No"}
BY = ("sex", "disability", "political_group")
THRESHOLD = PackConfig().threshold
#: the sample's own questions before the experience ones, as scripts/make_sample_experience.py
#: writes them, and its disability answers as the pack's groups
SEX = "What is your sex?"
DISABILITY = "Do you consider yourself to be disabled?"
DISABILITY_GROUPS = {"Yes": "Disabled", "No": "Not disabled", "": ""}


def _entry(name: str) -> dict:
    return tomllib.loads(VOCAB.read_text(encoding="utf-8"))["measures"][name]


@pytest.fixture(scope="module")
def cells() -> pd.DataFrame:
    return pd.read_csv(EXPERIENCE, skiprows=1, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def raw(cells) -> pd.DataFrame:
    """Each outcome as "Yes" / "No" / "" (skipped) and each characteristic, from the cells."""
    abuse = _entry("abuse")
    answer = cells[abuse["label_en"]]
    ticked = answer.str.split(";")  # "A;B;" -> ["A", "B", ""]

    def flag(hit: pd.Series) -> np.ndarray:
        return np.where(answer == "", "", np.where(hit, "Yes", "No"))

    options = abuse["options"]
    none = next(o["label_en"] for o in options.values() if o.get("none"))
    return pd.DataFrame(
        {
            "abuse_online": flag(ticked.map(lambda t: options["online"]["label_en"] in t)),
            "abuse_threats": flag(ticked.map(lambda t: options["threats"]["label_en"] in t)),
            "abuse_any": flag(ticked.map(lambda t: [x for x in t if x] != [none])),
            "stand_again": cells[_entry("stand_again")["label_en"]],
            "sex": cells[SEX],
            "disability": cells[DISABILITY].map(DISABILITY_GROUPS),
            "political_group": cells[_entry("political_group")["label_en"]],
        }
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, list[str]]:
    out = tmp_path_factory.mktemp("experience_pack") / "pack"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        build_pack(reviews=[], surveys=[EXPERIENCE], langs=["en", "cy"], out=out, jobs=1)
    return out, [str(w.message) for w in caught]


@pytest.fixture(scope="module")
def pack(built) -> Path:
    return built[0]


def test_no_warning_quotes_an_answer(built, cells):
    """The Forms header is found (not a data row of "No" answers), every column is a known
    question, so no warning names a column by what a respondent answered."""
    answers = {v for column in cells.columns[3:] for v in cells[column] if len(v) > 2}
    for message in built[1]:
        assert not [a for a in answers if repr(a) in message or f"{a};" in message], message
        assert "columns not used" not in message, message


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _expected(raw: pd.DataFrame, outcome: str, by: str) -> dict[str, tuple[int, int]]:
    """(count, base) per group and for all respondents: of those who answered both."""
    answered = raw[(raw[outcome] != "") & (raw[by] != "")]
    hit = answered[outcome] == COUNTED[outcome]
    out = {
        g: (int(hit[answered[by] == g].sum()), int((answered[by] == g).sum()))
        for g in set(answered[by])
    }
    out["All respondents"] = (int(hit.sum()), len(answered))
    return out


@pytest.mark.parametrize("outcome", list(COUNTED))
@pytest.mark.parametrize("by", BY)
def test_counts_shares_match_the_csv(pack, raw, outcome, by):
    rows = _rows(pack / "en" / "tables" / f"exp_{outcome}_{by}.csv")
    expected = _expected(raw, outcome, by)
    assert {r["Group"] for r in rows} == set(expected)
    for row in rows:
        count, base = expected[row["Group"]]
        assert int(row["Base"]) == base
        if row["Count"] == "[c]":
            continue
        assert int(row["Count"]) == count
        assert float(row["Share (%)"]) == pytest.approx(round(100 * count / base, 1))


def test_the_true_effect_is_found_and_the_null_one_not_claimed(pack):
    """The sample builds in more online abuse of women, and online abuse that does not depend
    on disability (scripts/make_sample_experience.py); standing again depends on nothing."""
    online = {r["Group"]: r for r in _rows(pack / "en" / "tables" / "exp_abuse_online_sex.csv")}
    assert float(online["Female"]["Lower 95% limit of the difference (percentage points)"]) > 0
    assert online["Female"]["Note"] == ""
    for name in ("exp_abuse_online_disability", "exp_stand_again_political_group"):
        rows = _rows(pack / "en" / "tables" / f"{name}.csv")
        notes = {
            r["Note"] for r in rows if r["Group"] not in ("All respondents", "Prefer not to say")
        }
        assert notes == {"difference not distinguishable from zero"}, name


def _shown_small(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows publishing a count, or its complement in the base, from 1 to threshold - 1."""
    small = []
    for r in rows:
        if r["Count"] in ("[c]", "[x]") or r["Base"] in ("[c]", "[x]"):
            continue
        count, base = int(r["Count"]), int(r["Base"])
        if 0 < count < THRESHOLD or 0 < base - count < THRESHOLD:
            small.append(r)
    return small


def test_no_small_count_is_published(pack):
    files = sorted((pack / "en" / "tables").glob("exp_*.csv"))
    assert len(files) == len(COUNTED) * len(BY)
    for path in files:
        assert _shown_small(_rows(path)) == [], path.name


def test_a_small_survey_hides_its_small_cells():
    """A survey of 40 respondents has small cells: they are hidden, none published."""
    small = load_survey(EXPERIENCE).iloc[:40]
    tables = {k: v for k, v in pack_tables(None, small).items() if k.startswith("exp_")}
    assert tables
    hidden = 0
    for name, frame in tables.items():
        shown = frame[~frame["suppressed"]]
        rest = shown["base"] - shown["count"]
        assert not (
            (shown["count"].between(1, THRESHOLD - 1)) | rest.between(1, THRESHOLD - 1)
        ).any(), name
        hidden += int(frame["suppressed"].sum())
    assert hidden > 0


def test_both_languages_carry_the_section(pack):
    en = (pack / "en" / "index.html").read_text(encoding="utf-8")
    cy = (pack / "cy" / "index.html").read_text(encoding="utf-8")
    assert "Experience of office" in en and "Experience of office" not in cy
    assert "Profiad o&#x27;r swydd" in cy or "Profiad o'r swydd" in cy
    for lang in ("en", "cy"):
        assert len(list((pack / lang / "tables").glob("exp_*.csv"))) == len(COUNTED) * len(BY)
        assert (pack / lang / "charts" / "exp_abuse_online_sex.png").is_file()
    welsh = _rows(pack / "cy" / "tables" / "exp_abuse_online_sex.csv")
    assert "Pob ymatebydd" in {r["Grŵp"] for r in welsh}
    alt = (pack / "cy" / "charts" / "exp_abuse_online_sex.txt").read_text(encoding="utf-8")
    assert "camdriniaeth ar-lein" in alt and "Benyw" in alt


def test_a_survey_without_experience_questions_adds_no_section():
    tables = pack_tables(None, load_survey(SAMPLE_SURVEY))
    assert tables and not [name for name in tables if name.startswith("exp_")]
