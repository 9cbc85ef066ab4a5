"""Cross-checks: one function each, reading what the stages found and adding to the collector.

Problems (the sheet is refused): two columns for one group, seats missing, a cabinet larger
than the council, groups adding up to more than their base, values in a row with no council,
no data rows, a count given twice across sheets. Warnings (the figures load): totals rows
and total columns that do not add up, percentages that do not match their counts, 2022 seats
that differ from the council registry, columns not loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from operator import add, attrgetter, is_

from ...categories import MEASURES
from ...councils import council_name
from ...errors import Exclusion, Problem
from ...hints import COLUMNS
from ...text import Count, parse_count, parse_percent
from .bases import REGISTRY_YEAR, registry_seats
from .contracts import Column, ColumnKind, Layout, Sheet
from .problems import Collector, exclusion, row_text
from .tidy import Records

__all__ = [
    "columns_distinct",
    "seats_present",
    "cabinet_within_seats",
    "groups_within_base",
    "unlabelled_rows",
    "data_rows_present",
    "totals_match",
    "registry_seats_match",
    "percentages_match",
    "unused_columns",
    "duplicate_counts",
]

K = ColumnKind
_VALUE = attrgetter("value")
_IS_NONE = partial(is_, None)


def columns_distinct(layout: Layout, out: Collector) -> None:
    """Two columns for the same group, or a second seats, cabinet, leader or election column."""
    header = layout.table.header_row
    seen: dict[tuple[str | None, str | None], Column] = {}
    for col in layout.of_kind(K.COUNT):
        key = (col.measure, col.group)
        if key in seen:
            out.problem(
                f"two columns give {col.measure} / {col.group}: "
                f"{layout.grid.col_ref(seen[key].index)} ({seen[key].label!r}) and "
                f"{layout.grid.col_ref(col.index)} ({col.label!r}); map one to 'ignore' with "
                f"{COLUMNS}",
                header,
                col.index,
                code="two-columns-same-group",
            )
        seen[key] = col
    for kinds, what in (
        ((K.SEATS,), "seats"),
        ((K.EXEC_SIZE,), "cabinet size"),
        ((K.LEADER_SEX, K.LEADER_FLAG), "leader"),
        ((K.ELECTION,), "election"),
    ):
        extra = layout.of_kind(*kinds)
        for col in extra[1:]:
            out.problem(
                f"two {what} columns: {layout.grid.col_ref(extra[0].index)} and "
                f"{layout.grid.col_ref(col.index)}",
                header,
                col.index,
                code="two-columns-same-role",
            )


def seats_present(sheet: Sheet, out: Collector) -> None:
    """Every council row of a table with a seats column gives its seats."""
    col = sheet.layout.first(K.SEATS)
    if col is None:
        return
    grid = sheet.grid
    for (r, code), count in zip(
        sheet.councils.code_of.items(), sheet.cells.columns[col.index], strict=True
    ):
        if count.value is not None or (r, col.index) in grid.formula_blanks:
            continue
        if grid.value(r, col.index) is None or count.suppressed:
            out.problem(
                f"seats missing for {council_name(code)}: every count needs the council's seats as "
                "its base",
                r,
                col.index,
                code="seats-missing",
            )


def cabinet_within_seats(sheet: Sheet, out: Collector) -> None:
    """A cabinet-size cell is no more than the council's seats."""
    col = sheet.layout.first(K.EXEC_SIZE)
    if col is None:
        return
    for r in sheet.councils.code_of:
        size, seats = sheet.bases.cabinet[r], sheet.bases.seats[r]
        if size is not None and seats is not None and size > seats:
            out.problem(
                f"cabinet size {size} is more than the {seats} seats",
                r,
                col.index,
                code="exec-over-seats",
            )


def by_measure(cols: Iterable[Column]) -> dict[str, list[Column]]:
    """Count columns grouped by measure, measures in the order they first appear."""
    found: dict[str, list[Column]] = {}
    for col in cols:
        found.setdefault(col.measure or "", []).append(col)
    return found


