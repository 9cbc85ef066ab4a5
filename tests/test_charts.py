"""What the charts draw: bars, order, colours, labels, notes and alt text, in both languages.

Expected figures are worked out by hand from the tables in ``test_charts_data.py``.
"""

from __future__ import annotations

import math
import warnings

import matplotlib as mpl
import pandas as pd
import pytest
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

import test_charts_data as data
from diversity_review import charts, i18n
from diversity_review.charts import (
    age_profile,
    alt_text,
    change_chart,
    population_comparison,
    roles_chart,
    save_figure,
    share_by_council,
    survey_chart,
)

# the palette at WCAG AA: orange darkened from #F46A25, grey bars from #BFBFBF (issue 14)
BLUE, ORANGE, GREY = "#12436D", "#C0501A", "#8A8A8A"


# --- helpers: read what is drawn -------------------------------------------------------------


def bars(ax):
    """Data bars (gid ``bar-…``), top to bottom."""
    found = [p for p in ax.patches if (p.get_gid() or "").startswith("bar-")]
    return sorted(found, key=lambda p: -(p.get_y() + p.get_height() / 2))


def intervals(ax):
    """``{gid: (low, high)}`` of the confidence-interval whiskers drawn."""
    out = {}
    for coll in ax.collections:
        if (coll.get_gid() or "").startswith("ci-"):
            (seg,) = coll.get_segments()
            out[coll.get_gid()] = (seg[0][0], seg[1][0])
    return out


def gids(ax):
    return [p.get_gid() for p in bars(ax)]


def ytick_labels(ax):
    """Category labels, top to bottom."""
    ticks = sorted(zip(ax.get_yticks(), ax.get_yticklabels(), strict=True), key=lambda t: -t[0])
    return [label.get_text() for _, label in ticks]


def all_texts(fig):
    fig.canvas.draw()
    out = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts]
        out += [ax.get_title(loc) for loc in ("left", "center", "right")]
        out += [ax.get_xlabel(), ax.get_ylabel()]
        out += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    return [t for t in out if t]


def title(fig):
    return fig._suptitle.get_text().replace("\n", " ")


def note(fig):
    return fig._supxlabel.get_text().replace("\n", " ")


def ax_texts(ax):
    return [t.get_text() for t in ax.texts]


def same_colour(a, b):
    return to_rgba(a) == pytest.approx(to_rgba(b))


# --- share_by_council ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def women_en() -> Figure:
    return share_by_council(data.sex_shares(), "Female")


@pytest.fixture(scope="module")
def women_cy() -> Figure:
    return share_by_council(data.sex_shares(), "Female", lang="cy")


def test_share_bars_are_sorted_and_measured(women_en):
    ax = women_en.axes[0]
    drawn = bars(ax)
    # 21 councils with a value + Wales; Merthyr Tydfil is suppressed
    assert len(drawn) == 22
    assert [b.get_gid() for b in drawn[:4]] == [
        "bar-W06000015",  # Cardiff 40/79
        "bar-W06000020",  # Torfaen 18/40
        "bar-W06000011",  # Swansea 33/75 (tie with RCT, ONS order)
        "bar-W06000016",  # Rhondda Cynon Taf 33/75
    ]
    assert drawn[0].get_width() == pytest.approx(40 / 79)
    assert drawn[-1].get_gid() == "bar-W06000001"  # Isle of Anglesey 8/35
    assert drawn[-1].get_width() == pytest.approx(8 / 35)
    widths = [b.get_width() for b in drawn]
    assert widths == sorted(widths, reverse=True)
    assert all(b.get_x() == 0 for b in drawn)
    assert ax.get_xlim()[0] == 0


