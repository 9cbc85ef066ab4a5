"""The shapes every analysis table shares: the Wales row's name, which kind of input a frame
is, and the ordering and string typing of the output (pure pandas)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..councils import WALES_CODE

__all__ = ["WALES", "COUNT_COLUMNS", "is_counts", "order_rows", "as_strings"]

WALES = "Wales"
#: the columns that make a frame review **counts** rather than survey respondents
COUNT_COLUMNS = frozenset({"measure", "group", "count", "base"})


def is_counts(data: pd.DataFrame) -> bool:
    """True for review counts (one row per council, measure and group with count and base)."""
    return COUNT_COLUMNS <= set(data.columns)


def order_rows(frame: pd.DataFrame, keys: list[str], groups: Sequence[str]) -> pd.DataFrame:
    """Keys, then councils in ONS order with Wales last, then groups in canonical order."""
    rank = {g: i for i, g in enumerate(groups)}
    frame = frame.assign(
        _wales=frame["council_code"].eq(WALES_CODE),
        _group=frame["group"].map(rank).fillna(len(rank)),
    )
    frame = frame.sort_values([*keys, "_wales", "council_code", "_group"], kind="stable")
    return frame.drop(columns=["_wales", "_group"]).reset_index(drop=True)


def as_strings(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """The named columns (those present) as pandas strings."""
    return frame.astype({c: "str" for c in columns if c in frame.columns})
