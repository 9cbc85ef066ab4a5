"""``suppress``: disclosure control of one table (the one-table case of :func:`.protect`).

What is published (the model the protection is built for)
--------------------------------------------------------
A table is split into independent sub-tables by ``by`` (by default the election or survey
year, and the measure or role scope). In each sub-table every row (a council, and the derived
Wales row ``W92000004``) publishes its ``base``, and a ``count`` and ``share`` (and
``ci_low``/``ci_high``, ``gap_pp``, ``ratio`` where present) for each group, except in
suppressed cells, which show ``[c]``. A reader knows that a row's groups add up to its base
**when they do**, that the councils' counts of a group add up to the Wales count **when they
do**, that no count is negative or larger than its base and, unless ``suppress_zero=True``,
that a suppressed count is at least 1 (zeros are published and never hidden to protect another
cell), except in a row whose base is below the threshold, where every count is hidden, 0
included. The ``suppressed``/``suppression`` columns are for audit and must not be published.

The protection
--------------
1. **Primary** (:mod:`.primary`): counts from 1 to ``threshold - 1`` (0 too with
   ``suppress_zero=True``), and every count in a row whose base is from 1 to
   ``threshold - 1``; ``exempt_groups`` are not primary unless their row's base is small.
2. **Secondary** (:mod:`.hypercube`): rectangles of complements, the cheapest (least total
   value hidden, then fewest cells) that let each hidden cell take every value in an interval
   of width ``min(threshold, base - lowest possible)``.
3. **Audit**: the rectangles are the certificate; a cell no rectangle certifies is checked by
   linear programming (:mod:`.audit`) and, if a reader could still narrow it, reported with a
   :class:`~diversity_review.errors.DataWarning`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import pandas as pd

from ..councils import WALES_CODE
from .cells import BLOCK_KEYS, Cells
from .engine import check_threshold, decide, labels, mark

__all__ = ["suppress", "suppress_crosstab"]


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
    works; :func:`~diversity_review.disclosure.protect` does the same for several tables at
    once, so that no table gives another's hidden cells away.

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
    keys = [k for k in BLOCK_KEYS if k in table.columns] if by is None else list(by)
    return _one_table(
        table,
        keys,
        ("council_code", WALES_CODE),
        group_col,
        threshold,
        suppress_zero,
        exempt_groups,
    )


def suppress_crosstab(
    table: pd.DataFrame,
    *,
    row: str,
    total: str = "All",
    group_col: str = "group",
    threshold: int = 5,
    suppress_zero: bool = False,
    exempt_groups: Collection[str] = (),
    by: Sequence[str] = (),
) -> pd.DataFrame:
    """:func:`suppress` for a cross-tabulation: inner cells and both margins.

    ``table`` has one row per ``row`` value (an outcome: "Abused", "Not abused") and group of
    a characteristic (``group_col``), with ``count`` and ``base`` (the row's total, the
    outcome's margin, published), and a ``total`` row whose counts are the characteristic's
    margin (all respondents of each group). Inner cells and the margin's cells are suppressed
    together, with rectangles in both dimensions, so that no inner cell follows from the
    margins.

    Examples
    --------
    >>> t = pd.DataFrame({"outcome": ["Yes"] * 2 + ["No"] * 2 + ["All"] * 2,
    ...     "group": ["Female", "Male"] * 3, "count": [2, 10, 18, 20, 20, 30],
    ...     "base": [12, 12, 38, 38, 50, 50]})
    >>> suppress_crosstab(t, row="outcome")["suppressed"].tolist()
    [True, True, True, True, False, False]
    """
    return _one_table(
        table, list(by), (row, total), group_col, threshold, suppress_zero, exempt_groups
    )


def _one_table(table, keys, rows, group_col, threshold, suppress_zero, exempt_groups):
    check_threshold(threshold)
    missing = {rows[0], group_col, "count"} - set(table.columns)
    if missing:
        raise ValueError(f"cannot suppress: the table lacks {', '.join(sorted(missing))}")
    frame = table.reset_index(drop=True)
    cells = Cells()
    cells.add_table(
        "table",
        frame,
        lambda block: tuple(block[k] for k in keys),
        by=keys,
        group_col=group_col,
        exempt_groups=frozenset(exempt_groups),
        rows=rows,
    )
    decision = decide(cells, threshold=int(threshold), suppress_zero=suppress_zero)
    return mark(frame, labels(decision, cells, "table", len(frame)))
