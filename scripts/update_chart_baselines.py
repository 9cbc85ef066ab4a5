"""Regenerate the reference images of the chart image-comparison tests.

Usage (from the project root)::

    python scripts/update_chart_baselines.py

Writes ``tests/baseline/<name>.png`` for every chart in ``tests/test_charts_baseline.py``
(``BASELINES``), from the same hand-made tables the tests use. Look at the images before
committing them: they become the reference for how the charts should look.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))


def main() -> int:
    import tempfile

    from test_charts_baseline import BASELINE_DIR, BASELINES, render

    BASELINE_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(BASELINES):
            png = render(name, Path(tmp))
            target = BASELINE_DIR / png.name
            target.write_bytes(png.read_bytes())
            print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
