"""Time ``load_review`` on the synthetic sample workbook (median of several runs) and print
its row account. Never part of the tests; run ``python benchmarks/bench_load_review.py``."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from diversity_review.errors import row_account
from diversity_review.load._reader import read_grids
from diversity_review.load.review import load_review

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "raw" / "wlga_review_synthetic.xlsx"
RUNS = 9


def _median_seconds(func, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    counts = load_review(SAMPLE)  # warm-up (imports, registry cache)
    total = _median_seconds(lambda: load_review(SAMPLE))
    reading = _median_seconds(lambda: read_grids(SAMPLE))
    print(f"sample: {SAMPLE.name} ({SAMPLE.stat().st_size:,} bytes), {len(counts)} tidy rows")
    print(f"row account: {row_account(counts)}")
    print(f"load_review: median {total * 1000:.1f} ms over {RUNS} runs")
    print(f"  of which read_grids (openpyxl, values + formulas): {reading * 1000:.1f} ms")


if __name__ == "__main__":
    main()
