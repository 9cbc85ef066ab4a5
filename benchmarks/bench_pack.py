"""Time the whole benchmark pack on the bundled samples (both languages), the officer's
"regenerated in seconds" promise. Never part of the tests.
Run ``python benchmarks/bench_pack.py``."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

from _timing import median_seconds

from diversity_review.report import build_pack

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
RUNS = 3


def main() -> None:
    reviews = [RAW / "wlga_review_synthetic.xlsx"]
    surveys = [RAW / "member_survey_synthetic.csv"]
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        summary = build_pack(reviews=reviews, surveys=surveys, out=Path(tmp))  # warm-up
        whole = median_seconds(
            lambda: build_pack(reviews=reviews, surveys=surveys, out=Path(tmp)), RUNS
        )
        english = median_seconds(
            lambda: build_pack(reviews=reviews, surveys=surveys, out=Path(tmp), langs=["en"]), RUNS
        )
    print(f"pack: {len(summary.files)} files, elections {summary.elections}")
    print(f"build_pack en+cy: median {whole:.2f} s over {RUNS} runs")
    print(f"build_pack en only: median {english:.2f} s over {RUNS} runs")


if __name__ == "__main__":
    main()
