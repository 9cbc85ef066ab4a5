"""What each table of the pack computes, language-free and disclosure-controlled.

A compute function takes the run's :class:`Inputs` and returns the tables it makes as
``(values, frame)`` pairs: ``values`` fill the spec's name and title placeholders (``measure``,
``year``, ``before``), ``frame`` is the table before suppression, which is decided once for
all the tables together (:mod:`.protection`). A function returns nothing
when its inputs do not support the table (no earlier election, no roles, no survey ...), so a
spec never needs a condition of its own. Which functions run, and how their tables are named,
titled, charted and displayed, is declared in :mod:`.specs`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from ..analysis import breakdown, change_between, compare_with_population, roles_comparison
from ..councils import WALES_CODE
from ..disclosure import add_not_given, suppress
from ..load.benchmarks import job_shares
from .config import PackConfig

__all__ = [
    "Computed",
    "Inputs",
    "controlled",
    "councillor_tables",
    "population_table",
    "change_table",
    "roles_table",
    "survey_tables",
    "job_share_table",
]

#: one computed table: the values its name and title are made from, and its frame
Computed = tuple[dict[str, object], pd.DataFrame]


def controlled(frame: pd.DataFrame, config: PackConfig) -> pd.DataFrame:
    """``frame`` after primary and secondary suppression with the pack's settings."""
    return suppress(
        frame,
        threshold=config.threshold,
        suppress_zero=config.suppress_zero,
        exempt_groups=config.exempt_groups,
    )


@dataclass(frozen=True, eq=False)
class Inputs:
    """The loaded inputs of one run and what several tables share (computed once)."""

    counts: pd.DataFrame | None
    respondents: pd.DataFrame | None
    config: PackConfig
    candidates: pd.DataFrame | None = None
    _council_tables: dict[tuple[str, int], pd.DataFrame] = field(
        default_factory=dict, init=False, repr=False
    )

    @property
    def has_counts(self) -> bool:
        return self.counts is not None and not self.counts.empty

    @property
    def has_respondents(self) -> bool:
        return self.respondents is not None and not self.respondents.empty

    @cached_property
    def elections(self) -> list[int]:
        """The review's elections, oldest first (empty without counts)."""
        if not self.has_counts:
            return []
        return sorted(int(e) for e in self.counts["election"].dropna().unique())

    @property
    def latest(self) -> int:
        return self.elections[-1]

    def measures_in(self, election: int) -> set[str]:
        """The measures the review gives for ``election``."""
        return set(self.counts.loc[self.counts["election"] == election, "measure"])

    def council_table(self, measure: str, election: int) -> pd.DataFrame:
        """Councillors by ``measure`` and council at ``election`` (before suppression)."""
        key = (measure, election)
        if key not in self._council_tables:
            rows = self.counts[self.counts["election"] == election]
            self._council_tables[key] = breakdown(rows, measure)
        return self._council_tables[key]

    def review_measures(self) -> list[str]:
        """The configured review measures the latest election gives, in the configured order."""
        if not self.has_counts:
            return []
        present = self.measures_in(self.latest)
        return [m for m in self.config.review_measures if m in present]


def councillor_tables(inputs: Inputs) -> list[Computed]:
    """One table per review measure: councillors by group and council at the latest election."""
    return [
        ({"measure": m, "year": inputs.latest}, inputs.council_table(m, inputs.latest))
        for m in inputs.review_measures()
    ]


def population_table(inputs: Inputs) -> list[Computed]:
    """Wales's councillors against the Census 2021 population, for the population measures."""
    measures = inputs.review_measures()
    compared = [
        compare_with_population(inputs.council_table(m, inputs.latest))
        for m in inputs.config.population_measures
        if m in measures
    ]
    if not compared:
        return []
    frame = pd.concat(compared, ignore_index=True)
    frame = frame[frame["council_code"] == WALES_CODE].reset_index(drop=True)
    return [({"year": inputs.latest}, frame)]


def change_table(inputs: Inputs) -> list[Computed]:
    """Change in women's share since the election before (each election's counts are
    protected as that election's cells; a change is hidden where either share is)."""
    if len(inputs.elections) < 2:
        return []
    before, latest = inputs.elections[-2], inputs.latest
    if "sex" not in inputs.measures_in(latest) or "sex" not in inputs.measures_in(before):
        return []
    change = change_between(inputs.counts, before, latest, measure="sex", group="Female")
    return [({"before": before, "year": latest}, change)]


def roles_table(inputs: Inputs) -> list[Computed]:
    """Women among all councillors, executive members and leaders in Wales (when given)."""
    if not inputs.has_counts or not {"executive_sex", "leader_sex"} & inputs.measures_in(
        inputs.latest
    ):
        return []
    roles = roles_comparison(inputs.counts, election=inputs.latest)
    roles = roles[roles["council_code"] == WALES_CODE].reset_index(drop=True)
    return [({"year": inputs.latest}, roles.assign(election=inputs.latest))]


def survey_tables(inputs: Inputs) -> list[Computed]:
    """One table per survey measure the export holds (respondents by group and council)."""
    if not inputs.has_respondents:
        return []
    respondents = inputs.respondents
    years = sorted(int(y) for y in respondents["survey_year"].dropna().unique())
    label = "-".join(map(str, dict.fromkeys([years[0], years[-1]]))) if years else ""
    # a survey of one council's members says nothing about Wales: publish the council alone
    one_council = respondents["council_code"].dropna().nunique() == 1
    out: list[Computed] = []
    for measure in inputs.config.survey_measures:
        if measure not in respondents.columns:
            continue
        table = breakdown(respondents, measure, include_not_stated=True)
        if one_council:
            table = table[table["council_code"] != WALES_CODE].reset_index(drop=True)
        out.append(({"measure": measure, "year": label}, add_not_given(table)))
    return out


def job_share_table(inputs: Inputs) -> list[Computed]:
    """The shipped reference table of executive portfolios held as job shares (2022)."""
    return [({}, job_shares())]
