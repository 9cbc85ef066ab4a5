"""Small-cell suppression (primary and secondary) for every table that leaves the package.

What is published (the model the protection is built for)
--------------------------------------------------------
A table is split into independent sub-tables by ``by`` (by default the election or survey
year, and the measure or role scope). In each sub-table:

- every row (a council, and the derived Wales row ``W92000004``) publishes its ``base``, and a
  ``count`` and ``share`` (and ``ci_low``/``ci_high``, ``gap_pp``, ``ratio`` where present) for
  each group, except in suppressed cells, which show ``[c]``;
- a reader knows that a row's groups add up to its base **when they do** (a measure whose
  groups cover everyone, such as sex with "Not known"; not a multi-select question) and that the
  councils' counts of a group add up to the Wales count **when they do** (the Wales row is
  derived from them); these are the *lines* of the table;
- a reader also knows that no count is negative or larger than its base, and, unless
  ``suppress_zero=True``, that a suppressed count is at least 1 (zeros are published, and a
  shown zero is never chosen to protect another cell) **except** in a row, or a column with a
  Wales total, where every count is hidden (rows with no members aside): there zeros may be
  hidden too (a row whose base is below the threshold, or a row or column hidden whole because
  only zeros were left to protect a cell), so a hidden count may be 0.

Bases are published even when small: a base below the threshold suppresses every count and
share in its row (0 included), but the number of members or respondents itself is shown.
The ``suppressed``/``suppression`` columns are for audit and must not be published: a reader
who knew which cells were primary would know more than this model allows.

The protection
--------------
1. **Primary**: counts from 1 to ``threshold - 1`` (0 too with ``suppress_zero=True``), and
   every count in a row whose base is from 1 to ``threshold - 1``. A row whose base is 0 is
   left as it is: its base already says every count is 0, and it concerns nobody.
2. **Secondary**: while any line has exactly one suppressed cell (which its total would give
   away), suppress the line's smallest other count: non-zero counts first (a suppressed zero
   next to a count known to be at least 1 protects nothing), a council's before the Wales
   headline, then the smallest; ties broken by council then group, in table order. Repeated to
   a fixed point.
3. **Audit**: each suppressed cell is then checked exactly for whether the published cells,
   totals and bounds pin it down to one value (the lines are a network, so a cell can move
   if and only if it lies on a cycle of suppressed cells that can be shifted by one without
   breaking a bound). A cell that is pinned down gets one more complement from its lines, and
   steps 2-3 repeat until no suppressed value can be recovered. If only shown zeros are left
   in its lines, the rest of its row (else its column) is hidden instead; failing that, the
   smallest count in any line with a hidden cell. A cell that still cannot be protected is
   reported with a :class:`DataWarning`.

Not modelled: a reader who reasons about the algorithm itself (for example that a fully hidden
row with a large base probably holds no zero), and links between different tables (other
measures of the same council share its base but not its cells; the same count published in two
tables must be suppressed the same way in both, which holds when both pass through here with
the same threshold).
"""

from __future__ import annotations

import warnings
from collections import deque
from collections.abc import Collection, Sequence

import numpy as np
import pandas as pd

from .councils import WALES_CODE
from .errors import DataWarning

__all__ = ["suppress", "DERIVED_COLUMNS", "BLOCK_KEYS"]

#: columns blanked with the count they are derived from
DERIVED_COLUMNS = ("share", "ci_low", "ci_high", "gap_pp", "ratio", "within_band")
#: columns that, when present, split a table into independent sub-tables
BLOCK_KEYS = ("election", "survey_year", "measure", "scope")

Cell = tuple[int, int]


