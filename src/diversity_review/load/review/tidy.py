"""Tidy stage: the counts of a sheet's council rows, and all sheets' counts as one frame of
tidy counts (the "counts" contract: one row per election, council, measure and group).

Each table's counts are kept as read (:class:`Block`: its rows, its columns and their cells,
column after column) and handed to pandas as arrays put in key order by one index: no object
per count (:func:`frame_of`). Where two tables give rows of one council and election, the
counts are ordered one by one instead (:class:`Records`, a list per field, one sort of their
keys: :func:`frame`), and a count given twice is found.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from functools import cache
from itertools import chain, compress, groupby, repeat
from operator import attrgetter, itemgetter
from typing import NamedTuple

import numpy as np
import pandas as pd

from ...categories import MEASURES
from ...councils import UnknownCouncilError, council_name
from ..grid import Grid, column_letter
from .contracts import Sheet

__all__ = [
    "COLUMNS",
    "Block",
    "Record",
    "Records",
    "records",
    "frame",
    "frame_of",
    "frame_of_arrays",
    "source",
    "rank",
]

#: Output columns of :func:`~diversity_review.load.review.load_review`, in order.
COLUMNS = [
    "election",
    "council_code",
    "council",
    "measure",
    "group",
    "count",
    "base",
    "suppressed",
    "source",
]


class Record(NamedTuple):
    """One count of one council row: a row of the tidy frame, without the council's name."""

    election: int
    council_code: str
    measure: str
    group: str
    count: int | None
    base: int | None
    suppressed: bool
    source: str
    #: a suppressed count's bounds as the cell shows them (``<5``: 1 and 4)
    low: int | None = None
    high: int | None = None


@dataclass(frozen=True)
class Records:
    """Counts column-wise: a list per :class:`Record` field, and the parts of each count's
    sort key beyond its election and council code: the measure's and group's canonical places
    (:func:`rank`), then where it was read (table, and place in the table read row by row), so
    equal keys keep the order they were read in."""

    election: list = field(default_factory=list)
    council_code: list = field(default_factory=list)
    measure: list = field(default_factory=list)
    group: list = field(default_factory=list)
    count: list = field(default_factory=list)
    base: list = field(default_factory=list)
    suppressed: list = field(default_factory=list)
    source: list = field(default_factory=list)
    low: list = field(default_factory=list)
    high: list = field(default_factory=list)
    measure_place: list = field(default_factory=list)
    group_place: list = field(default_factory=list)
    table: list = field(default_factory=list)
    place: list = field(default_factory=list)
    #: the counts are in key order already (made by :meth:`ordered`)
    in_order: bool = False

    def __len__(self) -> int:
        return len(self.place)

    def __iter__(self) -> Iterator[Record]:
        return map(Record, *(getattr(self, f) for f in Record._fields))

    @classmethod
    def concat(cls, parts: Sequence[Records]) -> Records:
        """The parts one after another, each part's counts of its own table."""
        joined = cls()
        for i, part in enumerate(parts):
            for name in _LISTS:
                if name != "table":
                    getattr(joined, name).extend(getattr(part, name))
            joined.table.extend(repeat(i, len(part)))
        return joined

    def ordered(self) -> Records:
        """The counts in key order."""
        if self.in_order or len(self) < 2:
            return self
        take = itemgetter(*self.key_order())
        return Records(*(list(take(getattr(self, name))) for name in _LISTS), in_order=True)

    def key_order(self) -> list[int]:
        """The positions in key order: one stable numpy sort of the keys as integers (the
        council codes by their rank), or, when an election is not an integer, Python's sort of
        the key tuples (the same order wherever both apply)."""
        if not set(map(type, self.election)) <= {int}:
            keys = list(
                zip(
                    self.election,
                    self.council_code,
                    self.measure_place,
                    self.group_place,
                    self.table,
                    self.place,
                    strict=True,
                )
            )
            return sorted(range(len(keys)), key=keys.__getitem__)
        rank = {code: i for i, code in enumerate(sorted(set(self.council_code)))}
        codes = list(map(rank.__getitem__, self.council_code))
        keys = (self.place, self.table, self.group_place, self.measure_place, codes, self.election)
        return np.lexsort([np.array(k, dtype=np.int64) for k in keys]).tolist()


#: the fields of :class:`Records` that are lists, one item per count
_LISTS = tuple(f.name for f in fields(Records) if f.name != "in_order")


@cache
def _order() -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    measures = {m: i for i, m in enumerate(MEASURES)}
    groups = {(m, g): i for m, spec in MEASURES.items() for i, g in enumerate(spec.groups)}
    return measures, groups


