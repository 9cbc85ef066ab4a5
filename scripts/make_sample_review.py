"""Make the SYNTHETIC WLGA-style review workbook ``data/raw/wlga_review_synthetic.xlsx``.

Every count in the workbook is drawn at random (``numpy.random.default_rng(2022)``) around
published headline figures (women about 36% of councillors in 2022 and 28% in 2017, ethnic
minority 2-4%, aged 60+ about 45%, new councillors about 45% in 2022). Only the 2022 seat totals
are real (from the package's council registry); the 2017 seat totals are synthetic too. None of
it describes a real council.

The 2022 sheet is laid out the way hand-typed review sheets are (title and note rows, a two-row
header with merged group cells, councils spelled several ways, numbers stored as text, ``*``
suppressed, ``-`` nil, a "% female" column, a Wales totals row and footnotes), so the loader's
handling of each is exercised; the 2017 sheet has a plain one-row header.

Run ``python scripts/make_sample_review.py`` (or ``make sample``). ``sample_counts()`` returns
the tidy counts the loader should read back, for the round-trip test.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.styles import Alignment, Font

from diversity_review.councils import council_name, councils
from diversity_review.load.synthetic import MARK as SYNTHETIC_MARK

SEED = 2022
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "raw" / "wlga_review_synthetic.xlsx"
SHEET_2022 = "Councillors 2022"
SHEET_2017 = "Councillors 2017"
SUPPRESSED_2022 = {("W06000024", "ethnicity", "Ethnic minority")}  # shown as "*"

# Rough shares of Welsh speakers by council used as the binomial probability (synthetic model
# parameters, not figures about any council); the rest use 0.15.
_WELSH_P = {
    "W06000001": 0.65,
    "W06000002": 0.8,
    "W06000003": 0.35,
    "W06000004": 0.3,
    "W06000008": 0.6,
    "W06000010": 0.5,
    "W06000023": 0.25,
}

# How the 2022 sheet spells each council (official English name where not listed).
_SPELLING_2022 = {
    "W06000001": "Isle of Anglesey County Council",
    "W06000003": "Conwy County Borough Council",
    "W06000004": "Sir Ddinbych",
    "W06000006": "W06000006",
    "W06000011": "City and County of Swansea",
    "W06000014": "The Vale of Glamorgan",
    "W06000016": "Rhondda Cynon Taff",
    "W06000020": "Torfaen County Borough",
}
# Numbers stored as text in the 2022 sheet: (council, column key) -> how the text is written.
_AS_TEXT_2022 = {
    ("W06000003", "seats"): "{}",
    ("W06000015", ("sex", "Female")): " {} ",
    ("W06000002", ("tenure", "New")): "{}.0",
    ("W06000023", ("ethnicity", "White")): "{}",
}

# (measure, group) columns of each sheet, in sheet order
_GROUPS_2022 = [
    ("sex", "Female"),
    ("sex", "Male"),
    ("sex", "Not known"),
    ("ethnicity", "White"),
    ("ethnicity", "Ethnic minority"),
    ("ethnicity", "Not known"),
    ("age", "Under 40"),
    ("age", "40-59"),
    ("age", "60+"),
    ("age", "Not known"),
    ("tenure", "New"),
    ("tenure", "Returning"),
    ("disability", "Disabled"),
    ("welsh_language", "Welsh speaker"),
    ("uncontested", "Uncontested seats"),
    ("executive_sex", "Female"),
    ("executive_sex", "Male"),
]
_GROUPS_2017 = [
    ("sex", "Female"),
    ("sex", "Male"),
    ("ethnicity", "White"),
    ("ethnicity", "Ethnic minority"),
    ("ethnicity", "Not known"),
    ("age", "Under 40"),
    ("age", "40-59"),
    ("age", "60+"),
    ("age", "Not known"),
    ("tenure", "New"),
    ("tenure", "Returning"),
    ("uncontested", "Uncontested seats"),
]


def _draw_council(rng: np.random.Generator, seats: int, year: int, code: str) -> dict:
    """One council's synthetic counts; every group of a measure adds up to the seats."""
    p_female = float(np.clip(rng.normal(0.36 if year == 2022 else 0.28, 0.07), 0.05, 0.6))
    # the sex of a councillor is almost always known: "Not known" is rare (and small counts
    # there would force suppression of the whole sex row in the published pack)
    sex_nk = int(rng.binomial(seats, 0.002))
    female = int(rng.binomial(seats - sex_nk, p_female))
    minority = int(rng.binomial(seats, 0.03))
    eth_nk = int(rng.binomial(seats - minority, 0.06))
    age_nk = int(rng.binomial(seats, 0.04))
    over60 = int(rng.binomial(seats - age_nk, 0.47))
    under40 = int(rng.binomial(seats - age_nk - over60, 0.22))
    new = int(rng.binomial(seats, 0.45 if year == 2022 else 0.36))
    row = {
        "seats": seats,
        ("sex", "Female"): female,
        ("sex", "Male"): seats - sex_nk - female,
        ("sex", "Not known"): sex_nk,
        ("ethnicity", "White"): seats - minority - eth_nk,
        ("ethnicity", "Ethnic minority"): minority,
        ("ethnicity", "Not known"): eth_nk,
        ("age", "Under 40"): under40,
        ("age", "40-59"): seats - age_nk - over60 - under40,
        ("age", "60+"): over60,
        ("age", "Not known"): age_nk,
        ("tenure", "New"): new,
        ("tenure", "Returning"): seats - new,
        ("disability", "Disabled"): int(rng.binomial(seats, 0.1)),
        ("welsh_language", "Welsh speaker"): int(rng.binomial(seats, _WELSH_P.get(code, 0.15))),
        ("uncontested", "Uncontested seats"): int(rng.binomial(seats, 0.06)),
    }
    cabinet = int(rng.integers(6, 11))
    cab_female = int(rng.binomial(cabinet, 0.35))
    row.update(
        {
            "cabinet": cabinet,
            ("executive_sex", "Female"): cab_female,
            ("executive_sex", "Male"): cabinet - cab_female,
            "leader": "Female" if rng.random() < 0.2 else "Male",
        }
    )
    return row


