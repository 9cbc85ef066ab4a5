"""Make the SYNTHETIC candidacy file ``data/raw/candidates_synthetic.csv`` (Democracy Club's
layout, one row per candidacy) for the 2022 elections of the 22 councils.

The elected candidates are exactly the councillors of the synthetic roster
(``data/raw/councillor_roster_synthetic.xlsx``, made by ``scripts/make_sample_roster.py``):
same names, wards, parties and sex (a councillor whose sex the roster does not know has no
gender here). A ward whose councillors were elected unopposed has no other candidate; every
other ward has one to four unelected candidates ("Candidate 00001"), women among them with
probability 0.33 and no gender given for 6%, and votes drawn at random (``numpy`` seed
``SEED``). Two rows outside the analysis (a Cardiff by-election in 2023 and a council in
England) test that the loader leaves them out. None of it describes a real candidate.

Run ``python scripts/make_sample_candidates.py``; the same seed gives the same bytes.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd

from diversity_review.load.roster import load_roster
from diversity_review.load.synthetic import MARK as SYNTHETIC_MARK

SEED = 2016
NOTICE = (
    f"{SYNTHETIC_MARK} DATA - NOT REAL: invented candidacies made by "
    f"scripts/make_sample_candidates.py (seed {SEED})"
)
ROOT = Path(__file__).resolve().parents[1]
ROSTER = ROOT / "data" / "raw" / "councillor_roster_synthetic.xlsx"
OUT = ROOT / "data" / "raw" / "candidates_synthetic.csv"
DATE = "2022-05-05"
COLUMNS = [
    "person_id",
    "person_name",
    "election_id",
    "ballot_paper_id",
    "election_date",
    "election_current",
    "party_name",
    "party_id",
    "post_label",
    "seats_contested",
    "cancelled_poll",
    "gender",
    "elected",
    "votes_cast",
    "organisation_name",
    "by_election",
]
PARTIES = ("Party A", "Party B", "Party C", "Party D", "Independent")
GENDER = {"Female": "female", "Male": "male"}


def _slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


def _row(person: int, name: str, council: str, ward: str, seats: int, party: str, **rest):
    election = f"local.{_slug(council)}.{DATE}"
    return {
        "person_id": person,
        "person_name": name,
        "election_id": election,
        "ballot_paper_id": f"local.{_slug(council)}.{_slug(ward)}.{DATE}",
        "election_date": DATE,
        "election_current": "False",
        "party_name": party,
        "party_id": f"synthetic:{_slug(party)}",
        "post_label": ward,
        "seats_contested": seats,
        "cancelled_poll": "False",
        "organisation_name": f"{council} Council",
        "by_election": "False",
        **rest,
    }


def _ward(rng, members: pd.DataFrame, first_loser: int) -> list[dict]:
    """A ward's candidacies: its councillors elected, and unless they were unopposed, losers."""
    seats = len(members)
    unopposed = bool(members["elected_unopposed"].all())
    losers = 0 if unopposed else int(rng.integers(1, 5))
    votes = sorted(rng.integers(150, 2500, size=seats + losers).tolist(), reverse=True)
    rows = []
    for i, m in enumerate(members.itertuples()):
        rows.append(
            _row(
                int(m.member_id[1:]),
                m.name,
                m.council,
                m.ward,
                seats,
                m.party,
                gender=GENDER.get(m.sex, ""),
                elected="True",
                votes_cast="" if unopposed else votes[i],
            )
        )
    for j in range(losers):
        number = first_loser + j
        sex = "female" if rng.random() < 0.33 else "male"
        rows.append(
            _row(
                100000 + number,
                f"Candidate {number:05d}",
                members["council"].iloc[0],
                members["ward"].iloc[0],
                seats,
                str(rng.choice(PARTIES)),
                gender="" if rng.random() < 0.06 else sex,
                elected="False",
                votes_cast=votes[seats + j],
            )
        )
    return rows


def sample_candidacies(seed: int = SEED, roster_path: Path = ROSTER) -> list[dict]:
    """The synthetic candidacies, in council, ward and then vote order."""
    rng = np.random.default_rng(seed)
    roster = load_roster(roster_path)
    rows: list[dict] = []
    losers = 1
    for _, members in roster.groupby(["council_code", "ward"], sort=True):
        ward = _ward(rng, members, losers)
        losers += sum(r["elected"] == "False" for r in ward)
        rows += ward
    # outside the analysis: a by-election, and a council in England
    by = _row(
        200001,
        "Candidate B0001",
        "Cardiff",
        "Ward 01",
        1,
        "Party A",
        gender="female",
        elected="True",
        votes_cast=900,
    )
    by.update(
        election_id="local.cardiff.2023-07-13",
        election_date="2023-07-13",
        ballot_paper_id="local.cardiff.ward-01.by.2023-07-13",
        by_election="True",
    )
    england = _row(
        200002,
        "Candidate E0001",
        "Exampleshire",
        "Ward 01",
        1,
        "Party A",
        gender="male",
        elected="True",
        votes_cast=800,
    )
    return [*rows, by, england]


def main() -> None:
    buffer = io.StringIO()
    buffer.write(NOTICE + "\n")  # the synthetic marker: a first-row note the loaders read
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(sample_candidacies())
    OUT.write_text(buffer.getvalue(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
