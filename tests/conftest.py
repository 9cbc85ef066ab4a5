from __future__ import annotations

import os
import time
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


@pytest.fixture
def root() -> Path:
    return ROOT


def _build_sample_pack(out: Path) -> Path:
    from diversity_review.pack import build_pack

    build_pack(
        reviews=[SAMPLE_REVIEW],
        surveys=[SAMPLE_SURVEY],
        candidates=[SAMPLE_CANDIDATES],
        out=out,
        jobs=2,
    )
    return out


@pytest.fixture(scope="session")
def sample_pack(tmp_path_factory, worker_id) -> Path:
    """The pack of the bundled samples (en+cy), built once per run; read it, never write.

    Its charts are drawn by two worker processes (whatever the machine), so comparing it with
    a serial build shows the pool changes no byte. Under pytest-xdist the first worker to ask
    builds it in the run's shared temporary folder (a directory made atomically is the lock)
    and the others wait for its word: the build uses both cores, so waiting costs nothing.
    """
    if worker_id == "master":
        return _build_sample_pack(tmp_path_factory.mktemp("sample_pack"))
    shared = tmp_path_factory.getbasetemp().parent
    out, word = shared / "sample_pack", shared / "sample_pack.done"
    try:
        (shared / "sample_pack.lock").mkdir()
    except FileExistsError:
        deadline = time.monotonic() + 900
        while not word.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        if not word.exists() or word.read_text(encoding="utf-8") != "built":
            pytest.fail("the worker building the sample pack failed (see its error)")
        return out
    try:
        _build_sample_pack(out)
    except BaseException:
        word.write_text("failed", encoding="utf-8")
        raise
    word.write_text("built", encoding="utf-8")
    return out