@cache
def rank(measure: str, group: str) -> tuple[int, int]:
    """A measure's and its group's places in the canonical order (unknown ones last; each
    pair worked out once)."""
    measures, groups = _order()
    return measures.get(measure, len(measures)), groups.get((measure, group), 99)


def source(grid: Grid, r: int, c: int) -> str:
    """Where a value came from: ``file.xlsx!Sheet!C7`` (``file.csv!C7`` for a CSV file)."""
    return _prefix(grid) + grid.ref(r, c)


def _prefix(grid: Grid) -> str:
    return f"{grid.file}!{grid.sheet}!" if grid.sheet is not None else f"{grid.file}!"


def _sources(
    grid: Grid, rows: Sequence[int], cols: Sequence[int], numbers: Sequence[str]
) -> list[str]:
    """The sources of these columns' cells in these rows, column after column (``numbers``:
    the rows' numbers as the sheet shows them, ``str(r + 1)``)."""
    if grid.refs is None:
        prefix = _prefix(grid)
        return [head + n for head in [prefix + column_letter(c) for c in cols] for n in numbers]
    return [source(grid, r, c) for c in cols for r in rows]


_VALUE, _SUPPRESSED = attrgetter("value"), attrgetter("suppressed")
_SEX = attrgetter("sex")


@dataclass(frozen=True)
class Block:
    """One table's counts as read: its council rows (each row's election and code) by its
    columns (each column's measure and group, in the order read), the cells column after
    column (``count[j * n + i]`` is row ``i``'s count in column ``j``); ``bounds`` the cells
    (by that place) whose suppressed count showed its bounds (``<5``: 1 to 4)."""

    years: list
    codes: list
    measures: list
    groups: list
    count: list
    base: list
    suppressed: list
    source: list
    bounds: dict[int, tuple[int, int]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.count)

    @classmethod
    def empty(cls) -> Block:
        return cls([], [], [], [], [], [], [], [])

    def records(self) -> Records:
        """The same counts a record each (:class:`Records`: the general sort, and messages)."""
        n, k = len(self.years), len(self.measures)
        found = Records()
        found.election.extend(self.years * k)
        found.council_code.extend(self.codes * k)
        for measure, group in zip(self.measures, self.groups, strict=True):
            found.measure.extend(repeat(measure, n))
            found.group.extend(repeat(group, n))
            measure_place, group_place = rank(measure, group)
            found.measure_place.extend(repeat(measure_place, n))
            found.group_place.extend(repeat(group_place, n))
        for name in ("count", "base", "suppressed", "source"):
            getattr(found, name).extend(getattr(self, name))
        low, high = [None] * (n * k), [None] * (n * k)
        for i, (least, most) in self.bounds.items():
            low[i], high[i] = least, most
        found.low.extend(low)
        found.high.extend(high)
        found.table.extend(repeat(0, n * k))
        for place in range(k):  # place in the table read row by row
            found.place.extend(range(place, place + n * k, k))
        return found


def records(sheet: Sheet) -> Block:
    """Every count of every resolved council row, then its leader's sex (as Female and Male
    counted 0 or 1, out of 1)."""
    grid, cells, bases = sheet.grid, sheet.cells, sheet.bases
    code_of = sheet.councils.code_of
    rows = list(code_of)
    numbers = [str(r + 1) for r in rows]
    cols = [c.index for c in cells.counts]
    values = list(chain.from_iterable(map(cells.columns.__getitem__, cols)))
    members = list(map(bases.base.__getitem__, rows))  # each column's bases, read once
    cabinet = []  # read when a column needs it
    if any(c.measure == "executive_sex" for c in cells.counts):
        cabinet = list(map(bases.cabinet.__getitem__, rows))
    found = Block(
        list(map(sheet.elections.year_of.__getitem__, rows)),
        list(code_of.values()),
        [c.measure for c in cells.counts],
        [c.group for c in cells.counts],
        list(map(_VALUE, values)),
        [b for c in cells.counts for b in (cabinet if c.measure == "executive_sex" else members)],
        suppressed := list(map(_SUPPRESSED, values)),
        _sources(grid, rows, cols, numbers),
    )
    if True in suppressed:  # a count shows bounds (``<5``) only when suppressed: read them then
        for i in compress(range(len(values)), suppressed):
            if values[i].low is not None and values[i].high is not None:
                found.bounds[i] = (values[i].low, values[i].high)
    for col in cells.leaders:
        leaders = cells.leader_columns[col.index]
        _add_leader(found, leaders, _sources(grid, rows, (col.index,), numbers))
    return found


