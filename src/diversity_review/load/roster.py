"""A councillor roster (one row per councillor per election) read from xlsx, ods or csv.

The roster is what officers keep: each member's council, ward, party and group, the review's
characteristics (sex, age band, ethnicity, disability, Welsh language, new or returning) and
the posts they hold. It can be started from the council's own records
(:mod:`diversity_review.sources.moderngov`) and completed by officers from what members
tell them; :func:`~diversity_review.load.roster_counts.roster_counts` turns it into the
review's counts.

The loader finds the table by content (the first of the first 30 rows naming a ward column
and two more roster columns, in English or Welsh: ``vocab/roster.toml``), keeps a row
account, and reports every problem in a sheet together, each naming file, sheet and cell.

Names are read because officers need them, but they stay in the roster: no count or table
made from it carries them (:data:`PERSONAL_COLUMNS`). E-mail, address and photo columns are
recognised and never read. Characteristics are never inferred: a blank is "Not known".
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..categories import NOT_KNOWN
from ..councils import UnknownCouncilError, council_name, councils, resolve_council
from ..errors import DataError, DataWarning, Exclusion, NoTableError, Problem, Reading
from ..hints import ELECTION
from ..text import cell_text, fold, parse_year, year_in
from .grid import Grid, cell_ref, read_grids
from .roster_words import (
    CHARACTERISTICS,
    UNKNOWN,
    column_role,
    parse_group,
    parse_yes_no,
    portfolio_key,
    roster_groups,
)

__all__ = [
    "load_roster",
    "roster_frame",
    "derive_job_shares",
    "ROSTER_COLUMNS",
    "CHARACTERISTICS",
    "ROLES",
    "PERSONAL_COLUMNS",
]

#: yes/no roles, in roster order (``portfolio`` and the derived ``job_share`` sit among them)
ROLES = (
    "leader",
    "deputy_leader",
    "executive",
    "chair_of_council",
    "committee_chair",
    "scrutiny_chair",
)
#: columns that identify a person: kept in the roster, never in anything made from it
PERSONAL_COLUMNS = ("name", "member_id")
#: the roster contract, in order
ROSTER_COLUMNS = [
    "election",
    "council_code",
    "council",
    "ward",
    "name",
    "member_id",
    "party",
    "group",
    *CHARACTERISTICS,
    "elected_unopposed",
    "leader",
    "deputy_leader",
    "executive",
    "portfolio",
    "job_share",
    "chair_of_council",
    "committee_chair",
    "scrutiny_chair",
    "key_posts",
    "source",
]
_TEXT = ("ward", "name", "member_id", "party", "group", "portfolio", "key_posts")
_FLAGS = ("elected_unopposed", *ROLES)
_HEADER_SCAN_ROWS = 30


@dataclass
class _Header:
    row: int
    columns: dict[str, int]
    unused: list[tuple[int, str]] = field(default_factory=list)


def _find_header(grid: Grid) -> _Header | None:
    """The first row naming a ward column and at least two other roster columns."""
    for r in range(min(_HEADER_SCAN_ROWS, grid.n_rows)):
        columns: dict[str, int] = {}
        unused: list[tuple[int, str]] = []
        for c, value in enumerate(grid.rows[r]):
            if value is None:
                continue
            role = column_role(value)
            if role is None or role in ("personal", "job_share") or role in columns:
                unused.append((c, str(value)))
            else:
                columns[role] = c
        if "ward" in columns and len(columns) >= 3:
            return _Header(r, columns, unused)
    return None


def _header_problems(grid: Grid, header: _Header) -> list[Problem]:
    problems = []
    for c, text in header.unused:
        if column_role(text) in header.columns and header.columns[column_role(text)] != c:
            problems.append(
                grid.problem(
                    f"a second {text!r} column: each roster column may appear once",
                    header.row,
                    c,
                    code="duplicate-column",
                )
            )
    return problems


def _cell(grid: Grid, r: int, header: _Header, column: str) -> object:
    c = header.columns.get(column)
    return None if c is None else grid.value(r, c)


def _where(grid: Grid, r: int) -> str:
    return "!".join(p for p in (grid.file, grid.sheet, f"row {r + 1}") if p)


def _missing(grid, r, header, column: str, what: str, code: str) -> Problem:
    return grid.problem(
        f"no {what}: fill in the {column} column, or pass "
        + (ELECTION if column == "election" else f"{column}="),
        r,
        header.columns.get(column),
        code=code,
    )


def _read_council(grid, r, header, default, problems) -> str | None:
    value = _cell(grid, r, header, "council")
    if value is None:
        if default is None:
            problems.append(_missing(grid, r, header, "council", "council", "missing-council"))
        return default
    c = header.columns["council"]
    try:
        return resolve_council(value, file=grid.file, sheet=grid.sheet, cell=cell_ref(r, c))
    except UnknownCouncilError as exc:
        problems.extend(exc.problems)
        return None


def _read_election(grid, r, header, default, problems) -> int | None:
    value = _cell(grid, r, header, "election")
    if value is None:
        if default is None:
            what = "election year"
            problems.append(_missing(grid, r, header, "election", what, "missing-election"))
        return default
    year = parse_year(value)
    if year is None:
        c = header.columns["election"]
        problems.append(
            grid.problem("not an election year (write it as 2022)", r, c, code="bad-election")
        )
    return year


def _read_characteristics(grid, r, header, record, problems) -> None:
    for measure in CHARACTERISTICS:
        group = parse_group(measure, _cell(grid, r, header, measure))
        if group is UNKNOWN:
            allowed = ", ".join(roster_groups(measure))
            problems.append(
                grid.problem(
                    f"not one of the {measure.replace('_', ' ')} groups ({allowed}; blank "
                    "where not known)",
                    r,
                    header.columns[measure],
                    code="unknown-group",
                )
            )
            group = None
        record[measure] = group


def _read_flags(grid, r, header, record, problems) -> None:
    for flag in _FLAGS:
        answer = parse_yes_no(_cell(grid, r, header, flag))
        if answer is UNKNOWN:
            problems.append(
                grid.problem(
                    "not yes or no (Yes, No, Ie, Na, or blank)",
                    r,
                    header.columns[flag],
                    code="not-yes-no",
                )
            )
            answer = None
        record[flag] = answer
    if record["portfolio"] and record["executive"] is False:
        problems.append(
            grid.problem(
                "a portfolio for someone marked as not an executive member",
                r,
                header.columns["executive"],
                code="portfolio-not-executive",
            )
        )


def _read_row(grid: Grid, r: int, header: _Header, election, council) -> tuple[dict, list]:
    problems: list[Problem] = []
    record: dict[str, object] = {c: cell_text(_cell(grid, r, header, c)) for c in _TEXT}
    record["election"] = _read_election(grid, r, header, election, problems)
    record["council_code"] = _read_council(grid, r, header, council, problems)
    if record["ward"] is None:
        problems.append(
            grid.problem(
                "no ward: every councillor represents a ward",
                r,
                header.columns["ward"],
                code="missing-ward",
            )
        )
    _read_characteristics(grid, r, header, record, problems)
    _read_flags(grid, r, header, record, problems)
    record["source"] = _where(grid, r)
    return record, problems


def _is_repeated_header(grid: Grid, r: int, header: _Header) -> bool:
    return all(column_role(grid.value(r, c)) == role for role, c in header.columns.items())


def _read_sheet(grid: Grid, header: _Header, election, council) -> Reading:
    sheet = Reading(problems=_header_problems(grid, header))
    for r in range(header.row + 1, grid.n_rows):
        sheet.rows_read += 1
        filled = [v for v in grid.rows[r] if v is not None]
        reason = None
        if not filled:
            reason = "blank row"
        elif _is_repeated_header(grid, r, header):
            reason = "repeated header"
        elif len(filled) == 1 and isinstance(filled[0], str) and grid.value(r, 0) is not None:
            has_ward = _cell(grid, r, header, "ward") is not None
            reason = None if has_ward else "note"
        if reason:
            sheet.excluded.append(Exclusion(_where(grid, r), reason))
            continue
        record, problems = _read_row(grid, r, header, election, council)
        sheet.problems.extend(problems)
        sheet.records.append(record)
    return sheet


def derive_job_shares(roster: pd.DataFrame) -> pd.Series:
    """True for each executive member whose portfolio another member of the same council
    (and election) also holds: a job share.

    Portfolios are compared folded, with any "(job share)" note taken out.
    """
    key = roster["portfolio"].map(portfolio_key)
    executive = roster["executive"].fillna(False).astype(bool) & key.ne("")
    frame = pd.DataFrame(
        {"election": roster["election"], "council": roster["council_code"], "key": key}
    )
    shared = frame[executive].duplicated(["election", "council", "key"], keep=False)
    return shared.reindex(roster.index, fill_value=False).astype(bool)


def _settle_flags(frame: pd.DataFrame) -> pd.DataFrame:
    """Blank role cells of a council that records the role are "no"; a council whose rows
    leave a role blank throughout does not record it (NA).

    The executive is recorded where the executive or the portfolio column has a value, and
    then the leader, deputy leaders and portfolio holders are executive members.
    """
    councils_ = [frame["election"], frame["council_code"]]
    out = frame.copy()
    for flag in _FLAGS:
        recorded = out[flag].notna().groupby(councils_).transform("any")
        if flag == "executive":
            recorded |= out["portfolio"].notna().groupby(councils_).transform("any")
        out[flag] = out[flag].fillna(False).where(recorded, pd.NA)
    holds = out["leader"].fillna(False) | out["deputy_leader"].fillna(False)
    holds |= out["portfolio"].notna()
    out["executive"] = (out["executive"] | holds).where(out["executive"].notna(), pd.NA)
    return out


def roster_frame(records: Iterable[dict]) -> pd.DataFrame:
    """The roster contract from row records (missing columns NA), job shares derived,
    councillors in council, ward and name order.

    Examples
    --------
    >>> frame = roster_frame([{"election": 2022, "council_code": "W06000015", "ward": "A"}])
    >>> frame.loc[0, "council"], frame.loc[0, "sex"], bool(frame.loc[0, "job_share"])
    ('Cardiff', 'Not known', False)
    """
    frame = pd.DataFrame.from_records(list(records))
    frame = frame.reindex(columns=ROSTER_COLUMNS)
    frame["council"] = [council_name(c) if isinstance(c, str) else None for c in frame.council_code]
    types = {"election": "Int64", "council_code": "str", "council": "str", "source": "str"}
    types |= {c: "str" for c in (*_TEXT, *CHARACTERISTICS)}
    types |= {f: "boolean" for f in _FLAGS}
    frame = frame.astype(types)
    frame[list(CHARACTERISTICS)] = frame[list(CHARACTERISTICS)].fillna(NOT_KNOWN)
    frame = _settle_flags(frame)
    frame["job_share"] = derive_job_shares(frame)
    order = frame.assign(_w=frame["ward"].map(fold), _n=frame["name"].map(fold))
    order = order.sort_values(["election", "council_code", "_w", "_n"], kind="stable")
    return frame.loc[order.index].reset_index(drop=True)


def _duplicates(frame: pd.DataFrame, name: str) -> list[Problem]:
    """A named councillor given twice in one ward of one council and election."""
    named = frame[frame["name"].notna()]
    problems = []
    for _, rows in named.groupby(["election", "council_code", "ward", "name"], sort=False):
        first, *others = rows["source"].tolist()
        for other in others:
            problems.append(
                Problem(
                    f"the same councillor twice in one ward (also at {first.split('!')[-1]})",
                    name,
                    cell=other.split("!")[-1],
                    code="member-twice",
                )
            )
    return problems


def _seat_notes(frame: pd.DataFrame) -> list[str]:
    """2022 rosters whose councillors do not match the registry's seats (vacancies?)."""
    seats = councils().set_index("council_code")["seats_2022"]
    sizes = frame[frame["election"] == 2022].groupby("council_code").size()
    return [
        f"{council_name(code)} 2022: {n} councillors in the roster, {int(seats[code])} seats "
        "(a vacancy, or a missing row?)"
        for code, n in sizes.items()
        if n != seats[code]
    ]


