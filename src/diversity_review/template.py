"""A blank data-collection workbook for the next election, in the review loader's own layout.

Officers fill it in after an election and ``load_review`` reads it back without any guessing:
one header row of the loader's canonical column names, the 22 councils pre-filled, whole-number
checks on every count cell and a "Notes" sheet explaining each column.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from .categories import MEASURES
from .errors import DataError, DataWarning, Problem, display_name

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["write_template"]

_SUPPRESSION_NOTE = (
    "Markers: type a whole number of councillors; '-' or 0 for nil; '[c]' (or '*', 'c', '..') "
    "where a figure is suppressed to protect individuals; leave blank where it is not known. "
    "Excel warns when a cell is not a whole number: choose 'Yes' to keep a marker."
)


def _describe(role: str | tuple[str, str]) -> str:
    if role == "council":
        return "Council (official English name; pre-filled, do not change)"
    if role == "code":
        return "ONS code of the council (pre-filled, do not change)"
    if role == "seats":
        return "Number of seats (councillors elected) - the base for every count in the row"
    if role == "exec_size":
        return "Number of members of the cabinet (executive), leader included"
    if role == "leader":
        return "Sex of the council leader: Female or Male"
    measure, group = role
    label = MEASURES[measure].label
    if measure == "executive_sex":
        return f"Cabinet (executive) members: {group.lower()} (out of the cabinet size)"
    return f"{label}: number of councillors in the group '{group}' (out of the seats)"


def _check_counts(counts: pd.DataFrame) -> None:
    """``counts`` must be one election of ``load_review`` output, of councils only."""
    from .councils import councils

    needed = {"council_code", "measure", "group", "count", "base"}
    if not needed <= set(counts.columns):
        missing = ", ".join(sorted(needed - set(counts.columns)))
        raise DataError(
            Problem(
                f"counts must be load_review output; it has no {missing} column",
                code="not-counts-frame",
            )
        )
    if "election" in counts.columns:
        elections = sorted(int(e) for e in counts["election"].dropna().unique())
        if len(elections) > 1:
            years = ", ".join(map(str, elections))
            raise DataError(
                Problem(
                    f"counts holds the elections {years}: pass one, e.g. "
                    f"counts[counts['election'] == {elections[-1]}]",
                    code="several-elections",
                )
            )
    known = set(councils()["council_code"])
    unknown = sorted(set(counts["council_code"].dropna()) - known)
    if unknown:
        raise DataError(
            Problem(
                "counts names areas that are not councils (a breakdown's Wales row?): "
                + ", ".join(map(str, unknown)),
                code="not-a-council",
            )
        )


def _prefill(counts: pd.DataFrame, roles: dict[object, int]) -> dict[str, dict[int, object]]:
    """ONS code -> {column index: cell value} for the councils in tidy ``counts``.

    A suppressed count is written ``[c]``, a missing one left blank; seats come from the base
    of the members' measures, the cabinet size from the base of ``executive_sex`` and the
    leader's sex from the ``leader_sex`` group counted 1.
    """
    import pandas as pd

    _check_counts(counts)
    suppressed = (
        counts["suppressed"].fillna(False).astype(bool)
        if "suppressed" in counts.columns
        else pd.Series(False, index=counts.index)
    )
    cells: dict[str, dict[int, object]] = {}
    unplaced: list[str] = []
    for (code, measure, group, count, base), hidden in zip(
        counts[["council_code", "measure", "group", "count", "base"]].itertuples(
            index=False, name=None
        ),
        suppressed,
        strict=True,
    ):
        row = cells.setdefault(code, {})
        if measure == "leader_sex":
            if hidden and roles["leader"] not in row:
                row[roles["leader"]] = "[c]"
            elif not pd.isna(count) and int(count) == 1:
                row[roles["leader"]] = group
            continue
        if (measure, group) not in roles:
            unplaced.append(f"{measure} / {group}")
            continue
        row[roles[(measure, group)]] = "[c]" if hidden else (None if pd.isna(count) else int(count))
        size = roles["exec_size" if measure == "executive_sex" else "seats"]
        if not pd.isna(base) and row.get(size) is None:
            row[size] = int(base)
    if unplaced:
        warnings.warn(
            "counts with no column in the template, not filled in: "
            + ", ".join(dict.fromkeys(unplaced)),
            DataWarning,
            stacklevel=3,
        )
    return cells


def write_template(
    path: str | Path,
    *,
    election: int,
    counts: pd.DataFrame | None = None,
    overwrite: bool = False,
) -> Path:
    """Write a data-collection workbook for ``election`` (atomically) and return its path.

    The sheet ``"Councillors {election}"`` has one frozen header row of the loader's canonical
    column names (``load.review.CANONICAL_HEADERS``), the 22 councils pre-filled with their
    official English names and ONS codes, seats pre-filled from the council registry for 2022
    only (blank for the officer otherwise), whole-number (>= 0) data validation on every count
    column and a Female/Male list on the leader column. A "Notes" sheet explains each column
    and the suppression markers.

    With ``counts``, the councils it holds start from its figures instead (so an officer can
    start from the last election's figures, or a demonstration can fill the template in one
    call): every count column it has a group for, the seats, the cabinet size and the leader's
    sex. A suppressed count is written ``[c]``, a missing one is left blank, and
    ``load_review`` reads the figures back unchanged.

    Parameters
    ----------
    path : str or Path
        Where to write the ``.xlsx`` file (its folder is created if needed).
    election : int
        The election year; it names the sheet, so ``load_review`` finds the year.
    counts : DataFrame, optional
        Tidy counts of one election (any year) as :func:`~diversity_review.load_review`
        returns them: ``council_code``, ``measure``, ``group``, ``count``, ``base`` and
        ``suppressed``. Groups with no template column are listed in a warning.
    overwrite : bool
        Replace a file already at ``path`` (by default an existing file is never touched).

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    DataError
        (a ``ValueError``) ``election`` is not a year (code ``bad-option``); ``counts`` holds
        several elections (``several-elections``), lacks a column (``not-counts-frame``), or
        names an area that is not a council (``not-a-council``); a file is already at
        ``path`` and ``overwrite`` is not set (``file-exists``).

    Warns
    -----
    DataWarning
        Groups in ``counts`` the template has no column for (not filled in).

    Examples
    --------
    >>> write_template("review_2027.xlsx", election=2027)  # doctest: +SKIP
    PosixPath('review_2027.xlsx')
    >>> last = load_review("data/raw/wlga_review_synthetic.xlsx", election=2022)  # doctest: +SKIP
    >>> write_template("review_2027.xlsx", election=2027, counts=last)  # doctest: +SKIP
    PosixPath('review_2027.xlsx')
    """
    from .load.review import CANONICAL_HEADERS

    election = _election(election)
    path = Path(path)
    roles = {role: i for i, (_, role) in enumerate(CANONICAL_HEADERS)}
    prefill = _prefill(counts, roles) if counts is not None else {}
    book = _book(election, _council_rows(election, prefill))
    if path.exists() and not overwrite:
        raise DataError(
            Problem(
                "already exists: not overwritten (--force, or overwrite=True, replaces it)",
                display_name(path),
                code="file-exists",
            )
        )
    _save_atomically(book, path)
    return path


def _election(election: object) -> int:
    try:
        year = int(election)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        year = None
    if year is None or not 1900 <= year <= 2200:
        raise DataError(Problem(f"election must be a year, not {election}", code="bad-option"))
    return year


def _council_rows(election: int, prefill: dict[str, dict[int, object]]) -> list[list[object]]:
    """One row per council: its name and code, its 2022 seats for a 2022 template, and any
    figures ``prefill`` holds for it."""
    from .councils import councils
    from .load.review import CANONICAL_HEADERS

    table = councils()
    rows = []
    for code, name, seats in zip(
        table["council_code"], table["name_en"], table["seats_2022"], strict=True
    ):
        row: list[object] = [None] * len(CANONICAL_HEADERS)
        for i, (_, role) in enumerate(CANONICAL_HEADERS):
            if role == "council":
                row[i] = name
            elif role == "code":
                row[i] = code
            elif role == "seats" and election == 2022:
                row[i] = int(seats)
        for i, value in prefill.get(code, {}).items():
            row[i] = value
        rows.append(row)
    return rows


def _book(election: int, rows: list[list[object]]):
    """The workbook: the councils' sheet (header, rows, widths, validation) and the notes."""
    import openpyxl

    from .load.review import CANONICAL_HEADERS

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = f"Councillors {election}"
    ws.append([h for h, _ in CANONICAL_HEADERS])
    for row in rows:
        ws.append(row)
    _style_header(ws, len(CANONICAL_HEADERS))
    _add_validation(ws, last_row=len(rows) + 1)
    _add_notes(book, election)
    return book


