"""Time the whole benchmark pack on the bundled samples, the officer's "regenerated in
seconds" promise: both languages with the charts drawn serially (``jobs=1``) and by a pool over
the available cores, wall time and CPU time (this process and its workers), and English alone.
Never part of the tests. Run ``python benchmarks/bench_pack.py``."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
import warnings
from pathlib import Path

from diversity_review.pack import build_pack
from diversity_review.pack.render import available_cores

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
RUNS = 3
REVIEWS = [RAW / "wlga_review_synthetic.xlsx"]
SURVEYS = [RAW / "member_survey_synthetic.csv"]


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the chart workers)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _measure(out: Path, runs: int, **kwargs) -> tuple[float, float]:
    """Median wall and CPU seconds of ``runs`` builds."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), _cpu()
        build_pack(reviews=REVIEWS, surveys=SURVEYS, out=out, **kwargs)
        walls.append(time.perf_counter() - wall)
        cpus.append(_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    cores = available_cores()
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = Path(tmp)
        summary = build_pack(reviews=REVIEWS, surveys=SURVEYS, out=out)  # warm-up
        rows = [
            ("en+cy, serial (jobs=1)", _measure(out, RUNS, jobs=1)),
            (f"en+cy, parallel ({cores} cores)", _measure(out, RUNS)),
            (f"en only, parallel ({cores} cores)", _measure(out, RUNS, langs=["en"])),
        ]
    print(f"pack: {len(summary.files)} files, elections {summary.elections}; medians of {RUNS}")
    serial_wall = rows[0][1][0]
    for label, (wall, cpu) in rows:
        print(
            f"build_pack {label:<28} wall {wall:5.2f} s  cpu {cpu:5.2f} s  "
            f"({serial_wall / wall:.2f}x serial wall)"
        )


if __name__ == "__main__":
    main()
