"""Time ``load_review`` on the synthetic sample workbook (median of several runs) and print
its row account. Never part of the tests; run ``python benchmarks/bench_load_review.py``."""

from __future__ import annotations

from pathlib import Path

from _timing import median_seconds

from diversity_review.errors import row_account
from diversity_review.load.grid import read_grids
from diversity_review.load.review import load_review

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "raw" / "wlga_review_synthetic.xlsx"
RUNS = 9


def main() -> None:
    counts = load_review(SAMPLE)  # warm-up (imports, registry cache)
    total = median_seconds(lambda: load_review(SAMPLE), RUNS)
    reading = median_seconds(lambda: read_grids(SAMPLE), RUNS)
    print(f"sample: {SAMPLE.name} ({SAMPLE.stat().st_size:,} bytes), {len(counts)} tidy rows")
    print(f"row account: {row_account(counts)}")
    print(f"load_review: median {total * 1000:.1f} ms over {RUNS} runs")
    print(f"  of which read_grids (openpyxl, values + formulas): {reading * 1000:.1f} ms")


if __name__ == "__main__":
    main()
