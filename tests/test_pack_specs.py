"""The pack as declarations: a new table is one spec; its display and charts follow from it;
charts drawn by worker processes are the same bytes as charts drawn here."""

from __future__ import annotations

import multiprocessing
import warnings
from pathlib import Path

import pandas as pd
import pytest

from diversity_review import charts
from diversity_review.errors import DataWarning
from diversity_review.load.review import load_review
from diversity_review.load.survey import load_survey
from diversity_review.pack import PackConfig
from diversity_review.pack.display import (
    Column,
    council,
    count,
    percent,
    published_frame,
    text,
    title_text,
)
from diversity_review.pack.render import ChartJob, Renderer, chart_jobs, worker_count
from diversity_review.pack.specs import SPECS, Setting, TableSpec
from diversity_review.pack.tables import compute_tables
from helpers import SAMPLE_REVIEW, SAMPLE_SURVEY


def _candidates(inputs):
    frame = pd.DataFrame(
        {
            "council_code": ["W06000015", "W06000022", "W06000001", "X1"],
            "council": ["Cardiff", "Newport", "Isle of Anglesey", "Elsewhere"],
            "count": pd.array([3, 12, pd.NA, 0], dtype="Int64"),
            "base": pd.array([79, 51, 35, 0], dtype="Int64"),
            "share": [3 / 79, 12 / 51, None, None],
            "suppressed": [True, False, False, False],
        }
    )
    return [({"year": 2022}, frame)]


def test_a_new_table_is_one_spec():
    spec = TableSpec(
        name="candidates_{year}",
        title="Candidates by council, {year}",
        compute=_candidates,
        source=Setting("review_source"),
        columns=(
            Column("Council code", text("council_code")),
            Column("Council", council()),
            Column("Count", count("count"), hidden_by="suppressed"),
            Column("Share (%)", percent("share", base="base"), hidden_by="suppressed"),
        ),
    )
    [table] = compute_tables(None, None, PackConfig(), specs=(spec,))
    assert table.name == "candidates_2022"
    assert title_text(table, "en") == "Candidates by council, 2022"
    assert table.source(PackConfig(review_source="Our review")) == "Our review"
    shown = published_frame(table, "cy")
    assert list(shown.columns) == ["Cod y cyngor", "Cyngor", "Nifer", "Cyfran (%)"]
    assert shown.values.tolist() == [
        ["W06000015", "Caerdydd", "[c]", "[c]"],  # hidden: the count and its share
        ["W06000022", "Casnewydd", 12, 23.5],  # 12 / 51 = 23.53%
        ["W06000001", "Ynys Môn", "[x]", "[x]"],  # not available
        ["X1", "Elsewhere", 0, "[z]"],  # no one in the base: a share does not apply
    ]


def test_chart_jobs_follow_the_specs(tmp_path):
    tables = compute_tables(load_review(SAMPLE_REVIEW), None, PackConfig())
    jobs = chart_jobs(tables, PackConfig(langs=("cy",)), tmp_path)
    assert [j.stem for j in jobs] == [
        "women_by_council_2022",
        "age_profile_2022",
        "population_sex_2022",
        "population_ethnicity_2022",
        "population_disability_2022",
        "population_welsh_language_2022",
        "women_change_2017_2022",
        "roles_2022",
    ]
    by_stem = {j.stem: j for j in jobs}
    assert by_stem["women_by_council_2022"].args == ("Female",)
    assert by_stem["population_ethnicity_2022"].args == ("ethnicity",)
    assert by_stem["age_profile_2022"].args == (None,)
    # the Welsh review source is a draft translation: check its shape, not its words
    assert by_stem["population_sex_2022"].source.endswith("; Cyfrifiad 2021")
    assert ";" not in by_stem["women_change_2017_2022"].source
    assert by_stem["roles_2022"].path == tmp_path / "cy" / "charts" / "roles_2022"
    assert {j.lang for j in jobs} == {"cy"}


def test_every_chart_is_a_public_chart_function():
    declared = {chart.draw for spec in SPECS for chart in spec.charts}
    assert declared <= set(charts.__all__)
    assert all(callable(getattr(charts, name)) for name in declared)


@pytest.mark.parametrize(
    ("jobs", "n", "cores", "expected"),
    [(None, 36, 1, 1), (None, 36, 2, 2), (None, 3, 8, 3), (1, 36, 8, 1), (4, 36, 2, 4)],
)
def test_worker_count(jobs, n, cores, expected):
    assert worker_count(jobs, n, cores=cores) == expected


def _fake_chart(frame, *args, lang, source):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    warnings.warn(f"drawn in {lang} from {source}", DataWarning, stacklevel=2)
    fig = Figure(figsize=(2, 1))
    FigureCanvasAgg(fig)
    fig.suptitle("A\ntitle")
    fig.alt_text = "What the chart shows."
    return fig


def test_a_chart_gives_the_page_its_title_alt_text_and_warnings(tmp_path, monkeypatch):
    monkeypatch.setattr(charts, "fake_chart", _fake_chart, raising=False)
    job = ChartJob("fake", "en", "fake_chart", pd.DataFrame(), (), "Src", tmp_path / "fake")
    with pytest.warns(DataWarning, match="drawn in en from Src"), Renderer([job], 1) as renderer:
        [rendered] = renderer.results()
    assert (rendered.stem, rendered.lang, rendered.png) == ("fake", "en", "fake.png")
    assert rendered.title == "A title"
    assert rendered.alt == "What the chart shows."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fake.png", "fake.svg", "fake.txt"]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.*")}


@pytest.fixture(scope="module")
def sample_tables():
    return compute_tables(load_review(SAMPLE_REVIEW), load_survey(SAMPLE_SURVEY), PackConfig())


@pytest.mark.slow
def test_charts_drawn_by_spawned_processes_are_the_same_bytes(tmp_path, sample_tables):
    # spawn (as on Windows and macOS) gives a worker nothing but what is pickled; the default
    # start method (fork on Linux) is covered by the session pack against a serial build
    wanted = [("en", "women_by_council_2022"), ("cy", "survey_sex")]

    def some_jobs(root: Path) -> list[ChartJob]:
        jobs = {(j.lang, j.stem): j for j in chart_jobs(sample_tables, PackConfig(), root)}
        return [jobs[key] for key in wanted]

    with Renderer(some_jobs(tmp_path / "here"), 1) as here:
        serial = here.results()
    context = multiprocessing.get_context("spawn")
    with Renderer(some_jobs(tmp_path / "pool"), 2, context=context) as pool:
        pooled = pool.results()
    assert [(r.lang, r.stem) for r in pooled] == wanted
    assert pooled == serial
    first, second = _files(tmp_path / "here"), _files(tmp_path / "pool")
    assert len(first) == 6
    assert first == second
