"""Read any spreadsheet or CSV into plain grids of cell values, whatever its real format.

Both loaders start here. A grid keeps the spreadsheet's own row and column positions, so every
problem can be reported as a cell reference the officer can find (``C7``). Nothing is
interpreted here: no header is assumed, numbers stored as text stay text.

- ``.xlsx``/``.xlsm``: openpyxl (values saved by Excel, merged ranges filled from their
  top-left cell, formulas with no saved result reported).
- ``.ods``/``.xls``/``.xlsb``: python-calamine.
- ``.csv``/``.txt``: UTF-8 (with or without BOM), else Windows-1252; comma, semicolon or tab.

The format is told from the file's bytes, not its name, so a CSV saved as ``.xlsx`` or a
truncated download gives a clear error instead of a library traceback.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from ..errors import DataError, Problem, display_name

__all__ = ["Grid", "read_grids", "sniff_format", "cell_ref", "column_letter"]

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
_TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}


@lru_cache(maxsize=1024)
def column_letter(col: int) -> str:
    """Spreadsheet column letters for a 0-based column index (0 -> A, 27 -> AB)."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_ref(row: int, col: int) -> str:
    """A1-style reference for 0-based row and column indices."""
    return f"{column_letter(col)}{row + 1}"


@dataclass(frozen=True)
class Grid:
    """One sheet (or a CSV file) as a rectangular list of rows of cell values.

    ``rows[r][c]`` is the cell at spreadsheet row ``r + 1``, column ``column_letter(c)``. Empty
    cells are ``None``; strings are stripped of surrounding white space, and empty strings
    become ``None``. ``formula_blanks`` are the cells holding a formula with no saved result.
    A grid is read once and never changed (the loaders' first frozen stage).
    """

    file: str
    sheet: str | None
    rows: list[list[object]]
    formula_blanks: frozenset[tuple[int, int]] = frozenset()
    #: a grid made from another (a long table pivoted, a table transposed or split): where
    #: each of its cells is in the sheet, so messages and sources name the officer's cell
    refs: Mapping[tuple[int, int], str] | None = None

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @cached_property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def value(self, row: int, col: int) -> object:
        try:
            return self.rows[row][col]
        except IndexError:
            return None

    def ref(self, row: int, col: int) -> str:
        """The A1 reference of a cell as the officer sees it in the sheet."""
        if self.refs is not None and (row, col) in self.refs:
            return self.refs[(row, col)]
        return cell_ref(row, col)

    def row_ref(self, row: int) -> str:
        """``row 7`` as the officer sees it (a made grid's row may stand for another)."""
        if self.refs is not None and (row, -1) in self.refs:
            return self.refs[(row, -1)]
        return f"row {row + 1}"

    def col_ref(self, col: int) -> str:
        """A column's letter as the officer sees it (``C``; a made grid's may differ)."""
        if self.refs is not None and (-1, col) in self.refs:
            return self.refs[(-1, col)]
        return column_letter(col)

    def problem(
        self,
        message: str,
        row: int | None = None,
        col: int | None = None,
        *,
        code: str | None = None,
    ) -> Problem:
        """A problem located at a cell (row and column), a row, or the whole sheet."""
        if row is not None and col is not None:
            where = self.ref(row, col)
        elif row is not None:
            where = self.row_ref(row)
        elif col is not None:
            where = f"column {self.col_ref(col)}"
        else:
            where = None
        return Problem(message, self.file, self.sheet, where, code)

    def error(
        self,
        message: str,
        row: int | None = None,
        col: int | None = None,
        *,
        code: str | None = None,
    ) -> DataError:
        return DataError(self.problem(message, row, col, code=code))

    def is_blank_row(self, row: int) -> bool:
        return all(v is None for v in self.rows[row])


def _clean(value: object) -> object:
    if isinstance(value, str):
        value = value.replace("\u00a0", " ").strip()
        return value or None
    if isinstance(value, float) and value != value:  # NaN from a reader
        return None
    return value


def sniff_format(path: Path) -> str:
    """``"xlsx"``, ``"ods"``, ``"xls"`` or ``"csv"``, told from the bytes; a DataError otherwise."""
    name = display_name(path)
    if not path.exists():
        raise DataError(Problem("file not found", name, code="file-not-found"))
    if path.is_dir():
        raise DataError(Problem("is a folder, not a file", name, code="not-a-file"))
    with path.open("rb") as fh:
        head = fh.read(8)
    suffix = path.suffix.lower()
    if not head:
        raise DataError(Problem("the file is empty (0 bytes)", name, code="empty-file"))
    if head.startswith(_ZIP):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
                bad = zf.testzip()
        except (zipfile.BadZipFile, EOFError, OSError):
            raise DataError(
                Problem(
                    "the file is truncated or damaged: it cannot be opened as a workbook",
                    name,
                    code="damaged-file",
                )
            ) from None
        if bad is not None:
            raise DataError(
                Problem(f"the file is damaged (part {bad!r} is corrupt)", name, code="damaged-file")
            )
        if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
            return "xlsb" if "xl/workbook.bin" in names else "xlsx"
        if "content.xml" in names:
            return "ods"
        raise DataError(
            Problem(
                "a zip file that is not an Excel or OpenDocument workbook",
                name,
                code="not-a-workbook",
            )
        )
    if head.startswith(_OLE):
        return "xls"
    if suffix in _WORKBOOK_SUFFIXES:
        kind = "a text (CSV) file" if _looks_like_text(path) else "not a workbook"
        raise DataError(
            Problem(
                f"named {suffix} but is {kind}; save it as a real workbook or rename it to .csv",
                name,
                code="wrong-format",
            )
        )
    if suffix and suffix not in _TEXT_SUFFIXES:
        if not _looks_like_text(path):
            raise DataError(
                Problem(
                    f"cannot read {suffix} files: use .xlsx, .ods or .csv",
                    name,
                    code="unsupported-format",
                )
            )
    return "csv"


