"""Frames as the public API returns them: ``measure``, ``group`` and ``council`` as ordered
categoricals in their canonical order, counts as nullable ``Int64``.

So that an analyst's pivot or sort lists "Under 40, 40-59, 60+, Not known" (not the alphabet's
"40-59, 60+, Not known, Under 40") and councils in ONS order with Wales last. The package's own
code works on plain text: :func:`public` wraps a public function so that frames it is given
are made plain on the way in and the frames it returns made categorical on the way out.

Canonical orders:

- ``measure``: the order of :data:`~diversity_review.categories.MEASURES`;
- ``group``: each measure's groups in turn, then "Not known" and "Prefer not to say" last;
- ``council``: the councils' English names in ONS code order, then Wales.

A value outside the canonical order (a council's Welsh name, a group a loader was told about)
is kept: it comes after the canonical values, in the order of the alphabet.

Examples
--------
>>> import pandas as pd
>>> frame = categorical(pd.DataFrame({"group": ["Not known", "60+", "Under 40", "40-59"]}))
>>> list(frame.sort_values("group")["group"])
['Under 40', '40-59', '60+', 'Not known']
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from functools import cache
from typing import Any

import pandas as pd

from .categories import MEASURES, NOT_STATED

__all__ = [
    "CATEGORICAL",
    "COUNTS",
    "FRACTIONS",
    "categorical",
    "plain",
    "public",
    "canonical_order",
    "as_percentages",
]

#: the columns returned as ordered categoricals
CATEGORICAL = ("measure", "group", "council")
#: the columns returned as nullable integers
COUNTS = ("count", "base", "excluded")
#: the columns that hold fractions (0 to 1), shown as percentages by :func:`as_percentages`
FRACTIONS = ("share", "population_share", "ci_low", "ci_high", "share_from", "share_to")


@cache
def canonical_order(column: str) -> tuple[str, ...]:
    """The canonical order of a categorical column's values."""
    if column == "measure":
        return tuple(MEASURES)
    if column == "group":
        groups = [g for m in MEASURES.values() for g in m.groups if g not in NOT_STATED]
        return tuple(dict.fromkeys([*groups, *NOT_STATED]))
    from .councils import WALES_NAME, councils

    table = councils().sort_values("council_code")
    return (*table["name_en"], WALES_NAME["en"])


def _as_category(values: pd.Series, column: str) -> pd.Series:
    order = canonical_order(column)
    present = [v for v in pd.unique(values.dropna()) if isinstance(v, str)]
    known = set(order)
    extra = sorted(v for v in present if v not in known)
    dtype = pd.CategoricalDtype([*order, *extra], ordered=True)
    return values.astype("object").astype(dtype)


def categorical(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its categorical columns ordered and its counts ``Int64``."""
    out = frame.copy()
    for column in CATEGORICAL:
        if column in out.columns and _is_text(out[column]):
            out[column] = _as_category(out[column], column)
    for column in COUNTS:
        if column in out.columns and _is_whole(out[column]):
            out[column] = out[column].astype("Int64")
    out.attrs = dict(frame.attrs)
    return out


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with categorical columns back to plain text (what the package works on)."""
    columns = [c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)]
    if not columns:
        return frame
    out = frame.copy()
    for column in columns:
        out[column] = _plain_text(out[column])
    out.attrs = dict(frame.attrs)
    return out


def _plain_text(values: pd.Series) -> pd.Series:
    categories = values.cat.categories
    if pd.api.types.is_string_dtype(categories) or categories.dtype == object:
        return values.astype("object").astype("str").where(values.notna(), None)
    return values.astype(categories.dtype)


def _is_text(values: pd.Series) -> bool:
    if isinstance(values.dtype, pd.CategoricalDtype):
        return True
    return pd.api.types.is_string_dtype(values) or values.dtype == object


def _is_whole(values: pd.Series) -> bool:
    if pd.api.types.is_integer_dtype(values) or pd.api.types.is_bool_dtype(values):
        return not pd.api.types.is_bool_dtype(values)
    if not pd.api.types.is_float_dtype(values):
        return False
    present = values.dropna()
    return bool((present == present.round()).all())


def _outward(value: Any) -> Any:
    if isinstance(value, pd.DataFrame):
        return categorical(value)
    if isinstance(value, dict):
        return {k: _outward(v) for k, v in value.items()}
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return tuple(_outward(v) for v in value)
    if isinstance(value, list):
        return [_outward(v) for v in value]
    return value


def _inward(value: Any) -> Any:
    if isinstance(value, pd.DataFrame):
        return plain(value)
    if isinstance(value, list | tuple) and any(isinstance(v, pd.DataFrame) for v in value):
        return type(value)(_inward(v) for v in value)
    return value


def public(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` as the public API offers it: frames in made plain, frames out made
    categorical (:func:`categorical`)."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        args = tuple(_inward(a) for a in args)
        kwargs = {k: _inward(v) for k, v in kwargs.items()}
        return _outward(function(*args, **kwargs))

    wrapper.__wrapped_public__ = True  # type: ignore[attr-defined]
    return wrapper


def as_percentages(frame: pd.DataFrame, decimals: int = 1) -> pd.DataFrame:
    """A frame to look at: its fractions (``share``, ``ci_low`` ...) as percentages rounded to
    ``decimals``, each column renamed with ``(%)``; everything else as it was.

    Examples
    --------
    >>> as_percentages(pd.DataFrame({"group": ["Female"], "share": [0.37439]}))
       group  share (%)
    0  Female       37.4
    """
    present = [c for c in FRACTIONS if c in frame.columns]
    out = frame.copy()
    for column in present:
        out[column] = (100 * out[column].astype("Float64")).round(decimals)
    return out.rename(columns={c: f"{c} (%)" for c in present})
