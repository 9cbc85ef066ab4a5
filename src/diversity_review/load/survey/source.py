"""Read an export: its top rows as a grid (to find the layout), then its columns column-wise.

The layout (header rows, what each column is) is found from the first :data:`HEAD_ROWS` rows.
The rows below are then read column by column and never held as a grid of Python lists:

- a CSV file is read by ``pandas.read_csv`` in chunks of :data:`CHUNK_ROWS` rows (as text, the
  header rows skipped, with the encoding and delimiter found from the file), only the columns
  the later stages use (answers, the completion time). Each chunk is reduced at once: each
  answer column to codes into its distinct values, the completion time to a year per row, and
  whether each row holds any answer. Memory therefore stays near one chunk's worth of text.
  The export's own columns (ID, email, name ...), unique in every row and so the costliest to
  read, are read only for the rows with no answer (to tell a blank row from one with only
  export metadata): from their own lines with the ``csv`` module, or by a second pandas pass
  that converts only those rows when a quoted line break makes line and record numbers differ.
- a workbook is read by :func:`~diversity_review.load.grid.read_grids`, and its grid is reduced
  the same way.

Values are cleaned as the grid reader cleans them (no-break spaces, surrounding white space, an
empty string is an empty cell), so a CSV and a workbook of the same answers read the same.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ...errors import DataError, Problem, display_name
from ...text import YEAR
from ..grid import Grid, csv_problem, read_grids, sniff_format
from .problems import UNKNOWN_ENCODING, UNREADABLE_CSV

__all__ = [
    "HEAD_ROWS",
    "CHUNK_ROWS",
    "STRAY_COLUMNS",
    "Sheet",
    "Plan",
    "Coded",
    "Body",
    "open_sheets",
    "read_body",
    "year_of",
]

HEAD_ROWS = 52  # the rows searched for the header (50), and the option-label row below it
CHUNK_ROWS = 100_000
STRAY_COLUMNS = 64  # cells read beyond the first rows' width, in rows with no answer
_BLOCK = 1 << 20
_TWO_DIGIT_YEAR = re.compile(r"\s*\d{1,2}[/.-]\d{1,2}[/.-](\d\d)(?!\d)")


@dataclass(frozen=True)
class Sheet:
    """One sheet (or a CSV file): its top rows as a grid, and how to read the rest.

    ``head`` holds the whole sheet for a workbook; for a CSV file only its first rows, and
    ``encoding`` and ``delimiter`` say how to read the rest column-wise.
    """

    path: Path
    head: Grid
    encoding: str | None = None
    delimiter: str = ","


@dataclass(frozen=True)
class Plan:
    """What the body reader keeps, column by column (decided by the classify stage).

    ``coded``: columns whose values are mapped; ``answers``: columns where any value counts as
    an answer (not export metadata); ``timed``: columns whose values give the survey year;
    ``unnamed``: columns with no header (reported when they hold anything). A column beyond the
    header's width is unnamed and an answer column.
    """

    data_start: int
    coded: frozenset[int]
    answers: frozenset[int]
    timed: tuple[int, ...] = ()
    unnamed: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Coded:
    """A column as codes into its distinct values: row ``i`` holds ``values[codes[i]]``, and
    ``codes[i] == -1`` where the cell is empty."""

    codes: np.ndarray
    values: tuple[object, ...]

    def counts(self) -> np.ndarray:
        """How many rows hold each distinct value."""
        return np.bincount(self.codes[self.codes >= 0], minlength=len(self.values))


@dataclass(frozen=True)
class Body:
    """The data rows below the header, reduced column-wise.

    ``filled[i]``: row ``i`` holds any value; ``answered[i]``: it holds a value in an answer
    column; ``years``: a year per row (0 for none) for each timed column; ``unnamed_filled``:
    the unnamed columns holding a value. Trailing empty rows are not counted, as the grid
    reader does not count them.
    """

    n_rows: int
    filled: np.ndarray
    answered: np.ndarray
    columns: dict[int, Coded]
    years: tuple[np.ndarray, ...]
    unnamed_filled: frozenset[int]


def clean(value: object) -> object:
    """A cell as the grid reader keeps it: text stripped (no-break spaces too), "" as None."""
    if isinstance(value, str):
        value = value.replace("\u00a0", " ").strip()
        return value or None
    if isinstance(value, float) and value != value:  # NaN
        return None
    return value


def year_of(value: object) -> int | None:
    """The year of a completion time: a date, the first year in a text, or "d/m/yy".

    Examples
    --------
    >>> year_of("30/12/2022 10:00"), year_of("6/1/23 9:05"), year_of("soon")
    (2022, 2023, None)
    """
    if isinstance(value, dt.date):
        return value.year
    if not isinstance(value, str):
        return None
    if four := YEAR.search(value):
        return int(four.group(1))
    if two := _TWO_DIGIT_YEAR.match(value):
        return 2000 + int(two.group(1))
    return None


# --------------------------------------------------------------------------------------------
# Opening: the head
# --------------------------------------------------------------------------------------------


def open_sheets(path: str | Path) -> list[Sheet]:
    """Every sheet of an export: a CSV file's first rows, or each sheet of a workbook."""
    path = Path(path)
    if sniff_format(path) != "csv":
        return [Sheet(path, grid) for grid in read_grids(path)]
    name = display_name(path)
    encoding = _encoding(path, name)
    with path.open(encoding=encoding, newline="") as fh:
        sample = fh.read(20_000)
        if not sample.strip() and not any(
            block.strip() for block in iter(lambda: fh.read(_BLOCK), "")
        ):
            raise DataError(Problem("the file has no content", name, code=UNREADABLE_CSV))
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    try:
        with path.open(encoding=encoding, newline="") as fh:
            rows = list(itertools.islice(csv.reader(fh, delimiter=delimiter), HEAD_ROWS))
    except csv.Error as exc:
        raise _unreadable(name, exc) from None
    width = max((len(r) for r in rows), default=0)
    grid_rows = [[clean(v) for v in r] + [None] * (width - len(r)) for r in rows]
    return [Sheet(path, Grid(name, None, grid_rows), encoding, delimiter)]


