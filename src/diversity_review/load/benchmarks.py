"""Population benchmarks: the shipped Census 2021 figures and a user's own per-council figures.

Both come out in one tidy shape (one row per area, measure and group):

``area_code`` (ONS code, ``W92000004`` for Wales), ``area`` (official English name),
``measure``, ``group`` (the review's vocabulary where the Census group means the same thing),
``population_share`` (Float64, a fraction), ``count`` (Int64, people, where known),
``population_base`` (the population the share is of, e.g. "usual residents aged 3 and over"),
``source`` and ``note`` (how a figure was derived or renamed; empty when quoted as published).

Also here: :func:`job_shares`, the real list of job-share executive portfolios after 2022.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

from .. import vocab
from ..categories import MEASURES, PREFER_NOT
from ..councils import WALES_CODE, UnknownCouncilError, council_name, resolve_council
from ..errors import DataError, DataWarning, NoTableError, Problem, display_name
from ..text import fold, parse_count, parse_percent
from .grid import Grid, cell_ref, read_grids
from .review.locate import find_headers
from .review.vocabulary import header_key

__all__ = ["population_benchmarks", "load_benchmarks", "job_shares", "COLUMNS"]

COLUMNS = [
    "area_code",
    "area",
    "measure",
    "group",
    "population_share",
    "count",
    "population_base",
    "source",
    "note",
]

#: Census groups renamed to the review's group where they mean the same thing
GROUP_NAMES = {("welsh_language", "Can speak Welsh"): "Welsh speaker"}
#: the Census 5-year age bands, shipped as measure "age_5yr"
AGE_5YR = "age_5yr"
#: share of the 15-19 band taken to be aged 18-19 (2 of its 5 single years, assuming an even
#: spread within the band)
AGE_18_19_OF_15_19 = 2 / 5
ADULT_BASE = "usual residents aged 18 and over (derived from 5-year bands)"
#: derived adult age bands: (first 5-year band, last 5-year band) for each band
ADULT_BANDS = {
    "Under 40": ("15-19", "35-39"),
    "40-59": ("40-44", "55-59"),
    "60+": ("60-64", "90+"),
    "18-29": ("15-19", "25-29"),
    "30-44": ("30-34", "40-44"),
    "45-59": ("45-49", "55-59"),
    "60-74": ("60-64", "70-74"),
    "75+": ("75-79", "90+"),
}
JOB_SHARES_SOURCE = (
    "WLGA additional information to the Senedd Local Government and Housing Committee (2023)"
)


def _package_csv(name: str) -> pd.DataFrame:
    package = __package__.rsplit(".", 1)[0]
    with resources.files(package).joinpath(f"data/{name}").open(encoding="utf-8") as fh:
        return pd.read_csv(fh, dtype=str, keep_default_na=False)


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.reindex(columns=COLUMNS)
    return out.astype(
        {
            "area_code": "str",
            "area": "str",
            "measure": "str",
            "group": "str",
            "population_share": "Float64",
            "count": "Int64",
            "population_base": "str",
            "source": "str",
            "note": "str",
        }
    ).reset_index(drop=True)


def _ethnic_minority(area_code: str, area: str, rows: pd.DataFrame) -> list[dict]:
    """The ethnic minority share of an area: 1 - its White share (none without one)."""
    white = rows[(rows["measure"] == "ethnicity") & (rows["group"] == "White")]
    if not len(white) or pd.isna(white["population_share"].iloc[0]):
        return []
    w = white.iloc[0]
    return [
        dict(
            area_code=area_code,
            area=area,
            measure="ethnicity",
            group="Ethnic minority",
            population_share=round(1 - float(w["population_share"]), 10),
            count=pd.NA,
            population_base=w["population_base"],
            source=w["source"],
            note=(
                "derived: 100% minus the White share "
                f"({100 * float(w['population_share']):.1f}%); all groups other than "
                "White, as the review counts ethnic minority members"
            ),
        )
    ]


def _adult_ages(area_code: str, area: str, rows: pd.DataFrame) -> list[dict]:
    """The review's and the survey's adult age bands, as shares of residents aged 18 and over,
    from the Census 5-year bands (ages 18-19 taken as 2/5 of the 15-19 band)."""
    bands = rows[rows["measure"] == AGE_5YR]
    pct = dict(zip(bands["group"], bands["population_share"].astype(float), strict=True))
    if "15-19" not in pct:
        return []
    order = list(pct)
    weights = {b: 1.0 for b in order}
    weights["15-19"] = AGE_18_19_OF_15_19
    for b in order[: order.index("15-19")]:
        weights[b] = 0.0
    adults = sum(pct[b] * weights[b] for b in order)
    found = []
    for group, (first, last) in ADULT_BANDS.items():
        span = order[order.index(first) : order.index(last) + 1]
        found.append(
            dict(
                area_code=area_code,
                area=area,
                measure="age",
                group=group,
                population_share=sum(pct[b] * weights[b] for b in span) / adults,
                count=pd.NA,
                population_base=ADULT_BASE,
                source=bands["source"].iloc[0],
                note=(
                    f"derived: Census 5-year bands {first} to {last} as a share of residents "
                    "aged 18 and over; ages 18-19 taken as 2/5 of the 15-19 band"
                ),
            )
        )
    return found


def _derived_rows(raw: pd.DataFrame) -> list[dict]:
    """Ethnic minority share and adult age bands, derived from the shipped rows."""
    rows: list[dict] = []
    for area_code, area_rows in raw.groupby("area_code", sort=False):
        area = area_rows["area"].iloc[0]
        rows += _ethnic_minority(str(area_code), area, area_rows)
        rows += _adult_ages(str(area_code), area, area_rows)
    return rows


def _council_counts() -> pd.DataFrame:
    """The councils' own Census 2021 counts (``data/census2021_councils.csv``, as copied from
    their sources), in the review's measures and groups (``data/census2021_groups.csv``):
    each share is the group's count over the council's population base."""
    counts = _package_csv("census2021_councils.csv")
    groups = _package_csv("census2021_groups.csv")
    named = counts.merge(
        groups, left_on=["measure", "group"], right_on=["census_measure", "census_group"]
    )
    share = pd.to_numeric(named["count"]) / pd.to_numeric(named["base_count"])
    renamed = named["census_group"] != named["group_y"]
    return pd.DataFrame(
        {
            "area_code": named["area_code"],
            "area": named["area"],
            "measure": named["measure_y"],
            "group": named["group_y"],
            "population_share": share.astype("Float64"),
            "count": pd.to_numeric(named["count"]).astype("Int64"),
            "population_base": named["population_base"].str.lower(),
            "source": named["source"],
            "note": [
                f"Census group {g!r}" if r else ""
                for g, r in zip(named["census_group"], renamed, strict=True)
            ],
        }
    )


def _published_shares() -> pd.DataFrame:
    """The shipped published percentages (Wales, and Welsh speakers for some councils)."""
    raw = _package_csv("census2021_benchmarks.csv")
    percent = pd.to_numeric(raw["percent"].replace("", pd.NA))
    raw = raw.assign(
        population_share=(percent / 100).astype("Float64"),
        count=pd.to_numeric(raw["count"].replace("", pd.NA)).astype("Int64"),
        population_base=raw["base"],
        note="",
    )
    renamed = [GROUP_NAMES.get((m, g)) for m, g in zip(raw["measure"], raw["group"], strict=True)]
    raw["note"] = [
        f"Census group {g!r}" if new else "" for g, new in zip(raw["group"], renamed, strict=True)
    ]
    raw["group"] = [new or g for g, new in zip(raw["group"], renamed, strict=True)]
    return raw


@cache
def _census() -> pd.DataFrame:
    raw = pd.concat([_published_shares(), _council_counts()], ignore_index=True)
    derived = pd.DataFrame(_derived_rows(raw))
    out = pd.concat([raw, derived], ignore_index=True)
    # Wales first, then councils in ONS order; file order within an area, derived rows after
    measures = {m: i for i, m in enumerate(dict.fromkeys(raw["measure"]))}
    out = out.assign(_wales=out["area_code"] != WALES_CODE, _measure=out["measure"].map(measures))
    out = out.sort_values(["_wales", "area_code", "_measure"], kind="stable")
    return _tidy(out)


def population_benchmarks() -> pd.DataFrame:
    """The shipped Census 2021 population shares for Wales and each council, tidy.

    Wales's published percentages (and some councils' Welsh speakers) from the package's
    ``data/census2021_benchmarks.csv``, and each council's own counts by sex, ethnicity,
    religion, disability (crude) and sexual orientation (aged 16 and over) from
    ``data/census2021_councils.csv``, the share being the count over the council's base;
    every row names its source and population base (see ``data/SOURCES.md``). Groups are
    renamed to the review's vocabulary where they mean the same thing ("Can speak Welsh" ->
    "Welsh speaker"), and three kinds of row are derived, each saying so in ``note``:

    - ethnicity "Ethnic minority" = 1 - the White share (Wales: 6.2%);
    - age "Under 40", "40-59", "60+" (the review's bands) and "18-29" ... "75+" (the survey's)
      as shares of the population aged 18 and over, from the Census 5-year bands; the 15-19
      band is split evenly, 2/5 of it counted as 18-19;
    - nothing else: bases differ between measures (all residents, aged 3+, aged 16+), and
      ``population_base`` says which one each figure uses.

    Returns
    -------
    DataFrame
        ``area_code``, ``area``, ``measure``, ``group``, ``population_base``, ``source``,
        ``note`` (str), ``population_share`` (Float64 fraction), ``count`` (Int64). The shipped
        5-year age bands are kept as measure ``"age_5yr"``.

    Examples
    --------
    >>> bench = population_benchmarks()
    >>> row = bench[(bench["measure"] == "sex") & (bench["group"] == "Female")].iloc[0]
    >>> row["area"], float(row["population_share"])
    ('Wales', 0.511)
    """
    return _census().copy()


# --------------------------------------------------------------------------------------------
# a user's own figures
# --------------------------------------------------------------------------------------------

_KNOWN_MEASURES = [*MEASURES, AGE_5YR]
#: the header words of a user's figures (``vocab/benchmarks.toml``)
_VOCAB = "benchmarks"


@cache
def _fields() -> dict[str, str]:
    """Header key -> the field its column holds."""
    return {header_key(w): f for w, f in vocab.roles(_VOCAB, "columns").items()}


def _field_of(value: object) -> str | None:
    return _fields().get(header_key(value))


@cache
def _wales_names() -> frozenset[str]:
    """Wales in English, in Welsh, and its code, folded."""
    names = (council_name(WALES_CODE, "en"), council_name(WALES_CODE, "cy"), WALES_CODE)
    return frozenset(fold(n) for n in names)


@dataclass(frozen=True)
class _Header:
    """Where a sheet's header row is and the column of each field it names."""

    row: int
    cols: Mapping[str, int]

    @property
    def share_field(self) -> str:
        return "percent" if "percent" in self.cols else "population_share"


