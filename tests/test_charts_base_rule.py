"""One rule for a survey share's base (issue 10): the chart's note, bar text and alt text say
what the table's base is, both ways. Values are counted by hand from the frame below."""

from __future__ import annotations

import pandas as pd
import pytest

from diversity_review.analysis import breakdown
from diversity_review.charts import survey_chart
from diversity_review.charts.survey import describe_survey, prepare_survey

ANGLESEY = "W06000001"
SEXES = ["Female", "Male", "Prefer not to say"]


def respondents() -> pd.DataFrame:
    # one council, 10 respondents: 4 F, 2 M, 3 "Prefer not to say", 1 skipped
    sex = ["Female"] * 4 + ["Male"] * 2 + ["Prefer not to say"] * 3 + [None]
    frame = pd.DataFrame(
        {
            "respondent_id": pd.array(range(1, 11), dtype="Int64"),
            "council_code": pd.array([ANGLESEY] * 10, dtype="str"),
            "survey_year": pd.array([2023] * 10, dtype="Int64"),
            "sex": pd.Categorical(sex, categories=SEXES, ordered=True),
        }
    )
    frame.attrs["measures"] = ["sex"]
    return frame


def words(include: bool):
    shares = breakdown(respondents(), "sex", include_not_stated=include)
    chart = prepare_survey(shares, "sex", None, None, "en")
    return chart, describe_survey(chart, "en", None)


def test_not_stated_in_the_base_is_said_so_and_its_share_is_of_all():
    chart, described = words(True)
    assert chart.not_stated_in_base is True
    assert chart.base == 10  # all ten respondents
    female = next(a for a in chart.answers if a.group == "Female")
    assert female.share == pytest.approx(4 / 10)
    assert chart.prefer_not.share == pytest.approx(3 / 10)
    text = " ".join(described.notes)
    assert "not in the shares above" not in described.alt
    assert "in the base of the shares above" in described.alt
    assert "Shares of all 10 councillors asked the question" in text
    assert '"Prefer not to say" and skipped answers are in the base' in text
    assert "are not in the base" not in text + described.alt
    assert "30% of all respondents (n = 3)" in described.alt


def test_not_stated_out_of_the_base_is_said_so_with_how_many():
    chart, described = words(False)
    assert chart.not_stated_in_base is False
    assert chart.base == 6  # 4 F + 2 M
    female = next(a for a in chart.answers if a.group == "Female")
    assert female.share == pytest.approx(4 / 6)
    text = " ".join(described.notes)
    assert "Shares of the 6 councillors who answered the question" in text
    # 3 "Prefer not to say" + 1 skipped = 4 left out
    assert '"Prefer not to say" and skipped answers (4) are not in the base' in text
    assert "in the base of the shares above" not in described.alt
    assert "not in the base" in described.alt


@pytest.mark.parametrize("include", [True, False])
def test_the_drawn_chart_carries_the_same_rule(include):
    shares = breakdown(respondents(), "sex", include_not_stated=include)
    fig = survey_chart(shares, "sex")
    said = "are in the base" if include else "are not in the base"
    assert said in fig.alt_text
    import matplotlib.pyplot as plt

    plt.close(fig)


def test_the_survey_notebook_uses_the_one_setting_everywhere():
    import json
    import re
    from pathlib import Path

    from diversity_review.pack.config import PackConfig

    path = Path(__file__).parents[1] / "notebooks" / "02_member_survey.ipynb"
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    assert f"NOT_STATED_IN_BASE = {PackConfig().not_stated_in_base}" in code[0]
    calls = [m for src in code for m in re.findall(r"breakdown\(\s*respondents,[^\n]*", src)]
    survey_measures = [c for c in calls if "welsh_skills" not in c]
    assert len(survey_measures) >= 5
    assert all("include_not_stated=" in c for c in survey_measures), survey_measures
    packs = [src for src in code if "PackConfig(" in src]
    assert packs and all("not_stated_in_base=NOT_STATED_IN_BASE" in src for src in packs)
