"""The pack's population table names each figure's base and gives the "Not known" set aside
on both sides (issue 10). Expected shares are summed here from a hand-built review."""

from __future__ import annotations

import pandas as pd
import pytest

from diversity_review.analysis import set_aside_not_known
from diversity_review.pack.config import PackConfig
from diversity_review.pack.display import published_frame
from diversity_review.pack.tables import compute_tables

CARDIFF, GWYNEDD = "W06000015", "W06000002"


def review() -> pd.DataFrame:
    """2022: Cardiff 40 F, 37 M, 2 not known (79); Gwynedd 20 F, 49 M, 0 not known (69)."""
    rows = [
        (CARDIFF, "Cardiff", "Female", 40, 79),
        (CARDIFF, "Cardiff", "Male", 37, 79),
        (CARDIFF, "Cardiff", "Not known", 2, 79),
        (GWYNEDD, "Gwynedd", "Female", 20, 69),
        (GWYNEDD, "Gwynedd", "Male", 49, 69),
        (GWYNEDD, "Gwynedd", "Not known", 0, 69),
    ]
    frame = pd.DataFrame(
        [
            {
                "election": 2022,
                "council_code": code,
                "council": name,
                "measure": "sex",
                "group": g,
                "count": c,
                "base": b,
                "suppressed": False,
                "source": "test",
            }
            for code, name, g, c, b in rows
        ]
    )
    return frame.astype({"election": "Int64", "count": "Int64", "base": "Int64"})


def population(config: PackConfig) -> pd.DataFrame:
    tables = compute_tables(review(), None, config)
    table = next(t for t in tables if t.name.startswith("population"))
    return published_frame(table, "en").set_index("Group")


def test_population_table_names_its_base_and_the_not_known_set_aside():
    frame = population(PackConfig(threshold=1))
    # Wales: 2 not known of 79 + 69 = 148 councillors
    assert frame.loc["Female", "Not known, councillors (%)"] == round(100 * 2 / 148, 1)
    assert frame.loc["Male", "Not known, councillors (%)"] == round(100 * 2 / 148, 1)
    assert frame.loc["Female", "Population base"] == "all usual residents"
    # the Census has no "not known" for sex
    assert frame.loc["Female", "Not known, population (%)"] == "[x]"


@pytest.mark.parametrize("settings", [{"threshold": 1}, {"threshold": 5, "exempt_groups": ()}])
def test_the_column_publishes_only_what_the_not_known_row_does(settings):
    frame = population(PackConfig(**settings))
    published = frame.loc["Not known", "Share (%)"]
    assert frame.loc["Female", "Not known, councillors (%)"] == published


def test_a_suppressed_not_known_stays_hidden():
    compared = pd.DataFrame(
        {
            "council_code": [CARDIFF] * 3,
            "measure": ["sex"] * 3,
            "group": ["Female", "Male", "Not known"],
            "share": pd.array([0.5, 0.47, None], dtype="Float64"),  # hidden by protection
            "suppressed": [False, False, True],
            "population_share": pd.array([0.51, 0.49, None], dtype="Float64"),
        }
    )
    out = set_aside_not_known(compared)
    assert out["not_known_suppressed"].tolist() == [True, True, True]
    assert out["not_known_share"].isna().all()
    assert out.index.equals(compared.index)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_columns_are_published_in_each_language(lang):
    tables = compute_tables(review(), None, PackConfig(threshold=1))
    table = next(t for t in tables if t.name.startswith("population"))
    assert len(published_frame(table, lang).columns) == len(table.spec.columns)