def _find_header(grid: Grid) -> _Header | None:
    """The first row (of 20) naming a ``measure`` and a ``group`` column."""
    for r, found in find_headers(grid, _field_of, scan=20):
        if {"measure", "group"} <= set(found):
            return _Header(r, found)
    return None


def _header_problems(grid: Grid, head: _Header) -> list[Problem]:
    """The columns a header must have: a base, an area, and exactly one figure column."""
    problems = []
    if "population_base" not in head.cols:
        problems.append(
            grid.problem("no 'population_base' column in the header", head.row, code="no-column")
        )
    if "area_code" not in head.cols and "area" not in head.cols:
        problems.append(
            grid.problem(
                "no 'area_code' or 'area' column in the header", head.row, code="no-column"
            )
        )
    if ("percent" in head.cols) == ("population_share" in head.cols):
        problems.append(
            grid.problem(
                "give the figure in exactly one column: 'percent' (0-100) or "
                "'population_share' (a fraction 0-1)",
                head.row,
                code="figure-columns",
            )
        )
    return problems


@dataclass
class _Row:
    """One row of a user's figures being read: its cells by field, and its problems."""

    grid: Grid
    r: int
    head: _Header
    problems: list[Problem] = field(default_factory=list)

    def cell(self, name: str) -> object:
        return self.grid.value(self.r, self.head.cols[name]) if name in self.head.cols else None

    def problem(self, message: str, name: str | None, code: str) -> None:
        col = self.head.cols[name] if name is not None else None
        self.problems.append(self.grid.problem(message, self.r, col, code=code))


