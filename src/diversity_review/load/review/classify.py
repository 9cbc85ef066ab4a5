"""Classify stage: what each column of a located table holds, decided before any row is read.

:func:`read_header` gives every column a kind from its header text (the ``columns=`` mapping
first, then the vocabulary), reading a two-row header's upper row as the measure of the groups
below it. Then each strategy in :data:`CLASSIFIERS` may refine the columns, in order; each is
a function ``(table, columns) -> columns`` with one rule:

- :func:`not_known_follows_count`: "Not known" alone takes the measure of the count column
  just before it;
- :func:`council_names_below_blank`: a table with no council header takes as its council
  column the first unnamed column whose cells name councils;
- :func:`leader_holds_names`: a "Leader" column whose cells hold no sex (names of leaders)
  is not the leader's sex;
- :func:`codes_name_the_council`: a table with no council column but a code column is keyed
  by its codes (W06..., the Wales code W92000004 its total);
- :func:`count_with_percent_cells`: a count column of ``12 (34.3%)`` cells gives the count,
  its percentage kept for a cross-check.

A new column rule is a new strategy here.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from ...categories import NOT_KNOWN
from ...councils import UnknownCouncilError, resolve_council
from ...text import parse_count_percent
from ..grid import Grid
from .contracts import Column, ColumnKind, Layout, Table
from .options import Overrides
from .vocabulary import header_key, measure_named, role_of, sex_word

__all__ = [
    "classify",
    "read_header",
    "CLASSIFIERS",
    "not_known_follows_count",
    "council_names_below_blank",
    "leader_holds_names",
    "count_with_percent_cells",
    "codes_name_the_council",
]

K = ColumnKind
Classifier = Callable[[Table, tuple[Column, ...]], tuple[Column, ...]]

#: rows below the header a content rule reads to tell what a column holds
_SAMPLE_ROWS = 12


def _override(
    overrides: Overrides, index: int, label: str, texts: tuple[object, ...]
) -> tuple[Column, str] | None:
    """The column as ``columns=`` maps it (by its label, its own text or the text above)."""
    if not overrides:
        return None  # no mapping given: nothing to look up
    for text in texts:
        if text is None:
            continue
        key = header_key(text)
        if key in overrides:
            role = overrides[key]
            return Column(index, label, role.kind, role.measure, role.group), key
    return None


def _shown_above(table: Table, col: int) -> object:
    """The measure cell written over ``col``, or the nearest one to its left (a measure
    written once, blank to the right)."""
    m = table.measure_row
    for k in range(col, table.columns.start - 1, -1):
        if table.grid.value(m, k) is not None:  # type: ignore[arg-type]
            return table.grid.value(m, k)  # type: ignore[arg-type]
    return None


def read_header(table: Table, overrides: Overrides) -> tuple[tuple[Column, ...], frozenset[str]]:
    """Every column's kind from its header text, and the ``columns=`` keys used."""
    grid, m, g = table.grid, table.measure_row, table.header_row
    cols: list[Column] = []
    used: set[str] = set()
    context: str | None = None  # the measure named by the last cell of the upper row
    for c in table.columns:
        lower = grid.value(g, c)
        upper = grid.value(m, c) if m is not None else None
        if upper is not None:
            context = measure_named(upper)
        if upper is not None and (lower is None or header_key(lower) == header_key(upper)):
            text, ctx, label = upper, None, str(upper)  # one cell over both rows
        elif lower is not None:
            ctx = context if m is not None else None
            shown = upper if upper is not None or ctx is None else _shown_above(table, c)
            text, label = lower, (f"{shown} / {lower}" if shown is not None else str(lower))
        else:
            cols.append(Column(c, "", K.EMPTY))
            continue
        found = _override(overrides, c, label, (label, text, upper))
        if found is not None:
            cols.append(found[0])
            used.add(found[1])
            continue
        role = role_of(str(text), ctx)
        if role is None:
            cols.append(Column(c, label, K.UNKNOWN))
        else:
            cols.append(Column(c, label, role.kind, role.measure, role.group))
    return tuple(cols), frozenset(used)


def not_known_follows_count(table: Table, cols: tuple[Column, ...]) -> tuple[Column, ...]:
    """ "Not known" (or "% not known") alone belongs to the measure of the count or percentage
    column just before it; with none, it is not recognised."""
    out: list[Column] = []
    for col in cols:
        if col.kind in (K.NOT_KNOWN, K.PERCENT_NOT_KNOWN):
            prev = out[-1] if out else None
            if prev is not None and prev.kind in (K.COUNT, K.PERCENT) and prev.measure:
                kind = K.COUNT if col.kind is K.NOT_KNOWN else K.PERCENT
                col = col._replace(kind=kind, measure=prev.measure, group=NOT_KNOWN)
            else:
                col = col._replace(kind=K.UNKNOWN)
        out.append(col)
    return tuple(out)