def _unreadable(name: str, exc: Exception) -> DataError:
    return DataError(Problem(csv_problem(exc), name, code=UNREADABLE_CSV))


def _encoding(path: Path, name: str) -> str:
    """UTF-8 (BOM or not), else Windows-1252, checked over the whole file in blocks."""
    with path.open("rb") as fh:
        start = fh.read(2)
    if start in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    bad = 0
    for encoding in ("utf-8-sig", "cp1252"):
        bad = _first_bad_byte(path, encoding)
        if bad < 0:
            return encoding
    raise DataError(
        Problem(
            f"text encoding not recognised (byte {bad}); save as CSV UTF-8",
            name,
            code=UNKNOWN_ENCODING,
        )
    )


def _first_bad_byte(path: Path, encoding: str) -> int:
    """The offset of the first byte that does not decode, or -1 when the whole file does."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(_BLOCK), b""):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                return offset + exc.start
            offset += len(block)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            return offset + exc.start
    return -1


# --------------------------------------------------------------------------------------------
# Reading the body column-wise
# --------------------------------------------------------------------------------------------


class _Reducer:
    """Takes the body a chunk of rows at a time and keeps only what :class:`Body` holds."""

    def __init__(self, plan: Plan, width: int):
        self.plan, self.width = plan, width
        self.index: dict[int, dict[object, int]] = {c: {} for c in plan.coded}
        self.codes: dict[int, list[np.ndarray]] = {c: [] for c in plan.coded}
        self.years: dict[int, list[np.ndarray]] = {c: [] for c in plan.timed}
        self.year_of: dict[object, int] = {}  # each distinct time read once
        self.filled: list[np.ndarray] = []
        self.answered: list[np.ndarray] = []
        self.unnamed: set[int] = set()

    def add(self, columns: Mapping[int, np.ndarray], n: int, *, typed: bool) -> None:
        """One chunk: ``columns[c]`` the values of column ``c`` (None or NaN when empty)."""
        filled = np.zeros(n, dtype=bool)
        answered = np.zeros(n, dtype=bool)
        for c, values in columns.items():
            if c in self.index:
                codes = self._codes(c, values, typed)
                self.codes[c].append(codes)
                present = codes >= 0
            else:
                present = _present(values) if typed else pd.notna(values)
            if c in self.years:
                self.years[c].append(self._years(values, typed))
            filled |= present
            unnamed = c in self.plan.unnamed or c >= self.width
            if unnamed or c in self.plan.answers:
                answered |= present
            if unnamed and present.any():
                self.unnamed.add(c)
        self.filled.append(filled)
        self.answered.append(answered)

    def _codes(self, c: int, values: np.ndarray, typed: bool) -> np.ndarray:
        """Codes into the column's distinct cleaned values, each value met once per chunk."""
        if typed:  # workbook cells: 1, 1.0 and True are different answers
            local, uniques = _factorize_typed(values)
        else:
            local, uniques = pd.factorize(values)
        index = self.index[c]
        lookup = np.full(len(uniques) + 1, -1, dtype=np.int32)  # the last entry: empty
        for i, value in enumerate(uniques):
            value = clean(value) if not typed else value
            if value is not None:
                lookup[i] = index.setdefault(_key(value), len(index))
        return lookup[local]

    def _years(self, values: np.ndarray, typed: bool) -> np.ndarray:
        """The year of each value (0 for none), each distinct value read once."""
        local, uniques = _factorize_typed(values) if typed else pd.factorize(values)
        lookup = np.zeros(len(uniques) + 1, dtype=np.int16)
        known = self.year_of
        for i, value in enumerate(uniques):
            key = _key(value) if typed else value  # a CSV holds text only
            if (year := known.get(key)) is None:
                year = known[key] = year_of(value if typed else clean(value)) or 0
            lookup[i] = year
        return lookup[local]

    def body(self, elsewhere: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> Body:
        """The body; ``elsewhere``: (rows, filled, cells beyond the width) read apart."""
        filled = _cat(self.filled, bool)
        answered = _cat(self.answered, bool)
        if elsewhere is not None:
            rows, more, stray = elsewhere
            filled[rows] |= more
            answered[rows] |= stray.any(axis=1)
            self.unnamed.update((self.width + np.flatnonzero(stray.any(axis=0))).tolist())
        n_rows = int(np.flatnonzero(filled)[-1]) + 1 if filled.any() else 0
        columns = {}
        for c, index in self.index.items():
            values = tuple(key[1] for key in index)
            columns[c] = Coded(_cat(self.codes[c], np.int32)[:n_rows], values)
        return Body(
            n_rows,
            filled[:n_rows],
            answered[:n_rows],
            columns,
            tuple(_cat(self.years[c], np.int16)[:n_rows] for c in self.plan.timed),
            frozenset(self.unnamed),
        )


def _key(value: object) -> tuple[type, object]:
    return (type(value), value)


def _cat(parts: list[np.ndarray], dtype: object) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def _present(values: np.ndarray) -> np.ndarray:
    return np.fromiter((v is not None for v in values), dtype=bool, count=len(values))


def _factorize_typed(values: np.ndarray) -> tuple[np.ndarray, list[object]]:
    index: dict[tuple[type, object], int] = {}
    codes = np.fromiter(
        (-1 if v is None else index.setdefault(_key(v), len(index)) for v in values),
        dtype=np.intp,
        count=len(values),
    )
    return codes, [v for _, v in index]


def read_body(sheet: Sheet, plan: Plan) -> Body:
    """The rows from ``plan.data_start`` down, reduced column-wise (see :class:`Body`)."""
    width = sheet.head.n_cols
    if sheet.encoding is None:
        reducer = _Reducer(plan, width)
        rows = sheet.head.rows[plan.data_start :]
        for start in range(0, len(rows), CHUNK_ROWS):
            chunk = rows[start : start + CHUNK_ROWS]
            reducer.add(_columns_of(chunk), len(chunk), typed=True)
        return reducer.body()
    try:
        return _read_csv_answers(sheet, plan, width)
    except pd.errors.ParserError as exc:  # rows narrower or wider than the header's
        return _read_csv_whole(sheet, plan, max(width, _fields_seen(exc)))


def _read_csv_answers(sheet: Sheet, plan: Plan, width: int) -> Body:
    """The answer columns in one pass; the export's own columns (ID, email, times ...) only
    for rows with no answer, to tell a blank row from one with only export metadata.

    Cells beyond the width of the first rows are not seen in a row with answers (pandas reads
    only the columns asked for); a row with no answer is read whole (up to
    :data:`STRAY_COLUMNS` further columns), so a row holding only such cells is kept, as the
    grid reader keeps it, and never taken for a blank one.
    """
    reducer = _Reducer(plan, width)
    read = sorted(plan.coded | plan.answers | set(plan.timed) | plan.unnamed)
    for chunk in _csv_chunks(sheet, width, usecols=read, skip=plan.data_start):
        reducer.add(_chunk_columns(chunk), len(chunk), typed=False)
    answered = _cat(reducer.answered, bool)
    unanswered = np.flatnonzero(~answered)
    if not len(unanswered):
        return reducer.body()
    records = unanswered + plan.data_start
    found = _unanswered_by_lines(sheet, records, width, plan.data_start + len(answered))
    return reducer.body((unanswered, *(found or _unanswered_by_pandas(sheet, records, width))))


def _cells(fields: list[str], width: int) -> tuple[bool, np.ndarray]:
    """(any cell filled, which of the :data:`STRAY_COLUMNS` beyond ``width`` are)."""
    present = [clean(f) is not None for f in fields]
    stray = np.zeros(STRAY_COLUMNS, dtype=bool)
    beyond = present[width : width + STRAY_COLUMNS]
    stray[: len(beyond)] = beyond
    return any(present), stray


def _lines_at(path: Path, wanted: list[int], encoding: str) -> tuple[dict[int, str], int]:
    """The lines at these (0-based, sorted) numbers, and how many lines the file has; read in
    blocks, splitting only the blocks that hold a wanted line."""
    found: dict[int, str] = {}
    targets = iter(wanted)
    target = next(targets, None)
    n = 0  # lines before this block
    rest = b""
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(_BLOCK), b""):
            block = rest + block
            count = block.count(b"\n")
            if target is not None and target < n + count:
                parts = block.split(b"\n")
                while target is not None and target < n + count:
                    found[target] = parts[target - n].decode(encoding)
                    target = next(targets, None)
            rest = block[block.rfind(b"\n") + 1 :]
            n += count
    if rest:
        if target == n:
            found[target] = rest.decode(encoding)
        n += 1
    return found, n


