"""Representation analysis: breakdowns, Wilson intervals, comparison with the population, change
between elections, the parity band and who holds the high-influence roles.

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

Modules: :mod:`.intervals` (Wilson intervals, shares), :mod:`.frames` (row order, dtypes),
:mod:`.breakdown`, :mod:`.population` (comparison with Census 2021), :mod:`.change` (between
elections), :mod:`.roles` (parity band, executive and leaders), :mod:`.elections` (candidates
to councillors). Import the public names from here.
"""

from __future__ import annotations

from .breakdown import WELSH_SKILLS_MEASURE, breakdown
from .change import change_between
from .elections import candidates_by_sex, success_by_sex, unopposed_seats, wards_without_women
from .intervals import wilson_interval
from .population import compare_with_population, set_aside_not_known
from .roles import parity, roles_comparison

__all__ = [
    "breakdown",
    "wilson_interval",
    "compare_with_population",
    "set_aside_not_known",
    "change_between",
    "parity",
    "roles_comparison",
    "WELSH_SKILLS_MEASURE",
    "candidates_by_sex",
    "success_by_sex",
    "wards_without_women",
    "unopposed_seats",
]