def test_share_wales_is_highlighted_and_councils_grey(women_en):
    ax = women_en.axes[0]
    wales = [b for b in bars(ax) if b.get_gid() == "bar-W92000004"]
    assert len(wales) == 1 and wales[0].get_width() == pytest.approx(436 / 1234)
    assert same_colour(wales[0].get_facecolor(), BLUE)
    others = [b for b in bars(ax) if b.get_gid() != "bar-W92000004"]
    assert all(same_colour(b.get_facecolor(), GREY) for b in others)
    labels = {t.get_text(): t for t in ax.get_yticklabels()}
    assert labels["Wales"].get_fontweight() == "bold"


def test_share_suppressed_row_is_text_not_a_bar(women_en):
    ax = women_en.axes[0]
    assert "bar-W06000024" not in gids(ax)
    assert ytick_labels(ax)[-1] == "Merthyr Tydfil"
    assert "[c]" in ax_texts(ax)
    assert "[c] confidential" in note(women_en)


def test_share_population_line_band_and_labels(women_en):
    ax = women_en.axes[0]
    (line,) = [ln for ln in ax.lines if ln.get_gid() == "population-line"]
    assert line.get_xdata()[0] == pytest.approx(0.511)
    assert same_colour(line.get_color(), ORANGE)
    (band,) = [p for p in ax.patches if p.get_gid() == "parity-band"]
    x0, x1 = band.get_x(), band.get_x() + band.get_width()
    assert (x0, x1) == (pytest.approx(0.4), pytest.approx(0.6))
    texts = ax_texts(ax)
    assert "Population: 51%" in texts
    assert "Parity band:\n40% to 60%" in texts
    assert "51%" in texts and "23%" in texts and "35%" in texts  # direct value labels


def test_share_title_note_and_alt_text(women_en):
    assert title(women_en) == (
        "In 2022, women were 35% of councillors in Wales, against 51% of the population; "
        "councils ranged from 23% to 51%"  # the spread makes the title this chart's own
    )
    assert note(women_en).startswith("Source: WLGA diversity review 2022; Census 2021 (ONS)")
    alt = alt_text(women_en)
    assert alt == women_en.alt_text
    assert "women were 35% of councillors in Wales" in alt
    assert "highest share was in Cardiff (51%)" in alt
    assert "lowest in Isle of Anglesey (23%)" in alt
    # inside 40-60%: Cardiff, Torfaen, Swansea, RCT, Monmouthshire, Bridgend, Vale, Newport
    assert "parity band of 40% to 60%: 8 of 21" in alt
    assert "([c]): Merthyr Tydfil" in alt


def test_share_in_welsh(women_cy):
    ax = women_cy.axes[0]
    labels = ytick_labels(ax)
    assert labels[0] == "Caerdydd" and labels[-1] == "Merthyr Tudful"
    assert "Cymru" in labels and "Ynys Môn" in labels and "Wales" not in labels
    assert [b.get_width() for b in bars(ax)][:1] == [pytest.approx(40 / 79)]
    assert title(women_cy) == (
        "Yn 2022, roedd menywod yn 35% o gynghorwyr yng Nghymru, o'i gymharu â 51% o'r boblogaeth"
        "; roedd y cynghorau rhwng 23% a 51%"
    )
    assert note(women_cy).startswith("Ffynhonnell: Adolygiad amrywiaeth CLlLC 2022")
    assert "[c]" in ax_texts(ax)
    assert "bar-W06000024" not in gids(ax)
    assert ax.get_xlabel() == "Cyfran o gynghorwyr"
    assert "Y gyfran uchaf: Caerdydd (51%)" in alt_text(women_cy)


def test_share_text_is_horizontal(women_en, women_cy):
    for fig in (women_en, women_cy):
        fig.canvas.draw()
        ax = fig.axes[0]
        for text in [*ax.get_xticklabels(), *ax.get_yticklabels(), *ax.texts, *fig.texts]:
            assert text.get_rotation() == 0


