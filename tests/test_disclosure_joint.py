"""Pack-wide disclosure control, attacked with every published table at once.

The attacker here is written from the published frames alone, independently of the package: a
linear programme (scipy's HiGHS) over every ``[c]`` cell of every table, where a quantity
published in two tables is one unknown, with every sum a reader can form (rows to their bases,
councils and "Council not given" to Wales, executive members within all members), and the
reader's bounds (at least 1 where zeros are published unless the row's base is small or its
whole row is hidden; at most the base).
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attack_lp import ranges
from diversity_review.disclosure import (
    NOT_GIVEN_CODE,
    add_not_given,
    protect,
    suppress,
    suppress_crosstab,
)
from diversity_review.load.review import load_review
from diversity_review.load.survey import load_survey
from diversity_review.pack.config import PackConfig
from diversity_review.pack.tables import pack_tables
from helpers import SAMPLE_REVIEW, SAMPLE_SURVEY

WALES = "W92000004"
A, B, C = "W06000001", "W06000002", "W06000003"
SEX = ["Female", "Male", "Not known"]
EXEMPT = {"Not known", "Prefer not to say"}
PUBLIC = {"uncontested", "leader_sex"}  # seats won unopposed; councils' leaders
THRESHOLD = 5


def tidy(rows: dict[str, list[int]], groups, *, wales: bool = True, **columns) -> pd.DataFrame:
    """One row per council and group; base = the row's sum; a Wales row of the column sums."""
    if wales:
        rows = {**rows, WALES: [sum(col) for col in zip(*rows.values(), strict=True)]}
    records = [
        (code, g, n, sum(counts))
        for code, counts in rows.items()
        for g, n in zip(groups, counts, strict=True)
    ]
    frame = pd.DataFrame(records, columns=["council_code", "group", "count", "base"])
    frame = frame.astype({"count": "Int64", "base": "Int64"})
    return frame.assign(**columns)


def key(row, name: str) -> tuple:
    """The quantity a published row gives (the attacker's own identification)."""
    measure = row.get("measure")
    if name.startswith("roles"):
        scopes = {"All members": "sex", "Executive": "executive_sex", "Leader": "leader_sex"}
        measure = scopes[row["scope"]]
    period = row.get("election", row.get("survey_year"))
    return (str(measure), int(period), row["council_code"], row["group"])


def attack(published: dict[str, pd.DataFrame], truth: dict[str, pd.DataFrame]):
    """``{key: (least, greatest, true value, primary)}`` for every hidden quantity."""
    hidden, known, true, rows_of = {}, {}, {}, []
    truth = {n: t[t["count"].notna().to_numpy()] for n, t in truth.items()}  # as published
    published = {n: f.loc[truth[n].index] for n, f in published.items()}
    for name, frame in published.items():
        for (_, t), (_, p) in zip(truth[name].iterrows(), frame.iterrows(), strict=True):
            k = key(t, name)
            true[k] = int(t["count"])
            if pd.isna(p["count"]):
                hidden.setdefault(k, len(hidden))
            else:
                assert int(p["count"]) == true[k]
                known[k] = true[k]
        rows_of.append((name, truth[name], frame))
    assert not set(hidden) & set(known), "a quantity is hidden in one table, shown in another"
    eq, rhs, low = [], [], {k: 1.0 for k in hidden}
    add = _adder(hidden, known, eq, rhs)
    for name, t, _ in rows_of:
        block = [c for c in ("election", "survey_year", "measure", "scope") if c in t.columns]
        for _, part in t.groupby([*block, "council_code"], sort=False):
            keys = [key(r, name) for _, r in part.iterrows()]
            base = int(part["base"].iloc[0])
            one_group = t["group"].nunique() == 1  # the other groups are not published
            if part["count"].sum() == base and (part["base"] == base).all() and not one_group:
                add(keys, [1.0] * len(keys), base)
            if 0 < base < THRESHOLD or all(k in hidden for k in keys):
                low.update({k: 0.0 for k in keys if k in hidden})
        for _, part in t.groupby([*block, "group"], sort=False):
            wales = part["council_code"] == WALES
            if (
                wales.any()
                and (~wales).sum()
                and part.loc[~wales, "count"].sum() == part.loc[wales, "count"].sum()
            ):
                keys = [key(r, name) for _, r in part.iterrows()]
                add(keys, [-1.0 if w else 1.0 for w in wales], 0)
                if all(k in hidden for k, b in zip(keys, part["base"], strict=True) if b):
                    low.update({k: 0.0 for k in keys if k in hidden})  # a whole column hidden
    ub, ub_rhs = _executive_within_members(hidden, true)
    bases = {key(r, n): int(r["base"]) for n, t in truth.items() for _, r in t.iterrows()}
    bounds = [(low[k], bases[k]) for k in hidden]
    found = {}
    ends = ranges(
        hidden.values(),
        n=len(hidden),
        a_ub=ub,
        b_ub=ub_rhs,
        a_eq=np.array(eq),
        b_eq=rhs,
        bounds=bounds,
    )  # fmt: skip  (the truth is feasible: an infeasible programme fails)
    for k, (least, greatest) in zip(hidden, ends, strict=True):
        found[k] = (np.ceil(least - 1e-7), np.floor(greatest + 1e-7), true[k])
    return found


