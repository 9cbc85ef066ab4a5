"""The benchmark pack: the whole flow, from raw files to published, disclosure-controlled outputs.

``build_pack`` loads every review workbook and survey export, computes the tables, suppresses
small cells, and writes for each language (``en/``, ``cy/``): every chart as PNG and SVG with
its alt text, the tables as CSV, one accessible workbook, and an ``index.html``; plus a
``manifest.json`` (SHA-256 of every input and output, package version, parameters) and a
top-level ``index.html``. The pack is built in a temporary folder and moved into place only
when complete; two runs on the same inputs give byte-identical files.
"""

from __future__ import annotations

import html
import sys
import time
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

import pandas as pd

from . import __version__
from .analysis import breakdown, change_between, compare_with_population, roles_comparison
from .categories import MEASURES, SURVEY_MEASURES
from .councils import WALES_CODE, council_label
from .disclosure import suppress
from .errors import DataError, Problem, RowAccount, display_name, row_account
from .i18n import translate
from .load.benchmarks import job_shares
from .publish import (
    PublishedTable,
    atomic_folder,
    html_page,
    html_table,
    sha256,
    write_csv,
    write_json,
    write_workbook,
)

__all__ = ["PackConfig", "PackSummary", "build_pack", "pack_tables"]

SUPPRESSED, NOT_AVAILABLE, NOT_APPLICABLE = "[c]", "[x]", "[z]"


@dataclass(frozen=True)
class PackConfig:
    """Parameters of the pack; every field can be set in a TOML file (``--config``).

    Examples
    --------
    >>> PackConfig(threshold=10).threshold
    10
    """

    threshold: int = 5
    suppress_zero: bool = False
    #: groups published even when small: how many councillors' sex (say) the review could not
    #: record discloses nothing about anyone, and hiding it would hide the Wales headline too
    exempt_groups: tuple[str, ...] = ("Not known",)
    langs: tuple[str, ...] = ("en", "cy")
    title: str = "Diversity of councillors in Wales"
    review_source: str = "WLGA post-election diversity review"
    survey_source: str = "Member diversity survey"
    review_measures: tuple[str, ...] = (
        "sex",
        "ethnicity",
        "age",
        "disability",
        "welsh_language",
        "tenure",
        "uncontested",
    )
    population_measures: tuple[str, ...] = ("sex", "ethnicity", "disability", "welsh_language")
    survey_measures: tuple[str, ...] = SURVEY_MEASURES

    @classmethod
    def from_toml(cls, path: Path) -> PackConfig:
        """Read parameters from a TOML file; an unknown key is an error naming it."""
        name = display_name(path)
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise DataError(Problem("config file not found", name)) from None
        except tomllib.TOMLDecodeError as exc:
            raise DataError(Problem(f"not valid TOML ({exc})", name)) from None
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise DataError(
                Problem(
                    f"unknown setting {unknown[0]!r}; the settings are {', '.join(known)}", name
                )
            )
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
        return cls(**values)


@dataclass(frozen=True)
class PackSummary:
    """What a pack run wrote (printed as the one-line summary)."""

    out: Path
    files: tuple[str, ...]
    elections: tuple[int, ...]
    respondents: int
    seconds: float
    accounts: tuple[RowAccount, ...] = field(default_factory=tuple)

    def __str__(self) -> str:
        years = ", ".join(map(str, self.elections)) or "none"
        return (
            f"wrote {len(self.files)} files to {self.out} (elections {years}; "
            f"{self.respondents} survey respondents) in {self.seconds:.1f} s"
        )


# ---------------------------------------------------------------------------------------------
# inputs


def _load_all(reviews: Sequence[Path], surveys: Sequence[Path]):
    from .load.review import load_review
    from .load.survey import load_surveys

    for path in [*reviews, *surveys]:
        if not Path(path).is_file():
            raise DataError(Problem("file not found", str(path)))
    counts = [load_review(p) for p in reviews]
    responses = load_surveys(surveys) if surveys else None
    accounts = tuple(row_account(f) for f in counts)
    if responses is not None:
        accounts += (row_account(responses),)
    all_counts = pd.concat(counts, ignore_index=True) if counts else None
    if all_counts is not None:
        _check_overlap(all_counts)
    return all_counts, responses, accounts


