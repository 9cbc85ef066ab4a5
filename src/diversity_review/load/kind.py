"""What kind of file a sheet is, told from its headers and cells before any loader runs.

Each sheet is scored as a **review** table (a row per council, counts: wide, long, transposed or
keyed by ONS codes), a member **survey** export (a row per respondent: questions, answers in
words, the tool's ID and time columns) or a councillor **roster** (a row per member: name,
ward, party, posts). Each clue adds to one kind's score and says why; the kind with the best
score wins when it leads by a clear margin, else the sheet is ``unknown`` and the reasons of
both leaders are given. A file is the kind of its best sheet ("Read me" sheets are unknown).

The clues read the loaders' own vocabularies (``vocab/review.toml``, ``survey.toml``,
``roster.toml``) and the council registry; nothing here loads a table.

Examples
--------
>>> from diversity_review.load.grid import Grid
>>> rows = [["Council", "Female", "Male"], ["Cardiff", 31, 48], ["Newport", 20, 31],
...         ["Powys", 22, 46]]
>>> sheet_kind(Grid("r.csv", None, rows)).kind
'review'
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..text import parse_count, parse_count_percent
from .grid import Grid, read_grids
from .review.contracts import READ_KINDS, ColumnKind
from .review.shapes import council_named_in
from .review.shapes import council_of as names_council
from .review.shapes import long_role as _long_role
from .review.vocabulary import is_council_header, role_of
from .roster_words import column_role
from .survey.headers import EXPORT_KINDS, Kind, classify_header

__all__ = ["KINDS", "Verdict", "sheet_kind", "file_kind", "is_roster", "names_council"]

#: the kinds a file may be, besides "unknown"
KINDS = ("review", "survey", "roster")
#: how far down a header may be, and how many rows below it are read
_SCAN_ROWS, _SAMPLE_ROWS = 30, 40
#: the score a kind needs, and its lead over the next
_ENOUGH, _MARGIN = 6, 3
#: roster columns no review or survey has (name and characteristics are shared)
_ROSTER_ONLY = frozenset(
    {
        "ward",
        "party",
        "group",
        "member_id",
        "leader",
        "deputy_leader",
        "executive",
        "portfolio",
        "chair_of_council",
        "committee_chair",
        "scrutiny_chair",
        "key_posts",
        "job_share",
        "elected_unopposed",
    }
)


@dataclass(frozen=True)
class Verdict:
    """A sheet's (or a file's) kind, its score per kind and the reasons for it."""

    kind: str
    reasons: tuple[str, ...]
    scores: dict[str, int] = field(default_factory=dict)
    where: str = ""

    def describe(self) -> str:
        """One line: the kind and why (or why it cannot tell)."""
        why = "; ".join(self.reasons) or "nothing any loader reads"
        if self.kind == "unknown":
            return f"cannot tell what kind of file this is ({why})"
        return f"{self.kind}: {why}"


class _Clues:
    """Scores and reasons, kind by kind."""

    def __init__(self) -> None:
        self.scores = dict.fromkeys(KINDS, 0)
        self.reasons: dict[str, list[str]] = {k: [] for k in KINDS}

    def add(self, kind: str, points: int, reason: str) -> None:
        if points > 0:
            self.scores[kind] += points
            self.reasons[kind].append(reason)


def _texts(row: Sequence[object]) -> list[tuple[int, str]]:
    return [(c, v) for c, v in enumerate(row) if isinstance(v, str)]


def _header_row(grid: Grid) -> int:
    """The row (of the first 30) with the most header cells any loader knows."""

    def known(row: Sequence[object]) -> int:
        return sum(
            bool(
                is_council_header(v)
                or getattr(role_of(v), "kind", ColumnKind.UNKNOWN) is not ColumnKind.UNKNOWN
                or _long_role(v) is not None
                or column_role(v) is not None
                or classify_header(v).kind in (Kind.QUESTION, *EXPORT_KINDS)
            )
            for _, v in _texts(row)
        )

    rows = range(min(_SCAN_ROWS, grid.n_rows))
    return max(rows, key=lambda r: (known(grid.rows[r]), -r), default=0)


def _review_header(header: Sequence[object], clues: _Clues) -> None:
    counts = {
        (role.measure, role.group)
        for _, v in _texts(header)
        if (role := role_of(v)) is not None and role.kind in READ_KINDS
    }
    long_roles = {_long_role(v) for _, v in _texts(header)}
    clues.add("review", min(len(counts), 6), f"{len(counts)} count headers (Female, 60+ ...)")
    council = any(
        is_council_header(v) or getattr(role_of(v), "kind", None) is ColumnKind.CODE
        for _, v in _texts(header)
    )
    if council and counts:
        clues.add("review", 3, "a council column beside them")
    if council and long_roles & {"characteristic", "category"} and "number" in long_roles:
        clues.add("review", 7, "council, characteristic and number columns (a long table)")


def _survey_header(header: Sequence[object], clues: _Clues) -> None:
    questions: set[str] = set()
    asked = metadata = 0
    for _, v in _texts(header):
        found = classify_header(v)
        if found.kind is Kind.QUESTION and column_role(v) is None:
            questions.add(found.measure or "")
            asked += "?" in v or len(v.split()) >= 4
        elif found.kind is Kind.METADATA and column_role(v) is None and _long_role(v) is None:
            metadata += 1
    clues.add("survey", 2 * min(asked, 4), f"{asked} questions asked in words")
    clues.add("survey", min(len(questions), 3), f"{len(questions)} survey questions")
    clues.add("survey", 2 * min(metadata, 2), f"{metadata} survey-tool columns (ID, times)")


def _roster_header(header: Sequence[object], clues: _Clues) -> None:
    roles = {column_role(v) for _, v in _texts(header)}
    only = sorted(r for r in roles & _ROSTER_ONLY if r)
    clues.add("roster", 3 * min(len(only), 3), "member columns (" + ", ".join(only) + ")")
    if "name" in roles and only:
        clues.add("roster", 1, "a name column")


def _columns(grid: Grid, rows: range) -> Iterator[list[object]]:
    for c in range(grid.n_cols):
        yield [v for r in rows if (v := grid.value(r, c)) is not None]


def _cells(grid: Grid, h: int, clues: _Clues) -> None:
    """Councils down a column (once each, or repeated), across a row, and numbers or words
    (a long table's characteristic and category columns are words by design: not counted)."""
    rows = range(h + 1, min(grid.n_rows, h + 1 + _SAMPLE_ROWS))
    numbers = words = 0
    labels = {"characteristic", "category"}
    for c, cells in enumerate(_columns(grid, rows)):
        head = grid.value(h, c)
        if isinstance(head, str) and _long_role(head) in labels:
            continue
        codes = [names_council(v) for v in cells]
        named = [x for x in codes if x is not None]
        if len(named) >= 3 and 2 * len(named) > len(cells):
            if len(set(named)) >= 0.8 * len(named):
                clues.add("review", 3, "a column naming a different council in each row")
            else:
                clues.add("roster", 1, "a council column repeated row after row")
                clues.add("survey", 1, "a council column repeated row after row")
            continue
        for v in cells:
            if (
                isinstance(v, int | float)
                or parse_count(v).problem is None
                or parse_count_percent(v) is not None
            ):
                numbers += 1
            elif isinstance(v, str):
                words += 1
    if numbers + words:  # what the cells are backs a kind the header already points to
        share = numbers / (numbers + words)
        backed = {k for k in KINDS if clues.scores[k] > 0}
        if "review" in backed and share >= 0.7:
            clues.add("review", 3, f"{share:.0%} of the other cells numbers")
        for kind in backed & {"survey", "roster"} if share <= 0.5 else ():
            clues.add(kind, 2, f"{1 - share:.0%} of the cells words")


def _groups_down(grid: Grid, h: int, clues: _Clues) -> None:
    """Count groups down a column beside numbers (a council's own table, a committee report)."""
    rows = range(h + 1, min(grid.n_rows, h + 1 + _SAMPLE_ROWS))
    for c in range(grid.n_cols - 1):
        groups = set()
        for r in rows:
            role = role_of(v) if isinstance(v := grid.value(r, c), str) else None
            if (
                role is not None
                and role.kind is ColumnKind.COUNT
                and isinstance(grid.value(r, c + 1), int | float)
            ):
                groups.add((role.measure, role.group))
        if len(groups) >= 3:
            clues.add("review", 4, f"{len(groups)} count groups down column {grid.col_ref(c)}")
            if any(council_named_in(v) for r in range(h) for v in grid.rows[r]):
                clues.add("review", 3, "a council named in the title")
            return


def _across(grid: Grid, clues: _Clues) -> None:
    """Councils across a row: a transposed review table."""
    for r in range(min(_SCAN_ROWS, grid.n_rows)):
        named = {names_council(v) for _, v in _texts(grid.rows[r])} - {None}
        if len(named) >= 3:
            clues.add("review", 7, f"councils across row {r + 1} (a transposed table)")
            return


def sheet_kind(grid: Grid) -> Verdict:
    """The kind one sheet is, from its header row and the cells below it."""
    clues = _Clues()
    h = _header_row(grid)
    header = grid.rows[h] if grid.n_rows else []
    _review_header(header, clues)
    _survey_header(header, clues)
    _roster_header(header, clues)
    _cells(grid, h, clues)
    _across(grid, clues)
    _groups_down(grid, h, clues)
    ranked = sorted(KINDS, key=lambda k: -clues.scores[k])
    best, second = ranked[0], ranked[1]
    where = f"sheet {grid.sheet!r}" if grid.sheet is not None else grid.file
    lead = clues.scores[best] - clues.scores[second]
    if clues.scores[best] >= _ENOUGH and lead >= _MARGIN:
        return Verdict(best, tuple(clues.reasons[best]), clues.scores, where)
    reasons = tuple(
        f"{k} {clues.scores[k]}: " + (", ".join(clues.reasons[k]) or "no clue")
        for k in (best, second)
    )
    return Verdict("unknown", reasons, clues.scores, where)


def is_roster(grid: Grid) -> bool:
    """Is this sheet a councillor roster? (Two member columns in a header row first, the cheap
    test, then the whole score: what the survey loader asks of every sheet.)"""
    rows = range(min(_SCAN_ROWS, grid.n_rows))
    if not any(
        len({column_role(v) for _, v in _texts(grid.rows[r])} & _ROSTER_ONLY) >= 2 for r in rows
    ):
        return False
    return sheet_kind(grid).kind == "roster"


def file_kind(path: str | Path) -> Verdict:
    """The kind of a file: that of its best-scoring sheet (sheets of no kind are passed
    over); unknown when no sheet is of a kind, or sheets of different kinds score within
    the margin of each other."""
    verdicts = [sheet_kind(grid) for grid in read_grids(Path(path))]
    known = [v for v in verdicts if v.kind != "unknown"]
    kinds = {v.kind for v in known}
    if len(kinds) == 1:
        best = max(known, key=lambda v: v.scores[v.kind])
        return Verdict(best.kind, (f"{best.where}: " + "; ".join(best.reasons),), best.scores)
    if len(kinds) > 1:  # a lists or notes sheet beside the table: the clearest sheet decides
        ranked = sorted(known, key=lambda v: -v.scores[v.kind])
        best = ranked[0]
        rival = max(v.scores[v.kind] for v in known if v.kind != best.kind)
        if best.scores[best.kind] - rival >= _MARGIN:
            return Verdict(best.kind, (f"{best.where}: " + "; ".join(best.reasons),), best.scores)
        found = ", ".join(f"{v.where} looks like a {v.kind}" for v in known)
        return Verdict("unknown", (found,))
    best = max(verdicts, key=lambda v: max(v.scores.values(), default=0))
    return Verdict("unknown", tuple(f"{best.where}: {r}" for r in best.reasons), best.scores)
