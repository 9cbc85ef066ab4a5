"""What the benchmarks share: a median timer, whole-process timing, and the ratio rows that
``make bench`` (``benchmarks/ratios.py``) prints."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


def median_seconds(func: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls of ``func``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def children_cpu() -> float:
    """CPU seconds used so far by this process's finished children (and theirs)."""
    times = os.times()
    return times.children_user + times.children_system


def run_process(argv: Sequence[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one whole process (its own workers included)."""
    wall, cpu = time.perf_counter(), children_cpu()
    subprocess.run([sys.executable, *argv], check=True, capture_output=True)
    return time.perf_counter() - wall, children_cpu() - cpu


@dataclass(frozen=True)
class Ratio:
    """One row of ``make bench``: a figure measured beside its baseline in the same run."""

    figure: str  # what was measured, e.g. "load_survey 600k, time"
    value: float  # its measurement
    baseline: str  # what it is compared with, e.g. "pandas.read_csv"
    base: float  # the baseline's measurement, same unit
    target: float | None = None  # the ratio it should not exceed (issue 13), if any
    unit: str = "s"

    @property
    def ratio(self) -> float:
        return self.value / self.base if self.base else float("nan")

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        return "ok" if self.ratio <= self.target else "OVER"


def _amount(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:,.0f} {unit}"


def format_row(row: Ratio) -> str:
    target = f"<= {row.target:g}" if row.target is not None else ""
    return (
        f"{row.figure:<38} {_amount(row.value, row.unit):>11} {row.baseline:<32} "
        f"{_amount(row.base, row.unit):>11} {row.ratio:>7.2f}x {target:>7} {row.verdict}"
    )


HEADER = (
    f"{'figure':<38} {'measured':>11} {'baseline':<32} {'baseline':>11} {'ratio':>8} {'target':>7}"
)
