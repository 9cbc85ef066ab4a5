"""Make the SYNTHETIC councillor roster ``data/raw/councillor_roster_synthetic.xlsx``.

One row per councillor of the 22 councils at the 2022 election (1,234 rows), built so that
its counts are exactly those of the synthetic review (``data/raw/wlga_review_synthetic.xlsx``,
made by ``scripts/make_sample_review.py``): for each council, as many women, men, ethnic
minority members, members aged 60+, new members, disabled members, Welsh speakers and members
elected unopposed as the review says, an executive of the review's size and sex split, and a
leader of the review's sex. The one cell the review suppresses (``*``) is worked out from the
other groups of its measure and the seats. Who holds which value is drawn at random
(``numpy.random.default_rng(SEED)``), and so is everything the review does not say (the
detailed ethnic group of a minority member, "Prefer not to say" among the not known, disability
and Welsh language of the others, wards, parties, portfolios, chairs). The job-share
portfolios are the WLGA's published ones (Cardiff 2, Newport, Swansea, Powys, Flintshire 1).

Names ("Councillor 0001"), member ids ("S0001"), wards ("Ward 01") and parties ("Party A")
are invented: nothing here describes a real council or councillor.

Run ``python scripts/make_sample_roster.py``; the same seed gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from diversity_review.categories import ETHNIC_GROUPS_2021, NOT_KNOWN, PREFER_NOT
from diversity_review.load.benchmarks import job_shares
from diversity_review.load.review import load_review
from diversity_review.load.roster import roster_frame

SEED = 2015
ROOT = Path(__file__).resolve().parents[1]
REVIEW = ROOT / "data" / "raw" / "wlga_review_synthetic.xlsx"
OUT = ROOT / "data" / "raw" / "councillor_roster_synthetic.xlsx"
ELECTION = 2022
STAMP = dt.datetime(2022, 5, 6)
PARTIES = ("Party A", "Party B", "Party C", "Party D", "Independent")
PARTY_P = (0.38, 0.22, 0.14, 0.06, 0.20)
PORTFOLIOS = (
    "Finance",
    "Education",
    "Housing",
    "Climate Change",
    "Transport",
    "Economy",
    "Culture and Leisure",
    "Children's Services",
    "Adult Services",
    "Public Health",
    "Regeneration",
    "Environment",
)
# what the review does not say of the members it does not count as disabled
DISABILITY_REST = {"Not disabled": 0.85, NOT_KNOWN: 0.1, PREFER_NOT: 0.05}
NOTES = [
    "SYNTHETIC DATA - NOT REAL",
    "Every councillor in this roster is invented by scripts/make_sample_roster.py (numpy seed "
    f"{SEED}): names ('Councillor 0001'), ids, wards, parties and every characteristic. Its "
    "counts match the synthetic review (wlga_review_synthetic.xlsx); it describes no real "
    "council or councillor.",
    "",
]


def review_cells(path: Path = REVIEW) -> dict[str, dict[tuple[str, str] | str, int]]:
    """Each council's 2022 review cells, the suppressed one worked out; plus its ``seats``."""
    counts = load_review(path, election=ELECTION)
    cells: dict[str, dict] = {}
    for code, rows in counts.groupby("council_code"):
        council = {(r.measure, r.group): r.count for r in rows.itertuples()}
        council["seats"] = int(rows.loc[rows["measure"] == "sex", "base"].iloc[0])
        for key, value in list(council.items()):
            if isinstance(key, tuple) and pd.isna(value):
                others = [v for (_, g), v in _groups(council, key[0]) if g != key[1]]
                council[key] = council["seats"] - sum(int(v) for v in others)
        cells[code] = {k: int(v) for k, v in council.items()}
    return cells


def _groups(council: dict, measure: str) -> list:
    return [(k, v) for k, v in council.items() if isinstance(k, tuple) and k[0] == measure]


def _shuffled(rng, counts: dict[str, int], seats: int, rest=None) -> list[str]:
    """``counts`` of each group, the other members from ``rest`` ({group: p}), shuffled."""
    values = [g for g, n in counts.items() for _ in range(n)]
    if rest:
        values += list(rng.choice(list(rest), size=seats - len(values), p=list(rest.values())))
    assert len(values) == seats, (counts, seats)
    return [str(v) for v in rng.permutation(values)]


def _some_declined(rng, values: list[str]) -> list[str]:
    """A quarter of the not known say "Prefer not to say" (counted as not known by the review)."""
    return [PREFER_NOT if v == NOT_KNOWN and rng.random() < 0.25 else v for v in values]


def _characteristics(rng, cells: dict, seats: int) -> dict[str, list[str]]:
    def group(measure: str) -> dict[str, int]:
        return {g: n for (m, g), n in _groups(cells, measure)}

    ethnicity = _some_declined(rng, _shuffled(rng, group("ethnicity"), seats))
    minority = list(ETHNIC_GROUPS_2021[1:])
    ethnicity = [str(rng.choice(minority)) if v == "Ethnic minority" else v for v in ethnicity]
    return {
        "sex": _shuffled(rng, group("sex"), seats),
        "age": _some_declined(rng, _shuffled(rng, group("age"), seats)),
        "ethnicity": ethnicity,
        "tenure": _shuffled(rng, group("tenure"), seats),
        "disability": _shuffled(rng, group("disability"), seats, DISABILITY_REST),
        "welsh_language": _shuffled(
            rng, group("welsh_language"), seats, {"Not Welsh speaker": 0.85, NOT_KNOWN: 0.15}
        ),
    }


