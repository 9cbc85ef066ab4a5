"""Write the synthetic member survey exports in data/raw/ (fixed seed: same files every run).

- ``member_survey_synthetic.csv``: a Microsoft Forms export of an English-language member
  diversity survey, saved from Excel as "CSV UTF-8" (BOM, CRLF): 60 respondents of one council
  plus one entirely blank row, export metadata (ID, times, email, name), multi-select Welsh
  skills with the trailing ";" Forms writes, some "Prefer not to say", skipped questions, a few
  detailed ethnicity answers and free-text comments (one starting with "=").
- ``member_survey_cymraeg_synthetic.xlsx``: a small Welsh-language Forms export (12
  respondents) with real date-time cells.

Every person in these files is invented: names are "Test Person 01" and emails end in
``@example.invalid``. Run with ``python scripts/make_sample_survey.py`` (``make sample``).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import numpy as np

from diversity_review.load.synthetic import MARK as SYNTHETIC_MARK

OUT = Path(__file__).resolve().parents[1] / "data" / "raw"
SEED = 2023
NOTICE = (
    f"{SYNTHETIC_MARK} DATA - NOT REAL: invented respondents made by scripts/make_sample_survey.py "
    f"(seed {SEED})"
)

HEADERS = [
    "ID",
    "Start time",
    "Completion time",
    "Email",
    "Name",
    "Last modified time",
    "Which council do you represent?",
    "What is your sex?",
    "Is your gender identity the same as the sex you were registered at birth?",
    "What is your age?",
    "What is your ethnic group?",
    "Do you consider yourself to be disabled?",
    "Which of the following best describes your sexual orientation?",
    "What is your religion or belief?",
    "If you chose another religion, please specify",
    "Which of the following can you do in Welsh? (select all that apply)",
    "Do you have caring responsibilities?",
    "Were you first elected at the May 2022 election?",
    "Any other comments",
]

COUNCIL_SPELLINGS = ["Carmarthenshire County Council", "Carmarthenshire", "Sir Gâr"]
SEX = (["Female", "Male", "Prefer not to say"], [0.44, 0.5, 0.06])
GENDER_IDENTITY = (["Yes", "No", "Prefer not to say"], [0.93, 0.02, 0.05])
ETHNICITY = (
    [
        "White - Welsh/English/Scottish/Northern Irish/British",
        "White - Irish",
        "Any other White background",
        "Asian/Asian British - Pakistani",
        "Mixed/Multiple ethnic groups - White and Asian",
        "Other ethnic group - Arab",
        "Prefer not to say",
    ],
    [0.82, 0.03, 0.03, 0.03, 0.03, 0.02, 0.04],
)
DISABILITY = (["Yes", "No", "Prefer not to say"], [0.14, 0.8, 0.06])
ORIENTATION = (
    [
        "Straight or heterosexual",
        "Gay or lesbian",
        "Bisexual",
        "Other sexual orientation",
        "Prefer not to say",
    ],
    [0.84, 0.04, 0.03, 0.01, 0.08],
)
RELIGION = (
    ["No religion", "Christian", "Muslim", "Any other religion", "Prefer not to say"],
    [0.42, 0.46, 0.03, 0.03, 0.06],
)
SKILLS = ["Understand spoken Welsh", "Speak Welsh", "Read Welsh", "Write Welsh"]
CARING = (["Yes", "No", "Prefer not to say"], [0.3, 0.65, 0.05])
FIRST_ELECTED = (["Yes", "No"], [0.35, 0.65])
COMMENTS = [
    "Thank you for running this survey.",
    "I would like more flexible meeting times.",
    "=Meetings in the daytime make it hard to combine with work",
    "Childcare support would help new councillors.",
    "Please publish the results in Welsh too.",
]


def _pick(rng: np.random.Generator, options: tuple[list[str], list[float]]) -> str:
    values, weights = options
    p = np.asarray(weights) / sum(weights)
    return str(values[rng.choice(len(values), p=p)])


def _maybe(rng: np.random.Generator, value: str, skip: float = 0.04) -> str:
    """Leave a question unanswered now and then."""
    return "" if rng.random() < skip else value


def _skills(rng: np.random.Generator) -> str:
    if rng.random() < 0.04:
        return "Prefer not to say"
    level = rng.choice(5, p=[0.35, 0.1, 0.1, 0.05, 0.4])  # how many skills, in order
    if level == 0:
        return "None of these;"
    return "".join(f"{s};" for s in SKILLS[:level])


def english_rows(rng: np.random.Generator, n: int = 60) -> list[list[str]]:
    rows = []
    start = dt.datetime(2023, 6, 12, 9, 0)
    for i in range(1, n + 1):
        began = start + dt.timedelta(minutes=int(rng.integers(0, 60 * 24 * 20)))
        done = began + dt.timedelta(minutes=int(rng.integers(3, 25)))
        religion = _pick(rng, RELIGION)
        rows.append(
            [
                str(i),
                began.strftime("%d/%m/%Y %H:%M"),
                done.strftime("%d/%m/%Y %H:%M"),
                f"test.person{i:02d}@example.invalid",
                f"Test Person {i:02d}",
                "",
                COUNCIL_SPELLINGS[int(rng.integers(0, len(COUNCIL_SPELLINGS)))],
                _maybe(rng, _pick(rng, SEX)),
                _maybe(rng, _pick(rng, GENDER_IDENTITY)),
                _maybe(rng, str(int(rng.integers(23, 84)))),
                _maybe(rng, _pick(rng, ETHNICITY)),
                _maybe(rng, _pick(rng, DISABILITY)),
                _maybe(rng, _pick(rng, ORIENTATION)),
                _maybe(rng, religion),
                "Pagan (Test Person's own words)" if religion == "Any other religion" else "",
                _maybe(rng, _skills(rng)),
                _maybe(rng, _pick(rng, CARING)),
                _maybe(rng, _pick(rng, FIRST_ELECTED)),
                "",
            ]
        )
    for row, comment in zip(rows[4::11], COMMENTS, strict=False):
        row[-1] = comment
    return rows


def write_english(rng: np.random.Generator) -> Path:
    rows = english_rows(rng)
    rows.insert(37, [""] * len(HEADERS))  # an entirely blank row, as a deleted response leaves
    path = OUT / "member_survey_synthetic.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow([NOTICE])  # the synthetic marker: a first-row note the loaders read
        writer.writerow(HEADERS)
        writer.writerows(rows)
    return path


WELSH_HEADERS = [
    "ID",
    "Amser dechrau",
    "Amser cwblhau",
    "E-bost",
    "Enw",
    "Pa gyngor ydych chi'n ei gynrychioli?",
    "Beth yw eich rhyw?",
    "Beth yw eich oedran?",
    "Beth yw eich grŵp ethnig?",
    "Ydych chi'n ystyried eich hun yn anabl?",
    "Pa sgiliau Cymraeg sydd gennych?",
    "Oes gennych chi gyfrifoldebau gofalu?",
    "Unrhyw sylwadau eraill",
]
WELSH_SKILLS = ["Deall Cymraeg llafar", "Siarad Cymraeg", "Darllen Cymraeg", "Ysgrifennu Cymraeg"]
PNTS_CY = "Gwell gennyf beidio â dweud"


def write_welsh(rng: np.random.Generator) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(WELSH_HEADERS)
    start = dt.datetime(2023, 7, 3, 10, 0)
    for i in range(1, 13):
        began = start + dt.timedelta(minutes=int(rng.integers(0, 60 * 24 * 10)))
        level = int(rng.integers(0, 5))
        skills = "".join(f"{s};" for s in WELSH_SKILLS[:level]) or "Dim un o'r rhain;"
        ws.append(
            [
                i,
                began,
                began + dt.timedelta(minutes=int(rng.integers(3, 20))),
                f"person.prawf{i:02d}@example.invalid",
                f"Person Prawf {i:02d}",
                "Cyngor Gwynedd",
                str(rng.choice(["Benyw", "Gwryw", PNTS_CY], p=[0.45, 0.45, 0.1])),
                int(rng.integers(25, 80)),
                str(
                    rng.choice(
                        [
                            "Gwyn: Cymreig, Seisnig, Albanaidd, Gwyddel Gogledd Iwerddon neu "
                            "Brydeinig",
                            "Gwyn: Gwyddel",
                            PNTS_CY,
                        ],
                        p=[0.8, 0.1, 0.1],
                    )
                ),
                str(rng.choice(["Ydw", "Nac ydw", PNTS_CY], p=[0.15, 0.75, 0.1])),
                skills,
                str(rng.choice(["Oes", "Nac oes"], p=[0.3, 0.7])),
                "Diolch" if i == 5 else None,
            ]
        )
    for row in ws.iter_rows(min_row=2, min_col=2, max_col=3):
        for cell in row:
            cell.number_format = "dd/mm/yyyy hh:mm"
    fixed = dt.datetime(2023, 7, 31, 12, 0)
    wb.properties.created = wb.properties.modified = fixed
    wb.properties.creator = "synthetic sample (scripts/make_sample_survey.py)"
    wb.properties.keywords = SYNTHETIC_MARK  # the marker the loaders read
    path = OUT / "member_survey_cymraeg_synthetic.xlsx"
    wb.save(path)
    return path


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    for path in (write_english(rng), write_welsh(rng)):
        print(f"wrote {path.relative_to(OUT.parents[1])}")


if __name__ == "__main__":
    main()
