"""Disclosure control decided once for every table of a pack: :func:`protect`.

Every table is registered in one :class:`~.cells.Cells` registry, so the same quantity in two
tables is one cell and every sum a reader can form across tables is a constraint. Primary
cells (:mod:`.primary`) are protected by rectangles of complements (:mod:`.hypercube`) until
each hidden cell is certified to keep a width of at least ``min(threshold, its a-priori
width)``; a cell no rectangle certifies is checked by linear programming over its component
(:mod:`.audit`), and reported with a :class:`~diversity_review.errors.DataWarning` if it is
still too narrow.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..analysis.roles import ROLE_SCOPES
from ..categories import NOT_STATED
from ..errors import DataWarning
from .audit import lp_bounds
from .cells import BLOCK_KEYS, Cells
from .hypercube import INF, Search
from .primary import primary_cells

__all__ = [
    "Protected",
    "protect",
    "Decision",
    "decide",
    "mark",
    "labels",
    "check_threshold",
    "PUBLIC_MEASURES",
    "PUBLIC_GROUPS",
    "DERIVED",
]

#: measures whose counts are public facts, published whatever they are: seats won unopposed
#: (election results) and the sex of the councils' leaders (named in every council's records)
PUBLIC_MEASURES = frozenset({"uncontested", "leader_sex"})
#: groups that count public facts whatever the measure: wards where no woman stood (from the
#: published statements of persons nominated)
PUBLIC_GROUPS = frozenset({"No woman standing"})
#: columns blanked with the count they are derived from
DERIVED = ("share", "ci_low", "ci_high", "gap_pp", "ratio", "within_band")
#: the measure a role scope counts (the roles table has a scope and no measure)
SCOPE_MEASURES = {scope: measure for measure, scope in ROLE_SCOPES.items()}
PERIODS = ("election", "survey_year")
#: the largest component of hidden cells the fallback audit solves by linear programming
LP_LIMIT = 400


@dataclass
class Decision:
    """Which cells of a registry are hidden, and why, with the bounds the reader has."""

    cells: Cells
    hidden: np.ndarray
    primary: np.ndarray
    reason: np.ndarray
    low: np.ndarray
    high: np.ndarray
    need: np.ndarray

    def audit(self) -> pd.DataFrame:
        """Each hidden cell's key, value, derived bounds (by linear programming) and need."""
        found = lp_bounds(self.cells, self.hidden, self.low, self.high)
        keys = {i: k for k, i in self.cells.keys.items()}
        rows = [
            (keys[c], self.cells.value[c], lo, hi, hi - lo, self.need[c])
            for c, (lo, hi) in sorted(found.items())
        ]
        return pd.DataFrame(rows, columns=["key", "value", "low", "high", "width", "need"])


def _bounds(cells: Cells, primary: np.ndarray, threshold: int, suppress_zero: bool):
    """The reader's a-priori bounds of each cell, and the same tightened by subset measures."""
    value = np.asarray(cells.value, dtype=float)
    base = np.asarray(cells.base, dtype=float)
    small_base = (base > 0) & (base < threshold)
    low = np.where(suppress_zero | small_base, 0.0, 1.0)
    high = np.where(np.isnan(base), INF, base)
    need = np.clip(np.minimum(threshold, high - low), 0, None)
    low_eff, high_eff = low.copy(), high.copy()
    for part, whole in cells.subsets:
        high_eff[part] = min(high_eff[part], value[whole])
        low_eff[whole] = max(low_eff[whole], value[part])
    usable = ~np.asarray(cells.public, dtype=bool) & ((value > 0) | suppress_zero | primary)
    return low, high, need, low_eff, high_eff, usable


