"""Hostile and careless inputs (issue 12): each refused by the command line with exit 2 and one
line naming the file, in under 20 s and 1 GB of address space, with nothing written and the
previous pack in the output folder untouched.

The inputs are built by scripts/make_hostile_inputs.py (once per session: the zip bomb, the
2-million-row CSV and the 100 MB line take a few seconds to write).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from diversity_review.pack.files import sha256
from helpers import load_script

posix = pytest.mark.skipif(os.name != "posix", reason="memory limits and FIFOs need POSIX")

LIMIT_BYTES = 1 << 30
LIMIT_SECONDS = 20

#: set a 1 GB address-space limit, then run the command line with the given arguments
_RUN = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from diversity_review.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    load_script("make_hostile_inputs").main(folder)
    os.mkfifo(folder / "fifo.csv")
    (folder / "a_folder.xlsx").mkdir()
    return folder


def _previous_pack(out: Path) -> dict[str, str]:
    """A pack of ours (files and a manifest naming them) and a user's file beside it."""
    (out / "en").mkdir(parents=True)
    (out / "en" / "index.html").write_text("<p>old</p>", encoding="utf-8")
    (out / "index.html").write_text("<p>root</p>", encoding="utf-8")
    outputs = [{"file": f, "sha256": sha256(out / f)} for f in ("en/index.html", "index.html")]
    manifest = {"package": "diversity_review", "outputs": outputs}
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (out / "my notes.txt").write_text("mine", encoding="utf-8")
    return _snapshot(out)


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): sha256(p) for p in folder.rglob("*") if p.is_file()}


def _run(args: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess, float]:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _RUN.format(limit=LIMIT_BYTES), *args],
        capture_output=True,
        text=True,
        timeout=LIMIT_SECONDS + 10,
        cwd=cwd,
        env=env,
    )
    return done, time.perf_counter() - started


CASES = {
    "zip_bomb.xlsx": "too large to read",
    "rows_2m.csv": "too large to read",
    "long_line.csv": "too large to read",
    "sheets_10k.xlsx": "too large to read",
    "laughs.xlsx": "declares a DTD or entities",
    "external_entity.xlsx": "declares a DTD or entities",
    "fifo.csv": "is a named pipe (FIFO), not a file",
    "a_folder.xlsx": "is a folder, not a file",
}


@posix
@pytest.mark.parametrize("command", ["report", "validate"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_is_refused_in_one_line_within_bounds(hostile, tmp_path, case, command):
    out = tmp_path / "pack"
    before = _previous_pack(out)
    if command == "report":
        args = ["report", "--review", str(hostile / case), "--out", str(out), "--quiet"]
    else:
        args = ["validate", str(hostile / case)]
    done, seconds = _run(args, tmp_path)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr[-2000:]
    assert lines == [f"error: {case}: {lines[0].split(': ', 2)[2]}"]  # one line naming it
    assert CASES[case] in lines[0]
    assert "Traceback" not in done.stderr
    assert seconds < LIMIT_SECONDS
    assert _snapshot(out) == before  # the previous pack and the user's file untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack"]  # nothing written beside it


@posix
def test_a_device_is_named_as_such(tmp_path):
    done, _ = _run(["validate", "/dev/zero"], tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip() == "error: zero: is a device, not a file"


@posix
def test_validate_reports_every_file_given(hostile, tmp_path):
    from helpers import SAMPLE_REVIEW

    files = [hostile / "fifo.csv", SAMPLE_REVIEW, hostile / "zip_bomb.xlsx"]
    done, _ = _run(["validate", *map(str, files)], tmp_path)
    errors = done.stderr.strip().splitlines()
    assert done.returncode == 2
    assert [e.split(":")[1].strip() for e in errors] == ["fifo.csv", "zip_bomb.xlsx"]
    assert done.stdout.startswith("ok (review)")


def test_memory_error_anywhere_is_one_line(monkeypatch, capsys, tmp_path):
    from diversity_review import cli

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr("diversity_review.load.review.load_review", exhausted)
    path = tmp_path / "big.xlsx"
    assert cli.main(["validate", "--kind", "review", str(path)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "error: big.xlsx: not enough memory (an input is far larger than a review or survey)"
    ]
