"""Elections stage: which election each row is of, and which tables and rows ``election=``
chooses.

A sheet is one election, its year from ``election=``, the sheet name or the file name, unless
its table has an election column: then each row's own cell says ("2022", "May 2022", a date),
and a total may name its year in its label instead ("Total 2022"). With ``election=``, the
rows of other elections are excluded as "other election" and not read.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...errors import DataError, Problem
from ...hints import ELECTION
from ...text import parse_year, year_in
from ..grid import Grid
from .contracts import Elections, Layout, SortedRows
from .problems import Collector, exclusion

__all__ = ["sheet_year", "row_elections", "choose_tables", "no_such_election"]


def sheet_year(grid: Grid, stem: str, election: int | None) -> int | None:
    """The election of a sheet without an election column: ``election=``, else the one year
    its sheet name holds, else the file name's."""
    return election or year_in(grid.sheet) or year_in(stem)


def _council_years(layout: Layout, rows: SortedRows, out: Collector) -> dict[int, int | None]:
    """Each council row's year from its election cell; a blank or unreadable cell is a
    problem (and the row's year None)."""
    col = layout.election
    assert col is not None
    years: dict[int, int | None] = {}
    for r in rows.councils:
        value = layout.grid.value(r, col.index)
        years[r] = parse_year(value)
        if years[r] is not None:
            continue
        if value is None:
            message = f"no election year in the {col.label!r} column (enter e.g. 2022)"
            out.problem(message, r, col.index, code="year-missing")
        else:
            message = (
                f"{value!r} in the {col.label!r} column is not an election year (enter e.g. 2022)"
            )
            out.problem(message, r, col.index, code="bad-year")
    return years


def _years(
    layout: Layout, rows: SortedRows, year: int | None, out: Collector
) -> dict[int, int | None]:
    """The year of every council, total and unlabelled row (None: not known, or, for a total,
    of every election in the sheet)."""
    col = layout.election
    others = rows.totals + rows.unlabelled
    if col is None:
        return dict.fromkeys(rows.councils + others, year)
    years = _council_years(layout, rows, out)
    label_col = layout.council.index
    for r in others:
        label = layout.grid.value(r, label_col)
        years[r] = parse_year(layout.grid.value(r, col.index)) or year_in(label)
    return years


def row_elections(
    layout: Layout, rows: SortedRows, year: int | None, wanted: int | None, out: Collector
) -> Elections:
    """The election of each row (``year`` for a table without an election column) and the
    rows of the ``wanted`` election (all when None)."""
    years = _years(layout, rows, year, out)

    def chosen(r: int) -> bool:
        return wanted is None or years[r] in (None, wanted)

    excluded = [
        exclusion(layout.grid, r, "other election")
        for r in rows.councils
        if years[r] is not None and not chosen(r)
    ]
    excluded += [
        exclusion(layout.grid, r, "other election") for r in rows.unlabelled if not chosen(r)
    ]
    return Elections(
        year_of=years,
        loaded=tuple(r for r in rows.councils if years[r] is not None and chosen(r)),
        totals=tuple(r for r in rows.totals if chosen(r)),
        unlabelled=tuple(r for r in rows.unlabelled if chosen(r)),
        excluded=tuple(excluded),
        present=frozenset(y for r in rows.councils if (y := years[r]) is not None),
        by_column=layout.election is not None,
    )


def choose_tables(
    layouts: Sequence[Layout], election: int | None, sheet: object, name: str
) -> list[Layout]:
    """The tables ``election=`` picks when no ``sheet=`` is given: those on a sheet named for
    that year, and any with an election column (its rows say), else the only table when its
    sheet names no year."""
    layouts = list(layouts)
    if election is None or sheet is not None or all(t.grid.sheet is None for t in layouts):
        return layouts
    matching = [t for t in layouts if t.election is not None or year_in(t.grid.sheet) == election]
    if matching:
        return matching
    if len(layouts) == 1 and year_in(layouts[0].grid.sheet) is None:
        return layouts
    listed = ", ".join(repr(t.grid.sheet) for t in layouts)
    raise DataError(
        Problem(
            f"no sheet for the {election} election: the sheets with a council table are "
            f"{listed}; pass sheet=",
            name,
            code="no-sheet-for-election",
        )
    )


def no_such_election(
    election: int, loaded: Sequence[tuple[Layout, frozenset[int]]], name: str
) -> list[Problem]:
    """Each election column that lacks ``election``, with the years it holds."""
    problems = []
    for layout, present in loaded:
        col = layout.election
        if col is not None:
            years = ", ".join(map(str, sorted(present))) or "none"
            problems.append(
                layout.grid.problem(
                    f"no rows for the {election} election: the {col.label!r} column holds "
                    f"{years}; pass one of them as {ELECTION}",
                    layout.table.header_row,
                    col.index,
                    code="no-such-election",
                )
            )
    return problems or [
        Problem(f"no rows for the {election} election", name, code="no-such-election")
    ]
