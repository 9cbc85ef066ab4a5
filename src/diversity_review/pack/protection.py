"""Disclosure control for the whole pack at once (:func:`~diversity_review.disclosure.protect`).

Every table the specs computed is protected in one pass, so a count hidden in one table cannot
be worked out from another (the roles table's Wales counts, the change table's earlier
election, a chart label: they all render from these frames, in every language). The change
table is wide (one count per election); it is protected as two tidy views, one per election,
whose cells are the councillor tables' cells of that election.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..disclosure import Protected, protect
from . import compute
from .config import PackConfig
from .experience_protection import experience_summary, hidden_characteristics, protect_experience

__all__ = ["protect_pack", "summary_record"]

SIDES = ("from", "to")


def _views(name: str, values: dict, frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The tables as :func:`protect` takes them (a change table as one view per election)."""
    if "count_from" not in frame.columns:
        return {name: frame}
    years = {"from": values["before"], "to": values["year"]}
    views = {}
    for side in SIDES:
        view = frame[["council_code", "measure", "group"]].assign(
            count=frame[f"count_{side}"], base=frame[f"base_{side}"], election=years[side]
        )
        views[f"{name}#{side}"] = view
    return views


def _change(frame: pd.DataFrame, protected: Protected, name: str) -> pd.DataFrame:
    """The change table with each election's hidden counts (and the change) blanked."""
    out = frame.copy()
    hidden_any = pd.Series(False, index=out.index)
    for side in SIDES:
        hidden = protected.tables[f"{name}#{side}"]["suppression"].ne("").to_numpy()
        out.loc[hidden, [f"count_{side}", f"share_{side}"]] = pd.NA
        out[f"suppressed_{side}"] = hidden
        hidden_any |= hidden
    out.loc[hidden_any.to_numpy(), "change_pp"] = pd.NA
    out["suppressed"] = hidden_any.to_numpy()
    return out


@dataclass(frozen=True)
class PackProtected(Protected):
    """:class:`Protected` and the experience tables' protection (:mod:`.experience_protection`,
    decided after the pack-wide pass, with what it publishes known)."""

    experience: dict = field(default_factory=dict)


def _experience(tables: list, config: PackConfig) -> tuple[dict[str, pd.DataFrame], dict]:
    """The experience tables of ``tables`` (already protected: the survey tables) as published."""
    frames = {t.name: t.frame for t in tables if "members" in t.frame.columns}
    if not frames:
        return {}, {}
    survey = [t.frame for t in tables if t.spec.compute is compute.survey_tables]
    blocked = hidden_characteristics(survey)
    done, decision = protect_experience(frames, blocked, config.threshold)
    return done, experience_summary(done, decision)


def protect_pack(tables: list, config: PackConfig) -> tuple[list, PackProtected]:
    """``tables`` (the pack's :class:`~.tables.Table` list) with every frame protected: the
    pack-wide pass, then the experience tables knowing what it publishes."""
    from .tables import Table

    views: dict[str, pd.DataFrame] = {}
    for table in tables:
        columns = set(table.frame.columns)
        if "suppressed" in columns:
            continue  # controlled by its own compute function (the candidates tables)
        if {"council_code", "group"} <= columns and columns & {"count", "count_from"}:
            views.update(_views(table.name, table.values, table.frame))
    protected = protect(
        views,
        threshold=config.threshold,
        suppress_zero=config.suppress_zero,
        exempt_groups=config.exempt_groups,
    )
    out = []
    for table in tables:
        frame = table.frame
        if table.name in protected.tables:
            frame = protected.tables[table.name]
        elif "count_from" in frame.columns:
            frame = _change(frame, protected, table.name)
        if table.spec.derive is not None:
            frame = table.spec.derive(frame)  # after protection: it sees only what is published
        out.append(Table(table.spec, table.values, frame))
    experience, record = _experience(out, config)
    out = [Table(t.spec, t.values, experience.get(t.name, t.frame)) for t in out]
    return out, PackProtected(protected.tables, protected.summary, protected.decision, record)


def summary_record(protected: Protected) -> dict[str, object]:
    """For the manifest: distinct cells hidden over the pack, and per table, by reason."""
    rows = protected.summary.to_dict(orient="records")
    return {
        "totals": protected.totals(),
        "tables": [{k: (int(v) if k != "table" else v) for k, v in r.items()} for r in rows],
        "method": "joint over every table: primary small counts and small bases; secondary "
        "by hypercube (least total value hidden), audited by rectangle certificates and "
        "linear programming",
        "experience": getattr(protected, "experience", {}),
    }