def _unanswered_by_lines(
    sheet: Sheet, records: np.ndarray, width: int, n_records: int
) -> tuple[np.ndarray, np.ndarray] | None:
    """The rows with no answer, each read from its own line with the ``csv`` module (as the
    grid reader reads it), when every record of the file is one line (no quoted line breaks);
    else None."""
    if sheet.encoding == "utf-16":
        return None
    wanted = records.tolist()
    lines, n_lines = _lines_at(sheet.path, wanted, sheet.encoding or "utf-8")
    if n_lines != n_records or len(lines) != len(wanted):
        return None  # a record spans lines: the line numbers are not the record numbers
    found = [
        _cells(next(csv.reader([lines[r].rstrip("\r")], delimiter=sheet.delimiter), []), width)
        for r in wanted
    ]
    filled = np.array([f for f, _ in found])
    return filled, np.array([s for _, s in found]).reshape(-1, STRAY_COLUMNS)


def _unanswered_by_pandas(
    sheet: Sheet, records: np.ndarray, width: int
) -> tuple[np.ndarray, np.ndarray]:
    """The rows with no answer, read whole by pandas (the others skipped unconverted)."""
    wanted = set(records.tolist())
    filled, stray = [], []
    wide = width + STRAY_COLUMNS
    for chunk in _csv_chunks(sheet, wide, usecols=None, skip=wanted.__contains__, keep=True):
        present = chunk.notna().to_numpy()
        filled.append(present.any(axis=1))
        stray.append(present[:, width:])
    return _cat(filled, bool), _cat(stray, bool).reshape(-1, STRAY_COLUMNS)


