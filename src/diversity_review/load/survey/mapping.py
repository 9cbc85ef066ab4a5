"""Map-answers stage: each distinct answer of a question mapped once, then spread to its rows.

A question's answers arrive as codes into its distinct values (:class:`~.source.Coded`); a
multi-select question laid out one column per option is first turned into the distinct sets of
options ticked. Each distinct answer is mapped once to its outputs (``sex``, or ``ethnicity``
and ``ethnicity_detail``, or ``welsh_language`` and the four skills, or ``council_code``), and
the rows take them by code: the work grows with the number of distinct answers, not of rows.

An answer that cannot be mapped is one problem, at the first cell that holds it, saying how
many other rows hold it too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import numpy as np

from ...categories import PREFER_NOT
from ...councils import resolve_council
from ...errors import DataError
from ...text import fold
from . import experience
from . import vocabulary as V
from .age import AgeBand, map_age
from .answers import OTHER_GROUP, map_answer, prefer_not, yes_means, yes_no
from .classify import Question, Questionnaire
from .ethnicity import ethnicity
from .messages import answer_phrase, other_rows
from .problems import Collector, OutOfRange, UnknownCouncil, Unmapped
from .source import Body
from .welsh import SKILL_COLUMNS, welsh_outputs

__all__ = ["Output", "Answers", "outputs_of", "map_answers"]


@dataclass(frozen=True)
class Output:
    """One output column of a sheet: row ``i`` holds ``values[codes[i]]`` (code -1: NA)."""

    codes: np.ndarray
    values: tuple[object, ...]


@dataclass(frozen=True)
class Answers:
    """The map-answers stage's result for one sheet: every output column, by name."""

    outputs: Mapping[str, Output]


def outputs_of(measure: str) -> tuple[str, ...]:
    """The output columns one measure's question fills."""
    if measure == "council":
        return ("council_code",)
    if measure == "ethnicity":
        return ("ethnicity", "ethnicity_detail")
    if measure == "welsh_language":
        return ("welsh_language", *SKILL_COLUMNS)
    if experience.is_experience(measure):
        return experience.outputs(measure)
    return (measure,)


@dataclass(frozen=True)
class _Distinct:
    """A question's answers: row ``i`` gave ``raws[codes[i]]`` (-1: not answered)."""

    codes: np.ndarray
    raws: tuple[object, ...]
    labels: bool = False  # the answers are option labels of the export's own header


@cache
def _not_answered() -> frozenset[str]:
    return frozenset(V.table("cells")["not_answered"])


