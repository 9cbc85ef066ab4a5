"""The notebooks are committed without outputs and run top to bottom on the sample data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
TIMEOUT = 600


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 4, [p.name for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    dirty = [
        i
        for i, cell in enumerate(nb["cells"])
        if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count"))
    ]
    assert dirty == [], f"{path.name}: cells {dirty} hold outputs; clear them before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_has_a_parameters_cell_and_an_introduction(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["cells"][0]["cell_type"] == "markdown"
    tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged 'parameters' (papermill convention)"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_runs_top_to_bottom(path, tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(path, as_version=4)
    # papermill convention: a cell injected after the parameters cell overrides them, here so
    # that anything a notebook writes goes to a temporary folder, not into the repository
    index = next(
        i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])
    )
    nb.cells.insert(index + 1, nbformat.v4.new_code_cell(f"OUT_DIR = {str(tmp_path)!r}"))
    client = nbclient.NotebookClient(
        nb,
        timeout=TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    errors = [
        out
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if out.get("output_type") == "error"
    ]
    assert errors == []
    _shows_what_it_should(nb)


def _shows_what_it_should(nb) -> None:
    """No warning reaches the reader (expected ones are silenced, with a note); every chart
    shown has its alt text printed beside it (in its cell, the one before or the one after)."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    stderr = [
        out["text"]
        for cell in code
        for out in cell.get("outputs", [])
        if out.get("output_type") == "stream" and out.get("name") == "stderr"
    ]
    assert stderr == []

    def printed(cell) -> str:
        return "".join(o["text"] for o in cell.get("outputs", []) if o.get("name") == "stdout")

    for i, cell in enumerate(code):
        images = [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
        if images:
            near = code[max(i - 1, 0) : i + 2]
            beside = "".join(printed(c) for c in near)
            assert "chart" in beside.lower() or "siart" in beside.lower(), cell.source


RESPONDENT_ROWS = re.compile(r"^\s*respondents(\.(head|tail|sample)\(.*\)|\[.*\])?\s*$")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_never_displays_respondent_level_rows(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        last = "".join(cell["source"]).rstrip().splitlines()[-1]
        assert not RESPONDENT_ROWS.match(last), f"{path.name}: {last!r} shows respondents' rows"


def test_the_respondent_rows_check_catches_a_display():
    assert RESPONDENT_ROWS.match("respondents.head()")
    assert RESPONDENT_ROWS.match("respondents")
    assert RESPONDENT_ROWS.match('respondents[["sex", "age"]]')
    assert not RESPONDENT_ROWS.match("respondents.dtypes")
    assert not RESPONDENT_ROWS.match('respondents.groupby(["council_code"]).size()')
