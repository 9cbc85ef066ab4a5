"""The WLGA post-election diversity review (a row per council) as tidy counts.

Real review sheets are typed up by hand, so the loader finds its table by content and reads
it in stages, each passing a frozen result (``contracts``) to the next:

======================  ================  ===================================================
stage                   module            job
======================  ================  ===================================================
read grid               ``load.grid``     bytes -> sheets of cells
locate                  ``locate``        header rows and extent of the table (strategies)
classify                ``classify``      each column's kind, before any row is read
                                          (strategies)
sort rows               ``rows``          council, total, subtotal, footnote, blank, header
elections               ``elections``     each row's election; the tables and rows chosen
resolve councils        ``resolve``       each row's ONS code; a council once per election
parse cells             ``cells``         every count, seats and leader cell, read once
bases                   ``bases``         seats (or the registry's / the sex groups'), cabinet
cross-checks            ``checks``        one function each: totals, percentages, registry
tidy frame              ``tidy``          records -> the counts contract
======================  ================  ===================================================

The words the stages match (header synonyms, group words, total labels ...) are data in
``vocab/review.toml`` (and ``vocab/common.toml``), read by ``vocabulary``. One
``problems.Collector`` threads through a sheet's stages: its problems are raised together as
one :class:`~diversity_review.errors.DataError` at the end of the sheet, else its notes are
warned. ``docs/architecture/review.md`` says where a new layout or header word goes.

Problem codes (``Problem.code``, stable; the messages may be reworded):

==========================  ==========================================================
code                        meaning
==========================  ==========================================================
``bad-option``              ``election=`` or ``columns=`` is not usable
``no-such-sheet``           ``sheet=`` names or numbers a sheet the file does not have
``no-table``                no sheet holds a council table
``no-count-columns``        a council column, but no count column beside it is known
``two-tables-no-year``      two tables of the same councils in one sheet, no year title
                            above either
``not-counts``              the columns under the header hold text (a survey export?)
``no-sheet-for-election``   ``election=`` and no sheet named for it
``no-year``                 a sheet's election is not in its name nor the file's
``year-missing``            a blank cell in the election column
``bad-year``                an election cell that is not a year
``no-such-election``        ``election=`` and no row of it in the election column
``two-columns-same-group``  two columns give one measure's group
``two-columns-same-role``   a second seats, cabinet size, leader or election column
``no-seats-column``         no seats column, and nothing to stand in for the seats
``unknown-council``         a council name or code the registry does not know
``council-mismatch``        a row's name and code columns name different councils
``duplicate-council``       a council twice in one election
``negative-count``          a count below zero
``fractional-count``        a count that is not a whole number
``text-in-count``           text where a count belongs
``not-a-count``             a true/false value where a count belongs
``formula-without-result``  a formula cell with no saved result
``bad-leader``              a leader cell that is not a sex (or Yes / No)
``base-unknown``            no seats column and incomplete sex counts: no base
``seats-missing``           a blank or suppressed seats cell
``exec-over-seats``         a cabinet larger than the council
``count-over-base``         a measure's groups add up to more than its base
``percent-off-count``       a ``12 (34.3%)`` cell whose percent is not its count's share
``unlabelled-values``       a row with values but no council name (not a sum row)
``no-data-rows``            a header with no rows below it
``duplicate-count``         a count given twice across sheets
==========================  ==========================================================

The file reader (``load.grid``, its limits in ``load.limits``), the benchmark loader and the
template writer share this list of codes; theirs are:

==========================  ==========================================================
code                        meaning
==========================  ==========================================================
``file-not-found``          no file at the path
``not-a-file``              the path is a folder, a named pipe, a device or a socket
``cannot-open``             the file exists but cannot be opened (permissions)
``too-large``               over a limit of ``load.limits`` (size, ratio, sheets, rows, line)
``xml-refused``             an XML part declares a DTD or entities
``out-of-memory``           the machine ran out of memory reading it
``empty-file``              0 bytes, or a CSV file with no content
``damaged-file``            a truncated or corrupt workbook
``not-a-workbook``          a zip file that is no Excel or OpenDocument workbook
``wrong-format``            named as a workbook but is text (or something else)
``unsupported-format``      a file kind the reader does not read
``bad-encoding``            text in an encoding not recognised
``bad-csv``                 a CSV file the csv module cannot read
``no-column``               (benchmarks) no population base or area column
``figure-columns``          (benchmarks) not exactly one of percent / population_share
``area-missing``            (benchmarks) a row with no area
``unknown-measure``         (benchmarks) a measure the package does not know
``group-missing``           (benchmarks) a row with no group
``bad-share``               (benchmarks) a share outside 0-100 (or 0-1), or not a number
``bad-count``               (benchmarks) a count that is not a whole number of people
``figure-missing``          (benchmarks) neither a share nor a count
``base-missing``            (benchmarks) a row with no population base
``duplicate-figure``        (benchmarks) an area, measure and group given twice
``several-elections``       (template) ``counts`` of more than one election
``not-counts-frame``        (template) ``counts`` lacks a column of the counts contract
``not-a-council``           (template) ``counts`` names an area that is no council
``file-exists``             (template) a file is already there and overwrite is not set
==========================  ==========================================================

``no-table``, ``no-such-sheet``, ``unknown-council`` and ``bad-option`` serve them too.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ...categories import NOT_KNOWN
from ...errors import DataError, DataWarning, NoTableError, Problem, RowAccount, display_name
from ...hints import COLUMNS as COLUMNS_HINT
from ..grid import Book, Grid, read_book
from ..synthetic import is_synthetic
from .checks import duplicate_counts
from .classify import classify as classify_table
from .contracts import Layout
from .elections import choose_tables, no_such_election, sheet_year
from .locate import Miss
from .locate import locate as locate_tables
from .options import Overrides, column_overrides, election_option
from .sheet import TableResult, load_table
from .tidy import COLUMNS, Records, frame, frame_of

__all__ = ["load_review", "CANONICAL_HEADERS", "COLUMNS"]

#: The loader's canonical one-row layout (what the data-collection template writes): header
#: text and what it holds: "council", "code", "seats", "exec_size", "leader" or (measure, group).
CANONICAL_HEADERS: tuple[tuple[str, str | tuple[str, str]], ...] = (
    ("Council", "council"),
    ("ONS code", "code"),
    ("Seats", "seats"),
    ("Female", ("sex", "Female")),
    ("Male", ("sex", "Male")),
    ("Sex not known", ("sex", NOT_KNOWN)),
    ("White", ("ethnicity", "White")),
    ("Ethnic minority", ("ethnicity", "Ethnic minority")),
    ("Ethnicity not known", ("ethnicity", NOT_KNOWN)),
    ("Under 40", ("age", "Under 40")),
    ("40-59", ("age", "40-59")),
    ("60+", ("age", "60+")),
    ("Age not known", ("age", NOT_KNOWN)),
    ("New", ("tenure", "New")),
    ("Returning", ("tenure", "Returning")),
    ("Councillor status not known", ("tenure", NOT_KNOWN)),
    ("Disabled", ("disability", "Disabled")),
    ("Not disabled", ("disability", "Not disabled")),
    ("Disability not known", ("disability", NOT_KNOWN)),
    ("Welsh speaker", ("welsh_language", "Welsh speaker")),
    ("Not Welsh speaker", ("welsh_language", "Not Welsh speaker")),
    ("Welsh language not known", ("welsh_language", NOT_KNOWN)),
    ("Uncontested seats", ("uncontested", "Uncontested seats")),
    ("Cabinet size", "exec_size"),
    ("Cabinet female", ("executive_sex", "Female")),
    ("Cabinet male", ("executive_sex", "Male")),
    ("Cabinet not known", ("executive_sex", NOT_KNOWN)),
    ("Leader sex", "leader"),
)


def _read(path: Path, sheet: str | int | None, name: str) -> Book:
    """The sheets to read: all, the one named, or the one at a position."""
    book = read_book(path, [sheet] if isinstance(sheet, str) else None)
    grids = book.grids
    if isinstance(sheet, int):
        if not -len(grids) <= sheet < len(grids):
            raise DataError(
                Problem(
                    f"no sheet number {sheet}: there are {len(grids)}", name, code="no-such-sheet"
                )
            )
        return Book([grids[sheet]], book.synthetic)
    return book


def _locate_all(grids: list[Grid], overrides: Overrides) -> list[Layout]:
    """Every table found, classified; no table in any sheet is a NoTableError with each
    sheet's reason."""
    layouts: list[Layout] = []
    reasons: list[Problem] = []
    for grid in grids:
        found = locate_tables(grid, overrides)
        if isinstance(found, Miss):
            reasons.append(grid.problem(found.message, code=found.code))
        else:
            layouts += [classify_table(table, overrides) for table in found]
    if not layouts:
        raise NoTableError(reasons)
    return layouts


