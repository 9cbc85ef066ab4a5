"""Write data/raw/member_survey_experience_synthetic.csv: SYNTHETIC respondents (seed 2024).

Invented members answering the experience-of-office questions, laid out as a Microsoft Forms
CSV export: ID, Start time, Completion time (dates in 2024, so the survey year is found),
"Which council do you represent?" (council names from the package's registry), sex,
disability (Yes / No), the political group question, then every experience question in the
template's exact English wording (``experience.template.question_set("en")``), single answers
as the template's labels and multi-select answers joined by ";" with the trailing ";" Forms
writes. ``load_survey`` reads it like any export. Effects built in, so tests can check that a
real difference is found and a null one is not claimed:

- online abuse: women 70%, men 45% (a true difference of 25 points);
- online abuse does not depend on disability (a null difference): 57% whatever the answer;
- threats of violence: disabled members 30%, others 15%.

Respondents come from all 22 councils, each council's chance in proportion to its seats, so
about half of each council's members respond (the sample once drew four councils evenly, which
gave response rates over 100%). The two questions that layout did not have
("Did you report it?", asked of those who reported abuse, and family absence) are drawn from a
second stream (seed [2024, 2]), so the first stream is unchanged; the times are spread over
May and June 2024 by respondent number, with no draw.

Run: PYTHONPATH=src python scripts/make_sample_experience.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from diversity_review.councils import council_name, councils
from diversity_review.experience import measure, question_set

SEED = 2024
N = 600
OUT = (
    Path(__file__).resolve().parents[1] / "data" / "raw" / "member_survey_experience_synthetic.csv"
)
#: every council, each drawn in proportion to its 2022 seats (about half of each council's
#: members respond, as a real all-Wales survey might: no council above its seats)
_REGISTRY = councils()
COUNCILS = _REGISTRY["council_code"].tolist()
WEIGHTS = (_REGISTRY["seats_2022"] / _REGISTRY["seats_2022"].sum()).to_numpy()
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
#: the questions before the experience ones (the template's political group question after)
ABOUT = ["Which council do you represent?", "What is your sex?"]
DISABILITY = "Do you consider yourself to be disabled?"


def respondent(rng: np.random.Generator) -> dict[str, object]:
    """One invented member: canonical answers, drawn in the sample's original order."""
    sex = rng.choice(["Female", "Male", "Prefer not to say"], p=[0.4, 0.56, 0.04])
    disabled = rng.random() < 0.2
    online = rng.random() < (0.70 if sex == "Female" else 0.45 if sex == "Male" else 0.57)
    in_person = rng.random() < 0.45
    threats = rng.random() < (0.30 if disabled else 0.15)
    at_home = rng.random() < 0.10
    stand = rng.choice(["Yes", "No", "Undecided"], p=[0.5, 0.25, 0.25])
    return {
        "council": str(rng.choice(COUNCILS, p=WEIGHTS)),
        "political_group": str(rng.choice(GROUPS)),
        "sex": str(sex),
        "disabled": bool(disabled),
        "abuse": {"online": online, "in_person": in_person, "threats": threats, "at_home": at_home},
        "security_measures": "Yes" if rng.random() < 0.6 else "No",
        "felt_safe": str(rng.choice(["Yes", "Sometimes", "No"], p=[0.5, 0.35, 0.15])),
        "caring_for": {"children": rng.random() < 0.25, "adults": rng.random() < 0.15},
        "remote_attendance": "Yes" if rng.random() < 0.8 else "No",
        "meeting_times": str(rng.choice(["Yes", "Sometimes", "No"], p=[0.45, 0.35, 0.2])),
        "care_allowance": {"aware": rng.random() < 0.5, "used": rng.random() < 0.05},
        "hours": str(rng.choice(HOURS, p=[0.15, 0.3, 0.3, 0.15, 0.1])),
        "stand_again": str(stand),
        "not_standing_reason": str(rng.choice(REASONS)) if stand == "No" else None,
        "training": {
            "code_of_conduct": rng.random() < 0.85,
            "social_media": rng.random() < 0.4,
            "personal_safety": rng.random() < 0.3,
        },
    }


def later_questions(rng: np.random.Generator, answers: dict[str, object]) -> None:
    """The questions the one-column-per-measure sample did not ask, from the second stream."""
    abused = any(answers["abuse"].values())  # type: ignore[union-attr]
    council, police = rng.random() < 0.4, rng.random() < 0.15
    party = rng.random() < 0.25
    answers["reported"] = {"council": council, "police": police, "party": party} if abused else None
    answers["family_absence"] = {"aware": rng.random() < 0.4, "used": rng.random() < 0.03}


def _cell(name: str, answer: object) -> str:
    """An answer as Forms writes it: a single answer's label, ticked labels joined by ";"."""
    if answer is None:
        return ""  # skipped
    m = measure(name)
    if m.kind == "single":
        return m.labels[str(answer)]["en"]
    ticked = [o for o, yes in answer.items() if yes] or [m.none_option]  # type: ignore[union-attr]
    return "".join(f"{m.labels[o]['en']};" for o in ticked)


def _time(i: int) -> tuple[str, str]:
    """Start and completion times, spread over May and June 2024 by respondent number."""
    day, month = 1 + (i * 7) % 30, 5 + i % 2
    hour, minute = 8 + i % 12, (i * 13) % 50
    start = f"{day:02d}/{month:02d}/2024 {hour:02d}:{minute:02d}"
    return start, f"{day:02d}/{month:02d}/2024 {hour:02d}:{minute + 4 + i % 6:02d}"


def forms_row(i: int, answers: dict[str, object], names: list[str]) -> list[str]:
    """Respondent ``i``'s row of the export."""
    start, done = _time(i)
    about = [council_name(str(answers["council"])), str(answers["sex"])]
    disabled = "Yes" if answers["disabled"] else "No"
    return [str(i), start, done, *about, disabled, *(_cell(n, answers[n]) for n in names)]


def main() -> None:
    rng, later = np.random.default_rng(SEED), np.random.default_rng([SEED, 2])
    people = [respondent(rng) for _ in range(N)]
    for answers in people:
        later_questions(later, answers)
    questions = question_set("en")
    first = [q for q in questions if q.measure == "political_group"]
    ordered = first + [q for q in questions if q.measure != "political_group"]
    names = [q.measure for q in ordered]
    header = ["ID", "Start time", "Completion time", *ABOUT, DISABILITY]
    header += [q.text for q in ordered]
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write(
            "SYNTHETIC DATA - NOT REAL: invented respondents made by "
            f"scripts/make_sample_experience.py (seed {SEED})\n"
        )
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(forms_row(i, a, names) for i, a in enumerate(people, 1))


if __name__ == "__main__":
    main()
