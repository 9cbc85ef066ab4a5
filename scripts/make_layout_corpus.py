"""A corpus of SYNTHETIC files laid out the way councils, StatsWales-style releases, survey
tools and rosters really lay them out, each with the values a loader must find in it.

Every number is drawn here (numpy seed 2011) for a handful of councils, then written in each
layout; the expected values are this script's own source numbers (never read back by a
loader), or the one-line refusal a file must give. Nothing describes a real council or
person.

    python scripts/make_layout_corpus.py OUT_DIR      # writes the files and a summary

Used by ``tests/test_layout_corpus.py`` (the corpus is written to a temporary folder).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the corpus's other modules

from layout_corpus_base import (  # noqa: E402
    COUNCILS,
    GROUPS,
    SOURCE,
    SYNTHETIC,
    WALES,
    WORDS,
    Case,
    expected,
    keys,
    name_of,
    wales_total,
    write_any,
    write_csv,
    write_ods,
    write_xlsx,
)
from layout_corpus_people import (  # noqa: E402
    forms_export,
    google_forms,
    jisc_export,
    notes_only,
    roster,
    smartsurvey_welsh,
    surveymonkey_two_rows,
    surveymonkey_welsh,
)

# ---------------------------------------------------------------------------------------------
# review layouts
# ---------------------------------------------------------------------------------------------


def _wide_rows(year: int, lang: str = "en", cell=None, measures=tuple(GROUPS)) -> list[list]:
    words = WORDS[lang]
    header = [words["council"], words["seats"], *(words[k] for k in keys(measures))]
    rows = [header]
    for code, _, _ in COUNCILS:
        src = SOURCE[(year, code)]
        values = [(cell or (lambda v, s, k: v))(src[k], src["seats"], k) for k in keys(measures)]
        rows.append([name_of(code, lang), src["seats"], *values])
    return rows


def statswales_release(out: Path) -> Case:
    """A StatsWales-style release: title and notes rows, area code and name, Wales total."""
    rows: list[list] = [
        [f"Councillors by characteristic, May 2022 - {SYNTHETIC}"],
        ["Source: synthetic desk review"],
        [],
        ["Area code", "Area", "Total councillors", *(WORDS["en"][k] for k in keys())],
    ]
    for code, en, _ in COUNCILS:
        src = SOURCE[(2022, code)]
        rows.append([code, en, src["seats"], *(src[k] for k in keys())])
    rows.append(
        [WALES, "Wales", wales_total(2022, "seats"), *(wales_total(2022, k) for k in keys())]
    )
    rows += [[], ["Notes:"], ["1. Figures are synthetic."], ["[c] confidential"]]
    write_xlsx(out / "statswales_release_2022.xlsx", {"Table 1": rows})
    return Case(
        "statswales_release_2022.xlsx",
        "wide, notes rows, codes and names, Wales total",
        "StatsWales release",
        "review",
        expected((2022,)),
    )


def code_only(out: Path, suffix: str) -> Case:
    """Councils by ONS code only, the Wales code as the total row."""
    rows: list[list] = [["Area code", "Seats", *(WORDS["en"][k] for k in keys())]]
    for code, _, _ in COUNCILS:
        src = SOURCE[(2022, code)]
        rows.append([code, src["seats"], *(src[k] for k in keys())])
    rows.append([WALES, wales_total(2022, "seats"), *(wales_total(2022, k) for k in keys())])
    name = f"code_only_2022{suffix}"
    write_any(out / name, rows)
    return Case(
        name,
        "code-only (W06 codes, W92000004 total)",
        "StatsWales download",
        "review",
        expected((2022,)),
    )


def code_only_mapped(out: Path) -> Case:
    """A code-only table whose headers no word list knows: loads with a --columns mapping."""
    mapping = {
        "Geography": "council",
        "Cllrs": "seats",
        "F": ("sex", "Female"),
        "M": ("sex", "Male"),
    }
    rows: list[list] = [["Geography", "Cllrs", "F", "M"]]
    for code, _, _ in COUNCILS:
        src = SOURCE[(2022, code)]
        rows.append([code, src["seats"], src[("sex", "Female")], src[("sex", "Male")]])
    write_csv(out / "geography_codes_2022.csv", rows)
    return Case(
        "geography_codes_2022.csv",
        "code-only, own headers, --columns map.toml",
        "ONS-style extract",
        "review",
        expected((2022,), ("sex",)),
        columns=mapping,
    )


def _transposed_rows(year: int, lang: str, corner: str) -> list[list]:
    words = WORDS[lang]
    rows: list[list] = [[corner, None, *(name_of(c, lang) for c, _, _ in COUNCILS)]]
    rows.append([words["seats"], None, *(SOURCE[(year, c)]["seats"] for c, _, _ in COUNCILS)])
    for m, groups in GROUPS.items():
        for i, g in enumerate(groups):
            label = words[m] if i == 0 else None
            rows.append(
                [label, words[(m, g)], *(SOURCE[(year, c)][(m, g)] for c, _, _ in COUNCILS)]
            )
    return rows


def transposed(out: Path, lang: str, suffix: str) -> Case:
    corner = "Characteristic" if lang == "en" else "Nodwedd"
    name = f"councils_across_{lang}_2022{suffix}"
    write_any(out / name, _transposed_rows(2022, lang, corner))
    tool = "council committee report" if lang == "en" else "adroddiad pwyllgor (Welsh)"
    return Case(name, f"transposed: councils across ({lang})", tool, "review", expected((2022,)))


def _long_rows(years, lang: str, order: list[int]) -> list[list]:
    heads = {
        "en": ["Council", "Year", "Characteristic", "Category", "Number"],
        "cy": ["Cyngor", "Blwyddyn", "Nodwedd", "Categori", "Nifer"],
    }[lang]
    rows = [[heads[i] for i in order]]
    for y in years:
        for code, _, _ in COUNCILS:
            seats = SOURCE[(y, code)]["seats"]
            line = [name_of(code, lang), y, WORDS[lang]["seats"], None, seats]
            rows.append([line[i] for i in order])
            for m, g in keys():
                line = [
                    name_of(code, lang),
                    y,
                    WORDS[lang][m],
                    WORDS[lang][(m, g)],
                    SOURCE[(y, code)][(m, g)],
                ]
                rows.append([line[i] for i in order])
    return rows


def long_table(out: Path, lang: str, years, order, suffix: str, tool: str) -> Case:
    tag = "_".join(map(str, years))
    name = f"long_{lang}_{tag}{suffix}"
    write_any(out / name, _long_rows(years, lang, order))
    shuffled = "" if order == [0, 1, 2, 3, 4] else ", columns reordered"
    return Case(name, f"long/tidy ({lang}{shuffled})", tool, "review", expected(tuple(years)))


def committee_report(out: Path) -> Case:
    """One council's committee report: the council in the title, groups down a column with
    their numbers and percentages, a source line below."""
    code, en, _ = COUNCILS[2]
    src = SOURCE[(2022, code)]
    rows: list[list] = [[f"{en} Council: councillors elected in May 2022 ({SYNTHETIC})"], []]
    rows.append(["Characteristic", "Number", "%"])
    rows.append([WORDS["en"]["seats"], src["seats"], None])
    for m, g in keys():
        rows.append([WORDS["en"][(m, g)], src[(m, g)], f"{100 * src[(m, g)] / src['seats']:.1f}%"])
    rows += [[], ["Source: synthetic member records"]]
    write_xlsx(out / "committee_report_2022.xlsx", {"Report": rows})
    want = {k: v for k, v in expected((2022,)).items() if k[1] == code}
    return Case(
        "committee_report_2022.xlsx",
        "one council, groups down, council in the title",
        "council committee report (one council)",
        "review",
        want,
    )


def statswales_open_data(out: Path) -> Case:
    """StatsWales open data: a long table keyed by area codes, the Wales code as a total row,
    ".." for a suppressed cell."""
    rows: list[list] = [
        ["Area_Code", "Year_Code", "Measure_ItemName_ENG", "Group_ItemName_ENG", "Data"]
    ]
    want = expected((2022,), ("sex", "age"))
    for code, _, _ in (*COUNCILS, (WALES, "Wales", "Cymru")):
        seats = wales_total(2022, "seats") if code == WALES else SOURCE[(2022, code)]["seats"]
        rows.append([code, 2022, WORDS["en"]["seats"], None, seats])
        for m, g in keys(("sex", "age")):
            number = wales_total(2022, (m, g)) if code == WALES else SOURCE[(2022, code)][(m, g)]
            if (code, m, g) == (COUNCILS[2][0], "age", "Under 40"):
                number = ".."
                want[(2022, code, m, g)] = None
            rows.append([code, 2022, WORDS["en"][m], WORDS["en"][(m, g)], number])
    write_csv(out / "statswales_open_data_2022.csv", rows)
    return Case(
        "statswales_open_data_2022.csv",
        "long, codes only, Wales total, '..'",
        "StatsWales open data (OData CSV)",
        "review",
        want,
    )


def stacked_elections(out: Path, titled: bool) -> Case:
    rows: list[list] = []
    for year in (2017, 2022):
        if titled:
            rows.append([f"May {year} election"])
        rows += _wide_rows(year)
        rows.append([])
    name = f"stacked_elections{'' if titled else '_untitled'}.xlsx"
    write_xlsx(out / name, {"Elections": rows})
    if titled:
        return Case(
            name,
            "two elections stacked, year titles",
            "council committee report",
            "review",
            expected((2017, 2022)),
        )
    return Case(
        name,
        "two elections stacked, no titles",
        "council committee report",
        "review",
        refusal="two tables of the same councils",
        code="two-tables-no-year",
    )


def side_by_side(out: Path, merged: bool, suffix: str) -> Case:
    pairs = keys()
    width = 1 + len(pairs)
    title: list = [None]
    for year in (2017, 2022):
        title += [f"{year}"] + [None] * (width - 1)
    header = ["Council"] + [WORDS["en"]["seats"], *(WORDS["en"][k] for k in pairs)] * 2
    rows = [title, header]
    for code, en, _ in COUNCILS:
        line: list = [en]
        for year in (2017, 2022):
            src = SOURCE[(year, code)]
            line += [src["seats"], *(src[k] for k in pairs)]
        rows.append(line)
    name = f"side_by_side{'_merged' if merged else ''}{suffix}"
    if suffix == ".xlsx":
        from openpyxl.utils import get_column_letter as L

        merges = [f"{L(2)}1:{L(1 + width)}1", f"{L(2 + width)}1:{L(1 + 2 * width)}1"]
        write_xlsx(out / name, {"Both": rows}, {"Both": merges if merged else []})
    else:
        write_any(out / name, rows)
    what = "merged year titles" if merged else "a year title over each block"
    return Case(
        name,
        f"two elections side by side, {what}",
        "WLGA briefing table",
        "review",
        expected((2017, 2022)),
    )


def side_by_side_untitled(out: Path) -> Case:
    """Two elections side by side with no year over either block: refused, naming both."""
    pairs = keys()
    rows: list[list] = [["Council"] + [WORDS["en"]["seats"], *(WORDS["en"][k] for k in pairs)] * 2]
    for code, en, _ in COUNCILS:
        line: list = [en]
        for year in (2017, 2022):
            src = SOURCE[(year, code)]
            line += [src["seats"], *(src[k] for k in pairs)]
        rows.append(line)
    write_csv(out / "side_by_side_untitled.csv", rows)
    from openpyxl.utils import get_column_letter as L

    last, width = 1 + len(COUNCILS), 1 + len(pairs)  # a block: seats and the groups
    blocks = f"B1:{L(1 + width)}{last} and {L(2 + width)}1:{L(1 + 2 * width)}{last}"
    return Case(
        "side_by_side_untitled.csv",
        "two elections side by side, no titles",
        "WLGA briefing table",
        "review",
        refusal=f"the same columns twice side by side, {blocks}",
        code="two-tables-no-year",
    )


def percent_cells(out: Path, consistent: bool) -> Case:
    def cell(v, seats, key):
        pct = 100 * v / seats
        if not consistent and key == ("sex", "Female") and (v, seats) == first:
            pct += 7  # one cell typed wrong
        return f"{v} ({pct:.1f}%)"

    src = SOURCE[(2022, COUNCILS[0][0])]
    first = (src[("sex", "Female")], src["seats"])  # the first council's cell is typed wrong
    name = f"count_percent_cells{'' if consistent else '_wrong'}_2022.xlsx"
    write_xlsx(out / name, {"2022": _wide_rows(2022, cell=cell)})
    if consistent:
        return Case(
            name,
            "count-with-percent cells",
            "council committee report",
            "review",
            expected((2022,)),
        )
    return Case(
        name,
        "count-with-percent cells, percent off",
        "council committee report",
        "review",
        refusal=f"cell C2: Female: the cell says {first[0]} is",
        code="percent-off-count",
    )


def markers(out: Path) -> Case:
    """GSS shorthand and small-count markers in the cells: <5, <3, ~, .., [c]."""
    marks = {
        ("sex", "Female"): "<5",
        ("age", "Under 40"): "<3",
        ("age", "40-59"): "~",
        ("welsh_language", "Welsh speaker"): "..",
        ("sex", "Male"): "[c]",
    }
    rows = _wide_rows(2022)
    want = expected((2022,))
    bounds = {}
    for i, (m, g) in enumerate(marks):
        r = 1 + i  # council row i gets marker i
        code = COUNCILS[i][0]
        col = rows[0].index(WORDS["en"][(m, g)])
        rows[r][col] = marks[(m, g)]
        want[(2022, code, m, g)] = None
        if marks[(m, g)].startswith("<"):
            bounds[(2022, code, m, g)] = (1, int(marks[(m, g)][1:]) - 1)
    write_csv(out / "markers_2022.csv", rows)
    return Case(
        "markers_2022.csv",
        "suppression markers <5 <3 ~ .. [c]",
        "GSS-style release",
        "review",
        want,
        bounds,
    )


def welsh_wide(out: Path) -> Case:
    rows = [[f"Cynghorwyr 2022 - {SYNTHETIC}"], [], *_wide_rows(2022, "cy")]
    write_ods(out / "cynghorwyr_2022.ods", rows, "2022")
    return Case(
        "cynghorwyr_2022.ods",
        "wide, Welsh headers and names",
        "LibreOffice (Welsh)",
        "review",
        expected((2022,)),
    )


def semicolon_wide(out: Path) -> Case:
    write_csv(out / "review_semicolon_2022.csv", _wide_rows(2022), delimiter=";")
    return Case(
        "review_semicolon_2022.csv",
        "wide, semicolon-separated",
        "Excel (EU locale)",
        "review",
        expected((2022,)),
    )


def transposed_wales_column(out: Path) -> Case:
    rows = _transposed_rows(2022, "en", "Council")
    rows[0].append("Wales")
    rows[1].append(wales_total(2022, "seats"))
    for r, (m, g) in enumerate(keys(), start=2):
        rows[r].append(wales_total(2022, (m, g)))
    write_csv(out / "councils_across_wales_total_2022.csv", rows)
    return Case(
        "councils_across_wales_total_2022.csv",
        "transposed with a Wales column",
        "regional briefing",
        "review",
        expected((2022,)),
    )


# ---------------------------------------------------------------------------------------------
# the corpus
# ---------------------------------------------------------------------------------------------


def build(out: str | Path) -> list[Case]:
    """Write every corpus file into ``out``; the cases, with what each must load to."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    order_cy = [4, 0, 2, 3, 1]  # Nifer, Cyngor, Nodwedd, Categori, Blwyddyn
    return [
        statswales_release(out),
        code_only(out, ".csv"),
        code_only(out, ".ods"),
        code_only_mapped(out),
        transposed(out, "en", ".xlsx"),
        transposed(out, "cy", ".ods"),
        transposed_wales_column(out),
        long_table(out, "en", (2022,), [0, 1, 2, 3, 4], ".csv", "StatsWales open data (CSV)"),
        long_table(out, "cy", (2022,), order_cy, ".xlsx", "StatsWales (Welsh) download"),
        long_table(out, "en", (2017, 2022), [2, 3, 0, 1, 4], ".ods", "data-lab extract"),
        statswales_open_data(out),
        committee_report(out),
        stacked_elections(out, titled=True),
        stacked_elections(out, titled=False),
        side_by_side(out, merged=True, suffix=".xlsx"),
        side_by_side(out, merged=False, suffix=".csv"),
        side_by_side_untitled(out),
        percent_cells(out, consistent=True),
        percent_cells(out, consistent=False),
        markers(out),
        welsh_wide(out),
        semicolon_wide(out),
        forms_export(out, "en", ".xlsx"),
        forms_export(out, "cy", ".xlsx"),
        google_forms(out),
        jisc_export(out),
        smartsurvey_welsh(out),
        surveymonkey_welsh(out),
        surveymonkey_two_rows(out),
        roster(out, "en", ".xlsx"),
        roster(out, "cy", ".csv"),
        notes_only(out),
    ]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: make_layout_corpus.py OUT_DIR", file=sys.stderr)
        return 2
    for case in build(argv[0]):
        print(f"{case.name}\t{case.layout}\t{case.tool}\t{case.kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
