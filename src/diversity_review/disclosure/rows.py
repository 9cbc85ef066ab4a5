"""The "Council not given" row: survey respondents who named no council.

They are in the Wales row but in no council's, so Wales minus the councils would give their
small counts away. :func:`add_not_given` publishes them as a row of their own, protected like
a council's (and a total like the others in the councils-to-Wales sums).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..councils import WALES_CODE
from .cells import BLOCK_KEYS

__all__ = ["NOT_GIVEN", "NOT_GIVEN_CODE", "add_not_given"]

#: the row's council name and code (a pseudo code, like ONS's for an area not known)
NOT_GIVEN = "Council not given"
NOT_GIVEN_CODE = "W99999999"


def add_not_given(table: pd.DataFrame, group_col: str = "group") -> pd.DataFrame:
    """``table`` with a "Council not given" row wherever Wales counts more than its councils.

    The row's counts and base are Wales's less the councils' (its share and intervals are
    left empty); sub-tables where the councils add up to Wales are unchanged.
    """
    keys = [k for k in BLOCK_KEYS if k in table.columns]
    wales = table["council_code"] == WALES_CODE
    if not wales.any():
        return table
    parts = [c for c in ("count", "base", "excluded") if c in table.columns]
    councils = table[~wales].groupby([*keys, group_col], dropna=False)[parts].sum()
    totals = table[wales].set_index([*keys, group_col])[parts]
    rest = totals.sub(councils.reindex(totals.index).fillna(0), fill_value=0)
    if not (rest["base"] > 0).any() if "base" in rest else not (rest["count"] > 0).any():
        return table
    rest = rest.reset_index().assign(council_code=NOT_GIVEN_CODE, council=NOT_GIVEN)
    rest = rest.astype({c: "Int64" for c in parts})
    if "share" in table.columns:
        rest["share"] = (rest["count"].astype("Float64") / rest["base"].astype("Float64")).where(
            rest["base"] > 0
        )
    extra = rest.reindex(columns=table.columns)
    for column in table.columns:
        if column not in rest.columns:
            extra[column] = table[column].iloc[0] if column == "measure" else np.nan
    at = int(np.flatnonzero(wales.to_numpy())[0])
    out = pd.concat(
        [table.iloc[:at], extra.astype(table.dtypes.to_dict(), errors="ignore"), table.iloc[at:]]
    )
    return out.reset_index(drop=True)
