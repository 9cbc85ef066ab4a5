"""Write data/raw/member_survey_experience_synthetic.csv: SYNTHETIC respondents (seed 2024).

Invented members answering the experience-of-office questions, one canonical column each
(the layout diversity_review.experience.read_respondents reads). Effects built in, so tests can
check that a real difference is found and a null one is not claimed:

- online abuse: women 70%, men 45% (a true difference of 25 points);
- online abuse does not depend on disability (a null difference): 57% whatever the answer;
- threats of violence: disabled members 30%, others 15%.

Run: python scripts/make_sample_experience.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

SEED = 2024
N = 600
OUT = (
    Path(__file__).resolve().parents[1] / "data" / "raw" / "member_survey_experience_synthetic.csv"
)
COUNCILS = ["W06000010", "W06000015", "W06000022", "W06000014"]  # Carms, Cardiff, Newport, Vale
GROUPS = ["Labour", "Plaid Cymru", "Conservative", "Independent"]
HOURS = ["Under 10", "10-19", "20-29", "30-39", "40+"]
REASONS = [
    "Time or work commitments",
    "Caring responsibilities",
    "Abuse or intimidation",
    "Allowances do not cover the costs",
    "Retirement or health",
    "Other reason",
]


def _yes(flag: bool) -> str:
    return "Yes" if flag else "No"


def respondent(rng: np.random.Generator, i: int) -> dict[str, str]:
    sex = rng.choice(["Female", "Male", "Prefer not to say"], p=[0.4, 0.56, 0.04])
    disabled = rng.random() < 0.2
    online = rng.random() < (0.70 if sex == "Female" else 0.45 if sex == "Male" else 0.57)
    in_person = rng.random() < 0.45
    threats = rng.random() < (0.30 if disabled else 0.15)
    at_home = rng.random() < 0.10
    stand = rng.choice(["Yes", "No", "Undecided"], p=[0.5, 0.25, 0.25])
    return {
        "respondent_id": str(i),
        "council_code": str(rng.choice(COUNCILS)),
        "political_group": str(rng.choice(GROUPS)),
        "sex": str(sex),
        "disability": "Disabled" if disabled else "Not disabled",
        "abuse_online": _yes(online),
        "abuse_in_person": _yes(in_person),
        "abuse_threats": _yes(threats),
        "abuse_at_home": _yes(at_home),
        "abuse_any": _yes(online or in_person or threats or at_home),
        "security_measures": _yes(rng.random() < 0.6),
        "felt_safe": str(rng.choice(["Yes", "Sometimes", "No"], p=[0.5, 0.35, 0.15])),
        "caring_for_children": _yes(rng.random() < 0.25),
        "caring_for_adults": _yes(rng.random() < 0.15),
        "remote_attendance": _yes(rng.random() < 0.8),
        "meeting_times": str(rng.choice(["Yes", "Sometimes", "No"], p=[0.45, 0.35, 0.2])),
        "care_allowance_aware": _yes(rng.random() < 0.5),
        "care_allowance_used": _yes(rng.random() < 0.05),
        "hours": str(rng.choice(HOURS, p=[0.15, 0.3, 0.3, 0.15, 0.1])),
        "stand_again": str(stand),
        "not_standing_reason": str(rng.choice(REASONS)) if stand == "No" else "",
        "training_code_of_conduct": _yes(rng.random() < 0.85),
        "training_social_media": _yes(rng.random() < 0.4),
        "training_personal_safety": _yes(rng.random() < 0.3),
    }


def main() -> None:
    rng = np.random.default_rng(SEED)
    rows = [respondent(rng, i) for i in range(1, N + 1)]
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write(
            "SYNTHETIC DATA - NOT REAL: invented respondents made by "
            f"scripts/make_sample_experience.py (seed {SEED})\n"
        )
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