def groups_within_base(sheet: Sheet, out: Collector) -> None:
    """A measure's groups add up to no more than its base (the seats, or the cabinet size)."""
    columns = sheet.cells.columns
    for m, cols in by_measure(sheet.cells.counts).items():
        cabinet = m == "executive_sex"
        bases = sheet.bases.cabinet if cabinet else sheet.bases.base
        added = _added([columns[c.index] for c in cols])
        for r, present in zip(sheet.cells.rows, added, strict=True):
            base = bases[r]
            if base is None or present <= base:
                continue  # nothing to be over, or not over
            refs = ", ".join(sheet.grid.ref(r, c.index) for c in cols)
            what = "cabinet size" if cabinet else "seats"
            out.problem(
                f"the {MEASURES[m].label.lower()} groups add up to {present} ({refs}), "
                f"more than the {base} {what}",
                r,
                code="count-over-base",
            )


def _added(columns: list[list[Count]]) -> list[int]:
    """Each row's counts in these columns added up (cells with no count left out)."""
    added = [0] * len(columns[0])
    for cells in columns:  # a column at a time: the sums by C-level map, no call per cell
        added = list(map(add, added, [n or 0 for n in map(_VALUE, cells)]))
    return added


def _value_columns(sheet: Sheet) -> tuple[Column, ...]:
    kinds = (K.SEATS,), (K.EXEC_SIZE,), (K.MEASURE_TOTAL,)
    return sheet.cells.counts + tuple(c for k in kinds for c in sheet.layout.of_kind(*k))


def _numbers(sheet: Sheet, rows: tuple[int, ...], col: Column) -> list[int | None]:
    """Each of these council rows' count in ``col`` (parsed again for rows not loaded)."""
    cells = sheet.cells
    if rows == cells.rows:  # the loaded rows (a tuple, as parsed): the column as parsed
        return list(map(_VALUE, cells.columns[col.index]))
    c = col.index
    found = [cells.count(r, c) for r in rows]
    if not any(map(_IS_NONE, found)):  # every row loaded (``None in`` would call Count.__eq__)
        return list(map(_VALUE, found))
    return [
        parse_count(sheet.grid.value(r, c)).value if count is None else count.value
        for r, count in zip(rows, found, strict=True)
    ]


def _councils_of(sheet: Sheet, year: int | None) -> tuple[int, ...]:
    """The council rows a total of this election adds up. A total naming no election (in a
    sheet with an election column) adds up the council rows of every election, chosen or not.
    (A tuple: most often the loaded rows, which :func:`_numbers` then reads as parsed.)"""
    year_of = sheet.elections.year_of
    if year is None:
        return tuple(r for r in sheet.rows.councils if year_of[r] is not None)
    return tuple(r for r in sheet.councils.code_of if year_of[r] == year)


def _is_sum_row(sheet: Sheet, r: int) -> bool:
    """Does row ``r`` hold values, each the sum of its election's councils above it?"""
    group = _councils_of(sheet, sheet.elections.year_of[r])
    any_value = False
    for col in _value_columns(sheet):
        v = sheet.grid.value(r, col.index)
        if v is None:
            continue
        any_value = True
        count = parse_count(v)
        column = _numbers(sheet, group, col)
        if count.problem or None in column or count.value != sum(column):  # type: ignore[arg-type]
            return False
    return any_value and bool(group) and r > max(group)


def unlabelled_rows(sheet: Sheet, out: Collector) -> tuple[tuple[int, ...], tuple[Exclusion, ...]]:
    """Rows with values and no name: a sum row below its councils is a total (its rows and
    exclusions are returned); any other is a problem."""
    totals: list[int] = []
    council = sheet.layout.council.index
    for r in sheet.elections.unlabelled:
        if _is_sum_row(sheet, r):
            totals.append(r)
            continue
        out.problem(
            f"no council name in {sheet.grid.ref(r, council)} but the row holds values "
            f"({row_text(sheet.grid, r)})",
            r,
            council,
            code="unlabelled-values",
        )
    return tuple(totals), tuple(exclusion(sheet.grid, r, "total") for r in totals)


