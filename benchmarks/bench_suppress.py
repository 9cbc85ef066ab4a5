"""Time ``breakdown`` and ``suppress`` on a review-sized table (22 councils, several measures and
elections, random counts with a fixed seed) and print how many cells each rule hid; then time
``suppress`` on councils x 30 groups (22, 100 and 380 councils, many small counts) and print
the times, their ratios and the fitted growth exponent (time ~ cells ** k). Never part of the
tests; run ``python benchmarks/bench_suppress.py``."""

from __future__ import annotations

import numpy as np
import pandas as pd
from _timing import Ratio, median_seconds

from diversity_review.analysis import breakdown
from diversity_review.councils import councils
from diversity_review.disclosure import suppress

RUNS = 7
MEASURES = {
    "sex": (["Female", "Male", "Not known"], [0.36, 0.63, 0.01]),
    "ethnicity": (["White", "Ethnic minority", "Not known"], [0.93, 0.02, 0.05]),
    "age": (["Under 40", "40-59", "60+", "Not known"], [0.12, 0.35, 0.45, 0.08]),
    "disability": (["Disabled", "Not disabled", "Not known"], [0.10, 0.60, 0.30]),
    "welsh_language": (["Welsh speaker", "Not Welsh speaker", "Not known"], [0.3, 0.5, 0.2]),
}


def review_counts(seed: int = 2022) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    table = councils()
    rows = []
    for election in (2017, 2022):
        for code, name, seats in table[["council_code", "name_en", "seats_2022"]].itertuples(
            index=False
        ):
            for measure, (groups, p) in MEASURES.items():
                for group, n in zip(groups, rng.multinomial(seats, p), strict=True):
                    rows.append((election, code, name, measure, group, int(n), int(seats)))
    frame = pd.DataFrame(
        rows, columns=["election", "council_code", "council", "measure", "group", "count", "base"]
    )
    return frame.astype({"election": "Int64", "count": "Int64", "base": "Int64"})


def wide_table(n_councils: int, n_groups: int = 30, seed: int = 380) -> pd.DataFrame:
    """``n_councils`` x ``n_groups`` counts (40-90 members each, skewed group sizes: about a
    third of the counts are below 5) with their Wales row."""
    rng = np.random.default_rng(seed)
    p = rng.dirichlet(np.full(n_groups, 0.8))
    seats = rng.integers(40, 91, n_councils)
    counts = np.array([rng.multinomial(s, p) for s in seats])
    counts = np.vstack([counts, counts.sum(axis=0)])
    codes = [f"W{600000 + i:08d}" for i in range(n_councils)] + ["W92000004"]
    frame = pd.DataFrame(
        {
            "council_code": np.repeat(codes, n_groups),
            "group": np.tile([f"g{j:02d}" for j in range(n_groups)], n_councils + 1),
            "count": counts.ravel(),
            "base": np.repeat(counts.sum(axis=1), n_groups),
        }
    )
    return frame.astype({"count": "Int64", "base": "Int64"})


def growth() -> None:
    """``suppress`` at 22x30, 100x30 and 380x30, with ratios and the growth exponent."""
    sizes, times = [], []
    print("suppress on councils x 30 groups (one run; other agents share the CPU):")
    for n in (22, 100, 380):
        frame = wide_table(n)
        seconds = median_seconds(lambda f=frame: suppress(f), 3 if n < 380 else 1)
        out = suppress(frame)
        tally = out["suppression"].value_counts()
        sizes.append(len(frame))
        times.append(seconds)
        ratio = f"{seconds / times[0]:6.1f}x" if len(times) > 1 else "   1.0x"
        print(
            f"  {n:>3} x 30 ({len(frame):>5} cells): {seconds * 1000:8.1f} ms  {ratio}  "
            f"hidden {tally.get('primary', 0)} primary + {tally.get('secondary', 0)} secondary"
        )
    k = np.polyfit(np.log(sizes), np.log(times), 1)[0]
    print(f"  growth exponent (log time on log cells): {k:.2f}")


def ratios(quick: bool = False) -> list[Ratio]:
    """For ``make bench``: 380x30 against 2 s, 380x30 against 100x30 with the growth exponent
    (quadratic growth would be (380/100)^2 = 14.4x)."""
    sizes, times = [], []
    for n in (22, 100, 380):
        frame = wide_table(n)
        times.append(median_seconds(lambda f=frame: suppress(f), 1 if quick or n == 380 else 3))
        sizes.append(len(frame))
    k = float(np.polyfit(np.log(sizes), np.log(times), 1)[0])
    return [
        Ratio("suppress 380x30", times[2], "2 s (issue 13 target)", 2.0, 1.0),
        Ratio(
            f"suppress 380x30 (growth exponent {k:.2f})",
            times[2],
            "suppress 100x30",
            times[1],
            (380 / 100) ** 2,
        ),
        Ratio("suppress 22x30", times[0], "2 s", 2.0),
    ]


def main() -> None:
    counts = review_counts()
    shares = pd.concat([breakdown(counts, m, ci=True) for m in MEASURES], ignore_index=True)
    out = suppress(shares)
    made = median_seconds(lambda: [breakdown(counts, m, ci=True) for m in MEASURES], RUNS)
    hid = median_seconds(lambda: suppress(shares), RUNS)
    print(f"table: {len(shares)} cells ({len(MEASURES)} measures x 2 elections x 23 rows)")
    print(f"breakdown (5 measures, with CIs): median {made * 1000:.1f} ms over {RUNS} runs")
    print(f"suppress: median {hid * 1000:.1f} ms over {RUNS} runs")
    tally = out["suppression"].value_counts()
    print(
        f"hidden: {tally.get('primary', 0)} primary + {tally.get('secondary', 0)} secondary "
        f"of {len(out)} cells; Wales cells hidden: "
        f"{int(out.loc[out['council_code'] == 'W92000004', 'suppressed'].sum())}"
    )
    growth()


if __name__ == "__main__":
    main()
