"""Assemble stage: the respondents of every sheet as one table, with the row account and attrs.

Rows with no answer are excluded (a blank row, or only export metadata), each with its reason
and row; the survey year is the one given, else the one in the file name, else the most common
year of the completion-time column; each measure becomes an ordered categorical with the
canonical groups as its categories, in canonical order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ...categories import PREFER_NOT, SURVEY_MEASURES
from ...errors import Exclusion, RowAccount
from . import experience
from .age import AgeBand
from .answers import survey_groups
from .classify import Questionnaire
from .mapping import Answers, Output, outputs_of
from .source import Body
from .welsh import SKILL_COLUMNS

__all__ = [
    "Part",
    "account_rows",
    "year_from_times",
    "categories",
    "answer_columns",
    "assemble",
]


@dataclass(frozen=True)
class Part:
    """One sheet's respondents: its questions, its body, its answers, the rows kept, its year."""

    form: Questionnaire
    body: Body
    answers: Answers
    kept: np.ndarray
    year: int | None
    account: RowAccount

    @property
    def columns(self) -> list[str]:
        """The output columns this sheet fills (beyond id, council and year)."""
        return answer_columns(q.measure for q in self.form.measures)


def account_rows(form: Questionnaire, body: Body, file: str) -> tuple[RowAccount, np.ndarray]:
    """Rows read = kept + excluded (blank, or only export metadata), and the rows kept."""
    located = form.located
    sheet = located.grid.sheet
    excluded = []
    for i in np.flatnonzero(~body.answered).tolist():
        row = located.data_start + i + 1
        where = f"sheet '{sheet}', row {row}" if sheet else f"row {row}"
        reason = "no answers (only export metadata)" if body.filled[i] else "blank row"
        excluded.append(Exclusion(where, reason))
    kept = np.flatnonzero(body.answered)
    return RowAccount(file, body.n_rows, len(kept), tuple(excluded)), kept


def year_from_times(body: Body, kept: np.ndarray) -> int | None:
    """The most common year (the later of a tie) of the time columns, over the rows kept."""
    counts: Counter[int] = Counter()
    for years in body.years:
        found = years[kept]
        values, n = np.unique(found[found > 0], return_counts=True)
        counts.update(dict(zip(values.tolist(), n.tolist(), strict=True)))
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


def categories(measure: str, bands: Sequence[AgeBand]) -> list[str]:
    """The categories of a measure's column, in canonical order."""
    if measure == "age":
        return [b.label for b in bands] + [PREFER_NOT]
    return survey_groups(measure)


def answer_columns(present: Iterable[str]) -> list[str]:
    """The measure columns (with their detail and skill columns) among ``present``, in order."""
    present = set(present)
    out: list[str] = []
    for m in (*SURVEY_MEASURES, *experience.NAMES):
        if m in present or not present.isdisjoint(outputs_of(m)):  # a measure or its columns
            out += outputs_of(m)
    return out


def _taken(parts: Sequence[Part], name: str, lookup_of) -> np.ndarray:
    """One output column over every sheet's kept rows, as codes from ``lookup_of(values)``."""
    pieces = []
    for part in parts:
        output: Output | None = part.answers.outputs.get(name)
        if output is None:
            pieces.append(np.full(len(part.kept), -1, dtype=np.int32))
            continue
        lookup = lookup_of(output.values)
        pieces.append(lookup[output.codes[part.kept]])
    return np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int32)


def _categorical(parts: Sequence[Part], measure: str, bands: Sequence[AgeBand]) -> pd.Categorical:
    cats = categories(measure, bands)
    position = {c: i for i, c in enumerate(cats)}

    def lookup(values: tuple[object, ...]) -> np.ndarray:
        return np.array([*(position.get(v, -1) for v in values), -1], dtype=np.int32)

    return pd.Categorical.from_codes(_taken(parts, measure, lookup), cats, ordered=True)


def _boolean(parts: Sequence[Part], name: str) -> pd.api.extensions.ExtensionArray:
    def lookup(values: tuple[object, ...]) -> np.ndarray:
        return np.array([*({True: 1, False: 0}.get(v, -1) for v in values), -1], dtype=np.int8)

    codes = _taken(parts, name, lookup)
    return pd.arrays.BooleanArray(codes == 1, codes < 0)


def _text(parts: Sequence[Part], name: str, default: str | None = None):
    """A text column; ``default`` where a sheet has no such column or a row no answer."""
    pieces = []
    for part in parts:
        output = part.answers.outputs.get(name)
        if output is None:
            pieces.append(np.full(len(part.kept), default, dtype=object))
        else:
            values = np.array([*output.values, default], dtype=object)
            pieces.append(values[output.codes[part.kept]])
    return pd.array(np.concatenate(pieces) if pieces else [], dtype="str")


def assemble(parts: Sequence[Part], bands: Sequence[AgeBand], council: str | None) -> pd.DataFrame:
    """The respondent table of every sheet's kept rows, with its attrs."""
    present = [c for c in answer_columns(m for p in parts for m in p.columns)]
    n = sum(len(p.kept) for p in parts)
    out: dict[str, object] = {
        "respondent_id": pd.array(range(1, n + 1), dtype="Int64"),
        "council_code": _text(parts, "council_code", council),
        "survey_year": pd.array(
            np.repeat([p.year for p in parts], [len(p.kept) for p in parts]), dtype="Int64"
        ),
    }
    for column in present:
        if column in SURVEY_MEASURES:
            out[column] = _categorical(parts, column, bands)
        elif column in SKILL_COLUMNS or column in experience.boolean_outputs():
            out[column] = _boolean(parts, column)
        elif experience.is_experience(column):  # a single experience measure
            out[column] = _text(parts, column).astype("string")
        else:
            out[column] = _text(parts, column)
    table = pd.DataFrame(out, index=pd.RangeIndex(n))
    accounts = [p.account for p in parts]
    table.attrs["row_account"] = RowAccount.combine(accounts) if len(accounts) > 1 else accounts[0]
    table.attrs["measures"] = [m for m in SURVEY_MEASURES if m in table.columns]
    table.attrs["questions"] = {
        q.measure: q.header for part in reversed(parts) for q in part.form.measures
    }
    dropped: dict[str, str] = {}
    for part in parts:
        for header, reason in part.form.dropped(part.body.unnamed_filled).items():
            dropped.setdefault(header, reason)
    table.attrs["dropped"] = dropped
    return table