def sample_data(seed: int = SEED) -> dict[int, pd.DataFrame]:
    """The synthetic draws: a wide frame per election (index ``council_code``).

    Columns are ``"seats"``, ``"cabinet"``, ``"leader"`` and ``(measure, group)`` tuples.

    Examples
    --------
    >>> data = sample_data()
    >>> int(data[2022]["seats"].sum())
    1234
    """
    rng = np.random.default_rng(seed)
    table = councils()
    out: dict[int, pd.DataFrame] = {}
    for year in (2022, 2017):
        rows = {}
        for code, seats_2022 in zip(table["council_code"], table["seats_2022"], strict=True):
            seats = int(seats_2022) if year == 2022 else int(seats_2022) + int(rng.integers(-5, 6))
            rows[code] = _draw_council(rng, seats, year, code)
        out[year] = pd.DataFrame.from_dict(rows, orient="index")
    return out


def sample_counts(seed: int = SEED) -> pd.DataFrame:
    """What ``load_review`` should read from the workbook: tidy counts (suppressed cells NA).

    Columns ``election``, ``council_code``, ``council``, ``measure``, ``group``, ``count``,
    ``base``, ``suppressed``.

    Examples
    --------
    >>> counts = sample_counts()
    >>> sorted(counts["election"].unique().tolist())
    [2017, 2022]
    """
    records = []
    data = sample_data(seed)
    for year, groups in ((2022, _GROUPS_2022), (2017, _GROUPS_2017)):
        for code, row in data[year].iterrows():
            for measure, group in groups:
                suppressed = year == 2022 and (code, measure, group) in SUPPRESSED_2022
                base = row["cabinet"] if measure == "executive_sex" else row["seats"]
                count = None if suppressed else int(row[(measure, group)])
                records.append((year, code, measure, group, count, int(base), suppressed))
            if year == 2022:
                for group in ("Female", "Male"):
                    records.append(
                        (year, code, "leader_sex", group, int(row["leader"] == group), 1, False)
                    )
    frame = pd.DataFrame.from_records(
        records,
        columns=["election", "council_code", "measure", "group", "count", "base", "suppressed"],
    )
    frame.insert(2, "council", frame["council_code"].map(council_name))
    return frame.astype({"election": "Int64", "count": "Int64", "base": "Int64"})


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------

_README = [
    "SYNTHETIC DATA - NOT REAL",
    "",
    "Every count in this workbook is synthetic: it was drawn at random by the script "
    "scripts/make_sample_review.py (numpy random seed 2022). It is not real data and does not "
    "describe any real council or councillor.",
    "The counts were drawn around published headline figures for Welsh councils (women about "
    "36% of councillors in 2022 and 28% in 2017; ethnic minority 2-4%; aged 60 and over about "
    "45%; new councillors about 45% in 2022), so they look plausible, but each council's "
    "figures are made up.",
    "Only the seat totals on the 2022 sheet are real (seats at the May 2022 elections, from the "
    "package's council registry). The 2017 seat numbers are synthetic too.",
    "The 2022 sheet is laid out untidily on purpose (title rows, a two-row header, council "
    "names spelled several ways, numbers stored as text, suppressed and nil cells, a totals "
    "row, footnotes) to test the loader.",
    "Markers: * suppressed (fewer than 5); - nil (0).",
]


def _cell_value(code: str, key, value: int, year: int):
    if year != 2022:
        return value
    if isinstance(key, tuple) and (code, *key) in SUPPRESSED_2022:
        return "*"
    if (code, key) in _AS_TEXT_2022:
        return _AS_TEXT_2022[(code, key)].format(value)
    if value == 0:
        return "-"
    return value


