"""Census 2021 benchmarks shipped with the package, a user's own figures, job-share portfolios."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from diversity_review.errors import DataError, DataWarning, NoTableError
from diversity_review.load.benchmarks import (
    COLUMNS,
    job_shares,
    load_benchmarks,
    population_benchmarks,
)
from helpers import write_text

WALES = "W92000004"


def figure(bench: pd.DataFrame, measure: str, group: str, area: str = WALES) -> pd.Series:
    rows = bench[
        (bench["area_code"] == area) & (bench["measure"] == measure) & (bench["group"] == group)
    ]
    assert len(rows) == 1, (area, measure, group)
    return rows.iloc[0]


def test_shipped_figures_in_the_tidy_shape():
    bench = population_benchmarks()
    assert bench.columns.tolist() == COLUMNS
    assert str(bench["population_share"].dtype) == "Float64"
    assert str(bench["count"].dtype) == "Int64"
    female = figure(bench, "sex", "Female")
    assert female["population_share"] == pytest.approx(0.511)
    assert female["population_base"] == "all usual residents"
    assert "Census 2021" in female["source"]
    assert not bench.duplicated(["area_code", "measure", "group"]).any()


def test_groups_mapped_to_the_review_vocabulary():
    bench = population_benchmarks()
    welsh = figure(bench, "welsh_language", "Welsh speaker")
    assert welsh["population_share"] == pytest.approx(0.178)
    assert welsh["count"] == 538300
    assert welsh["population_base"] == "usual residents aged 3 and over"
    assert "Can speak Welsh" in welsh["note"]
    assert figure(bench, "welsh_language", "Welsh speaker", "W06000002")["area"] == "Gwynedd"
    assert (bench["group"] != "Can speak Welsh").all()


def test_ethnic_minority_is_derived_from_the_white_share():
    minority = figure(population_benchmarks(), "ethnicity", "Ethnic minority")
    assert minority["population_share"] == pytest.approx(1 - 0.938)  # 6.2%
    assert minority["note"].startswith("derived")


def test_adult_age_bands_from_five_year_bands():
    bench = population_benchmarks()
    # Census 2021 5-year bands for Wales, percent of all residents (typed from the data file)
    b15_19 = 5.65
    under40 = [6.04, 6.0, 6.31, 5.99]  # 20-24 .. 35-39
    mid = [5.64, 5.99, 6.94, 7.17]  # 40-44 .. 55-59
    older = [6.42, 5.72, 5.83, 4.23, 2.87, 1.7, 0.96]  # 60-64 .. 90+
    adults = 0.4 * b15_19 + sum(under40) + sum(mid) + sum(older)  # 18-19 = 2/5 of 15-19
    assert figure(bench, "age", "Under 40")["population_share"] == pytest.approx(
        (0.4 * b15_19 + sum(under40)) / adults
    )
    assert figure(bench, "age", "60+")["population_share"] == pytest.approx(sum(older) / adults)
    young = figure(bench, "age", "18-29")
    assert young["population_share"] == pytest.approx((0.4 * 5.65 + 6.04 + 6.0) / adults)
    assert figure(bench, "age", "75+")["population_share"] == pytest.approx(
        (4.23 + 2.87 + 1.7 + 0.96) / adults
    )
    assert "aged 18 and over" in young["population_base"]
    assert "2/5 of the 15-19" in young["note"]
    ages = bench[(bench["area_code"] == WALES) & (bench["measure"] == "age")]
    review = ages[ages["group"].isin(["Under 40", "40-59", "60+"])]["population_share"]
    survey = ages[ages["group"].isin(["18-29", "30-44", "45-59", "60-74", "75+"])]
    assert review.sum() == pytest.approx(1.0)
    assert survey["population_share"].sum() == pytest.approx(1.0)


def test_result_is_a_copy():
    first = population_benchmarks()
    first.loc[0, "population_share"] = 0.0
    assert population_benchmarks().loc[0, "population_share"] != 0.0


def test_job_shares_real_data():
    js = job_shares()
    assert js.columns.tolist() == [
        "council_code", "council", "shared_portfolios", "portfolios", "source",
    ]  # fmt: skip
    # 2022: Cardiff 2, Newport 1, Swansea 1, Powys 1, Flintshire 1 (WLGA to the Senedd)
    got = dict(zip(js["council"], js["shared_portfolios"], strict=True))
    assert got == {"Cardiff": 2, "Newport": 1, "Swansea": 1, "Powys": 1, "Flintshire": 1}
    assert str(js["shared_portfolios"].dtype) == "Int64"
    assert js["source"].str.contains("WLGA").all()


# ---------------------------------------------------------------------------- load_benchmarks


def write_bench(tmp_path, text: str, name: str = "bench.csv"):
    return write_text(tmp_path / name, text)


def test_load_csv_with_percent_and_council_names(tmp_path):
    path = write_bench(
        tmp_path,
        "area,measure,group,percent,count,population_base,source\n"
        "Cyngor Sir Gâr,sex,Female,51.3,,all usual residents,my table\n"
        "Wales,sex,Female,51.1%,,all usual residents,\n"
        'W06000015,ethnicity,Ethnic minority,21.2,"77,000",all usual residents,x\n',
    )
    out = load_benchmarks(path)
    assert out.columns.tolist() == COLUMNS
    assert out["area_code"].tolist() == ["W06000010", WALES, "W06000015"]
    assert out["area"].tolist() == ["Carmarthenshire", "Wales", "Cardiff"]
    assert out["population_share"].tolist() == [
        pytest.approx(0.513),
        pytest.approx(0.511),
        pytest.approx(0.212),
    ]
    assert out["count"].iloc[2] == 77000 and pd.isna(out["count"].iloc[0])
    assert out["source"].tolist()[1] == "bench.csv row 3"  # a blank source says where


def test_load_xlsx_with_fractions_skips_other_sheets(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Read me"
    book.active["A1"] = "Population figures by council"
    sheet = book.create_sheet("Figures")
    sheet.append(["Council code", "Measure", "Group", "Population share", "Population base"])
    sheet.append(["W06000002", "welsh_language", "Can speak Welsh", 0.644, "aged 3 and over"])
    sheet.append(["W06000001", "disability", "Disabled", 0.23, "all usual residents"])
    path = tmp_path / "bench.xlsx"
    book.save(path)
    out = load_benchmarks(path)
    assert out["group"].tolist() == ["Welsh speaker", "Disabled"]
    assert out["population_share"].tolist() == [pytest.approx(0.644), pytest.approx(0.23)]


def test_bad_rows_are_all_reported_with_their_cells(tmp_path):
    path = write_bench(
        tmp_path,
        "area_code,measure,group,percent,count,population_base\n"
        "Atlantis,sex,Female,50,,all usual residents\n"  # row 2: unknown council
        "W06000001,sex,Female,120,,all usual residents\n"  # row 3: percent out of range
        "W06000001,height,Tall,20,,all usual residents\n"  # row 4: unknown measure
        "W06000002,sex,Female,51,-3,all usual residents\n"  # row 5: negative count
        "W06000002,sex,Male,49,,\n"  # row 6: no base
        "W06000003,sex,Female,51,,all usual residents\n"
        "Conwy,sex,Female,52,,all usual residents\n",  # row 8: duplicate of row 7
    )
    with pytest.raises(DataError) as caught:
        load_benchmarks(path)
    lines = caught.value.lines()
    assert len(lines) == 6
    assert lines[0].startswith("bench.csv, cell A2: unknown council 'Atlantis'")
    assert lines[1].startswith("bench.csv, cell D3: percent must be a number from 0 to 100")
    assert lines[2].startswith("bench.csv, cell B4: unknown measure 'height'")
    assert lines[3].startswith("bench.csv, cell E5: count must be a whole number")
    assert lines[4].startswith("bench.csv, cell F6: no population base")
    assert "a second figure for W06000003 sex 'Female' (first at bench.csv, row 7)" in lines[5]
    assert [(p.code, p.cell) for p in caught.value.problems] == [
        ("unknown-council", "A2"),
        ("bad-share", "D3"),
        ("unknown-measure", "B4"),
        ("bad-count", "E5"),
        ("base-missing", "F6"),
        ("duplicate-figure", "row 8"),
    ]


def test_header_problems(tmp_path):
    both = write_bench(
        tmp_path, "area,measure,group,percent,share,base\nWales,sex,Female,51,0.51,all\n"
    )
    with pytest.raises(DataError, match="exactly one column") as info:
        load_benchmarks(both)
    assert [(p.code, p.cell) for p in info.value.problems] == [("figure-columns", "row 1")]
    fraction = write_bench(
        tmp_path, "area,measure,group,share,base\nWales,sex,Female,51,all\n", "f.csv"
    )
    with pytest.raises(
        DataError, match="cell D2: population_share must be a number from 0 to 1"
    ) as info:
        load_benchmarks(fraction)
    assert info.value.codes == ["bad-share"]
    nothing = write_bench(tmp_path, "council,seats\nCardiff,79\n", "n.csv")
    with pytest.raises(NoTableError, match="n.csv: no table of population figures") as info:
        load_benchmarks(nothing)
    assert info.value.codes == ["no-table"]


def test_group_outside_the_vocabulary_is_kept_with_a_warning(tmp_path):
    path = write_bench(
        tmp_path, "area,measure,group,percent,base\nWales,sex,Women,51.1,all usual residents\n"
    )
    with pytest.warns(DataWarning, match="cell C2: group 'Women' is not one of the sex groups"):
        out = load_benchmarks(path)
    assert out["group"].tolist() == ["Women"]


def _shipped_council_counts() -> list[dict[str, str]]:
    import csv
    from importlib import resources

    path = resources.files("diversity_review").joinpath("data/census2021_councils.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_shipped_council_counts_add_up_to_the_published_wales_checks():
    rows = _shipped_council_counts()
    assert len({r["area_code"] for r in rows}) == 22
    assert all(r["source"].startswith("ONS Census 2021") for r in rows)
    female = [r for r in rows if (r["measure"], r["group"]) == ("sex", "Female")]
    # the data README's cross-checks: 1,586,489 women of 3,107,489 residents (51.1% published)
    assert sum(int(r["count"]) for r in female) == 1_586_489
    assert sum(int(r["base_count"]) for r in female) == 3_107_489
    white = [r for r in rows if (r["measure"], r["group"]) == ("ethnic_group_high_level", "White")]
    assert sum(int(r["count"]) for r in white) == 2_915_852
    assert sum(int(r["base_count"]) for r in white) == 3_107_513


def test_every_council_has_its_own_figures_for_the_census_measures():
    bench = population_benchmarks()
    councils = bench[bench["area_code"] != WALES]
    for measure, group in [
        ("sex", "Female"),
        ("ethnicity", "Ethnic minority"),
        ("disability", "Disabled"),
        ("religion", "No religion"),
        ("sexual_orientation", "Gay or lesbian"),
    ]:
        found = councils[(councils["measure"] == measure) & (councils["group"] == group)]
        assert found["area_code"].nunique() == 22, (measure, group)
    disabled = councils[councils["measure"] == "disability"]
    assert disabled["population_base"].str.contains("crude").all()  # not age-standardised
    orientation = councils[councils["measure"] == "sexual_orientation"]
    assert (orientation["population_base"] == "all usual residents aged 16 years and over").all()


def test_vale_of_glamorgan_population_is_the_census_total():
    from diversity_review.councils import councils as registry

    vale = registry().set_index("council_code").loc["W06000014"]
    rows = [r for r in _shipped_council_counts() if r["area_code"] == "W06000014"]
    ethnic = {int(r["base_count"]) for r in rows if r["measure"] == "ethnic_group_high_level"}
    assert ethnic == {131_939}
    assert int(vale["population_2021"]) == 131_939
