"""What a member survey covers: its councils by name, its respondents and response rates.

A survey is about the councils whose members answered it. Its tables, charts and titles name
them: one council by name, a few councils by name, ``n`` of the 22 councils where more took
part, and Wales only when every council did. Each council's response rate is its respondents
over its seats (2022 election; the councils registry), and a rate under
:attr:`~.config.PackConfig.low_response` is flagged.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..councils import WALES_CODE, council_label, councils
from ..coverage import MAX_NAMED, coverage_text, surveyed_councils

__all__ = [
    "MAX_NAMED",
    "surveyed_councils",
    "coverage_text",
    "with_response",
    "with_coverage",
    "low_response",
]


def with_response(table: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """A survey breakdown with ``seats``, ``response_rate`` (respondents / seats) and
    ``low_response`` (rate under ``threshold``) for each council; the Wales row's seats are
    those of the councils surveyed. Without ``respondents`` the table is returned as it is.
    """
    if "respondents" not in table.columns:
        return table
    seats = councils().set_index("council_code")["seats_2022"].astype("Int64")
    codes = table["council_code"].astype(str)
    surveyed = [c for c in dict.fromkeys(codes) if c in seats.index]
    per_row = codes.map(seats).astype("Int64")
    per_row[codes == WALES_CODE] = int(seats[surveyed].sum()) if surveyed else pd.NA
    rate = (table["respondents"].astype("Float64") / per_row.astype("Float64")).astype("Float64")
    return table.assign(
        seats=per_row,
        response_rate=rate,
        low_response=(rate < threshold).fillna(False).astype(bool),
    )


def with_coverage(table: pd.DataFrame, codes: Sequence[str]) -> pd.DataFrame:
    """The table with ``covers``: on the Wales row of a survey not every council took part
    in, the codes of the councils it adds up (space-separated), so that the row is published
    under their names and not as Wales; empty elsewhere."""
    complete = set(codes) >= set(councils()["council_code"])
    wales = table["council_code"].astype(str) == WALES_CODE
    covers = "" if complete else " ".join(codes)
    return table.assign(covers=[covers if w else "" for w in wales])


def low_response(table: pd.DataFrame, lang: str) -> list[str]:
    """The councils of a table flagged for low response, named in ``lang`` (Wales left out)."""
    if "low_response" not in table.columns:
        return []
    low = table[table["low_response"] & (table["council_code"] != WALES_CODE)]
    codes = list(dict.fromkeys(low["council_code"].astype(str)))
    return [council_label(c, c, lang) for c in codes]
