"""The one text layer every loader shares: folding for matching, and the cell parsers.

- :func:`fold` is the only text normaliser in the package: names, headers and answers are all
  matched on folded text.
- :func:`year_in` / :func:`parse_year` read election and survey years; :data:`YEAR` is the one
  year pattern.
- :func:`parse_count` reads a count cell (numbers, ``-`` for nil, the suppression markers of
  GSS shorthand, blanks); :func:`parse_percent` a percentage cell.

The marker words themselves are data (``vocab/common.toml``), not code.

Examples
--------
>>> fold("  Ynys Môn & the Vale! ")
'ynys mon and the vale'
>>> parse_count("[c]")
Count(value=None, suppressed=True, problem=None, low=None, high=None)
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from . import vocab

__all__ = [
    "YEAR",
    "fold",
    "squash",
    "demutate",
    "cell_text",
    "year_in",
    "parse_year",
    "Count",
    "parse_count",
    "parse_cell_count",
    "parse_percent",
    "suppressed_below",
    "parse_count_percent",
    "markers",
]

#: a four-digit year from 1900 to 2099 standing on its own
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc`]")
_NOT_WORD = re.compile(r"[^a-z0-9+]+")
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


def fold(text: object) -> str:
    """Case, accents, apostrophes, punctuation and spacing folded away, for matching.

    ``&`` reads as "and"; ``+`` is kept (``60+`` is not ``60``).

    Examples
    --------
    >>> fold("  Ynys Môn & the Vale! ")
    'ynys mon and the vale'
    >>> fold("Don't know / Ddim yn gwybod")
    'dont know ddim yn gwybod'
    >>> fold("Gwell gennyf beidio â dweud"), fold("60+")
    ('gwell gennyf beidio a dweud', '60+')
    """
    try:
        return _fold(text)
    except TypeError:  # an unhashable value: fold it without the cache
        return _fold.__wrapped__(text)


@lru_cache(maxsize=1 << 16, typed=True)
def _fold(text: object) -> str:
    """:func:`fold`, remembered: headers, council names and answers repeat row after row."""
    text = str(text)
    if not text.isascii():  # accents to decompose and drop (most cells need none of this)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.lower()).replace("&", " and ")
    return " ".join(_NOT_WORD.sub(" ", text).split())


@cache
def _radicals() -> dict[str, str]:
    table = vocab.load("common")["mutations"]
    return {
        form: radical
        for radical, forms in table.items()
        if isinstance(forms, list)
        for form in forms
        if form != radical
    }


def demutate(folded: str) -> str:
    """Folded text with each mutated Welsh word the vocabulary lists as its radical (soft,
    nasal and aspirate mutations: ``gymraeg``, ``nghymraeg``, ``chymraeg`` -> ``cymraeg``).

    Examples
    --------
    >>> demutate("siarad yn gymraeg"), demutate("fy nghymraeg")
    ('siarad yn cymraeg', 'fy cymraeg')
    """
    radicals = _radicals()
    return " ".join(radicals.get(w, w) for w in folded.split())


def squash(text: object) -> str:
    """Lower case with runs of white space as one space (for cell markers such as ``[c]``).

    Examples
    --------
    >>> squash("  [C] ")
    '[c]'
    """
    return " ".join(str(text).lower().split())


def cell_text(value: object) -> str | None:
    """A cell as text, its runs of white space as one space (a whole-number float written
    without ``.0``); None when blank.

    Examples
    --------
    >>> cell_text("  Ward   01 "), cell_text(2022.0), cell_text("   "), cell_text(None)
    ('Ward 01', '2022', None, None)
    """
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text or None


def year_in(text: object) -> int | None:
    """The one year a text names (``"May 2022"``, ``"Review 2022 final"``), else None.

    Two different years, or none, give None.

    Examples
    --------
    >>> year_in("review_2022.xlsx"), year_in("2017 and 2022"), year_in(None)
    (2022, None, None)
    """
    if text is None:
        return None
    years = set(YEAR.findall(str(text)))
    return int(years.pop()) if len(years) == 1 else None


def parse_year(value: object) -> int | None:
    """A year from a cell: 2022, 2022.0, ``"2022"``, ``"May 2022"`` or a date; else None.

    Examples
    --------
    >>> import datetime as dt
    >>> parse_year(2022.0), parse_year("Mai 2022"), parse_year(dt.date(2017, 5, 4))
    (2022, 2022, 2017)
    >>> parse_year("next year") is None, parse_year(True) is None
    (True, True)
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.date):  # a datetime too
        return value.year
    if isinstance(value, int | float):
        if float(value).is_integer() and YEAR.fullmatch(str(int(value))):
            return int(value)
        return None
    if isinstance(value, str):
        return year_in(value)
    return None


@cache
def markers() -> dict[str, frozenset[str]]:
    """The cell markers by meaning (``suppressed``, ``nil``, ``missing``), from the vocabulary.

    Examples
    --------
    >>> "[c]" in markers()["suppressed"], "-" in markers()["nil"]
    (True, True)
    """
    table = vocab.load("common")["markers"]
    return {meaning: frozenset(squash(w) for w in words) for meaning, words in table.items()}