def _style_header(ws, width: int) -> None:
    """A bold, shaded, wrapped header row, frozen with the council's name and code."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    ws.freeze_panes = "C2"
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 12
    for i in range(3, width + 1):
        ws.column_dimensions[get_column_letter(i)].width = 13


def _add_validation(ws, last_row: int) -> None:
    """Whole numbers (>= 0, markers allowed after a warning) in every count column; Female or
    Male in the leader column."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from .load.review import CANONICAL_HEADERS

    counts = DataValidation(
        type="whole",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        errorStyle="warning",
        errorTitle="Not a whole number",
        error="Enter a whole number of councillors (0 or more), or a marker such as [c].",
        promptTitle="Count",
        prompt="Whole number of councillors; [c] where suppressed; blank if not known.",
    )
    leader = DataValidation(
        type="list", formula1='"Female,Male"', allow_blank=True, errorStyle="warning"
    )
    ws.add_data_validation(counts)
    ws.add_data_validation(leader)
    for i, (_, role) in enumerate(CANONICAL_HEADERS, start=1):
        if role in ("council", "code"):
            continue
        letter = get_column_letter(i)
        (leader if role == "leader" else counts).add(f"{letter}2:{letter}{last_row}")


def _add_notes(book, election: int) -> None:
    """The "Notes" sheet: how to fill the template in, the markers, and each column."""
    from openpyxl.styles import Font

    from .load.review import CANONICAL_HEADERS

    notes = book.create_sheet("Notes")
    notes.append([f"Data-collection template for the {election} election"])
    notes["A1"].font = Font(bold=True, size=13)
    notes.append(
        [
            "Fill in one row per council on the sheet "
            f"'Councillors {election}'. Do not rename or reorder the columns; leave a cell blank "
            "where the figure is not known."
        ]
    )
    notes.append([_SUPPRESSION_NOTE])
    notes.append([])
    notes.append(["Column", "What to enter"])
    for cell in notes[5]:
        cell.font = Font(bold=True)
    for header, role in CANONICAL_HEADERS:
        notes.append([header, _describe(role)])
    notes.column_dimensions["A"].width = 28
    notes.column_dimensions["B"].width = 90


def _save_atomically(book, path: Path) -> None:
    """Save through a temporary file in the same folder, so a failure leaves no half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".xlsx")
    os.close(fd)
    try:
        book.save(tmp)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
