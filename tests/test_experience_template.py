"""The experience question set (issue 16): written in both languages, and lossless through the
survey loader: a Forms-style export of its questions, answered in known ways, reads back to
exactly those answers."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pandas as pd
import pytest

from diversity_review import load_survey
from diversity_review.errors import DataError
from diversity_review.experience import question_set, write_question_set
from diversity_review.experience.measures import MEASURES, measure
from helpers import write_csv

SAMPLE = Path(__file__).resolve().parents[1] / "data/raw/member_survey_experience_synthetic.csv"
VOCAB = Path(__file__).resolve().parents[1] / "src/diversity_review/vocab/experience.toml"
N = 7  # respondents: enough for every group and several sets of options


def _vocab() -> dict:
    return tomllib.loads(VOCAB.read_text(encoding="utf-8"))


def _chosen(name: str, i: int) -> list[int]:
    """Respondent i's answer to a question, as positions in its list of answers (made up)."""
    m = measure(name)
    if m.kind == "single":
        return [i % len(m.groups)]
    n = len(m.options) - 1  # the last option is "none": ticked alone, or not at all
    ticked = [k for k in range(n) if (i + 1) >> k & 1]
    return ticked or [n]


def _export(tmp_path, lang: str):
    """A Microsoft Forms export: ID and times, then each question, ticks joined by ';'."""
    questions = question_set(lang)
    header = ["ID", "Start time", "Completion time", *(q.text for q in questions)]
    rows = [header]
    for i in range(N):
        answers = []
        for q in questions:
            picked = [q.answers[k] for k in _chosen(q.measure, i)]
            answers.append("".join(f"{a};" for a in picked) if q.multi else picked[0])
        rows.append([str(i + 1), "3/6/25 09:00", "3/6/25 09:20", *answers])
    return write_csv(tmp_path / f"forms_{lang}.csv", rows)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_question_set_round_trips_through_the_loader(tmp_path, lang):
    frame = load_survey(_export(tmp_path, lang))
    assert len(frame) == N
    for name in MEASURES:
        m = measure(name)
        for i in range(N):
            chosen = _chosen(name, i)
            if m.kind == "single":
                assert frame.at[i, name] == m.groups[chosen[0]], (name, i)
                continue
            for k, option in enumerate(m.options[:-1]):
                assert frame.at[i, m.column(option)] == (k in chosen), (name, option, i)
            if m.any_column:
                assert frame.at[i, m.any_column] == (chosen != [len(m.options) - 1])
    booleans = [c for n in MEASURES for c in measure(n).columns() if measure(n).kind == "multi"]
    assert all(frame[c].dtype == "boolean" for c in booleans)
    assert frame.attrs["dropped"] == {
        "ID": "survey metadata",
        "Start time": "survey metadata",
        "Completion time": "survey metadata",
    }


def test_written_question_set(tmp_path):
    en = write_question_set(tmp_path / "q_en.txt", "en").read_text(encoding="utf-8")
    cy = write_question_set(tmp_path / "q_cy.txt", "cy").read_text(encoding="utf-8")
    assert "1. In the last 12 months, have you experienced abuse" in en
    assert "   [ ] Online or on social media" in en
    assert "   ( ) Sometimes" in en
    assert "DRAFT" not in en
    assert "DRAFT" in cy  # the Welsh wording is not yet checked
    assert "   ( ) Heb benderfynu" in cy
    # every question of vocab/experience.toml (read here with tomllib), numbered; "tick all"
    # said once per multi question, "Choose one" once per single question
    kinds = [m["kind"] for m in _vocab()["measures"].values()]
    assert [line.split(".")[0] for line in en.splitlines() if line[:1].isdigit()] == [
        str(i) for i in range(1, len(kinds) + 1)
    ]
    assert en.count("Tick all that apply") == kinds.count("multi")
    assert en.count("(Choose one.)") == kinds.count("single")
    assert "Which political group are you a member of?" in en


def test_question_set_keeps_an_existing_file(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("council's own notes", encoding="utf-8")
    with pytest.raises(DataError):
        write_question_set(path, "en")
    assert path.read_text(encoding="utf-8") == "council's own notes"
    write_question_set(path, "en", overwrite=True)
    assert path.read_text(encoding="utf-8").startswith("Experience of office")


def test_pd_na_where_a_question_was_skipped(tmp_path):
    questions = question_set("en")
    header = ["Completion time", "Sex", *(q.text for q in questions)]
    rows = [header, ["3/6/25 09:20", "Female", *([""] * len(questions))]]
    frame = load_survey(write_csv(tmp_path / "skip.csv", rows))
    assert frame["felt_safe"].isna().all() and frame["abuse_online"].isna().all()
    assert pd.isna(frame.at[0, "abuse_any"])


def test_the_sample_loads_with_the_experience_columns_dtypes():
    """The contract the pack relies on, on the bundled Forms-style sample: every question in
    its header gives its columns (read here from the CSV and vocab/experience.toml with
    tomllib), a tick-all option or its "any" a nullable boolean, a single answer a string."""
    header = pd.read_csv(SAMPLE, skiprows=1, nrows=0).columns
    expected = {}
    for name, entry in _vocab()["measures"].items():
        if entry["label_en"] not in header:
            continue
        if entry["kind"] == "single":
            expected[name] = "string"
            continue
        for option, words in entry["options"].items():
            if not words.get("none"):
                expected[f"{name}_{option}"] = "boolean"
        if "any" in entry:
            expected[entry["any"]] = "boolean"
    assert len(expected) > len(_vocab()["measures"])  # the sample asks them all
    frame = load_survey(SAMPLE)
    assert {c: str(frame[c].dtype) for c in expected} == expected
    assert len(frame) == len(pd.read_csv(SAMPLE, skiprows=1, usecols=["ID"]))