def _adder(hidden, known, eq, rhs):
    def add(keys, coefs, total):
        row = np.zeros(len(hidden))
        for k, a in zip(keys, coefs, strict=True):
            if k in hidden:
                row[hidden[k]] += a
            else:
                total -= a * known[k]
        if row.any():
            eq.append(row)
            rhs.append(total)

    return add


def _executive_within_members(hidden, true):
    rows, rhs = [], []
    for k in true:
        if k[0] != "executive_sex":
            continue
        whole = ("sex", *k[1:])
        if whole not in true or (k not in hidden and whole not in hidden):
            continue
        row, total = np.zeros(len(hidden)), 0.0
        for q, s in ((k, 1.0), (whole, -1.0)):
            if q in hidden:
                row[hidden[q]] = s
            else:
                total -= s * true[q]
        rows.append(row)
        rhs.append(total)
    return (np.array(rows), np.array(rhs)) if rows else (None, None)


def small_pack():
    """Councils A, B, C: A has 2 women and 1 member whose sex is not known, and 3 women in
    2017; an executive table; a roles table of Wales by sex; a survey of which 3 respondents
    gave no council (2 of them disabled)."""
    sex22 = tidy({A: [2, 40, 1], B: [22, 20, 0], C: [21, 40, 0]}, SEX, election=2022, measure="sex")
    sex17 = tidy({A: [3, 39, 1], B: [18, 31, 1], C: [22, 30, 0]}, SEX, election=2017, measure="sex")
    executive = tidy({A: [1, 8, 0], B: [4, 5, 0], C: [6, 4, 0]}, SEX, election=2022)
    executive = executive.assign(measure="executive_sex")
    wales = pd.concat([sex22, executive.assign(measure=None)])
    roles = wales[wales["council_code"] == WALES].drop(columns="measure")
    roles = roles.assign(scope=["All members"] * 3 + ["Executive"] * 3).reset_index(drop=True)
    survey = tidy({A: [3, 17], B: [6, 14]}, ["Disabled", "Not disabled"], wales=False)
    survey = pd.concat([survey, tidy({WALES: [11, 32]}, ["Disabled", "Not disabled"], wales=False)])
    survey = add_not_given(survey.assign(survey_year=2023, measure="disability"))
    return {
        "councillors_sex_2022": sex22,
        # the change table's two elections, as tidy views (one per election)
        "change#2017": sex17[sex17["group"] == "Female"].reset_index(drop=True),
        "change#2022": sex22[sex22["group"] == "Female"].reset_index(drop=True),
        "executive_2022": executive,
        "roles_2022": roles,
        "survey_disability": survey.reset_index(drop=True),
    }


def check_safe(published, truth):
    """No hidden cell is pinned, no primary narrowed below the threshold (or its a-priori
    width), no count 1-4 shown outside the exempt groups."""
    for name, frame in published.items():
        t = truth[name]
        small = t["count"].between(1, THRESHOLD - 1).fillna(False) & ~t["group"].isin(EXEMPT)
        small |= t["base"].between(1, THRESHOLD - 1).fillna(False) & t["count"].notna()
        if "measure" in t.columns:
            small &= ~t["measure"].isin(PUBLIC)
        if "scope" in t.columns:
            small &= t["scope"] != "Leader"
        assert frame.loc[small.to_numpy(), "count"].isna().all(), name
    found = attack(published, truth)
    for k, (lo, hi, value) in found.items():
        assert lo <= value <= hi, k
        assert hi - lo >= 1, f"{k} pinned to {value}"
    primary = {
        key(r, n): min(THRESHOLD, int(r["base"]) - 1)
        for n, t in truth.items()
        for _, r in t.iterrows()
        if pd.notna(r["count"])
        and 1 <= r["count"] < THRESHOLD
        and r["group"] not in EXEMPT
        and key(r, n)[0] not in PUBLIC
    }
    for k, need in primary.items():
        lo, hi, _ = found[k]
        assert hi - lo >= need, f"{k}: a reader narrows it to [{lo:g}, {hi:g}]"
    return found


