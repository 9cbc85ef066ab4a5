"""Table shapes other than a row per council: each is read by making the wide table it stands
for, as a grid of its own whose cells remember where they are in the sheet (``Grid.refs``), so
every message and ``source`` still names the officer's cell.

- :func:`councils_across`: councils as columns, characteristics as rows (transposed);
- :func:`long_rows`: a long (tidy) table, a row per council, election, characteristic and
  category with its number in one column, columns in any order;
- :func:`side_by_side`: elections side by side, each block of columns under its year title
  (merged cells or one title cell), the council columns shared;
- :func:`stacked`: elections one below the other, each table under its own year title; two
  tables of the same councils with no titles are refused, naming both.

Each takes ``(grid, overrides, wide)``, ``wide`` being the locator of a row-per-council table
(it reads the grid made), and returns the tables found, a :class:`~.locate.Miss`, or None when
its shape is not there. The locate stage lists them in ``LOCATORS``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ... import vocab
from ...councils import council_name, councils, find_council
from ...text import demutate, fold, year_in
from ..grid import Grid, cell_ref
from .contracts import ColumnKind, Table
from .options import Overrides
from .vocabulary import is_council_header, names_election, role_of

__all__ = [
    "Miss",
    "made_grid",
    "councils_across",
    "long_rows",
    "side_by_side",
    "stacked",
    "council_of",
    "long_forms",
    "long_role",
    "one_council",
    "council_named_in",
]

#: the header scan (as the wide locators')
_SCAN_ROWS = 30
#: the injected election column's header in a grid made from year blocks
ELECTION_HEADER = "Election"


@dataclass(frozen=True)
class Miss:
    """Why a locator found no usable table, as a problem message and its code."""

    message: str
    code: str
    #: the layout is there but cannot be read as it stands: no later locator is tried
    final: bool = False


Wide = Callable[[Grid, Overrides], "tuple[Table, ...] | Miss | None"]
#: a made cell: its value and where it is in the sheet (None: made up, e.g. a header)
Cell = tuple[object, "tuple[int, int] | None"]


def council_of(value: object) -> str | None:
    """The ONS code of the council a cell names (name or code, English or Welsh), else None."""
    if not isinstance(value, str) or len(value) > 60:
        return None
    return _council_of(value)


@lru_cache(maxsize=65536)  # the shapes and the kind scorer read the same cells many times
def _council_of(text: str) -> str | None:
    return find_council(text)


def made_grid(
    grid: Grid, rows: Sequence[Sequence[Cell]], row_of: Sequence[int | str | None]
) -> Grid:
    """A grid of ``rows`` of (value, sheet cell), each made row standing for sheet row
    ``row_of[i]`` (or named by it: "column C"); its refs name the sheet's cells."""
    refs: dict[tuple[int, int], str] = {}
    values: list[list[object]] = []
    for i, row in enumerate(rows):
        values.append([v for v, _ in row])
        for j, (_, at) in enumerate(row):
            if at is not None:
                refs[(i, j)] = grid.ref(*at)
        where = row_of[i]
        if where is not None:
            refs[(i, -1)] = where if isinstance(where, str) else grid.row_ref(where)
    return Grid(grid.file, grid.sheet, values, frozenset(), refs)


def _rows_until_blank(grid: Grid, start: int) -> range:
    end = start
    while end < grid.n_rows and not grid.is_blank_row(end):
        end += 1
    return range(start, end)


# ---------------------------------------------------------------------------------------------
# councils across
# ---------------------------------------------------------------------------------------------


def councils_across(grid: Grid, overrides: Overrides, wide: Wide) -> tuple[Table, ...] | None:
    """Councils across a row (at least three, in the first rows): the table transposed."""
    for r in range(min(_SCAN_ROWS, grid.n_rows)):
        named = [c for c, v in enumerate(grid.rows[r]) if council_of(v) is not None]
        if len(named) < 3:
            continue
        rows = _rows_until_blank(grid, r)
        made = [[(grid.value(k, c), (k, c)) for k in rows] for c in range(grid.n_cols)]
        found = wide(
            made_grid(grid, made, [f"column {grid.col_ref(c)}" for c in range(grid.n_cols)]),
            overrides,
        )
        return found if isinstance(found, tuple) else None
    return None


# ---------------------------------------------------------------------------------------------
# one council's table (a committee report): groups down, the council named in the title
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _council_names() -> tuple[tuple[str, str], ...]:
    table = councils()
    names = [
        (fold(n), c)
        for c, en, cy in table[["council_code", "name_en", "name_cy"]].values
        for n in (en, cy)
    ]
    return tuple(sorted(set(names), key=lambda x: -len(x[0])))


