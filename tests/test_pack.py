"""The benchmark pack: deterministic, disclosure-controlled, safe on failure, bilingual.

Tests of the whole sample pack read the session's ``sample_pack`` (built once, in conftest);
tests that build a pack of their own use a two-council review and one language where that
proves the point.
"""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path

import openpyxl
import pytest

from diversity_review import cli
from diversity_review.categories import NOT_STATED
from diversity_review.errors import DataError
from diversity_review.pack import PackConfig, build_pack
from diversity_review.pack.files import sha256
from helpers import SAMPLE_CANDIDATES as CANDIDATES
from helpers import SAMPLE_REVIEW as REVIEW
from helpers import SAMPLE_SURVEY as SURVEY
from helpers import write_book, write_csv

slow = pytest.mark.slow


def _hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): sha256(p) for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def pack(sample_pack) -> Path:
    return sample_pack


@pytest.fixture
def small_review(tmp_path) -> Path:
    """Two councils' sex counts: a pack of three tables and two charts a language."""
    rows = [
        ["Council", "Seats", "Female", "Male"],
        ["Cardiff", 79, 31, 48],
        ["Newport", 51, 20, 31],
    ]
    return write_book(tmp_path / "review_2022.xlsx", {"2022": rows})


@slow
def test_serial_and_parallel_runs_are_byte_identical(pack, tmp_path):
    # the session pack drew its charts in two processes; this run draws them in this one.
    # One language proves it (the pool draws each chart alike whatever its language): the
    # Welsh half of the session pack against a serial Welsh-only build
    build_pack(
        reviews=[REVIEW],
        surveys=[SURVEY],
        candidates=[CANDIDATES],
        out=tmp_path,
        langs=["cy"],
        jobs=1,
    )
    first, second = _hashes(pack / "cy"), _hashes(tmp_path / "cy")
    assert len(first) > 50 and sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert differ == ["index.html"]  # a one-language page links to no other language
    page = (pack / "cy" / "index.html").read_text(encoding="utf-8")
    alone = re.sub(r'<p class="lang-switch">.*?</p>\n?', "", page, count=1, flags=re.S)
    assert alone != page
    assert alone == (tmp_path / "cy" / "index.html").read_text(encoding="utf-8")


@slow
def test_each_language_has_charts_tables_workbook_and_index(pack):
    for lang in ("en", "cy"):
        folder = pack / lang
        pngs = sorted(p.stem for p in (folder / "charts").glob("*.png"))
        assert "women_by_council_2022" in pngs
        assert "women_change_2017_2022" in pngs
        for stem in pngs:  # every chart as PNG and SVG with its alt text beside it
            assert (folder / "charts" / f"{stem}.svg").is_file()
            assert (folder / "charts" / f"{stem}.txt").read_text(encoding="utf-8").strip()
        assert (folder / f"diversity_review_{lang}.xlsx").is_file()
        assert (folder / "tables" / "councillors_sex_2022.csv").is_file()
        assert "<img" in (folder / "index.html").read_text(encoding="utf-8")


@slow
def test_manifest_lists_inputs_parameters_and_every_output(pack):
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    inputs = {i["file"]: i["sha256"] for i in manifest["inputs"]}
    assert inputs == {
        REVIEW.name: sha256(REVIEW),
        SURVEY.name: sha256(SURVEY),
        CANDIDATES.name: sha256(CANDIDATES),
    }
    assert manifest["parameters"]["threshold"] == 5
    listed = {o["file"]: o["sha256"] for o in manifest["outputs"]}
    on_disk = _hashes(pack)
    on_disk.pop("manifest.json")
    assert listed == on_disk
    accounts = {a["file"]: a for a in manifest["row_accounts"]}
    review = accounts[REVIEW.name]
    assert review["rows_read"] == review["rows_kept"] + review["rows_excluded"]


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@slow
def test_no_published_count_is_below_the_threshold(pack):
    checked = 0
    public = ("councillors_uncontested", "seats_unopposed", "wards_no_woman")  # public facts
    for path in (pack / "en" / "tables").glob("*.csv"):
        if path.name.startswith(public):
            continue
        for row in _csv_rows(path):
            value = row.get("Count")
            if value is None or value in ("[c]", "[x]") or row.get("Group") in NOT_STATED:
                continue  # "Not known", "Prefer not to say" say nothing of anyone (issue 10)
            assert int(value) == 0 or int(value) >= 5, (path.name, row)
            checked += 1
    assert checked > 100


@slow
def test_suppressed_cells_show_c_in_both_languages(pack):
    en = _csv_rows(pack / "en" / "tables" / "councillors_ethnicity_2022.csv")
    cy = _csv_rows(pack / "cy" / "tables" / "councillors_ethnicity_2022.csv")
    assert len(en) == len(cy)
    hidden_en = [i for i, r in enumerate(en) if r["Count"] == "[c]"]
    assert hidden_en, "the sample's small ethnic minority counts must be suppressed"
    hidden_cy = [i for i, r in enumerate(cy) if "[c]" in r.values()]
    assert hidden_en == hidden_cy
    # Welsh table: official Welsh council names
    assert {r["Cyngor"] for r in cy} >= {"Caerdydd", "Ynys Môn", "Cymru"}


