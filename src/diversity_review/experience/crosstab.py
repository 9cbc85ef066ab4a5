"""Cross-tabulation of an experience outcome by a characteristic, under disclosure control.

``crosstab(respondents, "abuse_online", by="sex")`` counts, within each area (the whole survey,
each council, or each political group), how many respondents of each group of the
characteristic report the outcome, their share with its Wilson interval, and the difference
between the group's share and that of the other groups together (respondents who preferred
not to say are counted but not compared) with Newcombe's hybrid score interval.

Stages: :func:`outcome_flags` (the outcome as True/False/NA per respondent) -> :func:`tally`
(counts and bases per area and group) -> :func:`compare` (shares, intervals, differences,
notes) -> :func:`protect` (suppression in two dimensions: each group's row adds up to its base,
each column to the area's total).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..analysis import wilson_interval
from ..categories import PREFER_NOT
from ..disclosure import suppress_crosstab
from .intervals import excludes_zero, newcombe_interval
from .measures import measure, measure_of

__all__ = [
    "crosstab",
    "tabulate",
    "outcome_flags",
    "tally",
    "compare",
    "protect",
    "publish",
    "TOTAL",
    "WITHIN",
]

#: the group of a table's total row
TOTAL = "All respondents"
#: what ``within=`` may be, and the respondent column giving the area
WITHIN = {"wales": None, "council": "council_code", "group": "political_group"}
NOT_DISTINGUISHABLE = "difference not distinguishable from zero"
SUPPRESSED = "suppressed"


def outcome_flags(respondents: pd.DataFrame, outcome: str, group: str | None = None) -> pd.Series:
    """The outcome per respondent as a nullable boolean: a boolean column as it is, a single
    measure's answer compared with ``group`` (default: the measure's outcome group)."""
    column = respondents[outcome]
    if pd.api.types.is_bool_dtype(column) or str(column.dtype) == "boolean":
        return column.astype("boolean")
    m, _ = measure_of(outcome)
    if m.characteristic:
        raise ValueError(f"{outcome!r} is a characteristic, not an outcome: group by it (by=)")
    target = group or m.outcome
    if target not in measure(m.name).groups:
        raise ValueError(f"{target!r} is not a group of {outcome}: {', '.join(m.groups)}")
    text = column.astype("string")
    return (text == target).astype("boolean").mask(text.isna())


def tally(respondents: pd.DataFrame, flags: pd.Series, by: str, within: str) -> pd.DataFrame:
    """count (outcome True) and base (outcome answered) per area and group, total row last."""
    if within not in WITHIN:
        raise ValueError(f"within must be one of {', '.join(WITHIN)}, not {within!r}")
    area_col = WITHIN[within]
    if area_col is not None and area_col not in respondents.columns:
        raise ValueError(f"within={within!r} needs a {area_col} column in the respondents")
    area = (
        pd.Series("Wales", index=respondents.index)
        if area_col is None
        else respondents[area_col].astype("string")
    )
    group = respondents[by].astype("string")
    keep = flags.notna() & group.notna() & area.notna()
    frame = pd.DataFrame(
        {"area": area[keep], "group": group[keep], "flag": flags[keep].astype(int)}
    )
    order = _group_order(respondents[by], frame["group"])
    rows = []
    for name, part in frame.groupby("area", sort=True):
        counts = part.groupby("group")["flag"].agg(["sum", "size"])
        for g in order:
            if g in counts.index:
                rows.append((name, g, int(counts.at[g, "sum"]), int(counts.at[g, "size"])))
        rows.append((name, TOTAL, int(part["flag"].sum()), len(part)))
    out = pd.DataFrame(rows, columns=["area", "group", "count", "base"])
    return out.astype({"count": "Int64", "base": "Int64"})


def _group_order(column: pd.Series, present: pd.Series) -> list[str]:
    if isinstance(column.dtype, pd.CategoricalDtype):
        return [str(c) for c in column.cat.categories if c in set(present)]
    return sorted(set(present))


def compare(table: pd.DataFrame, confidence: float = 0.95) -> pd.DataFrame:
    """Shares, Wilson intervals and each group's difference from the other groups together."""
    out = table.copy()
    count = out["count"].to_numpy(dtype=float)
    base = out["base"].to_numpy(dtype=float)
    out["share"] = pd.array(np.where(base > 0, count / np.where(base > 0, base, 1), np.nan))
    low, high = wilson_interval(count, base, confidence)
    out["ci_low"], out["ci_high"] = pd.array(low), pd.array(high)
    compared = (out["group"] != TOTAL) & (out["group"] != PREFER_NOT)
    known = out[compared].groupby("area")[["count", "base"]].transform("sum")
    rest_count = (known["count"] - out.loc[compared, "count"]).to_numpy(dtype=float)
    rest_base = (known["base"] - out.loc[compared, "base"]).to_numpy(dtype=float)
    d, d_low, d_high = newcombe_interval(
        count[compared.to_numpy()], base[compared.to_numpy()], rest_count, rest_base, confidence
    )
    for name, values in (("difference", d), ("diff_low", d_low), ("diff_high", d_high)):
        column = np.full(len(out), np.nan)
        column[compared.to_numpy()] = values
        out[name] = pd.array(column, dtype="Float64")
    clear = excludes_zero(out["diff_low"].astype(float), out["diff_high"].astype(float))
    defined = out["difference"].notna().to_numpy()
    out["note"] = np.where(defined & ~clear, NOT_DISTINGUISHABLE, "")
    return out


