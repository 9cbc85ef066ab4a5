"""Count, base and share of each group of a measure, per council and for Wales: the public
:func:`breakdown`, and its path for review **counts** (the respondents' path is in
:mod:`.respondents`).

The Wales row is the sum of the councils' counts over the sum of their bases, never a mean of
the councils' shares.
"""

from __future__ import annotations

import warnings

import pandas as pd

from ..categories import NOT_STATED, ordered_groups
from ..councils import WALES_CODE
from ..errors import DataWarning
from .frames import WALES, as_strings, is_counts, order_rows
from .intervals import share_of, with_ci
from .respondents import breakdown_respondents

__all__ = ["breakdown", "breakdown_counts"]

COLUMNS = ["council_code", "council", "measure", "group", "count", "base", "share"]


def breakdown(
    data: pd.DataFrame,
    measure: str,
    *,
    by: str | None = "council",
    include_not_stated: bool = False,
    ci: bool | None = None,
    known_only: bool = False,
) -> pd.DataFrame:
    """Count, base and share of each group of a measure, for each council and for Wales.

    Works on review **counts** (a table with a ``measure`` column) and on survey
    **respondents** (a categorical column named ``measure``).

    Parameters
    ----------
    data : DataFrame
        Counts (``election``, ``council_code``, ``council``, ``measure``, ``group``, ``count``,
        ``base``) or respondents (``council_code``, ``survey_year`` and one categorical column
        per measure).
    measure : str
        The measure, e.g. ``"sex"``. For respondents, ``"welsh_skills"`` counts each of the
        four Welsh-skills options (a multi-select question): the group is the option's label
        (``categories.WELSH_SKILLS``) and the base is the respondents who answered the question,
        so the shares do not add up to 1.
    by : {"council", None}
        ``"council"`` gives each council and the Wales row; ``None`` only the Wales row.
    include_not_stated : bool, default False
        Survey data only. By default "Prefer not to say" and unanswered (NA) are left out of
        the base and counted in ``excluded``; ``True`` keeps "Prefer not to say" as a group in
        the base (NA is still excluded).
    ci : bool, optional
        Add Wilson 95% intervals ``ci_low``/``ci_high``. Always added for survey data; for
        counts only when ``True``.
    known_only : bool, default False
        Counts only. By default "Not known" (and "Prefer not to say") are groups like any
        other, with their share of the whole base (normally the seats). ``True`` gives shares
        among members whose characteristic is known: the not-known groups are dropped and their
        count taken off each council's base (a council whose "Not known" count is itself
        missing gets an NA base).

    Returns
    -------
    DataFrame
        Counts: ``election`` (Int64), ``council_code``, ``council``, ``measure``, ``group``
        (str), ``count``, ``base`` (Int64), ``share`` (Float64, a fraction), plus ``ci_low``,
        ``ci_high`` (Float64) when asked. Survey: ``survey_year`` (Int64) when present,
        ``council_code``, ``council``, ``measure``, ``group``, ``count``, ``base``, ``share``,
        ``ci_low``, ``ci_high``, ``excluded`` (Int64: the council's respondents left out of the
        base). Councils in ONS order, Wales last; groups in canonical order.

        The Wales row is the sum of councils' counts over the sum of their bases. A council
        whose count for a group is missing (suppressed at source) is left out of that group's
        Wales count *and* base, with a :class:`DataWarning` naming it. Survey respondents with
        no council are counted in the Wales row only.

    Examples
    --------
    >>> counts = pd.DataFrame({
    ...     "election": pd.array([2022] * 4, dtype="Int64"),
    ...     "council_code": ["W06000001"] * 2 + ["W06000002"] * 2,
    ...     "council": ["Isle of Anglesey"] * 2 + ["Gwynedd"] * 2,
    ...     "measure": "sex", "group": ["Female", "Male"] * 2,
    ...     "count": pd.array([10, 25, 30, 39], dtype="Int64"),
    ...     "base": pd.array([35, 35, 69, 69], dtype="Int64")})
    >>> out = breakdown(counts, "sex")
    >>> out.loc[out["council"] == "Wales", ["group", "count", "base"]].values.tolist()
    [['Female', 40, 104], ['Male', 64, 104]]
    """
    if _counts_options(data, by, include_not_stated, known_only):
        return breakdown_counts(data, measure, by=by, ci=bool(ci), known_only=known_only)
    return breakdown_respondents(data, measure, by=by, include_not_stated=include_not_stated)


