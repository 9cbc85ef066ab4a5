"""The layout corpus's shared parts: the councils, the source numbers (numpy seed 2011), the
cases and the writers. SYNTHETIC: nothing here describes a real council or person. Used by
``make_layout_corpus.py`` and ``layout_corpus_people.py``."""

from __future__ import annotations

import csv
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


def keys(measures=tuple(GROUPS)) -> list[tuple[str, str]]:
    return [(m, g) for m in measures for g in GROUPS[m]]


def name_of(code: str, lang: str = "en") -> str:
    return next(en if lang == "en" else cy for c, en, cy in COUNCILS if c == code)


def wales_total(year: int, key) -> int:
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
