"""Sort-rows stage: what each row below the header is, told before any value is read.

A row is a council's, a total (its label says so: "Wales", "Total", or a code column holds
"W92000004"), a subtotal (a region, "Subtotal ..."), a repeated header, a footnote, blank, or
unlabelled (values with no name: a sum row, or a council left unnamed, told apart later by
adding up its column). Only council, total and unlabelled rows go on; the others are
excluded with their reason for the row account.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...councils import UnknownCouncilError, resolve_council
from ..grid import Grid
from .contracts import Column, ColumnKind, Layout, RowKind, SortedRows
from .problems import exclusion
from .vocabulary import header_key, is_council_header, is_footnote_start, is_total_label, row_label

__all__ = ["sort_rows", "row_kind", "RowView"]

K = ColumnKind


def _is_footnote(values: list[object], label: object, counts_blank: bool) -> bool:
    """A note below the table: it starts like one, is one text merged across the row, or is
    text in the council column with no counts that names no council."""
    first = str(values[0]) if values else ""
    if is_footnote_start(first):
        return True
    if len(set(map(str, values))) == 1 and isinstance(values[0], str) and len(values) > 1:
        return True  # a note merged across the table
    if counts_blank:
        if label is None:
            return True
        try:
            resolve_council(label)
            return False
        except UnknownCouncilError as exc:
            return not exc.suggestions or len(str(label).split()) > 4
    return False


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


def _at(row: list[object], c: int) -> object:
    return row[c] if c < len(row) else None


def row_kind(view: RowView, r: int) -> RowKind:
    """What row ``r`` is, from its council (and code) cells and whether it has any values."""
    row = view.grid.rows[r]
    values = [v for c in view.cells if (v := _at(row, c)) is not None]
    if not values:
        return RowKind.BLANK
    label = _at(row, view.council)
    keys = [_at(row, c) for c in view.keys]
    key = header_key(label) if label is not None else ""
    said = row_label(key)
    if said == "total" or any(v is not None and is_total_label(header_key(v)) for v in keys):
        return RowKind.TOTAL
    if said == "subtotal":
        return RowKind.SUBTOTAL
    if label is not None and is_council_header(label):
        return RowKind.REPEATED_HEADER
    counts_blank = all(_at(row, c) is None for c in view.values)
    if _is_footnote(values, label, counts_blank):
        return RowKind.FOOTNOTE
    if label is None and all(v is None for v in keys):
        return RowKind.UNLABELLED
    return RowKind.COUNCIL


def sort_rows(layout: Layout) -> SortedRows:
    """Council, total and unlabelled rows; blank, subtotal, header and note rows excluded."""
    value_cols = layout.of_kind(K.COUNT, K.SEATS, K.EXEC_SIZE, K.MEASURE_TOTAL)
    view = RowView.of(layout, value_cols)
    found: dict[RowKind, list[int]] = {kind: [] for kind in RowKind}
    excluded = []
    for r in layout.table.rows:
        kind = row_kind(view, r)
        found[kind].append(r)
        if kind not in (RowKind.COUNCIL, RowKind.UNLABELLED):
            excluded.append(exclusion(layout.grid, r, kind.value))
    return SortedRows(
        councils=tuple(found[RowKind.COUNCIL]),
        totals=tuple(found[RowKind.TOTAL]),
        unlabelled=tuple(found[RowKind.UNLABELLED]),
        excluded=tuple(excluded),
    )
