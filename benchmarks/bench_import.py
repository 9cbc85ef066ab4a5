"""``import diversity_review`` against ``import pandas``, each in a fresh interpreter.

The import itself is timed inside the child (interpreter start-up left out), the median of
several children; the child also reports whether pandas or matplotlib came in with the
package (they must not: the package imports them only when a function needs them). Never part
of the tests; run ``python benchmarks/bench_import.py``.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

from _timing import Ratio

RUNS = 7
CHILD = (
    "import sys, time, json; t = time.perf_counter(); import {module}; "
    "s = time.perf_counter() - t; "
    "print(json.dumps([s, 'pandas' in sys.modules, 'matplotlib' in sys.modules]))"
)


def import_seconds(module: str) -> tuple[float, bool, bool]:
    """One fresh interpreter's import time of ``module``, and whether pandas / matplotlib
    were imported with it."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD.format(module=module)],
        check=True,
        capture_output=True,
        text=True,
    )
    seconds, pandas, mpl = json.loads(out.stdout)
    return seconds, pandas, mpl


def ratios(quick: bool = False) -> list[Ratio]:
    runs = 3 if quick else RUNS
    ours, theirs, heavy = [], [], False
    for _ in range(runs):  # alternate, so both see the same machine load
        seconds, pandas, mpl = import_seconds("diversity_review")
        ours.append(seconds)
        heavy = heavy or pandas or mpl
        theirs.append(import_seconds("pandas")[0])
    label = "import diversity_review" + (" (pulls in pandas!)" if heavy else "")
    return [Ratio(label, statistics.median(ours), "import pandas", statistics.median(theirs), 0.1)]


if __name__ == "__main__":
    for row in ratios():
        print(row)
