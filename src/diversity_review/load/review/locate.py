"""Locate stage: where in a sheet the review table is (its header rows and extent).

Each strategy in :data:`LOCATORS` is a function ``(grid, overrides) -> tables | Miss | None``:
the table(s) it found, a :class:`Miss` saying why the table it saw cannot be used, or None when
its layout is not there at all. They are tried in order and the first that finds a table wins;
when none does, the first miss is the reason given (else "no council table"). A ``final`` miss
(the layout is there but cannot be read: two elections stacked with no year titles) stops the
search at once.

- :func:`by_council_header`: a header row (of the first 30) with a council column ("Council",
  "Authority", "Cyngor" ...) and count columns beside it, with the row above or below as the
  groups' measures when that reads more;
- :func:`by_council_names`: a header of counts whose council column has no header text (the
  names below a blank cell);
- :func:`side_by_side`, :func:`stacked`, :func:`long_rows`, :func:`councils_across`,
  :func:`one_council`: the other shapes (:mod:`.shapes`), each read as the row-per-council
  table it stands for (:func:`wide_table`).

Locators score a candidate header by classifying it (:func:`~.classify.classify`). A new layout
is a new locator here (or in :mod:`.shapes`);
:func:`find_headers` is the header-row scan the benchmark loader shares.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ...hints import COLUMNS
from ...text import parse_count, parse_count_percent
from ..grid import Grid
from . import shapes
from .classify import READING, classify, not_known_follows_count
from .contracts import ColumnKind, Layout, Table
from .options import Overrides
from .shapes import Miss
from .vocabulary import header_key, is_council_header

__all__ = [
    "HEADER_SCAN_ROWS",
    "Miss",
    "LOCATORS",
    "locate",
    "find_headers",
    "table_at",
    "looks_like_counts",
    "by_council_header",
    "by_council_names",
    "wide_table",
    "side_by_side",
    "stacked",
    "long_rows",
    "councils_across",
    "one_council",
]

K = ColumnKind

#: how far down a sheet a header row may be (title and note rows above it)
HEADER_SCAN_ROWS = 30
#: data rows read to tell a table of counts from a table of text answers
_COUNT_SAMPLE_ROWS = 60


NO_TABLE = Miss(
    "no council table: no header row (in the first 30 rows) with a council column (Council, "
    "Authority, Local authority, Cyngor, Awdurdod) and count columns (Female, Male, White, "
    "Ethnic minority, 60+, New ...)",
    "no-table",
)

Locator = Callable[[Grid, Overrides], "tuple[Table, ...] | Miss | None"]


def find_headers(
    grid: Grid, role: Callable[[object], str | None], scan: int = HEADER_SCAN_ROWS
) -> Iterator[tuple[int, dict[str, int]]]:
    """Each of the first ``scan`` rows where ``role`` names at least one cell, with the first
    column of each role it names.

    Examples
    --------
    >>> grid = Grid("f.csv", None, [["Title"], ["Measure", "Group", "Group"]])
    >>> list(find_headers(grid, lambda v: str(v).lower() if v != "Title" else None))
    [(1, {'measure': 0, 'group': 1})]
    """
    for r in range(min(scan, grid.n_rows)):
        found: dict[str, int] = {}
        for c, value in enumerate(grid.rows[r]):
            name = role(value) if value is not None else None
            if name is not None:
                found.setdefault(name, c)
        if found:
            yield r, found


def table_at(grid: Grid, header_rows: tuple[int, ...]) -> Table:
    """A table under these header rows, down to the end of the sheet and across all of it."""
    return Table(grid, header_rows, range(header_rows[-1] + 1, grid.n_rows), range(grid.n_cols))


def looks_like_counts(layout: Layout) -> bool:
    """Do the cells under the count, cabinet-size and seats columns hold numbers (or markers)
    at least as often as text?"""
    good = bad = 0
    cols = [(c.index, c.percent_in_cell) for c in layout.of_kind(K.COUNT, K.EXEC_SIZE, K.SEATS)]
    rows = layout.table.rows[:_COUNT_SAMPLE_ROWS]
    sample = layout.grid.rows[rows.start : rows.stop : rows.step]
    for i, row in enumerate(sample):
        if good >= bad + (len(sample) - i) * len(cols):
            return True  # decided: the rows left cannot outnumber the numbers seen
        width = len(row)
        for c, percent_in_cell in cols:
            v = row[c] if c < width else None
            if v is None:
                continue
            if (
                isinstance(v, (int, float))
                or parse_count(v).problem is None
                or (percent_in_cell and parse_count_percent(v) is not None)
            ):
                good += 1
            else:
                bad += 1
    return good >= bad


def _fits(grid: Grid, row: int, header: int, cc: int) -> bool:
    """Can ``row`` be the other row of a two-row header (its council cell blank or merged)?"""
    v = grid.value(row, cc)
    return v is None or is_council_header(v) or header_key(v) == header_key(grid.value(header, cc))


def _header_options(grid: Grid, r: int, cc: int) -> list[tuple[int, ...]]:
    """The header rows a council header in row ``r`` may belong to: itself, itself over the
    groups in the row below, or the groups under a measure row above (not a blank row above:
    it reads just as the header alone, which is tried first and wins a tie)."""
    options: list[tuple[int, ...]] = [(r,)]
    if r + 1 < grid.n_rows and _fits(grid, r + 1, r, cc):
        options.append((r, r + 1))
    if r > 0 and not grid.is_blank_row(r - 1) and _fits(grid, r - 1, r, cc):
        options.append((r - 1, r))
    return options


def _no_counts(grid: Grid, r: int, cc: int) -> Miss:
    others = [str(v) for c, v in enumerate(grid.rows[r]) if v is not None and c != cc]
    return Miss(
        f"found a council column ({grid.value(r, cc)!r} in {grid.ref(r, cc)}) but none "
        f"of the headers beside it is a count this loader knows"
        + (f" ({', '.join(map(repr, others[:6]))})" if others else "")
        + f"; map them to (measure, group) with {COLUMNS}",
        "no-count-columns",
    )


def by_council_header(grid: Grid, overrides: Overrides) -> tuple[Table, ...] | Miss | None:
    """The first header row with a council column that reads counts with numbers below."""

    def council(value: object) -> str | None:
        if is_council_header(value):
            return "council"
        mapped = overrides.get(header_key(value)) if overrides else None  # columns= given
        return "council" if mapped is not None and mapped.kind is K.COUNCIL else None

    miss: Miss | None = None
    for r, found in find_headers(grid, council):
        cc = found["council"]
        # the most read, then the most columns known (a measure row adds the seats); the
        # first of equals; only the chosen one is read further (its cells' form)
        best = classify(_best_header(grid, _header_options(grid, r, cc), overrides), overrides)
        if best.score == 0:
            miss = _no_counts(grid, r, cc)
        elif not looks_like_counts(best):
            miss = Miss(
                f"the columns under the header in row {r + 1} hold text, not counts "
                "(is this a member survey export?)",
                "not-counts",
            )
        else:
            return (best.table,)
    return miss


def _best_header(grid: Grid, options: list[tuple[int, ...]], overrides: Overrides) -> Table:
    """The table under the header rows that read the most, then know the most columns (the
    first of equals)."""
    tables = [table_at(grid, rows) for rows in options]
    if len(tables) == 1:
        return tables[0]
    read = [classify(table, overrides, READING) for table in tables]
    return max(read, key=lambda layout: (layout.score, _known(layout))).table


def by_council_names(grid: Grid, overrides: Overrides) -> tuple[Table, ...] | None:
    """A header reading at least two counts, its council column told by the names below it
    (:func:`~.classify.council_names_below_blank`), in a row with no council header."""
    for r in range(min(HEADER_SCAN_ROWS, grid.n_rows)):
        if any(is_council_header(v) for v in grid.rows[r]):
            continue  # by_council_header's rows
        found = []
        for rows in [(r,), (r - 1, r)] if r else [(r,)]:
            table = table_at(grid, rows)
            if classify(table, overrides, (not_known_follows_count,)).score < 2:
                continue  # read the cells only under a header of counts
            layout = classify(table, overrides)
            if layout.score < 2 or layout.first(K.COUNCIL) is None:
                continue
            if looks_like_counts(layout):
                found.append(layout)
        if found:  # the header that reads the most (a measure row above adds the seats)
            return (max(found, key=lambda layout: (layout.score, _known(layout))).table,)
    return None


def _known(layout: Layout) -> int:
    return sum(c.kind not in (K.UNKNOWN, K.EMPTY) for c in layout.columns)


def wide_table(grid: Grid, overrides: Overrides) -> tuple[Table, ...] | Miss | None:
    """A row-per-council table (:func:`by_council_header`, else :func:`by_council_names`):
    what the other shapes make of their grids."""
    found = by_council_header(grid, overrides)
    if isinstance(found, tuple):
        return found
    return by_council_names(grid, overrides) or found


def side_by_side(grid: Grid, overrides: Overrides) -> tuple[Table, ...] | Miss | None:
    """Elections side by side under year titles (:func:`.shapes.side_by_side`)."""
    return shapes.side_by_side(grid, overrides, wide_table)


def stacked(grid: Grid, overrides: Overrides) -> tuple[Table, ...] | Miss | None:
    """Elections one below the other under year titles (:func:`.shapes.stacked`)."""
    return shapes.stacked(grid, overrides, wide_table)


def long_rows(grid: Grid, overrides: Overrides) -> tuple[Table, ...] | Miss | None:
    """A long (tidy) table (:func:`.shapes.long_rows`)."""
    return shapes.long_rows(grid, overrides, wide_table)


def one_council(grid: Grid, overrides: Overrides) -> tuple[Table, ...] | None:
    """One council's groups down a column, the council in its title
    (:func:`.shapes.one_council`)."""
    return shapes.one_council(grid, overrides, wide_table)


def councils_across(grid: Grid, overrides: Overrides) -> tuple[Table, ...] | None:
    """Councils as columns (:func:`.shapes.councils_across`)."""
    return shapes.councils_across(grid, overrides, wide_table)


#: the layouts the loader knows, tried in order (several elections in a sheet before the
#: row-per-council readers, which would read them as one table with councils twice)
LOCATORS: tuple[Locator, ...] = (
    side_by_side,
    stacked,
    by_council_header,
    by_council_names,
    long_rows,
    councils_across,
    one_council,
)


def locate(grid: Grid, overrides: Overrides) -> tuple[Table, ...] | Miss:
    """The tables the first locator that finds one finds, else why none was found (a sheet of
    one column, a cover or notes sheet, holds no table of any layout: every layout has a
    label column and a count column; only a council header there says more)."""
    if grid.n_cols < 2:
        found = by_council_header(grid, overrides)
        return found if isinstance(found, Miss) else NO_TABLE
    miss: Miss | None = None
    for locator in LOCATORS:
        found = locator(grid, overrides)
        if isinstance(found, tuple) or (found is not None and found.final):
            return found
        miss = miss or found
    return miss or NO_TABLE
