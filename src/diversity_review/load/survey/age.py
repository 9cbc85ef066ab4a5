"""Ages: a number of years or a band ("45", "45-59", "75 or over", "62 oed") -> an age band.

The words around the numbers ("to", "or over", "years", "oed" ...) are in
``vocab/survey.toml`` ([age.*]); the shapes of an answer are here.

Examples
--------
>>> bands = parse_age_bands()
>>> map_age(45, bands), map_age("60 - 74", bands), map_age("75 or over", bands)
('45-59', '60-74', '75+')
>>> map_age(16, bands)
'age 16 is outside 18-110'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ...categories import PREFER_NOT, SURVEY_AGE_BANDS
from ...text import fold
from . import vocabulary as V
from .answers import prefer_not
from .problems import BandMismatch, OutOfRange, Unmapped

__all__ = ["MIN_AGE", "MAX_AGE", "AgeBand", "parse_age_bands", "age_span", "map_age"]

MIN_AGE, MAX_AGE = 18, 110


@dataclass(frozen=True)
class AgeBand:
    """An age band ``low``–``high`` years (``high`` None: and over), labelled "45-59" or "75+"."""

    low: int
    high: int | None

    @property
    def label(self) -> str:
        return f"{self.low}+" if self.high is None else f"{self.low}-{self.high}"

    def contains(self, low: int, high: int | None) -> bool:
        if low < self.low:
            return False
        if self.high is None:
            return True
        return high is not None and high <= self.high


@dataclass(frozen=True)
class _Shapes:
    prefix: re.Pattern[str]
    band: re.Pattern[str]
    and_over: re.Pattern[str]
    over: re.Pattern[str]
    under: re.Pattern[str]
    years: re.Pattern[str]


@cache
def _shapes() -> _Shapes:
    def words(key: str, *extra: str) -> str:
        return V.alternation([*V.words("age", key), *extra])

    table = V.table("age")
    units = rf"(?:\s*(?:{words('units')}))*"
    dash = rf"\s*(?:{words('to', *table['dashes'])})\s*"
    plus = rf"\s*(?:{words('and_over', *table['plus_signs'])})"
    number = r"(\d{1,3})"
    return _Shapes(
        prefix=re.compile(rf"^(?:{words('prefix')})\s*:?\s*"),
        band=re.compile(rf"{number}{units}{dash}{number}{units}"),
        and_over=re.compile(rf"{number}{units}{plus}{units}"),
        over=re.compile(rf"(?:{words('over')}){units}\s*{number}{units}"),
        under=re.compile(rf"(?:{words('under')})\s*{number}{units}"),
        years=re.compile(rf"{number}(?:\.\d+)?{units}"),
    )


def age_span(text: str) -> tuple[int, int | None] | None:
    """(low, high) years for "45", "45 years", "45-59", "45 to 59", "75+", "under 30" …

    Examples
    --------
    >>> age_span("45 to 59"), age_span("75+"), age_span("under 30"), age_span("Ada")
    ((45, 59), (75, None), (18, 29), None)
    """
    t = unicodedata.normalize("NFKD", text.lower()).strip()
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    shapes = _shapes()
    t = re.sub(r"\s+", " ", shapes.prefix.sub("", t)).rstrip(". ")
    if m := shapes.band.fullmatch(t):
        return int(m.group(1)), int(m.group(2))
    if m := shapes.and_over.fullmatch(t):
        return int(m.group(1)), None
    if m := shapes.over.fullmatch(t):
        return int(m.group(1)), None
    if m := shapes.under.fullmatch(t):
        return MIN_AGE, int(m.group(1)) - 1
    if m := shapes.years.fullmatch(t):
        return int(m.group(1)), int(m.group(1))
    return None


def parse_age_bands(bands: object = None) -> list[AgeBand]:
    """Age bands from labels ("18-29", "75+") or lower bounds (18, 30, 45, 60, 75).

    Examples
    --------
    >>> [b.label for b in parse_age_bands()]
    ['18-29', '30-44', '45-59', '60-74', '75+']
    >>> [b.label for b in parse_age_bands([18, 40, 60])]
    ['18-39', '40-59', '60+']
    """
    if bands is None:
        bands = SURVEY_AGE_BANDS
    if isinstance(bands, str):
        bands = [b for b in re.split(r"[,;]", bands) if b.strip()]
    items = list(bands)  # type: ignore[call-overload]
    if not items:
        raise ValueError("age_bands is empty")
    if all(isinstance(b, int) and not isinstance(b, bool) for b in items):
        lows = sorted(items)
        out = [AgeBand(lo, hi - 1) for lo, hi in zip(lows, lows[1:], strict=False)]
        return out + [AgeBand(lows[-1], None)]
    out = []
    for item in items:
        span = age_span(str(item))
        if span is None or (span[1] is not None and span[1] < span[0]):
            raise ValueError(f"age band {item!r} is not like '45-59' or '75+'")
        out.append(AgeBand(*span))
    out.sort(key=lambda b: b.low)
    for a, b in zip(out, out[1:], strict=False):
        if a.high is None or a.high >= b.low:
            raise ValueError(f"age bands {a.label} and {b.label} overlap")
    return out


def map_age(raw: object, bands: list[AgeBand] | tuple[AgeBand, ...]) -> str | Unmapped:
    """The band label for an age answer (a number of years or a band), or :class:`Unmapped`."""
    labels = ", ".join(b.label for b in bands)
    if isinstance(raw, bool):
        return Unmapped("expected a number of years or an age band")
    if isinstance(raw, int | float):
        span: tuple[int, int | None] | None = (int(raw), int(raw))
    else:
        if prefer_not(fold(raw)):
            return PREFER_NOT
        span = age_span(str(raw))
    if span is None:
        return Unmapped(f"expected a number of years or an age band ({labels})")
    low, high = span
    if low < MIN_AGE or (high is not None and high > MAX_AGE) or low > MAX_AGE:
        what = f"{low}" if high == low else str(raw)
        return OutOfRange(f"age {what} is outside {MIN_AGE}-{MAX_AGE}")
    for band in bands:
        if band.contains(low, high):
            return band.label
    return BandMismatch(
        f"the band does not fit the age bands {labels}; pass age_bands= with the survey's bands"
    )