def _read_csv_whole(sheet: Sheet, plan: Plan, width: int) -> Body:
    """Every column of every row, widening while some row is wider than the columns named."""
    while True:
        reducer = _Reducer(plan, sheet.head.n_cols)
        try:
            for chunk in _csv_chunks(sheet, width, usecols=None, skip=plan.data_start):
                reducer.add(_chunk_columns(chunk), len(chunk), typed=False)
            return reducer.body()
        except pd.errors.ParserError as exc:
            seen = _fields_seen(exc)
            if seen <= width:
                raise _unreadable(sheet.head.file, exc) from None
            width = max(seen, 2 * width)


def _fields_seen(exc: Exception) -> int:
    seen = re.search(r"saw (\d+)", str(exc))
    return int(seen.group(1)) if seen else 0


def _chunk_columns(chunk: pd.DataFrame) -> dict[int, np.ndarray]:
    return {c: chunk[c].to_numpy(dtype=object) for c in chunk.columns}


def _columns_of(rows: list[list[object]]) -> dict[int, np.ndarray]:
    width = max((len(r) for r in rows), default=0)
    columns = {}
    for c in range(width):
        column = np.empty(len(rows), dtype=object)
        column[:] = [r[c] if c < len(r) else None for r in rows]
        columns[c] = column
    return columns


def _csv_chunks(
    sheet: Sheet, width: int, *, usecols: list[int] | None, skip, keep: bool = False
) -> Iterator[pd.DataFrame]:
    """The CSV file's rows as text, in chunks: from row ``skip`` down, or (``keep``) only
    the rows for which ``skip(row)`` is true."""
    try:
        yield from pd.read_csv(
            sheet.path,
            sep=sheet.delimiter,
            encoding=sheet.encoding,
            header=None,
            names=range(width),
            usecols=usecols,
            index_col=False,
            skiprows=(lambda i: not skip(i)) if keep else skip,
            dtype=object,
            keep_default_na=False,
            na_values=[""],
            skip_blank_lines=False,
            skipinitialspace=True,
            chunksize=CHUNK_ROWS,
        )
    except pd.errors.EmptyDataError:
        return
    except (UnicodeDecodeError, ValueError) as exc:
        if isinstance(exc, pd.errors.ParserError):
            raise
        raise _unreadable(sheet.head.file, exc) from None