def _ticked(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    folded = fold(value)
    return folded not in V.words("answers", "unticked") and yes_no(folded) is not False


def _single(values: tuple[object, ...], codes: np.ndarray) -> _Distinct:
    """One column: "n/a" and "-" are not answers."""
    skip = _not_answered()
    lookup = np.arange(len(values) + 1, dtype=np.int32)
    lookup[-1] = -1
    for i, v in enumerate(values):
        if isinstance(v, str) and v.strip().lower() in skip:
            lookup[i] = -1
    return _Distinct(lookup[codes], values)


def _options(q: Question, body: Body) -> _Distinct:
    """One column per option: each distinct set of options ticked, joined by ";"."""
    present = np.zeros(body.n_rows, dtype=bool)
    key = np.zeros(body.n_rows, dtype=object if len(q.cols) > 62 else np.int64)
    for bit, c in enumerate(q.cols):
        column = body.columns[c]
        ticked = np.array([*map(_ticked, column.values), False])[column.codes]
        present |= column.codes >= 0
        key = key + ticked.astype(key.dtype) * (1 << bit)
    key = np.where(present, key + 1, 0)  # 0: no option column answered at all
    distinct, codes = np.unique(key, return_inverse=True)
    raws: list[object] = []
    for k in distinct.tolist():
        ticked = [lb for bit, lb in enumerate(q.labels) if (k - 1) >> bit & 1] if k else []
        if ticked:
            raws.append(";".join(str(lb) for lb in ticked))
        else:
            raws.append("None of these" if k and q.measure == "welsh_language" else None)
    lookup = np.array([-1 if r is None else i for i, r in enumerate(raws)], dtype=np.int32)
    return _Distinct(lookup[codes.reshape(-1)], tuple(raws), labels=True)


def _distinct(q: Question, body: Body) -> _Distinct:
    if q.labels == (None,):
        column = body.columns[q.col]
        return _single(column.values, column.codes)
    return _options(q, body)


@dataclass(frozen=True)
class _Context:
    form: Questionnaire
    bands: tuple[AgeBand, ...]
    council: str | None
    problems: Collector


_Result = dict[str, object]


def _council(raw: object, ctx: _Context) -> _Result | UnknownCouncil:
    if raw is None or prefer_not(fold(raw)):
        return {"council_code": ctx.council}
    try:
        return {"council_code": resolve_council(raw)}
    except DataError as exc:
        hint = getattr(exc, "suggestions", None)
        return UnknownCouncil(f"; did you mean {' or '.join(map(repr, hint))}?" if hint else "")


def _one(measure: str, raw: object, q: Question, ctx: _Context) -> _Result | Unmapped:
    """The outputs of one distinct answer, or why it cannot be mapped."""
    if measure == "age":
        band = map_age(raw, ctx.bands)
        return band if isinstance(band, Unmapped) else {"age": band}
    if measure == "welsh_language":
        return welsh_outputs(raw)
    if experience.is_experience(measure):
        return experience.map_experience(measure, raw)
    if measure == "ethnicity":
        if prefer_not(fold(raw)):
            return {"ethnicity": PREFER_NOT, "ethnicity_detail": PREFER_NOT}
        found = ethnicity(str(raw))
        if found is None:
            return map_answer("ethnicity", raw)  # the Unmapped saying what was expected
        return {"ethnicity": found[0], "ethnicity_detail": found[1]}
    value = map_answer(measure, raw, yes_means(measure, q.header))
    return value if isinstance(value, Unmapped) else {measure: value}


def _kept(measure: str) -> _Result:
    """What an answer that cannot be mapped becomes with ``strict=False``."""
    group = OTHER_GROUP.get(measure)
    out: _Result = dict.fromkeys(outputs_of(measure))
    if measure in out:
        out[measure] = group
    if measure == "ethnicity":
        out["ethnicity_detail"] = f"{group}: not specified"
    return out


def _message(q: Question, raw: object, where: str, why: Unmapped, labels: bool) -> str:
    if isinstance(why, UnknownCouncil):  # a council name typed: never quoted
        return f"unknown council in {where}{why}"
    phrase = answer_phrase(q.measure, raw, labels=labels)
    return f"{phrase} in {where} is not a recognised {q.measure} answer: {why}"


def _map_distinct(q: Question, answers: _Distinct, ctx: _Context, rows_of: _Rows) -> list[_Result]:
    """The outputs of each distinct answer; one problem for each that cannot be mapped."""
    located = ctx.form.located
    measure = q.measure
    results: list[_Result] = []
    for k, raw in enumerate(answers.raws):
        total = rows_of.count(k)
        if raw is None or not total:  # skipped, or only where another question answered
            results.append(dict.fromkeys(outputs_of(measure)))
            continue
        found = _council(raw, ctx) if measure == "council" else _one(measure, raw, q, ctx)
        if isinstance(found, experience.Unlisted):  # a local group: counted, never quoted
            ctx.problems.unlisted[measure] += total
            ctx.problems.unlisted_answers[measure] += 1
        if isinstance(found, Unmapped):
            lines = [located.data_start + int(r) + 1 for r in rows_of(k)[:4]]
            where = f"{q.where}, row {lines[0]}"
            text = _message(q, raw, where, found, answers.labels) + other_rows(lines, total)
            problem = located.grid.problem(text, lines[0] - 1, q.col, code=found.code)
            forgivable = not isinstance(found, OutOfRange | UnknownCouncil)
            ctx.problems.answer(problem, cells=total, forgivable=forgivable)
            found = _kept(measure)
        results.append(found)
    return results


class _Rows:
    """Which rows hold each distinct answer: counted at once, found only when asked (for a
    problem), so the work stays linear in the rows whatever the number of answers."""

    def __init__(self, codes: np.ndarray, within: np.ndarray | None = None):
        self.codes = codes if within is None else np.where(within, codes, -1)
        self.counts = np.bincount(self.codes[self.codes >= 0])
        self.order: np.ndarray | None = None
        self.sorted = self.codes

    def count(self, k: int) -> int:
        """How many rows hold answer ``k``."""
        return int(self.counts[k]) if k < len(self.counts) else 0

    def __call__(self, k: int) -> np.ndarray:
        """The rows holding answer ``k``, in order."""
        if self.order is None:
            self.order = np.argsort(self.codes, kind="stable")
            self.sorted = self.codes[self.order]
        lo = int(np.searchsorted(self.sorted, k))
        return self.order[lo : lo + self.count(k)]


def _outputs(q: Question, answers: _Distinct, results: list[_Result]) -> dict[str, Output]:
    return {
        name: Output(answers.codes, tuple(r.get(name) for r in results))
        for name in outputs_of(q.measure)
    }


def _with_fallback(q: Question, body: Body, ctx: _Context) -> dict[str, Output]:
    """A question and, where it was skipped, the "no" (or "prefer not") of its fallback."""
    main = _distinct(q, body)
    own = _outputs(q, main, _map_distinct(q, main, ctx, _Rows(main.codes)))
    if q.fallback is None:
        return own
    wider = _distinct(q.fallback, body)
    skipped = main.codes < 0
    results = _map_distinct(q.fallback, wider, ctx, _Rows(wider.codes, skipped))
    no_group = (yes_means(q.measure, q.fallback.header) or ("", ""))[1]
    measure = q.measure
    said = [r if r.get(measure) in (PREFER_NOT, no_group) else {measure: None} for r in results]
    out = {}
    for name, output in own.items():
        offset = len(output.values)
        codes = np.where(skipped & (wider.codes >= 0), wider.codes + offset, output.codes)
        values = output.values + tuple(r.get(name) for r in said)
        out[name] = Output(codes.astype(np.int32), values)
    return out


def map_answers(
    form: Questionnaire,
    body: Body,
    *,
    bands: tuple[AgeBand, ...],
    council: str | None,
    problems: Collector,
) -> Answers:
    """Every measure question of a sheet mapped, each distinct answer once."""
    found = Collector(problems.strict)
    ctx = _Context(form, bands, council, found)
    outputs: dict[str, Output] = {}
    for q in form.measures:
        outputs.update(_with_fallback(q, body, ctx))
    # report in reading order, row by row, as an officer would go through the sheet
    for problem in sorted(found.problems, key=lambda p: _cell_order(p.cell)):
        problems.add(problem)
    problems.kept_as_other += sorted(found.kept_as_other, key=lambda p: _cell_order(p.cell))
    problems.kept_cells += found.kept_cells
    problems.unlisted.update(found.unlisted)
    problems.unlisted_answers.update(found.unlisted_answers)
    return Answers(outputs)


def _cell_order(cell: str | None) -> tuple[int, str]:
    if not cell:
        return (0, "")
    letters = cell.rstrip("0123456789")
    return (int(cell[len(letters) :] or 0), f"{len(letters):02d}{letters}")
