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
from itertools import chain, compress, repeat
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


def rank(measure: str, group: str) -> tuple[int, int]:
    """A measure's and its group's places in the canonical order (unknown ones last)."""
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
    values = list(map(cells.values.__getitem__, [(r, c) for c in cols for r in rows]))
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
        leaders = [cells.leader_cells[(r, col.index)] for r in rows]
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


@cache
def _str_dtype() -> pd.api.extensions.ExtensionDtype:
    """pandas' ``"str"`` dtype, looked up once (not per column)."""
    return pd.api.types.pandas_dtype("str")


def _strings(cells: np.ndarray) -> pd.api.extensions.ExtensionArray:
    return pd.array(cells, dtype=_str_dtype())


def frame(found: Records) -> pd.DataFrame:
    """The counts as tidy counts, in key order (:class:`Records`), with the councils' names.

    Each field becomes an array as read, and the arrays are put in key order by one index
    (cheaper than ordering every list in Python first)."""
    order = None if found.in_order or len(found) < 2 else np.array(found.key_order(), np.int64)

    def column(values: list) -> np.ndarray:
        cells = np.array(values, dtype=object)
        return cells if order is None else cells[order]

    fields = ("election", "council_code", "measure", "group", "count", "base", "suppressed")
    return _tidy(*map(column, (getattr(found, f) for f in fields)), column(found.source),
                 bounds(found, order))  # fmt: skip


def _tidy(
    election: np.ndarray,
    codes: np.ndarray,
    measure: np.ndarray,
    group: np.ndarray,
    count: np.ndarray,
    base: np.ndarray,
    suppressed: np.ndarray,
    source: np.ndarray,
    shown: dict[str, tuple[int, int]],
) -> pd.DataFrame:
    """The counts contract from its columns in key order (object arrays), the councils'
    names added, ``shown`` the bounds (``attrs["bounds"]``)."""
    names = {code: _name(code) for code in set(codes.tolist())}
    data = {
        "election": _integers(election),
        "council_code": _strings(codes),
        "council": _strings(np.array([names[c] for c in codes.tolist()], dtype=object)),
        "measure": _strings(measure),
        "group": _strings(group),
        "count": _integers(count),
        "base": _integers(base),
        "suppressed": suppressed.astype(bool),
        "source": _strings(source),
    }
    counts = pd.DataFrame(data, copy=False)  # the keys are COLUMNS, in order
    counts.attrs["bounds"] = shown
    return counts


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
    a council's counts are then not one row's cells in column order."""
    blocks = [b for b in blocks if len(b)]
    places = _places(blocks) if blocks else None
    if places is None:
        return None

    def joined(name: str, at: np.ndarray) -> np.ndarray:
        """A field of every table, one after another, taken at these places."""
        return np.array(list(chain.from_iterable(getattr(b, name) for b in blocks)), object)[at]

    row, column, cell = places.row, places.column, places.cell
    source = joined("source", cell)
    return _tidy(
        joined("years", row),
        joined("codes", row),
        joined("measures", column),
        joined("groups", column),
        joined("count", cell),
        joined("base", cell),
        joined("suppressed", cell),
        source,
        _block_bounds(blocks, cell, source),
    )


def _places(blocks: list[Block]) -> _Places | None:
    """The counts' places in key order: council rows by election and code (each once in all
    the tables), and in each row its table's columns by measure, group and place read."""
    years = list(chain.from_iterable(b.years for b in blocks))
    if not set(map(type, years)) <= {int}:
        return None
    codes = list(chain.from_iterable(b.codes for b in blocks))
    rank_of = {code: i for i, code in enumerate(sorted(set(codes)))}
    keys = np.array(years, dtype=np.int64) * len(rank_of) + [rank_of[c] for c in codes]
    if len(np.unique(keys)) < len(keys):
        return None
    n = np.array([len(b.years) for b in blocks])
    k = np.array([len(b.measures) for b in blocks])
    first_cell = np.cumsum(n * k) - n * k
    first_column = np.cumsum(k) - k
    starts, ids = [], []  # each table's columns in key order: their first cell, their id
    for b, rows, cell0, col0 in zip(blocks, n, first_cell, first_column, strict=True):
        if len(set(zip(b.measures, b.groups, strict=True))) < len(b.measures):
            return None
        ranks = np.array([rank(m, g) for m, g in zip(b.measures, b.groups, strict=True)])
        order = np.lexsort((np.arange(len(ranks)), ranks[:, 1], ranks[:, 0]))
        starts.append(cell0 + order * rows)
        ids.append(col0 + order)
    by_key = np.argsort(keys, kind="stable")
    table = np.repeat(np.arange(len(blocks)), n)[by_key]
    row_in_table = (np.arange(len(keys)) - np.repeat(np.cumsum(n) - n, n))[by_key]
    width = k[table]
    row = np.repeat(np.arange(len(keys)), width)
    slot = (
        first_column[table][row]
        + np.arange(width.sum())
        - np.repeat(np.cumsum(width) - width, width)
    )
    cell = np.concatenate(starts)[slot] + row_in_table[row]
    return _Places(cell, by_key[row], np.concatenate(ids)[slot])


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