def decide(cells: Cells, *, threshold: int, suppress_zero: bool) -> Decision:
    """Primary and secondary suppression over the whole registry."""
    cells.link_subsets()
    value = np.asarray(cells.value, dtype=float)
    exempt, public = np.asarray(cells.exempt, bool), np.asarray(cells.public, bool)
    base = np.asarray(cells.base, dtype=float)
    primary, reason = primary_cells(
        value, base, exempt, public, threshold=threshold, suppress_zero=suppress_zero
    )
    low, high, need, low_eff, high_eff, usable = _bounds(cells, primary, threshold, suppress_zero)
    hidden = primary.copy()
    decision = Decision(cells, hidden, primary, reason, low, high, need)
    order = np.flatnonzero(primary).tolist()
    cert = None  # a rectangle stays a certificate when bounds widen
    for _ in range(4):
        search = Search(cells, hidden, low_eff, high_eff, need, usable, cert)
        cert = search.cert
        stuck = search.run(order)
        if not stuck:
            return decision
        short = _short(decision, search, stuck)
        if not short:
            return decision
        opened = _open_lines(decision, search, short)
        if not opened:
            break
        low[opened] = low_eff[opened] = 0.0
        usable[opened] = True
        order = np.flatnonzero(hidden).tolist()
    keys = {i: k for k, i in cells.keys.items()}
    names = ", ".join(" ".join(map(str, keys[c][-2:])) for c in sorted(short))
    warnings.warn(
        f"could not keep every suppressed cell as wide as the threshold: {names}",
        DataWarning,
        stacklevel=3,
    )
    return decision


def _short(decision: Decision, search: Search, stuck: list[int]) -> list[int]:
    """Of the cells no rectangles certify, those a reader can narrow too far (by linear
    programming over their components; a component too large to solve is taken as short)."""
    d = decision
    found = lp_bounds(d.cells, d.hidden, d.low, d.high, only=stuck, limit=LP_LIMIT)
    return [c for c, (lo, hi) in found.items() if not hi - lo >= d.need[c]]


def _open_lines(decision: Decision, search: Search, short: list[int]) -> list[int]:
    """Hide the whole row (else the whole column) of each cell in ``short``, zeros included:
    a reader then knows a hidden count there may be 0 (only shown zeros were left to protect
    it). Returns the cells of the opened lines."""
    opened: list[int] = []
    for cid in short:
        for b, r, c in search.places.get(cid, ()):
            grid = decision.cells.grids[b]
            lines = [grid.ids[r]] if grid.row_line[r] else []
            lines += [grid.ids[:, c]] if grid.col_line[c] else []
            for line in lines:
                line = line[line >= 0]
                line = line[np.asarray(decision.cells.base)[line] != 0]  # known to be 0
                if not decision.hidden[line].all():
                    decision.hidden[line] = True
                    opened.extend(line.tolist())
                    break
            else:
                continue
            break
    return opened


def mark(frame: pd.DataFrame, label: np.ndarray) -> pd.DataFrame:
    """``frame`` with the labelled rows' counts (and what derives from them) set to NA."""
    out = frame.copy()
    hide = label != ""
    out["count"] = out["count"].astype("Int64").mask(hide)
    for column in DERIVED:
        if column in out.columns:
            out[column] = out[column].mask(hide)
    before = out["suppressed"].astype(bool) if "suppressed" in out.columns else False
    out["suppressed"] = (before | hide).astype(bool)
    out["suppression"] = pd.array(label, dtype="str")
    return out


def labels(decision: Decision, cells: Cells, name: str, size: int) -> np.ndarray:
    """Per row of table ``name``: "primary", "secondary" or ""."""
    label = np.full(size, "", dtype=object)
    for grid in cells.grids:
        if grid.table != name:
            continue
        for at, position in grid.positions.items():
            cid = grid.ids[at]
            if cid >= 0 and decision.hidden[cid]:
                label[position] = "primary" if decision.primary[cid] else "secondary"
    return label


def pack_identity(block: Mapping[str, object], defaults: Mapping[str, object]) -> tuple:
    """A block's key prefix in a pack: its period and the measure it counts."""
    merged = {**defaults, **{k: v for k, v in block.items() if not _missing(v)}}
    period = next(((p, int(merged[p])) for p in PERIODS if p in merged), ("", None))
    measure = merged.get("measure")
    if measure is None and "scope" in merged:
        measure = SCOPE_MEASURES.get(str(merged["scope"]), merged["scope"])
    return (*period, "" if measure is None else str(measure))


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


