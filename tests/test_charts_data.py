"""Small hand-made tables in the analysis contract shapes, for the chart tests and baselines.

No tests here: the chart tests and ``scripts/update_chart_baselines.py`` import these builders
(so the baselines are drawn from exactly the data the tests use). Every figure is typed in by
hand; shares are count / base.
"""

from __future__ import annotations

import pandas as pd

WALES = "W92000004"

# (code, English name, seats, women) - seats from the registry; women invented but plausible
COUNCILS = [
    ("W06000001", "Isle of Anglesey", 35, 8),
    ("W06000002", "Gwynedd", 69, 21),
    ("W06000003", "Conwy", 55, 17),
    ("W06000004", "Denbighshire", 48, 15),
    ("W06000005", "Flintshire", 67, 20),
    ("W06000006", "Wrexham", 56, 14),
    ("W06000008", "Ceredigion", 38, 11),
    ("W06000009", "Pembrokeshire", 60, 15),
    ("W06000010", "Carmarthenshire", 75, 24),
    ("W06000011", "Swansea", 75, 33),
    ("W06000012", "Neath Port Talbot", 60, 20),
    ("W06000013", "Bridgend", 51, 22),
    ("W06000014", "Vale of Glamorgan", 54, 23),
    ("W06000015", "Cardiff", 79, 40),
    ("W06000016", "Rhondda Cynon Taf", 75, 33),
    ("W06000018", "Caerphilly", 69, 26),
    ("W06000019", "Blaenau Gwent", 33, 9),
    ("W06000020", "Torfaen", 40, 18),
    ("W06000021", "Monmouthshire", 46, 20),
    ("W06000022", "Newport", 51, 21),
    ("W06000023", "Powys", 68, 22),
    ("W06000024", "Merthyr Tydfil", 30, 4),  # under 5: suppressed in the fixture
]
WALES_SEATS = sum(c[2] for c in COUNCILS)  # 1,234
WALES_WOMEN = sum(c[3] for c in COUNCILS)  # 452 -> 36.6%
SUPPRESSED = "W06000024"
POPULATION_FEMALE = 0.511


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for col in ("election", "survey_year", "count", "base", "excluded"):
        if col in frame.columns:
            frame[col] = frame[col].astype("Int64")
    for col in ("share", "ci_low", "ci_high", "population_share", "gap_pp", "ratio"):
        if col in frame.columns:
            frame[col] = frame[col].astype("Float64")
    for col in ("council_code", "council", "measure", "group", "suppression", "scope"):
        if col in frame.columns:
            frame[col] = frame[col].astype("string")
    if "suppressed" in frame.columns:
        frame["suppressed"] = frame["suppressed"].astype(bool)
    return frame


def sex_shares(*, population: bool = True, suppress: bool = True) -> pd.DataFrame:
    """Women and men by council and Wales, 2022, as breakdown -> compare -> suppress gives."""
    rows = []
    for code, name, seats, women in [*COUNCILS, (WALES, "Wales", WALES_SEATS, WALES_WOMEN)]:
        hidden = suppress and code == SUPPRESSED
        for group, count in (("Female", women), ("Male", seats - women)):
            rows.append(
                {
                    "election": 2022,
                    "council_code": code,
                    "council": name,
                    "measure": "sex",
                    "group": group,
                    "count": None if hidden else count,
                    "base": seats,
                    "share": None if hidden else count / seats,
                    "suppressed": hidden,
                    "suppression": ("primary" if group == "Female" else "secondary")
                    if hidden
                    else "",
                }
            )
    frame = pd.DataFrame(rows)
    if population:
        pop = frame["group"].map({"Female": POPULATION_FEMALE, "Male": 1 - POPULATION_FEMALE})
        frame["population_share"] = pop
        frame["gap_pp"] = 100 * (frame["share"] - pop)
        frame["ratio"] = frame["share"] / pop
        frame["population_base"] = "all usual residents"
        frame["benchmark_area"] = WALES
        frame["benchmark_fallback"] = frame["council_code"] != WALES
    return _typed(frame)


# council -> (women 2017, seats 2017) for the change table; Wales = sums
WOMEN_2017 = {
    "W06000001": (5, 30),
    "W06000011": (25, 72),
    "W06000015": (30, 75),
    "W06000019": (12, 42),  # fell: 28.6% -> 27.3%
    "W06000023": (15, 73),
    "W06000024": (6, 33),
}