def council_named_in(text: object) -> str | None:
    """The one council a title names ("Cardiff Council: councillors elected in May 2022"),
    else None (none, or two)."""
    if not isinstance(text, str):
        return None
    folded = f" {fold(text)} "
    found = set()
    for name, code in _council_names():
        if f" {name} " in folded:
            found.add(code)
            folded = folded.replace(f" {name} ", " ")
    return found.pop() if len(found) == 1 else None


def _group_rows(grid: Grid, h: int, label: int) -> list[int]:
    """The rows below a header whose label names a count (or the seats)."""
    rows = []
    for r in range(h + 1, grid.n_rows):
        value = grid.value(r, label)
        role = role_of(value) if isinstance(value, str) else None
        if role is not None and role.kind in (ColumnKind.COUNT, ColumnKind.SEATS):
            rows.append(r)
    return rows


def one_council(grid: Grid, overrides: Overrides, wide: Wide) -> tuple[Table, ...] | None:
    """One council's table: a label column of groups (Female, 60+ ...) and a number column,
    the council named in a title above; read as that council's row."""
    for h in range(min(_SCAN_ROWS, grid.n_rows)):
        number = next((c for c, v in enumerate(grid.rows[h]) if long_role(v) == "number"), None)
        if number is None or number == 0:
            continue
        label = number - 1
        rows = _group_rows(grid, h, label)
        titles = [(r, c) for r in range(h) for c, v in enumerate(grid.rows[r]) if v is not None]
        named = {council_named_in(grid.value(r, c)): (r, c) for r, c in titles}
        named.pop(None, None)
        if len(rows) < 3 or len(named) != 1:
            return None
        code, at = named.popitem()
        made = [
            [("Council", at)] + [(grid.value(r, label), (r, label)) for r in rows],
            [(council_name(code), at)] + [(grid.value(r, number), (r, number)) for r in rows],
        ]
        found = wide(made_grid(grid, made, [h, f"column {grid.col_ref(number)}"]), overrides)
        return found if isinstance(found, tuple) else None
    return None


# ---------------------------------------------------------------------------------------------
# long (tidy) tables
# ---------------------------------------------------------------------------------------------


