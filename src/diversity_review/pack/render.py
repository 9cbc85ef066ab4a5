"""The pack's charts: jobs from the table specs, drawn serially or in a pool of processes.

A :class:`ChartJob` holds everything one chart in one language needs (the frame, the name of
a public chart function, plain arguments, the output path) so that it can be sent to another
process under ``fork`` or ``spawn`` alike. :func:`render_chart` (a top-level function, for the
same reason) draws and saves one chart and returns what the page needs to show it. A chart's
bytes depend only on its job, never on the process that drew it, so the pool gives the same
files as a serial run; results come back in job order.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .config import PackConfig
from .display import source_text
from .specs import ChartSpec, Value
from .tables import Table

__all__ = [
    "ChartJob",
    "RenderedChart",
    "chart_jobs",
    "render_chart",
    "available_cores",
    "worker_count",
    "Renderer",
]


@dataclass(frozen=True, eq=False)
class ChartJob:
    """One chart in one language, as plain picklable data."""

    stem: str
    lang: str
    draw: str  # a public function of diversity_review.charts
    frame: pd.DataFrame
    args: tuple[object, ...]
    source: str
    path: Path  # without a suffix: save_figure adds .png, .svg and .txt
    table: str = ""  # the name of the table it is drawn from


@dataclass(frozen=True)
class RenderedChart:
    """What the page needs of a drawn chart, and the warnings drawing it raised."""

    stem: str
    lang: str
    title: str
    alt: str
    png: str  # file name, beside the SVG and the alt text
    warnings: tuple[tuple[type[Warning], str], ...] = ()
    table: str = ""  # the name of the table it is drawn from


@dataclass(frozen=True, eq=False)
class _Planned:
    """A chart of a table, before its language is chosen."""

    stem: str
    chart: ChartSpec
    values: dict[str, object]
    frame: pd.DataFrame
    source: str
    table: str


def _planned(table: Table, chart: ChartSpec, config: PackConfig) -> list[_Planned]:
    if chart.measure is not None and table.values.get("measure") != chart.measure:
        return []
    frame = chart.prepare(table.frame) if chart.prepare else table.frame
    instances = [table.values]
    if chart.each is not None:
        instances = [{**table.values, chart.each: v} for v in dict.fromkeys(frame[chart.each])]
    source = table.source(config)
    return [
        _Planned(chart.stem.format(**v), chart, v, frame, source, table.name) for v in instances
    ]


def chart_jobs(tables: Sequence[Table], config: PackConfig, root: Path) -> list[ChartJob]:
    """Every chart the tables' specs declare, for each language, in page order."""
    planned = [p for t in tables for chart in t.spec.charts for p in _planned(t, chart, config)]
    return [
        ChartJob(
            stem=p.stem,
            lang=lang,
            draw=p.chart.draw,
            frame=p.frame,
            args=tuple(p.values[a.key] if isinstance(a, Value) else a for a in p.chart.args),
            source=source_text(p.source, p.chart.census, lang, config.synthetic),
            path=Path(root) / lang / "charts" / p.stem,
            table=p.table,
        )
        for lang in config.langs
        for p in planned
    ]


def render_chart(job: ChartJob) -> RenderedChart:
    """Draw and save one chart (PNG, SVG, alt text); runs in a worker process or in-process."""
    from .. import charts

    with warnings.catch_warnings(record=True) as caught:
        draw = getattr(charts, job.draw)
        fig = draw(job.frame, *job.args, lang=job.lang, source=job.source)
        paths = charts.save_figure(fig, job.path)
    rendered = RenderedChart(
        stem=job.stem,
        lang=job.lang,
        title=fig.get_suptitle().replace("\n", " ") or job.stem,
        alt=charts.alt_text(fig),
        png=next(p for p in paths if p.suffix == ".png").name,
        warnings=tuple((w.category, str(w.message)) for w in caught),
        table=job.table,
    )
    fig.clear()
    return rendered


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system says)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # Windows, macOS
        return os.cpu_count() or 1


def worker_count(jobs: int | None, charts: int, cores: int | None = None) -> int:
    """Processes to draw ``charts`` with: ``jobs`` (all available cores if None), at most one
    a chart; 1 means drawing in this process.

    Examples
    --------
    >>> worker_count(None, 36, cores=2), worker_count(8, 3), worker_count(1, 36)
    (2, 3, 1)
    """
    wanted = (cores if cores is not None else available_cores()) if jobs is None else jobs
    return max(1, min(wanted, charts))


def _nothing() -> None:
    return None


class Renderer:
    """Charts drawn in the background by a process pool (``workers > 1``), or in this process
    when their results are asked for.

    Use as a context manager: the pool starts on entry (so the caller can write the tables
    while charts render) and is shut down on exit, cancelling what is left after an error.
    """

    def __init__(self, jobs: Sequence[ChartJob], workers: int, *, context=None) -> None:
        self.jobs = list(jobs)
        self.workers = workers
        self.context = context
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future] = []

    def __enter__(self) -> Renderer:
        if self.workers > 1 and len(self.jobs) > 1:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=self.context)
            self._futures = [self._pool.submit(render_chart, job) for job in self.jobs]
        return self

    def results(self, tick: Callable[[], object] = _nothing) -> list[RenderedChart]:
        """Every chart's result in job order; warnings from drawing are raised here, in order."""
        out = []
        for i, job in enumerate(self.jobs):
            rendered = self._futures[i].result() if self._pool else render_chart(job)
            for category, message in rendered.warnings:
                warnings.warn(message, category, stacklevel=2)
            out.append(rendered)
            tick()
        return out

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=exc_type is not None)
