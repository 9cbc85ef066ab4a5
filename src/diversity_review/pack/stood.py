"""What the pack computes from candidacies: who stood and who was elected.

Each function takes the run's :class:`~.compute.Inputs` and returns ``(values, frame)``
pairs like the functions of :mod:`.compute`, or nothing when no candidacies were given.

Disclosure: candidates and councillors by sex are suppressed like the review's counts
(``Not known`` exempt from primary suppression: a gender not published says nothing about
anyone). The success table publishes the same cells (elected of each sex, of those who
stood), so it hides exactly what the candidates table hides. Wards with no woman standing
and seats won unopposed count wards and seats, which are public election results: they are
not suppressed.
"""

from __future__ import annotations

import pandas as pd

from ..analysis import (
    candidates_by_sex,
    success_by_sex,
    unopposed_seats,
    wards_without_women,
)
from .compute import Computed, Inputs, controlled

__all__ = ["candidate_tables", "success_table", "wards_table", "unopposed_table"]


def _has_candidates(inputs: Inputs) -> bool:
    return inputs.candidates is not None and not inputs.candidates.empty


def _latest(inputs: Inputs) -> int:
    return int(inputs.candidates["election"].max())


def _stood_and_elected(inputs: Inputs) -> pd.DataFrame:
    """Candidates and councillors by sex per council and Wales (latest election), controlled."""
    latest = inputs.candidates[inputs.candidates["election"] == _latest(inputs)]
    return controlled(candidates_by_sex(latest), inputs.config)


def candidate_tables(inputs: Inputs) -> list[Computed]:
    """Candidates who stood and councillors elected, by sex and council."""
    if not _has_candidates(inputs):
        return []
    return [({"year": _latest(inputs)}, _stood_and_elected(inputs))]


def _hidden(table: pd.DataFrame) -> set[tuple[str, str]]:
    """(council, group) whose Stood or Elected count the candidates table hides."""
    rows = table.loc[table["suppressed"].astype(bool), ["council_code", "group"]]
    return set(map(tuple, rows.to_numpy()))


def success_table(inputs: Inputs) -> list[Computed]:
    """The share of candidates of each sex elected, hidden where its counts are hidden."""
    if not _has_candidates(inputs):
        return []
    latest = inputs.candidates[inputs.candidates["election"] == _latest(inputs)]
    success = success_by_sex(latest).copy()
    hidden = _hidden(_stood_and_elected(inputs))
    keys = zip(success["council_code"], success["group"], strict=True)
    mask = pd.Series([key in hidden for key in keys], index=success.index, dtype=bool)
    success.loc[mask, ["count", "base", "share", "ci_low", "ci_high"]] = pd.NA
    success["suppressed"] = mask
    return [({"year": _latest(inputs)}, success)]


def wards_table(inputs: Inputs) -> list[Computed]:
    """Wards where no woman stood, per council and Wales (public results: not suppressed)."""
    if not _has_candidates(inputs):
        return []
    latest = inputs.candidates[inputs.candidates["election"] == _latest(inputs)]
    return [({"year": _latest(inputs)}, wards_without_women(latest))]


def unopposed_table(inputs: Inputs) -> list[Computed]:
    """Seats won unopposed, per council and Wales (public results: not suppressed)."""
    if not _has_candidates(inputs):
        return []
    latest = inputs.candidates[inputs.candidates["election"] == _latest(inputs)]
    return [({"year": _latest(inputs)}, unopposed_seats(latest))]
