"""The layout corpus's survey exports and rosters (SYNTHETIC): each respondent or member drawn
here, the groups they make counted here, never by a loader."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from layout_corpus_base import (
    COUNCILS,
    SEED,
    SYNTHETIC,
    Case,
    name_of,
    write_any,
    write_csv,
    write_xlsx,
)

# ---------------------------------------------------------------------------------------------
# survey exports and rosters
# ---------------------------------------------------------------------------------------------

#: Welsh-skill answers as each tool writes them, and whether the member speaks Welsh
SKILLS = {
    "en": {
        "Speak Welsh;Read Welsh;": True,
        "Understand spoken Welsh;Speak Welsh;Write Welsh;": True,
        "Understand spoken Welsh;": False,
        "Can understand but not speak": False,
        "Understand only": False,
        "None of these": False,
    },
    "cy": {
        "Siarad Cymraeg;Darllen Cymraeg;": True,
        "Deall Cymraeg llafar;Siarad Cymraeg;": True,
        "Deall Cymraeg llafar;": False,
        "Yn deall ond ddim yn siarad": False,
        "Dim yn siarad": False,
        "Dim un o'r rhain": False,
    },
}
SEXES = {"en": ("Female", "Male"), "cy": ("Benyw", "Gwryw")}


def _respondents(n: int, lang: str, seed: int) -> tuple[list[tuple[str, str, str]], dict]:
    """(council, sex answer, skills answer) per respondent, and the groups they make."""
    rng = np.random.default_rng(seed)
    skills = list(SKILLS[lang])
    people, groups = [], {}
    for _ in range(n):
        code = COUNCILS[int(rng.integers(len(COUNCILS)))][0]
        s = int(rng.integers(2))
        k = skills[int(rng.integers(len(skills)))]
        people.append((name_of(code, lang), SEXES[lang][s], k))
        sex = ("sex", ("Female", "Male")[s])
        welsh = ("welsh_language", "Welsh speaker" if SKILLS[lang][k] else "Not Welsh speaker")
        for key in (sex, welsh):
            groups[key] = groups.get(key, 0) + 1
    return people, groups


def forms_export(out: Path, lang: str, suffix: str) -> Case:
    """A Microsoft Forms export: ID, times, email and name, then the questions."""
    heads = {
        "en": [
            "ID",
            "Start time",
            "Completion time",
            "Email",
            "Name",
            "Which council do you represent?",
            "What is your sex?",
            "Which of the following can you do in Welsh?",
        ],
        "cy": [
            "ID",
            "Amser dechrau",
            "Amser cwblhau",
            "E-bost",
            "Enw",
            "Pa gyngor ydych chi'n ei gynrychioli?",
            "Beth yw eich rhyw?",
            "Pa sgiliau sydd gennych yn y Gymraeg?",
        ],
    }[lang]
    people, groups = _respondents(24, lang, SEED + (1 if lang == "en" else 2))
    rows: list[list] = [heads]
    for i, (council, sex, skills) in enumerate(people, start=1):
        rows.append(
            [
                i,
                "01/06/2023 10:00",
                "01/06/2023 10:05",
                f"p{i}@example.invalid",
                f"Person {i}",
                council,
                sex,
                skills,
            ]
        )
    name = f"forms_export_{lang}_2023{suffix}"
    write_any(out / name, rows, "Sheet1")
    tool = "Microsoft Forms" + (" (Welsh)" if lang == "cy" else "")
    return Case(name, f"survey export ({lang})", tool, "survey", groups=groups, people=len(people))


def google_forms(out: Path) -> Case:
    """A Google Forms export: Timestamp first, ticked options separated by commas."""
    people, groups = _respondents(20, "en", SEED + 3)
    rows: list[list] = [
        [
            "Timestamp",
            "Which council do you represent?",
            "What is your sex?",
            "Which of the following can you do in Welsh?",
        ]
    ]
    for council, sex, skills in people:
        rows.append(["2023/06/01 10:00:00", council, sex, skills.rstrip(";").replace(";", ", ")])
    write_csv(out / "google_forms_2023.csv", rows)
    return Case(
        "google_forms_2023.csv",
        "survey export, comma-separated options",
        "Google Forms",
        "survey",
        groups=groups,
        people=len(people),
    )


def jisc_export(out: Path) -> Case:
    """A Jisc Online Surveys export: numbered questions, a response ID and timestamps."""
    people, groups = _respondents(18, "en", SEED + 4)
    rows: list[list] = [
        [
            "Response ID",
            "Started",
            "Completed",
            "1. Which council do you represent?",
            "2. What is your sex?",
            "3. Which of the following can you do in Welsh?",
        ]
    ]
    for i, (council, sex, skills) in enumerate(people, start=1):
        rows.append([f"R{i:04d}", "2023-06-01 10:00", "2023-06-01 10:06", council, sex, skills])
    write_csv(out / "jisc_online_surveys_2023.csv", rows)
    return Case(
        "jisc_online_surveys_2023.csv",
        "survey export, numbered questions",
        "Jisc Online Surveys",
        "survey",
        groups=groups,
        people=len(people),
    )


def smartsurvey_welsh(out: Path) -> Case:
    """A Welsh survey with a bare Ydw / Nac ydw to "Ydych chi'n siarad Cymraeg?"."""
    rng = np.random.default_rng(SEED + 5)
    rows: list[list] = [
        [
            "ID",
            "Dyddiad",
            "Pa gyngor ydych chi'n ei gynrychioli?",
            "Beth yw eich rhyw?",
            "Ydych chi'n gallu siarad Cymraeg?",
        ]
    ]
    groups: dict = {}
    for i in range(1, 16):
        s, w = int(rng.integers(2)), int(rng.integers(2))
        rows.append([i, "2023-06-01", "Cyngor Gwynedd", SEXES["cy"][s], ("Ydw", "Nac ydw")[w]])
        for key in (
            ("sex", ("Female", "Male")[s]),
            ("welsh_language", ("Welsh speaker", "Not Welsh speaker")[w]),
        ):
            groups[key] = groups.get(key, 0) + 1
    write_xlsx(out / "arolwg_aelodau_2023.xlsx", {"Ymatebion": rows})
    return Case(
        "arolwg_aelodau_2023.xlsx",
        "survey export (Welsh), yes/no Welsh question",
        "SmartSurvey (Welsh)",
        "survey",
        groups=groups,
        people=15,
    )


def surveymonkey_welsh(out: Path) -> Case:
    """A SurveyMonkey export in its Welsh interface: Welsh metadata headers, adjective answers
    (Benywaidd, Gwrywaidd) and Gallaf / Na allaf to "A allwch chi siarad yn Gymraeg?"."""
    rng = np.random.default_rng(SEED + 7)
    rows: list[list] = [
        [
            "ID Ymatebydd",
            "Dyddiad dechrau",
            "Dyddiad gorffen",
            "Ym mha gyngor ydych chi'n gynghorydd?",
            "Beth yw eich rhyw?",
            "A allwch chi siarad yn Gymraeg?",
        ]
    ]
    groups: dict = {}
    for i in range(1, 21):
        s, w = int(rng.integers(2)), int(rng.integers(2))
        council = name_of(COUNCILS[i % len(COUNCILS)][0], "cy")
        rows.append(
            [
                1000 + i,
                "06/01/2023 10:00",
                "06/01/2023 10:07",
                council,
                ("Benywaidd", "Gwrywaidd")[s],
                ("Gallaf", "Na allaf")[w],
            ]
        )
        for key in (
            ("sex", ("Female", "Male")[s]),
            ("welsh_language", ("Welsh speaker", "Not Welsh speaker")[w]),
        ):
            groups[key] = groups.get(key, 0) + 1
    write_csv(out / "surveymonkey_cymraeg_2023.csv", rows)
    return Case(
        "surveymonkey_cymraeg_2023.csv",
        "survey export (Welsh interface)",
        "SurveyMonkey (Welsh)",
        "survey",
        groups=groups,
        people=20,
    )


def surveymonkey_two_rows(out: Path) -> Case:
    """A SurveyMonkey export: a second header row of option labels under a multi-select
    question, one column per option holding its label when ticked."""
    rng = np.random.default_rng(SEED + 8)
    labels = ["Understand spoken Welsh", "Speak Welsh", "Read Welsh", "Write Welsh"]
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address"]
    rows: list[list] = [
        [
            *meta,
            "Which council do you represent?",
            "What is your sex?",
            "Which of the following can you do in Welsh?",
            None,
            None,
            None,
        ],
        [None] * len(meta) + ["Response", "Response", *labels],
    ]
    groups: dict = {}
    for i in range(1, 19):
        s = int(rng.integers(2))
        ticked = [bool(rng.integers(2)) for _ in labels]
        ticked[0] = ticked[0] or ticked[1]  # a speaker understands too
        council = name_of(COUNCILS[i % len(COUNCILS)][0])
        rows.append(
            [
                5000 + i,
                1,
                "06/01/2023 10:00",
                "06/01/2023 10:05",
                "192.0.2.1",
                council,
                ("Female", "Male")[s],
                *(lab if t else None for lab, t in zip(labels, ticked, strict=True)),
            ]
        )
        keys = [("sex", ("Female", "Male")[s])]
        if any(ticked):  # nothing ticked: not answered
            keys.append(("welsh_language", "Welsh speaker" if ticked[1] else "Not Welsh speaker"))
        for key in keys:
            groups[key] = groups.get(key, 0) + 1
    write_csv(out / "surveymonkey_2023.csv", rows)
    return Case(
        "surveymonkey_2023.csv",
        "survey export, two header rows, option columns",
        "SurveyMonkey",
        "survey",
        groups=groups,
        people=18,
    )


def roster(out: Path, lang: str, suffix: str) -> Case:
    """A councillor roster: a row per member with ward, party and characteristics."""
    rng = np.random.default_rng(SEED + 6)
    heads = {
        "en": ["Election", "Council", "Ward", "Councillor", "Party", "Sex", "Welsh language"],
        "cy": ["Etholiad", "Cyngor", "Ward", "Enw", "Plaid", "Rhyw", "Cymraeg"],
    }[lang]
    welsh = {"en": ("Welsh speaker", "Not Welsh speaker"), "cy": ("Ydy", "Nac ydy")}[lang]
    rows: list[list] = [heads]
    groups: dict = {}
    code, en, cy = COUNCILS[1]
    for i in range(1, 31):
        s, w = int(rng.integers(2)), int(rng.integers(2))
        rows.append(
            [
                2022,
                en if lang == "en" else cy,
                f"Ward {1 + i // 3:02d}",
                f"Councillor {i:04d}",
                f"Party {'ABC'[i % 3]}",
                SEXES[lang][s],
                welsh[w],
            ]
        )
        for key in (
            ("sex", ("Female", "Male")[s]),
            ("welsh_language", ("Welsh speaker", "Not Welsh speaker")[w]),
        ):
            groups[key] = groups.get(key, 0) + 1
    name = f"roster_{lang}_2022{suffix}"
    write_any(out / name, rows, "Members")
    tool = "Modern.Gov members list" if lang == "en" else "rhestr aelodau (Welsh)"
    return Case(name, f"councillor roster ({lang})", tool, "roster", groups=groups, people=30)


def notes_only(out: Path) -> Case:
    write_xlsx(out / "read_me_only.xlsx", {"Read me": [[SYNTHETIC], ["Nothing but notes."]]})
    return Case(
        "read_me_only.xlsx",
        "notes only",
        "a cover sheet sent alone",
        "unknown",
        refusal="cannot tell what kind of file this is",
        code="unknown-kind",
    )
