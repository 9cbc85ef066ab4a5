"""The tidy frame built from each table's rows and columns (``frame_of``) is the frame built
count by count (``frame`` over ``Records``), for random tables: councils in any order, columns
of known and unknown groups in any order, several tables, bounds on some suppressed cells.

The expected order is written here from the contract (election, council code, the measure's
and group's canonical places, then the order read), not taken from either function.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from diversity_review.categories import MEASURES
from diversity_review.load.review.tidy import (
    COLUMNS,
    Block,
    Records,
    frame,
    frame_of,
    frame_of_arrays,
)

CODES = [f"W0600000{i}" for i in range(1, 10)]
KNOWN = [(m, g) for m, spec in MEASURES.items() for g in spec.groups][:12]
UNKNOWN = [("sex", "Other A"), ("sex", "Other B"), ("age", "Other C")]


@st.composite
def blocks(draw) -> list[Block]:
    out = []
    for _ in range(draw(st.integers(1, 3))):
        year = draw(st.sampled_from([2017, 2022, 2027]))
        codes = draw(st.lists(st.sampled_from(CODES), min_size=1, max_size=5, unique=True))
        keys = draw(st.lists(st.sampled_from(KNOWN + UNKNOWN), min_size=1, max_size=6))
        n, k = len(codes), len(keys)
        counts = draw(st.lists(st.none() | st.integers(0, 40), min_size=n * k, max_size=n * k))
        hidden = draw(st.lists(st.booleans(), min_size=n * k, max_size=n * k))
        block = Block(
            [year] * n,
            codes,
            [m for m, _ in keys],
            [g for _, g in keys],
            counts,
            [50] * (n * k),
            hidden,
            [f"f.xlsx!S{len(out)}!{j}:{i}" for j in range(k) for i in range(n)],
            {i: (1, 4) for i, h in enumerate(hidden) if h},
        )
        out.append(block)
    return out


def _expected_sources(parts: list[Block]) -> list[str]:
    """The sources in key order, sorted here from the contract."""
    measures = list(MEASURES)
    keyed = []
    for t, b in enumerate(parts):
        n, k = len(b.codes), len(b.measures)
        for j in range(k):
            m, g = b.measures[j], b.groups[j]
            groups = list(MEASURES[m].groups) if m in MEASURES else []
            mp = measures.index(m) if m in measures else len(measures)
            gp = groups.index(g) if g in groups else 99
            for i in range(n):
                keyed.append(((b.years[i], b.codes[i], mp, gp, t, i * k + j), b.source[j * n + i]))
    return [s for _, s in sorted(keyed)]


@settings(max_examples=150, deadline=None)
@given(blocks())
def test_rows_and_columns_give_the_frame_of_counts_one_by_one(parts):
    fast = frame_of(parts)
    rows = [(y, c) for b in parts for y, c in zip(b.years, b.codes, strict=True)]
    twice = any(len(set(zip(b.measures, b.groups, strict=True))) < len(b.measures) for b in parts)
    assert (fast is None) == (len(set(rows)) < len(rows) or twice)
    general = frame(Records.concat([b.records() for b in parts]))
    assert general["source"].tolist() == _expected_sources(parts)
    if fast is not None:
        pd.testing.assert_frame_equal(fast, general)
        assert fast.attrs["bounds"] == general.attrs["bounds"]
        assert list(fast.attrs["bounds"]) == list(general.attrs["bounds"])


def test_frame_of_arrays_is_the_public_constructors_frame(monkeypatch):
    """The frame made by pandas' private array constructor equals the one pandas' public
    constructor makes from the same arrays (and that is what a pandas without it gives)."""
    arrays = [
        pd.array([2022, 2022, 2017], dtype="Int64"),
        pd.array(["W06000001", "W06000002", "W06000001"], dtype="str"),
        pd.array(["Isle of Anglesey", "Gwynedd", "Isle of Anglesey"], dtype="str"),
        pd.array(["sex", "sex", "age"], dtype="str"),
        pd.array(["Female", "Male", "60+"], dtype="str"),
        pd.array([3, None, 0], dtype="Int64"),
        pd.array([30, 30, None], dtype="Int64"),
        pd.Series([False, True, False]).to_numpy(),
        pd.array(["f.xlsx!S!D2", "f.xlsx!S!D3", "f.xlsx!T!E2"], dtype="str"),
    ]
    public = pd.DataFrame(dict(zip(COLUMNS, arrays, strict=True)))
    fast = frame_of_arrays(arrays)
    pd.testing.assert_frame_equal(fast, public)
    monkeypatch.delattr(pd.DataFrame, "_from_arrays")
    pd.testing.assert_frame_equal(frame_of_arrays(arrays), public)
    assert fast["count"].isna().tolist() == [False, True, False]
