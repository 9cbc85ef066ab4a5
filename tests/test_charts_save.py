"""save_figure lays a figure out once and saves every format from that layout."""

from __future__ import annotations

from matplotlib.layout_engine import ConstrainedLayoutEngine

import test_charts_data as data
from diversity_review.charts import save_figure, share_by_council, survey_chart


def test_one_layout_serves_png_and_svg(tmp_path, monkeypatch):
    runs = []
    execute = ConstrainedLayoutEngine.execute

    def counted(engine, fig):
        runs.append(fig)
        return execute(engine, fig)

    monkeypatch.setattr(ConstrainedLayoutEngine, "execute", counted)
    fig = share_by_council(data.sex_shares())
    assert runs == []  # drawing the chart does not lay it out
    paths = save_figure(fig, tmp_path / "women", dpi=60)
    assert [p.suffix for p in paths] == [".png", ".svg", ".txt"]
    assert runs == [fig]  # once, for both formats
    assert isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine)  # restored


def test_saving_the_same_figure_again_gives_the_same_files(tmp_path):
    fig = survey_chart(data.survey_shares(), "disability", lang="cy")
    first = save_figure(fig, tmp_path / "a" / "survey", dpi=60)
    again = save_figure(fig, tmp_path / "b" / "survey", dpi=60)
    for a, b in zip(first, again, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
