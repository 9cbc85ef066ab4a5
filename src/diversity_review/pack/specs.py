"""The pack, declared: one :class:`TableSpec` per table, with its charts and its display.

To add a table to the pack, add one spec to :data:`SPECS`: a compute function (in
:mod:`.compute`, returning ``(values, frame)`` pairs), the name and title templates, the source,
the workbook notes, the published columns and the charts. Nothing else in the pack names a
table: tables are computed, displayed, written and charted from these declarations, in this
order (which is the order of the sheets, the CSVs and the charts on the page).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ..analysis import compare_with_population, set_aside_not_known
from . import compute, experience, stood
from .display import (
    Column,
    council,
    count,
    flag,
    integer,
    measure_label,
    percent,
    points,
    status,
    surveyed_council,
    text,
    words,
)

__all__ = ["Value", "Setting", "ChartSpec", "TableSpec", "SPECS"]


@dataclass(frozen=True)
class Value:
    """A chart argument taken from the table's values (e.g. ``Value("measure")``)."""

    key: str


@dataclass(frozen=True)
class Setting:
    """A text taken from the run's :class:`~.config.PackConfig` (e.g. its review source)."""

    name: str


@dataclass(frozen=True)
class ChartSpec:
    """One chart drawn from a table.

    Parameters
    ----------
    stem : str
        File name template (``{year}``, ``{measure}`` ... from the table's values).
    draw : str
        The public function of :mod:`diversity_review.charts` that draws it; it is called as
        ``draw(frame, *args, lang=..., source=...)``.
    args : tuple
        Arguments after the frame: plain values, or :class:`Value` from the table's values.
    prepare : callable, optional
        Applied to the table's frame first (e.g. ``compare_with_population``).
    census : bool
        The source note names Census 2021 too.
    measure : str, optional
        Drawn only for the table of this measure.
    each : str, optional
        One chart per distinct value of this column of the frame, which joins the values.
    """

    stem: str
    draw: str
    args: tuple[object, ...] = ()
    prepare: Callable[[pd.DataFrame], pd.DataFrame] | None = None
    census: bool = False
    measure: str | None = None
    each: str | None = None


@dataclass(frozen=True)
class TableSpec:
    """One table of the pack (or a family of them: one per measure, say)."""

    name: str  # file and sheet name template, e.g. "councillors_{measure}_{year}"
    title: str  # English, translated at presentation
    compute: Callable[[compute.Inputs], list[compute.Computed]]
    source: str | Setting  # a source's name (English), or the setting that names it
    columns: tuple[Column, ...]  # the table as published
    census: bool = False  # the table's source note names Census 2021 too
    notes: tuple[str, ...] = ("suppression", "base")  # keys of display.notes()
    legend: bool = True  # the table uses the [c] / [x] / [z] markers
    charts: tuple[ChartSpec, ...] = ()  # drawn from the table, in this order
    #: columns worked out from the protected frame (so they show nothing protection hid)
    derive: Callable[[pd.DataFrame], pd.DataFrame] | None = None
    topic: str = ""  # its section of the page (English); sections in order of first use


HIDDEN = "suppressed"
COUNCIL = (Column("Council code", text("council_code")), Column("Council", council()))
GROUP = (
    Column("Group", words("group")),
    Column("Count", count("count"), HIDDEN),
    Column("Base", count("base")),
    Column("Share (%)", percent("share", base="base"), HIDDEN),
)
REVIEW = Setting("review_source")
CANDIDACIES = "Democracy Club candidacy data"

MEASURE = Value("measure")
DIFFERENCE_HIDDEN = "difference_suppressed"

