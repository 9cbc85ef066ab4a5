"""The pack's tables: every spec of :mod:`.specs` computed from the run's inputs.

``pack_tables`` is the notebook's view of exactly what the pack would publish.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from ..disclosure import Protected
from .compute import Inputs
from .config import PackConfig
from .protection import protect_pack
from .specs import SPECS, Setting, TableSpec

__all__ = ["Table", "compute_tables", "protected_tables", "pack_tables"]

#: the settings ``pack_tables`` uses when given none
DEFAULT_CONFIG = PackConfig()


@dataclass(frozen=True, eq=False)
class Table:
    """One computed table: its spec, the values its name and title are made from, its frame."""

    spec: TableSpec
    values: dict[str, object]
    frame: pd.DataFrame

    @property
    def name(self) -> str:
        return self.spec.name.format(**self.values)

    def source(self, config: PackConfig) -> str:
        """The table's source (English), from the config where the spec names a setting."""
        src = self.spec.source
        return getattr(config, src.name) if isinstance(src, Setting) else src


def compute_tables(
    counts: pd.DataFrame | None,
    respondents: pd.DataFrame | None,
    config: PackConfig,
    specs: Sequence[TableSpec] = SPECS,
    *,
    candidates: pd.DataFrame | None = None,
) -> list[Table]:
    """Every table the specs make from these inputs, disclosure-controlled, in spec order."""
    return protected_tables(counts, respondents, config, specs, candidates=candidates)[0]


def protected_tables(
    counts: pd.DataFrame | None,
    respondents: pd.DataFrame | None,
    config: PackConfig,
    specs: Sequence[TableSpec] = SPECS,
    *,
    candidates: pd.DataFrame | None = None,
) -> tuple[list[Table], Protected]:
    """:func:`compute_tables` and what the joint suppression hid, where and why."""
    inputs = Inputs(counts, respondents, config, candidates)
    raw = [Table(spec, values, frame) for spec in specs for values, frame in spec.compute(inputs)]
    return protect_pack(raw, config)


def pack_tables(
    counts: pd.DataFrame | None,
    respondents: pd.DataFrame | None,
    config: PackConfig = DEFAULT_CONFIG,
    *,
    candidates: pd.DataFrame | None = None,
    audit: bool = False,
) -> dict[str, pd.DataFrame]:
    """Every table the pack publishes, after disclosure control, keyed by name.

    Useful in a notebook to see exactly what the pack would publish. Suppressed counts and
    the shares from them are NA with ``suppressed`` True. The ``suppression`` column (which
    cells were primary) is for audit only and is left out unless ``audit=True``: publishing
    it would tell readers more than the disclosure model allows.

    Examples
    --------
    >>> tables = pack_tables(load_review("review.xlsx"), None)  # doctest: +SKIP
    >>> sorted(tables)[:2]  # doctest: +SKIP
    ['change_sex_2017_2022', 'councillors_age_2022']
    """
    computed = compute_tables(counts, respondents, config, candidates=candidates)
    tables = {t.name: t.frame for t in computed}
    if audit:
        return tables
    return {name: f.drop(columns=["suppression"], errors="ignore") for name, f in tables.items()}