@dataclass(frozen=True)
class Count:
    """A count cell read: its ``value`` (None when blank, suppressed or unreadable), whether
    it was marked ``suppressed``, and the ``problem`` with it, if any."""

    value: int | None
    suppressed: bool = False
    problem: str | None = None
    #: a suppressed count's bounds when the cell shows them (``<5``: 1 and 4), else None
    low: int | None = None
    high: int | None = None

    @property
    def code(self) -> str | None:
        """The problem's code: ``negative-count``, ``fractional-count``, ``text-in-count`` or
        ``not-a-count`` (a true/false cell); None when the cell is fine.

        Examples
        --------
        >>> parse_count(-2).code, parse_count("about 20").code, parse_count(3).code
        ('negative-count', 'text-in-count', None)
        """
        if self.problem is None:
            return None
        for start, code in _COUNT_PROBLEM_CODES:
            if self.problem.startswith(start):
                return code
        return "not-a-count"


#: how each problem :func:`parse_count` words starts, and its code (kept beside the wording)
_COUNT_PROBLEM_CODES = (
    ("negative count", "negative-count"),
    ("fractional count", "fractional-count"),
    ("text ", "text-in-count"),
)


def parse_count(value: object) -> Count:
    """A count cell: a whole number, ``-`` (nil), a suppression marker, blank, or a problem.

    Examples
    --------
    >>> parse_count(12), parse_count("1,234").value, parse_count("-").value
    (Count(value=12, suppressed=False, problem=None, low=None, high=None), 1234, 0)
    >>> parse_count(2.5).problem
    'fractional count 2.5: counts are whole numbers'
    """
    try:  # a sheet repeats its small counts and markers: each is read once (a Count is frozen)
        return _parse_count_of(value)
    except TypeError:  # an unhashable value
        return _parse_count(value)


@lru_cache(maxsize=1 << 14, typed=True)
def _parse_count_of(value: object) -> Count:
    return _parse_count(value)


#: :func:`parse_count` of a hashable value (every value a reader puts in a grid: text,
#: numbers, dates, booleans), called straight: a loader reads thousands of cells
parse_cell_count = _parse_count_of


def _parse_count(value: object) -> Count:
    if value is None:
        return Count(None)
    if isinstance(value, bool):
        return Count(None, problem=f"{value} where a count belongs")
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            return Count(None, problem=f"fractional count {value:g}: counts are whole numbers")
        if value < 0:
            return Count(None, problem=f"negative count {value:g}")
        return Count(int(value))
    if isinstance(value, str):
        low = squash(value)
        found = markers()
        if low in found["nil"]:
            return Count(0)
        if low in found["suppressed"]:
            return Count(None, suppressed=True)
        if low in found["missing"]:
            return Count(None)
        if _NUMBER.match(low):
            return parse_count(float(low.replace(",", "")))
        below = suppressed_below(low)
        if below is not None:
            return below
    return Count(
        None,
        problem=f"text {str(value)!r} where a count belongs (enter a whole number, '-' for "
        "nil, '[c]' for suppressed or leave blank)",
    )


_COUNT_PERCENT = re.compile(
    r"^\s*(\d{1,3}(?:,\d{3})+|\d+)\s*[(\[]\s*(\d+(?:\.\d+)?)\s*%?\s*[)\]]\s*$"
)


def parse_count_percent(value: object) -> tuple[Count, float] | None:
    """A cell holding a count and its percentage, ``12 (34.3%)``: the count, and the
    percentage as written (34.3); None for any other cell.

    Examples
    --------
    >>> parse_count_percent("12 (34.3%)")
    (Count(value=12, suppressed=False, problem=None, low=None, high=None), 34.3)
    >>> parse_count_percent("12") is None
    True
    """
    if not isinstance(value, str):
        return None
    found = _COUNT_PERCENT.match(value)
    if found is None:
        return None
    return Count(int(found.group(1).replace(",", ""))), float(found.group(2))


@cache
def _below() -> tuple[re.Pattern[str], bool]:
    table = vocab.load("common")["below"]
    words = sorted((*table["prefixes"], *table["prefixes_cy"]), key=len, reverse=True)
    prefix = "|".join(re.escape(squash(w)) for w in words)
    return re.compile(rf"^(?:{prefix})\s*(\d+)$"), bool(table["includes_zero"])


def suppressed_below(text: str) -> Count | None:
    """A count suppressed below a bound (``<5``, ``fewer than 3``, ``llai na 5``), its bounds
    kept: GSS shorthand shows a zero as ``-``, so ``<5`` is 1 to 4 (``[below] includes_zero``
    in ``vocab/common.toml`` says otherwise); None when the text is no such marker.

    Examples
    --------
    >>> suppressed_below("<5")
    Count(value=None, suppressed=True, problem=None, low=1, high=4)
    >>> suppressed_below("llai na 3").high, suppressed_below("5") is None
    (2, True)
    """
    pattern, zero = _below()
    found = pattern.match(squash(text))
    if found is None or int(found.group(1)) < 1:
        return None
    return Count(None, suppressed=True, low=0 if zero else 1, high=int(found.group(1)) - 1)


def parse_percent(value: object) -> float | None:
    """A percentage cell as written (``34.3``, ``"34.3%"`` -> 0.343, ``0.343``), else None.

    A number without a ``%`` sign is returned as it stands: whether a column holds fractions
    or percentages is for the caller to tell from the whole column.

    Examples
    --------
    >>> parse_percent("50%"), parse_percent(34.3), parse_percent("n/a")
    (0.5, 34.3, None)
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        text = value.strip().rstrip("%").strip()
        if _NUMBER.match(text):
            number = float(text.replace(",", ""))
            return number / 100 if value.strip().endswith("%") else number
    return None
