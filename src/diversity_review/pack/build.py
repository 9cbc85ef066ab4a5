"""``build_pack``: the whole flow, from raw files to the published, deterministic pack folder.

Load the inputs -> compute every table of :data:`.specs.SPECS` (disclosure-controlled) -> in a
temporary folder: start the charts (a process pool over the available cores, or serially),
write each language's CSVs and workbook meanwhile, collect the charts in order, write each
language's page, the index and the manifest -> move the folder's entries into place.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from ..errors import DataError, Problem, RowAccount
from ..load.synthetic import is_synthetic
from ..version import package_version
from .config import PackConfig, resolve_config
from .display import legend, notes, published_frame, sheet_name, source_text, title_text
from .files import atomic_folder, sha256, write_csv, write_json, write_text
from .html import root_index
from .inputs import load_inputs
from .page import PageContext, format_date, language_page
from .protection import summary_record
from .render import RenderedChart, Renderer, chart_jobs, worker_count
from .summary import key_points, summary_text
from .tables import Table, protected_tables
from .workbook import PublishedTable, language_workbook

__all__ = ["PackSummary", "build_pack"]


@dataclass(frozen=True)
class PackSummary:
    """What a pack run wrote (printed as the one-line summary)."""

    out: Path
    files: tuple[str, ...]
    elections: tuple[int, ...]
    respondents: int
    seconds: float
    accounts: tuple[RowAccount, ...] = field(default_factory=tuple)
    synthetic: bool = False

    def __str__(self) -> str:
        years = ", ".join(map(str, self.elections)) or "none"
        return (
            f"wrote {len(self.files)} files to {self.out} (elections {years}; "
            f"{self.respondents} survey respondents) in {self.seconds:.1f} s"
            + (" - SYNTHETIC sample data, not real" if self.synthetic else "")
        )


def build_pack(
    *,
    reviews: Sequence[str | Path],
    surveys: Sequence[str | Path] = (),
    candidates: Sequence[str | Path] = (),
    rosters: Sequence[str | Path] = (),
    out: str | Path,
    langs: Sequence[str] | None = None,
    threshold: int | None = None,
    config: str | Path | PackConfig | None = None,
    progress: bool = False,
    jobs: int | None = None,
    loader_options: Mapping[str, Mapping[str, object]] | None = None,
) -> PackSummary:
    """Regenerate the whole benchmark pack from review workbooks and survey exports.

    Parameters
    ----------
    reviews : sequence of path
        WLGA-style review workbooks (a sheet per election, or a file each). The latest
        election is the headline and the one before it the comparison.
    surveys : sequence of path
        Member survey exports.
    candidates : sequence of path
        Democracy Club candidacy CSVs: adds "Who stood and who was elected".
    rosters : sequence of path
        Councillor rosters (one row per member): counted as the review of their councils.
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
    jobs : int, optional
        Processes drawing the charts (default: one per available core; 1 draws them in this
        process). The files are the same whatever the number.
    loader_options : mapping, optional
        Each loader's keyword arguments by kind, e.g. ``{"review": {"columns": {...},
        "election": 2022}}`` (what ``report --columns`` and ``--election`` pass).

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
    cfg = resolve_config(config, threshold=threshold, langs=langs)
    if jobs is not None and jobs < 1:
        raise DataError(Problem(f"jobs must be at least 1, not {jobs}"))
    inputs = _named(review=reviews, survey=surveys, candidates=candidates, roster=rosters)
    loaded = load_inputs(*(_of(inputs, k) for k in KINDS), loader_options)
    if any(is_synthetic(p) for _, p in inputs):
        cfg = replace(cfg, synthetic=True)  # every output says so (load/synthetic.py)
    tables, protected = protected_tables(
        loaded.counts, loaded.respondents, cfg, candidates=loaded.candidates
    )
    out = Path(out)
    outputs = _write_all(out, tables, protected, cfg, inputs, loaded, jobs=jobs, progress=progress)
    return PackSummary(
        out, (*outputs, "manifest.json"), loaded.elections,
        0 if loaded.respondents is None else len(loaded.respondents),
        time.perf_counter() - started, loaded.accounts, cfg.synthetic,
    )  # fmt: skip


#: the kinds of input, in the order the manifest lists them
KINDS = ("review", "survey", "candidates", "roster")


