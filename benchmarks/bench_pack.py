"""Time the whole benchmark pack on the bundled samples, the officer's "regenerated in
seconds" promise: both languages with the charts drawn serially (``jobs=1``) and by a pool over
the available cores, wall time and CPU time (this process and its workers), and English alone.
Never part of the tests. Run ``python benchmarks/bench_pack.py``.

``ratios()`` (for ``make bench``) times the pack as the officer runs it - a whole
``diversity-review report`` process, en+cy, charts over the available cores - against the
rendering floor (:mod:`floor`: the same figures at the same sizes and formats and the same
CSVs, drawn serially by matplotlib and written by pandas in one process), alternating runs:
CPU against the floor's CPU, and wall time against the floor's single-core wall time."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
import warnings
from pathlib import Path

from _timing import Ratio, run_process

from diversity_review.pack import build_pack
from diversity_review.pack.render import available_cores

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
RUNS = 3
REVIEWS = [RAW / "wlga_review_synthetic.xlsx"]
SURVEYS = [RAW / "member_survey_synthetic.csv"]
FLOOR = Path(__file__).resolve().parent / "floor.py"


def _report_argv(out: Path) -> list[str]:
    inputs = [a for p in REVIEWS for a in ("--review", str(p))]
    inputs += [a for p in SURVEYS for a in ("--survey", str(p))]
    return ["-m", "diversity_review.cli", "report", *inputs, "--out", str(out), "--quiet"]


def ratios(quick: bool = False) -> list[Ratio]:
    """The pack against its rendering floor, whole processes, medians of alternating runs."""
    runs = 1 if quick else RUNS
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        run_process(_report_argv(tmp / "reference"))  # warm-up, and the floor's model
        pack, floor = [], []
        for i in range(runs):
            pack.append(run_process(_report_argv(tmp / f"pack{i}")))
            floor.append(run_process([str(FLOOR), str(tmp / "reference"), str(tmp / f"floor{i}")]))
    cores = available_cores()
    wall = statistics.median(w for w, _ in pack), statistics.median(w for w, _ in floor)
    cpu = statistics.median(c for _, c in pack), statistics.median(c for _, c in floor)
    return [
        Ratio("pack en+cy, CPU", cpu[0], "rendering floor, CPU", cpu[1], 1.2),
        Ratio(
            f"pack en+cy, wall ({cores} cores)", wall[0], "rendering floor, 1 core", wall[1], 1.0
        ),
    ]


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
