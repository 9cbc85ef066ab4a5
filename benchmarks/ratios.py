"""``make bench``: every ratio of issue 13, each measured beside its baseline in one run.

Each ``bench_*.py`` here that has a ``ratios(quick)`` function contributes rows; the table
names the machine, and each row its baseline and the target ratio. Timings only: nothing here
fails on time (a ratio over its target is marked OVER). ``--quick`` runs fewer and smaller
cases, for a look in a minute. Linux/macOS (the memory figures use ``resource``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _timing import HEADER, format_row  # noqa: E402

#: in the order the table prints them
BENCHES = (
    "bench_import",
    "bench_pack",
    "bench_load_review",
    "bench_load_survey",
    "bench_breakdown",
    "bench_suppress",
)


def machine() -> str:
    import numpy
    import pandas

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"machine: {platform.machine()} {platform.system()}, {cores} cores available; "
        f"Python {platform.python_version()}, pandas {pandas.__version__}, "
        f"numpy {numpy.__version__}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer, smaller runs")
    parser.add_argument("only", nargs="*", help="benchmark names to run (default: all)")
    args = parser.parse_args(argv)
    print(machine())
    print(HEADER)
    for name in BENCHES:
        if args.only and name not in args.only and name.removeprefix("bench_") not in args.only:
            continue
        module = importlib.import_module(name)
        if not hasattr(module, "ratios"):
            print(f"{name}: no ratios() yet")
            continue
        for row in module.ratios(quick=args.quick):
            print(format_row(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
