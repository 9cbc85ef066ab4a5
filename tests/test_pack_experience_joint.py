"""Issue 16: no inner cell of a published experience cross-tab can be recovered from its
margins and the other published tables of the same pack (the survey tables, the other
outcomes by the same characteristic, the same outcome by the other characteristics).

The attacker is written here, not taken from the engine: a linear programme (scipy HiGHS)
over every quantity the reader does not see, integer-relaxed, with what a reader knows of
the survey's structure (see :mod:`diversity_review.pack.experience_protection`): each cross-tab
row's yes + no = base, columns adding up to the total row, a base at most the survey's
respondents of the group, the kinds of abuse asked in one question (one base, and each kind
within "any abuse"), and the total row of an outcome by sex or disability within the survey's
"No answer" of the total by political group (which everyone answered).

Criterion: each hidden inner cell (the count reporting, or not reporting, the outcome in one
group) keeps a range at least ``min(threshold, its a-priori width)`` wide, the a-priori width
being its range when the bases and the survey tables are known but no experience count is: the
engine's own criterion, checked by an independent method. A relaxed range is never narrower
than the integer one, so the test could miss a disclosure the relaxation hides; on these
tables (sums and bounds of counts) the relaxation's vertices are whole numbers in practice.
Also, by the same criterion, each hidden survey cell: the experience tables may narrow it (a
published base is a floor under its group's respondents), never below ``min(threshold, its
width from the survey tables alone)``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attack_lp import Programme
from diversity_review.experience.crosstab import TOTAL, publish, tabulate
from diversity_review.pack import PackConfig
from diversity_review.pack.tables import compute_tables

THRESHOLD = 5
CONFIG = PackConfig(threshold=THRESHOLD)
WALES = "W92000004"
ABUSE = ("abuse_any", "abuse_online", "abuse_threats")
SURVEYED = ("sex", "disability")


class System:
    """Variables by name, equalities and inequalities (``<= 0`` of a linear form)."""

    def __init__(self):
        self.names: dict[tuple, int] = {}
        self.eq: list[tuple[dict, float, str]] = []
        self.le: list[dict] = []
        self.made: dict[tuple, Programme] = {}

    def var(self, *name) -> int:
        return self.names.setdefault(name, len(self.names))

    def equal(self, terms: dict, rhs: float, kind: str = "") -> None:
        self.eq.append((terms, float(rhs), kind))

    def at_most(self, terms: dict) -> None:
        self.le.append(terms)

    def programme(self, drop: str | None = None) -> Programme:
        """The equalities (without those of kind ``drop``) and inequalities as one programme,
        made once for as many targets as are asked while the system stays as it is."""
        made = (drop, len(self.names), len(self.eq), len(self.le))
        if made not in self.made:
            n = len(self.names)
            rows = [(t, r) for t, r, k in self.eq if drop is None or k != drop]
            a_eq = np.zeros((len(rows), n))
            for i, (terms, _) in enumerate(rows):
                for j, c in terms.items():
                    a_eq[i, j] += c
            a_le = np.zeros((len(self.le), n))
            for i, terms in enumerate(self.le):
                for j, c in terms.items():
                    a_le[i, j] += c
            self.made[made] = Programme(
                n, a_ub=a_le, b_ub=np.zeros(len(a_le)), a_eq=a_eq, b_eq=[r for _, r in rows]
            )
        return self.made[made]

    def bounds(self, target: int, drop: str | None = None) -> tuple[float, float]:
        return self.programme(drop).range(target)


def _survey(system: System, name: str, frame: pd.DataFrame) -> None:
    """A survey table: each council's groups add up to its base, councils to the Wales row."""
    measure = str(frame["measure"].iloc[0])
    for code, rows in frame.groupby("council_code"):
        terms = {}
        for _, r in rows.iterrows():
            v = system.var("S", measure, code, r["group"])
            terms[v] = 1
            if not pd.isna(r["count"]):
                system.equal({v: 1}, r["count"])
        system.equal(terms, rows["base"].iloc[0])
    if WALES in set(frame["council_code"]):
        for group in set(frame["group"]):
            terms = {system.var("S", measure, WALES, group): -1}
            for code in set(frame["council_code"]) - {WALES}:
                if ((frame["council_code"] == code) & (frame["group"] == group)).any():
                    terms[system.var("S", measure, code, group)] = 1
            system.equal(terms, 0)


