"""The rendering floor of a pack: the least work any tool must do to publish the same figures.

Given a built pack folder, this draws the same number of figures, at the same pixel sizes, in
the same formats (PNG at 150 dpi and SVG), each a labelled horizontal bar chart with one bar
per 40 pixels of height, a title, axis labels and a source note, and writes the same CSV
tables (same rows and columns, as pandas writes them) - serially, in one process, with no
loading, analysis, suppression or translation. ``bench_pack`` times the real pack against it.

Run ``python benchmarks/floor.py PACK_FOLDER OUT_FOLDER``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from PIL import Image  # noqa: E402  (matplotlib's own dependency)

DPI = 150


def _draw(size: tuple[int, int], path: Path) -> None:
    width, height = size
    bars = max(2, height // 40)
    fig, ax = plt.subplots(figsize=(width / DPI, height / DPI), dpi=100)
    values = [(7 * i % 23 + 5) / 30 for i in range(bars)]
    labels = [f"Category {i + 1}" for i in range(bars)]
    ax.barh(labels, values, color="#12436D")
    for y, value in enumerate(values):
        ax.text(value + 0.01, y, f"{100 * value:.1f}%", va="center", fontsize=8)
    ax.set_title(f"A chart of {bars} categories, 2022", loc="left")
    ax.set_xlabel("Share (%)")
    ax.set_xlim(0, 1)
    fig.text(0.01, 0.01, "Source: a source note", fontsize=7)
    fig.tight_layout()
    fig.savefig(path.with_suffix(".png"), dpi=DPI, metadata={"Software": "floor"})
    fig.savefig(path.with_suffix(".svg"), metadata={"Date": None})
    plt.close(fig)


def render_floor(pack: Path, out: Path) -> int:
    """Draw and write what ``pack`` holds, the floor's way; returns the number of figures."""
    figures = 0
    for png in sorted(pack.glob("*/charts/*.png")):
        target = out / png.relative_to(pack)
        target.parent.mkdir(parents=True, exist_ok=True)
        with Image.open(png) as image:
            _draw(image.size, target)
        figures += 1
    for csv in sorted(pack.glob("*/tables/*.csv")):
        target = out / csv.relative_to(pack)
        target.parent.mkdir(parents=True, exist_ok=True)
        pd.read_csv(csv, dtype=str).to_csv(target, index=False, encoding="utf-8")
    return figures


if __name__ == "__main__":
    print(render_floor(Path(sys.argv[1]), Path(sys.argv[2])))