def _check_overlap(counts: pd.DataFrame) -> None:
    """The same council and election given twice (e.g. in two workbooks) is an error."""
    key = ["election", "council_code", "measure", "group"]
    dup = counts[counts.duplicated(key, keep=False)]
    if dup.empty:
        return
    first = dup.iloc[0]
    where = sorted(set(dup[(dup[key] == first[key]).all(axis=1)]["source"]))
    raise DataError(
        Problem(
            f"{first['council']} {first['election']} ({first['measure']}: {first['group']}) is "
            f"given more than once: {' and '.join(where)}"
        )
    )


# ---------------------------------------------------------------------------------------------
# tables (language-free; every one disclosure-controlled)


@dataclass(frozen=True)
class _Table:
    name: str
    title: str  # English, translated at presentation
    frame: pd.DataFrame
    source: str
    kind: str  # "council" | "wales" | "change" | "roles" | "survey" | "reference"
    title_values: tuple[tuple[str, object], ...] = ()


def pack_tables(
    counts: pd.DataFrame | None,
    respondents: pd.DataFrame | None,
    config: PackConfig = PackConfig(),
    *,
    audit: bool = False,
) -> dict[str, pd.DataFrame]:
    """Every table the pack publishes, after disclosure control, keyed by name.

    Useful in a notebook to see exactly what the pack would publish. Suppressed counts and
    the shares from them are NA with ``suppressed`` True. The ``suppression`` column (which
    cells were primary) is for audit only and is left out unless ``audit=True``: publishing
    it would tell readers more than the disclosure model allows.

    Examples
    --------
    >>> tables = pack_tables(load_review("review.xlsx"), None)  # doctest: +SKIP
    >>> sorted(tables)[:2]  # doctest: +SKIP
    ['change_sex_2017_2022', 'councillors_age_2022']
    """
    tables = {t.name: t.frame for t in _tables(counts, respondents, config)}
    if audit:
        return tables
    return {name: f.drop(columns=["suppression"], errors="ignore") for name, f in tables.items()}


def _controlled(frame: pd.DataFrame, config: PackConfig) -> pd.DataFrame:
    return suppress(
        frame,
        threshold=config.threshold,
        suppress_zero=config.suppress_zero,
        exempt_groups=config.exempt_groups,
    )


def _tables(counts, respondents, config: PackConfig) -> list[_Table]:
    tables: list[_Table] = []
    if counts is not None and not counts.empty:
        tables += _review_tables(counts, config)
    if respondents is not None and not respondents.empty:
        tables += _survey_tables(respondents, config)
    shares = job_shares()
    tables.append(
        _Table(
            "executive_job_shares",
            "Councils sharing executive portfolios after the 2022 elections",
            shares,
            "WLGA additional information to the Senedd Local Government and Housing Committee",
            "reference",
        )
    )
    return tables


def _review_tables(counts: pd.DataFrame, config: PackConfig) -> list[_Table]:
    elections = sorted(int(e) for e in counts["election"].dropna().unique())
    latest = elections[-1]
    now = counts[counts["election"] == latest]
    present = set(now["measure"])
    src = config.review_source
    out: list[_Table] = []
    controlled: dict[str, pd.DataFrame] = {}
    for measure in config.review_measures:
        if measure not in present:
            continue
        table = _controlled(breakdown(now, measure), config)
        controlled[measure] = table
        out.append(
            _Table(
                f"councillors_{measure}_{latest}",
                "Councillors by {measure} and council, {year}",
                table,
                src,
                "council",
                (("measure", MEASURES[measure].label), ("year", latest)),
            )
        )
    compared = [
        compare_with_population(controlled[m])
        for m in config.population_measures
        if m in controlled
    ]
    if compared:
        frame = pd.concat(compared, ignore_index=True)
        frame = frame[frame["council_code"] == WALES_CODE].reset_index(drop=True)
        out.append(
            _Table(
                f"population_comparison_{latest}",
                "Councillors in Wales compared with the population (Census 2021), {year}",
                frame,
                src,
                "wales",
                (("year", latest),),
            )
        )
    if len(elections) > 1 and "sex" in present:
        before = elections[-2]
        if "sex" in set(counts.loc[counts["election"] == before, "measure"]):
            out.append(_change_table(counts, before, latest, config, src))
    if {"executive_sex", "leader_sex"} & present:
        roles = roles_comparison(counts, election=latest)
        roles = roles[roles["council_code"] == WALES_CODE].reset_index(drop=True)
        out.append(
            _Table(
                f"roles_{latest}",
                "Women among all councillors, executive members and leaders in Wales, {year}",
                _controlled(roles, config),
                src,
                "roles",
                (("year", latest),),
            )
        )
    return out


