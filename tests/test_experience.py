"""Experience of office: intervals, cross-tab shares, the title rule, the sample's effects, and
that no hidden cell of a published cross-tab can be worked out from what is published."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diversity_review import load_survey
from diversity_review.experience import TOTAL, crosstab, newcombe_interval
from diversity_review.experience.charts import describe, prepare
from diversity_review.experience.wording import title

SAMPLE = Path(__file__).resolve().parents[1] / "data/raw/member_survey_experience_synthetic.csv"

# Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10 (hybrid score, no
# continuity correction): the published 95% limits for his eight worked examples.
NEWCOMBE_TABLE_II = [
    ((56, 70, 48, 80), (0.0524, 0.3339)),
    ((9, 10, 3, 10), (0.1705, 0.8090)),
    ((6, 7, 2, 7), (0.0582, 0.8062)),
    ((5, 56, 0, 29), (-0.0381, 0.1926)),
    ((0, 10, 0, 20), (-0.1611, 0.2775)),
    ((0, 10, 0, 10), (-0.2775, 0.2775)),
    ((10, 10, 0, 20), (0.6791, 1.0000)),
    ((10, 10, 0, 10), (0.6075, 1.0000)),
]


@pytest.mark.parametrize(("counts", "limits"), NEWCOMBE_TABLE_II)
def test_newcombe_method_10_matches_the_published_examples(counts, limits):
    a, m, b, n = counts
    d, low, high = newcombe_interval(a, m, b, n)
    assert d == pytest.approx(a / m - b / n)
    assert (round(low, 4), round(high, 4)) == pytest.approx(limits, abs=1e-4)


def _wilson(k, n, z=1.959963984540054):
    # by hand, from the formula: (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)
    p = k / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - half) / (1 + z * z / n), (centre + half) / (1 + z * z / n)


def _frame(groups: dict[str, tuple[int, int]]) -> pd.DataFrame:
    rows = []
    for g, (yes, no) in groups.items():
        rows += [{"sex": g, "abuse_online": True}] * yes + [{"sex": g, "abuse_online": False}] * no
    return pd.DataFrame(rows).astype({"abuse_online": "boolean"})


def test_crosstab_counts_shares_wilson_and_difference_by_hand():
    table = crosstab(_frame({"Female": (14, 6), "Male": (9, 21)}), "abuse_online", by="sex")
    female, male, total = (table[table["group"] == g].iloc[0] for g in ("Female", "Male", TOTAL))
    assert (female["count"], female["base"], female["share"]) == (14, 20, 0.7)
    assert (male["count"], male["base"], male["share"]) == (9, 30, 0.3)
    assert (total["count"], total["base"]) == (23, 50)
    assert (female["ci_low"], female["ci_high"]) == pytest.approx(_wilson(14, 20))
    assert (male["ci_low"], male["ci_high"]) == pytest.approx(_wilson(9, 30))
    # Female vs Male by hand: d = 0.4; limits from the two Wilson intervals
    (l1, u1), (l2, u2) = _wilson(14, 20), _wilson(9, 30)
    low = 0.4 - math.sqrt((0.7 - l1) ** 2 + (u2 - 0.3) ** 2)
    high = 0.4 + math.sqrt((u1 - 0.7) ** 2 + (0.3 - l2) ** 2)
    assert female["difference"] == pytest.approx(0.4)
    assert (female["diff_low"], female["diff_high"]) == pytest.approx((low, high))
    assert female["note"] == "" and male["difference"] == pytest.approx(-0.4)


def test_a_difference_whose_interval_includes_zero_is_noted():
    table = crosstab(_frame({"Female": (10, 10), "Male": (11, 9)}), "abuse_online", by="sex")
    female = table[table["group"] == "Female"].iloc[0]
    assert female["diff_low"] < 0 < female["diff_high"]
    assert female["note"] == "difference not distinguishable from zero"


def test_small_cells_are_hidden_with_their_complements_and_the_difference():
    table = crosstab(_frame({"Female": (2, 20), "Male": (15, 15)}), "abuse_online", by="sex")
    female = table[table["group"] == "Female"].iloc[0]
    male = table[table["group"] == "Male"].iloc[0]
    assert pd.isna(female["count"]) and pd.isna(female["share"])
    # the total (17) is published, so Male's 15 would give Female's 2 away: hidden too
    assert pd.isna(male["count"]) and female["base"] == 22
    assert table["difference"].isna().all()


def test_title_states_a_finding_only_where_the_interval_supports_it():
    assert title("Female", "online abuse", 0.01, 0.30).startswith("Female respondents more often")
    assert title("Female", "online abuse", -0.30, -0.01).startswith("Female respondents less often")
    for low, high in ((-0.01, 0.30), (-0.30, 0.0), (0.0, 0.2)):
        words = title("Female", "online abuse", low, high)
        assert "no clear difference" in words and "more often" not in words
    assert "not shown" in title("Female", "online abuse", None, None)


def test_the_sample_finds_the_real_difference_and_does_not_claim_the_null_one():
    respondents = load_survey(SAMPLE)
    assert respondents.attrs["synthetic"]
    by_sex = crosstab(respondents, "abuse_online", by="sex")
    female = by_sex[by_sex["group"] == "Female"].iloc[0]
    assert female["diff_low"] > 0  # built in: women 70%, men 45%
    head, alt = describe(prepare(by_sex, "online abuse"))
    assert "more often reported online abuse" in head and "above zero" in alt
    by_disability = crosstab(respondents, "abuse_online", by="disability")
    disabled = by_disability[by_disability["group"] == "Disabled"].iloc[0]
    assert disabled["diff_low"] < 0 < disabled["diff_high"]  # built in: no difference
    head, _ = describe(prepare(by_disability, "online abuse"))
    assert "no clear difference" in head


# --- the property: no hidden cell can be worked out --------------------------------------


def _candidates(row: pd.Series, grand: int) -> set[tuple[int, int]]:
    """(base, count) pairs a group can hold, given what is published of it."""
    bases = [int(row["base"])] if not pd.isna(row["base"]) else range(grand + 1)
    return {
        (b, y)
        for b in bases
        for y in ([int(row["count"])] if not pd.isna(row["count"]) else range(b + 1))
    }


def _sumset(sets: list[set[tuple[int, int]]], grand: int) -> set[tuple[int, int]]:
    out = {(0, 0)}
    for s in sets:
        out = {(b + c, y + z) for b, y in out for c, z in s if b + c <= grand}
    return out


def _feasible(table: pd.DataFrame, totals: set[int] | None) -> dict[str, set]:
    """Every value each hidden cell (group's count or base, the total count) can take, given
    the table's published cells, the grand total and ``totals`` (the outcome's total as other
    tables allow). A dynamic programme over (base, count) sums: exact, no solver."""
    total = table[table["group"] == TOTAL].iloc[0]
    grand = int(total["base"])
    rows = [r for _, r in table.iterrows() if r["group"] != TOTAL]
    cands = [_candidates(r, grand) for r in rows]
    allowed = {int(total["count"])} if not pd.isna(total["count"]) else set(range(grand + 1))
    if totals is not None:
        allowed &= totals
    found: dict[str, set] = {TOTAL: set()}
    for i, r in enumerate(rows):
        others = _sumset(cands[:i] + cands[i + 1 :], grand)
        ok = {(b, y) for b, y in cands[i] for t in allowed if (grand - b, t - y) in others}
        found[r["group"]] = ok
        found[TOTAL] |= {t for b, y in ok for t in allowed if (grand - b, t - y) in others}
    return found


def _recoverable(tables: list[pd.DataFrame]) -> list[str]:
    """Hidden cells that can take one value only, the tables solved jointly (they share the
    grand total and the number of respondents reporting the outcome)."""
    common = set.intersection(*(_feasible(t, None)[TOTAL] for t in tables))
    found = []
    for table in tables:
        values = _feasible(table, common)
        for _, r in table.iterrows():
            hidden = pd.isna(r["count"]) or pd.isna(r["base"])
            if hidden and len(values[r["group"]]) == 1:
                found.append(f"{r['characteristic']}:{r['group']}")
    return found


_cells = st.tuples(st.integers(0, 5), st.integers(0, 5))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_cells, st.sampled_from(["A", "B", "C"])), min_size=2, max_size=3))
def test_no_hidden_cell_can_be_recovered_from_the_published_tables(spec):
    rows = []
    for i, ((yes, no), _) in enumerate(spec):
        for k in range(yes + no):
            rows.append({"sex": f"S{i}", "abuse_online": k < yes, "political_group": None})
    frame = pd.DataFrame(rows)
    if frame.empty:
        return
    # political groups assigned in turn, a second characteristic of the same respondents
    frame["political_group"] = [spec[j % len(spec)][1] for j in range(len(frame))]
    frame["abuse_online"] = frame["abuse_online"].astype("boolean")
    tables = [
        crosstab(frame, "abuse_online", by="sex"),
        crosstab(frame, "abuse_online", by="political_group"),
    ]
    assert _recoverable(tables) == []


def test_the_recovery_check_finds_a_cell_that_its_total_gives_away():
    # an unprotected table: one hidden count beside a published total is recoverable
    table = pd.DataFrame(
        {
            "characteristic": "sex",
            "group": ["Female", "Male", TOTAL],
            "count": pd.array([pd.NA, 15, 17], dtype="Int64"),
            "base": [22, 30, 52],
        }
    )
    assert _recoverable([table]) == ["sex:Female"]