SPECS: tuple[TableSpec, ...] = (
    TableSpec(
        name="councillors_{measure}_{year}",
        topic="Councillors by council",
        title="Councillors by {measure} and council, {year}",
        compute=compute.councillor_tables,
        source=REVIEW,
        charts=(
            ChartSpec(
                "women_by_council_{year}",
                "share_by_council",
                args=("Female",),
                prepare=compare_with_population,
                census=True,
                measure="sex",
            ),
            ChartSpec(
                "age_profile_{year}",
                "age_profile",
                args=(None,),
                prepare=compare_with_population,
                census=True,
                measure="age",
            ),
        ),
        columns=(*COUNCIL, *GROUP),
    ),
    TableSpec(
        name="population_comparison_{year}",
        topic="Councillors and the population",
        title="Councillors in Wales compared with the population (Census 2021), {year}",
        compute=compute.population_table,
        source=REVIEW,
        census=True,
        notes=("suppression", "base", "population"),
        charts=(
            ChartSpec(
                "population_{measure}_{year}",
                "population_comparison",
                args=(MEASURE,),
                census=True,
                each="measure",
            ),
        ),
        columns=(
            *COUNCIL,
            Column("Measure", measure_label()),
            *GROUP,
            Column("Population share (%)", percent("population_share")),
            Column("Gap (percentage points)", points("gap_pp"), HIDDEN),
            Column("Ratio to population", points("ratio", 2), HIDDEN),
            Column("Population base", words("population_base")),
            Column(
                "Not known, councillors (%)", percent("not_known_share"), "not_known_suppressed"
            ),
            Column("Not known, population (%)", percent("population_not_known_share")),
        ),
        derive=set_aside_not_known,
    ),
    TableSpec(
        name="change_sex_{before}_{year}",
        topic="Change since the previous election",
        title="Women councillors by council, {before} and {year}",
        compute=compute.change_table,
        source=REVIEW,
        charts=(ChartSpec("women_change_{before}_{year}", "change_chart", args=("Female",)),),
        columns=(
            *COUNCIL,
            Column(
                "Women {year} (%)",
                percent("share_from"),
                "suppressed_from",
                header_values=(("year", "before"),),
            ),
            Column("Women {year} (%)", percent("share_to"), "suppressed_to"),
            Column("Change (percentage points)", points("change_pp"), HIDDEN),
            Column("Status", status()),
        ),
    ),
    TableSpec(
        name="roles_{year}",
        topic="Executive members and leaders",
        title="Women among all councillors, executive members and leaders in Wales, {year}",
        compute=compute.roles_table,
        source=REVIEW,
        charts=(ChartSpec("roles_{year}", "roles_chart", args=("Female",)),),
        columns=(*COUNCIL, Column("Role", words("scope")), *GROUP),
    ),
    TableSpec(
        name="candidates_sex_{year}",
        topic="Candidates and elections",
        title="Candidates and councillors by sex and council, {year}",
        compute=stood.candidate_tables,
        source=CANDIDACIES,
        notes=("suppression", "base", "candidates"),
        columns=(*COUNCIL, Column("Stage", words("scope")), *GROUP),
    ),
    TableSpec(
        name="candidate_success_{year}",
        topic="Candidates and elections",
        title="Share of candidates elected, by sex and council, {year}",
        compute=stood.success_table,
        source=CANDIDACIES,
        notes=("suppression", "candidates"),
        columns=(
            *COUNCIL,
            Column("Group", words("group")),
            Column("Elected", count("count"), HIDDEN),
            Column("Stood", count("base"), HIDDEN),
            Column("Elected (%)", percent("share", base="base"), HIDDEN),
            Column("Lower 95% limit (%)", percent("ci_low", base="base"), HIDDEN),
            Column("Upper 95% limit (%)", percent("ci_high", base="base"), HIDDEN),
        ),
    ),
    TableSpec(
        name="wards_no_woman_{year}",
        topic="Candidates and elections",
        title="Wards where no woman stood, by council, {year}",
        compute=stood.wards_table,
        source=CANDIDACIES,
        notes=("candidates", "public"),
        columns=(
            *COUNCIL,
            Column("Wards with no woman standing", count("count")),
            Column("Wards", count("base")),
            Column("Share of wards (%)", percent("share", base="base")),
        ),
    ),
    TableSpec(
        name="seats_unopposed_{year}",
        topic="Candidates and elections",
        title="Seats won unopposed, by council, {year}",
        compute=stood.unopposed_table,
        source=CANDIDACIES,
        notes=("candidates", "public"),
        columns=(
            *COUNCIL,
            Column("Seats won unopposed", count("count")),
            Column("Seats", count("base")),
            Column("Share of seats (%)", percent("share", base="base")),
            Column("Wards", count("wards")),
            Column("Wards won unopposed", count("wards_unopposed")),
        ),
    ),
    TableSpec(
        name="survey_{measure}",
        topic="The member diversity survey",
        title="Members answering the diversity survey by {measure}, {coverage}, {year}",
        compute=compute.survey_tables,
        source=Setting("survey_source"),
        notes=("suppression", "base", "survey", "coverage"),
        charts=(ChartSpec("survey_{measure}", "survey_chart", args=(MEASURE,)),),
        columns=(
            Column("Council code", text("council_code")),
            Column("Council", surveyed_council()),
            *GROUP,
            Column("Lower 95% limit (%)", percent("ci_low", base="base"), HIDDEN),
            Column("Upper 95% limit (%)", percent("ci_high", base="base"), HIDDEN),
            Column("Respondents", count("respondents", of_question=False)),
            Column("Seats", count("seats", of_question=False)),
            Column("Response rate (%)", percent("response_rate")),
            Column("Low response", flag("low_response", "Low response")),
        ),
    ),
    TableSpec(
        name="exp_{outcome}_{by}",
        topic="Experience of office",
        title="Survey respondents reporting {outcome}, by {by}, {coverage}",
        compute=experience.experience_tables,
        source=Setting("survey_source"),
        notes=("experience", "experience_protection", "experience_title"),
        charts=(ChartSpec("exp_{outcome}_{by}", "experience_chart", args=(Value("outcome"),)),),
        columns=(
            Column("Group", experience.group_cell()),
            Column("Count", count("count"), HIDDEN),
            Column("Base", count("base"), "base_suppressed"),
            Column("Share (%)", percent("share", base="base"), HIDDEN),
            Column("Lower 95% limit (%)", percent("ci_low", base="base"), HIDDEN),
            Column("Upper 95% limit (%)", percent("ci_high", base="base"), HIDDEN),
            Column(
                "Difference from other respondents (percentage points)",
                experience.difference_points("difference"),
                DIFFERENCE_HIDDEN,
            ),
            Column(
                "Lower 95% limit of the difference (percentage points)",
                experience.difference_points("diff_low"),
                DIFFERENCE_HIDDEN,
            ),
            Column(
                "Upper 95% limit of the difference (percentage points)",
                experience.difference_points("diff_high"),
                DIFFERENCE_HIDDEN,
            ),
            Column("Note", experience.note_cell()),
        ),
    ),
    TableSpec(
        name="executive_job_shares",
        topic="Executive members and leaders",
        title="Councils sharing executive portfolios after the 2022 elections",
        compute=compute.job_share_table,
        source="WLGA additional information to the Senedd Local Government and Housing Committee",
        notes=(),
        legend=False,
        columns=(
            *COUNCIL,
            Column("Shared portfolios", integer("shared_portfolios")),
            Column("Portfolios", text("portfolios")),
        ),
    ),
)