def _area(row: _Row) -> str | None:
    """The area's code: Wales, or a council by code or any spelling of its name."""
    name = "area_code" if row.cell("area_code") is not None else "area"
    text = row.cell(name)
    if text is None:
        row.problem("no area code or name", None, "area-missing")
        return None
    if fold(text) in _wales_names():
        return WALES_CODE
    grid = row.grid
    where = cell_ref(row.r, row.head.cols[name])
    try:
        return resolve_council(text, file=grid.file, sheet=grid.sheet, cell=where)
    except UnknownCouncilError as exc:
        row.problems.extend(exc.problems)
        return None


def _measure_and_group(row: _Row) -> tuple[str | None, str | None]:
    measure = row.cell("measure")
    measure = str(measure).strip() if measure is not None else None
    if measure not in _KNOWN_MEASURES:
        row.problem(
            f"unknown measure {measure!r}; the measures are {', '.join(_KNOWN_MEASURES)}",
            "measure",
            "unknown-measure",
        )
    group = row.cell("group")
    if group is None:
        row.problem("no group", "group", "group-missing")
        return measure, None
    return measure, GROUP_NAMES.get((measure, str(group)), str(group))  # type: ignore[arg-type]


def _share(row: _Row) -> float | None:
    """The figure as a fraction (a ``%`` sign read as such in either column), or None."""
    name = row.head.share_field
    top = 100.0 if name == "percent" else 1.0
    value = row.cell(name)
    number = parse_percent(value)
    if number is not None:
        signed = isinstance(value, str) and value.strip().endswith("%")
        fraction = number if signed else number / top
        if 0 <= fraction <= 1:
            return fraction
    elif value is None:
        return None
    row.problem(f"{name} must be a number from 0 to {top:g}, not {value!r}", name, "bad-share")
    return None


