"""The pack's inputs: every review workbook and survey export loaded, checked together."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import DataError, Problem, RowAccount, display_name, row_account
from ..hints import SURVEY_YEAR

__all__ = ["Loaded", "load_inputs", "check_overlap", "check_one_round"]


@dataclass(frozen=True, eq=False)
class Loaded:
    """The review counts (all files, one frame), the respondents, the candidacies and each
    file's row account."""

    counts: pd.DataFrame | None
    respondents: pd.DataFrame | None
    accounts: tuple[RowAccount, ...]
    candidates: pd.DataFrame | None = None

    @property
    def elections(self) -> tuple[int, ...]:
        if self.counts is None:
            return ()
        return tuple(sorted(int(e) for e in self.counts["election"].unique()))


def load_inputs(
    reviews: Sequence[Path],
    surveys: Sequence[Path],
    candidates: Sequence[Path] = (),
    rosters: Sequence[Path] = (),
    options: Mapping[str, Mapping[str, object]] | None = None,
) -> Loaded:
    """Load every file; a missing file, bad input or a council given twice is a DataError.

    A roster counts as the review of its councils (:func:`roster_counts`). ``options`` are
    each loader's keyword arguments by kind (``{"review": {"columns": ..., "election": ...},
    "survey": {"questions": ...}, "roster": {"election": ...}}``).
    """
    from ..load.candidates import load_candidates
    from ..load.limits import check_regular_file
    from ..load.review import load_review
    from ..load.roster import load_roster
    from ..load.roster_counts import roster_counts
    from ..load.survey import load_surveys

    for path in [*reviews, *surveys, *candidates, *rosters]:
        check_regular_file(Path(path))  # a missing file, folder, FIFO or device, named
    options = options or {}
    counts = [load_review(p, **options.get("review", {})) for p in reviews]
    members = [load_roster(p, **options.get("roster", {})) for p in rosters]
    accounts = tuple(row_account(f) for f in [*counts, *members])
    counts += [roster_counts(m) for m in members]
    responses = load_surveys(surveys, **options.get("survey", {})) if surveys else None
    if responses is not None:
        check_one_round(responses, surveys)
        accounts += (row_account(responses),)
    stood = [load_candidates(p) for p in candidates]
    accounts += tuple(row_account(f) for f in stood)
    all_counts = pd.concat(counts, ignore_index=True) if counts else None
    if all_counts is not None:
        check_overlap(all_counts)
    all_stood = pd.concat(stood, ignore_index=True) if stood else None
    return Loaded(all_counts, responses, accounts, all_stood)


def check_overlap(counts: pd.DataFrame) -> None:
    """The same council and election given twice (e.g. in two workbooks) is an error."""
    key = ["election", "council_code", "measure", "group"]
    dup = counts[counts.duplicated(key, keep=False)]
    if dup.empty:
        return
    first = dup.iloc[0]
    where = sorted(set(dup[(dup[key] == first[key]).all(axis=1)]["source"]))
    raise DataError(
        Problem(
            f"{first['council']} {first['election']} ({first['measure']}: {first['group']}) is "
            f"given more than once: {' and '.join(where)}"
        )
    )


def check_one_round(respondents: pd.DataFrame, surveys: Sequence[Path]) -> None:
    """Survey exports of different years are different rounds: a member may answer both, and
    each round covers its own councils, so a pack of both would count people twice."""
    years = sorted({int(y) for y in respondents["survey_year"].dropna()})
    if len(years) < 2:
        return
    files = ", ".join(display_name(Path(p)) for p in surveys)
    raise DataError(
        Problem(
            f"the survey exports are of different years ({', '.join(map(str, years))}): a pack "
            "reports one survey round, so build one pack per year; if they are one round, "
            f"pass {SURVEY_YEAR}",
            files,
            code="survey-rounds",
        )
    )
