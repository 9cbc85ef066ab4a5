"""What each council's counts are out of: its seats, and the cabinet's size.

The seats come from the seats column, else a measure's total column. A table with neither
takes, for its 2022 rows, the council registry's 2022 seats and, for other elections, the sum
of the sex groups (when it has them): each is a warning, and with neither it is an error. The
cabinet's size comes from its column, else the sum of the cabinet's sex counts.
"""

from __future__ import annotations

from functools import cache

from ...councils import council_name, councils
from .contracts import Bases, Cells, ColumnKind, Councils, Elections, Layout
from .problems import Collector

__all__ = ["REGISTRY_YEAR", "registry_seats", "seats_fallback", "row_bases"]

K = ColumnKind

#: the election the council registry's seats are of
REGISTRY_YEAR = 2022


@cache
def registry_seats() -> dict[str, int]:
    """ONS code -> the council's seats at the 2022 election (the council registry)."""
    table = councils()
    return {
        code: int(s) for code, s in zip(table["council_code"], table["seats_2022"], strict=True)
    }


def _has_seats(layout: Layout) -> bool:
    return bool(layout.of_kind(K.SEATS, K.MEASURE_TOTAL))


def seats_fallback(layout: Layout, elections: Elections, out: Collector) -> None:
    """For a table without a seats column: a warning for each stand-in base, or the problem
    that there is none (nothing when the table has seats)."""
    if _has_seats(layout):
        return
    years = {elections.year_of[r] for r in elections.loaded}
    others = sorted(y for y in years - {REGISTRY_YEAR} if y is not None)
    mixed = REGISTRY_YEAR in years and bool(others)
    if REGISTRY_YEAR in years:
        out.warn(
            "no seats column: the base of each council's counts is its 2022 seats from the "
            "council registry" + (" (the 2022 rows)" if mixed else "")
        )
    if others and not any(c.measure == "sex" for c in layout.of_kind(K.COUNT)):
        out.problem(
            "no seats column in the header (Seats, Total councillors, No. of councillors, "
            "Members): the counts need the council's seats as their base",
            layout.table.header_row,
            code="no-seats-column",
        )
        return
    if others:
        listed = ", ".join(map(str, others))
        out.warn(
            "no seats column: the base of each council's counts is the sum of its sex groups "
            "(Female, Male, Not known)" + (f" (the {listed} rows)" if mixed else "")
        )


def _stated_seats(layout: Layout, cells: Cells, r: int) -> int | None:
    """The seats the row states: its seats cell, else its first measure total given."""
    seats_col = layout.first(K.SEATS)
    if seats_col is not None:
        return cells.number(r, seats_col)
    for col in layout.of_kind(K.MEASURE_TOTAL):
        value = cells.number(r, col)
        if value is not None:
            return value
    return None


def _sex_total(layout: Layout, cells: Cells, r: int, code: str, out: Collector) -> int | None:
    sexes = [cells.number(r, c) for c in cells.counts if c.measure == "sex"]
    if not sexes:
        return None
    if None not in sexes:
        return sum(sexes)  # type: ignore[arg-type]
    out.problem(
        f"no seats column, and the sex counts of {council_name(code)} are incomplete, so its seats "
        "(the base of its counts) are not known",
        r,
        code="base-unknown",
    )
    return None


def _cabinet(layout: Layout, cells: Cells, r: int) -> int | None:
    size_col = layout.first(K.EXEC_SIZE)
    if size_col is not None:
        return cells.number(r, size_col)
    sexes = [cells.number(r, c) for c in cells.counts if c.measure == "executive_sex"]
    if not sexes or None in sexes:
        return None
    return sum(sexes)  # type: ignore[arg-type]


def row_bases(
    layout: Layout, elections: Elections, councils_: Councils, cells: Cells, out: Collector
) -> Bases:
    """Each resolved row's stated seats, the base of its members' counts and its cabinet size."""
    seats: dict[int, int | None] = {}
    base: dict[int, int | None] = {}
    cabinet: dict[int, int | None] = {}
    fallback = not _has_seats(layout)
    for r, code in councils_.code_of.items():
        seats[r] = _stated_seats(layout, cells, r)
        if not fallback:
            base[r] = seats[r]
        elif elections.year_of[r] == REGISTRY_YEAR:
            base[r] = registry_seats()[code]
        else:
            base[r] = _sex_total(layout, cells, r, code, out)
        cabinet[r] = _cabinet(layout, cells, r)
    return Bases(seats, base, cabinet)