class _Block:
    """One sub-table as a matrix: rows are councils (Wales last if present), columns groups."""

    def __init__(
        self,
        rows: list[str],
        groups: list[str],
        values: np.ndarray,
        bases: np.ndarray,
        threshold: int,
        suppress_zero: bool,
        exempt: frozenset[int] = frozenset(),
    ) -> None:
        self.threshold = threshold
        self.suppress_zero = suppress_zero
        self.exempt = exempt  # columns (groups) whose small counts are not primary cells
        self.hidden: set[Cell] = set()
        self.rows = rows
        self.groups = groups
        self.values = values  # float, nan where the count is missing
        self.bases = bases  # float per cell, nan where missing
        self.wales = rows.index(WALES_CODE) if WALES_CODE in rows else None
        self.lines: list[tuple[list[Cell], list[int], float]] = []  # cells, signs, total
        self.row_line: dict[int, int] = {}
        self.col_line: dict[int, int] = {}
        self._find_lines()

    def present(self, r: int, c: int) -> bool:
        return not np.isnan(self.values[r, c])

    def row_base(self, r: int) -> float:
        b = self.bases[r][~np.isnan(self.bases[r])]
        return float(b[0]) if len(b) and np.all(b == b[0]) else np.nan

    def _find_lines(self) -> None:
        n_rows, n_cols = self.values.shape
        for r in range(n_rows):
            cells = [(r, c) for c in range(n_cols) if self.present(r, c)]
            total = self.row_base(r)
            if cells and not np.isnan(total) and sum(self.values[x] for x in cells) == total:
                self.row_line[r] = len(self.lines)
                self.lines.append((cells, [1] * len(cells), total))
        if self.wales is None:
            return
        w = self.wales
        for c in range(n_cols):
            if not self.present(w, c):
                continue
            cells = [(r, c) for r in range(n_rows) if r != w and self.present(r, c)]
            if cells and sum(self.values[x] for x in cells) == self.values[w, c]:
                self.col_line[c] = len(self.lines)
                self.lines.append((cells + [(w, c)], [1] * len(cells) + [-1], 0.0))

    def small_base(self, cell: Cell) -> bool:
        b = self.bases[cell]
        return not np.isnan(b) and 0 < b < self.threshold

    def row_cells(self, r: int) -> list[Cell]:
        return [(r, c) for c in range(self.values.shape[1]) if self.present(r, c)]

    def col_cells(self, c: int) -> list[Cell]:
        return [(r, c) for r in range(self.values.shape[0]) if self.present(r, c)]

    def low(self, cell: Cell) -> float:
        """The least a reader knows a hidden cell to be (see the module documentation)."""
        if self.suppress_zero or self.small_base(cell):
            return 0.0
        whole_row = all(x in self.hidden for x in self.row_cells(cell[0]))
        whole_col = cell[1] in self.col_line and all(
            x in self.hidden for x in self.col_cells(cell[1]) if self.bases[x] != 0
        )
        return 0.0 if whole_row or whole_col else 1.0

    def high(self, cell: Cell) -> float:
        return self.bases[cell] if not np.isnan(self.bases[cell]) else np.inf

    def primary(self) -> set[Cell]:
        found = set()
        for r, c in zip(*np.nonzero(~np.isnan(self.values)), strict=True):
            v = self.values[r, c]
            small = v < self.threshold and (v > 0 or self.suppress_zero) and c not in self.exempt
            nobody = self.bases[r, c] == 0  # a count of 0 out of 0 says nothing about anyone
            if (small or self.small_base((r, c))) and not nobody:
                found.add((int(r), int(c)))
        return found

    def can_complement(self, cell: Cell) -> bool:
        """A shown zero cannot protect anything where readers know hidden cells are >= 1."""
        return self.bases[cell] != 0 and (self.values[cell] > 0 or self.suppress_zero)

    def key(self, cell: Cell) -> tuple:
        """Which complement to prefer: non-zero first, a council's before Wales's, smallest."""
        v = self.values[cell]
        return (v == 0, cell[0] == self.wales, v, cell[0], cell[1])

    def lines_of(self, cell: Cell) -> list[int]:
        r, c = cell
        found = []
        if r in self.row_line:
            found.append(self.row_line[r])
        if c in self.col_line:
            found.append(self.col_line[c])
        return found

    def pinned(self) -> list[Cell]:
        """Suppressed cells whose value the published table determines exactly.

        Each suppressed cell is an edge in a graph whose nodes are the lines (cells outside a
        line hang on one shared free node): a council cell runs from its row line to its
        column line, a Wales cell from its column line to the Wales row line. Shifting the
        published-consistent values by +1/-1 around a cycle keeps every line's total, so a cell
        can take another value exactly when it lies on a cycle whose steps respect the bounds
        (an edge at its lower bound can only go up, one at its upper bound only down).
        """
        free = len(self.lines)

        def ends(cell: Cell) -> tuple[int, int]:
            r, c = cell
            row = self.row_line.get(r, free)
            col = self.col_line.get(c, free)
            return (col, row) if r == self.wales else (row, col)

        arcs: dict[int, list[tuple[int, Cell]]] = {}
        for cell in self.hidden:
            u, w = ends(cell)
            v = self.values[cell]
            if v < self.high(cell):
                arcs.setdefault(u, []).append((w, cell))
            if v > self.low(cell):
                arcs.setdefault(w, []).append((u, cell))

        def reaches(start: int, goal: int, skip: Cell) -> bool:
            seen, todo = {start}, deque([start])
            while todo:
                node = todo.popleft()
                if node == goal:
                    return True
                for nxt, cell in arcs.get(node, []):
                    if cell != skip and nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
            return False

        stuck = []
        for cell in sorted(self.hidden):
            u, w = ends(cell)
            v = self.values[cell]
            up = v < self.high(cell) and reaches(w, u, cell)
            down = v > self.low(cell) and reaches(u, w, cell)
            if not (up or down):
                stuck.append(cell)
        return stuck


