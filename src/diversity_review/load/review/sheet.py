"""One classified table through the stages: sort rows -> elections -> resolve councils ->
parse cells -> bases -> cross-checks -> records, with one collector of its problems."""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import RowAccount
from ...hints import ELECTION
from . import checks
from .bases import row_bases, seats_fallback
from .cells import parse_cells
from .contracts import Layout, Sheet
from .elections import row_elections
from .problems import Collector
from .resolve import resolve_councils
from .rows import sort_rows
from .tidy import Block, records

__all__ = ["TableResult", "load_table"]


@dataclass(frozen=True)
class TableResult:
    """A table's records and row account, and the elections its council rows are of (before
    any choice)."""

    layout: Layout
    records: Block
    account: RowAccount | None  # None when the table has problems
    elections: frozenset[int]


def _no_year(layout: Layout, year: int | None, out: Collector) -> bool:
    if year is None and layout.election is None:
        out.problem(
            "cannot tell which election this sheet is (no year in the sheet or file name): "
            f"pass {ELECTION}, e.g. load_review(path, election=2022)",
            code="no-year",
        )
        return True
    return False


def _check(sheet: Sheet, out: Collector) -> tuple:
    """The cross-checks in order; the unlabelled sum rows found to be totals are returned."""
    checks.seats_present(sheet, out)
    checks.cabinet_within_seats(sheet, out)
    checks.groups_within_base(sheet, out)
    sums, sum_exclusions = checks.unlabelled_rows(sheet, out)
    checks.data_rows_present(sheet, out)
    checks.totals_match(sheet, sheet.elections.totals + sums, out)
    checks.registry_seats_match(sheet, out)
    checks.percentages_match(sheet, out)
    checks.percent_in_cells(sheet, out)
    checks.unused_columns(sheet, out)
    return sum_exclusions


def load_table(
    layout: Layout, year: int | None, wanted: int | None = None
) -> tuple[TableResult, Collector]:
    """One table's result and its collector (settle it to raise or warn).

    ``year`` is the election of every row when the table has no election column (else each
    row's own cell says); with ``wanted``, rows of other elections are excluded as "other
    election" and not read.
    """
    out = Collector(layout.grid)
    if _no_year(layout, year, out):
        return TableResult(layout, Block.empty(), None, frozenset()), out
    checks.columns_distinct(layout, out)
    rows = sort_rows(layout)
    elections = row_elections(layout, rows, year, wanted, out)
    seats_fallback(layout, elections, out)
    councils = resolve_councils(layout, elections, out)
    cells = parse_cells(layout, councils, out)
    bases = row_bases(layout, elections, councils, cells, out)
    sheet = Sheet(layout, rows, elections, councils, cells, bases)
    sum_exclusions = _check(sheet, out)
    account = None
    if not out.problems:
        account = RowAccount(
            file=layout.grid.file,
            rows_read=len(layout.table.rows),
            rows_kept=len(elections.loaded),
            excluded=rows.excluded + elections.excluded + sum_exclusions,
        )
    return TableResult(layout, records(sheet), account, elections.present), out
