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
from ..grid import Grid

__all__ = ["Collector", "exclusion", "row_text"]


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


def row_text(grid: Grid, row: int) -> str:
    """A row's distinct values, for messages and the row account (at most 120 characters)."""
    values = grid.filled(row)
    if len(values) == 1:
        return str(values[0])[:120]
    return " | ".join(dict.fromkeys(map(str, values)))[:120]


def exclusion(grid: Grid, row: int, reason: str) -> Exclusion:
    """A row read but not kept, for the row account (located by sheet and row)."""
    if grid.refs is None:  # the sheet's own row: "sheet 'S', row 7" without a Problem made
        where = f"sheet '{grid.sheet}', row {row + 1}" if grid.sheet else f"row {row + 1}"
    else:
        where = Problem("", None, grid.sheet, grid.row_ref(row)).location()
    return Exclusion(where, reason, row_text(grid, row))