def _add_leader(found: Block, leaders: list, where: list[str]) -> None:
    """A leader column as two columns of ``found``: Female and Male, 0 or 1 out of 1."""
    n = len(leaders)
    sexes, suppressed = list(map(_SEX, leaders)), list(map(_SUPPRESSED, leaders))
    for group in ("Female", "Male"):
        found.measures.append("leader_sex")
        found.groups.append(group)
        found.count.extend([None if sex is None else int(sex == group) for sex in sexes])
        found.base.extend(repeat(1, n))
        found.suppressed.extend(suppressed)
        found.source.extend(where)


def _name(code: str) -> str | None:
    try:
        return council_name(code)
    except UnknownCouncilError:
        return None


def _integers(cells: np.ndarray) -> pd.arrays.IntegerArray:
    """A nullable Int64 array of an object array of ints and Nones."""
    mask = cells == None  # noqa: E711 (element-wise)
    cells[mask] = 0
    return pd.arrays.IntegerArray(cells.astype(np.int64), mask)


def _whole(values: np.ndarray) -> pd.arrays.IntegerArray:
    """A nullable Int64 array of whole numbers, none missing."""
    return pd.arrays.IntegerArray(values, np.zeros(len(values), dtype=bool))


@cache
def _columns() -> pd.Index:
    """:data:`COLUMNS` as the frame's columns, made once (not inferred per frame)."""
    return pd.Index(COLUMNS)


@cache
def _str_dtype() -> pd.api.extensions.ExtensionDtype:
    """pandas' ``"str"`` dtype, looked up once (not per column)."""
    return pd.api.types.pandas_dtype("str")


@cache
def _str_array() -> type[pd.api.extensions.ExtensionArray]:
    """The array type of pandas' ``"str"`` dtype (its lookup imports a module each time)."""
    return _str_dtype().construct_array_type()


