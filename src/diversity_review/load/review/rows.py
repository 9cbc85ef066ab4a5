"""Sort-rows stage: what each row below the header is, told before any value is read.

A row is a council's, a total (its label says so: "Wales", "Total", or a code column holds
"W92000004"), a subtotal (a region, "Subtotal ..."), a repeated header, a footnote, blank, or
unlabelled (values with no name: a sum row, or a council left unnamed, told apart later by
adding up its column). Only council, total and unlabelled rows go on; the others are
excluded with their reason for the row account.
"""

from __future__ import annotations

from ...councils import UnknownCouncilError, resolve_council
from ..grid import Grid
from .contracts import Column, ColumnKind, Layout, RowKind, SortedRows
from .problems import exclusion
from .vocabulary import header_key, is_council_header, is_footnote_start, is_total_label, row_label

__all__ = ["sort_rows", "row_kind"]

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


def row_kind(layout: Layout, r: int, value_cols: tuple[Column, ...]) -> RowKind:
    """What row ``r`` is, from its council (and code) cells and whether it has any values."""
    grid: Grid = layout.grid
    values = [v for c in layout.table.columns if (v := grid.value(r, c)) is not None]
    if not values:
        return RowKind.BLANK
    label = grid.value(r, layout.council.index)
    keys = [grid.value(r, c.index) for c in layout.other_keys]
    key = header_key(label) if label is not None else ""
    said = row_label(key)
    if said == "total" or any(v is not None and is_total_label(header_key(v)) for v in keys):
        return RowKind.TOTAL
    if said == "subtotal":
        return RowKind.SUBTOTAL
    if label is not None and is_council_header(label):
        return RowKind.REPEATED_HEADER
    counts_blank = all(grid.value(r, c.index) is None for c in value_cols)
    if _is_footnote(values, label, counts_blank):
        return RowKind.FOOTNOTE
    if label is None and all(v is None for v in keys):
        return RowKind.UNLABELLED
    return RowKind.COUNCIL


def sort_rows(layout: Layout) -> SortedRows:
    """Council, total and unlabelled rows; blank, subtotal, header and note rows excluded."""
    value_cols = layout.of_kind(K.COUNT, K.SEATS, K.EXEC_SIZE, K.MEASURE_TOTAL)
    found: dict[RowKind, list[int]] = {kind: [] for kind in RowKind}
    excluded = []
    for r in layout.table.rows:
        kind = row_kind(layout, r, value_cols)
        found[kind].append(r)
        if kind not in (RowKind.COUNCIL, RowKind.UNLABELLED):
            excluded.append(exclusion(layout.grid, r, kind.value))
    return SortedRows(
        councils=tuple(found[RowKind.COUNCIL]),
        totals=tuple(found[RowKind.TOTAL]),
        unlabelled=tuple(found[RowKind.UNLABELLED]),
        excluded=tuple(excluded),
    )
