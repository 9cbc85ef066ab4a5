"""The roster workbook officers complete: one row per councillor, drop-downs for the rest.

Written from a roster (e.g. one rebuilt from the council's Modern.Gov records): the council,
ward, name, party, group and posts filled in; each characteristic column blank where it is not
known, with a drop-down of its canonical groups; yes/no drop-downs for the roles. The workbook
holds names, so it is raw data: keep it in ``data/raw/`` (which stays out of git) and never
publish it. :func:`~diversity_review.load.roster.load_roster` reads it back.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..categories import NOT_KNOWN
from ..councils import council_name
from ..load.roster import CHARACTERISTICS, ROLES, ROSTER_COLUMNS
from ..load.roster_words import header_text, roster_groups

__all__ = ["WORKBOOK_COLUMNS", "write_roster_workbook", "save_workbook"]

#: the columns of the roster sheet, in order: the roster's, less what the loader derives
WORKBOOK_COLUMNS = tuple(
    c for c in ROSTER_COLUMNS if c not in ("council_code", "job_share", "source")
)
_FLAGS = ("elected_unopposed", *ROLES)
_YES_NO = {"en": ("Yes", "No"), "cy": ("Ie", "Na")}
_SHEETS = {"en": ("Read me", "Roster", "Lists"), "cy": ("Darllen fi", "Rhestr", "Rhestrau")}
_WIDTHS = {"council": 18, "ward": 24, "name": 22, "party": 20, "group": 22, "portfolio": 30}

_README = [
    "Councillor roster: one row per councillor",
    "This workbook holds councillors' names, so it is personal data: keep it with the raw "
    "inputs (data/raw/, which is kept out of git) and do not publish or share it.",
    "Council, ward, name, party, group and posts come from the council's own published "
    "records (Modern.Gov) where the tool fetched them. Check them, and correct any role the "
    "tool read wrongly from the posts in the last column.",
    "Fill in the characteristic columns only from what councillors have told the council "
    "themselves (e.g. the member diversity survey). Never guess them from names or photos. "
    "Leave a cell blank where it is not known; choose 'Prefer not to say' where a member "
    "declined. Each column has a drop-down of the groups the review counts.",
    "Roles: Yes or No. The leader, deputy leaders and anyone with a portfolio count as "
    "executive (cabinet) members. Two members with the same portfolio are a job share.",
    "Read it back with diversity_review.load_roster (or the pack), which checks every cell.",
]


def _cell(column: str, value: object, lang: str) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if column in _FLAGS:
        return _YES_NO[lang][0 if bool(value) else 1]
    if column in CHARACTERISTICS and value == NOT_KNOWN:
        return None
    if column == "election":
        return int(value)
    return str(value)


def _rows(roster: pd.DataFrame, lang: str) -> list[list[object]]:
    rows = []
    for record in roster.to_dict("records"):
        record["council"] = council_name(record["council_code"], lang)
        rows.append([_cell(c, record.get(c), lang) for c in WORKBOOK_COLUMNS])
    return rows


def _lists_sheet(book, lang: str) -> dict[str, str]:
    """A hidden sheet of the drop-down values; returns each column's list range."""
    from openpyxl.utils import get_column_letter

    ws = book.create_sheet(_SHEETS[lang][2])
    ws.sheet_state = "hidden"
    ranges = {}
    lists = {m: roster_groups(m) for m in CHARACTERISTICS} | {"yes_no": _YES_NO[lang]}
    for i, (key, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(i)
        ws.cell(row=1, column=i, value=key)
        for r, value in enumerate(values, start=2):
            ws.cell(row=r, column=i, value=value)
        ranges[key] = f"'{ws.title}'!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def _validate(ws, ranges: dict[str, str], last_row: int) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for i, column in enumerate(WORKBOOK_COLUMNS, start=1):
        key = column if column in CHARACTERISTICS else "yes_no" if column in _FLAGS else None
        if key is None:
            continue
        rule = DataValidation(
            type="list",
            formula1=f"={ranges[key]}",
            allow_blank=True,
            errorStyle="stop",
            errorTitle="Choose from the list",
            error="Choose one of the listed values, or leave the cell blank.",
        )
        ws.add_data_validation(rule)
        letter = get_column_letter(i)
        rule.add(f"{letter}2:{letter}{last_row}")


def _roster_sheet(book, roster: pd.DataFrame, lang: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = book.create_sheet(_SHEETS[lang][1])
    ws.append([header_text(c, lang) for c in WORKBOOK_COLUMNS])
    for row in _rows(roster, lang):
        ws.append(row)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for i, column in enumerate(WORKBOOK_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(column, 14)
    ws.freeze_panes = "D2"
    # room for members the records missed
    _validate(ws, _lists_sheet(book, lang), len(roster) + 1 + 200)


def write_roster_workbook(
    roster: pd.DataFrame,
    path: str | Path,
    *,
    lang: str = "en",
    notes: Sequence[str] = (),
    fixed_time: dt.datetime | None = None,
    synthetic: bool = False,
) -> Path:
    """Write the officers' roster workbook (atomically) and return its path.

    Parameters
    ----------
    roster : DataFrame
        A roster (:data:`~diversity_review.load.roster.ROSTER_COLUMNS`).
    path : str or Path
        The ``.xlsx`` file to write.
    lang : {"en", "cy"}
        The language of the headers, sheet names, council names and yes/no words. The
        drop-downs hold the canonical group names, which the loader reads in either.
    notes : sequence of str
        Lines to put first on the "Read me" sheet (e.g. that the roster is synthetic).
    fixed_time : datetime, optional
        Stamp the file with this time instead of now, so the same roster gives the same bytes.
    synthetic : bool
        Mark the workbook as a synthetic sample (:mod:`diversity_review.load.synthetic`).

    Examples
    --------
    >>> write_roster_workbook(roster, "data/raw/roster_cardiff.xlsx")  # doctest: +SKIP
    PosixPath('data/raw/roster_cardiff.xlsx')
    """
    import openpyxl
    from openpyxl.styles import Font

    if lang not in _SHEETS:
        raise ValueError(f"lang must be 'en' or 'cy', not {lang!r}")
    book = openpyxl.Workbook()
    readme = book.active
    readme.title = _SHEETS[lang][0]
    for line in [*notes, *_README]:
        readme.append([line])
    readme["A1"].font = Font(bold=True, size=13)
    readme.column_dimensions["A"].width = 120
    _roster_sheet(book, roster, lang)
    if synthetic:
        from ..load.synthetic import MARK

        book.properties.keywords = MARK
    return save_workbook(book, path, fixed_time=fixed_time)


def _fixed(data: bytes, when: dt.datetime) -> bytes:
    """The workbook's zip with every part stamped ``when`` (openpyxl stamps the save time)."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                for tag in (b"created", b"modified"):
                    start = content.find(b">", content.find(b"<dcterms:" + tag)) + 1
                    end = content.find(b"<", start)
                    content = content[:start] + stamp + content[end:]
            part = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            part.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(part, content)
    return out.getvalue()


def save_workbook(book, path: str | Path, *, fixed_time: dt.datetime | None = None) -> Path:
    """Save an openpyxl workbook atomically (a temporary file, then a rename).

    With ``fixed_time`` the file's timestamps are that time, so its bytes depend only on its
    content.
    """
    path = Path(path)
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue() if fixed_time is None else _fixed(buffer.getvalue(), fixed_time)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".xlsx")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)  # gone already unless something failed
    return path
