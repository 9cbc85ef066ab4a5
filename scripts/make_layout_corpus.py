"""A corpus of SYNTHETIC files laid out the way councils, StatsWales-style releases, survey
tools and rosters really lay them out, each with the values a loader must find in it.

Every number is drawn here (numpy seed 2011) for a handful of councils, then written in each
layout; the expected values are this script's own source numbers (never read back by a
loader), or the one-line refusal a file must give. Nothing describes a real council or
person.

    python scripts/make_layout_corpus.py OUT_DIR      # writes the files and a summary

Used by ``tests/test_layout_corpus.py`` (the corpus is written to a temporary folder).
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook

SEED = 2011
SYNTHETIC = "SYNTHETIC DATA - NOT REAL (scripts/make_layout_corpus.py)"
#: the councils the corpus uses: ONS code, English name, Welsh name
COUNCILS = (
    ("W06000001", "Isle of Anglesey", "Ynys Môn"),
    ("W06000002", "Gwynedd", "Gwynedd"),
    ("W06000015", "Cardiff", "Caerdydd"),
    ("W06000011", "Swansea", "Abertawe"),
    ("W06000023", "Powys", "Powys"),
    ("W06000022", "Newport", "Casnewydd"),
)
WALES = "W92000004"
#: the groups each measure is drawn in (the loader's canonical names)
GROUPS = {
    "sex": ("Female", "Male"),
    "age": ("Under 40", "40-59", "60+"),
    "welsh_language": ("Welsh speaker", "Not Welsh speaker"),
}
#: header words per language for the wide layouts
WORDS = {
    "en": {
        "council": "Council",
        "seats": "Seats",
        ("sex", "Female"): "Female",
        ("sex", "Male"): "Male",
        ("age", "Under 40"): "Under 40",
        ("age", "40-59"): "40-59",
        ("age", "60+"): "60+",
        ("welsh_language", "Welsh speaker"): "Welsh speaker",
        ("welsh_language", "Not Welsh speaker"): "Not Welsh speaker",
        "sex": "Sex",
        "age": "Age",
        "welsh_language": "Welsh language",
    },
    "cy": {
        "council": "Cyngor",
        "seats": "Seddi",
        ("sex", "Female"): "Menywod",
        ("sex", "Male"): "Dynion",
        ("age", "Under 40"): "Dan 40 oed",
        ("age", "40-59"): "40-59 oed",
        ("age", "60+"): "60 oed a throsodd",
        ("welsh_language", "Welsh speaker"): "Yn siarad Cymraeg",
        ("welsh_language", "Not Welsh speaker"): "Ddim yn siarad Cymraeg",
        "sex": "Rhyw",
        "age": "Oedran",
        "welsh_language": "Y Gymraeg",
    },
}

Key = tuple[int, str, str, str]  # election, council code, measure, group


@dataclass
class Case:
    """One corpus file: what it imitates, the kind it is, and what loading it must give.

    ``counts`` (review) maps (election, code, measure, group) to a count (None: suppressed,
    with ``bounds`` for cells such as ``<5``); ``groups`` (survey, roster) maps (measure,
    group) to the number of people; ``refusal`` is a text the one-line error must hold.
    """

    name: str
    layout: str
    tool: str
    kind: str
    counts: dict[Key, int | None] = field(default_factory=dict)
    bounds: dict[Key, tuple[int, int]] = field(default_factory=dict)
    groups: dict[tuple[str, str], int] = field(default_factory=dict)
    people: int | None = None
    refusal: str | None = None
    code: str | None = None
    columns: dict[str, object] | None = None  # a --columns mapping the file needs


# ---------------------------------------------------------------------------------------------
# source numbers
# ---------------------------------------------------------------------------------------------


def _split(rng: np.random.Generator, total: int, shares: tuple[float, ...]) -> list[int]:
    drawn = rng.multinomial(total, np.array(shares) / sum(shares))
    return [int(x) for x in drawn]


def draw(elections: tuple[int, ...] = (2017, 2022)) -> dict[tuple[int, str], dict]:
    """(election, code) -> {"seats": n, (measure, group): count} for every council."""
    rng = np.random.default_rng(SEED)
    shares = {"sex": (0.35, 0.65), "age": (0.15, 0.4, 0.45), "welsh_language": (0.5, 0.5)}
    found = {}
    for year in elections:
        for code, _, _ in COUNCILS:
            seats = int(rng.integers(30, 76))
            row: dict = {"seats": seats}
            for measure, groups in GROUPS.items():
                for g, n in zip(groups, _split(rng, seats, shares[measure]), strict=True):
                    row[(measure, g)] = n
            found[(year, code)] = row
    return found


SOURCE = draw()


def expected(years: tuple[int, ...], measures=tuple(GROUPS)) -> dict[Key, int | None]:
    return {
        (y, code, m, g): SOURCE[(y, code)][(m, g)]
        for y in years
        for code, _, _ in COUNCILS
        for m in measures
        for g in GROUPS[m]
    }


def _keys(measures=tuple(GROUPS)) -> list[tuple[str, str]]:
    return [(m, g) for m in measures for g in GROUPS[m]]


def _name(code: str, lang: str = "en") -> str:
    return next(en if lang == "en" else cy for c, en, cy in COUNCILS if c == code)


def _wales(year: int, key) -> int:
    return sum(SOURCE[(year, code)][key] for code, _, _ in COUNCILS)


# ---------------------------------------------------------------------------------------------
# writers
# ---------------------------------------------------------------------------------------------


def write_csv(path: Path, rows: list[list[object]], delimiter: str = ",") -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]], merges=None) -> None:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
        for rng in (merges or {}).get(title, ()):
            ws.merge_cells(rng)
    book.save(path)


def write_ods(path: Path, rows: list[list[object]], sheet: str = "Sheet1") -> None:
    width = max(len(r) for r in rows)
    frame = pd.DataFrame([list(r) + [None] * (width - len(r)) for r in rows])
    frame.to_excel(path, engine="odf", header=False, index=False, sheet_name=sheet)


def write_any(path: Path, rows: list[list[object]], sheet: str = "Data") -> None:
    if path.suffix == ".csv":
        write_csv(path, rows)
    elif path.suffix == ".ods":
        write_ods(path, rows, sheet)
    else:
        write_xlsx(path, {sheet: rows})


# ---------------------------------------------------------------------------------------------
# review layouts
# ---------------------------------------------------------------------------------------------


def _wide_rows(year: int, lang: str = "en", cell=None, measures=tuple(GROUPS)) -> list[list]:
    words = WORDS[lang]
    header = [words["council"], words["seats"], *(words[k] for k in _keys(measures))]
    rows = [header]
    for code, _, _ in COUNCILS:
        src = SOURCE[(year, code)]
        values = [(cell or (lambda v, s, k: v))(src[k], src["seats"], k) for k in _keys(measures)]
        rows.append([_name(code, lang), src["seats"], *values])
    return rows


def statswales_release(out: Path) -> Case:
    """A StatsWales-style release: title and notes rows, area code and name, Wales total."""
    rows: list[list] = [
        [f"Councillors by characteristic, May 2022 - {SYNTHETIC}"],
        ["Source: synthetic desk review"],
        [],
        ["Area code", "Area", "Total councillors", *(WORDS["en"][k] for k in _keys())],
    ]
    for code, en, _ in COUNCILS:
        src = SOURCE[(2022, code)]
        rows.append([code, en, src["seats"], *(src[k] for k in _keys())])
    rows.append([WALES, "Wales", _wales(2022, "seats"), *(_wales(2022, k) for k in _keys())])
    rows += [[], ["Notes:"], ["1. Figures are synthetic."], ["[c] confidential"]]
    write_xlsx(out / "statswales_release_2022.xlsx", {"Table 1": rows})
    return Case(
        "statswales_release_2022.xlsx",
        "wide, notes rows, codes and names, Wales total",
        "StatsWales release",
        "review",
        expected((2022,)),
    )


def code_only(out: Path, suffix: str) -> Case:
    """Councils by ONS code only, the Wales code as the total row."""
    rows: list[list] = [["Area code", "Seats", *(WORDS["en"][k] for k in _keys())]]
    for code, _, _ in COUNCILS:
        src = SOURCE[(2022, code)]
        rows.append([code, src["seats"], *(src[k] for k in _keys())])
    rows.append([WALES, _wales(2022, "seats"), *(_wales(2022, k) for k in _keys())])
    name = f"code_only_2022{suffix}"
    write_any(out / name, rows)
    return Case(
        name,
        "code-only (W06 codes, W92000004 total)",
        "StatsWales download",
        "review",
        expected((2022,)),
    )


def code_only_mapped(out: Path) -> Case:
    """A code-only table whose headers no word list knows: loads with a --columns mapping."""
    mapping = {
        "Geography": "council",
        "Cllrs": "seats",
        "F": ("sex", "Female"),
        "M": ("sex", "Male"),
    }
    rows: list[list] = [["Geography", "Cllrs", "F", "M"]]
    for code, _, _ in COUNCILS:
        src = SOURCE[(2022, code)]
        rows.append([code, src["seats"], src[("sex", "Female")], src[("sex", "Male")]])
    write_csv(out / "geography_codes_2022.csv", rows)
    return Case(
        "geography_codes_2022.csv",
        "code-only, own headers, --columns map.toml",
        "ONS-style extract",
        "review",
        expected((2022,), ("sex",)),
        columns=mapping,
    )


def _transposed_rows(year: int, lang: str, corner: str) -> list[list]:
    words = WORDS[lang]
    rows: list[list] = [[corner, None, *(_name(c, lang) for c, _, _ in COUNCILS)]]
    rows.append([words["seats"], None, *(SOURCE[(year, c)]["seats"] for c, _, _ in COUNCILS)])
    for m, groups in GROUPS.items():
        for i, g in enumerate(groups):
            label = words[m] if i == 0 else None
            rows.append(
                [label, words[(m, g)], *(SOURCE[(year, c)][(m, g)] for c, _, _ in COUNCILS)]
            )
    return rows


def transposed(out: Path, lang: str, suffix: str) -> Case:
    corner = "Characteristic" if lang == "en" else "Nodwedd"
    name = f"councils_across_{lang}_2022{suffix}"
    write_any(out / name, _transposed_rows(2022, lang, corner))
    tool = "council committee report" if lang == "en" else "adroddiad pwyllgor (Welsh)"
    return Case(name, f"transposed: councils across ({lang})", tool, "review", expected((2022,)))


def _long_rows(years, lang: str, order: list[int]) -> list[list]:
    heads = {
        "en": ["Council", "Year", "Characteristic", "Category", "Number"],
        "cy": ["Cyngor", "Blwyddyn", "Nodwedd", "Categori", "Nifer"],
    }[lang]
    rows = [[heads[i] for i in order]]
    for y in years:
        for code, _, _ in COUNCILS:
            seats = SOURCE[(y, code)]["seats"]
            line = [_name(code, lang), y, WORDS[lang]["seats"], None, seats]
            rows.append([line[i] for i in order])
            for m, g in _keys():
                line = [
                    _name(code, lang),
                    y,
                    WORDS[lang][m],
                    WORDS[lang][(m, g)],
                    SOURCE[(y, code)][(m, g)],
                ]
                rows.append([line[i] for i in order])
    return rows


def long_table(out: Path, lang: str, years, order, suffix: str, tool: str) -> Case:
    tag = "_".join(map(str, years))
    name = f"long_{lang}_{tag}{suffix}"
    write_any(out / name, _long_rows(years, lang, order))
    shuffled = "" if order == [0, 1, 2, 3, 4] else ", columns reordered"
    return Case(name, f"long/tidy ({lang}{shuffled})", tool, "review", expected(tuple(years)))


def stacked_elections(out: Path, titled: bool) -> Case:
    rows: list[list] = []
    for year in (2017, 2022):
        if titled:
            rows.append([f"May {year} election"])
        rows += _wide_rows(year)
        rows.append([])
    name = f"stacked_elections{'' if titled else '_untitled'}.xlsx"
    write_xlsx(out / name, {"Elections": rows})
    if titled:
        return Case(
            name,
            "two elections stacked, year titles",
            "council committee report",
            "review",
            expected((2017, 2022)),
        )
    return Case(
        name,
        "two elections stacked, no titles",
        "council committee report",
        "review",
        refusal="two tables of the same councils",
        code="two-tables-no-year",
    )


def side_by_side(out: Path, merged: bool, suffix: str) -> Case:
    keys = _keys()
    width = 1 + len(keys)
    title: list = [None]
    for year in (2017, 2022):
        title += [f"{year}"] + [None] * (width - 1)
    header = ["Council"] + [WORDS["en"]["seats"], *(WORDS["en"][k] for k in keys)] * 2
    rows = [title, header]
    for code, en, _ in COUNCILS:
        line: list = [en]
        for year in (2017, 2022):
            src = SOURCE[(year, code)]
            line += [src["seats"], *(src[k] for k in keys)]
        rows.append(line)
    name = f"side_by_side{'_merged' if merged else ''}{suffix}"
    if suffix == ".xlsx":
        from openpyxl.utils import get_column_letter as L

        merges = [f"{L(2)}1:{L(1 + width)}1", f"{L(2 + width)}1:{L(1 + 2 * width)}1"]
        write_xlsx(out / name, {"Both": rows}, {"Both": merges if merged else []})
    else:
        write_any(out / name, rows)
    what = "merged year titles" if merged else "a year title over each block"
    return Case(
        name,
        f"two elections side by side, {what}",
        "WLGA briefing table",
        "review",
        expected((2017, 2022)),
    )


def percent_cells(out: Path, consistent: bool) -> Case:
    def cell(v, seats, key):
        pct = 100 * v / seats
        if not consistent and key == ("sex", "Female") and (v, seats) == first:
            pct += 7  # one cell typed wrong
        return f"{v} ({pct:.1f}%)"

    src = SOURCE[(2022, COUNCILS[0][0])]
    first = (src[("sex", "Female")], src["seats"])  # the first council's cell is typed wrong
    name = f"count_percent_cells{'' if consistent else '_wrong'}_2022.xlsx"
    write_xlsx(out / name, {"2022": _wide_rows(2022, cell=cell)})
    if consistent:
        return Case(
            name,
            "count-with-percent cells",
            "council committee report",
            "review",
            expected((2022,)),
        )
    return Case(
        name,
        "count-with-percent cells, percent off",
        "council committee report",
        "review",
        refusal=f"cell C2: Female: the cell says {first[0]} is",
        code="percent-off-count",
    )


def markers(out: Path) -> Case:
    """GSS shorthand and small-count markers in the cells: <5, <3, ~, .., [c]."""
    marks = {
        ("sex", "Female"): "<5",
        ("age", "Under 40"): "<3",
        ("age", "40-59"): "~",
        ("welsh_language", "Welsh speaker"): "..",
        ("sex", "Male"): "[c]",
    }
    rows = _wide_rows(2022)
    want = expected((2022,))
    bounds = {}
    for i, (m, g) in enumerate(marks):
        r = 1 + i  # council row i gets marker i
        code = COUNCILS[i][0]
        col = rows[0].index(WORDS["en"][(m, g)])
        rows[r][col] = marks[(m, g)]
        want[(2022, code, m, g)] = None
        if marks[(m, g)].startswith("<"):
            bounds[(2022, code, m, g)] = (1, int(marks[(m, g)][1:]) - 1)
    write_csv(out / "markers_2022.csv", rows)
    return Case(
        "markers_2022.csv",
        "suppression markers <5 <3 ~ .. [c]",
        "GSS-style release",
        "review",
        want,
        bounds,
    )


def welsh_wide(out: Path) -> Case:
    rows = [[f"Cynghorwyr 2022 - {SYNTHETIC}"], [], *_wide_rows(2022, "cy")]
    write_ods(out / "cynghorwyr_2022.ods", rows, "2022")
    return Case(
        "cynghorwyr_2022.ods",
        "wide, Welsh headers and names",
        "LibreOffice (Welsh)",
        "review",
        expected((2022,)),
    )


def semicolon_wide(out: Path) -> Case:
    write_csv(out / "review_semicolon_2022.csv", _wide_rows(2022), delimiter=";")
    return Case(
        "review_semicolon_2022.csv",
        "wide, semicolon-separated",
        "Excel (EU locale)",
        "review",
        expected((2022,)),
    )


def transposed_wales_column(out: Path) -> Case:
    rows = _transposed_rows(2022, "en", "Council")
    rows[0].append("Wales")
    rows[1].append(_wales(2022, "seats"))
    for r, (m, g) in enumerate(_keys(), start=2):
        rows[r].append(_wales(2022, (m, g)))
    write_csv(out / "councils_across_wales_total_2022.csv", rows)
    return Case(
        "councils_across_wales_total_2022.csv",
        "transposed with a Wales column",
        "regional briefing",
        "review",
        expected((2022,)),
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
        people.append((_name(code, lang), SEXES[lang][s], k))
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


# ---------------------------------------------------------------------------------------------
# the corpus
# ---------------------------------------------------------------------------------------------


def build(out: str | Path) -> list[Case]:
    """Write every corpus file into ``out``; the cases, with what each must load to."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    order_cy = [4, 0, 2, 3, 1]  # Nifer, Cyngor, Nodwedd, Categori, Blwyddyn
    return [
        statswales_release(out),
        code_only(out, ".csv"),
        code_only(out, ".ods"),
        code_only_mapped(out),
        transposed(out, "en", ".xlsx"),
        transposed(out, "cy", ".ods"),
        transposed_wales_column(out),
        long_table(out, "en", (2022,), [0, 1, 2, 3, 4], ".csv", "StatsWales open data (CSV)"),
        long_table(out, "cy", (2022,), order_cy, ".xlsx", "StatsWales (Welsh) download"),
        long_table(out, "en", (2017, 2022), [2, 3, 0, 1, 4], ".ods", "data-lab extract"),
        stacked_elections(out, titled=True),
        stacked_elections(out, titled=False),
        side_by_side(out, merged=True, suffix=".xlsx"),
        side_by_side(out, merged=False, suffix=".csv"),
        percent_cells(out, consistent=True),
        percent_cells(out, consistent=False),
        markers(out),
        welsh_wide(out),
        semicolon_wide(out),
        forms_export(out, "en", ".xlsx"),
        forms_export(out, "cy", ".xlsx"),
        google_forms(out),
        jisc_export(out),
        smartsurvey_welsh(out),
        roster(out, "en", ".xlsx"),
        roster(out, "cy", ".csv"),
        notes_only(out),
    ]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: make_layout_corpus.py OUT_DIR", file=sys.stderr)
        return 2
    for case in build(argv[0]):
        print(f"{case.name}\t{case.layout}\t{case.tool}\t{case.kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
