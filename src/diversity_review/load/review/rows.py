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
from .problems import exclusion
from .vocabulary import header_key, is_council_header, is_footnote_start, is_total_label, row_label

__all__ = ["sort_rows", "row_kind", "RowView"]

K = ColumnKind


def _is_footnote(values: list[object], label: object, counts_blank: Callable[[], bool]) -> bool:
    """A note below the table: it starts like one, is one text merged across the row, or is
    text in the council column with no counts that names no council (``counts_blank`` is
    asked only then)."""
    first = str(values[0]) if values else ""
    if is_footnote_start(first):
        return True
    if len(values) > 1 and isinstance(values[0], str) and all(str(v) == first for v in values):
        return True  # a note merged across the table (every cell shows the same text)
    if counts_blank():
        if label is None:
            return True
        try:
            resolve_council(label)
            return False
        except UnknownCouncilError as exc:
            return not exc.suggestions or len(str(label).split()) > 4
    return False


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

    def filled(self, row: list[object]) -> list[object]:
        """The row's values in the table's columns."""
        if self.whole and len(row) == len(self.cells):
            return filled_cells(row)
        return [v for c in self.cells if (v := _at(row, c)) is not None]


def _at(row: list[object], c: int) -> object:
    return row[c] if c < len(row) else None


def _none(cells: tuple[object, ...]) -> bool:
    return cells.count(None) == len(cells)


def row_kind(view: RowView, r: int) -> RowKind:
    """What row ``r`` is, from its council (and code) cells and whether it has any values."""
    row = view.grid.rows[r]
    if row.count(None) == len(row):
        return RowKind.BLANK
    values = view.filled(row)
    if not values:
        return RowKind.BLANK
    label = row[view.council] if view.council < len(row) else None
    keys = view.pick_keys(row)
    said = row_label(header_key(label) if label is not None else "")
    if said == "total" or (
        keys and any(v is not None and is_total_label(header_key(v)) for v in keys)
    ):
        return RowKind.TOTAL
    if said == "subtotal":
        return RowKind.SUBTOTAL
    if label is not None and is_council_header(label):
        return RowKind.REPEATED_HEADER
    if _is_footnote(values, label, lambda: _none(view.pick_values(row))):
        return RowKind.FOOTNOTE
    if label is None and _none(keys):
        return RowKind.UNLABELLED
    return RowKind.COUNCIL


def sort_rows(layout: Layout) -> SortedRows:
    """Council, total and unlabelled rows; blank, subtotal, header and note rows excluded."""
    value_cols = layout.of_kind(K.COUNT, K.SEATS, K.EXEC_SIZE, K.MEASURE_TOTAL)
    view = RowView.of(layout, value_cols)
    councils: list[int] = []
    totals: list[int] = []
    unlabelled: list[int] = []
    excluded = []
    for r in layout.table.rows:
        kind = row_kind(view, r)
        if kind is RowKind.COUNCIL:
            councils.append(r)
        elif kind is RowKind.UNLABELLED:
            unlabelled.append(r)
        else:
            if kind is RowKind.TOTAL:
                totals.append(r)
            excluded.append(exclusion(layout.grid, r, kind.value))
    return SortedRows(tuple(councils), tuple(totals), tuple(unlabelled), tuple(excluded))
