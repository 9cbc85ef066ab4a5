"""``breakdown`` of 1,000,000 survey respondents against a bare pandas groupby of the same counts.

The respondents are synthetic (fixed seed), in the survey loader's contract: ``survey_year``
(Int64, two years), ``council_code`` (str: the 22 councils, 1% with no council) and ``sex`` and
``age`` as categoricals with "Prefer not to say" and 4% unanswered (NA).

- **breakdown**: ``breakdown(respondents, measure)`` (per council and Wales, with shares and
  Wilson intervals);
- **bare groupby**: the same counts with plain pandas and nothing else: one groupby of the
  respondents per year, council and answer, missing council and answer included (the Wales
  row, the bases and the exclusions all follow from it).

Both are timed in turn in this one process (medians of several runs) and printed side by side
with their ratio. Never part of the tests: run ``python benchmarks/bench_breakdown.py``
(``--size 100000`` for a quick look).
"""

from __future__ import annotations

import argparse
import platform

import numpy as np
import pandas as pd
from _timing import alternating_medians

from diversity_review.analysis import breakdown
from diversity_review.councils import councils

SEED = 1000
SIZE = 1_000_000
RUNS = 5
ANSWERS = {
    "sex": ["Female", "Male", "Prefer not to say"],
    "age": ["18-29", "30-44", "45-59", "60-74", "75+", "Prefer not to say"],
}


def respondents(n: int, seed: int = SEED) -> pd.DataFrame:
    """``n`` synthetic respondents in the survey contract (vectorised, fixed seed)."""
    rng = np.random.default_rng(seed)
    codes = np.array([*councils()["council_code"], None], dtype=object)
    weights = np.array([0.99 / (len(codes) - 1)] * (len(codes) - 1) + [0.01])
    frame = pd.DataFrame(
        {
            "survey_year": pd.array(rng.choice([2022, 2023], size=n), dtype="Int64"),
            "council_code": pd.array(rng.choice(codes, size=n, p=weights), dtype="str"),
        }
    )
    for measure, groups in ANSWERS.items():
        picked = rng.integers(0, len(groups), size=n)
        picked[rng.random(n) < 0.04] = -1  # unanswered
        frame[measure] = pd.Categorical.from_codes(picked, categories=groups)
    return frame


def bare_groupby(data: pd.DataFrame, measure: str) -> pd.Series:
    """The same counts with one bare groupby: respondents per year, council and answer."""
    keys = ["survey_year", "council_code", measure]
    return data.groupby(keys, dropna=False, observed=True).size()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=SIZE)
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    data = respondents(args.size)
    print(f"machine: {platform.machine()} {platform.system()}, Python {platform.python_version()}")
    print(f"{args.size:,} respondents; medians of {args.runs} runs, in turn in one process")
    print(f"{'measure':<8} {'breakdown':>12} {'bare groupby':>14} {'ratio':>7}")
    for measure in ANSWERS:
        check_same_counts(data, measure)
        times = alternating_medians(
            {
                "breakdown": lambda m=measure: breakdown(data, m),
                "bare": lambda m=measure: bare_groupby(data, m),
            },
            args.runs,
        )
        ours, bare = times["breakdown"], times["bare"]
        print(f"{measure:<8} {ours * 1000:>9.0f} ms {bare * 1000:>11.0f} ms {ours / bare:>6.2f}x")


def check_same_counts(data: pd.DataFrame, measure: str) -> None:
    """Both sides count the same respondents (so the ratio compares like with like)."""
    out = breakdown(data, measure, include_not_stated=True).set_index(
        ["survey_year", "council_code", "group"]
    )["count"]
    bare = bare_groupby(data, measure).rename_axis(["survey_year", "council_code", "group"])
    answered = bare[bare.index.get_level_values("group").notna()]
    councils_ = answered[answered.index.get_level_values("council_code").notna()]
    wales = answered.groupby(level=["survey_year", "group"], observed=True).sum()
    for (year, code, group), count in councils_.items():
        assert out[(year, code, group)] == count
    for (year, group), count in wales.items():
        assert out[(year, "W92000004", group)] == count


if __name__ == "__main__":
    main()
