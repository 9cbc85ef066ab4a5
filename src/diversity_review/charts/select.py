"""Picking the rows a chart shows out of an analysis table (pure pandas, no drawing): the
year, measure and group, the Wales rows, and each value as a number or its GSS marker."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..categories import MEASURES, NOT_STATED, ordered_groups
from ..councils import WALES_CODE

YEAR_COLUMNS = ("election", "survey_year")


def need(frame: pd.DataFrame, columns: list[str], what: str) -> None:
    """A ValueError naming the missing columns (charts take the analysis tables as they are)."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{what} must be a DataFrame, not {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} lacks the column(s) {', '.join(missing)}")


def year_column(frame: pd.DataFrame) -> str | None:
    return next((c for c in YEAR_COLUMNS if c in frame.columns), None)


def is_survey(frame: pd.DataFrame) -> bool:
    return "survey_year" in frame.columns and "election" not in frame.columns


def pick_year(frame: pd.DataFrame, year: int | None) -> tuple[pd.DataFrame, int | None]:
    """Rows of ``year`` (default: the latest year in the table)."""
    col = year_column(frame)
    if col is None:
        return frame, year
    years = sorted(int(y) for y in frame[col].dropna().unique())
    if year is None:
        if not years:
            return frame, None
        year = years[-1]
    elif year not in years:
        raise ValueError(f"no rows for {col} {year}; the table has {years}")
    return frame[frame[col] == year], year


def pick_measure(frame: pd.DataFrame, measure: str | None, group: str | None) -> str:
    """The measure to chart: as given, else the one holding ``group`` (first in MEASURES
    order, so ``Female`` means ``sex`` rather than ``executive_sex``), else the only one."""
    present = list(dict.fromkeys(frame["measure"].dropna().astype(str)))
    if measure is not None:
        if measure not in present:
            raise ValueError(f"no rows for measure {measure!r}; the table has {present}")
        return measure
    if group is not None:
        holding = [m for m in present if (frame.loc[frame["measure"] == m, "group"] == group).any()]
        if not holding:
            raise ValueError(f"no rows for group {group!r}")
        order = list(MEASURES)
        holding.sort(key=lambda m: order.index(m) if m in order else len(order))
        return holding[0]
    if len(present) != 1:
        raise ValueError(f"the table holds several measures {present}: pass measure=")
    return present[0]


def pick_group(frame: pd.DataFrame, measure: str, group: str | None) -> str:
    """The group to chart: as given, else the measure's focus group."""
    groups = list(dict.fromkeys(frame.loc[frame["measure"] == measure, "group"].astype(str)))
    if group is None:
        focus = MEASURES[measure].focus if measure in MEASURES else None
        if focus in groups:
            return focus
        raise ValueError(f"measure {measure!r} has several groups {groups}: pass group=")
    if group not in groups:
        raise ValueError(f"no rows for group {group!r} of measure {measure!r}")
    return group


def shown_groups(frame: pd.DataFrame, measure: str) -> list[str]:
    """The measure's groups in canonical order, leaving out "Not known"/"Prefer not to say"
    (shown apart by the charts that need them)."""
    present = [g for g in frame["group"].astype(str) if g not in NOT_STATED]
    return ordered_groups(measure, present)


def num(value: object) -> float:
    """A number or NaN (pandas NA included)."""
    if value is None or value is pd.NA:
        return math.nan
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def marker(row: pd.Series, value_column: str = "share") -> str | None:
    """``None`` if ``row[value_column]`` is a number, else its GSS marker: ``[c]`` where the
    row is flagged suppressed, ``[z]`` where the base is zero, ``[x]`` otherwise."""
    if not np.isnan(num(row.get(value_column))):
        return None
    flag = row.get("suppressed")
    if flag is not None and flag is not pd.NA and bool(flag):
        return "[c]"
    if "base" in row.index and num(row["base"]) == 0:
        return "[z]"
    return "[x]"


def wales_row(frame: pd.DataFrame) -> pd.Series | None:
    rows = frame[frame["council_code"] == WALES_CODE]
    return None if rows.empty else rows.iloc[0]


def wales_rows(frame: pd.DataFrame, what: str) -> pd.DataFrame:
    """The Wales rows (all rows of a table without ``council_code``)."""
    if "council_code" not in frame.columns:
        return frame
    rows = frame[frame["council_code"] == WALES_CODE]
    if rows.empty:
        raise ValueError(f"{what} has no Wales ({WALES_CODE}) rows")
    return rows


def one_row_per_group(rows: pd.DataFrame, what: str) -> dict[str, pd.Series]:
    if rows["group"].duplicated().any():
        raise ValueError(f"{what} has more than one row per group")
    return {str(r["group"]): r for _, r in rows.iterrows()}
