"""Read any spreadsheet or CSV into plain grids of cell values, whatever its real format.

Both loaders start here. A grid keeps the spreadsheet's own row and column positions, so every
problem can be reported as a cell reference the officer can find (``C7``). Nothing is
interpreted here: no header is assumed, numbers stored as text stay text.

- ``.xlsx``/``.xlsm``/``.ods``/``.xls``/``.xlsb``: python-calamine (the values saved by the
  spreadsheet program; merged ranges filled from their top-left cell). For ``.xlsx``, cells
  holding a formula with no saved result are found in the worksheet XML
  (:func:`~.formulas.formula_cells_in`), so the workbook is never loaded twice.
- ``.csv``/``.txt``: UTF-8 (with or without BOM), else Windows-1252; comma, semicolon or tab.

The format is told from the file's bytes, not its name, so a CSV saved as ``.xlsx`` or a
truncated download gives a clear error instead of a library traceback.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import BinaryIO

from ..errors import DataError, Problem, display_name
from . import limits
from .container import Container
from .formulas import formula_cells_in
from .synthetic import book_is_synthetic

__all__ = [
    "Grid",
    "Book",
    "read_grids",
    "read_book",
    "sniff_format",
    "cell_ref",
    "column_letter",
    "csv_problem",
    "out_of_memory",
    "filled_cells",
]

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
    def derived(self) -> dict[str, object]:
        """What a later stage works out once from the cells and keeps with them (a grid never
        changes, so neither does anything read from it alone): name -> value."""
        return {}

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

    def filled(self, row: int) -> list[object]:
        """The values of a row's filled cells, left to right."""
        return filled_cells(self.rows[row])

    def is_blank_row(self, row: int) -> bool:
        return all(v is None for v in self.rows[row])


def filled_cells(cells: list[object]) -> list[object]:
    """The values that are not None, in order: when the filled cells come first (a note or a
    title in its first cell, a full row) that is a slice, found by two scans in C."""
    head = cells[: len(cells) - cells.count(None)]
    if None not in head:
        return head
    return [v for v in cells if v is not None]


def _clean(value: object) -> object:
    if isinstance(value, str):
        value = value.replace("\u00a0", " ").strip()
        return value or None
    if isinstance(value, float) and value != value:  # NaN from a reader
        return None
    return value


def sniff_format(path: Path) -> str:
    """``"xlsx"``, ``"ods"``, ``"xls"`` or ``"csv"``, told from the bytes; a DataError otherwise."""
    kind, container = _sniff(path)
    if container is not None:
        container.close()
    return kind


def _open_container(fh: BinaryIO, name: str) -> Container:
    """The workbook's zip read from its open file ``fh``, its directory and parts' heads
    checked against the limits (a zip that cannot be read is a DataError; the zip and the
    file are closed on any failure)."""
    book = None
    try:
        book = zipfile.ZipFile(fh)
        container = Container(book, fh)  # a damaged part is found by the reader
        limits.check_zip(book, name, container.keep, fh)  # before any part is inflated whole
        return container
    except BaseException as exc:
        if book is not None:
            book.close()
        fh.close()
        damaged = zipfile.BadZipFile | zlib.error | EOFError | OSError | ValueError
        if isinstance(exc, damaged) and not isinstance(exc, DataError):
            raise DataError(
                Problem(
                    "the file is truncated or damaged: it cannot be opened as a workbook",
                    name,
                    code="damaged-file",
                )
            ) from None
        raise


def _zip_kind(container: Container, name: str) -> str:
    names = container.names
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        return "xlsb" if "xl/workbook.bin" in names else "xlsx"
    if "content.xml" in names:
        return "ods"
    container.close()
    raise DataError(
        Problem(
            "a zip file that is not an Excel or OpenDocument workbook",
            name,
            code="not-a-workbook",
        )
    )