def _write_2022(ws, data: pd.DataFrame) -> None:
    ws.append(["Diversity of councillors elected in May 2022 - SYNTHETIC DATA, NOT REAL"])
    ws.append(["Welsh principal councils: desk-based review (illustrative layout)"])
    ws.append(["Note: all counts are synthetic, made by scripts/make_sample_review.py"])
    ws.append([])
    upper = ["Council", "Seats", "Gender", None, None, "% female", "Ethnicity", None, None]
    upper += ["Age", None, None, None, "Councillor status", None, "Disabled", "Welsh speakers"]
    upper += ["Uncontested seats", "Cabinet", None, None, "Leader gender"]
    lower = [None, None, "Female", "Male", "Not known", None, "White", "BAME", "Not known"]
    lower += ["Under 40", "40 to 59", "60 and over", "Not known", "New", "Re-elected", None, None]
    lower += [None, "Size", "Female", "Male", None]
    ws.append(upper)
    ws.append(lower)
    for rng in ("A5:A6", "B5:B6", "F5:F6", "P5:P6", "Q5:Q6", "R5:R6", "V5:V6"):
        ws.merge_cells(rng)
    for rng in ("C5:E5", "G5:I5", "J5:M5", "N5:O5", "S5:U5"):
        ws.merge_cells(rng)
    for cell in ws[5] + ws[6]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    keys = ["seats", *_GROUPS_2022[:3]]
    for i, (code, row) in enumerate(data.iterrows()):
        name = _SPELLING_2022.get(code, council_name(code))
        values = [name] + [_cell_value(code, k, int(row[k]), 2022) for k in keys]
        values.append(round(100 * row[("sex", "Female")] / row["seats"], 1))
        values += [_cell_value(code, k, int(row[k]), 2022) for k in _GROUPS_2022[3:15]]
        values.append(_cell_value(code, "cabinet", int(row["cabinet"]), 2022))
        values += [_cell_value(code, k, int(row[k]), 2022) for k in _GROUPS_2022[15:]]
        values.append(row["leader"] if i % 2 == 0 else row["leader"][0])
        ws.append(values)
    ws.append([])
    sums = {k: int(data[k].sum()) for k in ["seats", *_GROUPS_2022, "cabinet"]}
    total = ["Wales", sums["seats"], *(sums[k] for k in _GROUPS_2022[:3])]
    total.append(round(100 * sums[("sex", "Female")] / sums["seats"], 1))
    total += [sums[k] for k in _GROUPS_2022[3:15]]
    total += [sums["cabinet"], *(sums[k] for k in _GROUPS_2022[15:]), None]
    ws.append(total)
    ws.append(["Source: SYNTHETIC figures generated by scripts/make_sample_review.py; not real."])
    ws.append(["* suppressed (fewer than 5 councillors); - nil. Wales = sum of the 22 councils."])
    ws.column_dimensions["A"].width = 34
    ws.freeze_panes = "B7"


def _write_2017(ws, data: pd.DataFrame) -> None:
    header = ["Council", "Total councillors", "Women", "Men", "White", "Ethnic minority"]
    header += ["Ethnicity unknown", "Under 40", "40-59", "60+", "Age not known", "New"]
    header += ["Returning", "Uncontested seats"]
    ws.append(header)
    for code, row in data.iterrows():
        ws.append([council_name(code), int(row["seats"]), *(int(row[k]) for k in _GROUPS_2017)])
    ws.column_dimensions["A"].width = 22


def _normalise_zip(data: bytes) -> bytes:
    """Fixed timestamps so the same seed gives the same bytes (openpyxl stamps the time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(<)",
                    rb"\g<1>2022-05-06T00:00:00Z\g<3>",
                    content,
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=(2022, 5, 6, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, content)
    return out.getvalue()


def write_workbook(path: Path = OUT, seed: int = SEED) -> Path:
    """Write the synthetic review workbook (atomically) and return its path.

    Examples
    --------
    >>> write_workbook(Path("/tmp/review.xlsx"))  # doctest: +SKIP
    PosixPath('/tmp/review.xlsx')
    """
    data = sample_data(seed)
    book = openpyxl.Workbook()
    readme = book.active
    readme.title = "Read me"
    book.properties.keywords = SYNTHETIC_MARK  # the marker the loaders read
    for line in _README:
        readme.append([line])
    readme["A1"].font = Font(bold=True, size=14)
    readme.column_dimensions["A"].width = 120
    _write_2022(book.create_sheet(SHEET_2022), data[2022])
    _write_2017(book.create_sheet(SHEET_2017), data[2017])
    buffer = io.BytesIO()
    book.save(buffer)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".xlsx")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_normalise_zip(buffer.getvalue()))
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def main() -> None:
    path = write_workbook()
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()