def _crosstab(system: System, frame: pd.DataFrame) -> None:
    """A cross-tab as the reader sees it: its counts, bases and the sums between them."""
    o, c = str(frame["outcome"].iloc[0]), str(frame["characteristic"].iloc[0])
    sums = {k: {} for k in "YNB"}
    for _, r in frame.iterrows():
        g = r["group"]
        y, n, b = (system.var(k, o, c, g) for k in "YNB")
        system.equal({y: 1, n: 1, b: -1}, 0)
        if not pd.isna(r["count"]):
            system.equal({y: 1}, r["count"], "count")
            system.equal({n: 1}, r["base"] - r["count"], "count")
        else:
            assert pd.isna(r["share"]) and pd.isna(r["ci_low"]) and pd.isna(r["difference"])
        if not pd.isna(r["base"]):
            system.equal({b: 1}, r["base"])
        if g != TOTAL:
            for k, v in zip("YNB", (y, n, b), strict=True):
                sums[k][v] = 1
    for k, terms in sums.items():
        system.equal({**terms, system.var(k, o, c, TOTAL): -1}, 0)


def _links(system: System, tables: dict[str, pd.DataFrame]) -> None:
    """What the reader knows between tables (the module docstring)."""
    crosstabs = [t for n, t in tables.items() if n.startswith("exp_")]
    survey = {str(t["measure"].iloc[0]): t for n, t in tables.items() if n.startswith("survey_")}
    for t in crosstabs:
        o, c = str(t["outcome"].iloc[0]), str(t["characteristic"].iloc[0])
        for g in t["group"]:
            b = system.var("B", o, c, g)
            if g != TOTAL and c in survey:
                system.at_most({b: 1, system.var("S", c, WALES, g): -1})
            if o in ABUSE and o != ABUSE[0] and g != TOTAL:
                system.equal({b: 1, system.var("B", ABUSE[0], c, g): -1}, 0)
                system.at_most({system.var("Y", o, c, g): 1, system.var("Y", ABUSE[0], c, g): -1})
        if c in survey:
            skipped = set(survey[c]["group"]) & {"No answer"}
            for k in "YN":
                whole, part = system.var(k, o, "political_group", TOTAL), system.var(k, o, c, TOTAL)
                system.at_most({part: 1, whole: -1})
                gap = {whole: 1, part: -1}
                if skipped:
                    system.at_most({**gap, system.var("S", c, WALES, "No answer"): -1})
                else:
                    system.equal(gap, 0)


def attack(tables: dict[str, pd.DataFrame], survey: bool = True) -> list[str]:
    """The hidden cells a reader can narrow below the criterion."""
    system = System()
    for name, frame in tables.items():
        if name.startswith("survey_"):
            _survey(system, name, frame)
        elif name.startswith("exp_"):
            _crosstab(system, frame)
    alone, hidden = System(), []
    for name, frame in tables.items():
        if name.startswith("survey_"):
            _survey(alone, name, frame)
            measure = str(frame["measure"].iloc[0])
            for _, r in frame[frame["count"].isna()].iterrows():
                hidden.append(("S", measure, r["council_code"], r["group"]))
    _links(system, tables)
    short = []
    for name, frame in tables.items():
        if not name.startswith("exp_"):
            continue
        o, c = str(frame["outcome"].iloc[0]), str(frame["characteristic"].iloc[0])
        for _, r in frame[frame["count"].isna() & frame["group"].ne(TOTAL)].iterrows():
            for k in "YN":
                cell = system.var(k, o, c, r["group"])
                low, high = system.bounds(cell)
                p_low, p_high = system.bounds(cell, drop="count")
                if high - low < min(THRESHOLD, p_high - p_low) - 1e-6:
                    short.append(f"{name}:{r['group']}:{k}")
    for key in hidden if survey else ():
        (low, high), (a_low, a_high) = (
            system.bounds(system.names[key]),
            alone.bounds(alone.names[key]),
        )
        if high - low < min(THRESHOLD, a_high - a_low) - 1e-6:
            short.append(":".join(map(str, key)))
    return short