def _checked_frame(sheets: list[Reading], name: str) -> pd.DataFrame:
    """The roster of every sheet's rows, once no sheet has a problem and nobody is there twice."""
    if problems := [p for s in sheets for p in s.problems]:
        raise DataError(problems)
    frame = roster_frame(r for s in sheets for r in s.records)
    if problems := _duplicates(frame, name):
        raise DataError(problems)
    return frame


def _tables(grids: list[Grid]) -> tuple[list[tuple[Grid, _Header]], list[Problem]]:
    tables, reasons = [], []
    for grid in grids:
        header = _find_header(grid)
        if header is None:
            reasons.append(
                grid.problem(
                    "no roster table: no header row (in the first 30 rows) with a ward column "
                    "and two more roster columns (Council, Name, Party, Sex ...; Cyngor, Enw, "
                    "Plaid, Rhyw ...)",
                    code="no-roster-table",
                )
            )
        else:
            tables.append((grid, header))
    return tables, reasons


def load_roster(
    path: str | Path,
    *,
    election: int | None = None,
    council: str | None = None,
    sheet: str | None = None,
) -> pd.DataFrame:
    """Load a councillor roster (one row per councillor) from ``.xlsx``, ``.ods`` or ``.csv``.

    Parameters
    ----------
    path : str or Path
        The roster file (the format is told from its bytes).
    election : int, optional
        The election year for rows that do not give one (by default the year in the sheet
        or file name).
    council : str, optional
        The council for rows that do not name one (a roster of one council).
    sheet : str, optional
        Only this sheet; by default every sheet holding a roster table.

    Returns
    -------
    DataFrame
        :data:`ROSTER_COLUMNS`: ``election`` (Int64); ``council_code``, ``council``, ``ward``,
        ``name``, ``member_id``, ``party``, ``group`` (str); one column per characteristic
        (str, a canonical group, "Not known" where blank); ``elected_unopposed`` and the roles
        (boolean: blank is False, NA where the file has no such column; the leader, deputy
        leaders and portfolio holders count as executive members); ``portfolio`` and
        ``key_posts`` (str); ``job_share`` (bool, derived: a portfolio two members hold);
        ``source`` (``"file!sheet!row 7"``). ``attrs["row_account"]`` accounts for every row
        below each header (blank rows, notes and repeated headers excluded).

    Raises
    ------
    NoTableError
        No sheet holds a roster table.
    DataError
        Every problem in the file, each naming file, sheet and cell, with a code: an unknown
        council, a missing ward, council or election, a characteristic that is none of its
        groups (the message does not repeat the cell), a role that is not yes or no, a second
        column of one kind, the same councillor twice in a ward.

    Warns
    -----
    DataWarning
        Columns not recognised or not read (contact details, photos, job share), and 2022
        councils whose number of councillors differs from the registry's seats.

    Examples
    --------
    >>> roster = load_roster("data/raw/councillor_roster_synthetic.xlsx")  # doctest: +SKIP
    >>> roster.groupby("council")["ward"].size().sum()  # doctest: +SKIP
    1234
    """
    path = Path(path)
    name = path.name
    if election is not None and parse_year(election) is None:
        raise DataError(Problem(f"election must be a year, not {election!r}", name))
    code = resolve_council(council, file=name) if council is not None else None
    tables, reasons = _tables(read_grids(path, [sheet] if sheet else None))
    if not tables:
        raise NoTableError(reasons)
    sheets = []
    for grid, header in tables:
        year = parse_year(election) or year_in(grid.sheet) or year_in(path.stem)
        sheets.append(_read_sheet(grid, header, year, code))
        _warn_unused(grid, header)
    frame = _checked_frame(sheets, name)
    for note in _seat_notes(frame):
        warnings.warn(f"{name}: {note}", DataWarning, stacklevel=2)
    frame.attrs["row_account"] = Reading.account(name, sheets, len(frame))
    return frame


def _warn_unused(grid: Grid, header: _Header) -> None:
    where = Problem("", grid.file, grid.sheet).location()
    for c, text in header.unused:
        role = column_role(text)
        why = {
            "personal": "contact details and photos are never read",
            "job_share": "job shares are derived from portfolios",
        }.get(role or "", "not a roster column")
        if role in header.columns:
            continue
        warnings.warn(
            f"{where}: column {cell_ref(header.row, c)} ({text!r}) not read: {why}",
            DataWarning,
            stacklevel=3,
        )
