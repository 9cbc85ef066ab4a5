"""``compare_with_population``: each share beside the population's (Census 2021)."""

from __future__ import annotations

import pandas as pd

from ..councils import WALES_CODE

__all__ = ["compare_with_population", "set_aside_not_known"]

NOT_KNOWN = "Not known"


def compare_with_population(
    shares: pd.DataFrame, benchmarks: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Set each share beside the population's and give the gap and the ratio.

    Parameters
    ----------
    shares : DataFrame
        A :func:`breakdown` result (``council_code``, ``measure``, ``group``, ``share``).
    benchmarks : DataFrame, optional
        Population figures in the tidy shape of
        :func:`~diversity_review.load.benchmarks.population_benchmarks` (``area_code``,
        ``measure``, ``group``, ``population_share``, ``population_base``); by default the
        shipped Census 2021 figures.

    Returns
    -------
    DataFrame
        ``shares`` with ``population_share`` (Float64 fraction), ``gap_pp`` (Float64,
        percentage points: 100 x (share - population_share)), ``ratio`` (Float64: share /
        population_share; 1 is proportional representation), ``population_base`` (str: the
        population the figure is a share of, e.g. "usual residents aged 3 and over"),
        ``benchmark_area`` (str: the area code whose figure was used: the council's own, else
        ``W92000004``) and ``benchmark_fallback`` (bool: True where a council had no figure of
        its own and the Wales figure stood in). Rows with no figure at all keep NA in the new
        columns.

    Examples
    --------
    >>> shares = pd.DataFrame({"council_code": ["W92000004"], "council": ["Wales"],
    ...     "measure": ["sex"], "group": ["Female"], "share": [0.28]})
    >>> out = compare_with_population(shares)
    >>> float(round(out.loc[0, "ratio"], 2)), out.loc[0, "population_base"]
    (0.55, 'all usual residents')
    """
    if benchmarks is None:
        from ..load.benchmarks import population_benchmarks

        benchmarks = population_benchmarks()
    need = {"area_code", "measure", "group", "population_share", "population_base"}
    missing = need - set(benchmarks.columns)
    if missing:
        raise ValueError(f"benchmarks lack the columns {', '.join(sorted(missing))}")
    bench = benchmarks[sorted(need)].astype(
        {"area_code": "str", "measure": "str", "group": "str", "population_base": "str"}
    )
    dupes = bench.duplicated(["area_code", "measure", "group"])
    if dupes.any():
        first = bench[dupes].iloc[0]
        raise ValueError(
            f"more than one benchmark for {first['area_code']} {first['measure']} "
            f"{first['group']!r}"
        )
    bench = bench.astype({"population_share": "Float64"})
    key = ["measure", "group"]
    left = shares[["council_code", *key]].astype("str").reset_index(drop=True)
    own = left.merge(
        bench.rename(columns={"area_code": "council_code"}), on=["council_code", *key], how="left"
    )
    wales = left.merge(
        bench[bench["area_code"] == WALES_CODE].drop(columns="area_code"), on=key, how="left"
    )
    has_own = own["population_share"].notna().to_numpy(dtype=bool)
    has_wales = wales["population_share"].notna().to_numpy(dtype=bool)
    out = shares.reset_index(drop=True).copy()
    pop = own["population_share"].where(has_own, wales["population_share"]).astype("Float64")
    share = out["share"].astype("Float64")
    out["population_share"] = pop
    out["gap_pp"] = (100 * (share - pop)).astype("Float64")
    out["ratio"] = (share / pop.where(pop > 0)).astype("Float64")
    out["population_base"] = own["population_base"].where(has_own, wales["population_base"])
    area = pd.Series(pd.NA, index=out.index, dtype="str")
    area[has_wales] = WALES_CODE
    area[has_own] = left.loc[has_own, "council_code"]
    out["benchmark_area"] = area
    out["benchmark_fallback"] = ~has_own & has_wales & (left["council_code"] != WALES_CODE)
    out = out.astype({"population_base": "str", "benchmark_fallback": bool})
    return out


def set_aside_not_known(compared: pd.DataFrame) -> pd.DataFrame:
    """Give each row the "Not known" its comparison sets aside, read from the frame's own
    "Not known" row of the same council, measure (and year).

    Run it on a protected table (as the pack does) and it shows nothing protection hid: a
    suppressed "Not known" share stays NA, flagged in ``not_known_suppressed``.

    Returns
    -------
    DataFrame
        ``compared`` with ``not_known_share`` (Float64: the councillors' "Not known" share;
        NA where the measure has no "Not known" row or it is hidden), ``not_known_suppressed``
        (bool) and ``population_not_known_share`` (Float64: the population's "Not known", NA
        where the Census has none).

    Examples
    --------
    >>> shares = pd.DataFrame({"council_code": ["W92000004"] * 2, "measure": ["sex"] * 2,
    ...     "group": ["Female", "Not known"], "share": [0.3, 0.1],
    ...     "population_share": [0.51, None]})
    >>> float(set_aside_not_known(shares).loc[0, "not_known_share"])
    0.1
    """
    keys = [c for c in ("election_year", "survey_year") if c in compared.columns]
    keys += ["council_code", "measure"]
    rows = compared[compared["group"].astype(str) == NOT_KNOWN]
    side = pd.DataFrame(
        {
            **{k: rows[k] for k in keys},
            "not_known_share": rows["share"].astype("Float64"),
            "not_known_suppressed": (
                rows["suppressed"].fillna(False).astype(bool)
                if "suppressed" in rows.columns
                else False
            ),
            "population_not_known_share": rows["population_share"].astype("Float64"),
        }
    ).drop_duplicates(keys)
    out = compared.drop(
        columns=["not_known_share", "not_known_suppressed", "population_not_known_share"],
        errors="ignore",
    ).merge(side, on=keys, how="left")
    out["not_known_suppressed"] = out["not_known_suppressed"].fillna(False).astype(bool)
    out.index = compared.index
    return out