def change_table() -> pd.DataFrame:
    """2017 -> 2022 for six councils and Wales: Conwy only in 2022, Torfaen only in 2017,
    Merthyr Tydfil suppressed in 2022."""
    seats22 = {c[0]: (c[3], c[2], c[1]) for c in COUNCILS}
    rows = []
    codes = [*WOMEN_2017, "W06000003", "W06000020"]
    for code in codes:
        w22, s22, name = seats22[code]
        w17, s17 = WOMEN_2017.get(code, (None, None))
        status = "both"
        if code == "W06000003":
            status, w17, s17 = "only in 2022", None, None
        if code == "W06000020":
            status, w17, s17, w22, s22 = "only in 2017", 10, 44, None, None
        hidden = code == SUPPRESSED
        share_from = None if w17 is None else w17 / s17
        share_to = None if (w22 is None or hidden) else w22 / s22
        rows.append(
            {
                "council_code": code,
                "council": name,
                "measure": "sex",
                "group": "Female",
                "count_from": w17,
                "base_from": s17,
                "share_from": share_from,
                "count_to": None if hidden else w22,
                "base_to": s22,
                "share_to": share_to,
                "change_pp": None
                if share_from is None or share_to is None
                else 100 * (share_to - share_from),
                "status": status,
                "suppressed": hidden,
            }
        )
    rows.append(
        {
            "council_code": WALES,
            "council": "Wales",
            "measure": "sex",
            "group": "Female",
            "count_from": 345,
            "base_from": 1254,
            "share_from": 345 / 1254,  # 27.5%
            "count_to": WALES_WOMEN,
            "base_to": WALES_SEATS,
            "share_to": WALES_WOMEN / WALES_SEATS,  # 36.6%
            "change_pp": 100 * (WALES_WOMEN / WALES_SEATS - 345 / 1254),
            "status": "both",
            "suppressed": False,
        }
    )
    frame = _typed(pd.DataFrame(rows))
    for col in ("count_from", "base_from", "count_to", "base_to"):
        frame[col] = frame[col].astype("Int64")
    for col in ("share_from", "share_to", "change_pp"):
        frame[col] = frame[col].astype("Float64")
    frame["status"] = frame["status"].astype("string")
    frame.attrs["from_election"] = 2017
    frame.attrs["to_election"] = 2022
    return frame


def ethnicity_compared() -> pd.DataFrame:
    """Wales, 2022: 1,190 of 1,234 councillors White, 22 ethnic minority, 22 not known."""
    rows = [
        ("White", 1190, 1212, 0.938),
        ("Ethnic minority", 22, 1212, 0.062),
        ("Not known", 22, 1234, None),
    ]
    frame = pd.DataFrame(
        [
            {
                "election": 2022,
                "council_code": WALES,
                "council": "Wales",
                "measure": "ethnicity",
                "group": g,
                "count": c,
                "base": b,
                "share": c / b,
                "population_share": p,
            }
            for g, c, b, p in rows
        ]
    )
    frame["gap_pp"] = 100 * (frame["share"] - frame["population_share"])
    return _typed(frame)


AGE_COUNTS = {"Under 40": 148, "40-59": 432, "60+": 654}  # of 1,234
AGE_POPULATION = {"Under 40": 0.34, "40-59": 0.33, "60+": 0.33}  # adults, re-banded


def age_shares() -> pd.DataFrame:
    frame = pd.DataFrame(
        [
            {
                "election": 2022,
                "council_code": WALES,
                "council": "Wales",
                "measure": "age",
                "group": g,
                "count": c,
                "base": WALES_SEATS,
                "share": c / WALES_SEATS,
            }
            for g, c in AGE_COUNTS.items()
        ]
    )
    return _typed(frame)


def survey_shares() -> pd.DataFrame:
    """Disability in the 2023 member survey, Wales: 31 of 240 disabled, 3 suppressed in a
    council, 12 preferred not to say (excluded from the base of 240)."""
    rows = [
        (WALES, "Wales", "Disabled", 31, 240, 0.0925, 0.1787),
        (WALES, "Wales", "Not disabled", 209, 240, 0.8213, 0.9075),
        (WALES, "Wales", "Prefer not to say", 12, 252, None, None),
        ("W06000015", "Cardiff", "Disabled", None, 20, None, None),
    ]
    frame = pd.DataFrame(
        [
            {
                "survey_year": 2023,
                "council_code": code,
                "council": name,
                "measure": "disability",
                "group": g,
                "count": c,
                "base": b,
                "share": None if c is None else c / b,
                "ci_low": lo,
                "ci_high": hi,
                "excluded": 12 if code == WALES else 1,
                "suppressed": c is None,
            }
            for code, name, g, c, b, lo, hi in rows
        ]
    )
    return _typed(frame)


def roles_table() -> pd.DataFrame:
    """Women among all councillors (452/1,234), executive (55/200) and leaders (3/22)."""
    rows = [
        ("All members", WALES_WOMEN, WALES_SEATS),
        ("Executive", 55, 200),
        ("Leader", 3, 22),
    ]
    frame = pd.DataFrame(
        [
            {
                "council_code": WALES,
                "council": "Wales",
                "scope": s,
                "group": "Female",
                "count": c,
                "base": b,
                "share": c / b,
            }
            for s, c, b in rows
        ]
    )
    return _typed(frame)