def _count(row: _Row) -> int | None:
    value = row.cell("count")
    count = parse_count(value)
    if count.problem is not None:
        row.problem(f"count must be a whole number of people, not {value!r}", "count", "bad-count")
    return count.value


def _read_row(grid: Grid, r: int, head: _Header) -> tuple[dict | None, list[Problem]]:
    """One figure and the problems with it (the figure is None when there are any)."""
    row = _Row(grid, r, head)
    code = _area(row)
    measure, group = _measure_and_group(row)
    share, count = _share(row), _count(row)
    if share is None and count is None and not row.problems:
        row.problem(f"neither {head.share_field} nor count is given", None, "figure-missing")
    base = row.cell("population_base")
    if base is None:
        row.problem(
            "no population base (e.g. 'all usual residents')", "population_base", "base-missing"
        )
    if row.problems:
        return None, row.problems
    figure = dict(
        area_code=code,
        area=council_name(code),  # type: ignore[arg-type]
        measure=measure,
        group=group,
        population_share=share,
        count=count,
        population_base=str(base),
        source=str(row.cell("source") or f"{grid.file} row {r + 1}"),
        note=str(row.cell("note") or ""),
    )
    return figure, []


def _outside_vocabulary(grid: Grid, r: int, head: _Header, figure: dict) -> str | None:
    """A warning for a group the measure's vocabulary does not have (it matches no breakdown)."""
    measure, group = figure["measure"], figure["group"]
    if measure not in MEASURES or group in MEASURES[measure].groups:
        return None
    known = ", ".join(g for g in MEASURES[measure].groups if g != PREFER_NOT)
    return (
        f"{grid.problem('', r, head.cols['group']).location()}: group {group!r} is not one of "
        f"the {measure} groups ({known}); it will not match any breakdown"
    )


