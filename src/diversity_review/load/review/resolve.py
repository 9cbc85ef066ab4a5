"""Resolve stage: the council each loaded row is of.

The council cell is read with :func:`~diversity_review.councils.resolve_council` (English and
Welsh names, codes, "X County Council" ...); further council or code columns in the row must
name the same council. A council may appear once per election: twice is a problem naming
both rows.
"""

from __future__ import annotations

from ...councils import UnknownCouncilError, council_name, find_council, resolve_council
from .contracts import Column, Councils, Elections, Layout
from .problems import Collector

__all__ = ["resolve_councils"]


def _row_council(layout: Layout, keys: tuple[Column, ...], r: int, out: Collector) -> str | None:
    """The code of the council row ``r`` names in its ``keys`` columns (the council column
    first), or None (a problem reported)."""
    grid = layout.grid
    council = keys[0]
    label = grid.value(r, council.index)
    code = None
    for col in keys:
        text = grid.value(r, col.index)
        if text is None:
            continue
        try:  # the cell's reference is written only for a name no council has
            found = find_council(text) or resolve_council(
                text, cell=grid.ref(r, col.index), file=grid.file, sheet=grid.sheet
            )
        except UnknownCouncilError as exc:
            if col is council or label is None:
                out.extend(exc.problems)
                return None
            continue  # a further column that names no council (a note): the name decides
        if code is None:
            code = found
        elif found != code:
            out.problem(
                f"{text!r} is {council_name(found)} but {label!r} in "
                f"{grid.ref(r, council.index)} is {council_name(code)}",
                r,
                col.index,
                code="council-mismatch",
            )
    return code


def resolve_councils(layout: Layout, elections: Elections, out: Collector) -> Councils:
    """The code of each loaded row that names a council once in its election."""
    codes: dict[int, str] = {}
    first_row_of: dict[tuple[int | None, str], int] = {}
    keys = (layout.council, *layout.other_keys)
    for r in elections.loaded:
        code = _row_council(layout, keys, r, out)
        if code is None:
            continue
        key = (elections.year_of[r], code)
        if key in first_row_of:
            in_election = f" in the {key[0]} election" if elections.by_column else ""
            out.problem(
                f"{council_name(code)} appears twice{in_election} (rows "
                f"{first_row_of[key] + 1} and {r + 1})",
                r,
                layout.council.index,
                code="duplicate-council",
            )
            continue
        first_row_of[key] = r
        codes[r] = code
    return Councils(codes)
