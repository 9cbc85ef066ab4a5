"""``load_surveys``: several exports, each read by ``load_survey``, stacked into one table."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pandas as pd

from ...categories import SURVEY_MEASURES, WELSH_SKILLS, WELSH_SKILLS_MEASURE
from ...errors import DataError, NoTableError, RowAccount
from .age import AgeBand, parse_age_bands
from .assemble import answer_columns, categories
from .pipeline import load_survey

__all__ = ["load_surveys"]


def load_surveys(paths: str | Path | Iterable[str | Path], **kwargs: object) -> pd.DataFrame:
    """Read several member survey exports into one respondent table.

    Each file is read with :func:`load_survey` (the same keyword arguments for every file) and
    the tables are stacked: ``respondent_id`` is a fresh 1..n across all files, a measure one
    file did not ask is NA for its respondents, and each measure stays an ordered categorical
    whose categories are the union of the files' in canonical order.

    Parameters
    ----------
    paths : str, Path or iterable of them
        The exports, in the order their respondents are numbered.
    **kwargs
        Passed to :func:`load_survey` for every file (``questions``, ``survey_year``,
        ``council``, ``strict``, ``age_bands``).

    Returns
    -------
    DataFrame
        The columns of :func:`load_survey`, for every measure any file asked.
        ``attrs["row_account"]`` adds up the files' row accounts
        (:meth:`~diversity_review.errors.RowAccount.combine`; each excluded row's location
        starts with its file name), ``attrs["measures"]`` is the
        union of the measures present, ``attrs["dropped"]`` the union of the columns left out
        (header text -> reason), ``attrs["questions"]`` the header each measure was read
        from in the first file that asked it, and ``attrs["not_asked"]`` the councils whose
        survey did not ask a measure (measure -> council codes: none of the files holding the
        council's respondents had the question), so that their NA reads as "not applicable",
        not as a skipped answer (:func:`~diversity_review.analysis.breakdown`).

    Raises
    ------
    DataError
        The problems of every file together (a file with no survey table among them raises
        :class:`~diversity_review.errors.NoTableError` only when no file has one).
    ValueError
        No paths given.

    Examples
    --------
    >>> table = load_surveys([  # doctest: +SKIP
    ...     "data/raw/member_survey_synthetic.csv",
    ...     "data/raw/member_survey_cymraeg_synthetic.xlsx"])
    >>> len(table), table["respondent_id"].max()  # doctest: +SKIP
    (72, 72)
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    paths = list(paths)
    if not paths:
        raise ValueError("load_surveys needs at least one survey export")
    tables: list[pd.DataFrame] = []
    errors: list[DataError] = []
    for path in paths:
        try:
            tables.append(load_survey(path, **kwargs))  # type: ignore[arg-type]
        except DataError as exc:
            errors.append(exc)
    if errors:
        problems = [p for exc in errors for p in exc.problems]
        if all(isinstance(exc, NoTableError) for exc in errors) and not tables:
            raise NoTableError(problems)
        raise DataError(problems)
    return _stack(tables, parse_age_bands(kwargs.get("age_bands")))


def _stack(tables: list[pd.DataFrame], bands: list[AgeBand]) -> pd.DataFrame:
    """Respondent tables one under the other, every categorical kept categorical."""
    present = {c for t in tables for c in t.columns}
    columns = ["respondent_id", "council_code", "survey_year", *answer_columns(present)]
    dtypes: dict[str, object] = {}
    for column in columns:
        if column in SURVEY_MEASURES:
            found = [t[column].cat.categories for t in tables if column in t.columns]
            canon = categories(column, bands)
            union = [c for c in canon if any(c in cats for cats in found)]
            union += [c for c in dict.fromkeys(c for cats in found for c in cats) if c not in canon]
            dtypes[column] = pd.CategoricalDtype(union, ordered=True)
        else:
            dtypes[column] = next(t[column].dtype for t in tables if column in t.columns)
    aligned = []
    for t in tables:
        parts = {}
        for column in columns:
            if column in t.columns:
                series = t[column]
                if column in SURVEY_MEASURES:
                    series = series.cat.set_categories(dtypes[column].categories, ordered=True)
                parts[column] = series.reset_index(drop=True)
            else:
                parts[column] = pd.Series(pd.NA, index=range(len(t)), dtype=dtypes[column])
        aligned.append(pd.DataFrame(parts))
    table = pd.concat(aligned, ignore_index=True)
    table["respondent_id"] = pd.array(range(1, len(table) + 1), dtype="Int64")
    dropped: dict[str, str] = {}
    questions: dict[str, str] = {}
    for t in tables:
        for header, reason in t.attrs.get("dropped", {}).items():
            dropped.setdefault(header, reason)
        for measure, header in t.attrs.get("questions", {}).items():
            questions.setdefault(measure, header)
    accounts = [t.attrs["row_account"] for t in tables]
    if len(accounts) > 1:  # say which file each excluded row is in
        accounts = [
            replace(
                a,
                excluded=tuple(replace(e, location=f"{a.file}, {e.location}") for e in a.excluded),
            )
            for a in accounts
        ]
    table.attrs = {
        "row_account": RowAccount.combine(accounts),
        "measures": [m for m in SURVEY_MEASURES if m in table.columns],
        "questions": questions,
        "dropped": dropped,
        "not_asked": not_asked(tables),
    }
    return table


def not_asked(tables: list[pd.DataFrame]) -> dict[str, list[str]]:
    """Measure -> the council codes none of whose tables asked it (measures some table asked).

    The Welsh-skills question counts as asked where any of its four columns is present.
    """

    def asks(t: pd.DataFrame, measure: str) -> bool:
        if measure == WELSH_SKILLS_MEASURE:
            return any(c in t.columns for c in WELSH_SKILLS)
        return measure in t.columns

    measures = [*SURVEY_MEASURES, WELSH_SKILLS_MEASURE]
    councils = [set(t["council_code"].dropna().astype(str)) for t in tables]
    out: dict[str, list[str]] = {}
    for measure in measures:
        asking = [asks(t, measure) for t in tables]
        if not any(asking) or all(asking):
            continue
        yes = set().union(*(c for c, a in zip(councils, asking, strict=True) if a))
        no = set().union(*(c for c, a in zip(councils, asking, strict=True) if not a)) - yes
        if no:
            out[measure] = sorted(no)
    return out