def test_share_without_population_or_wales():
    frame = data.sex_shares(population=False)
    fig = share_by_council(frame)
    ax = fig.axes[0]
    assert not [ln for ln in ax.lines if ln.get_gid() == "population-line"]
    assert title(fig) == (
        "In 2022, women were 35% of councillors in Wales; councils ranged from 23% to 51%"
    )
    assert note(fig).startswith("Source: WLGA diversity review 2022\n".strip())
    no_wales = frame[frame["council_code"] != data.WALES]
    fig = share_by_council(no_wales, source="Test source")
    assert title(fig) == "Women as a share of councillors, by council, 2022"
    assert "bar-W92000004" not in gids(fig.axes[0])
    assert note(fig).startswith("Source: Test source")


def test_share_with_each_councils_own_population():
    frame = data.sex_shares()
    frame["population_share"] = frame["population_share"] + pd.Series(
        [0.001 * (i % 3) for i in range(len(frame))], dtype="Float64"
    )
    fig = share_by_council(frame)
    ax = fig.axes[0]
    (marks,) = [c for c in ax.collections if c.get_gid() == "population-marks"]
    assert len(marks.get_segments()) == 23  # every council and Wales have a figure
    assert "marked on its bar" in alt_text(fig)


def test_share_survey_data_draws_intervals():
    shares = data.survey_shares()
    fig = share_by_council(shares, "Disabled")
    ax = fig.axes[0]
    assert gids(ax) == ["bar-W92000004"]  # Cardiff is suppressed
    assert intervals(ax) == {"ci-W92000004": pytest.approx((0.0925, 0.1787))}
    assert (
        title(fig)
        == "In 2023, disabled people were 13% of councillors who answered the survey in Wales"
    )
    assert "95% confidence intervals" in note(fig)


def test_share_draws_into_given_axes():
    fig = Figure()
    ax = fig.add_subplot(121)
    out = share_by_council(data.sex_shares(), ax=ax)
    assert out is fig and len(bars(ax)) == 22
    assert ax.get_title(loc="left").replace("\n", " ").startswith("In 2022, women were 35%")
    assert "women were 35%" in alt_text(fig)


def test_share_rejects_what_it_cannot_draw():
    with pytest.raises(ValueError, match="share"):
        share_by_council(data.sex_shares().drop(columns="share"))
    with pytest.raises(ValueError, match="no rows for group"):
        share_by_council(data.sex_shares(), "Nonexistent")
    with pytest.raises(ValueError, match="2019"):
        share_by_council(data.sex_shares(), year=2019)


# --- change_chart ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def change_en() -> Figure:
    return change_chart(data.change_table())


def offsets(ax, gid):
    (coll,) = [c for c in ax.collections if c.get_gid() == gid]
    return coll, [tuple(p) for p in coll.get_offsets()]


def test_change_dots_order_and_colours(change_en):
    ax = change_en.axes[0]
    assert ytick_labels(ax) == [
        "Cardiff",  # 2022: 40/79
        "Swansea",  # 33/75
        "Wales",  # 436/1234
        "Powys",  # 22/68
        "Conwy",  # 17/55, 2022 only
        "Blaenau Gwent",  # 9/33
        "Isle of Anglesey",  # 8/35
        "Torfaen",  # 2017 only: 10/44
        "Merthyr Tydfil",  # 2022 suppressed: sorted by 2017 6/33
    ]
    from_coll, from_pts = offsets(ax, "from")
    to_coll, to_pts = offsets(ax, "to")
    assert same_colour(from_coll.get_facecolor()[0], ORANGE)
    assert same_colour(to_coll.get_facecolor()[0], BLUE)
    assert len(from_pts) == 8  # all but Conwy
    assert len(to_pts) == 7  # not Torfaen (2017 only) nor Merthyr Tydfil ([c])
    top_y = max(y for _, y in to_pts)
    assert dict((y, x) for x, y in to_pts)[top_y] == pytest.approx(40 / 79)
    assert dict((y, x) for x, y in from_pts)[top_y] == pytest.approx(30 / 75)
    assert ax.get_xlim()[0] == 0


