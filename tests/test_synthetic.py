"""No silent sample data: the synthetic marker, read by the loaders, shown by every output."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from diversity_review import cli
from diversity_review.load.review import load_review
from diversity_review.load.survey import load_survey
from diversity_review.load.synthetic import is_synthetic
from helpers import (
    SAMPLE_CANDIDATES,
    SAMPLE_REVIEW,
    SAMPLE_ROSTER,
    SAMPLE_SURVEY,
    write_book,
    write_text,
)

slow = pytest.mark.slow
NOTICE = "SYNTHETIC DATA - NOT REAL"


def test_every_bundled_sample_carries_the_marker():
    raw = SAMPLE_REVIEW.parent
    samples = sorted(p for p in raw.iterdir() if "synthetic" in p.name)
    assert {SAMPLE_REVIEW, SAMPLE_SURVEY, SAMPLE_CANDIDATES, SAMPLE_ROSTER} <= set(samples)
    assert [p.name for p in samples if not is_synthetic(p)] == []


def test_real_looking_files_are_not_synthetic(tmp_path):
    book = write_book(tmp_path / "r.xlsx", {"2022": [["Council", "Seats"], ["Cardiff", 79]]})
    assert not is_synthetic(book)
    assert not is_synthetic(write_text(tmp_path / "a.csv", "Council,Seats\nCardiff,79\n"))
    # the word elsewhere than the start of the first line is not the marker
    assert not is_synthetic(write_text(tmp_path / "b.csv", "Note: not SYNTHETIC\nCouncil\n"))
    assert is_synthetic(write_text(tmp_path / "c.csv", '\ufeff"SYNTHETIC sample"\nCouncil\n'))
    assert not is_synthetic(tmp_path / "missing.csv")


def test_loaders_say_what_they_read():
    assert load_review(SAMPLE_REVIEW).attrs["synthetic"] is True
    assert load_survey(SAMPLE_SURVEY).attrs["synthetic"] is True


def test_report_without_inputs_exits_2_with_a_hint(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = cli.main(["report", "--out", str(tmp_path / "pack")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert "--review" in err[0] and "make report" in err[0]
    assert not (tmp_path / "pack").exists()


@pytest.fixture
def real_review(tmp_path) -> Path:
    rows = [
        ["Council", "Seats", "Female", "Male"],
        ["Cardiff", 79, 31, 48],
        ["Newport", 51, 20, 31],
    ]
    return write_book(tmp_path / "review_2022.xlsx", {"2022": rows})


def test_a_review_alone_makes_no_survey_tables_and_is_not_labelled(real_review, tmp_path, capsys):
    out = tmp_path / "pack"
    code = cli.main(["report", "--review", str(real_review), "--out", str(out), "--lang", "en"])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert "0 survey respondents" in printed.out and "SYNTHETIC" not in printed.out
    names = [p.name for p in (out / "en").rglob("*")]
    assert not [n for n in names if n.startswith("survey")]
    page = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert "SYNTHETIC" not in page and "answering the diversity survey" not in page
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["synthetic"] is False
    assert [i["file"] for i in manifest["inputs"]] == [real_review.name]


@slow
def test_the_sample_pack_says_synthetic_everywhere(sample_pack):
    manifest = json.loads((sample_pack / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["synthetic"] is True
    assert all(i["synthetic"] for i in manifest["inputs"])
    for lang, notice in (("en", NOTICE), ("cy", "DATA SYNTHETIG")):
        page = (sample_pack / lang / "index.html").read_text(encoding="utf-8")
        title = page.split("<title>", 1)[1].split("</title>", 1)[0]
        assert title.startswith(("SYNTHETIC", "SYNTHETIG"))
        assert page.index(notice) < page.index("<h1>")  # the banner comes first
        cover = openpyxl.load_workbook(sample_pack / lang / f"diversity_review_{lang}.xlsx")
        text = " ".join(str(c.value) for row in cover.worksheets[0].iter_rows() for c in row)
        assert notice in text
    index = (sample_pack / "index.html").read_text(encoding="utf-8")
    assert NOTICE in index


def test_every_chart_of_a_synthetic_pack_carries_the_notice_in_its_source(tmp_path):
    from dataclasses import replace

    from diversity_review import charts
    from diversity_review.pack.config import PackConfig
    from diversity_review.pack.inputs import load_inputs
    from diversity_review.pack.render import chart_jobs
    from diversity_review.pack.tables import compute_tables

    loaded = load_inputs([SAMPLE_REVIEW], [SAMPLE_SURVEY])
    cfg = replace(PackConfig(), synthetic=True)
    jobs = chart_jobs(compute_tables(loaded.counts, loaded.respondents, cfg), cfg, tmp_path)
    assert len(jobs) > 20
    assert all(NOTICE in j.source or "DATA SYNTHETIG" in j.source for j in jobs)
    job = jobs[0]  # and the note is drawn on the chart
    fig = getattr(charts, job.draw)(job.frame, *job.args, lang=job.lang, source=job.source)
    drawn = " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))
    assert NOTICE in drawn