def _protect(block: _Block) -> tuple[set[Cell], set[Cell]]:
    primary = block.primary()
    hidden = block.hidden
    hidden |= primary
    given_up: set[Cell] = set()
    while True:
        changed = False
        for cells, _, _ in block.lines:
            inside = [x for x in cells if x in hidden]
            if len(inside) == 1:
                options = [x for x in cells if x not in hidden and block.can_complement(x)]
                if options:
                    hidden.add(min(options, key=block.key))
                    changed = True
        if changed:
            continue
        pinned = [x for x in block.pinned() if x not in given_up]
        if not pinned:
            break
        options = [
            x
            for cell in pinned
            for line in block.lines_of(cell)
            for x in block.lines[line][0]
            if x not in hidden and block.can_complement(x)
        ]
        if options:
            hidden.add(min(options, key=block.key))
            continue
        # only shown zeros are left: hide the rest of a pinned cell's row (else its column),
        # which tells a reader that a hidden count there may be 0
        for cell in pinned:
            rest = [x for x in block.row_cells(cell[0]) if x not in hidden]
            if not rest and cell[1] in block.col_line:
                rest = [
                    x for x in block.col_cells(cell[1]) if x not in hidden and block.bases[x] != 0
                ]
            if rest:
                hidden.update(rest)
                break
        else:
            # pinned by a combination of lines: widen to any line with a hidden cell
            options = [
                x
                for cells, _, _ in block.lines
                if any(y in hidden for y in cells)
                for x in cells
                if x not in hidden and block.can_complement(x)
            ]
            if options:
                hidden.add(min(options, key=block.key))
            else:
                given_up.update(pinned)
    if given_up:
        names = ", ".join(f"{block.rows[r]} {block.groups[c]!r}" for r, c in sorted(given_up))
        warnings.warn(
            f"could not protect every suppressed cell (no count left to suppress): {names}",
            DataWarning,
            stacklevel=3,
        )
    return primary, hidden - primary