def long_role(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    role = role_of(value)
    if is_council_header(value) or (role is not None and role.kind is ColumnKind.CODE):
        return "council"  # a table keyed by codes alone ("Area code") too
    for form in long_forms(value):
        if names_election(form):
            return "year"
        found = vocab.roles("review", "long").get(form)
        if found is not None:
            return found
    return None


def long_forms(value: str) -> list[str]:
    """A long table's header folded, then without an ending of ``[long_endings]``
    ("Measure_ItemName_ENG" -> "measure")."""
    folded = demutate(fold(value))
    forms = [folded]
    for ending in sorted(vocab.terms("review", "long_endings"), key=len, reverse=True):
        if folded.endswith(" " + ending):
            forms.append(folded[: -len(ending) - 1])
            break
    return forms


def _long_header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    for r in range(min(_SCAN_ROWS, grid.n_rows)):
        found: dict[str, int] = {}
        for c, v in enumerate(grid.rows[r]):
            role = long_role(v)
            if role is not None:
                found.setdefault(role, c)
        if {"council", "number"} <= set(found) and found.keys() & {"characteristic", "category"}:
            return r, found
    return None


def _pivot_keys(grid: Grid, h: int, cols: dict[str, int]):
    """(council, year) row keys and (characteristic, category) column keys in first-seen order,
    and the number cell of each pair (or a Miss for a pair given twice)."""
    rows: dict[tuple, int] = {}
    columns: dict[tuple, int] = {}
    cells: dict[tuple[tuple, tuple], int] = {}
    for r in range(h + 1, grid.n_rows):
        council = grid.value(r, cols["council"])
        if council is None or grid.value(r, cols["number"]) is None and council_of(council) is None:
            continue
        key = (council, grid.value(r, cols["year"]) if "year" in cols else None)
        what = tuple(
            grid.value(r, cols[k]) if k in cols else None for k in ("characteristic", "category")
        )
        rows.setdefault(key, r)
        columns.setdefault(what, r)
        if (key, what) in cells:
            first = cells[(key, what)]
            return Miss(
                f"the long table gives {council} {' / '.join(str(w) for w in what if w)} twice: "
                f"{grid.ref(first, cols['number'])} and {grid.ref(r, cols['number'])}",
                "duplicate-count",
            )
        cells[(key, what)] = r
    return rows, columns, cells


def long_rows(grid: Grid, overrides: Overrides, wide: Wide) -> tuple[Table, ...] | Miss | None:
    """A long table pivoted to a row per council (and election), a column per characteristic
    and category."""
    found = _long_header(grid)
    if found is None:
        return None
    h, cols = found
    keys = _pivot_keys(grid, h, cols)
    if isinstance(keys, Miss):
        return keys
    rows, columns, cells = keys
    two = "characteristic" in cols and "category" in cols
    lead: list[Cell] = [(grid.value(h, cols["council"]), (h, cols["council"]))]
    if "year" in cols:
        lead.append((grid.value(h, cols["year"]), (h, cols["year"])))
    upper: list[Cell] = [(None, None)] * len(lead) + [(m, None) for m, _ in columns]
    lower: list[Cell] = lead + [(g if two else (g or m), None) for m, g in columns]
    made = [upper, lower] if two else [lower]
    row_of: list[int | None] = [h] * len(made)
    number = cols["number"]
    for key, first in rows.items():
        line: list[Cell] = [(key[0], (first, cols["council"]))]
        if "year" in cols:
            line.append((key[1], (first, cols["year"])))
        for what in columns:
            r = cells.get((key, what))
            line.append((grid.value(r, number), (r, number)) if r is not None else (None, None))
        made.append(line)
        row_of.append(first)
    found_tables = wide(made_grid(grid, made, row_of), overrides)
    return found_tables if isinstance(found_tables, tuple) else None


# ---------------------------------------------------------------------------------------------
# several elections in one sheet
# ---------------------------------------------------------------------------------------------


def _council_header_rows(grid: Grid, limit: int) -> list[tuple[int, int]]:
    """(row, council column) of each header row in the first ``limit`` rows: a council header
    and two count headers (the sheet is scanned once, for both several-election shapes)."""
    found = grid.derived.get("council header rows")
    if found is None:
        found = grid.derived["council header rows"] = _scan_header_rows(grid)
    return [(r, c) for r, c in found if r < limit]  # type: ignore[attr-defined]


_NUMBERS = (int, float)


def _scan_header_rows(grid: Grid) -> list[tuple[int, int]]:
    found = []
    for r in range(grid.n_rows):
        row = grid.rows[r]
        if len(row) - row.count(None) < 3:
            continue  # a council header and two counts need three cells
        # numbers name no column (their text has no letters but e, i, n, f: no council word)
        council = next(
            (c for c, v in enumerate(row) if type(v) not in _NUMBERS and is_council_header(v)),
            None,
        )
        if council is None:
            continue
        counts = sum(1 for v in row if isinstance(v, str) and (role := role_of(v)) and role.measure)
        if counts >= 2:
            found.append((r, council))
    return found


def _year_cells(row: Sequence[object]) -> dict[int, int]:
    """Column -> year of each cell of a title row that names one year (a number or text)."""
    years = {}
    for c, v in enumerate(row):
        year = year_in(v) if isinstance(v, str | int) and not isinstance(v, bool) else None
        if year is not None:
            years[c] = year
    return years


def _blocks(title: Sequence[object], start: int, end: int) -> list[tuple[int, range]]:
    """(year, columns) of each block under a title row: a merged title fills its columns, a
    single title cell runs to the next one."""
    years = _year_cells(title)
    cuts = sorted(c for c in years if c >= start)
    blocks: list[tuple[int, range]] = []
    for i, c in enumerate(cuts):
        nxt = cuts[i + 1] if i + 1 < len(cuts) else end
        if blocks and blocks[-1][0] == years[c] and blocks[-1][1].stop == c:
            blocks[-1] = (years[c], range(blocks[-1][1].start, nxt))  # a merged title
        else:
            blocks.append((years[c], range(c, nxt)))
    return blocks


def _with_election(
    grid: Grid,
    rows: range,
    keys: Sequence[int],
    cols: Sequence[int],
    year: int,
    title: tuple[int, int],
    header: int,
) -> Grid:
    """The sheet's ``rows`` over the ``keys`` columns, an election column, and ``cols``."""
    made: list[list[Cell]] = []
    for r in rows:
        line: list[Cell] = [(grid.value(r, c), (r, c)) for c in keys]
        if r < header:
            line.append((None, None))
        elif r == header:
            line.append((ELECTION_HEADER, title))
        else:
            line.append((year if not grid.is_blank_row(r) else None, title))
        line += [(grid.value(r, c), (r, c)) for c in cols]
        made.append(line)
    return made_grid(grid, made, list(rows))


def _repeated_block(grid: Grid, h: int, council: int) -> Miss | None:
    """The header's count columns given twice in the same order, with no year over either
    block: refused, naming both blocks (each is an election, but which?)."""
    cols = [
        (c, (role.measure, role.group))
        for c, v in enumerate(grid.rows[h])
        if c > council
        and isinstance(v, str)
        and (role := role_of(v)) is not None
        and role.kind is ColumnKind.COUNT
    ]
    groups = [g for _, g in cols]
    half = len(groups) // 2
    if half < 2 or len(set(groups[:half])) < half or groups[:half] != groups[half:]:
        return None
    first, second = council + 1, cols[half - 1][0] + 1  # a block's seats column with it
    last = grid.n_rows - 1
    return Miss(
        f"the same columns twice side by side, {cell_ref(h, first)}:{cell_ref(last, second - 1)}"
        f" and {cell_ref(h, second)}:{cell_ref(last, cols[-1][0])}, with no year title above "
        "either: put each election's year above its block (e.g. '2017', '2022'), or give each "
        "its own sheet",
        "two-tables-no-year",
        final=True,
    )


def side_by_side(grid: Grid, overrides: Overrides, wide: Wide) -> tuple[Table, ...] | Miss | None:
    """Blocks of columns under year titles above a council header: a table per election; the
    same columns twice with no titles is refused."""
    for h, council in _council_header_rows(grid, _SCAN_ROWS):
        for t in (h - 1, h - 2):
            if t < 0:
                continue
            blocks = _blocks(grid.rows[t], council + 1, grid.n_cols)
            if len({y for y, _ in blocks}) < 2:
                continue
            keys = list(range(blocks[0][1].start))
            tables: list[Table] = []
            for year, cols in blocks:
                made = _with_election(
                    grid, range(t + 1, grid.n_rows), keys, cols, year, (t, cols.start), h
                )
                found = wide(made, overrides)
                if not isinstance(found, tuple):
                    return None
                tables += found
            return tuple(tables)
        return _repeated_block(grid, h, council)
    return None


def _title_year(grid: Grid, above: range) -> tuple[int, tuple[int, int]] | None:
    """The year a title row (few cells) just above a header names, and its cell."""
    for r in reversed(above):
        filled = [(c, v) for c, v in enumerate(grid.rows[r]) if v is not None]
        if not filled:
            continue
        years = {year_in(v) for _, v in filled if isinstance(v, str | int)} - {None}
        if len(filled) <= 3 and len(years) == 1:
            return years.pop(), (r, filled[0][0])
        return None
    return None


def _councils_in(grid: Grid, rows: range, col: int) -> set[str]:
    return {code for r in rows if (code := council_of(grid.value(r, col))) is not None}


def _two_blocks_miss(grid: Grid, spans: list[tuple[int, range, int]]) -> Miss:
    (h1, rows1, c1), (h2, rows2, c2) = spans[0], spans[1]
    width = grid.n_cols - 1
    shared = sorted(_councils_in(grid, rows1, c1) & _councils_in(grid, rows2, c2))
    return Miss(
        f"two tables of the same councils ({council_name(shared[0])} ...) in one sheet, "
        f"{cell_ref(h1, 0)}:{cell_ref(rows1.stop - 1, width)} and "
        f"{cell_ref(h2, 0)}:{cell_ref(rows2.stop - 1, width)}, and no year title above "
        "either: put each election's year above its table (e.g. 'May 2022'), give each its "
        "own sheet, or add an Election column",
        "two-tables-no-year",
        final=True,
    )


def stacked(grid: Grid, overrides: Overrides, wide: Wide) -> tuple[Table, ...] | Miss | None:
    """Tables one below the other, each under its own year title: a table per election. Two
    tables of the same councils with no year titles are refused, naming both."""
    headers = _council_header_rows(grid, grid.n_rows)
    if len(headers) < 2:
        return None
    starts = [h for h, _ in headers]
    spans = []
    for i, (h, council) in enumerate(headers):
        end = starts[i + 1] if i + 1 < len(starts) else grid.n_rows
        spans.append((h, range(h + 1, end), council))
    titles = [_title_year(grid, range(max(0, h - 3), h)) for h, _, _ in spans]
    if any(t is None for t in titles) or len({t[0] for t in titles if t}) < len(titles):
        first = _councils_in(grid, spans[0][1], spans[0][2])  # empty under a two-row header
        if first and first & _councils_in(grid, spans[1][1], spans[1][2]):
            return _two_blocks_miss(grid, spans)
        return None  # a header repeated over more councils (a printout): the wide reader's
    tables: list[Table] = []
    for i, ((h, rows, _), (year, at)) in enumerate(zip(spans, titles, strict=True)):  # type: ignore[misc]
        end = titles[i + 1][1][0] if i + 1 < len(titles) else rows.stop  # type: ignore[index]
        made = _with_election(grid, range(h, end), range(grid.n_cols), (), year, at, h)
        found = wide(made, overrides)
        if not isinstance(found, tuple):
            return found
        tables += found
    return tuple(tables)