def protect(table: pd.DataFrame, threshold: int = 5) -> pd.DataFrame:
    """Suppression in two dimensions through the disclosure engine's
    :func:`~diversity_review.disclosure.suppress_crosstab`: per area, outcome (yes, no) x
    group, with the groups' bases and the outcome's totals as margins. Zeros are hidden too
    (everyone, or no one, in a group reporting the outcome is itself a disclosure, and a total
    of 0 would give away every group). A hidden count hides its share and interval; an area
    with any hidden cell publishes no difference (each difference is worked out from the other
    groups' counts)."""
    inner = table[table["group"] != TOTAL]
    totals = table[table["group"] == TOTAL].set_index("area")
    cells = []
    for i, row in inner.iterrows():
        t = totals.loc[row["area"]]
        cells.append((i, row["area"], "yes", row["group"], row["count"], t["count"]))
        no_total = t["base"] - t["count"]
        cells.append((i, row["area"], "no", row["group"], row["base"] - row["count"], no_total))
        cells.append((i, row["area"], "All", row["group"], row["base"], t["base"]))
    grid = pd.DataFrame(cells, columns=["row", "area", "answer", "group", "count", "base"])
    grid = grid.astype({"count": "Int64", "base": "Int64"})
    done = suppress_crosstab(
        grid, row="answer", total="All", threshold=threshold, suppress_zero=True, by=["area"]
    )
    hidden = done.groupby("row")["suppressed"].any().reindex(table.index, fill_value=False)
    base_hidden = done[done["answer"] == "All"].groupby("row")["suppressed"].any()
    return publish(table, hidden, base_hidden.reindex(table.index, fill_value=False), threshold)


