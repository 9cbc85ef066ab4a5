"""Image comparison of a few key charts against reference PNGs in ``tests/baseline/``.

The value tests in ``test_charts.py`` say what is drawn; these catch changes in how it looks
(layout, overlaps, clipping). After an intended change of look, regenerate the references
with ``python scripts/update_chart_baselines.py``, look at them, and commit them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.testing.compare import compare_images

import test_charts_data as data
from diversity_review.charts import change_chart, save_figure, share_by_council, survey_chart

BASELINE_DIR = Path(__file__).parent / "baseline"
DPI = 72
TOLERANCE = 1.0  # RMS over 0-255 pixel values: absorbs anti-aliasing noise, not a moved bar

BASELINES: dict[str, Callable[[], Figure]] = {
    "share_by_council_en": lambda: share_by_council(data.sex_shares(), lang="en"),
    "share_by_council_cy": lambda: share_by_council(data.sex_shares(), lang="cy"),
    "change_chart_en": lambda: change_chart(data.change_table(), lang="en"),
    "survey_chart_cy": lambda: survey_chart(data.survey_shares(), "disability", lang="cy"),
}


def render(name: str, folder: Path) -> Path:
    """Draw the chart ``name`` into ``folder/name.png`` (as the pack would, lower dpi)."""
    png, _svg, _txt = save_figure(BASELINES[name](), folder / name, dpi=DPI)
    return png


@pytest.mark.parametrize("name", sorted(BASELINES))
def test_chart_matches_baseline(name, tmp_path):
    expected = BASELINE_DIR / f"{name}.png"
    if not expected.exists():
        pytest.fail(f"no baseline {expected}: run python scripts/update_chart_baselines.py")
    actual = render(name, tmp_path)
    result = compare_images(str(expected), str(actual), tol=TOLERANCE, in_decorator=True)
    assert result is None, (
        f"{name} differs from its baseline (RMS {result['rms']:.2f} > {TOLERANCE}); "
        f"see {result['diff']}"
    )