@dataclass(frozen=True)
class Protected:
    """The tables after joint suppression, and what was hidden where and why."""

    tables: dict[str, pd.DataFrame]
    summary: pd.DataFrame  # table, cells, primary (small count / small base), secondary
    decision: Decision

    def totals(self) -> dict[str, int]:
        """Distinct cells hidden over the pack (a cell published twice counts once)."""
        d = self.decision
        return {
            "cells": len(d.cells),
            "primary": int(d.primary.sum()),
            "secondary": int((d.hidden & ~d.primary).sum()),
            "small count": int((d.reason == "small count").sum()),
            "small base": int((d.reason == "small base").sum()),
        }

    def audit(self) -> pd.DataFrame:
        return self.decision.audit()


def protect(
    tables: Mapping[str, pd.DataFrame],
    *,
    threshold: int = 5,
    suppress_zero: bool = False,
    exempt_groups: Collection[str] = (),
    public_measures: Collection[str] = PUBLIC_MEASURES,
    public_groups: Collection[str] = PUBLIC_GROUPS,
    identity: Mapping[str, Mapping[str, object]] | None = None,
) -> Protected:
    """Suppress small counts in every table at once, so that no table gives another away.

    Parameters
    ----------
    tables : mapping of name to DataFrame
        Tidy tables (``council_code``, ``group``, ``count`` and normally ``base``; ``election``
        or ``survey_year``, and ``measure`` or a role ``scope``).
    threshold, suppress_zero
        As for :func:`~diversity_review.disclosure.suppress`.
    exempt_groups : collection of str
        Groups never primary-suppressed, besides "Not known" and "Prefer not to say" (always).
    public_measures, public_groups : collection of str
        Measures, and groups, whose counts are public facts: never hidden, known to every
        reader.
    identity : mapping, optional
        Per table, values for key columns the frame lacks (e.g. ``{"roles": {"election":
        2022}}``); a frame's ``attrs["election"]`` is used too.

    Returns
    -------
    Protected
        ``tables``: each frame as :func:`suppress` returns it; ``summary``: per table the cells
        hidden as primary (small count, small base) and secondary.
    """
    check_threshold(threshold)
    cells = Cells()
    exempt = frozenset(exempt_groups) | frozenset(NOT_STATED)
    for name, frame in tables.items():
        frame = frame.reset_index(drop=True)
        defaults = {**frame.attrs, **dict((identity or {}).get(name, {}))}
        keyer: Callable = lambda block, d=defaults: pack_identity(block, d)  # noqa: E731
        by = [k for k in BLOCK_KEYS if k in frame.columns]
        cells.add_table(
            name,
            frame,
            keyer,
            by=by,
            exempt_groups=exempt,
            public_measures=frozenset(public_measures),
            public_groups=frozenset(public_groups),
        )
    decision = decide(cells, threshold=int(threshold), suppress_zero=suppress_zero)
    out, rows = {}, []
    for name, frame in tables.items():
        frame = frame.reset_index(drop=True)
        label = labels(decision, cells, name, len(frame))
        out[name] = mark(frame, label)
        reasons = _reasons(decision, cells, name)
        rows.append(
            (name, int((label == "primary").sum()), *reasons, int((label == "secondary").sum()))
        )
    summary = pd.DataFrame(
        rows, columns=["table", "primary", "small count", "small base", "secondary"]
    )
    return Protected(out, summary, decision)


def _reasons(decision: Decision, cells: Cells, name: str) -> tuple[int, int]:
    ids = {int(g.ids[a]) for g in cells.grids if g.table == name for a in g.positions}
    ids.discard(-1)
    why = [decision.reason[c] for c in ids if decision.primary[c]]
    return why.count("small count"), why.count("small base")


def check_threshold(threshold: int) -> None:
    if int(threshold) != threshold or threshold < 1:
        raise ValueError(f"threshold must be a whole number of at least 1, not {threshold!r}")
