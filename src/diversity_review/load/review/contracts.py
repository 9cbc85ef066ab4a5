"""The frozen results the review stages pass one to the next.

``Grid`` (read) -> :class:`Table` (locate) -> :class:`Layout` (classify) -> :class:`SortedRows`
(sort rows) -> :class:`Elections` -> :class:`Councils` (resolve) -> :class:`Cells` and
:class:`Bases` (parse cells) -> :class:`Sheet` (all of them, for the cross-checks and the tidy
frame). No stage changes what an earlier one made; a later stage that knows better (a sum row
with no label is a total after all) says so in its own result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import NamedTuple

from ...errors import Exclusion
from ...text import Count
from ..grid import Grid

__all__ = [
    "ColumnKind",
    "Column",
    "Table",
    "Layout",
    "RowKind",
    "SortedRows",
    "Elections",
    "Councils",
    "Leader",
    "Cells",
    "Bases",
    "Sheet",
]


class ColumnKind(Enum):
    """What a column holds, decided from its header (and, for a few kinds, its cells) before
    any row is read."""

    #: members are singletons: hashed by identity, in C, not by ``Enum.__hash__`` (a Python
    #: call per lookup of the stages' sets and caches of kinds)
    __hash__ = object.__hash__

    COUNCIL = "council"  # the council's name (or code): the row's key
    CODE = "code"  # the council's ONS code, beside its name
    SEATS = "seats"  # the council's seats: the base of its counts
    COUNT = "count"  # councillors in one group of one measure
    PERCENT = "percent"  # a group's share: a cross-check of its count only
    EXEC_SIZE = "exec_size"  # the cabinet's size: the base of the cabinet's sex counts
    MEASURE_TOTAL = "measure_total"  # all members under a measure: checks (or stands in for) seats
    LEADER_SEX = "leader_sex"  # the leader's sex (Female, Male)
    LEADER_FLAG = "leader_flag"  # "Female leader?": Yes or No
    LEADER_NAMES = "leader_names"  # a "Leader" column of names: not loaded
    ELECTION = "election"  # each row's election year
    NOT_KNOWN = "not_known"  # "Not known" alone: takes the measure of the count before it
    PERCENT_NOT_KNOWN = "percent_not_known"  # "% not known": likewise
    UNKNOWN = "unknown"  # a header no word list knows: reported as not loaded
    IGNORED = "ignored"  # mapped to 'ignore' with columns=
    EMPTY = "empty"  # no header text


#: the kinds that read a value the loader keeps; a header's score counts them
READ_KINDS = (ColumnKind.COUNT, ColumnKind.EXEC_SIZE, ColumnKind.LEADER_SEX, ColumnKind.LEADER_FLAG)


class Column(NamedTuple):
    """One column of a table: its 0-based index in the sheet, its header as shown in messages,
    its kind and (for counts and percentages) the measure and group it gives. (A named tuple,
    immutable as the other contracts: a header of a few dozen columns is read several times a
    load, and a tuple is made and remade in a fraction of a frozen dataclass's time.)"""

    index: int
    label: str
    kind: ColumnKind
    measure: str | None = None
    group: str | None = None
    #: the cells hold a count and its percentage, ``12 (34.3%)``
    percent_in_cell: bool = False


@dataclass(frozen=True)
class Table:
    """Where a locator found a table: its header rows and its extent in the sheet.

    ``header_rows`` is ``(group_row,)`` or ``(measure_row, group_row)``; ``rows`` are the rows
    below the header that belong to the table (data, totals, notes), ``columns`` its columns.
    """

    grid: Grid
    header_rows: tuple[int, ...]
    rows: range
    columns: range

    @property
    def header_row(self) -> int:
        """The last header row (the one naming the groups)."""
        return self.header_rows[-1]

    @property
    def measure_row(self) -> int | None:
        """The row above the groups naming their measures, if the header has two rows."""
        return self.header_rows[0] if len(self.header_rows) == 2 else None


@dataclass(frozen=True)
class Layout:
    """A table with every column classified; ``overrides_used`` are the ``columns=`` keys it
    used."""

    table: Table
    columns: tuple[Column, ...]
    overrides_used: frozenset[str] = frozenset()
    #: the columns of each set of kinds asked for (the stages ask the same few again and again)
    _of_kinds: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def grid(self) -> Grid:
        return self.table.grid

    def of_kind(self, *kinds: ColumnKind) -> tuple[Column, ...]:
        found = self._of_kinds.get(kinds)
        if found is None:
            found = self._of_kinds[kinds] = tuple(c for c in self.columns if c.kind in kinds)
        return found

    def first(self, kind: ColumnKind) -> Column | None:
        found = self.of_kind(kind)
        return found[0] if found else None

    @property
    def council(self) -> Column:
        """The council column (every layout a locator accepts has one)."""
        found = self.first(ColumnKind.COUNCIL)
        if found is None:
            raise ValueError("a review layout needs a council column")
        return found

    @property
    def other_keys(self) -> tuple[Column, ...]:
        """Further council and code columns: they name the row's council too."""
        councils = self.of_kind(ColumnKind.COUNCIL)[1:]
        return councils + self.of_kind(ColumnKind.CODE)

    @property
    def election(self) -> Column | None:
        """The column giving each row's election, if the table keeps several in one sheet."""
        return self.first(ColumnKind.ELECTION)

    @property
    def score(self) -> int:
        """How many different things the header reads (a merged cell repeated counts once)."""
        return len({(c.kind, c.measure, c.group) for c in self.of_kind(*READ_KINDS)})


class RowKind(Enum):
    """What a row below the header is, told from its label and the shape of its cells."""

    __hash__ = object.__hash__  # as ColumnKind's

    COUNCIL = "council"
    TOTAL = "total"
    SUBTOTAL = "subtotal"
    REPEATED_HEADER = "repeated header"
    FOOTNOTE = "footnote"
    BLANK = "blank"
    UNLABELLED = "unlabelled"  # values but no name: a sum row, or a council left unnamed


@dataclass(frozen=True)
class SortedRows:
    """The rows below a header sorted before any value is read; the others are excluded."""

    councils: tuple[int, ...]
    totals: tuple[int, ...]
    unlabelled: tuple[int, ...]
    excluded: tuple[Exclusion, ...]


@dataclass(frozen=True)
class Elections:
    """The election of each council, total and unlabelled row, and the rows chosen.

    ``year_of`` is ``None`` for a council row whose year is blank or unreadable (a problem
    already) and for a total naming no election. ``loaded``, ``totals`` and ``unlabelled`` are
    the rows of the chosen election (``election=``), or all of them; ``excluded`` the council
    and unlabelled rows of other elections. ``present`` are the elections of the sheet's
    council rows before any choice.
    """

    year_of: Mapping[int, int | None]
    loaded: tuple[int, ...]
    totals: tuple[int, ...]
    unlabelled: tuple[int, ...]
    excluded: tuple[Exclusion, ...]
    present: frozenset[int]
    by_column: bool  # the years come from an election column


@dataclass(frozen=True)
class Councils:
    """The ONS code of each loaded council row that resolved (rows in sheet order)."""

    code_of: Mapping[int, str]


@dataclass(frozen=True)
class Leader:
    """A leader cell read: the leader's sex (None when blank or unreadable), suppressed or not."""

    sex: str | None
    suppressed: bool = False


@dataclass(frozen=True)
class Cells:
    """Every value cell of every resolved council row, parsed once.

    ``counts`` and ``leaders`` are the columns loaded (a column blank for every council is
    left out and listed in ``blank``); ``columns`` holds the parsed count, seats,
    cabinet-size and measure-total cells of each column (by column index), and
    ``leader_columns`` the leader cells, each a list in the order of ``rows`` (the resolved
    council rows): the later stages read whole columns.
    """

    counts: tuple[Column, ...]
    leaders: tuple[Column, ...]
    blank: tuple[Column, ...]
    rows: tuple[int, ...]
    columns: Mapping[int, list[Count]]
    leader_columns: Mapping[int, list[Leader]]
    #: the percentage a ``12 (34.3%)`` cell gives beside its count, by ``(row, column)``
    percents: Mapping[tuple[int, int], float] = field(default_factory=dict)

    @cached_property
    def place(self) -> dict[int, int]:
        """Each row's place in ``rows`` (and in every column's list)."""
        return {r: i for i, r in enumerate(self.rows)}

    def count(self, row: int, col: int) -> Count | None:
        """The parsed cell of ``row`` in column ``col`` (None: not a loaded row or column)."""
        cells, i = self.columns.get(col), self.place.get(row)
        return None if cells is None or i is None else cells[i]

    def number(self, row: int, col: Column) -> int | None:
        found = self.count(row, col.index)
        return None if found is None else found.value


@dataclass(frozen=True)
class Bases:
    """Each council row's bases: ``seats`` as stated in the table (seats or a measure's total
    column), ``base`` what its members' counts are out of (the stated seats, else the
    registry's 2022 seats or the sum of the sex groups), and ``cabinet`` the cabinet size."""

    seats: Mapping[int, int | None]
    base: Mapping[int, int | None]
    cabinet: Mapping[int, int | None]


@dataclass(frozen=True)
class Sheet:
    """Everything the stages found in one table: what the cross-checks and the frame read."""

    layout: Layout
    rows: SortedRows
    elections: Elections
    councils: Councils
    cells: Cells
    bases: Bases

    @property
    def grid(self) -> Grid:
        return self.layout.grid
