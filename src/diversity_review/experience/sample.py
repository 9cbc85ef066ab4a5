"""Read respondents laid out one canonical column per measure (the synthetic sample's layout).

Characteristic columns (``sex``, ``disability`` ...) and single measures become strings checked
against their groups, option columns nullable booleans from Yes/No. A first line starting
SYNTHETIC is the sample marker. A value that is not an answer is one problem naming the file,
row and column; the value itself is never quoted (it may be typed text).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import DataError, Problem, display_name
from ..load.synthetic import MARK
from .measures import MEASURES, boolean_columns, measure

__all__ = ["read_respondents"]

_BOOLEAN = {"Yes": True, "No": False, "": None}


def _check(frame: pd.DataFrame, column: str, allowed: set[str], name: str, skip: int):
    bad = ~frame[column].isin(allowed)
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0]) + skip + 2
        raise DataError(
            [Problem(f"row {row}, column {column!r}: not one of the expected answers", name)]
        )


def read_respondents(path: str | Path) -> pd.DataFrame:
    """One row per respondent; ``attrs["synthetic"]`` True for the marked sample."""
    path = Path(path)
    name = display_name(path)
    with path.open(encoding="utf-8-sig") as f:
        synthetic = f.readline().startswith(MARK)
    skip = 1 if synthetic else 0
    frame = pd.read_csv(path, skiprows=skip, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    out = frame.copy()
    for column in boolean_columns():
        if column in frame.columns:
            _check(frame, column, set(_BOOLEAN), name, skip)
            out[column] = pd.array([_BOOLEAN[v] for v in frame[column]], dtype="boolean")
    for m in MEASURES:
        if m in frame.columns and measure(m).kind == "single":
            _check(frame, m, {*measure(m).groups, ""}, name, skip)
            out[m] = frame[m].replace("", pd.NA).astype("string")
    out.attrs["synthetic"] = synthetic
    return out