def test_change_column_and_words(change_en):
    ax = change_en.axes[0]
    texts = ax_texts(ax)
    assert "+11 pp" in texts  # Cardiff 50.6% - 40.0%
    assert "-1 pp" in texts  # Blaenau Gwent 27.3% - 28.6%
    assert "2022 only" in texts and "2017 only" in texts and "[c]" in texts
    assert "2017" in texts and "2022" in texts and "Change" in texts  # direct series labels
    assert title(change_en) == (
        "Between 2017 and 2022, women rose from 28% to 35% of councillors in Wales"
    )
    alt = alt_text(change_en)
    assert "largest rise was in Powys, from 21% to 32%" in alt  # 15/73 -> 22/68
    assert "largest fall was in Blaenau Gwent, from 29% to 27%" in alt
    assert "share rose: 4 of 5" in alt
    assert "In 2022 only: Conwy." in alt and "In 2017 only: Torfaen." in alt
    assert "([c]): Merthyr Tydfil" in alt
    assert note(change_en).startswith("Source: WLGA diversity reviews 2017 and 2022")


def test_change_in_welsh():
    fig = change_chart(data.change_table(), lang="cy")
    ax = fig.axes[0]
    assert ytick_labels(ax)[:3] == ["Caerdydd", "Abertawe", "Cymru"]
    texts = ax_texts(ax)
    assert "2022 yn unig" in texts and "+11 pwynt canran" in texts and "Newid" in texts
    assert title(fig) == ("Rhwng 2017 a 2022, cododd menywod o 28% i 35% o gynghorwyr yng Nghymru")


@pytest.mark.parametrize(
    ("to_count", "expected"),
    [
        (300, "Between 2017 and 2022, women fell from 28% to 24% of councillors in Wales"),
        (340, "Between 2017 and 2022, women stayed at 28% of councillors in Wales"),
    ],
)
def test_change_title_says_fell_or_stayed(to_count, expected):
    frame = data.change_table()
    wales = frame["council_code"] == data.WALES
    frame.loc[wales, "share_to"] = to_count / 1234
    frame.loc[wales, "change_pp"] = 100 * (to_count / 1234 - 345 / 1254)
    assert title(change_chart(frame)) == expected


def test_change_needs_its_years():
    frame = data.change_table()
    frame.attrs = {}
    frame["status"] = "both"
    with pytest.raises(ValueError, match="from_election"):
        change_chart(frame)


# --- population_comparison and age_profile ---------------------------------------------------


def test_population_comparison_pairs():
    fig = population_comparison(data.ethnicity_compared(), "ethnicity")
    ax = fig.axes[0]
    drawn = bars(ax)
    assert [b.get_gid() for b in drawn] == [
        "bar-members-White",
        "bar-population-White",
        "bar-members-Ethnic minority",
        "bar-population-Ethnic minority",
    ]
    assert [b.get_width() for b in drawn] == pytest.approx([1190 / 1212, 0.938, 22 / 1212, 0.062])
    assert same_colour(drawn[0].get_facecolor(), BLUE)
    assert same_colour(drawn[1].get_facecolor(), ORANGE)
    assert ytick_labels(ax) == ["White", "Ethnic minority"]  # Not known left out
    texts = ax_texts(ax)
    assert "98%  councillors" in texts and "94%  population" in texts and "1.8%" in texts
    assert title(fig) == (
        "In 2022, people from ethnic minority groups were 1.8% of councillors in Wales, "
        "against 6.2% of the population"
    )
    assert "Not shown: Not known." in note(fig)
    assert "Ethnic minority: 1.8% of councillors, against 6.2% of the population." in alt_text(fig)


def test_population_comparison_in_welsh_and_missing_population():
    frame = data.ethnicity_compared()
    frame.loc[frame["group"] == "Ethnic minority", "population_share"] = pd.NA
    fig = population_comparison(frame, "ethnicity", lang="cy")
    ax = fig.axes[0]
    assert ytick_labels(ax) == ["Gwyn", "Lleiafrif ethnig"]
    assert "bar-population-Ethnic minority" not in gids(ax)
    assert "[x]" in ax_texts(ax)
    assert "[x] ddim ar gael." in note(fig)


