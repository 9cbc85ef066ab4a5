"""The package's one error type, its warning type, and the row account every loader keeps.

Every problem with an input names where it is: the file, the sheet and the cell or row, so an
officer can open the spreadsheet and go straight to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "DataError",
    "NoTableError",
    "DataWarning",
    "Problem",
    "RowAccount",
    "Exclusion",
    "row_account",
    "Reading",
]


@dataclass(frozen=True)
class Problem:
    """One problem in an input, with its location.

    Parameters
    ----------
    message : str
        What is wrong, in plain words.
    file : str, optional
        File name (not the full path: messages may be shared).
    sheet : str, optional
        Worksheet name; ``None`` for CSV files.
    cell : str, optional
        A cell reference such as ``"C7"``, a row such as ``"row 7"``, or a column name.
    code : str, optional
        What kind of problem it is, as a stable kebab-case code (``unknown-council``,
        ``count-over-base``, ``text-in-count`` ...) that tests assert on and ``validate``
        groups by; the message is for people and may be reworded.
    """

    message: str
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    code: str | None = None

    def location(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.cell:
            parts.append(
                self.cell if self.cell.startswith(("row ", "column ")) else f"cell {self.cell}"
            )
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


class DataError(ValueError):
    """An input the package cannot use; the message names file, sheet and cell or row.

    Several problems found in one sheet are reported together: ``problems`` lists them all and
    ``str(error)`` gives one line per problem.

    Examples
    --------
    >>> err = DataError(Problem("count is negative", "review.xlsx", "2022", "C7"))
    >>> str(err)
    "review.xlsx, sheet '2022', cell C7: count is negative"
    """

    def __init__(self, problems: Problem | str | Iterable[Problem], **where: str | None):
        if isinstance(problems, str):
            problems = [Problem(problems, **where)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        """One line per problem, for the command line."""
        return [str(p) for p in self.problems]

    @property
    def codes(self) -> list[str | None]:
        """The code of each problem, in order (``None`` where a problem has none)."""
        return [p.code for p in self.problems]


class NoTableError(DataError):
    """A file in which no table of the expected kind was found (no header row recognised)."""


class DataWarning(UserWarning):
    """Something in an input was not used (an unrecognised column, an answer kept as Other)."""


@dataclass(frozen=True)
class Exclusion:
    """A row a loader read but did not keep, with why and where."""

    location: str
    reason: str
    text: str = ""


@dataclass(frozen=True)
class RowAccount:
    """Rows read = rows kept + rows excluded, each exclusion with its reason and location."""

    file: str
    rows_read: int
    rows_kept: int
    excluded: tuple[Exclusion, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.rows_read != self.rows_kept + len(self.excluded):
            raise AssertionError(
                f"row account for {self.file} does not balance: read {self.rows_read}, "
                f"kept {self.rows_kept}, excluded {len(self.excluded)}"
            )

    @classmethod
    def combine(cls, accounts: Sequence[RowAccount]) -> RowAccount:
        """Add up the accounts of several sheets or files."""
        files = ", ".join(dict.fromkeys(a.file for a in accounts))
        return cls(
            file=files,
            rows_read=sum(a.rows_read for a in accounts),
            rows_kept=sum(a.rows_kept for a in accounts),
            excluded=tuple(e for a in accounts for e in a.excluded),
        )

    def to_frame(self):
        """The exclusions as a DataFrame with columns ``location``, ``reason``, ``text``."""
        import pandas as pd

        return pd.DataFrame(
            [(e.location, e.reason, e.text) for e in self.excluded],
            columns=["location", "reason", "text"],
        )

    def __str__(self) -> str:
        reasons: dict[str, int] = {}
        for e in self.excluded:
            reasons[e.reason] = reasons.get(e.reason, 0) + 1
        why = ", ".join(f"{n} {r}" for r, n in sorted(reasons.items()))
        return (
            f"{self.file}: {self.rows_read} rows read = {self.rows_kept} kept"
            f" + {len(self.excluded)} excluded" + (f" ({why})" if why else "")
        )


def row_account(frame) -> RowAccount:
    """The row account a loader attached to its result (``frame.attrs["row_account"]``)."""
    try:
        return frame.attrs["row_account"]
    except KeyError:
        raise ValueError(
            "this DataFrame carries no row account (was it made by a loader?)"
        ) from None


def display_name(path: str | Path) -> str:
    """The file name used in messages."""
    return Path(path).name


@dataclass
class Reading:
    """What a loader gathers while it reads the rows of a sheet: the records it keeps, the
    problems it finds, the rows it excludes, and how many rows it read."""

    records: list = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    excluded: list[Exclusion] = field(default_factory=list)
    rows_read: int = 0

    @staticmethod
    def account(file: str, readings: Sequence[Reading], kept: int) -> RowAccount:
        """The row account of several readings of which ``kept`` rows were kept."""
        rows_read = sum(r.rows_read for r in readings)
        return RowAccount(file, rows_read, kept, tuple(e for r in readings for e in r.excluded))