def _looks_like_text(path: Path) -> bool:
    with path.open("rb") as fh:
        chunk = fh.read(4096)
    return b"\x00" not in chunk


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (BOM or not), else Windows-1252 (what Excel on Windows saves as "CSV")."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise DataError(
            Problem(
                f"text encoding not recognised (byte {exc.start}); save as CSV UTF-8",
                name,
                code="bad-encoding",
            )
        ) from None


def _read_csv(path: Path) -> list[Grid]:
    name = display_name(path)
    text = decode_text(path.read_bytes(), name)
    if not text.strip():
        raise DataError(Problem("the file has no content", name, code="empty-file"))
    sample = text[:20000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        rows = [
            [_clean(v) for v in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)
        ]
    except csv.Error as exc:
        raise DataError(Problem(f"not a readable CSV file ({exc})", name, code="bad-csv")) from None
    return [Grid(name, None, _rectangular(rows))]


def _rectangular(rows: list[list[object]]) -> list[list[object]]:
    width = max((len(r) for r in rows), default=0)
    rows = [r + [None] * (width - len(r)) for r in rows]
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    # drop columns that are empty all the way down at the right
    while width and all(r[width - 1] is None for r in rows):
        width -= 1
        rows = [r[:width] for r in rows]
    return rows


def _read_openpyxl(path: Path, sheets: list[str] | None) -> Iterator[Grid]:
    import openpyxl

    name = display_name(path)
    try:
        book = openpyxl.load_workbook(path, data_only=True, read_only=False)
        formulas = openpyxl.load_workbook(path, data_only=False, read_only=False)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise DataError(
            Problem(
                f"cannot be opened as a workbook ({type(exc).__name__}: {exc})",
                name,
                code="damaged-file",
            )
        ) from None
    for title in book.sheetnames:
        if sheets is not None and title not in sheets:
            continue
        ws = book[title]
        if ws.sheet_state != "visible" and sheets is None:
            continue
        rows = [[_clean(v) for v in row] for row in ws.iter_rows(values_only=True)]
        for rng in ws.merged_cells.ranges:
            top = rows[rng.min_row - 1][rng.min_col - 1] if rng.min_row - 1 < len(rows) else None
            for r in range(rng.min_row - 1, min(rng.max_row, len(rows))):
                for c in range(rng.min_col - 1, min(rng.max_col, len(rows[r]))):
                    rows[r][c] = top
        blanks: set[tuple[int, int]] = set()
        fws = formulas[title]
        for row in fws.iter_rows():
            for cell in row:
                if cell.data_type == "f" and rows[cell.row - 1][cell.column - 1] is None:
                    blanks.add((cell.row - 1, cell.column - 1))
        yield Grid(name, title, _rectangular(rows), frozenset(blanks))


def _read_calamine(path: Path, sheets: list[str] | None) -> Iterator[Grid]:
    from python_calamine import CalamineWorkbook

    name = display_name(path)
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:
        raise DataError(
            Problem(f"cannot be opened as a workbook ({exc})", name, code="damaged-file")
        ) from None
    for title in book.sheet_names:
        if sheets is not None and title not in sheets:
            continue
        data = book.get_sheet_by_name(title).to_python(skip_empty_area=False)
        rows = [[_clean(None if v == "" else v) for v in row] for row in data]
        yield Grid(name, title, _rectangular(rows))


def sheet_names(path: str | Path) -> list[str]:
    """The sheet names of a workbook (``[]`` for a CSV file)."""
    path = Path(path)
    kind = sniff_format(path)
    if kind == "csv":
        return []
    if kind == "xlsx":
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True)
        try:
            return list(book.sheetnames)
        finally:
            book.close()
    from python_calamine import CalamineWorkbook

    return list(CalamineWorkbook.from_path(str(path)).sheet_names)


def read_grids(path: str | Path, sheets: list[str] | None = None) -> list[Grid]:
    """Every sheet of a workbook (or the one grid of a CSV file), in workbook order.

    Parameters
    ----------
    path : str or Path
        The file.
    sheets : list of str, optional
        Only these sheets (an unknown name is an error listing the sheets there are).

    Examples
    --------
    >>> grids = read_grids("data/raw/wlga_review_synthetic.xlsx")  # doctest: +SKIP
    >>> grids[0].sheet, grids[0].value(0, 0)  # doctest: +SKIP
    ('Read me', 'SYNTHETIC DATA ...')
    """
    path = Path(path)
    kind = sniff_format(path)
    if kind == "csv":
        return _read_csv(path)
    if sheets is not None:
        known = sheet_names(path)
        missing = [s for s in sheets if s not in known]
        if missing:
            raise DataError(
                Problem(
                    f"no sheet named {missing[0]!r}; the sheets are {', '.join(map(repr, known))}",
                    display_name(path),
                    code="no-such-sheet",
                )
            )
    if kind == "xlsx" and path.suffix.lower() != ".xlsb":
        return list(_read_openpyxl(path, sheets))
    return list(_read_calamine(path, sheets))