def test_age_profile_bars_and_title():
    fig = age_profile(data.age_shares(), data.AGE_POPULATION)
    ax = fig.axes[0]
    members = [b for b in bars(ax) if "members" in b.get_gid()]
    population = [b for b in bars(ax) if "population" in b.get_gid()]
    assert [b.get_width() for b in members] == pytest.approx([148 / 1234, 432 / 1234, 654 / 1234])
    assert [b.get_width() for b in population] == pytest.approx([0.34, 0.33, 0.33])
    assert ytick_labels(ax) == ["Under 40", "40-59", "60+"]
    # largest over-representation: 60+ (53% against 33%)
    assert title(fig) == (
        "In 2022, 53% of councillors in Wales were aged 60 or over, against 33% of the population"
    )
    assert "Under 40: 12% of councillors, against 34% of the population." in alt_text(fig)


def test_age_profile_population_forms_agree():
    members = data.age_shares()
    table = pd.DataFrame(
        {
            "area_code": [data.WALES] * 3 + ["W06000015"],
            "group": ["Under 40", "40-59", "60+", "60+"],
            "population_share": [0.34, 0.33, 0.33, 0.2],
        }
    )
    with_column = members.assign(
        population_share=members["group"].map(data.AGE_POPULATION).astype("Float64")
    )
    widths = []
    for fig in (
        age_profile(members, table),
        age_profile(members, pd.Series(data.AGE_POPULATION)),
        age_profile(with_column),
    ):
        widths.append([b.get_width() for b in bars(fig.axes[0])])
    assert widths[0] == widths[1] == widths[2]


def test_age_profile_rejects_unmatched_bands():
    with pytest.raises(ValueError, match="re-band"):
        age_profile(data.age_shares(), {"Under 40": 0.3, "40-64": 0.4, "65+": 0.3})
    fig = age_profile(data.age_shares(), {"Under 40": 0.34, "40-59": 0.33}, lang="cy")
    assert "[x]" in ax_texts(fig.axes[0])


# --- survey_chart ----------------------------------------------------------------------------


def test_survey_chart_intervals_n_and_prefer_not_apart():
    fig = survey_chart(data.survey_shares(), "disability")
    ax = fig.axes[0]
    drawn = bars(ax)
    assert [b.get_gid() for b in drawn] == ["bar-Disabled", "bar-Not disabled", "bar-prefer-not"]
    assert [b.get_width() for b in drawn] == pytest.approx([31 / 240, 209 / 240, 12 / 252])
    assert same_colour(drawn[0].get_facecolor(), BLUE)
    assert same_colour(drawn[2].get_facecolor(), GREY)  # shown apart, in grey
    assert intervals(ax) == {
        "ci-Disabled": pytest.approx((0.0925, 0.1787)),
        "ci-Not disabled": pytest.approx((0.8213, 0.9075)),
    }
    texts = ax_texts(ax)
    assert "13% (n = 31)" in texts and "87% (n = 209)" in texts
    assert "4.8% of all respondents (n = 12), not in the shares above" in texts
    assert ytick_labels(ax)[-1] == "Prefer not to say"
    assert title(fig) == (
        "In 2023, disabled people were 13% of councillors who answered the survey in Wales"
    )
    alt = alt_text(fig)
    assert "from 240 councillors" in alt
    assert "Disabled: 13% (95% confidence interval 9.2% to 18%; n = 31)." in alt


def test_survey_chart_suppressed_group_is_not_drawn():
    frame = data.survey_shares()
    hide = (frame["council_code"] == data.WALES) & (frame["group"] == "Disabled")
    frame.loc[hide, ["count", "share", "ci_low", "ci_high"]] = pd.NA
    frame.loc[hide, "suppressed"] = True
    frame = frame[frame["group"] != "Prefer not to say"]
    fig = survey_chart(frame, "disability", lang="cy")
    ax = fig.axes[0]
    assert gids(ax) == ["bar-Not disabled"]
    assert list(intervals(ax)) == ["ci-Not disabled"]
    texts = ax_texts(ax)
    assert "[c]" in texts
    assert "n = 12 heb eu cynnwys yn y cyfrannau uchod" in texts  # from the excluded count
    assert ytick_labels(ax)[0] == "Anabl"