# --- respondents ----------------------------------------------------------------------------

SEX = ("Female", "Male", "Prefer not to say", None)
DISABILITY = ("Disabled", "Not disabled", "Prefer not to say", None)
PARTY = ("Labour", "Plaid Cymru", "Independent")
ANSWER = (True, False)

_respondent = st.tuples(
    st.sampled_from(("W06000001", "W06000002")),
    st.sampled_from(SEX),
    st.sampled_from(DISABILITY),
    st.sampled_from(PARTY),
    st.one_of(st.none(), st.tuples(st.booleans(), st.booleans())),  # online, threats; or skipped
    st.sampled_from(("Yes", "No", None)),
)


def respondents(rows) -> pd.DataFrame:
    frame = pd.DataFrame(
        [
            {
                "respondent_id": i,
                "council_code": code,
                "survey_year": 2024,
                "sex": sex,
                "disability": dis,
                "political_group": party,
                "abuse_online": None if abuse is None else abuse[0],
                "abuse_threats": None if abuse is None else abuse[1],
                "abuse_any": None if abuse is None else abuse[0] or abuse[1],
                "stand_again": stand,
            }
            for i, (code, sex, dis, party, abuse, stand) in enumerate(rows)
        ]
    )
    for column in ABUSE:
        frame[column] = frame[column].astype("boolean")
    for column in ("sex", "disability", "political_group", "stand_again"):
        frame[column] = frame[column].astype("string")
    return frame


def published(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    tables = {t.name: t.frame for t in compute_tables(None, frame, CONFIG)}
    return {n: t for n, t in tables.items() if n.startswith(("exp_", "survey_"))}


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)  # fmt: skip
@given(st.lists(_respondent, min_size=8, max_size=45))
def test_no_hidden_experience_cell_can_be_recovered_from_the_pack(rows):
    tables = published(respondents(rows))
    assert any(n.startswith("exp_") for n in tables)
    assert attack(tables) == []


def test_the_attacker_finds_a_cell_when_only_the_small_counts_are_hidden():
    """Protection bypassed (small counts and zeros hidden, no complement): the attacker,
    given the same pack, recovers them; the joint protection leaves it nothing."""
    rows = (
        [("W06000001", "Female", "Disabled", "Labour", (True, False), "Yes")] * 8
        + [("W06000001", "Female", "Disabled", "Labour", (False, False), "Yes")] * 6
        + [("W06000001", "Male", "Not disabled", "Labour", (True, False), "Yes")] * 9
        + [("W06000001", "Male", "Not disabled", "Labour", (False, False), "Yes")] * 9
        + [("W06000001", "Prefer not to say", "Not disabled", "Labour", (True, True), "No")] * 6
    )
    frame = respondents(rows)
    tables = published(frame)
    assert attack(tables) == []
    bypassed = {n: t for n, t in tables.items() if n.startswith("survey_")}
    for o in ABUSE:
        for c in ("sex", "disability", "political_group"):
            table = tabulate(frame, o, c)
            rest = table["base"] - table["count"]
            small = (table["count"] < THRESHOLD) | (rest < THRESHOLD)
            bypassed[f"exp_{o}_{c}"] = publish(table, small, np.zeros(len(table), bool), 1)
    assert "exp_abuse_online_sex:Prefer not to say:Y" in attack(bypassed)
