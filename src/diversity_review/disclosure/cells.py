"""Every published number as one cell, and the sums a reader can form as constraints.

A :class:`Cells` registry is filled table by table (:meth:`Cells.add_table`). Each table is
split into blocks (by election or survey year, measure or role scope) and each block is a
:class:`Grid`: rows are councils (and the derived Wales row, last), columns are groups. A cell is
identified by a key (for the pack: the period, the measure, the council and the group), so the
same quantity published in two tables, or in both languages, is one cell, hidden in all of them
or in none.

Constraints are what a reader can add up (stored once however many tables publish them):

- a row whose counts add up to its base: ``sum(row) = base`` (the base is published);
- councils that add up to the Wales row, group by group: ``sum(councils) - Wales = 0``;
- a subset measure (executive members among all members) gives ``subset <= whole`` for the
  same council, period and group (:data:`SUBSET_MEASURES`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..councils import WALES_CODE

__all__ = ["Cells", "Grid", "Constraint", "SUBSET_MEASURES", "BLOCK_KEYS", "table_blocks"]

#: columns that, when present, split a table into independent sub-tables
BLOCK_KEYS = ("election", "survey_year", "measure", "scope")
#: a measure whose groups count a subset of another's (same council, period and group)
SUBSET_MEASURES = {"executive_sex": "sex", "leader_sex": "sex"}

Key = tuple[Hashable, ...]


@dataclass(frozen=True)
class Constraint:
    """``sum(coefs * cells) == rhs``."""

    ids: np.ndarray
    coefs: np.ndarray
    rhs: float


@dataclass
class Grid:
    """One block of a table: ``ids[r, c]`` is the cell of council ``rows[r]`` and group ``c``."""

    table: str
    rows: list[str]
    groups: list[str]
    ids: np.ndarray  # int, -1 where the table has no count
    total: int | None  # the Wales row, when the councils add up to it in every group
    row_line: np.ndarray  # bool per row: the row adds up to its base
    col_line: np.ndarray  # bool per group: the councils add up to Wales
    positions: dict[tuple[int, int], int] = field(default_factory=dict)  # cell -> frame row


@dataclass
class Cells:
    """The registry of cells, their values and bases, and the constraints between them."""

    keys: dict[Key, int] = field(default_factory=dict)
    value: list[float] = field(default_factory=list)
    base: list[float] = field(default_factory=list)
    exempt: list[bool] = field(default_factory=list)
    public: list[bool] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    constraints: dict[tuple, Constraint] = field(default_factory=dict)
    subsets: set[tuple[int, int]] = field(default_factory=set)  # (part, whole)

    def __len__(self) -> int:
        return len(self.value)

    def cell(self, key: Key, value: float, base: float, *, exempt: bool, public: bool) -> int:
        """The id of the cell ``key`` (registered now if new)."""
        found = self.keys.get(key)
        if found is None:
            found = self.keys[key] = len(self.value)
            self.value.append(value)
            self.base.append(base)
            self.exempt.append(exempt)
            self.public.append(public)
        elif self.value[found] != value:
            raise ValueError(
                f"the cell {key!r} is published as {self.value[found]:g} and as {value:g}"
            )
        return found

    def constrain(self, ids: Sequence[int], coefs: Sequence[float], rhs: float) -> None:
        order = np.argsort(ids)
        ids_, coefs_ = np.asarray(ids)[order], np.asarray(coefs, dtype=float)[order]
        signature = (tuple(ids_.tolist()), tuple(coefs_.tolist()), float(rhs))
        self.constraints.setdefault(signature, Constraint(ids_, coefs_, float(rhs)))

    def add_table(
        self,
        name: str,
        frame: pd.DataFrame,
        identity: Callable[[dict[str, object]], tuple],
        *,
        by: Sequence[str],
        group_col: str = "group",
        exempt_groups: frozenset[str] = frozenset(),
        public_measures: frozenset[str] = frozenset(),
        public_groups: frozenset[str] = frozenset(),
        rows: tuple[str, str] = ("council_code", WALES_CODE),
    ) -> list[Grid]:
        """Register ``frame``'s counts; ``identity(block)`` gives the key prefix of a block.

        ``rows`` names the column of the grid's rows and the row that totals the others: a
        council table's councils and Wales, or a cross-tabulation's outcome and its "All" row
        (whose counts, the characteristic's margin, are cells protected like the others).
        """
        grids = []
        for block, positions in table_blocks(frame, by):
            prefix = identity(block)
            public = str(prefix[-1]) in public_measures if prefix else False
            groups = (exempt_groups, public_groups)
            grid = self._grid(name, frame, positions, prefix, (rows, group_col), groups, public)
            grids.append(grid)
        self.grids.extend(grids)
        return grids

    def _grid(self, name, frame, positions, prefix, axes, groups, public) -> Grid:
        exempt_groups, public_groups = groups
        (row_col, total), group_col = axes
        codes = frame[row_col].astype(str).to_numpy()[positions]
        names = frame[group_col].astype(str).to_numpy()[positions]
        counts = _floats(frame["count"])[positions]
        bases = (
            _floats(frame["base"])[positions] if "base" in frame else np.full(len(codes), np.nan)
        )
        rows = list(dict.fromkeys(codes))
        if total in rows:
            rows = [r for r in rows if r != total] + [total]
        groups = list(dict.fromkeys(names))
        r_of = {r: i for i, r in enumerate(rows)}
        c_of = {c: i for i, c in enumerate(groups)}
        ids = np.full((len(rows), len(groups)), -1, dtype=int)
        grid_bases = np.full(ids.shape, np.nan)
        where: dict[tuple[int, int], int] = {}
        for i, p in enumerate(positions):
            at = (r_of[codes[i]], c_of[names[i]])
            if at in where:
                raise ValueError(
                    f"more than one row for {codes[i]} {names[i]!r} in one sub-table of {name}; "
                    "split the table with by="
                )
            where[at] = int(p)
            grid_bases[at] = bases[i]
            if not np.isnan(counts[i]):
                key = (*prefix, codes[i], names[i])
                exempt = names[i] in exempt_groups
                known = public or names[i] in public_groups
                ids[at] = self.cell(key, counts[i], bases[i], exempt=exempt, public=known)
        no_rows, no_cols = np.zeros(len(rows), bool), np.zeros(len(groups), bool)
        grid = Grid(name, rows, groups, ids, None, no_rows, no_cols, where)
        self._lines(grid, grid_bases, total)
        return grid

    def _lines(self, grid: Grid, bases: np.ndarray, total: str) -> None:
        """The grid's row and column sums a reader can form, as constraints."""
        values = np.where(grid.ids >= 0, np.asarray(self.value + [np.nan])[grid.ids], np.nan)
        for r in range(len(grid.rows) if len(grid.groups) > 1 else 0):
            # a table of one group (women only, say) tells a reader nothing of the others
            present = grid.ids[r] >= 0
            b = bases[r][~np.isnan(bases[r])]
            if not present.any() or not len(b) or not np.all(b == b[0]):
                continue
            if np.nansum(values[r]) == b[0]:
                grid.row_line[r] = True
                cells = grid.ids[r][present]
                self.constrain(cells, np.ones(len(cells)), float(b[0]))
        if total not in grid.rows or len(grid.rows) < 2:
            return
        w = grid.rows.index(total)
        councils = values[:w]
        sums = np.nansum(councils, axis=0)
        has = grid.ids[w] >= 0
        if not np.all(sums[has] == values[w][has]):
            return  # Wales is not the councils' total: an ordinary row
        grid.total = w
        for c in np.flatnonzero(has):
            cells = grid.ids[:w, c][grid.ids[:w, c] >= 0]
            if len(cells):
                grid.col_line[c] = True
                coefs = np.r_[np.ones(len(cells)), -1.0]
                self.constrain(np.r_[cells, grid.ids[w, c]], coefs, 0.0)

    def link_subsets(self) -> None:
        """``part <= whole`` for each subset measure's cell whose whole is published."""
        for key, part in self.keys.items():
            if len(key) < 3 or key[-3] not in SUBSET_MEASURES:
                continue
            whole = self.keys.get((*key[:-3], SUBSET_MEASURES[key[-3]], *key[-2:]))
            if whole is not None:
                self.subsets.add((part, whole))


def _floats(column: pd.Series) -> np.ndarray:
    return column.astype("Float64").to_numpy(dtype=float, na_value=np.nan)


def table_blocks(frame: pd.DataFrame, by: Sequence[str]):
    """``(block values, positions)`` for each sub-table of ``frame`` split by ``by``."""
    keys = list(by)
    if not keys:
        yield {}, np.arange(len(frame))
        return
    for values, positions in frame.groupby(keys, sort=False, dropna=False).indices.items():
        values = values if isinstance(values, tuple) else (values,)
        yield dict(zip(keys, values, strict=True)), np.asarray(positions)
