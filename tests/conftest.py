from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from helpers import SAMPLE_CANDIDATES, SAMPLE_REVIEW, SAMPLE_SURVEY

os.environ.setdefault("MPLBACKEND", "Agg")

# CI replays the same examples every run (a red CI must mean a change broke something); a
# developer's run explores new random examples each time.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test reading the session's sample pack runs on one worker (``--dist
    loadgroup``), so the pack is built once per run, not once per worker."""
    for item in items:
        if "sample_pack" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("sample_pack"))


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def sample_pack(tmp_path_factory) -> Path:
    """The pack of the bundled samples (en+cy), built once per session; read it, never write.

    Its charts are drawn by two worker processes (whatever the machine), so comparing it with
    a serial build shows the pool changes no byte.
    """
    from diversity_review.pack import build_pack

    out = tmp_path_factory.mktemp("sample_pack")
    build_pack(
        reviews=[SAMPLE_REVIEW],
        surveys=[SAMPLE_SURVEY],
        candidates=[SAMPLE_CANDIDATES],
        out=out,
        jobs=2,
    )
    return out
