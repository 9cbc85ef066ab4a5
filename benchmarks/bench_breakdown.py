"""``breakdown`` of 1,000,000 survey respondents against a bare pandas groupby of the same counts.

The respondents (fixed seed; 22 councils, one survey year, an ethnicity-like categorical with
"Prefer not to say" and skipped answers) are made once; each run times ``breakdown(data,
"ethnicity")`` and, alternately, the bare computation of the same numbers: a groupby of
council and answer plus one of the answer for Wales (counts only, no base, shares, intervals,
order or dtypes). Never part of the tests; run ``python benchmarks/bench_breakdown.py``.
"""

from __future__ import annotations

import statistics

import numpy as np
import pandas as pd
from _timing import Ratio, median_seconds

from diversity_review.analysis import breakdown
from diversity_review.councils import councils

SEED = 1000
SIZE = 1_000_000
GROUPS = ["White", "Mixed", "Asian", "Black", "Other", "Prefer not to say"]
WEIGHTS = [0.9, 0.02, 0.03, 0.01, 0.01, 0.03]


def respondents(n: int = SIZE, seed: int = SEED) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    codes = councils()["council_code"].to_numpy()
    answers = rng.choice(np.array(GROUPS, dtype=object), size=n, p=WEIGHTS)
    answers[rng.random(n) < 0.03] = None  # skipped
    return pd.DataFrame(
        {
            "survey_year": pd.array(np.full(n, 2024), dtype="Int64"),
            "council_code": pd.Series(rng.choice(codes, size=n), dtype="str"),
            "ethnicity": pd.Categorical(answers, categories=GROUPS),
        }
    )


def bare(data: pd.DataFrame) -> pd.Series:
    """The same counts, the plainest way: per council and answer, and per answer for Wales."""
    keys = ["survey_year", "council_code", "ethnicity"]
    per_council = data.groupby(keys, observed=True).size()
    wales = data.groupby(["survey_year", "ethnicity"], observed=True).size()
    return pd.concat([per_council, wales])


def ratios(quick: bool = False) -> list[Ratio]:
    data = respondents(SIZE // 10 if quick else SIZE)
    breakdown(data, "ethnicity")  # warm-up
    ours, theirs = [], []
    for _ in range(3 if quick else 7):  # alternate: both see the same machine load
        ours.append(median_seconds(lambda: breakdown(data, "ethnicity"), 1))
        theirs.append(median_seconds(lambda: bare(data), 1))
    label = f"breakdown {len(data) // 1000:,}k respondents"
    return [Ratio(label, statistics.median(ours), "bare groupby", statistics.median(theirs), 2.0)]


if __name__ == "__main__":
    for row in ratios():
        print(row)
