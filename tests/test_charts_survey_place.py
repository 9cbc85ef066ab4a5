"""A one-council survey is charted as that council, never as Wales."""

import pandas as pd
import pytest

from diversity_review.analysis import breakdown
from diversity_review.charts import survey_chart


def _respondents(codes):
    sexes = ["Female", "Female", "Male", "Male", "Male", "Prefer not to say"] * 2
    return pd.DataFrame(
        {
            "respondent_id": pd.array(range(1, len(codes) + 1), dtype="Int64"),
            "council_code": codes,
            "survey_year": pd.array([2023] * len(codes), dtype="Int64"),
            "sex": pd.Categorical(
                sexes[: len(codes)],
                categories=["Female", "Male", "Prefer not to say"],
                ordered=True,
            ),
        }
    )


def test_one_council_survey_names_the_council_not_wales():
    shares = breakdown(_respondents(["W06000010"] * 6), "sex")
    fig = survey_chart(shares, "sex")
    # 2 of the 5 who answered are women: 40%
    assert fig.alt_text.count("women were 40% of councillors who answered the survey") == 1
    assert "(Carmarthenshire)" in fig.alt_text
    assert "in Wales" not in fig.alt_text
    cy = survey_chart(shares, "sex", lang="cy")
    assert "(Sir Gaerfyrddin)" in cy.alt_text


def test_several_councils_use_wales_unless_a_council_is_asked_for():
    codes = ["W06000010"] * 6 + ["W06000015"] * 6
    shares = breakdown(_respondents(codes), "sex")
    assert "in Wales" in survey_chart(shares, "sex").alt_text
    cardiff = survey_chart(shares, "sex", council="Caerdydd")
    assert "(Cardiff)" in cardiff.alt_text
    with pytest.raises(ValueError, match="no rows for Newport"):
        survey_chart(shares, "sex", council="Newport")