@slow
def test_workbook_has_cover_contents_notes_and_markers(pack):
    book = openpyxl.load_workbook(pack / "en" / "diversity_review_en.xlsx")
    assert book.sheetnames[:3] == ["Cover", "Contents", "Notes"]
    # the sample pack is synthetic, and its cover title says so first (issue 10)
    assert book["Cover"]["A1"].value == f"SYNTHETIC: {PackConfig().title}"
    values = {c.value for ws in book.worksheets[3:] for row in ws.iter_rows() for c in row}
    assert "[c]" in values
    notes = [c.value for row in book["Notes"].iter_rows() for c in row if isinstance(c.value, str)]
    assert any(text.startswith("[c] marks a count") for text in notes)
    table = book["councillors_sex_2022"]
    assert table["A1"].value.startswith("Councillors by sex and council, 2022 [note 1]")
    assert table["A3"].value == "[c] = confidential (suppressed)"


def test_formula_like_text_is_stored_as_text(tmp_path, small_review):
    config = tmp_path / "pack.toml"
    config.write_text('title = "=HYPERLINK(\\"http://x\\")"\nlangs = ["en"]\n', encoding="utf-8")
    out = tmp_path / "out"
    build_pack(reviews=[small_review], out=out, config=config)
    cell = openpyxl.load_workbook(out / "en" / "diversity_review_en.xlsx")["Cover"]["A1"]
    assert cell.value == '=HYPERLINK("http://x")'
    assert cell.data_type == "s"


@slow
def test_no_personal_or_free_text_reaches_the_pack(pack):
    for path in pack.rglob("*"):
        if path.suffix in {".csv", ".txt", ".html", ".svg", ".json"}:
            text = path.read_text(encoding="utf-8")
            for personal in ("Test Person", "example.invalid", "=HYPERLINK"):
                assert personal not in text, (path, personal)


def test_a_failure_leaves_the_previous_pack_untouched(tmp_path, small_review):
    out = tmp_path / "pack"
    build_pack(reviews=[small_review], out=out, langs=["en"])
    before = _hashes(out)
    bad = tmp_path / "bad.xlsx"
    bad.write_text("Council,Female\nCardiff,12\n", encoding="utf-8")
    with pytest.raises(DataError, match="bad.xlsx"):
        build_pack(reviews=[small_review, bad], out=out, langs=["en"])
    assert _hashes(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_cli_bad_input_exits_2_with_one_line_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "review_2022.xlsx"
    bad.write_bytes(b"")
    out = tmp_path / "out"
    code = cli.main(["report", "--review", str(bad), "--out", str(out), "--quiet"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.strip().splitlines() == [
        "error: review_2022.xlsx: the file is empty (0 bytes)"
    ]
    assert "Traceback" not in captured.err
    assert not out.exists() or not any(out.iterdir())


def test_cli_report_prints_a_one_line_summary(tmp_path, small_review, capsys):
    out = tmp_path / "out"
    survey = write_csv(tmp_path / "survey_2023.csv", [["ID", "What is your sex?"], [1, "Female"]])
    args = ["--review", str(small_review), "--survey", str(survey), "--out", str(out)]
    code = cli.main(["report", *args, "--lang", "cy"])
    lines = capsys.readouterr().out.strip().splitlines()
    assert code == 0
    assert len(lines) == 1 and lines[0].startswith("wrote ")
    assert sorted(p.name for p in out.iterdir()) == ["cy", "index.html", "manifest.json"]


def test_unknown_config_setting_is_a_located_error(tmp_path):
    config = tmp_path / "pack.toml"
    config.write_text("treshold = 10\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"pack.toml: unknown setting 'treshold'"):
        PackConfig.from_toml(config)


@slow
def test_the_wales_headline_is_published(pack):
    rows = _csv_rows(pack / "en" / "tables" / "councillors_sex_2022.csv")
    wales = {r["Group"]: r for r in rows if r["Council code"] == "W92000004"}
    assert wales["Female"]["Count"] not in ("[c]", "[x]")
    female, base = int(wales["Female"]["Count"]), int(wales["Female"]["Base"])
    assert float(wales["Female"]["Share (%)"]) == round(100 * female / base, 1)


def test_pack_tables_hide_the_audit_column_unless_asked():
    from diversity_review.load.review import load_review
    from diversity_review.pack import pack_tables

    counts = load_review(REVIEW)
    public = pack_tables(counts, None)
    assert all("suppression" not in frame.columns for frame in public.values())
    audit = pack_tables(counts, None, audit=True)
    assert "suppression" in audit["councillors_sex_2022"].columns


@slow
def test_index_pages_carry_every_chart_with_its_alt_text(pack):
    page = (pack / "en" / "index.html").read_text(encoding="utf-8")
    for txt in (pack / "en" / "charts").glob("*.txt"):
        alt = html.escape(txt.read_text(encoding="utf-8").strip())
        assert f'<figcaption id="desc-{txt.stem}">{alt}</figcaption>' in page
        assert f'src="charts/{txt.stem}.png"' in page


def test_jobs_below_one_is_an_error_before_anything_is_written(tmp_path, capsys):
    out = tmp_path / "out"
    with pytest.raises(DataError, match="^jobs must be at least 1, not 0$"):
        build_pack(reviews=[REVIEW], out=out, jobs=0)
    assert cli.main(["report", "--review", str(REVIEW), "--out", str(out), "--jobs", "0"]) == 2
    assert capsys.readouterr().err.splitlines() == ["error: jobs must be at least 1, not 0"]
    assert not out.exists()
