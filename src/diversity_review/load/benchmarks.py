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

import re
import warnings
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

from ..categories import MEASURES, PREFER_NOT
from ..councils import WALES_CODE, council_name, resolve_council
from ..errors import DataError, DataWarning, NoTableError, Problem, display_name
from .grid import Grid, read_grids

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


def _derived_rows(raw: pd.DataFrame) -> list[dict]:
    """Ethnic minority share and adult age bands, derived from the shipped rows."""
    rows: list[dict] = []
    for area_code, area_rows in raw.groupby("area_code", sort=False):
        area = area_rows["area"].iloc[0]
        white = area_rows[(area_rows["measure"] == "ethnicity") & (area_rows["group"] == "White")]
        if len(white) and pd.notna(white["population_share"].iloc[0]):
            w = white.iloc[0]
            rows.append(
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
            )
        bands = area_rows[area_rows["measure"] == AGE_5YR]
        if bands.empty:
            continue
        pct = dict(zip(bands["group"], bands["population_share"].astype(float), strict=True))
        order = list(pct)
        if "15-19" not in pct:
            continue
        weights = {b: 1.0 for b in order}
        weights["15-19"] = AGE_18_19_OF_15_19
        for b in order[: order.index("15-19")]:
            weights[b] = 0.0
        adults = sum(pct[b] * weights[b] for b in order)
        for group, (first, last) in ADULT_BANDS.items():
            span = order[order.index(first) : order.index(last) + 1]
            share = sum(pct[b] * weights[b] for b in span) / adults
            rows.append(
                dict(
                    area_code=area_code,
                    area=area,
                    measure="age",
                    group=group,
                    population_share=share,
                    count=pd.NA,
                    population_base=ADULT_BASE,
                    source=bands["source"].iloc[0],
                    note=(
                        f"derived: Census 5-year bands {first} to {last} as a share of residents "
                        "aged 18 and over; ages 18-19 taken as 2/5 of the 15-19 band"
                    ),
                )
            )
    return rows


@cache
def _census() -> pd.DataFrame:
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
    derived = pd.DataFrame(_derived_rows(raw))
    out = pd.concat([raw, derived], ignore_index=True)
    # Wales first, then councils in ONS order; file order within an area, derived rows after
    measures = {m: i for i, m in enumerate(dict.fromkeys(raw["measure"]))}
    out = out.assign(_wales=out["area_code"] != WALES_CODE, _measure=out["measure"].map(measures))
    out = out.sort_values(["_wales", "area_code", "_measure"], kind="stable")
    return _tidy(out)


def population_benchmarks() -> pd.DataFrame:
    """The shipped Census 2021 population shares for Wales and some councils, tidy.

    From the package's ``data/census2021_benchmarks.csv`` (each row names its source and
    population base; see ``data/SOURCES.md``). Groups are renamed to the review's vocabulary
    where they mean the same thing ("Can speak Welsh" -> "Welsh speaker"), and three kinds of
    row are derived, each saying so in ``note``:

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

_ALIASES = {
    "area_code": {"area_code", "council_code", "ons_code", "code", "area_code_ons"},
    "area": {"area", "council", "area_name", "council_name", "name"},
    "measure": {"measure"},
    "group": {"group"},
    "percent": {"percent", "percentage", "pct", "%", "per_cent"},
    "population_share": {"population_share", "share", "fraction", "proportion"},
    "count": {"count", "number", "people"},
    "population_base": {"population_base", "base"},
    "source": {"source"},
    "note": {"note", "notes"},
}
_KNOWN_MEASURES = [*MEASURES, AGE_5YR]
_WALES_NAMES = {"wales", "cymru", WALES_CODE.lower()}


def _key(text: object) -> str:
    return re.sub(r"[\s\-]+", "_", str(text).strip().lower()) if text is not None else ""


def _header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    """The header row (0-based) and the column of each field, or None if no header is found."""
    for r in range(min(grid.n_rows, 20)):
        found: dict[str, int] = {}
        for c, value in enumerate(grid.rows[r]):
            for field_name, names in _ALIASES.items():
                if _key(value) in names and field_name not in found:
                    found[field_name] = c
        if {"measure", "group"} <= set(found):
            return r, found
    return None


def _number(value: object) -> float | None:
    """A number from a cell (numbers, "51.1", "51.1%", "1,234"); None if blank."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace(",", "").rstrip("%").strip()
    if text == "":
        return None
    return float(text)