def _sniff(path: Path) -> tuple[str, Container | None]:
    """The format, and for a zip workbook its container, left open for the reader."""
    name = display_name(path)
    limits.check_regular_file(path)
    fh = open(path, "rb")  # noqa: SIM115 (a zip's container closes it, else it is closed here)
    try:
        head = fh.read(8)
    except BaseException:
        fh.close()
        raise
    if head.startswith(_ZIP):  # the one open file, for the zip's directory and its parts
        container = _open_container(fh, name)
        return _zip_kind(container, name), container
    fh.close()
    suffix = path.suffix.lower()
    if not head:
        raise DataError(Problem("the file is empty (0 bytes)", name, code="empty-file"))
    if head.startswith(_OLE):
        return "xls", None
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
    limits.check_text(path, name)
    return "csv", None


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
        raise DataError(Problem(csv_problem(exc), name, code="bad-csv")) from None
    return [Grid(name, None, _rectangular(rows))]


def csv_problem(exc: Exception) -> str:
    """What a CSV parser's complaint means, in our words (its own text is never shown)."""
    text = str(exc).lower()
    if "nul" in text or "null byte" in text:
        why = "it holds NUL bytes, so it is not a text file"
    elif "field limit" in text or "buffer overflow" in text or "out of memory" in text:
        why = "a field is too long"
    elif "eof" in text or "quot" in text:
        why = "a quoted field is never closed"
    elif "tokeniz" in text or "expected" in text or "saw" in text:
        why = "its rows have different numbers of fields"
    elif "codec" in text or "decode" in text:
        why = "its text encoding is not recognised; save as CSV UTF-8"
    else:
        why = "its lines cannot be split into fields"
    return f"not a readable CSV file: {why}"


def _rectangular(rows: list[list[object]]) -> list[list[object]]:
    lengths = set(map(len, rows))
    width = max(lengths, default=0)
    if len(lengths) > 1:  # a reader's rows are often of one length already
        rows = [r + [None] * (width - len(r)) for r in rows]
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    # drop columns that are empty all the way down at the right
    while width and all(r[width - 1] is None for r in rows):
        width -= 1
        rows = [r[:width] for r in rows]
    return rows


_BIG = float(2**53)


def _row_values(row: list[object]) -> list[object]:
    """A row of calamine values as openpyxl would give them (:func:`_cells`). A row blank
    but for its first cell (a note, a title) or blank throughout, as a long release has
    thousands of, is made whole."""
    width = len(row)
    if width and row[-1] == "":
        empty = row.count("")
        if empty == width:
            return [None] * width
        if empty == width - 1 and row[0] != "":
            return [*_cells(row[:1]), *([None] * (width - 1))]
    return _cells(row)


def _cells(row: list[object]) -> list[object]:
    """Calamine values as openpyxl would give them: "" is empty, 12.0 is the integer 12, text
    stripped (non-breaking spaces too); the commonest kinds (exact floats, text) told apart
    inline, as a sheet has thousands of cells."""
    out = []
    add = out.append
    for v in row:
        kind = type(v)
        if kind is float:
            add(int(v) if v.is_integer() and -_BIG < v < _BIG else (None if v != v else v))
        elif kind is str:
            add((v.replace("\u00a0", " ").strip() or None) if v else None)
        elif v == "":
            add(None)
        elif isinstance(v, float) and v.is_integer() and abs(v) < _BIG:
            add(int(v))
        else:
            add(_clean(v))
    return out


def _fill_merged(rows: list[list[object]], ranges) -> None:
    """Every cell of a merged range holds its top-left cell's value."""
    for (r0, c0), (r1, c1) in ranges or ():
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        top = rows[r0][c0]
        for r in range(r0, min(r1 + 1, len(rows))):
            for c in range(c0, min(c1 + 1, len(rows[r]))):
                rows[r][c] = top