def _names_a_council(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        resolve_council(value)
    except UnknownCouncilError:
        return False
    return True


def _texts_below(table: Table, col: int) -> list[str]:
    """The text cells of column ``col`` in the table's first rows (numbers and blanks left out:
    the strategies that look below a header read words)."""
    rows = table.rows[:_SAMPLE_ROWS]
    return [
        v
        for row in table.grid.rows[rows.start : rows.stop : rows.step]
        if col < len(row) and isinstance(v := row[col], str)
    ]


def council_names_below_blank(table: Table, cols: tuple[Column, ...]) -> tuple[Column, ...]:
    """With no council header, the first unnamed (or unrecognised) column whose cells below
    mostly name councils is the council column."""
    if any(c.kind is K.COUNCIL for c in cols):
        return cols
    for i, col in enumerate(cols):
        if col.kind not in (K.EMPTY, K.UNKNOWN):
            continue
        texts = _texts_below(table, col.index)
        if len(texts) >= 2 and 2 * sum(map(_names_a_council, texts)) > len(texts):
            council = col._replace(kind=K.COUNCIL, label=col.label or "(council names)")
            return (*cols[:i], council, *cols[i + 1 :])
    return cols


def _holds_values_but_no_sex(table: Table, c: int) -> bool:
    """Values below the header in column ``c``, none of them a sex word (the first sex word
    ends the look)."""
    filled = False
    for row in table.grid.rows[table.rows.start : table.rows.stop : table.rows.step]:
        v = row[c] if c < len(row) else None
        if v is None:
            continue
        if isinstance(v, str) and sex_word(v):
            return False
        filled = True
    return filled


def leader_holds_names(table: Table, cols: tuple[Column, ...]) -> tuple[Column, ...]:
    """A "Leader" column that holds values but no sex (the leaders' names) is not loaded; a
    column blank all the way down stays the leader's sex (and is reported as blank)."""
    out = []
    for col in cols:
        if col.kind is K.LEADER_SEX and _holds_values_but_no_sex(table, col.index):
            col = col._replace(kind=K.LEADER_NAMES)
        out.append(col)
    return tuple(out)


def count_with_percent_cells(table: Table, cols: tuple[Column, ...]) -> tuple[Column, ...]:
    """A count column whose cells mostly read ``12 (34.3%)`` gives its count and, beside it,
    the percentage (cross-checked against the base, not loaded)."""
    out = []
    for col in cols:
        if col.kind is K.COUNT:
            texts = _texts_below(table, col.index)
            both = sum(parse_count_percent(v) is not None for v in texts)
            if both and 2 * both >= len(texts):
                col = col._replace(percent_in_cell=True)
        out.append(col)
    return tuple(out)


def codes_name_the_council(table: Table, cols: tuple[Column, ...]) -> tuple[Column, ...]:
    """A table with no council column but a code column ("Area code": W06 codes, the Wales
    code W92000004 as its total) is keyed by the codes."""
    if any(c.kind is K.COUNCIL for c in cols):
        return cols
    for i, col in enumerate(cols):
        if col.kind is K.CODE:
            return (*cols[:i], col._replace(kind=K.COUNCIL), *cols[i + 1 :])
    return cols


#: the strategies that refine the header's reading, in order
CLASSIFIERS: tuple[Classifier, ...] = (
    not_known_follows_count,
    codes_name_the_council,
    council_names_below_blank,
    leader_holds_names,
    count_with_percent_cells,
)
#: the strategies that decide what a header reads (its score and known columns), to choose
#: between header rows: count_with_percent_cells, last, says only how the cells are written
READING: tuple[Classifier, ...] = CLASSIFIERS[:-1]


class _Memo:
    """The layouts classified in one grid under one ``columns=`` mapping (the locators try a
    header, the load classifies the one they chose again): a grid and a layout never change,
    so the same table under the same mapping is the same layout. A new grid starts afresh."""

    def __init__(self) -> None:
        self.grid: weakref.ref[Grid] | None = None
        self.overrides: Overrides | None = None
        self.layouts: dict[tuple, Layout] = {}

    def of(self, grid: Grid, overrides: Overrides) -> dict[tuple, Layout]:
        if self.grid is None or self.grid() is not grid or self.overrides is not overrides:
            self.grid, self.overrides, self.layouts = weakref.ref(grid), overrides, {}
        return self.layouts


_MEMO = _Memo()


def classify(
    table: Table, overrides: Overrides, strategies: tuple[Classifier, ...] = CLASSIFIERS
) -> Layout:
    """The table with every column classified (by its header, then by ``strategies``)."""
    layouts = _MEMO.of(table.grid, overrides)
    where = (table.header_rows, table.rows, table.columns)
    found = layouts.get((*where, strategies))
    if found is None:
        done = next(  # the same table classified by the first strategies already
            (n for n in range(len(strategies) - 1, 0, -1) if (*where, strategies[:n]) in layouts),
            0,
        )
        if done:
            start = layouts[(*where, strategies[:done])]
            cols, used = start.columns, start.overrides_used
        else:
            cols, used = read_header(table, overrides)
        for strategy in strategies[done:]:
            cols = strategy(table, cols)
        found = layouts[(*where, strategies)] = Layout(table, cols, used)
    return found
