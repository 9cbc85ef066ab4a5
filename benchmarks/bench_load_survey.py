"""``load_survey`` against ``pandas.read_csv`` of the same export, at 6k / 60k / 600k respondents.

Generates synthetic Microsoft Forms exports (the sample's 19 columns: ID, times, email, name,
council, eleven questions, a "please specify" and a comment column; fixed seed) into a temporary
folder, then for each size:

1% of the rows are left entirely blank, as deleted responses leave them.

- **time**: median wall time of several runs of ``load_survey(path)`` and of
  ``pandas.read_csv(path)``, run alternately in this one process;
- **peak memory**: each call in a fresh subprocess (both import the same modules first): the
  peak resident set during the call minus the resident set just before it, i.e. the call's own
  high-water mark (see :func:`peak_child`).

Never part of the tests: run ``python benchmarks/bench_load_survey.py`` (``--sizes 6000`` for a
quick look). Linux/macOS only for the memory figures (``resource``).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from _timing import Ratio, median_seconds

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts"))
import make_sample_survey as sample  # noqa: E402  (the sample's headers and answer weights)

SEED = 13
SIZES = (6_000, 60_000, 600_000)


def _choice(rng: np.random.Generator, options: tuple[list[str], list[float]], n: int):
    values, weights = options
    picked = rng.choice(np.array(values, dtype=object), size=n, p=np.divide(weights, sum(weights)))
    skipped = rng.random(n) < 0.04  # a question left unanswered now and then
    picked[skipped] = ""
    return picked


def _skills(rng: np.random.Generator, n: int):
    answers = np.array(
        ["None of these;", *("".join(f"{s};" for s in sample.SKILLS[:k]) for k in range(1, 5))],
        dtype=object,
    )
    out = answers[rng.choice(5, size=n, p=[0.35, 0.1, 0.1, 0.05, 0.4])]
    out[rng.random(n) < 0.04] = "Prefer not to say"
    return out


def export_frame(n: int, seed: int = SEED) -> pd.DataFrame:
    """``n`` synthetic respondents in the sample's Microsoft Forms layout (vectorised)."""
    rng = np.random.default_rng(seed)
    ids = np.arange(1, n + 1)
    began = pd.Timestamp(2023, 6, 12, 9) + pd.to_timedelta(
        rng.integers(0, 60 * 24 * 20, n), unit="min"
    )
    done = began + pd.to_timedelta(rng.integers(3, 25, n), unit="min")
    religion = _choice(rng, sample.RELIGION, n)
    comments = np.array(["", *sample.COMMENTS], dtype=object)
    columns = [
        ids.astype(str),
        began.strftime("%d/%m/%Y %H:%M"),
        done.strftime("%d/%m/%Y %H:%M"),
        [f"test.person{i}@example.invalid" for i in ids],
        [f"Test Person {i}" for i in ids],
        np.full(n, "", dtype=object),
        np.array(sample.COUNCIL_SPELLINGS, dtype=object)[rng.integers(0, 3, n)],
        _choice(rng, sample.SEX, n),
        _choice(rng, sample.GENDER_IDENTITY, n),
        rng.integers(23, 84, n).astype(str),
        _choice(rng, sample.ETHNICITY, n),
        _choice(rng, sample.DISABILITY, n),
        _choice(rng, sample.ORIENTATION, n),
        religion,
        np.where(religion == "Any other religion", "Pagan (in my own words)", ""),
        _skills(rng, n),
        _choice(rng, sample.CARING, n),
        _choice(rng, sample.FIRST_ELECTED, n),
        comments[rng.choice(len(comments), size=n, p=[0.9] + [0.02] * 5)],
    ]
    frame = pd.DataFrame(dict(zip(sample.HEADERS, columns, strict=True)))
    deleted = rng.random(n) < 0.01  # a deleted response leaves an entirely blank row
    return frame.mask(pd.Series(deleted, index=frame.index), "")


def write_export(folder: Path, n: int) -> Path:
    path = folder / f"forms_export_{n}.csv"  # no year in the name: the year comes from the times
    export_frame(n).to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    return path


def _call(what: str, path: Path) -> object:
    if what == "load_survey":
        from diversity_review.load.survey import load_survey

        return load_survey(path)
    return pd.read_csv(path)