def _read_calamine(
    path: Path, sheets: list[str] | None, kind: str, container: Container | None
) -> Iterator[Grid]:
    """Values by calamine; for .xlsx also merged ranges and formulas with no saved result."""
    from python_calamine import CalamineWorkbook

    name = display_name(path)
    try:
        book = CalamineWorkbook.from_path(str(path))
        hidden = {m.name for m in book.sheets_metadata if "Visible" not in str(m.visible)}
    except MemoryError:
        raise
    except Exception:  # calamine raises its own types for damaged files
        raise DataError(
            Problem(
                "cannot be opened as a workbook: the file is damaged or not a real workbook",
                name,
                code="damaged-file",
            )
        ) from None
    limits.check_sheet_count(len(book.sheet_names), name)
    _check_sheets_named(sheets, list(book.sheet_names), name)  # the open book, not a second
    titles = [
        t for t in book.sheet_names if (t in sheets if sheets is not None else t not in hidden)
    ]
    blanks = {}
    if kind == "xlsx":
        blanks = formula_cells_in(container, titles) if container is not None else {}
    for title in titles:
        rows, merged = _sheet_values(book, title, name)
        _fill_merged(rows, merged)
        empty = frozenset(
            (r, c)
            for r, c in blanks.get(title, ())
            if r >= len(rows) or c >= len(rows[r]) or rows[r][c] is None
        )
        yield Grid(name, title, _rectangular(rows), empty)


def _sheet_values(book, title: str, name: str) -> tuple[list[list[object]], object]:
    """One sheet's values and merged ranges; a damaged sheet is a DataError naming it."""
    try:
        sheet = book.get_sheet_by_name(title)
        raw = sheet.to_python(skip_empty_area=False)
        rows = list(map(_row_values, raw))
        return rows, getattr(sheet, "merged_cell_ranges", None)
    except MemoryError:
        raise
    except Exception:  # calamine's own error types (XmlError, CalamineError ...)
        raise DataError(
            Problem(
                "the sheet is damaged: it cannot be read (save the workbook again)",
                name,
                title,
                code="damaged-file",
            )
        ) from None


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
    try:
        return _read_grids(path, sheets)
    except MemoryError:
        raise out_of_memory(display_name(path)) from None


def out_of_memory(name: str) -> DataError:
    """The one line for an input that ran the machine out of memory."""
    return DataError(
        Problem(
            "not enough memory to read this file (is it far larger than a review or survey?)",
            name,
            code="out-of-memory",
        )
    )


@dataclass(frozen=True)
class Book:
    """A file's grids (:func:`read_grids`) and whether it carries the synthetic-sample marker
    (``None``: not told while reading; ask ``load.synthetic.is_synthetic``)."""

    grids: list[Grid]
    synthetic: bool | None


def read_book(path: str | Path, sheets: list[str] | None = None) -> Book:
    """:func:`read_grids`, and the synthetic marker read from the same open workbook."""
    path = Path(path)
    try:
        return _read_book(path, sheets, marker=True)
    except MemoryError:
        raise out_of_memory(display_name(path)) from None


def _read_grids(path: Path, sheets: list[str] | None) -> list[Grid]:
    return _read_book(path, sheets, marker=False).grids


def _read_book(path: Path, sheets: list[str] | None, *, marker: bool) -> Book:
    kind, container = _sniff(path)
    if container is None:
        grids = _read_csv(path) if kind == "csv" else list(_read_calamine(path, sheets, kind, None))
        return Book(grids, None)
    with container:
        grids = list(_read_calamine(path, sheets, kind, container))
        return Book(grids, book_is_synthetic(container) if marker else None)


def _check_sheets_named(sheets: list[str] | None, known: list[str], name: str) -> None:
    """Every sheet asked for is in the workbook (else one line listing those there are)."""
    missing = [s for s in sheets or () if s not in known]
    if missing:
        raise DataError(
            Problem(
                f"no sheet named {missing[0]!r}; the sheets are {', '.join(map(repr, known))}",
                name,
                code="no-such-sheet",
            )
        )
