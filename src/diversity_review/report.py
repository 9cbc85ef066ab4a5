"""The benchmark pack (interim: loads the review workbooks and writes the tidy counts)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd


def build_pack(
    *,
    reviews: Sequence[Path],
    surveys: Sequence[Path] = (),
    out: Path,
    langs: Sequence[str] = ("en", "cy"),
    threshold: int = 5,
    config: Path | None = None,
    progress: bool = False,
) -> str:
    from .load.review import load_review

    if not reviews:
        raise ValueError("no review workbook given and none found in data/raw/")
    counts = pd.concat([load_review(p) for p in reviews], ignore_index=True)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "counts.csv"
    tmp = target.with_suffix(".csv.tmp")
    counts.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
    tmp.replace(target)
    return f"wrote {target} ({len(counts)} rows)"