def _status_bytes(field: str) -> int | None:
    """A size from ``/proc/self/status`` (Linux), in bytes; None where there is none."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def peak_child(what: str, path: Path) -> None:
    """In a subprocess: the resident set before the call and its peak during it, as JSON.

    On Linux the peak is ``VmHWM`` of this process, reset just before the call (``clear_refs``):
    ``ru_maxrss`` would also count the parent's resident set at the fork. Elsewhere it is
    ``resource.getrusage(RUSAGE_SELF).ru_maxrss``.
    """
    import gc
    import resource

    import diversity_review.load.survey  # noqa: F401  (same imports in both children)

    gc.collect()
    before = _status_bytes("VmRSS") or 0
    try:
        Path("/proc/self/clear_refs").write_text("5")  # the peak starts again from here
    except OSError:
        pass
    result = _call(what, path)
    after = _status_bytes("VmHWM")
    if after is None:
        scale = 1 if sys.platform == "darwin" else 1024  # KiB on Linux, bytes on macOS
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
    print(json.dumps({"before": before, "after": after, "rows": len(result)}))


def peak(what: str, path: Path) -> dict[str, int]:
    out = subprocess.run(
        [sys.executable, __file__, "--peak", what, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def alternating_medians(path: Path, runs: int) -> dict[str, float]:
    """Median seconds of each call, run one after the other ``runs`` times (same machine load)."""
    seconds: dict[str, list[float]] = {"read_csv": [], "load_survey": []}
    for _ in range(runs):
        for what, found in seconds.items():
            found.append(median_seconds(lambda what=what: _call(what, path), 1))
    return {what: statistics.median(found) for what, found in seconds.items()}


def ratios(quick: bool = False) -> list[Ratio]:
    """Time and peak memory against ``read_csv`` at each size (targets at 600k: 2x, 1.5x)."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (6_000,) if quick else SIZES:
            path = write_export(Path(tmp), n)
            _call("load_survey", path)  # warm-up
            times = alternating_medians(path, 3 if quick or n >= 600_000 else 5)
            peaks = {what: peak(what, path) for what in times}
            mb = {w: (p["after"] - p["before"]) / 2**20 for w, p in peaks.items()}
            big = n >= 600_000
            label = f"load_survey {n // 1000}k"
            rows += [
                Ratio(
                    f"{label}, time",
                    times["load_survey"],
                    "pandas.read_csv, time",
                    times["read_csv"],
                    2.0 if big else None,
                ),
                Ratio(
                    f"{label}, peak memory",
                    mb["load_survey"],
                    "pandas.read_csv, peak memory",
                    mb["read_csv"],
                    1.5 if big else None,
                    unit="MB",
                ),
            ]
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--peak", nargs=2, metavar=("WHAT", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.peak:
        peak_child(args.peak[0], Path(args.peak[1]))
        return
    print(f"machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}")
    print(f"pandas {pd.__version__}, numpy {np.__version__}")
    header = (
        f"{'respondents':>11} {'MB':>6} {'read_csv s':>10} {'load s':>8} {'time x':>7}"
        f" {'read_csv MB':>11} {'load MB':>8} {'memory x':>8}"
    )
    print(header)
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = write_export(Path(tmp), n)
            _call("load_survey", path)  # warm-up: imports, vocabulary, council registry
            runs = args.runs if n < 600_000 else max(3, args.runs // 2 + 1)
            times = alternating_medians(path, runs)
            peaks = {what: peak(what, path) for what in times}
            mb = {w: (p["after"] - p["before"]) / 2**20 for w, p in peaks.items()}
            print(
                f"{n:>11,} {path.stat().st_size / 2**20:>6.1f} {times['read_csv']:>10.2f}"
                f" {times['load_survey']:>8.2f} {times['load_survey'] / times['read_csv']:>7.2f}"
                f" {mb['read_csv']:>11.0f} {mb['load_survey']:>8.0f}"
                f" {mb['load_survey'] / mb['read_csv']:>8.2f}"
            )
            sys.stdout.flush()
    print(f"time: median of {args.runs} runs (3 at 600k), alternating; memory: the call's own")
    print("peak RSS in a fresh subprocess (VmHWM during the call - VmRSS before it)")


if __name__ == "__main__":
    main()