def test_the_small_pack_is_safe_jointly():
    pack = small_pack()
    assert NOT_GIVEN_CODE in set(pack["survey_disability"]["council_code"])
    protected = protect(pack, threshold=THRESHOLD)
    found = check_safe(protected.tables, pack)
    # A's 2 women and its 3 in 2017 are among the hidden, and the change table hides the same
    # 2022 cells as the sex table (one quantity, one decision)
    assert ("sex", 2022, A, "Female") in found and ("sex", 2017, A, "Female") in found
    assert ("disability", 2023, NOT_GIVEN_CODE, "Disabled") in found
    shown_nk = protected.tables["councillors_sex_2022"].set_index(["council_code", "group"])
    assert shown_nk.loc[(B, "Not known"), "count"] == 0  # zeros are shown
    summary = protected.summary.set_index("table")
    assert summary.loc["councillors_sex_2022", "primary"] == 1  # A Female (NK 1 exempt)


def test_per_table_suppression_leaks_and_the_attacker_sees_it():
    # Each table protected on its own: the sex table protects A's 2 women with B's row
    # (A M 40 + B F 22 + B M 20 is the cheapest rectangle), the change table's Female column
    # with C's 21 women (the smallest other council), so it shows B's 22 women: then B's men
    # (42 - 22), A's men (from the Wales column) and A's women (43 - 40 - 1 = 2) follow.
    pack = small_pack()
    alone = {name: suppress(frame, exempt_groups=EXEMPT) for name, frame in pack.items()}
    with pytest.raises(AssertionError):
        check_safe(alone, pack)


def test_public_facts_are_never_hidden():
    seats = tidy({A: [2], B: [3]}, ["Uncontested seats"], election=2022, measure="uncontested")
    seats["base"] = pd.array([35, 40, 75], dtype="Int64")
    out = protect({"uncontested": seats}).tables["uncontested"]
    assert out["count"].tolist() == [2, 3, 5]


@st.composite
def packs(draw):
    n = draw(st.integers(2, 4))
    count = st.one_of(st.integers(0, 4), st.integers(0, 30))
    matrix = lambda k: draw(  # noqa: E731
        st.lists(st.lists(count, min_size=k, max_size=k), min_size=n, max_size=n)
    )
    councils = [f"W060000{i + 1:02d}" for i in range(n)]
    # every council has a woman and a man: where all members are men, the table already says
    # every executive member is a man (a fact of the published table, not of suppression)
    members = [[f + 1, m + 1, nk] for f, m, nk in matrix(3)]
    execs = [[draw(st.integers(0, min(m, 6))) for m in row] for row in members]
    before = matrix(3)
    survey = matrix(2)
    missing = draw(st.lists(st.integers(0, 4), min_size=2, max_size=2))
    sex22 = tidy(dict(zip(councils, members, strict=True)), SEX, election=2022, measure="sex")
    sex17 = tidy(dict(zip(councils, before, strict=True)), SEX, election=2017, measure="sex")
    ex = tidy(dict(zip(councils, execs, strict=True)), SEX, election=2022, measure="executive_sex")
    groups = ["Yes", "Prefer not to say"]
    sv = tidy(dict(zip(councils, survey, strict=True)), groups, wales=False)
    wales = [
        sum(col) + extra for col, extra in zip(zip(*survey, strict=True), missing, strict=True)
    ]
    sv = pd.concat([sv, tidy({WALES: wales}, groups, wales=False)], ignore_index=True)
    sv = add_not_given(sv.assign(survey_year=2023, measure="caring")).reset_index(drop=True)
    wales_rows = pd.concat([sex22, ex])
    roles = wales_rows[wales_rows["council_code"] == WALES].drop(columns="measure")
    roles = roles.assign(scope=["All members"] * 3 + ["Executive"] * 3).reset_index(drop=True)
    return {
        "sex": sex22,
        "change#2017": sex17[sex17["group"] == "Female"].reset_index(drop=True),
        "change#2022": sex22[sex22["group"] == "Female"].reset_index(drop=True),
        "executive": ex,
        "roles": roles,
        "survey": sv,
    }


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs())
def test_random_packs_withstand_every_table_at_once(pack):
    protected = protect(pack, threshold=THRESHOLD)
    for name, frame in protected.tables.items():
        small = pack[name]["count"].between(1, THRESHOLD - 1) & ~pack[name]["group"].isin(EXEMPT)
        assert frame.loc[small.to_numpy(), "count"].isna().all(), name
    found = attack(protected.tables, pack)
    for k, (lo, hi, value) in found.items():
        assert lo <= value <= hi
        # a zero hidden only because its row's base is small may be pinned by a published
        # zero of the whole it is part of (no executive woman where no member is a woman):
        # it says nothing the published zero does not
        if value > 0:
            assert hi - lo >= 1, f"{k} pinned to {value}"


