"""The one collector of a sheet's problems and warnings, threaded through every stage.

Stages add to it as they go; at the end of the sheet :meth:`Collector.settle` raises every
problem together as one :class:`~diversity_review.errors.DataError`, or, when there is none,
warns each note as a :class:`~diversity_review.errors.DataWarning` naming file and sheet. The
problem codes are listed in the package docstring (``diversity_review.load.review``).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field

from ...errors import DataError, DataWarning, Exclusion, Problem
from ..grid import Grid, filled_cells

__all__ = ["Collector", "exclusion", "exclusions", "row_text"]


@dataclass
class Collector:
    """Problems (errors, each with a code) and notes (warnings) found in one sheet."""

    grid: Grid
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def problem(
        self, message: str, row: int | None = None, col: int | None = None, *, code: str
    ) -> None:
        """A problem at a cell (row and column), a row, or the whole sheet."""
        self.problems.append(self.grid.problem(message, row, col, code=code))

    def extend(self, problems: Iterable[Problem]) -> None:
        """Problems located elsewhere (the council registry names its own cell)."""
        self.problems.extend(problems)

    def warn(self, note: str) -> None:
        self.notes.append(note)

    def settle(self, stacklevel: int = 2) -> None:
        """Raise the problems together, else warn the notes (``stacklevel`` from the caller)."""
        if self.problems:
            raise DataError(self.problems)
        where = Problem("", self.grid.file, self.grid.sheet).location()
        for note in self.notes:
            warnings.warn(f"{where}: {note}", DataWarning, stacklevel=stacklevel + 1)


def _text(values: list[object]) -> str:
    if len(values) == 1:
        return str(values[0])[:120]
    return " | ".join(dict.fromkeys(map(str, values)))[:120]


def _cells_text(cells: list[object]) -> str:
    """:func:`row_text` of a row's cells (a note in its first cell, alone, read directly)."""
    if cells and cells[0] is not None and cells.count(None) == len(cells) - 1:
        return str(cells[0])[:120]
    return _text(filled_cells(cells))


def row_text(grid: Grid, row: int) -> str:
    """A row's distinct values, for messages and the row account (at most 120 characters)."""
    return _text(grid.filled(row))


def exclusions(grid: Grid, rows: Iterable[tuple[int, str]]) -> tuple[Exclusion, ...]:
    """Rows read but not kept, each ``(row, reason)``, for the row account (located by sheet
    and row), in the order given."""
    if grid.refs is not None:  # a made grid: its rows name the sheet's own
        return tuple(
            Exclusion(
                Problem("", None, grid.sheet, grid.row_ref(r)).location(),
                reason,
                row_text(grid, r),
            )
            for r, reason in rows
        )
    # the sheet's own row: "sheet 'S', row 7", the text of its filled cells
    head = f"sheet '{grid.sheet}', row " if grid.sheet else "row "
    cells = grid.rows
    return tuple([Exclusion(f"{head}{r + 1}", reason, _cells_text(cells[r])) for r, reason in rows])


def exclusion(grid: Grid, row: int, reason: str) -> Exclusion:
    """A row read but not kept, for the row account (located by sheet and row)."""
    return exclusions(grid, ((row, reason),))[0]
