"""Tidy stage: the records of a sheet's council rows, and all sheets' records as one frame of
tidy counts (the "counts" contract: one row per election, council, measure and group)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import NamedTuple

import pandas as pd

from ...categories import MEASURES
from ...councils import UnknownCouncilError, council_name
from ..grid import Grid
from .contracts import Sheet

__all__ = ["COLUMNS", "Record", "records", "frame"]

#: Output columns of :func:`~diversity_review.load.review.load_review`, in order.
COLUMNS = [
    "election",
    "council_code",
    "council",
    "measure",
    "group",
    "count",
    "base",
    "suppressed",
    "source",
]

_DTYPES = {
    "election": "Int64",
    "council_code": "str",
    "council": "str",
    "measure": "str",
    "group": "str",
    "count": "Int64",
    "base": "Int64",
    "suppressed": "bool",
    "source": "str",
}


class Record(NamedTuple):
    """One count of one council row: a row of the tidy frame, without the council's name."""

    election: int
    council_code: str
    measure: str
    group: str
    count: int | None
    base: int | None
    suppressed: bool
    source: str
    #: a suppressed count's bounds as the cell shows them (``<5``: 1 and 4)
    low: int | None = None
    high: int | None = None


def source(grid: Grid, r: int, c: int) -> str:
    """Where a value came from: ``file.xlsx!Sheet!C7`` (``file.csv!C7`` for a CSV file)."""
    prefix = f"{grid.file}!{grid.sheet}!" if grid.sheet is not None else f"{grid.file}!"
    return prefix + grid.ref(r, c)


def records(sheet: Sheet) -> Iterator[Record]:
    """Every count of every resolved council row, then its leader's sex (as Female and Male
    counted 0 or 1, out of 1)."""
    grid, cells, bases = sheet.grid, sheet.cells, sheet.bases
    for r, code in sheet.councils.code_of.items():
        election = sheet.elections.year_of[r]
        assert election is not None
        for col in cells.counts:
            base = bases.cabinet[r] if col.measure == "executive_sex" else bases.base[r]
            value = cells.values[(r, col.index)]
            yield Record(
                election,
                code,
                col.measure,  # type: ignore[arg-type]
                col.group,  # type: ignore[arg-type]
                value.value,
                base,
                value.suppressed,
                source(grid, r, col.index),
                value.low,
                value.high,
            )
        for col in cells.leaders:
            leader = cells.leader_cells[(r, col.index)]
            for group in ("Female", "Male"):
                number = None if leader.sex is None else int(leader.sex == group)
                where = source(grid, r, col.index)
                yield Record(
                    election, code, "leader_sex", group, number, 1, leader.suppressed, where
                )


@cache
def _order() -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    measures = {m: i for i, m in enumerate(MEASURES)}
    groups = {(m, g): i for m, spec in MEASURES.items() for i, g in enumerate(spec.groups)}
    return measures, groups


def sort_key(rec: Record) -> tuple:
    """Election, council code, then measures and groups in their canonical order."""
    measures, groups = _order()
    return (
        rec.election,
        rec.council_code,
        measures.get(rec.measure, len(measures)),
        groups.get((rec.measure, rec.group), 99),
    )


def _name(code: str) -> str | None:
    try:
        return council_name(code)
    except UnknownCouncilError:
        return None


def frame(found: Sequence[Record]) -> pd.DataFrame:
    """The records as tidy counts, in :func:`sort_key` order, with the councils' names."""
    ordered = sorted(found, key=sort_key)
    names = {code: _name(code) for code in {r.council_code for r in ordered}}
    data = {
        "election": [r.election for r in ordered],
        "council_code": [r.council_code for r in ordered],
        "council": [names.get(r.council_code) for r in ordered],
        "measure": [r.measure for r in ordered],
        "group": [r.group for r in ordered],
        "count": [r.count for r in ordered],
        "base": [r.base for r in ordered],
        "suppressed": [r.suppressed for r in ordered],
        "source": [r.source for r in ordered],
    }
    counts = pd.DataFrame({c: pd.Series(data[c], dtype=_DTYPES[c]) for c in COLUMNS})
    counts.attrs["bounds"] = bounds(ordered)
    return counts


def bounds(found: Sequence[Record]) -> dict[str, tuple[int, int]]:
    """The suppressed counts whose cells showed bounds (``<5``): source -> (low, high)."""
    return {r.source: (r.low, r.high) for r in found if r.high is not None and r.low is not None}
