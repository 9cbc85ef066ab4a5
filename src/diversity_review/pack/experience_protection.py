"""Disclosure control of the "Experience of office" tables, jointly with the rest of the pack.

What a reader of the whole pack can derive about each experience table
----------------------------------------------------------------------
An experience table is one outcome ``o`` (online abuse, say) by one characteristic ``c`` (sex,
disability, political group) over every respondent (the ``within="wales"`` area). For each
group ``g`` of ``c`` (Prefer not to say is a group: counted, not compared) it publishes the
count reporting ``o`` (``yes(g)``), the base ``base(g)`` (respondents of ``g`` who answered
``o``) and so ``no(g) = base(g) - yes(g)``; the "All respondents" row publishes the totals
``T_yes``, ``B`` (and ``T_no = B - T_yes``). From the rest of the pack a reader also knows:

- **The survey table of c** (``survey_sex`` ...; not political group, which has none) gives
  ``S(g)``, the respondents of ``g`` (Wales row; Prefer not to say is exempt there, so it is
  published however small), and ``No answer``, those who skipped ``c``. Then ``base(g) <=
  S(g)``, and ``B`` is the survey's respondents less ``No answer`` less those who skipped
  ``o`` (``skip``), so ``sum(S(g) - base(g)) = skip`` is known. When no one skipped ``o``
  (the usual case: the sample has no skipped answer), **every base equals the survey count**:
  a base hidden as a complement, as a table protected on its own could hide it, is given away
  by the survey table, and then the hidden counts beside it. How many of ``g`` skipped ``o``
  is published nowhere (the outcomes are not survey measures), but with ``base(g)`` and
  ``S(g)`` both published it follows by subtraction; it is a count of unanswered questions,
  which says neither the characteristic (``S(g)`` is published) nor the outcome, and is
  published as the tables did before. Conversely a published ``base(g)`` bounds a hidden
  ``S(g)`` from below (exactly, when no one skipped): it would give a hidden survey cell away.
- **The other outcomes by the same characteristic.** Outcomes asked in one question (the
  kinds of abuse) are answered by the same respondents: their tables have the same bases.
  And a respondent reporting online abuse reports abuse: ``yes_online(g) <= yes_any(g)`` and
  ``no_any(g) <= no_online(g)`` for the same ``g``.
- **The same outcome by another characteristic** shares its total row when no one skipped
  either characteristic (the same respondents): ``T_yes`` is one quantity in both tables.
  Nothing published relates the inner cells of two characteristics (no table crosses sex with
  political group), so the tables meet only in their totals.
- **Exempt groups.** The pack-wide pass never primary-suppresses "Prefer not to say" and "Not
  known" (:data:`~diversity_review.categories.NOT_STATED`): their counts say nothing about a
  person's characteristic. That holds for ``S(g)`` and so for ``base(g)``, not for ``yes(g)``
  and ``no(g)``, which say what the few who preferred not to say *experienced*: here no group
  is exempt, and zeros are hidden too (no one, or everyone, of a group reporting an outcome
  is itself a disclosure).

The protection
--------------
1. A characteristic any of whose survey counts is hidden in the Wales row (a small survey)
   has its experience tables published without any count or base: every base would bound a
   hidden survey cell, and the table adds nothing to a reader's knowledge.
2. Otherwise every base is published and treated as known, so suppression never relies on
   hiding one (they are known from the survey table, or, for political group, are counts of
   respondents by party, whose membership is public). Every remaining table is one grid of a
   single :class:`~diversity_review.disclosure.cells.Cells` registry: rows are the groups
   (``yes(g) + no(g) = base(g)``) and the total row (each answer's column adds up to it);
   a cell is keyed by its outcome, answer and the respondents its row counts
   (``members``), so the same quantity in two tables is one cell, and the implications
   between outcomes are subset constraints. Primary (counts under the threshold, zeros
   included) and secondary suppression and the audit are the engine's
   (:func:`~diversity_review.disclosure.engine.decide`), over every experience table at once.
3. A hidden count hides its share, interval and, in its table, every difference (each
   difference is worked out from the other groups' counts); an outcome total under the
   threshold hides every count of the table (:func:`~diversity_review.experience.crosstab.
   publish`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..categories import PREFER_NOT
from ..councils import WALES_CODE
from ..disclosure.cells import Cells
from ..disclosure.engine import Decision, decide, labels
from ..experience.crosstab import TOTAL, publish

__all__ = ["protect_experience", "hidden_characteristics", "ANSWERS", "experience_summary"]

ANSWERS = ("yes", "no")


def hidden_characteristics(survey: Sequence[pd.DataFrame]) -> set[str]:
    """The characteristics whose survey table hides a count of its Wales row (of its one
    council's row, for a survey of one council), after the pack-wide pass."""
    out = set()
    for frame in survey:
        wales = frame["council_code"].astype(str) == WALES_CODE
        rows = frame[wales] if wales.any() else frame
        if rows["count"].isna().any():
            out |= set(rows["measure"].astype(str))
    return out


def _grid(table: pd.DataFrame) -> pd.DataFrame:
    """The table as the registry takes it: a row per group (the total row last) and answer."""
    rows = []
    total = table.loc[table["group"] == TOTAL, "members"].iloc[0]
    for i, row in table.iterrows():
        yes, base = int(row["count"]), int(row["base"])
        code = row["members"]
        if code == total and row["group"] != TOTAL:
            code = f"{code} {row['group']}"  # the only group: its column adds up to the total
        for answer, value in zip(ANSWERS, (yes, base - yes), strict=True):
            rows.append((i, code, answer, value, base))
    grid = pd.DataFrame(rows, columns=["row", "council_code", "group", "count", "base"])
    return grid.astype({"count": "Int64", "base": "Int64"})


def _register(tables: dict[str, pd.DataFrame]) -> tuple[Cells, dict[str, pd.DataFrame]]:
    cells, grids = Cells(), {}
    for name, table in tables.items():
        grid = grids[name] = _grid(table)
        outcome = str(table["outcome"].iloc[0])
        total = str(table.loc[table["group"] == TOTAL, "members"].iloc[0])
        cells.add_table(
            name, grid, lambda block, o=outcome: (o,), by=[], rows=("council_code", total)
        )
    _subsets(cells, tables)
    return cells, grids


def _subsets(cells: Cells, tables: dict[str, pd.DataFrame]) -> None:
    """``yes`` of an outcome within ``yes`` of each outcome it implies; ``no`` the other way."""
    for table in tables.values():
        part = str(table["outcome"].iloc[0])
        for whole in str(table["implies"].iloc[0]).split():
            for members in table["members"].astype(str):
                pairs = (((part, members, "yes"), (whole, members, "yes")),)
                pairs += (((whole, members, "no"), (part, members, "no")),)
                for a, b in pairs:
                    if a in cells.keys and b in cells.keys:
                        cells.subsets.add((cells.keys[a], cells.keys[b]))


def _hidden_rows(decision: Decision, cells: Cells, name: str, grid: pd.DataFrame, size: int):
    label = labels(decision, cells, name, len(grid))
    hidden = pd.Series(label != "").groupby(grid["row"].to_numpy()).any()
    return hidden.reindex(range(size), fill_value=False).to_numpy()


def _flags(table: pd.DataFrame) -> pd.DataFrame:
    """The flags the published columns hide cells by (bases, differences)."""
    area_hidden = table.groupby("area")["suppressed"].transform("any")
    compared = table["group"].ne(TOTAL) & table["group"].ne(PREFER_NOT)
    out = table.assign(
        base_suppressed=table["base"].isna(),
        difference_suppressed=(area_hidden & compared).astype(bool),
    )
    return out.drop(columns=["members", "implies"])


def protect_experience(
    tables: dict[str, pd.DataFrame], blocked: set[str], threshold: int
) -> tuple[dict[str, pd.DataFrame], Decision | None]:
    """The experience ``tables`` (from :func:`~.experience.experience_tables`, by name) as
    published, and the decision over their cells (None when no table has any to decide).
    ``blocked``: the characteristics whose tables publish no count or base."""
    tables = {k: t.reset_index(drop=True) for k, t in tables.items()}
    open_ = {k: t for k, t in tables.items() if str(t["characteristic"].iloc[0]) not in blocked}
    decision = None
    out = {}
    if open_:
        cells, grids = _register(open_)
        decision = decide(cells, threshold=int(threshold), suppress_zero=True)
        for name, table in open_.items():
            hidden = _hidden_rows(decision, cells, name, grids[name], len(table))
            out[name] = publish(table, hidden, np.zeros(len(table), bool), threshold)
    for name, table in tables.items():
        if name not in out:
            everything = np.ones(len(table), bool)
            out[name] = publish(table, everything, everything, threshold)
    return {name: _flags(out[name]) for name in tables}, decision


def experience_summary(tables: dict[str, pd.DataFrame], decision: Decision | None) -> dict:
    """For the manifest: the experience cells (a count per answer and group, distinct over the
    tables) and those hidden, as primary and secondary, per table and in all; and the tables
    published without any count (``withheld``)."""
    d = decision
    rows = []
    for name in tables if d is not None else ():
        ids = {int(g.ids[a]) for g in d.cells.grids if g.table == name for a in g.positions}
        ids.discard(-1)
        if ids:
            at = np.fromiter(ids, int)
            primary, hidden = int(d.primary[at].sum()), int(d.hidden[at].sum())
            rows.append({"table": name, "primary": primary, "secondary": hidden - primary})
    return {
        "totals": {
            "cells": 0 if d is None else len(d.cells),
            "primary": 0 if d is None else int(d.primary.sum()),
            "secondary": 0 if d is None else int((d.hidden & ~d.primary).sum()),
        },
        "tables": rows,
        "withheld": sorted(n for n, t in tables.items() if bool(t["base"].isna().all())),
    }