def _read_grid(grid: Grid, problems: list[Problem]) -> list[dict]:
    found = _header(grid)
    if found is None:
        return []
    head, col = found
    for required in ("population_base",):
        if required not in col:
            problems.append(grid.problem(f"no '{required}' column in the header", head))
    if "area_code" not in col and "area" not in col:
        problems.append(grid.problem("no 'area_code' or 'area' column in the header", head))
    if ("percent" in col) == ("population_share" in col):
        problems.append(
            grid.problem(
                "give the figure in exactly one column: 'percent' (0-100) or "
                "'population_share' (a fraction 0-1)",
                head,
            )
        )
    if problems:
        return []
    share_field = "percent" if "percent" in col else "population_share"
    top = 100.0 if share_field == "percent" else 1.0
    rows: list[dict] = []
    for r in range(head + 1, grid.n_rows):
        if grid.is_blank_row(r):
            continue

        def cell(field_name: str, r: int = r) -> object:
            return grid.value(r, col[field_name]) if field_name in col else None

        bad = len(problems)
        code_cell = cell("area_code") if cell("area_code") is not None else cell("area")
        code_field = "area_code" if cell("area_code") is not None else "area"
        code = None
        if code_cell is None:
            problems.append(grid.problem("no area code or name", r))
        elif _key(code_cell) in _WALES_NAMES:
            code = WALES_CODE
        else:
            try:
                code = resolve_council(code_cell)
            except DataError as exc:
                message = exc.problems[0].message
                problems.append(grid.problem(message, r, col[code_field]))
        measure = cell("measure")
        measure = str(measure).strip() if measure is not None else None
        if measure not in _KNOWN_MEASURES:
            problems.append(
                grid.problem(
                    f"unknown measure {measure!r}; the measures are {', '.join(_KNOWN_MEASURES)}",
                    r,
                    col["measure"],
                )
            )
        group = cell("group")
        if group is None:
            problems.append(grid.problem("no group", r, col["group"]))
        else:
            group = GROUP_NAMES.get((measure, str(group)), str(group))
        share = count = None
        try:
            share = _number(cell(share_field))
            if share is not None and not 0 <= share <= top:
                raise ValueError
        except ValueError:
            problems.append(
                grid.problem(
                    f"{share_field} must be a number from 0 to {top:g}, not {cell(share_field)!r}",
                    r,
                    col[share_field],
                )
            )
        try:
            count = _number(cell("count"))
            if count is not None and (count < 0 or count != int(count)):
                raise ValueError
        except ValueError:
            problems.append(
                grid.problem(
                    f"count must be a whole number of people, not {cell('count')!r}",
                    r,
                    col["count"],
                )
            )
        if share is None and count is None and len(problems) == bad:
            problems.append(grid.problem(f"neither {share_field} nor count is given", r))
        base = cell("population_base")
        if base is None:
            problems.append(
                grid.problem(
                    "no population base (e.g. 'all usual residents')", r, col["population_base"]
                )
            )
        if len(problems) > bad:
            continue
        if measure in MEASURES and group not in MEASURES[measure].groups:
            known = ", ".join(g for g in MEASURES[measure].groups if g != PREFER_NOT)
            warnings.warn(
                f"{grid.problem('', r, col['group']).location()}: group {group!r} is not one of "
                f"the {measure} groups ({known}); it will not match any breakdown",
                DataWarning,
                stacklevel=3,
            )
        rows.append(
            dict(
                area_code=code,
                area=council_name(code),
                measure=measure,
                group=group,
                population_share=None if share is None else share / top,
                count=None if count is None else int(count),
                population_base=str(base),
                source=str(cell("source") or f"{grid.file} row {r + 1}"),
                note=str(cell("note") or ""),
                _where=grid.problem("", r).location(),
            )
        )
    return rows


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
    grids = read_grids(path)
    problems: list[Problem] = []
    rows: list[dict] = []
    seen: dict[tuple[str, str, str], str] = {}
    any_header = False
    for grid in grids:
        any_header = any_header or _header(grid) is not None
        for row in _read_grid(grid, problems):
            key = (row["area_code"], row["measure"], row["group"])
            where = row.pop("_where")
            if key in seen:
                problems.append(
                    Problem(
                        f"a second figure for {key[0]} {key[1]} {key[2]!r} (first at {seen[key]})",
                        cell=where,
                    )
                )
                continue
            seen[key] = where
            rows.append(row)
    if not any_header:
        raise NoTableError(
            Problem(
                "no table of population figures found (a header row with 'measure' and "
                "'group' columns)",
                display_name(path),
            )
        )
    if problems:
        raise DataError(problems)
    return _tidy(pd.DataFrame(rows, columns=COLUMNS))


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