def _named(**paths: Sequence[str | Path]) -> list[tuple[str, Path]]:
    """Every input as (kind, path); at least one review, roster or survey is needed."""
    inputs = [(kind, Path(p)) for kind in KINDS for p in paths[kind]]
    if not any(kind != "candidates" for kind, _ in inputs):
        raise DataError(Problem("no review workbook, roster or survey export given"))
    return inputs


def _of(inputs: list[tuple[str, Path]], kind: str) -> list[Path]:
    return [path for k, path in inputs if k == kind]


def _write_all(out: Path, tables, protected, cfg, inputs, loaded, *, jobs, progress) -> list[str]:
    """The pack and its manifest, switched into ``out`` at once; the files written."""
    version = package_version()
    with atomic_folder(out) as tmp:
        _write_pack(tmp, tables, cfg, version, jobs=jobs, progress=progress)
        outputs = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if p.is_file())
        manifest = _manifest(tmp, cfg, version, inputs, loaded.accounts, outputs)
        manifest["disclosure"] = summary_record(protected)
        write_json(manifest, tmp / "manifest.json")
    return outputs


def _write_pack(
    root: Path, tables: list[Table], cfg: PackConfig, version: str, *, jobs, progress: bool
) -> None:
    """Every file of the pack but the manifest; the tables are written while charts render."""
    charts = chart_jobs(tables, cfg, root)
    with Renderer(charts, worker_count(jobs, len(charts))) as renderer:
        published = {
            lang: _write_tables(root / lang, lang, tables, cfg, version) for lang in cfg.langs
        }
        bar = _progress(len(charts), progress)
        try:
            rendered = renderer.results(bar.update)
        finally:
            bar.close()
    for lang in cfg.langs:
        _write_page(root / lang, lang, cfg, tables, rendered, published[lang])
    write_text(root_index(cfg), root / "index.html")


def _write_tables(
    folder: Path, lang: str, tables: list[Table], cfg: PackConfig, version: str
) -> list[PublishedTable]:
    """Each table as CSV, and all of them in the language's workbook."""
    markers = legend(lang)
    published = []
    for table in tables:
        frame = published_frame(table, lang)
        write_csv(frame, folder / "tables" / f"{table.name}.csv")
        published.append(
            PublishedTable(
                table.name,
                title_text(table, lang),
                frame,
                source=source_text(table.source(cfg), table.spec.census, lang, cfg.synthetic),
                notes=table.spec.notes,
                legend=markers if table.spec.legend else (),
                sheet=sheet_name(table, lang),
            )
        )
    language_workbook(
        published,
        folder / f"diversity_review_{lang}.xlsx",
        lang=lang,
        config=cfg,
        notes=_used_notes(cfg, lang, published),
        legend=markers,
        version=version,
        summary=[summary_text(tables, lang), *(p.text for p in key_points(tables, lang))],
        released=format_date(cfg.release_date, lang) if cfg.release_date else "",
    )
    return published


def _used_notes(cfg: PackConfig, lang: str, published: list[PublishedTable]) -> dict[str, str]:
    """The pack's notes that a published table refers to (no note about absent tables)."""
    used = {key for table in published for key in table.notes}
    return {key: text for key, text in notes(cfg, lang).items() if key in used}


def _write_page(
    folder: Path,
    lang: str,
    cfg: PackConfig,
    tables: list[Table],
    rendered: list[RenderedChart],
    published: list[PublishedTable],
) -> None:
    context = PageContext(
        config=cfg,
        lang=lang,
        tables=tables,
        published=published,
        charts=[c for c in rendered if c.lang == lang],
        notes=_used_notes(cfg, lang, published),
    )
    write_text(language_page(context), folder / "index.html")


def _manifest(
    root: Path,
    cfg: PackConfig,
    version: str,
    inputs: list[tuple[str, Path]],
    accounts: tuple[RowAccount, ...],
    outputs: list[str],
) -> dict[str, object]:
    """Package, version, parameters, the SHA-256 of every input and output, the row accounts."""
    return {
        "package": "diversity_review",
        "version": version,
        "parameters": {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(cfg).items()},
        "synthetic": cfg.synthetic,
        "inputs": [
            {"file": p.name, "kind": kind, "sha256": sha256(p), "synthetic": is_synthetic(p)}
            for kind, p in inputs
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
        "outputs": [{"file": rel, "sha256": sha256(root / rel)} for rel in outputs],
    }


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(
        total=total,
        desc="charts",
        unit="chart",
        disable=not (enabled and sys.stderr.isatty()),
        leave=False,
    )
