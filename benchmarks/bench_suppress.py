"""Time ``breakdown`` and ``suppress`` on a review-sized table (22 councils, several measures and
elections, random counts with a fixed seed) and print how many cells each rule hid. Never part
of the tests; run ``python benchmarks/bench_suppress.py``."""

from __future__ import annotations

import numpy as np
import pandas as pd
from _timing import median_seconds

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


if __name__ == "__main__":
    main()
