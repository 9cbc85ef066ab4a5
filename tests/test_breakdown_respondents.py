"""The respondents' breakdown over several survey years: counted by hand from the nine rows
below (breakdown tallies distinct answer patterns, so the same answer repeated must add up)."""

from __future__ import annotations

import pandas as pd

from diversity_review.analysis import breakdown

ANGLESEY, GWYNEDD, WALES = "W06000001", "W06000002", "W92000004"


def respondents() -> pd.DataFrame:
    # year  council   sex
    rows = [
        (2022, ANGLESEY, "Female"),
        (2022, ANGLESEY, "Female"),
        (2022, ANGLESEY, "Male"),
        (2022, GWYNEDD, "Prefer not to say"),
        (2022, None, "Male"),  # no council: Wales only
        (2023, GWYNEDD, "Female"),
        (2023, GWYNEDD, None),  # unanswered: excluded
        (None, ANGLESEY, "Female"),  # no year: counted nowhere
        (2023, GWYNEDD, "Female"),
    ]
    year, code, sex = zip(*rows, strict=True)
    return pd.DataFrame(
        {
            "survey_year": pd.array(year, dtype="Int64"),
            "council_code": pd.array(code, dtype="str"),
            "sex": pd.Categorical(sex, categories=["Female", "Male", "Prefer not to say"]),
        }
    )


def figures(out: pd.DataFrame) -> dict[tuple, tuple[int, int, int]]:
    return {
        (int(y), c, g): (int(n), int(b), int(x))
        for y, c, g, n, b, x in out[
            ["survey_year", "council_code", "group", "count", "base", "excluded"]
        ].itertuples(index=False)
    }


def test_each_year_counted_apart_with_wales_from_every_respondent_of_the_year():
    got = figures(breakdown(respondents(), "sex"))
    # 2022: Anglesey F2 M1 (base 3); Gwynedd only "Prefer not to say" (base 0, 1 excluded);
    # Wales adds the respondent with no council: F2 M2 over 4, the Gwynedd one excluded.
    # 2023: Gwynedd F2 over 2, one unanswered; Wales the same. The row with no year is nowhere.
    assert got == {
        (2022, ANGLESEY, "Female"): (2, 3, 0),
        (2022, ANGLESEY, "Male"): (1, 3, 0),
        (2022, GWYNEDD, "Female"): (0, 0, 1),
        (2022, GWYNEDD, "Male"): (0, 0, 1),
        (2022, WALES, "Female"): (2, 4, 1),
        (2022, WALES, "Male"): (2, 4, 1),
        (2023, GWYNEDD, "Female"): (2, 2, 1),
        (2023, GWYNEDD, "Male"): (0, 2, 1),
        (2023, WALES, "Female"): (2, 2, 1),
        (2023, WALES, "Male"): (0, 2, 1),
    }


def test_overall_only_and_prefer_not_to_say_in_the_base():
    got = figures(breakdown(respondents(), "sex", by=None, include_not_stated=True))
    # 2022 Wales: F2 M2 P1 over 5, nobody excluded; 2023 Wales: F2 over 2, one unanswered.
    assert got == {
        (2022, WALES, "Female"): (2, 5, 0),
        (2022, WALES, "Male"): (2, 5, 0),
        (2022, WALES, "Prefer not to say"): (1, 5, 0),
        (2023, WALES, "Female"): (2, 2, 1),
        (2023, WALES, "Male"): (0, 2, 1),
        (2023, WALES, "Prefer not to say"): (0, 2, 1),
    }