def _strings(cells: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """A ``"str"`` array of an object array of str and None (by the dtype's own array
    type, as ``pd.array`` would, without its inference)."""
    return _str_array()._from_sequence(cells, dtype=_str_dtype())


def frame(found: Records) -> pd.DataFrame:
    """The counts as tidy counts, in key order (:class:`Records`), with the councils' names.

    Each field becomes an array as read, and the arrays are put in key order by one index
    (cheaper than ordering every list in Python first)."""
    order = None if found.in_order or len(found) < 2 else np.array(found.key_order(), np.int64)

    def column(values: list) -> np.ndarray:
        cells = np.array(values, dtype=object)
        return cells if order is None else cells[order]

    codes = column(found.council_code)
    return _contract(
        _integers(column(found.election)),
        _strings(codes),
        _strings(np.array(_names(codes.tolist()), object)),
        _strings(column(found.measure)),
        _strings(column(found.group)),
        _integers(column(found.count)),
        _integers(column(found.base)),
        column(found.suppressed).astype(bool),
        _strings(column(found.source)),
        bounds(found, order),
    )


def _names(codes: list[str]) -> list[str | None]:
    """The councils' names of these codes, each code looked up once."""
    names = {code: _name(code) for code in set(codes)}
    return [names[code] for code in codes]


def _contract(
    election: pd.arrays.IntegerArray,
    codes: pd.api.extensions.ExtensionArray,
    council: pd.api.extensions.ExtensionArray,
    measure: pd.api.extensions.ExtensionArray,
    group: pd.api.extensions.ExtensionArray,
    count: pd.arrays.IntegerArray,
    base: pd.arrays.IntegerArray,
    suppressed: np.ndarray,
    source: pd.api.extensions.ExtensionArray,
    shown: dict[str, tuple[int, int]],
) -> pd.DataFrame:
    """The counts contract from its columns in key order, ``shown`` the bounds
    (``attrs["bounds"]``)."""
    counts = frame_of_arrays(
        [election, codes, council, measure, group, count, base, suppressed, source]
    )
    counts.attrs["bounds"] = shown
    return counts


def frame_of_arrays(arrays: list) -> pd.DataFrame:
    """A frame of :data:`COLUMNS` from their arrays, each already of its dtype and of one
    length (numpy or pandas extension arrays).

    Made by pandas' ``DataFrame._from_arrays`` without checking the arrays again: the public
    constructor from a dict infers the labels' dtype and converts each array once more, about
    a twentieth of a load of the sample. ``_from_arrays`` is private to pandas (in every
    release since 0.23, its contract in its docstring); with a pandas that lacks it or has
    changed its signature, the public constructor makes the same frame."""
    index = pd.RangeIndex(len(arrays[0]))
    try:
        return pd.DataFrame._from_arrays(
            arrays, columns=_columns(), index=index, verify_integrity=False
        )
    except (AttributeError, TypeError):
        data = dict(zip(COLUMNS, arrays, strict=True))
        return pd.DataFrame(data, columns=_columns(), index=index, copy=False)


def bounds(found: Records, order: np.ndarray | None = None) -> dict[str, tuple[int, int]]:
    """The suppressed counts whose cells showed bounds (``<5``): source -> (low, high), in key
    order (``order``: the counts' positions in key order when they are not in it)."""
    shown = [
        i
        for i, (lo, hi) in enumerate(zip(found.low, found.high, strict=True))
        if hi is not None and lo is not None
    ]
    if order is not None and shown:
        shown.sort(key=_key_places(order).__getitem__)
    return {found.source[i]: (found.low[i], found.high[i]) for i in shown}


def _key_places(order: np.ndarray) -> list[int]:
    """Each count's place in key order, from the counts' positions in key order."""
    places = np.empty(len(order), dtype=np.int64)
    places[order] = np.arange(len(order))
    return places.tolist()


class _Places(NamedTuple):
    """Where each count of the frame comes from, in key order: its cell (in the tables'
    cells one after another), its row and its column (in the tables' rows and columns)."""

    cell: np.ndarray
    row: np.ndarray
    column: np.ndarray


def frame_of(blocks: Sequence[Block]) -> pd.DataFrame | None:
    """:func:`frame` of the tables' counts, ordered by their rows and columns instead of
    count by count; None where only the general way will do (two rows of one council and
    election, a (measure, group) twice in a table, an election that is not a whole number):
    a council's counts are then not one row's cells in column order.

    A field of the rows (election, council) or of the columns (measure, group) is taken at
    each count's row or column; each column of the frame is made once, in key order."""
    blocks = [b for b in blocks if len(b)]
    places = _places(blocks) if blocks else None
    if places is None:
        return None

    def each(name: str) -> list:
        """A field of every table, one after another."""
        return list(chain.from_iterable(map(attrgetter(name), blocks)))

    row, column, cell = places.row, places.column, places.cell
    codes = each("codes")
    source = np.array(each("source"), object)[cell]
    return _contract(
        _whole(np.array(each("years"), np.int64)[row]),
        _strings(np.array(codes, object)[row]),
        _strings(np.array(_names(codes), object)[row]),
        _strings(np.array(each("measures"), object)[column]),
        _strings(np.array(each("groups"), object)[column]),
        _integers(np.array(each("count"), object)[cell]),
        _integers(np.array(each("base"), object)[cell]),
        np.array(each("suppressed"), bool)[cell],
        _strings(source),
        _block_bounds(blocks, cell, source),
    )


def _places(blocks: list[Block]) -> _Places | None:
    """The counts' places in key order: council rows by election and code (each once in all
    the tables), and in each row its table's columns by measure, group and place read.

    Rows next to each other in key order from one table (a table per election: all its
    rows) take their cells together, as a matrix of rows by the table's columns."""
    keys = [(y, c) for b in blocks for y, c in zip(b.years, b.codes, strict=True)]
    if not all(type(y) is int for y, _ in keys) or len(set(keys)) < len(keys):
        return None
    table_of: list[int] = []  # each row's table
    tables = []  # each table's first row, and its columns in key order (first cells, ids)
    row0 = cell0 = col0 = 0
    for t, b in enumerate(blocks):
        n, k = len(b.years), len(b.measures)
        pairs = list(zip(b.measures, b.groups, strict=True))
        if len(set(pairs)) < k:
            return None
        ranks = [rank(*key) for key in pairs]
        order = np.array(sorted(range(k), key=ranks.__getitem__))  # equals: in the order read
        tables.append((row0, cell0 + order * n, col0 + order))
        table_of += repeat(t, n)
        row0, cell0, col0 = row0 + n, cell0 + n * k, col0 + k
    cell, row, column = [], [], []
    for t, run in groupby(sorted(range(len(keys)), key=keys.__getitem__), table_of.__getitem__):
        at = np.array(list(run))
        first_row, firsts, ids = tables[t]
        cell.append((firsts[None, :] + (at - first_row)[:, None]).ravel())
        row.append(at.repeat(len(ids)))  # the arrays' own methods: no numpy dispatch layers
        column.append(ids[None, :].repeat(len(at), axis=0).ravel())
    return _Places(*map(np.concatenate, (cell, row, column)))


def _block_bounds(
    blocks: list[Block], cell: np.ndarray, source: np.ndarray
) -> dict[str, tuple[int, int]]:
    """:func:`bounds` of the tables' cells, in key order (``cell``: the cells in key order)."""
    offsets = np.cumsum([0] + [len(b) for b in blocks]).tolist()
    shown = [
        (at + i, ends)
        for at, b in zip(offsets[:-1], blocks, strict=True)
        for i, ends in b.bounds.items()
    ]
    if not shown:
        return {}
    places = _key_places(cell)
    shown.sort(key=lambda found: places[found[0]])
    return {source[places[i]]: ends for i, ends in shown}