def suppress(
    table: pd.DataFrame,
    *,
    threshold: int = 5,
    suppress_zero: bool = False,
    by: Sequence[str] | None = None,
    group_col: str = "group",
    exempt_groups: Collection[str] = (),
) -> pd.DataFrame:
    """Suppress small counts, and enough others that none can be worked out from totals.

    See the module documentation for the model of what is published and how the protection
    works.

    Parameters
    ----------
    table : DataFrame
        A tidy table with ``council_code``, ``group_col``, ``count`` and normally ``base``
        (e.g. a :func:`~diversity_review.analysis.breakdown` result with its Wales row).
    threshold : int, default 5
        Counts from 1 to ``threshold - 1`` are suppressed.
    suppress_zero : bool, default False
        Suppress zeros too (when a zero would itself disclose something).
    by : sequence of str, optional
        Columns that split the table into independent sub-tables; by default those of
        ``election``, ``survey_year``, ``measure`` and ``scope`` present.
    group_col : str, default "group"
        The column holding the groups (the cells of a council's row).
    exempt_groups : collection of str, optional
        Groups whose small counts are published rather than suppressed, e.g. ``"Not known"``
        in the review: a count of members whose characteristic is not recorded says nothing
        about anyone's characteristic. They can still be hidden as complements of other cells,
        and a row whose base is below the threshold is still hidden whole.

    Returns
    -------
    DataFrame
        The same rows and columns, with ``count`` and the columns derived from it (``share``,
        ``ci_low``, ``ci_high``, ``gap_pp``, ``ratio``, ``within_band``, where present) set to
        NA in suppressed cells, plus ``suppressed`` (bool; also True where the input already
        said so) and ``suppression`` (str: "", "primary" or "secondary"). Presentation shows
        suppressed counts and shares as ``[c]``.

    Examples
    --------
    >>> t = pd.DataFrame({"council_code": ["W06000001"] * 2, "group": ["Female", "Male"],
    ...     "count": pd.array([3, 32], dtype="Int64"), "base": pd.array([35, 35], dtype="Int64")})
    >>> suppress(t)["suppression"].tolist()
    ['primary', 'secondary']
    """
    if int(threshold) != threshold or threshold < 1:
        raise ValueError(f"threshold must be a whole number of at least 1, not {threshold!r}")
    missing = {"council_code", group_col, "count"} - set(table.columns)
    if missing:
        raise ValueError(f"cannot suppress: the table lacks {', '.join(sorted(missing))}")
    keys = [k for k in BLOCK_KEYS if k in table.columns] if by is None else list(by)
    out = table.reset_index(drop=True).copy()
    counts = out["count"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    if "base" in out.columns:
        bases = out["base"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    else:
        bases = np.full(len(out), np.nan)
    label = np.full(len(out), "", dtype=object)
    groups = (
        out.groupby(keys, sort=False, dropna=False).indices if keys else {(): np.arange(len(out))}
    )
    codes = out["council_code"].astype(str).to_numpy()
    names = out[group_col].astype(str).to_numpy()
    for positions in groups.values():
        positions = np.asarray(positions)
        rows = list(dict.fromkeys(codes[positions]))
        if WALES_CODE in rows:
            rows = [r for r in rows if r != WALES_CODE] + [WALES_CODE]
        cols = list(dict.fromkeys(names[positions]))
        r_of = {r: i for i, r in enumerate(rows)}
        c_of = {c: i for i, c in enumerate(cols)}
        values = np.full((len(rows), len(cols)), np.nan)
        base = np.full((len(rows), len(cols)), np.nan)
        where: dict[Cell, int] = {}
        for p in positions:
            cell = (r_of[codes[p]], c_of[names[p]])
            if cell in where:
                raise ValueError(
                    f"more than one row for {codes[p]} {names[p]!r} in one sub-table; "
                    f"split the table with by= (now {keys})"
                )
            where[cell] = p
            values[cell] = counts[p]
            base[cell] = bases[p]
        exempt = frozenset(i for i, name in enumerate(cols) if name in set(exempt_groups))
        block = _Block(rows, cols, values, base, int(threshold), suppress_zero, exempt)
        primary, secondary = _protect(block)
        for cell in primary:
            label[where[cell]] = "primary"
        for cell in secondary:
            label[where[cell]] = "secondary"
    hide = label != ""
    out["count"] = out["count"].astype("Int64").mask(hide)
    for column in DERIVED_COLUMNS:
        if column in out.columns:
            out[column] = out[column].mask(hide)
    before = out["suppressed"].astype(bool) if "suppressed" in out.columns else False
    out["suppressed"] = (before | hide).astype(bool)
    out["suppression"] = pd.array(label, dtype="str")
    return out