def test_survey_chart_titles_without_a_focus_group():
    frame = data.survey_shares()
    frame = frame[frame["council_code"] == data.WALES].copy()
    religion = frame.assign(
        measure="religion", group=["No religion", "Christian", "Prefer not to say"]
    )
    fig = survey_chart(religion, "religion")
    # "No religion" 31/240 is smaller than "Christian" 209/240
    assert title(fig) == (
        "In 2023, the most common answer in Wales was “Christian”: 87% of councillors who "
        "answered the survey"
    )
    age = frame.assign(measure="age", group=["18-29", "60-74", "Prefer not to say"])
    fig = survey_chart(age, "age", lang="cy")
    assert title(fig) == (
        "Yn 2023, roedd 87% o'r cynghorwyr a atebodd yr arolwg yng Nghymru rhwng 60 a 74 oed"
    )


# --- roles_chart -----------------------------------------------------------------------------


def test_roles_chart():
    fig = roles_chart(data.roles_table())
    ax = fig.axes[0]
    assert [b.get_width() for b in bars(ax)] == pytest.approx([436 / 1234, 55 / 200, 3 / 22])
    assert ytick_labels(ax) == ["All councillors", "Executive (cabinet)", "Council leaders"]
    assert all(same_colour(b.get_facecolor(), BLUE) for b in bars(ax))
    assert "28% (55 of 200)" in ax_texts(ax)
    assert title(fig) == (
        "In Wales, women were 35% of councillors, 28% of executive members and 14% of "
        "council leaders"
    )
    assert "Council leaders: 3 of 22 (14%)." in alt_text(fig)


def test_roles_chart_in_welsh_with_year():
    frame = data.roles_table().assign(election=pd.array([2022] * 3, dtype="Int64"))
    fig = roles_chart(frame, lang="cy")
    assert ytick_labels(fig.axes[0]) == [
        "Pob cynghorydd",
        "Gweithrediaeth (cabinet)",
        "Arweinwyr cynghorau",
    ]
    assert title(fig).startswith("Yn 2022, roedd menywod yn 35% o gynghorwyr Cymru")


# --- style, state and saving -----------------------------------------------------------------


def every_chart(lang: str):
    return [
        share_by_council(data.sex_shares(), lang=lang),
        share_by_council(data.sex_shares(population=False), lang=lang),
        change_chart(data.change_table(), lang=lang),
        population_comparison(data.ethnicity_compared(), "ethnicity", lang=lang),
        age_profile(data.age_shares(), data.AGE_POPULATION, lang=lang),
        survey_chart(data.survey_shares(), "disability", lang=lang),
        roles_chart(data.roles_table(), lang=lang),
    ]


def test_no_global_style_is_left_behind(tmp_path):
    before = dict(mpl.rcParams)
    figs = every_chart("en")
    save_figure(figs[0], tmp_path / "one", dpi=40)
    after = dict(mpl.rcParams)
    assert after == before


def test_charts_use_the_house_font_and_palette():
    palette = {to_rgba(c) for c in (*charts.PALETTE, charts.CONTEXT_GREY)}
    for fig in every_chart("en"):
        for ax in fig.axes:
            for b in bars(ax):
                assert to_rgba(b.get_facecolor()) in palette
            for label in ax.get_yticklabels():
                assert label.get_fontname() == "DejaVu Sans"