def _change_table(counts, before: int, latest: int, config: PackConfig, src: str) -> _Table:
    """Change in women's share; a share suppressed at either election is suppressed here."""
    change = change_between(counts, before, latest, measure="sex", group="Female")
    hidden = set()
    for year in (before, latest):
        table = _controlled(breakdown(counts[counts["election"] == year], "sex"), config)
        rows = table[(table["group"] == "Female") & table["suppressed"]]
        hidden |= {(year, code) for code in rows["council_code"]}
    change = change.copy()
    for year, suffix in ((before, "from"), (latest, "to")):
        mask = change["council_code"].map(lambda c, y=year: (y, c) in hidden).astype(bool)
        change.loc[mask, [f"count_{suffix}", f"share_{suffix}", "change_pp"]] = pd.NA
        change[f"suppressed_{suffix}"] = mask
    change["suppressed"] = change["suppressed_from"] | change["suppressed_to"]
    return _Table(
        f"change_sex_{before}_{latest}",
        "Women councillors by council, {before} and {year}",
        change,
        src,
        "change",
        (("before", before), ("year", latest)),
    )


def _survey_tables(respondents: pd.DataFrame, config: PackConfig) -> list[_Table]:
    out = []
    years = sorted(int(y) for y in respondents["survey_year"].dropna().unique())
    label = "-".join(map(str, dict.fromkeys([years[0], years[-1]]))) if years else ""
    # a survey of one council's members says nothing about Wales: publish the council alone
    one_council = respondents["council_code"].dropna().nunique() == 1
    for measure in config.survey_measures:
        if measure not in respondents.columns:
            continue
        table = breakdown(respondents, measure, include_not_stated=True)
        if one_council:
            table = table[table["council_code"] != WALES_CODE].reset_index(drop=True)
        table = _controlled(table, config)
        out.append(
            _Table(
                f"survey_{measure}",
                "Members answering the diversity survey by {measure}, {year}",
                table,
                config.survey_source,
                "survey",
                (("measure", MEASURES[measure].label), ("year", label)),
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# presentation: display tables and charts in one language


def _cell_count(value, hidden: bool):
    if hidden:
        return SUPPRESSED
    return NOT_AVAILABLE if pd.isna(value) else int(value)


def _cell_pct(value, hidden: bool, base=None):
    if hidden:
        return SUPPRESSED
    if base is not None and not pd.isna(base) and int(base) == 0:
        return NOT_APPLICABLE  # nobody to take a share of (e.g. a question a council did not ask)
    return NOT_AVAILABLE if pd.isna(value) else round(100 * float(value), 1)


def _cell_pp(value, hidden: bool):
    if hidden:
        return SUPPRESSED
    return NOT_AVAILABLE if pd.isna(value) else round(float(value), 1)


def _display(table: _Table, lang: str) -> pd.DataFrame:
    """The table as published: chosen columns, translated labels, ``[c]``/``[x]`` markers."""
    frame = table.frame
    tr = lambda text: translate(text, lang)  # noqa: E731 - a short local alias reads best here
    if table.kind == "reference":
        return pd.DataFrame(
            {
                tr("Council code"): frame["council_code"],
                tr("Council"): [
                    council_label(c, n, lang)
                    for c, n in zip(frame["council_code"], frame["council"], strict=True)
                ],
                tr("Shared portfolios"): frame["shared_portfolios"].astype(int),
                tr("Portfolios"): frame["portfolios"],
            }
        )
    hidden = frame["suppressed"].fillna(False).astype(bool) if "suppressed" in frame else None
    rows = []
    for i, row in enumerate(frame.itertuples(index=False)):
        r = row._asdict()
        h = bool(hidden.iloc[i]) if hidden is not None else False
        out = {}
        out[tr("Council code")] = r["council_code"]
        out[tr("Council")] = council_label(r["council_code"], r["council"], lang)
        if table.kind == "change":
            out[tr("Women {year}").format(year=table.frame.attrs.get("from_election", ""))] = (
                _cell_pct(r["share_from"], bool(r["suppressed_from"]))
            )
            out[tr("Women {year}").format(year=table.frame.attrs.get("to_election", ""))] = (
                _cell_pct(r["share_to"], bool(r["suppressed_to"]))
            )
            out[tr("Change (percentage points)")] = _cell_pp(r["change_pp"], h)
            out[tr("Status")] = _status(r["status"], lang)
            rows.append(out)
            continue
        if table.kind == "roles":
            out[tr("Role")] = tr(r["scope"])
        if table.kind == "wales":
            out[tr("Measure")] = tr(MEASURES[r["measure"]].label)
        out[tr("Group")] = tr(r["group"])
        out[tr("Count")] = _cell_count(r["count"], h)
        out[tr("Base")] = _cell_count(r["base"], False)
        out[tr("Share (%)")] = _cell_pct(r["share"], h, r["base"])
        if table.kind == "survey":
            out[tr("Lower 95% limit (%)")] = _cell_pct(r.get("ci_low"), h, r["base"])
            out[tr("Upper 95% limit (%)")] = _cell_pct(r.get("ci_high"), h, r["base"])
        if table.kind == "wales":
            out[tr("Population share (%)")] = _cell_pct(r["population_share"], False)
            out[tr("Gap (percentage points)")] = _cell_pp(r["gap_pp"], h)
            out[tr("Ratio to population")] = (
                SUPPRESSED
                if h
                else NOT_AVAILABLE
                if pd.isna(r["ratio"])
                else round(float(r["ratio"]), 2)
            )
            out[tr("Population base")] = (
                tr(r["population_base"]) if isinstance(r["population_base"], str) else NOT_AVAILABLE
            )
        rows.append(out)
    return pd.DataFrame(rows)


def _status(status: str, lang: str) -> str:
    """``both`` / ``only in 2017`` from change_between, in words of the language."""
    if status == "both":
        return translate("Both elections", lang)
    return translate("Only in {year}", lang, year=status.rsplit(" ", 1)[-1])


def _source_text(table: _Table, lang: str) -> str:
    return _source(table.source, table.kind == "wales", lang) if table.source else ""


def _title(table: _Table, lang: str) -> str:
    values = {
        k: (translate(v, lang) if isinstance(v, str) and k == "measure" else v)
        for k, v in table.title_values
    }
    if "measure" in values:
        values["measure"] = values["measure"].lower() if lang == "en" else values["measure"]
    return translate(table.title, lang, **values)


def _charts(tables: list[_Table], config: PackConfig) -> list[tuple[str, Callable]]:
    """(file stem, function of lang -> Figure) for every chart the tables support."""
    from . import charts

    jobs: list[tuple[str, Callable]] = []

    def add(stem: str, make: Callable) -> None:
        jobs.append((stem, make))

    for t in tables:
        if t.name.startswith("councillors_sex_"):
            compared = compare_with_population(t.frame)
            add(
                f"women_by_council_{dict(t.title_values)['year']}",
                lambda lang, f=compared: charts.share_by_council(
                    f, "Female", lang=lang, source=_source(config.review_source, True, lang)
                ),
            )
        elif t.name.startswith("councillors_age_"):
            age = compare_with_population(t.frame)
            add(
                f"age_profile_{dict(t.title_values)['year']}",
                lambda lang, f=age: charts.age_profile(
                    f,
                    None,
                    lang=lang,
                    source=_source(config.review_source, True, lang),
                ),
            )
        elif t.kind == "change":
            frame = t.frame
            add(
                t.name.replace("change_sex", "women_change"),
                lambda lang, f=frame: charts.change_chart(
                    f, "Female", lang=lang, source=_source(config.review_source, False, lang)
                ),
            )
        elif t.kind == "wales":
            for measure in dict.fromkeys(t.frame["measure"]):
                add(
                    f"population_{measure}_{dict(t.title_values)['year']}",
                    lambda lang, f=t.frame, m=measure: charts.population_comparison(
                        f, m, lang=lang, source=_source(config.review_source, True, lang)
                    ),
                )
        elif t.kind == "roles":
            add(
                f"roles_{dict(t.title_values)['year']}",
                lambda lang, f=t.frame: charts.roles_chart(
                    f, "Female", lang=lang, source=_source(config.review_source, False, lang)
                ),
            )
        elif t.kind == "survey":
            measure = t.name.removeprefix("survey_")
            add(
                t.name,
                lambda lang, f=t.frame, m=measure: charts.survey_chart(
                    f, m, lang=lang, source=translate(config.survey_source, lang)
                ),
            )
    return jobs


def _source(review_source: str, census: bool, lang: str) -> str:
    text = translate(review_source, lang)
    return f"{text}; {translate('Census 2021', lang)}" if census else text


# ---------------------------------------------------------------------------------------------
# writing


#: furniture of the workbook that gptables would otherwise write in English
_WORKBOOK_LABELS = (
    "Cover",
    "Contents",
    "Notes",
    "Note reference",
    "Note text",
    "Source",
    "This worksheet contains one table.",
    "Table of contents",
    "Sheet name",
    "Table description",
    "Introductory information",
    "About these data",
)


def _notes(config: PackConfig, lang: str) -> dict[str, str]:
    """The workbook's numbered notes, keyed by the name tables refer to them by."""
    tr = lambda text: translate(text, lang)  # noqa: E731
    return {
        "suppression": tr(
            "[c] marks a count (and the share from it) suppressed to protect confidentiality: "
            "it is below {threshold}, or could be worked out from other cells and totals."
        ).format(threshold=config.threshold),
        "base": tr(
            "Shares are percentages of the base: the councillors (or survey respondents) the "
            "measure covers."
        ),
        "population": tr(
            "Population shares are from Census 2021; the population base of each figure is "
            "given in the table."
        ),
        "survey": tr(
            "Survey shares leave out respondents who skipped the question; the 95% limits are "
            "Wilson score intervals."
        ),
    }


def _table_notes(table: _Table) -> tuple[str, ...]:
    extra = {"wales": ("population",), "survey": ("survey",)}.get(table.kind, ())
    return () if table.kind == "reference" else ("suppression", "base", *extra)


def _write_language(
    root: Path, lang: str, tables: list[_Table], chart_jobs, config: PackConfig, tick
) -> None:
    from .charts import save_figure

    tr = lambda text: translate(text, lang)  # noqa: E731
    folder = root / lang
    figures: list[str] = []
    for stem, make in chart_jobs:
        fig = make(lang)
        paths = save_figure(fig, folder / "charts" / stem)
        # a short alt (the chart's title) and the full description as a visible caption the
        # image points to, so a screen reader hears the description once, not twice
        alt = html.escape(getattr(fig, "alt_text", ""))
        title = fig.get_suptitle().replace("\n", " ") or stem
        png = next(p for p in paths if p.suffix == ".png")
        figures.append(
            f'<figure>\n<img src="charts/{html.escape(png.name)}" alt="{html.escape(title)}" '
            f'aria-describedby="desc-{stem}">\n'
            f'<figcaption id="desc-{stem}">{alt}</figcaption>\n</figure>'
        )
        fig.clear()
        tick()
    legend = (
        tr("[c] = confidential (suppressed)"),
        tr("[x] = not available"),
        tr("[z] = not applicable (no members or respondents in the base)"),
    )
    published: list[PublishedTable] = []
    sections: list[str] = []
    for table in tables:
        display = _display(table, lang)
        title = _title(table, lang)
        write_csv(display, folder / "tables" / f"{table.name}.csv")
        published.append(
            PublishedTable(
                table.name[:31],
                title,
                display,
                source=_source_text(table, lang),
                notes=_table_notes(table),
                legend=legend if table.kind != "reference" else (),
            )
        )
        sections.append(html_table(display, title))
    notes = _notes(config, lang)
    write_workbook(
        published,
        folder / f"diversity_review_{lang}.xlsx",
        title=tr(config.title),
        intro=[
            tr(
                "Representation of women, ethnic minority, disabled, Welsh-speaking and young "
                "people among councillors in Wales, compared with the population."
            ),
        ],
        about=[
            *legend,
            tr("Produced by diversity_review {version}.").format(version=__version__),
        ],
        notes=notes,
        labels={k: tr(k) for k in _WORKBOOK_LABELS},
    )
    body = (
        f"<h1>{html.escape(tr(config.title))}</h1>\n"
        + "".join(f"<p>{html.escape(text)}</p>\n" for text in notes.values())
        + f'<p><a href="diversity_review_{lang}.xlsx">'
        f"{html.escape(tr('Download the tables (Excel)'))}</a></p>\n"
        f"<h2>{html.escape(tr('Charts'))}</h2>\n" + "\n".join(figures) + "\n"
        f"<h2>{html.escape(tr('Tables'))}</h2>\n" + "\n".join(sections)
    )
    (folder / "index.html").write_text(
        html_page(tr(config.title), body, lang), encoding="utf-8", newline="\n"
    )


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    bar = tqdm(
        total=total,
        desc="charts",
        unit="chart",
        disable=not (enabled and sys.stderr.isatty()),
        leave=False,
    )
    return bar


def build_pack(
    *,
    reviews: Sequence[str | Path],
    surveys: Sequence[str | Path] = (),
    out: str | Path,
    langs: Sequence[str] | None = None,
    threshold: int | None = None,
    config: str | Path | PackConfig | None = None,
    progress: bool = False,
) -> PackSummary:
    """Regenerate the whole benchmark pack from review workbooks and survey exports.

    Parameters
    ----------
    reviews : sequence of path
        WLGA-style review workbooks (a sheet per election, or a file each). The latest
        election is the headline and the one before it the comparison.
    surveys : sequence of path
        Member survey exports.
    out : path
        The pack folder; only the entries the pack writes are replaced, all at once at the end.
    langs : sequence of {"en", "cy"}, optional
        Languages (default from the config: both).
    threshold : int, optional
        Suppress counts below this (default from the config: 5).
    config : path or PackConfig, optional
        A TOML file of :class:`PackConfig` settings.
    progress : bool
        Show a progress bar while charts render (only on a terminal).

    Returns
    -------
    PackSummary
        Prints as the one-line summary.

    Raises
    ------
    DataError
        For bad input, before anything is written.

    Examples
    --------
    >>> build_pack(reviews=["data/raw/wlga_review_synthetic.xlsx"], out="pack")  # doctest: +SKIP
    """
    started = time.perf_counter()
    cfg = (
        config
        if isinstance(config, PackConfig)
        else (PackConfig.from_toml(Path(config)) if config else PackConfig())
    )
    if threshold is not None:
        cfg = replace(cfg, threshold=int(threshold))
    if langs is not None:
        cfg = replace(cfg, langs=tuple(langs))
    bad = [x for x in cfg.langs if x not in ("en", "cy")]
    if bad or not cfg.langs:
        raise DataError(Problem(f"languages must be en and/or cy, not {','.join(bad) or 'none'}"))
    if cfg.threshold < 1:
        raise DataError(Problem(f"threshold must be at least 1, not {cfg.threshold}"))
    reviews = [Path(p) for p in reviews]
    surveys = [Path(p) for p in surveys]
    if not reviews and not surveys:
        raise DataError(Problem("no review workbook or survey export given"))

    counts, respondents, accounts = _load_all(reviews, surveys)
    tables = _tables(counts, respondents, cfg)
    jobs = _charts(tables, cfg)
    out = Path(out)
    bar = _progress(len(jobs) * len(cfg.langs), progress)
    try:
        with atomic_folder(out) as tmp:
            for lang in cfg.langs:
                _write_language(tmp, lang, tables, jobs, cfg, bar.update)
            _write_root_index(tmp, cfg)
            outputs = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if p.is_file())
            manifest = {
                "package": "diversity_review",
                "version": __version__,
                "parameters": {
                    k: list(v) if isinstance(v, tuple) else v for k, v in asdict(cfg).items()
                },
                "inputs": [
                    {"file": p.name, "kind": kind, "sha256": sha256(p)}
                    for kind, paths in (("review", reviews), ("survey", surveys))
                    for p in paths
                ],
                "row_accounts": [
                    {
                        "file": a.file,
                        "rows_read": a.rows_read,
                        "rows_kept": a.rows_kept,
                        "rows_excluded": len(a.excluded),
                    }
                    for a in accounts
                ],
                "outputs": [{"file": rel, "sha256": sha256(tmp / rel)} for rel in outputs],
            }
            write_json(manifest, tmp / "manifest.json")
    finally:
        bar.close()
    elections = (
        tuple(sorted(int(e) for e in counts["election"].unique())) if counts is not None else ()
    )
    return PackSummary(
        out=out,
        files=(*outputs, "manifest.json"),
        elections=elections,
        respondents=0 if respondents is None else len(respondents),
        seconds=time.perf_counter() - started,
        accounts=accounts,
    )


def _write_root_index(root: Path, cfg: PackConfig) -> None:
    names = {"en": "English", "cy": "Cymraeg"}
    items = "\n".join(
        f'<li><a href="{lang}/index.html" lang="{lang}">{names[lang]}: '
        f"{html.escape(translate(cfg.title, lang))}</a></li>"
        for lang in cfg.langs
    )
    body = f"<h1>{html.escape(cfg.title)}</h1>\n<ul>\n{items}\n</ul>"
    (root / "index.html").write_text(
        html_page(cfg.title, body, "en"), encoding="utf-8", newline="\n"
    )
