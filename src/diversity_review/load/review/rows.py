"""Sort-rows stage: what each row below the header is, told before any value is read.

A row is a council's, a total (its label says so: "Wales", "Total", or a code column holds
"W92000004"), a subtotal (a region, "Subtotal ..."), a repeated header, a footnote, blank, or
unlabelled (values with no name: a sum row, or a council left unnamed, told apart later by
adding up its column). Only council, total and unlabelled rows go on; the others are
excluded with their reason for the row account.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter

from ...councils import UnknownCouncilError, resolve_council
from ..grid import Grid, filled_cells
from .contracts import Column, ColumnKind, Layout, RowKind, SortedRows
from .problems import exclusions
from .vocabulary import header_key, is_council_header, is_footnote_start, is_total_label, row_label

__all__ = ["sort_rows", "row_kind", "RowView"]

K = ColumnKind


def _is_footnote(
    view: RowView, row: list[object], filled: int, value: object, second: object, label: object
) -> bool:
    """A note below the table: it starts like one, is one text merged across the row, or is
    text in the council column with no counts that names no council (the count cells are
    looked at only then). ``filled``: how many values the row has in the table's columns,
    ``value`` and ``second`` the first two (None past the last)."""
    first = str(value)
    if is_footnote_start(first):
        return True
    if (
        filled > 1
        and isinstance(value, str)
        and str(second) == first  # most rows differ here: no scan of the rest
        and all(str(v) == first for v in view.filled(row))
    ):
        return True  # a note merged across the table (every cell shows the same text)
    # more values than the table has other cells: one is a count (no need to look)
    if filled <= view.not_values and _none(view.pick_values(row)):
        if label is None:
            return True
        try:
            resolve_council(label)
            return False
        except UnknownCouncilError as exc:
            return not exc.suggestions or len(str(label).split()) > 4
    return False


def _lead(values: list[object]) -> tuple[int, object, object]:
    """How many values, and the first two (None past the last)."""
    n = len(values)
    return n, values[0] if n else None, values[1] if n > 1 else None


def _picker(cols: tuple[int, ...]) -> Callable[[list[object]], tuple[object, ...]]:
    """The cells of these columns of a row, as a tuple (None past the row's end)."""
    if not cols:
        return lambda row: ()
    if len(cols) == 1:
        (c,) = cols
        return lambda row: (row[c] if c < len(row) else None,)
    take = itemgetter(*cols)
    last = max(cols)
    return lambda row: take(row) if last < len(row) else tuple(_at(row, c) for c in cols)


@dataclass(frozen=True)
class RowView:
    """Where a layout's cells are, worked out once for all its rows (a row is then a few list
    lookups, which keeps a long sheet near the cost of reading it)."""

    grid: Grid
    cells: tuple[int, ...]  # the table's columns
    council: int
    keys: tuple[int, ...]  # further council and code columns
    values: tuple[int, ...]  # count, seats and size columns

    @classmethod
    def of(cls, layout: Layout, value_cols: tuple[Column, ...]) -> RowView:
        return cls(
            layout.grid,
            tuple(layout.table.columns),
            layout.council.index,
            tuple(c.index for c in layout.other_keys),
            tuple(c.index for c in value_cols),
        )

    @cached_property
    def whole(self) -> bool:
        """The table's columns are all the grid's (a row's values are then the row's own)."""
        return self.cells == tuple(range(self.grid.n_cols))

    @cached_property
    def pick_keys(self) -> Callable[[list[object]], tuple[object, ...]]:
        return _picker(self.keys)

    @cached_property
    def pick_values(self) -> Callable[[list[object]], tuple[object, ...]]:
        return _picker(self.values)

    @cached_property
    def width(self) -> int:
        """The length of a row whose values are the row's own (-1: none, the table's columns
        are not all the grid's)."""
        return len(self.cells) if self.whole else -1

    @cached_property
    def no_label_says(self) -> str | None:
        """What a row with no label says it is (its label key is empty)."""
        return row_label("")

    def filled(self, row: list[object]) -> list[object]:
        """The row's values in the table's columns."""
        if len(row) == self.width:
            return filled_cells(row)
        return [v for c in self.cells if (v := _at(row, c)) is not None]

    @cached_property
    def not_values(self) -> int:
        """How many of the table's columns are not count, seats or size columns."""
        return len(set(self.cells) - set(self.values))

    def kind(self, row: list[object]) -> RowKind:
        """What this row is, from its council (and code) cells and whether it has any values
        (:func:`row_kind`)."""
        n = len(row)
        blanks = row.count(None)
        if blanks == n:
            return RowKind.BLANK
        # how many values the row has in the table's columns, and the first two (no tuple
        # made for the common rows: a long sheet's rows are each one object fewer to collect)
        if n == self.width:  # the row's values are its own: most start with two, or one
            filled, first, second = n - blanks, row[0], None
            if first is None or (filled > 1 and (second := row[1]) is None):
                filled, first, second = _lead([v for v in row if v is not None])
        else:
            filled, first, second = _lead([v for c in self.cells if (v := _at(row, c)) is not None])
            if not filled:
                return RowKind.BLANK
        c = self.council
        label = row[c] if c < n else None
        said = self.no_label_says if label is None else row_label(header_key(label))
        if said == "total" or (self.keys and _names_total(self.pick_keys(row))):
            return RowKind.TOTAL
        if said == "subtotal":
            return RowKind.SUBTOTAL
        if label is not None and is_council_header(label):
            return RowKind.REPEATED_HEADER
        if _is_footnote(self, row, filled, first, second, label):
            return RowKind.FOOTNOTE
        if label is None and (not self.keys or _none(self.pick_keys(row))):
            return RowKind.UNLABELLED
        return RowKind.COUNCIL


def _at(row: list[object], c: int) -> object:
    return row[c] if c < len(row) else None


def _none(cells: tuple[object, ...]) -> bool:
    return cells.count(None) == len(cells)


def _names_total(keys: tuple[object, ...]) -> bool:
    """Does a further council or code cell hold a totals label ("W92000004")?"""
    return any(v is not None and is_total_label(header_key(v)) for v in keys)


def row_kind(view: RowView, r: int) -> RowKind:
    """What row ``r`` is, from its council (and code) cells and whether it has any values."""
    return view.kind(view.grid.rows[r])


#: each kind's reason in the row account (its value, looked up without the enum's property)
_REASON = {k: k.value for k in RowKind}


def sort_rows(layout: Layout) -> SortedRows:
    """Council, total and unlabelled rows; blank, subtotal, header and note rows excluded."""
    value_cols = layout.of_kind(K.COUNT, K.SEATS, K.EXEC_SIZE, K.MEASURE_TOTAL)
    view = RowView.of(layout, value_cols)
    councils: list[int] = []
    totals: list[int] = []
    unlabelled: list[int] = []
    excluded: list[int] = []
    reasons: list[str] = []  # beside ``excluded``: no (row, reason) pair made per row
    kind_of, rows = view.kind, layout.grid.rows
    council, unlabelled_kind, total = RowKind.COUNCIL, RowKind.UNLABELLED, RowKind.TOTAL
    for r in layout.table.rows:
        kind = kind_of(rows[r])
        if kind is council:
            councils.append(r)
        elif kind is unlabelled_kind:
            unlabelled.append(r)
        else:
            if kind is total:
                totals.append(r)
            excluded.append(r)
            reasons.append(_REASON[kind])
    return SortedRows(
        tuple(councils),
        tuple(totals),
        tuple(unlabelled),
        exclusions(layout.grid, zip(excluded, reasons, strict=True)),
    )