def _wards(rng, seats: int, unopposed: int) -> list[tuple[str, bool]]:
    """(ward, elected unopposed) for each seat: whole wards of 1 to 3 seats, the unopposed
    seats filling whole wards of their own."""
    sizes: list[tuple[int, bool]] = []
    for total, unopposed_ward in ((unopposed, True), (seats - unopposed, False)):
        left = total
        while left:
            size = min(left, int(rng.choice([1, 2, 3], p=[0.45, 0.4, 0.15])))
            sizes.append((size, unopposed_ward))
            left -= size
    order = rng.permutation(len(sizes))
    seats_out = []
    for number, i in enumerate(order, start=1):
        size, unopposed_ward = sizes[i]
        seats_out += [(f"Ward {number:02d}", unopposed_ward)] * size
    return seats_out


def _pick(rng, pool: list[int], n: int) -> list[int]:
    chosen = [int(i) for i in rng.choice(pool, size=n, replace=False)] if n else []
    for i in chosen:
        pool.remove(i)
    return chosen


def _executive(rng, members: list[dict], cells: dict, shared: list[str]) -> None:
    """The leader, the executive (its sex split as the review's), portfolios, job shares."""
    by_sex = {s: [i for i, m in enumerate(members) if m["sex"] == s] for s in ("Female", "Male")}
    leader_sex = "Female" if cells[("leader_sex", "Female")] else "Male"
    leader = _pick(rng, by_sex[leader_sex], 1)[0]
    need = {s: cells[("executive_sex", s)] - (s == leader_sex) for s in ("Female", "Male")}
    cabinet = [i for s in ("Female", "Male") for i in _pick(rng, by_sex[s], need[s])]
    cabinet = [int(i) for i in rng.permutation(cabinet)]
    members[leader].update(leader=True, executive=True, key_posts="Leader of the Council")
    portfolios = iter(rng.permutation(PORTFOLIOS))
    for n, i in enumerate(cabinet):
        if n < 2 * len(shared):
            post = shared[n // 2]
            members[i]["portfolio"] = post
            members[i]["deputy_leader"] = post == "Deputy Leader"
            members[i]["key_posts"] = (
                "Deputy Leader (Job Share)"
                if post == "Deputy Leader"
                else f"Cabinet Member for {post} (Job Share)"
            )
        else:
            post = str(next(portfolios))
            deputy = n == 2 * len(shared) and "Deputy Leader" not in shared
            members[i].update(portfolio=post, deputy_leader=deputy)
            members[i]["key_posts"] = (
                f"Deputy Leader and Cabinet Member for {post}"
                if deputy
                else f"Cabinet Member for {post}"
            )
        members[i]["executive"] = True


def _chairs(rng, members: list[dict]) -> None:
    pool = [i for i, m in enumerate(members) if not m["executive"]]
    (chair,) = _pick(rng, pool, 1)
    members[chair].update(chair_of_council=True, key_posts="Chair of Council")
    for n, i in enumerate(_pick(rng, pool, 3), start=1):
        committee = ("Planning", "Licensing", "Audit")[n - 1]
        members[i].update(committee_chair=True, key_posts=f"Chair of {committee} Committee")
    for n, i in enumerate(_pick(rng, pool, 2), start=1):
        members[i].update(scrutiny_chair=True, key_posts=f"Chair of Scrutiny Committee {n}")


def _council(rng, code: str, cells: dict, first: int, shared: list[str]) -> list[dict]:
    seats = cells["seats"]
    values = _characteristics(rng, cells, seats)
    wards = _wards(rng, seats, cells[("uncontested", "Uncontested seats")])
    parties = rng.choice(PARTIES, size=seats, p=PARTY_P)
    members = []
    for i in range(seats):
        number = first + i
        members.append(
            {
                "election": ELECTION,
                "council_code": code,
                "ward": wards[i][0],
                "name": f"Councillor {number:04d}",
                "member_id": f"S{number:04d}",
                "party": str(parties[i]),
                "group": f"{parties[i]} group",
                **{measure: column[i] for measure, column in values.items()},
                "elected_unopposed": wards[i][1],
                **dict.fromkeys(
                    ("leader", "deputy_leader", "executive", "chair_of_council"), False
                ),
                "committee_chair": False,
                "scrutiny_chair": False,
                "source": f"{OUT.name}!Roster",
            }
        )
    _executive(rng, members, cells, shared)
    _chairs(rng, members)
    return members


def sample_roster(seed: int = SEED, review: Path = REVIEW) -> pd.DataFrame:
    """The synthetic roster (the roster contract), without writing it."""
    rng = np.random.default_rng(seed)
    shares = job_shares()
    shared = {c: p.split("; ") for c, p in zip(shares.council_code, shares.portfolios, strict=True)}
    records: list[dict] = []
    for code, cells in sorted(review_cells(review).items()):
        records += _council(rng, code, cells, len(records) + 1, shared.get(code, []))
    return roster_frame(records)


def main() -> None:
    from diversity_review.sources.workbook import write_roster_workbook

    path = write_roster_workbook(
        sample_roster(), OUT, notes=NOTES, fixed_time=STAMP, synthetic=True
    )
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
