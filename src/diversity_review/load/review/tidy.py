"""Tidy stage: the counts of a sheet's council rows, and all sheets' counts as one frame of
tidy counts (the "counts" contract: one row per election, council, measure and group).

The counts are kept column-wise (:class:`Records`, a list per field), built a column of the
table at a time, put in order by one sort of their keys and handed to pandas as arrays: no
object per count.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from functools import cache, cached_property
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import NamedTuple

import numpy as np
import pandas as pd

from ...categories import MEASURES
from ...councils import UnknownCouncilError, council_name
from ..grid import Grid, column_letter
from .contracts import Sheet

__all__ = ["COLUMNS", "Record", "Records", "records", "frame", "source", "rank"]

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
_LOW, _HIGH, _SEX = attrgetter("low"), attrgetter("high"), attrgetter("sex")


@dataclass(frozen=True)
class _Rows:
    """The council rows of a table, what every column of counts repeats."""

    rows: list[int]
    years: list[int]
    codes: list[str]
    width: int  # counts per row, in the order read

    @cached_property
    def numbers(self) -> list[str]:
        """Each row's number in the sheet (1-based), as text."""
        return [str(r + 1) for r in self.rows]

    def cells(self, cols: Sequence[int]) -> list[tuple[int, int]]:
        """The ``(row, column)`` of each of these columns' cells, column after column."""
        return [(r, c) for c in cols for r in self.rows]

    def add(
        self,
        found: Records,
        first: int,
        keys: Sequence[tuple[str, str]],
        values: tuple[list, list, list, list],
        low_high: tuple[list, list] | None = None,
    ) -> None:
        """Columns of counts added to ``found``, the ``first``-th of each row and those after
        it: each column's measure and group (``keys``), then, column after column, the counts,
        bases, suppressed flags and sources, and the bounds of the suppressed counts (None:
        none shown)."""
        n, k = len(self.rows), len(keys)
        found.election.extend(self.years * k)
        found.council_code.extend(self.codes * k)
        for measure, group in keys:
            found.measure.extend(repeat(measure, n))
            found.group.extend(repeat(group, n))
            measure_place, group_place = rank(measure, group)
            found.measure_place.extend(repeat(measure_place, n))
            found.group_place.extend(repeat(group_place, n))
        count, base, suppressed, where = values
        found.count.extend(count)
        found.base.extend(base)
        found.suppressed.extend(suppressed)
        found.source.extend(where)
        low, high = low_high or (repeat(None, n * k), repeat(None, n * k))
        found.low.extend(low)
        found.high.extend(high)
        found.table.extend(repeat(0, n * k))
        for place in range(first, first + k):
            found.place.extend(range(place, place + n * self.width, self.width))


def records(sheet: Sheet) -> Records:
    """Every count of every resolved council row, then its leader's sex (as Female and Male
    counted 0 or 1, out of 1)."""
    grid, cells, bases = sheet.grid, sheet.cells, sheet.bases
    code_of = sheet.councils.code_of
    rows = list(code_of)
    years = list(map(sheet.elections.year_of.__getitem__, rows))
    width = len(cells.counts) + 2 * len(cells.leaders)
    table = _Rows(rows, years, list(code_of.values()), width)  # type: ignore[arg-type]
    found = Records()
    cols = [c.index for c in cells.counts]
    values = list(map(cells.values.__getitem__, table.cells(cols)))
    members = list(map(bases.base.__getitem__, rows))  # each column's bases, read once
    cabinet = []  # read when a column needs it
    if any(c.measure == "executive_sex" for c in cells.counts):
        cabinet = list(map(bases.cabinet.__getitem__, rows))
    suppressed = list(map(_SUPPRESSED, values))
    bounded = None  # a count shows bounds (``<5``) only when suppressed: read them then
    if True in suppressed:
        bounded = (list(map(_LOW, values)), list(map(_HIGH, values)))
    table.add(
        found,
        0,
        [(c.measure, c.group) for c in cells.counts],  # type: ignore[misc]
        (
            list(map(_VALUE, values)),
            [
                b
                for c in cells.counts
                for b in (cabinet if c.measure == "executive_sex" else members)
            ],
            suppressed,
            _sources(grid, rows, cols, table.numbers),
        ),
        bounded,
    )
    place = len(cells.counts)
    ones = [1] * len(rows)
    for col in cells.leaders:
        leaders = list(map(cells.leader_cells.__getitem__, table.cells((col.index,))))
        where = _sources(grid, rows, (col.index,), table.numbers)
        sexes, suppressed = list(map(_SEX, leaders)), list(map(_SUPPRESSED, leaders))
        for group in ("Female", "Male"):
            count = [None if sex is None else int(sex == group) for sex in sexes]
            table.add(found, place, [("leader_sex", group)], (count, ones, suppressed, where))
            place += 1
    return found


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

    names = {code: _name(code) for code in set(found.council_code)}
    data = {
        "election": _integers(column(found.election)),
        "council_code": _strings(codes := column(found.council_code)),
        "council": _strings(np.array([names[c] for c in codes], dtype=object)),
        "measure": _strings(column(found.measure)),
        "group": _strings(column(found.group)),
        "count": _integers(column(found.count)),
        "base": _integers(column(found.base)),
        "suppressed": column(found.suppressed).astype(bool),
        "source": _strings(column(found.source)),
    }
    counts = pd.DataFrame(data, copy=False)  # the keys are COLUMNS, in order
    counts.attrs["bounds"] = bounds(found, order)
    return counts


def bounds(found: Records, order: np.ndarray | None = None) -> dict[str, tuple[int, int]]:
    """The suppressed counts whose cells showed bounds (``<5``): source -> (low, high), in key
    order (``order``: the counts' positions in key order when they are not in it)."""
    shown = [
        i for i, (lo, hi) in enumerate(zip(found.low, found.high, strict=True)) if hi is not None
    ]
    if order is not None and shown:
        rank = np.empty(len(order), np.int64)
        rank[order] = np.arange(len(order))
        shown.sort(key=rank.__getitem__)
    return {
        found.source[i]: (found.low[i], found.high[i]) for i in shown if found.low[i] is not None
    }
