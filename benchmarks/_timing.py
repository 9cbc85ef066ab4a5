"""The one timing helper the benchmarks share."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(func: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls of ``func``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def alternating_medians(funcs: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """Median wall time of each of ``funcs``, timed in turn once per run (so a busy spell on a
    shared machine falls on all of them alike, not on one)."""
    times: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(runs):
        for name, func in funcs.items():
            times[name].append(median_seconds(func, 1))
    return {name: statistics.median(found) for name, found in times.items()}