def publish(table: pd.DataFrame, hidden, base_hidden, threshold: int = 5) -> pd.DataFrame:
    """``table`` as published when the rows ``hidden`` (bool per row) hide their count and
    the rows ``base_hidden`` their base: a hidden count hides its share and interval, an
    area with any hidden count publishes no difference, and an area whose outcome total (or
    its complement) is below ``threshold`` hides every count."""
    out = table.copy()
    hidden = pd.Series(np.asarray(hidden, dtype=bool), index=out.index)
    # the outcome's own margin is shared by the cross-tabs of every characteristic: a total
    # of 0 (or everyone), or below the threshold, says that of every group of each of them,
    # so such an area hides every count (its bases stay published), whatever the table
    is_total = out["group"] == TOTAL
    small = out[["count"]].join((out["base"] - out["count"]).rename("rest")).min(axis=1)
    small_total = (is_total & (small < threshold)).groupby(out["area"]).transform("any")
    hidden = hidden | small_total.to_numpy()
    out["suppressed"] = hidden.to_numpy()
    out["base"] = out["base"].mask(np.asarray(base_hidden, dtype=bool))
    for column in ("count", "share", "ci_low", "ci_high"):
        out[column] = out[column].mask(out["suppressed"])
    area_hidden = out.groupby("area")["suppressed"].transform("any")
    for column in ("difference", "diff_low", "diff_high"):
        out[column] = out[column].mask(area_hidden)
    out["note"] = out["note"].mask(area_hidden & out["difference"].isna(), "")
    out.loc[out["suppressed"], "note"] = SUPPRESSED
    return out


def tabulate(
    respondents: pd.DataFrame,
    outcome: str,
    by: str,
    *,
    within: str = "wales",
    outcome_group: str | None = None,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """:func:`crosstab` before disclosure control (for a caller that protects it jointly
    with other tables, as the pack does)."""
    flags = outcome_flags(respondents, outcome, outcome_group)
    table = compare(tally(respondents, flags, by, within), confidence)
    table.insert(0, "within", within)
    table.insert(2, "characteristic", by)
    table.insert(3, "outcome", outcome if outcome_group is None else f"{outcome}={outcome_group}")
    return table


def crosstab(
    respondents: pd.DataFrame,
    outcome: str,
    by: str,
    *,
    within: str = "wales",
    outcome_group: str | None = None,
    threshold: int = 5,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """The outcome by a characteristic within each area, protected for publication.

    Parameters
    ----------
    respondents : DataFrame
        One row per respondent: the characteristic column ``by`` (e.g. ``sex``), the outcome
        column (a boolean such as ``abuse_online``, or a single measure such as
        ``stand_again``), and ``council_code`` / ``political_group`` for ``within``.
    outcome : str
        The outcome column; respondents who did not answer it are left out of its base.
    by : str
        The characteristic; respondents who did not answer it are left out.
    within : {"wales", "council", "group"}
        The areas: the whole survey, each council, or each political group (for feedback to
        group leaders).
    outcome_group : str, optional
        For a single measure, the answer counted (default the measure's ``outcome``).
    threshold : int, default 5
        Counts from 1 to ``threshold - 1`` (of the outcome and of its complement) are hidden.

    Returns
    -------
    DataFrame
        One row per area and group (the area's ``All respondents`` row last): ``within``,
        ``area``, ``characteristic``, ``outcome``, ``group``, ``count``, ``base``, ``share``,
        ``ci_low``, ``ci_high``, ``difference`` (the group's share minus the other groups'
        together), ``diff_low``, ``diff_high`` (Newcombe's hybrid score interval), ``note``
        (``"difference not distinguishable from zero"`` where the interval includes 0,
        ``"suppressed"``) and ``suppressed``. Counts and shares hidden by disclosure control
        are NA; the bases are published.

    Examples
    --------
    >>> t = pd.DataFrame({"sex": ["Female"] * 20 + ["Male"] * 20,
    ...                   "abuse_online": [True] * 14 + [False] * 6 + [True] * 6 + [False] * 14})
    >>> crosstab(t, "abuse_online", by="sex")[["group", "count", "base", "share"]].values.tolist()
    [['Female', 14, 20, 0.7], ['Male', 6, 20, 0.3], ['All respondents', 20, 40, 0.5]]
    """
    table = tabulate(
        respondents, outcome, by, within=within, outcome_group=outcome_group, confidence=confidence
    )
    return protect(table, threshold)