def test_every_label_is_in_the_welsh_catalogue(monkeypatch):
    """Run every chart (and their branches) in Welsh with missing translations as errors."""
    monkeypatch.setattr(i18n, "_warned", set())
    change = data.change_table()
    wales = change["council_code"] == data.WALES
    fell = change.copy()
    fell.loc[wales, "share_to"] = 0.2
    stayed = change.copy()
    stayed.loc[wales, "share_to"] = 345 / 1254
    no_wales = data.sex_shares()
    no_wales = no_wales[no_wales["council_code"] != data.WALES]
    base_zero = data.sex_shares(population=False)
    base_zero.loc[base_zero["council_code"] == "W06000001", ["base", "count", "share"]] = 0
    base_zero.loc[base_zero["council_code"] == "W06000001", "share"] = pd.NA
    unknown = data.sex_shares(suppress=False)
    unknown.loc[unknown["council_code"] == "W06000002", "share"] = pd.NA
    roles_part = data.roles_table().iloc[:2]
    survey_no_pns = data.survey_shares()
    survey_no_pns = survey_no_pns[survey_no_pns["group"] != "Prefer not to say"]
    religion = data.survey_shares()
    religion = religion[religion["council_code"] == data.WALES].assign(
        measure="religion", group=["No religion", "Christian", "Prefer not to say"]
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", i18n.TranslationWarning)
        figs = every_chart("cy")
        figs += [
            change_chart(fell, lang="cy"),
            change_chart(stayed, lang="cy"),
            change_chart(change[~wales], lang="cy"),
            share_by_council(no_wales, lang="cy"),
            share_by_council(base_zero, lang="cy"),
            share_by_council(unknown, lang="cy"),
            share_by_council(data.survey_shares(), "Disabled", lang="cy"),
            roles_chart(roles_part, lang="cy"),
            survey_chart(survey_no_pns, "disability", lang="cy"),
            survey_chart(religion, "religion", lang="cy"),
            age_profile(data.age_shares(), {"Under 40": 0.3}, lang="cy"),
        ]
    assert i18n._warned == set()
    # the wording tables hold only catalogue entries, including those no fixture reaches
    from diversity_review.charts import words

    for text in [
        *words.SUBJECTS.values(),
        *words.OF_MEMBERS.values(),
        *words.AGE_PHRASES.values(),
        *words.SCOPE_LABELS.values(),
    ]:
        assert text in i18n._catalogue("cy"), text
    assert "[z]" in " ".join(all_texts(figs[11]))


def test_welsh_chart_contains_no_english_labels():
    fig = share_by_council(data.sex_shares(), lang="cy")
    english = {"Wales", "Source", "Population", "Parity band", "Share of councillors", "Cardiff"}
    for text in all_texts(fig):
        assert not any(word in text for word in english), text


def test_save_figure_is_deterministic(tmp_path):
    fig = share_by_council(data.sex_shares(), lang="cy")
    first = save_figure(fig, tmp_path / "a" / "women", dpi=60)
    again = share_by_council(data.sex_shares(), lang="cy")
    second = save_figure(again, tmp_path / "b" / "women", dpi=60)
    assert [p.name for p in first] == ["women.png", "women.svg", "women.txt"]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    svg = first[1].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    assert "Yn 2022, roedd menywod" in svg  # title and alt text in the SVG metadata
    assert first[2].read_text(encoding="utf-8") == alt_text(fig) + "\n"
    assert b"diversity_review" in first[0].read_bytes()[:2000]  # PNG Software entry


def test_save_figure_keeps_dots_in_names(tmp_path):
    paths = save_figure(roles_chart(data.roles_table()), tmp_path / "roles.2022", dpi=40)
    assert [p.name for p in paths] == ["roles.2022.png", "roles.2022.svg", "roles.2022.txt"]
    assert all(p.stat().st_size > 0 for p in paths)


def test_percent_axis_ticks_are_whole_percentages(women_en):
    women_en.canvas.draw()
    ticks = [t.get_text() for t in women_en.axes[0].get_xticklabels()]
    assert ticks == ["0%", "20%", "40%", "60%"]
    assert not math.isnan(women_en.axes[0].get_xlim()[1])
