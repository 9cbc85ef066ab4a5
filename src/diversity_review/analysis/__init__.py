"""Representation analysis: breakdowns, Wilson intervals, comparison with the population, change
between elections, the parity band, who holds the high-influence roles, and who stood and who
was elected.

Pure functions: DataFrames in, DataFrames out. Nothing here reads input files (the only data read
is the package's own Census figures, through :mod:`diversity_review.load.benchmarks`) and
nothing is plotted.

Two kinds of input are accepted wherever a breakdown is made:

- **counts** (the review loader's output): one row per ``election``, council, ``measure`` and
  ``group`` with ``count`` and ``base``;
- **respondents** (the survey loader's output): one row per respondent with one categorical
  column per measure.

The Wales row (``W92000004``, "Wales") is always derived here as the sum of the councils' counts
over the sum of their bases, never as a mean of the councils' shares.

One concern per module: :mod:`.frames` (input kinds, output order), :mod:`.intervals`
(Wilson), :mod:`.breakdown` (counts) and :mod:`.respondents` (survey), :mod:`.population`,
:mod:`.change`, :mod:`.parity`, :mod:`.roles` and :mod:`.elections` (candidates). Everything
public is re-exported here: ``from diversity_review.analysis import breakdown``.
"""

from __future__ import annotations

from .breakdown import breakdown
from .change import change_between
from .elections import (
    SEXES,
    candidates_by_sex,
    success_by_sex,
    unopposed_seats,
    wards_without_women,
)
from .frames import WALES
from .intervals import wilson_interval
from .parity import parity
from .population import compare_with_population
from .respondents import WELSH_SKILLS_MEASURE
from .roles import ROLE_SCOPES, roles_comparison

__all__ = [
    "breakdown",
    "wilson_interval",
    "compare_with_population",
    "change_between",
    "parity",
    "roles_comparison",
    "WELSH_SKILLS_MEASURE",
    "candidates_by_sex",
    "success_by_sex",
    "wards_without_women",
    "unopposed_seats",
    "SEXES",
    "WALES",
    "ROLE_SCOPES",
]
