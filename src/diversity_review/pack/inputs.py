"""The pack's inputs: every review workbook and survey export loaded, checked together."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import DataError, Problem, RowAccount, row_account

__all__ = ["Loaded", "load_inputs", "check_overlap"]


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
    from ..load.review import load_review
    from ..load.roster import load_roster
    from ..load.roster_counts import roster_counts
    from ..load.survey import load_surveys

    for path in [*reviews, *surveys, *candidates, *rosters]:
        if not Path(path).is_file():
            raise DataError(Problem("file not found", str(path)))
    options = options or {}
    counts = [load_review(p, **options.get("review", {})) for p in reviews]
    members = [load_roster(p, **options.get("roster", {})) for p in rosters]
    accounts = tuple(row_account(f) for f in [*counts, *members])
    counts += [roster_counts(m) for m in members]
    responses = load_surveys(surveys, **options.get("survey", {})) if surveys else None
    if responses is not None:
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