def _unused_overrides(overrides: Overrides, results: list[TableResult], name: str) -> None:
    used = set().union(*(res.layout.overrides_used for res in results))
    unused = set(overrides) - used
    if unused:
        warnings.warn(
            f"{name}: {COLUMNS_HINT} names headers not found in the table: "
            + ", ".join(sorted(unused)),
            DataWarning,
            stacklevel=3,
        )


def load_review(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    election: int | None = None,
    columns: Mapping[str, object] | None = None,
) -> pd.DataFrame:
    """Load a WLGA-style post-election review spreadsheet (a row per council) as tidy counts.

    Parameters
    ----------
    path : str or Path
        ``.xlsx``, ``.xlsm``, ``.ods`` or ``.csv`` (the format is told from the bytes).
    sheet : str or int, optional
        Only this sheet (name, or 0-based position). By default every sheet holding a council
        table loads; sheets without one ("Read me", "Notes") are skipped.
    election : int, optional
        The election year. Picks the sheet whose name holds that year (or the only table sheet
        when no sheet name holds a year), and in a table with an election column the rows of
        that election. By default the year comes from the sheet name, else the file name.
        A table may keep several elections in one sheet with an election column ("Election",
        "Year", "Election year", "Blwyddyn", "Etholiad" ...; cells 2022, "May 2022" or a date):
        each row then belongs to its own election, whatever year the sheet or file name holds,
        and every election in the column loads unless ``election`` picks one.
    columns : mapping, optional
        Header text -> ``(measure, group)``, or ``"ignore"``, ``"seats"``, ``"council"``,
        ``"executive_size"``, ``"leader_sex"``, ``"election"``, for headers the built-in
        synonyms miss.

    Returns
    -------
    DataFrame
        Columns ``election`` (Int64), ``council_code``, ``council``, ``measure``, ``group``
        (str), ``count``, ``base`` (Int64), ``suppressed`` (bool), ``source`` (str,
        ``"file.xlsx!Sheet!C7"``); one row per election, council, measure and group, councils
        in ONS code order. ``attrs["row_account"]`` is a
        :class:`~diversity_review.errors.RowAccount` of the rows below each header: rows read =
        rows kept + rows excluded (blank, total, subtotal, footnote, repeated header, other
        election). ``attrs["bounds"]`` maps the source of each suppressed count whose cell
        showed its bound (``<5``: 1 to 4, by GSS shorthand) to ``(low, high)``.

    Notes
    -----
    Besides a row per council, the loader reads councils as columns, long (tidy) tables
    (council or area code, year, characteristic, category, number, in any order), tables
    keyed by ONS codes alone, ``12 (34.3%)`` cells (the count; the percentage checked) and
    several elections in one sheet, side by side or stacked under their year titles.

    Raises
    ------
    NoTableError
        No sheet holds a council table (e.g. a member survey export).
    DataError
        Every problem in a sheet together, each naming file, sheet and cell, with a code (the
        table above): unknown or repeated councils, bad counts, groups over the seats, missing
        seats, no year for a sheet, an ``election`` no sheet or column holds, damaged files.

    Warns
    -----
    DataWarning
        Columns not recognised (listed with their letters), count columns left blank for every
        council (not loaded: no rows of NA for a group nobody filled in; a blank cell in a
        column filled for other councils is still a count of NA), totals or percentages that
        do not match the councils' counts (each election's totals against its own councils),
        2022 seats that differ from the council registry.

    Examples
    --------
    >>> counts = load_review("data/raw/wlga_review_synthetic.xlsx")  # doctest: +SKIP
    >>> counts.query("measure == 'sex' and group == 'Female'")["count"].sum()  # doctest: +SKIP
    """
    path = Path(path)
    name = display_name(path)
    election = election_option(election, name)
    overrides = column_overrides(columns, name)
    layouts = _locate_all((book := _read(path, sheet, name)).grids, overrides)
    results = _load_tables(choose_tables(layouts, election, sheet, name), path, election)
    _check_election(election, results, name)
    _unused_overrides(overrides, results, name)
    return _counts(results, name, synthetic=_synthetic(book, path))


