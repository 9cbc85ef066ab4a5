"""What each council's counts are out of: its seats, and the cabinet's size.

The seats come from the seats column, else a measure's total column. A table with neither
takes, for its 2022 rows, the council registry's 2022 seats and, for other elections, the sum
of the sex groups (when it has them): each is a warning, and with neither it is an error. The
cabinet's size comes from its column, else the sum of the cabinet's sex counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...councils import council_name, councils
from .contracts import Bases, Cells, Column, ColumnKind, Councils, Elections, Layout
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


@dataclass(frozen=True)
class _Sources:
    """Where a table's rows state their bases, found once for all its rows."""

    seats: Column | None  # the seats column
    totals: tuple[Column, ...]  # the measures' total columns
    size: Column | None  # the cabinet-size column
    sexes: tuple[Column, ...]  # the sex counts
    cabinet_sexes: tuple[Column, ...]  # the cabinet's sex counts

    @classmethod
    def of(cls, layout: Layout, cells: Cells) -> _Sources:
        return cls(
            layout.first(K.SEATS),
            layout.of_kind(K.MEASURE_TOTAL),
            layout.first(K.EXEC_SIZE),
            tuple(c for c in cells.counts if c.measure == "sex"),
            tuple(c for c in cells.counts if c.measure == "executive_sex"),
        )


def _stated_seats(where: _Sources, cells: Cells, r: int) -> int | None:
    """The seats the row states: its seats cell, else its first measure total given."""
    if where.seats is not None:
        return cells.number(r, where.seats)
    for col in where.totals:
        value = cells.number(r, col)
        if value is not None:
            return value
    return None


def _sex_total(where: _Sources, cells: Cells, r: int, code: str, out: Collector) -> int | None:
    sexes = [cells.number(r, c) for c in where.sexes]
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


def _cabinet(where: _Sources, cells: Cells, r: int) -> int | None:
    if where.size is not None:
        return cells.number(r, where.size)
    sexes = [cells.number(r, c) for c in where.cabinet_sexes]
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
    where = _Sources.of(layout, cells)
    for r, code in councils_.code_of.items():
        seats[r] = _stated_seats(where, cells, r)
        if not fallback:
            base[r] = seats[r]
        elif elections.year_of[r] == REGISTRY_YEAR:
            base[r] = registry_seats()[code]
        else:
            base[r] = _sex_total(where, cells, r, code, out)
        cabinet[r] = _cabinet(where, cells, r)
    return Bases(seats, base, cabinet)