def _counts_options(
    data: pd.DataFrame, by: str | None, include_not_stated: bool, known_only: bool
) -> bool:
    """Check the options against the kind of input; True for counts, False for respondents."""
    if by not in ("council", None):
        raise ValueError(f"by must be 'council' or None, not {by!r}")
    if is_counts(data):
        if include_not_stated and known_only:
            raise ValueError("include_not_stated=True and known_only=True contradict each other")
        return True
    if known_only:
        raise ValueError(
            "known_only is for review counts; survey shares already leave 'Prefer not to say' "
            "out of the base (include_not_stated=True puts it back)"
        )
    return False


def breakdown_counts(
    data: pd.DataFrame, measure: str, *, by: str | None, ci: bool, known_only: bool
) -> pd.DataFrame:
    """:func:`breakdown` of review counts (options already checked)."""
    frame, keys = _measure_rows(data, measure)
    if known_only:
        frame = _known_only(frame, [*keys, "council_code"])
    known = frame["count"].notna() & frame["base"].notna()
    if not known.all():
        _warn_missing(frame[~known], measure)
    wales = (
        frame[known]
        .groupby([*keys, "measure", "group"], sort=False)[["count", "base"]]
        .sum()
        .reset_index()
        .assign(council_code=WALES_CODE, council=WALES)
    )
    out = wales if by is None else pd.concat([frame, wales], ignore_index=True)
    out = out.astype({"count": "Int64", "base": "Int64"})
    out = out.assign(share=share_of(out["count"], out["base"]))
    if ci:
        out = with_ci(out)
    columns = [*keys, *COLUMNS, *(["ci_low", "ci_high"] if ci else [])]
    out = as_strings(out[columns], ["council_code", "council", "measure", "group"])
    return order_rows(out, keys, ordered_groups(measure, list(out["group"])))


def _measure_rows(data: pd.DataFrame, measure: str) -> tuple[pd.DataFrame, list[str]]:
    """The measure's rows, typed, one per council and group; and the key columns (election)."""
    rows = data[data["measure"] == measure]
    if rows.empty:
        present = ", ".join(dict.fromkeys(data["measure"].astype(str)))
        raise ValueError(f"no counts for measure {measure!r}; the measures are {present}")
    keys = ["election"] if "election" in data.columns else []
    frame = rows[[*keys, *COLUMNS[:-1]]]
    frame = frame.astype({"count": "Int64", "base": "Int64"})
    if keys:
        frame = frame.astype({"election": "Int64"})
    if frame.duplicated([*keys, "council_code", "group"]).any():
        raise ValueError(f"more than one row per council and group for measure {measure!r}")
    return frame, keys


def _known_only(frame: pd.DataFrame, unit: list[str]) -> pd.DataFrame:
    """Drop the not-known groups and take their count off each unit's base."""
    unstated = frame["group"].isin(NOT_STATED)
    off = (
        frame[unstated]
        .groupby(unit, dropna=False)["count"]
        .sum(skipna=False)
        .rename("_off")
        .reset_index()
    )
    frame = frame[~unstated].merge(off, on=unit, how="left")
    return frame.assign(base=frame["base"] - frame["_off"].fillna(0)).drop(columns="_off")


def _warn_missing(missing: pd.DataFrame, measure: str) -> None:
    """Name the councils (and groups) left out of the Wales row; the warning points at the
    caller of :func:`breakdown`."""
    missing = missing[["council", "group"]].drop_duplicates()
    listed = "; ".join(f"{c} ({g})" for c, g in missing.itertuples(index=False))
    warnings.warn(
        f"{measure}: left out of the Wales count and base where the count is missing: {listed}",
        DataWarning,
        stacklevel=4,
    )
