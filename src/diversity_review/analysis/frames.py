"""What the analysis modules share about frames: the Wales row's name, row order, dtypes."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..councils import WALES_CODE

__all__ = ["WALES", "is_counts", "ordered_rows", "as_strings"]

WALES = "Wales"


def is_counts(data: pd.DataFrame) -> bool:
    return {"measure", "group", "count", "base"} <= set(data.columns)


def ordered_rows(frame: pd.DataFrame, keys: list[str], groups: Sequence[str]) -> pd.DataFrame:
    """Keys, then councils in ONS order with Wales last, then groups in canonical order."""
    rank = {g: i for i, g in enumerate(groups)}
    frame = frame.assign(
        _wales=frame["council_code"].eq(WALES_CODE),
        _group=frame["group"].map(rank).fillna(len(rank)),
    )
    frame = frame.sort_values([*keys, "_wales", "council_code", "_group"], kind="stable")
    return frame.drop(columns=["_wales", "_group"]).reset_index(drop=True)


def as_strings(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    return frame.astype({c: "str" for c in columns if c in frame.columns})