def data_rows_present(sheet: Sheet, out: Collector) -> None:
    """A table with no council rows (and no other problem) has no data."""
    if not sheet.rows.councils and not out.problems:
        out.problem(
            "no data rows below the header", sheet.layout.table.header_row, code="no-data-rows"
        )


def _total_columns_off(sheet: Sheet) -> list[str]:
    """Each measure-total cell that differs from its row's seats."""
    off = []
    totals = sheet.layout.of_kind(K.MEASURE_TOTAL)
    for r in sheet.councils.code_of:
        seats = sheet.bases.seats[r]
        for col in totals:
            value = sheet.cells.number(r, col)
            if value is not None and seats is not None and value != seats:
                off.append(f"{sheet.grid.ref(r, col.index)} ({col.label}) {value} vs {seats}")
    return off


def _total_rows_off(sheet: Sheet, totals: Sequence[int]) -> list[str]:
    """Each totals cell that differs from the sum of its election's councils."""
    off = []
    for r in totals:
        year = sheet.elections.year_of[r]
        group = _councils_of(sheet, year)
        in_election = f" in {year}" if sheet.elections.by_column and year else ""
        for col in _value_columns(sheet):
            count = parse_count(sheet.grid.value(r, col.index))
            if count.value is None or count.problem:
                continue
            column = _numbers(sheet, group, col)
            if None in column:
                continue
            added = sum(column)  # type: ignore[arg-type]
            if added != count.value:
                off.append(
                    f"{sheet.grid.ref(r, col.index)} ({col.label}) says {count.value} but the "
                    f"councils add up to {added}{in_election}"
                )
    return off


def totals_match(sheet: Sheet, totals: Sequence[int], out: Collector) -> None:
    """Totals rows and measure-total columns add up (a warning when not)."""
    off = _total_columns_off(sheet) + _total_rows_off(sheet, totals)
    if off:
        out.warn("totals do not match: " + "; ".join(off))


def registry_seats_match(sheet: Sheet, out: Collector) -> None:
    """The 2022 rows' seats are the council registry's (a warning when not: boundaries
    change)."""
    layout = sheet.layout
    where = layout.first(K.SEATS) or layout.first(K.MEASURE_TOTAL)
    off = []
    for r, code in sheet.councils.code_of.items():
        seats, known = sheet.bases.seats[r], registry_seats()[code]
        if where is not None and seats is not None and sheet.elections.year_of[r] == REGISTRY_YEAR:
            if seats != known:
                off.append(
                    f"{council_name(code)} {seats} in {sheet.grid.ref(r, where.index)} "
                    f"(registry {known})"
                )
    if off:
        out.warn(
            "seats differ from the 2022 seats in the council registry (boundaries change; "
            "check the figures): " + "; ".join(off)
        )


def _percent_base(sheet: Sheet, pcol: Column) -> Column | None:
    cabinet = sheet.layout.first(K.EXEC_SIZE)
    if pcol.measure == "executive_sex" and cabinet is not None:
        return cabinet
    return sheet.layout.first(K.SEATS)