def _synthetic(book: Book, path: Path) -> bool:
    """The sample marker as the reader saw it in the open workbook, else from the file."""
    return is_synthetic(path) if book.synthetic is None else book.synthetic


def _check_election(election: int | None, results: list[TableResult], name: str) -> None:
    """The election asked for is among those the tables gave."""
    if election is not None and not any(election in res.elections for res in results):
        loaded = [(res.layout, res.elections) for res in results]
        raise DataError(no_such_election(election, loaded, name))


def _load_tables(layouts: list[Layout], path: Path, election: int | None) -> list[TableResult]:
    """Each table through the stages; a table's problems are raised (or its notes warned, as
    from ``load_review``'s caller) before the next is read."""
    results = []
    for layout in layouts:
        result, out = load_table(layout, sheet_year(layout.grid, path.stem, election), election)
        out.settle(stacklevel=3)
        results.append(result)
    return results


def _counts(results: list[TableResult], name: str, *, synthetic: bool = False) -> pd.DataFrame:
    """All tables' records as one frame with its row account; a count given twice across
    sheets is an error."""
    counts = frame_of([res.records for res in results])
    if counts is None:  # rows of one council and election in two tables: count by count
        found = Records.concat([res.records.records() for res in results])
        if duplicate_counts(found, name):  # named in key order
            raise DataError(duplicate_counts(found.ordered(), name))
        counts = frame(found)
    accounts = [res.account for res in results if res.account is not None]
    counts.attrs["row_account"] = RowAccount.combine(accounts)
    counts.attrs["synthetic"] = synthetic  # the sample marker (load/synthetic.py)
    return counts