def _read_sheet(
    grid: Grid, head: _Header, seen: dict[tuple, str]
) -> tuple[list[dict], list[Problem], list[str]]:
    """A sheet's figures, problems (a figure given twice across sheets included) and warnings."""
    problems = _header_problems(grid, head)
    if problems:
        return [], problems, []
    figures, notes = [], []
    for r in range(head.row + 1, grid.n_rows):
        if grid.is_blank_row(r):
            continue
        figure, found = _read_row(grid, r, head)
        problems += found
        if figure is None:
            continue
        key = (figure["area_code"], figure["measure"], figure["group"])
        if key in seen:
            problems.append(
                grid.problem(
                    f"a second figure for {key[0]} {key[1]} {key[2]!r} (first at {seen[key]})",
                    r,
                    code="duplicate-figure",
                )
            )
            continue
        seen[key] = grid.problem("", r).location()
        figures.append(figure)
        note = _outside_vocabulary(grid, r, head, figure)
        if note is not None:
            notes.append(note)
    return figures, problems, notes


def load_benchmarks(path: str | Path) -> pd.DataFrame:
    """Read a user's population figures (per council or for Wales) from a CSV or workbook.

    The file needs a header row with ``measure``, ``group``, ``population_base``, an area
    (``area_code``, or ``area``: any spelling :func:`~diversity_review.resolve_council`
    understands, or "Wales"), and the figure in exactly one of ``percent`` (0-100) or
    ``population_share`` (a fraction, 0-1); ``count``, ``source`` and ``note`` are optional.
    Every sheet with such a header is read (others, such as a "Read me" sheet, are skipped).

    Parameters
    ----------
    path : str or Path
        A ``.csv``, ``.xlsx`` or ``.ods`` file.

    Returns
    -------
    DataFrame
        The shape of :func:`population_benchmarks`. A blank ``source`` becomes the file and
        row the figure came from.

    Raises
    ------
    DataError
        Listing every bad row with its file, sheet and cell: an unknown area or measure, a
        share outside its range, a negative or fractional count, no population base, a
        duplicated area/measure/group. A group that is not in the measure's vocabulary is kept
        with a :class:`DataWarning`.

    Examples
    --------
    >>> bench = load_benchmarks("data/raw/benchmarks_by_council.csv")  # doctest: +SKIP
    >>> bench.columns.tolist()  # doctest: +SKIP
    ['area_code', 'area', 'measure', 'group', 'population_share', 'count', ...]
    """
    path = Path(path)
    figures: list[dict] = []
    problems: list[Problem] = []
    notes: list[str] = []
    seen: dict[tuple, str] = {}
    headers = [(grid, head) for grid in read_grids(path) if (head := _find_header(grid))]
    if not headers:
        raise NoTableError(
            Problem(
                "no table of population figures found (a header row with 'measure' and "
                "'group' columns)",
                display_name(path),
                code="no-table",
            )
        )
    for grid, head in headers:
        found, bad, warned = _read_sheet(grid, head, seen)
        figures += found
        problems += bad
        notes += warned
    if problems:
        raise DataError(problems)
    for note in notes:
        warnings.warn(note, DataWarning, stacklevel=2)
    return _tidy(pd.DataFrame(figures, columns=COLUMNS))


# --------------------------------------------------------------------------------------------
# job-share portfolios
# --------------------------------------------------------------------------------------------


def job_shares() -> pd.DataFrame:
    """Councils that shared executive portfolios between two members after the 2022 elections.

    Real data shipped with the package (``data/executive_job_shares_2023.csv``).

    Returns
    -------
    DataFrame
        ``council_code``, ``council`` (official English name), ``portfolios``, ``source``
        (str) and ``shared_portfolios`` (Int64: the number of portfolios held as job shares).

    Examples
    --------
    >>> js = job_shares()
    >>> int(js.loc[js["council"] == "Cardiff", "shared_portfolios"].item())
    2
    """
    raw = _package_csv("executive_job_shares_2023.csv")
    out = pd.DataFrame(
        {
            "council_code": raw["ons_code"],
            "council": [council_name(c) for c in raw["ons_code"]],
            "shared_portfolios": pd.to_numeric(raw["shared_portfolios"]).astype("Int64"),
            "portfolios": raw["portfolios"],
            "source": raw["source"] if "source" in raw.columns else JOB_SHARES_SOURCE,
        }
    )
    return out.astype(
        {"council_code": "str", "council": "str", "portfolios": "str", "source": "str"}
    )
