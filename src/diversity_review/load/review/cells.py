"""Parse-cells stage: every value cell of every resolved council row, read once.

Counts, seats, cabinet sizes and measure totals go through
:func:`~diversity_review.text.parse_count` (whole numbers, ``-`` for nil, the suppression
markers, blanks); a formula with no saved result is a problem of its own. Leader cells are a
sex (Female / Male) or, for a "Female leader?" column, Yes / No. A count or leader column
left blank for every council (a half-filled template) is not loaded, and one warning lists them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...text import Count, markers, parse_cell_count, parse_count, parse_count_percent, squash
from ..grid import Grid
from .contracts import Cells, Column, ColumnKind, Councils, Layout, Leader
from .problems import Collector
from .vocabulary import is_vacant, sex_word, yes_no_word

__all__ = ["parse_cells", "read_leader", "blank_columns"]

K = ColumnKind

FORMULA_WITHOUT_RESULT = (
    "a formula with no saved result where a count belongs (open the file in Excel and save it, "
    "or type the value)"
)


def blank_columns(grid: Grid, cols: Sequence[Column], rows: Sequence[int]) -> tuple[Column, ...]:
    """The columns with no value (not even a formula) in any of these rows."""
    if not rows:
        return ()
    return tuple(
        col
        for col in cols
        if all(
            grid.value(r, col.index) is None and (r, col.index) not in grid.formula_blanks
            for r in rows
        )
    )


def _blank_note(grid: Grid, cols: Sequence[Column]) -> str:
    named = ", ".join(f"{grid.col_ref(c.index)} ({c.label!r})" for c in cols)
    if len(cols) == 1:
        return f"column {named} is blank for every council, so it is not loaded"
    return f"columns {named} are blank for every council, so they are not loaded"


def read_leader(value: object, flag: bool) -> tuple[Leader, str | None]:
    """A leader cell and the problem with it, if any (``flag``: a "Female leader?" Yes / No
    column).

    Examples
    --------
    >>> read_leader("Woman", False), read_leader("Ie", True)[0]
    ((Leader(sex='Female', suppressed=False), None), Leader(sex='Female', suppressed=False))
    >>> read_leader("Cllr Jones", False)[1]
    "'Cllr Jones' where the leader's sex belongs (enter Female or Male)"
    """
    if value is None:
        return _NONE, None
    if isinstance(value, bool | int | float):
        if flag and value in (0, 1):
            return _SEXES["Female" if value == 1 else "Male"], None
        return _NONE, _leader_problem(value, flag)
    if flag:
        answer = yes_no_word(value)
        sex = {"yes": "Female", "no": "Male"}.get(answer or "")
    else:
        sex = sex_word(value)
    if sex is not None:
        return _SEXES.get(sex) or Leader(sex), None
    text = squash(value)
    if text in markers()["suppressed"]:
        return _SUPPRESSED, None
    if text in markers()["missing"] or text in markers()["nil"] or is_vacant(value):
        return _NONE, None
    return _NONE, _leader_problem(value, flag)


#: the leader cells read (a Leader is frozen: one of each serves every cell)
_NONE, _SUPPRESSED = Leader(None), Leader(None, suppressed=True)
_SEXES = {sex: Leader(sex) for sex in ("Female", "Male")}


def _leader_problem(value: object, flag: bool) -> str:
    allowed = "Yes or No" if flag else "Female or Male"
    return f"{value!r} where the leader's sex belongs (enter {allowed})"


def _read_count(
    grid: Grid, r: int, col: Column, out: Collector, percents: dict[tuple[int, int], float]
) -> Count:
    value = grid.value(r, col.index)
    with_percent = parse_count_percent(value) if col.percent_in_cell else None
    if with_percent is not None:
        percents[(r, col.index)] = with_percent[1]
        return with_percent[0]
    count = parse_count(value)
    if count.problem is None and not grid.formula_blanks:
        return count  # most cells: a number read, nothing to say
    problem, code = count.problem, count.code
    if (r, col.index) in grid.formula_blanks:
        problem, code = FORMULA_WITHOUT_RESULT, "formula-without-result"
    if problem is not None and code is not None:
        out.problem(f"{col.label}: {problem}", r, col.index, code=code)
    return count


def parse_cells(layout: Layout, councils: Councils, out: Collector) -> Cells:
    """Every count, seats, cabinet-size, measure-total and leader cell of the resolved rows,
    with the problems found (row by row, left to right)."""
    grid = layout.grid
    rows = tuple(councils.code_of)
    counts = layout.of_kind(K.COUNT)
    leaders = layout.of_kind(K.LEADER_SEX, K.LEADER_FLAG)
    blank = blank_columns(grid, counts + leaders, rows)
    if blank:
        out.warn(_blank_note(grid, blank))
    counts = tuple(c for c in counts if c not in blank)
    leaders = tuple(c for c in leaders if c not in blank)
    others = layout.of_kind(K.SEATS, K.EXEC_SIZE, K.MEASURE_TOTAL)
    cols = sorted(counts + others + leaders, key=lambda c: c.index)
    leader_kinds = (K.LEADER_SEX, K.LEADER_FLAG)
    columns: dict[int, list[Count]] = {c.index: [] for c in cols if c.kind not in leader_kinds}
    leader_columns: dict[int, list[Leader]] = {c.index: [] for c in cols if c.kind in leader_kinds}
    percents: dict[tuple[int, int], float] = {}
    # a plain count cell in a sheet with no formula blanks, read as a number, needs nothing
    # but parse_count (a cell value is hashable: its cached reading is called at once); the
    # rest go through _read_count (which reads a problem cell again)
    plan = [
        (col, col.index, col.kind in leader_kinds, col.percent_in_cell, read.append)
        for col in cols
        for read in [
            leader_columns[col.index] if col.index in leader_columns else columns[col.index]
        ]
    ]
    quick = not grid.formula_blanks
    for r in rows:
        row = grid.rows[r] if 0 <= r < grid.n_rows else []
        for col, c, is_leader, percent, add in plan:
            if is_leader:
                leader, problem = read_leader(grid.value(r, c), col.kind is K.LEADER_FLAG)
                if problem:
                    out.problem(problem, r, c, code="bad-leader")
                add(leader)
                continue
            if quick and not percent:
                count = parse_cell_count(row[c] if c < len(row) else None)
                if count.problem is None:
                    add(count)
                    continue
            add(_read_count(grid, r, col, out, percents))
    return Cells(counts, leaders, blank, rows, columns, leader_columns, percents)