def tidy_views(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The pack's tables with counts, the change table as one tidy view per election."""
    out = {}
    for name, frame in tables.items():
        if "count_from" in frame.columns:
            before, after = (int(y) for y in name.split("_")[-2:])
            for side, year in (("from", before), ("to", after)):
                view = frame[["council_code", "measure", "group"]].assign(
                    count=frame[f"count_{side}"], base=frame[f"base_{side}"], election=year
                )
                out[f"{name}#{side}"] = view
        elif {"council_code", "group", "count", "base"} <= set(frame.columns):
            out[name] = frame
    return out


@pytest.mark.filterwarnings("ignore::diversity_review.errors.DataWarning")
def test_the_sample_pack_passes_the_joint_audit():
    counts, respondents = load_review(SAMPLE_REVIEW), load_survey(SAMPLE_SURVEY)
    shown = tidy_views(pack_tables(counts, respondents, PackConfig()))
    truth = tidy_views(pack_tables(counts, respondents, PackConfig(threshold=1)))
    found = check_safe(shown, truth)
    assert len(found) > 10  # the sample has small cells to protect


@pytest.mark.slow
def test_the_manifest_counts_the_cells_hidden_in_each_table(sample_pack):
    manifest = json.loads((sample_pack / "manifest.json").read_text(encoding="utf-8"))
    disclosure = manifest["disclosure"]
    assert disclosure["totals"]["primary"] > 0
    checked = 0
    for entry in disclosure["tables"]:
        assert entry["primary"] == entry["small count"] + entry["small base"]
        path = sample_pack / "en" / "tables" / f"{entry['table']}.csv"
        if not path.exists():  # a change table's view per election
            continue
        frame = pd.read_csv(path, dtype=str, encoding="utf-8")
        if "Count" in frame.columns:
            shown = int((frame["Count"] == "[c]").sum())
            assert shown == entry["primary"] + entry["secondary"], entry["table"]
            checked += 1
    assert checked >= 5


@st.composite
def crosstabs(draw):
    """Outcomes x groups with the outcomes' totals as bases and an "All" row of the groups'
    totals (the characteristic's margin)."""
    outcomes = ["Yes", "No", "Not sure"][: draw(st.integers(2, 3))]
    groups = ["Female", "Male", "Not known"][: draw(st.integers(2, 3))]
    count = st.one_of(st.integers(0, 4), st.integers(0, 25))
    inner = {o: [draw(count) for _ in groups] for o in outcomes}
    frame = tidy(inner, groups)  # the Wales row is the "All" row, bases the outcome totals
    return frame.assign(outcome=frame["council_code"].replace({WALES: "All"}))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crosstabs())
def test_no_inner_cell_of_a_crosstab_follows_from_its_margins(frame):
    out = suppress_crosstab(frame.drop(columns="council_code"), row="outcome")
    small = frame["count"].between(1, THRESHOLD - 1)  # no group is exempt here
    assert out.loc[small.to_numpy(), "count"].isna().all()
    published = out.assign(council_code=frame["council_code"], survey_year=2023, measure="x")
    truth = frame.assign(survey_year=2023, measure="x")
    found = attack({"crosstab": published}, {"crosstab": truth})
    for k, (lo, hi, value) in found.items():
        assert lo <= value <= hi
        if value > 0:
            assert hi - lo >= 1, f"{k} pinned to {value}"
