"""Democracy Club's candidacy CSV (one row per candidacy) for the Welsh local elections.

Democracy Club publishes every candidacy with its ballot, ward (``post_label``), party, the
seats the ballot fills, the candidate's gender where known and whether they were elected.
:func:`load_candidates` keeps the candidacies of the Welsh principal councils' ordinary
elections as the **candidates** contract; names, ids and contact details are never read,
and a gender not given stays "Not known": it is never guessed from a name.

Rows the analysis does not use are excluded and accounted for (other councils, by-elections,
cancelled polls, other elections); problems are reported together, each naming its row.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import vocab
from ..categories import NOT_KNOWN
from ..councils import UnknownCouncilError, council_name, resolve_council
from ..errors import DataError, DataWarning, Exclusion, NoTableError, Problem, Reading
from ..text import cell_text, fold, parse_count, parse_year
from .grid import Grid, read_grids
from .roster_words import UNKNOWN, candidate_column, parse_yes_no

__all__ = ["load_candidates", "CANDIDATE_COLUMNS"]

#: the candidates contract, in order
CANDIDATE_COLUMNS = [
    "election",
    "council_code",
    "council",
    "ward",
    "ballot",
    "party",
    "sex",
    "elected",
    "seats_contested",
    "source",
]
_REQUIRED = ("ballot", "ward")
_HEADER_SCAN_ROWS = 30


@dataclass
class _Read(Reading):
    unknown_gender: int = 0


def _find_header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    for r in range(min(_HEADER_SCAN_ROWS, grid.n_rows)):
        columns = {}
        for c, value in enumerate(grid.rows[r]):
            role = candidate_column(value) if value is not None else None
            if role and role != "unused":
                columns.setdefault(role, c)
        if all(k in columns for k in _REQUIRED):
            return r, columns
    return None


def _value(grid: Grid, r: int, columns: Mapping[str, int], key: str) -> object:
    return grid.value(r, columns[key]) if key in columns else None


def _flag(value: object) -> bool:
    answer = parse_yes_no(value)
    return answer is True


def _why_left_out(grid, r, columns, by_elections: bool) -> str | None:
    """Why a candidacy is not one of the elections analysed, or None."""
    ballot = str(_value(grid, r, columns, "ballot") or "")
    election_id = str(_value(grid, r, columns, "election_id") or ballot)
    if not election_id.startswith("local."):
        return "not a local election"
    by_election = _flag(_value(grid, r, columns, "by_election")) or ".by." in ballot
    if by_election and not by_elections:
        return "by-election"
    if _flag(_value(grid, r, columns, "cancelled_poll")):
        return "cancelled poll"
    return None


def _council(grid, r, columns) -> str | None:
    """The council from ``organisation_name``, else from the election id (``local.<slug>.``)."""
    ballot = str(_value(grid, r, columns, "ballot") or "")
    slug = str(_value(grid, r, columns, "election_id") or ballot).split(".")
    for text in (_value(grid, r, columns, "council"), slug[1] if len(slug) > 2 else None):
        if text is None:
            continue
        try:
            return resolve_council(str(text).replace("-", " "))
        except UnknownCouncilError:
            continue
    return None


def _year(grid, r, columns) -> int | None:
    for key in ("election_date", "election_id", "ballot"):
        year = parse_year(cell_text(_value(grid, r, columns, key)))
        if year is not None:
            return year
    return None


def _sex(value: object) -> tuple[str, bool]:
    """The sex a gender cell gives, and whether the cell was understood (blank is)."""
    text = cell_text(value)
    if text is None:
        return NOT_KNOWN, True
    found = vocab.roles("common", "sex").get(fold(text))
    return (found, True) if found else (NOT_KNOWN, False)


def _read_row(grid: Grid, r: int, columns: Mapping[str, int], read: _Read) -> dict | None:
    where = f"{grid.file}!row {r + 1}"
    code = _council(grid, r, columns)
    if code is None:
        named = cell_text(_value(grid, r, columns, "council")) or ""
        read.excluded.append(Exclusion(where, "not a Welsh principal council", named))
        return None
    record = {
        "election": _year(grid, r, columns),
        "council_code": code,
        "ward": cell_text(_value(grid, r, columns, "ward")),
        "ballot": cell_text(_value(grid, r, columns, "ballot")),
        "party": cell_text(_value(grid, r, columns, "party")),
        "person": cell_text(_value(grid, r, columns, "person_id")),
        "source": where,
    }
    record["sex"], understood = _sex(_value(grid, r, columns, "gender"))
    read.unknown_gender += not understood
    checks = [
        (record["election"] is None, "election_date", "no election date", "missing-election"),
        (record["ward"] is None, "ward", "no ward (post_label)", "missing-ward"),
    ]
    seats = parse_count(_value(grid, r, columns, "seats_contested"))
    record["seats_contested"] = seats.value
    checks.append(
        (
            seats.problem is not None,
            "seats_contested",
            "seats_contested is not a whole number",
            "bad-seats",
        )
    )
    elected = parse_yes_no(_value(grid, r, columns, "elected"))
    record["elected"] = None if elected is UNKNOWN else elected
    checks.append((elected is UNKNOWN, "elected", "elected is not true or false", "not-yes-no"))
    for failed, key, message, problem_code in checks:
        if failed:
            read.problems.append(grid.problem(message, r, columns.get(key), code=problem_code))
    return record


def _read_grid(
    grid: Grid, header: int, columns: Mapping[str, int], election, by_elections
) -> _Read:
    read = _Read()
    for r in range(header + 1, grid.n_rows):
        read.rows_read += 1
        where = f"{grid.file}!row {r + 1}"
        if grid.is_blank_row(r):
            read.excluded.append(Exclusion(where, "blank row"))
            continue
        reason = _why_left_out(grid, r, columns, by_elections)
        if reason:
            read.excluded.append(Exclusion(where, reason))
            continue
        record = _read_row(grid, r, columns, read)
        if record is None:
            continue
        if election is not None and record["election"] not in (None, election):
            read.excluded.append(Exclusion(where, "other election"))
            continue
        read.records.append(record)
    return read


def _ballot_problems(frame: pd.DataFrame, name: str) -> list[Problem]:
    """Each ballot fills one number of seats, elects no more than that, lists a person once."""
    problems = []
    for ballot, rows in frame.groupby("ballot", sort=False):
        first = rows["source"].iloc[0].split("!")[-1]
        seats = rows["seats_contested"].dropna().unique()
        if len(seats) > 1:
            problems.append(
                Problem(
                    f"ballot {ballot} gives different seats_contested",
                    name,
                    cell=first,
                    code="seats-differ",
                )
            )
        elif len(seats) and rows["elected"].fillna(False).sum() > seats[0]:
            problems.append(
                Problem(
                    f"ballot {ballot} elects more candidates than its {seats[0]} seats",
                    name,
                    cell=first,
                    code="more-elected-than-seats",
                )
            )
        people = rows["person"].dropna()
        twice = rows.loc[people[people.duplicated()].index, "source"].str.split("!").str[-1]
        said = f"the same person twice on ballot {ballot}"
        problems += [Problem(said, name, cell=c, code="candidate-twice") for c in twice]
    return problems


def _frame(records: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=[*CANDIDATE_COLUMNS, "person"])
    frame["council"] = [council_name(c) for c in frame["council_code"]]
    types = {"election": "Int64", "elected": "boolean", "seats_contested": "Int64"}
    frame = frame.astype({c: types.get(c, "str") for c in frame.columns})
    order = frame.assign(_w=frame["ward"].map(fold))
    order = order.sort_values(["election", "council_code", "_w", "ballot"], kind="stable")
    return frame.loc[order.index].reset_index(drop=True)


def load_candidates(
    path: str | Path, *, election: int | None = None, by_elections: bool = False
) -> pd.DataFrame:
    """Load Democracy Club's candidacy CSV for the Welsh councils' local elections.

    Parameters
    ----------
    path : str or Path
        The CSV (or a workbook holding the same columns): ``ballot_paper_id`` and
        ``post_label`` are needed; ``election_id``, ``election_date``, ``organisation_name``,
        ``party_name``, ``seats_contested``, ``gender``, ``elected``, ``by_election``,
        ``cancelled_poll`` and ``person_id`` are used where present. Other columns (names,
        contact details, photos ...) are never read.
    election : int, optional
        Keep only this election year (others are excluded as "other election").
    by_elections : bool, default False
        Keep by-elections too (by default they are excluded: the analysis is of whole
        councils elected together).

    Returns
    -------
    DataFrame
        :data:`CANDIDATE_COLUMNS`: ``election`` (Int64); ``council_code``, ``council``,
        ``ward``, ``ballot``, ``party`` (str); ``sex`` ("Female", "Male" or "Not known" where
        the gender is not given or is not one of those: never inferred); ``elected``
        (boolean, NA before results); ``seats_contested`` (Int64); ``source``
        (``"file!row 7"``). ``attrs["row_account"]``: rows read = kept + excluded (blank rows,
        other councils, by-elections, cancelled polls, other elections).

    Raises
    ------
    NoTableError
        No header row with ``ballot_paper_id`` and ``post_label``.
    DataError
        Every problem together, each naming its row: no election date or ward, seats or
        results that cannot be read, a ballot with two numbers of seats or more elected than
        seats, a person twice on one ballot.

    Warns
    -----
    DataWarning
        Candidacies whose gender is neither female nor male (counted as "Not known").

    Examples
    --------
    >>> candidates = load_candidates("data/raw/candidates_synthetic.csv")  # doctest: +SKIP
    >>> candidates.groupby("sex")["elected"].mean()  # doctest: +SKIP
    """
    path = Path(path)
    grids = read_grids(path)
    found = [(g, h) for g in grids if (h := _find_header(g)) is not None]
    if not found:
        raise NoTableError(
            [
                g.problem(
                    "no candidacy table: no header row with ballot_paper_id and "
                    "post_label (Democracy Club's columns)",
                    code="no-candidates-table",
                )
                for g in grids
            ]
        )
    reads = [_read_grid(g, row, cols, election, by_elections) for g, (row, cols) in found]
    frame = _frame([r for read in reads for r in read.records])
    problems = [p for read in reads for p in read.problems] + _ballot_problems(frame, path.name)
    if problems:
        raise DataError(problems)
    if unknown := sum(read.unknown_gender for read in reads):
        message = f"{path.name}: {unknown} candidacies give a gender that is neither female "
        message += "nor male; they are counted as Not known"
        warnings.warn(message, DataWarning, stacklevel=2)
    frame = frame.drop(columns="person")
    frame.attrs["row_account"] = Reading.account(path.name, reads, len(frame))
    return frame