def percentages_match(sheet: Sheet, out: Collector) -> None:
    """A percentage column agrees with its count over the base, within one point (a warning
    when not); a column of fractions (all at most 1) is read as shares."""
    off: list[str] = []
    for pcol in sheet.layout.of_kind(K.PERCENT):
        ccol = next(
            (c for c in sheet.cells.counts if (c.measure, c.group) == (pcol.measure, pcol.group)),
            None,
        )
        base_col = _percent_base(sheet, pcol)
        if ccol is None or base_col is None:
            continue
        values = {r: parse_percent(sheet.grid.value(r, pcol.index)) for r in sheet.councils.code_of}
        numbers = [v for v in values.values() if v is not None]
        fractions = bool(numbers) and all(v <= 1 for v in numbers)
        for r, pct in values.items():
            count, base = sheet.cells.number(r, ccol), sheet.cells.number(r, base_col)
            if pct is None or count is None or not base:
                continue
            stated = pct * 100 if fractions else pct
            if abs(100 * count / base - stated) > 1:
                off.append(
                    f"{sheet.grid.ref(r, pcol.index)} says {stated:.1f}% but {count} of {base} is "
                    f"{100 * count / base:.1f}%"
                )
    if off:
        out.warn("percentages do not match the counts (over 1 point): " + "; ".join(off))


def _share_base(sheet: Sheet, r: int, col: Column) -> list[int]:
    """What a cell's percentage may be out of: its base (seats or cabinet), or the sum of
    its measure's groups in the row."""
    cabinet = col.measure == "executive_sex"
    bases = [sheet.bases.cabinet[r] if cabinet else sheet.bases.base[r]]
    group = [c for c in sheet.cells.counts if c.measure == col.measure]
    numbers = [sheet.cells.number(r, c) for c in group]
    if None not in numbers:
        bases.append(sum(numbers))  # type: ignore[arg-type]
    return [b for b in bases if b]


def percent_in_cells(sheet: Sheet, out: Collector) -> None:
    """A ``12 (34.3%)`` cell's percentage is its count's share of the base (to 0.5 points,
    what rounding to a whole percent allows); otherwise it is a problem."""
    by_index = {c.index: c for c in sheet.cells.counts}
    for (r, c), stated in sheet.cells.percents.items():
        col, found = by_index.get(c), sheet.cells.count(r, c)
        count = None if found is None else found.value
        if col is None or count is None:
            continue
        bases = _share_base(sheet, r, col)
        if bases and all(abs(100 * count / b - stated) > 0.5 for b in bases):
            out.problem(
                f"{col.label}: the cell says {count} is {stated:g}% but {count} of "
                f"{bases[0]} is {100 * count / bases[0]:.1f}%",
                r,
                c,
                code="percent-off-count",
            )


def unused_columns(sheet: Sheet, out: Collector) -> None:
    """One warning listing the columns not loaded: headers not recognised, a leader column of
    names, percentages with no count to check, values under no header."""
    layout, counts = sheet.layout, sheet.cells.counts
    unused = [c for c in layout.columns if c.kind in (K.UNKNOWN, K.LEADER_NAMES)]
    unused += [
        c
        for c in layout.of_kind(K.PERCENT)
        if not any((x.measure, x.group) == (c.measure, c.group) for x in counts)
    ]
    unused += [
        Column(c.index, "(no header)", K.UNKNOWN)
        for c in layout.of_kind(K.EMPTY)
        if any(sheet.grid.value(r, c.index) is not None for r in sheet.councils.code_of)
    ]
    if unused:
        out.warn(
            f"columns not loaded (not recognised; map them to (measure, group) or 'ignore' "
            f"with {COLUMNS}): "
            + ", ".join(f"{c.label!r} (column {sheet.grid.col_ref(c.index)})" for c in unused)
        )


def duplicate_counts(records: Records, name: str) -> list[Problem]:
    """The same election, council, measure and group given twice (across sheets), at most 10."""
    fields = (records.election, records.council_code, records.measure, records.group)
    keys = list(zip(*fields, strict=True))
    if len(set(keys)) == len(keys):
        return []
    seen: dict[tuple, int] = {}
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
    return [
        Problem(
            f"{council_name(rec.council_code)} {rec.election} {rec.measure} / {rec.group} is given "
            "twice (also in another sheet); choose one with sheet=",
            name,
            cell=rec.source,
            code="duplicate-count",
        )
        for rec, key in zip(records, keys, strict=True)
        if seen[key] > 1
    ][:10]
