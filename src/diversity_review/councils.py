"""The 22 Welsh principal councils: ONS codes, official English and Welsh names, seats, population.

Figures are package data (``data/councils.csv``) with a source on every row; see
``data/SOURCES.md``.
"""

from __future__ import annotations

import difflib
import re
import sys
import types
from functools import cache, lru_cache
from importlib import resources

import pandas as pd

from .errors import DataError, Problem
from .text import fold

__all__ = [
    "WALES_CODE",
    "councils",
    "resolve_council",
    "find_council",
    "council_name",
    "council_label",
    "moderngov_hosts",
    "moderngov_host",
    "UnknownCouncilError",
]

WALES_CODE = "W92000004"
WALES_NAME = {"en": "Wales", "cy": "Cymru"}


class UnknownCouncilError(DataError):
    """A council name or code that matches none of the 22 councils."""

    def __init__(self, text: str, suggestions: list[str], **where: str | None):
        self.text = text
        self.suggestions = suggestions
        hint = f"; did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(
            Problem(f"unknown council {text!r}{hint}", **where, code="unknown-council")
        )


@cache
def _table() -> pd.DataFrame:
    with resources.files(__package__).joinpath("data/councils.csv").open(encoding="utf-8") as fh:
        frame = pd.read_csv(fh, dtype={"ons_code": str})
    return frame.rename(columns={"ons_code": "council_code"})


#: registry columns about each council's Modern.Gov installation (see :func:`moderngov_hosts`)
MODERNGOV_COLUMNS = ["moderngov_host", "moderngov_source", "moderngov_verified"]


def councils() -> pd.DataFrame:
    """The 22 councils, in ONS code order.

    Returns
    -------
    DataFrame
        ``council_code``, ``name_en``, ``name_cy``, ``seats_2022``, ``seats_2022_source``,
        ``population_2021``, ``population_2021_source``.

    Examples
    --------
    >>> councils().loc[0, ["council_code", "name_en", "name_cy"]].tolist()
    ['W06000001', 'Isle of Anglesey', 'Ynys Môn']
    """
    return _table().drop(columns=MODERNGOV_COLUMNS)


def moderngov_hosts() -> pd.DataFrame:
    """Each council's Modern.Gov host where known, with where that comes from.

    The hosts come from a 2019 write-up and have not been checked since
    (``moderngov_verified`` is False for every one): a host may have moved.

    Returns
    -------
    DataFrame
        ``council_code``, ``name_en``, ``moderngov_host`` (str, NA where no service is known),
        ``moderngov_source`` (str) and ``moderngov_verified`` (bool), in ONS code order.

    Examples
    --------
    >>> hosts = moderngov_hosts().set_index("council_code")
    >>> hosts.loc["W06000015", "moderngov_host"], bool(hosts.loc["W06000015", "moderngov_verified"])
    ('cardiff.moderngov.co.uk', False)
    """
    out = _table()[["council_code", "name_en", *MODERNGOV_COLUMNS]]
    return out.astype({"moderngov_verified": "bool"})


def moderngov_host(code: str) -> str | None:
    """The Modern.Gov host the registry knows for a council (by ONS code), else None.

    Examples
    --------
    >>> moderngov_host("W06000015"), moderngov_host("W06000008")
    ('cardiff.moderngov.co.uk', None)
    """
    hosts = moderngov_hosts().set_index("council_code")["moderngov_host"]
    if code not in hosts.index:
        raise UnknownCouncilError(code, [])
    host = hosts[code]
    return None if pd.isna(host) else str(host)


# Words that frame a name without changing which council it is ("Cyngor Sir X", "X County
# Borough Council", "City and County of X"). Longest first so the fullest form is removed.
_PREFIXES = sorted(
    [
        "the",
        "city and county of",
        "city of",
        "county of",
        "county borough of",
        "borough of",
        "cyngor sir",
        "cyngor bwrdeistref sirol",
        "cyngor dinas a sir",
        "cyngor dinas",
        "cyngor",
        "dinas a sir",
        "bwrdeistref sirol",
        "council of the",
    ],
    key=len,
    reverse=True,
)
_SUFFIXES = sorted(
    [
        "county borough council",
        "county council",
        "city council",
        "borough council",
        "council",
        "county borough",
        "county",
        "cbc",
        "cc",
        "city",
        "ua",
        "unitary authority",
    ],
    key=len,
    reverse=True,
)

# Spellings that are not the English or Welsh name with a frame around it.
_ALIASES = {
    "W06000001": ["anglesey", "ynys mon", "mon", "ynys mon isle of anglesey"],
    "W06000005": ["flint", "fflint"],
    "W06000009": ["pembs", "penfro", "sir penfro"],
    "W06000010": ["sir gar", "carms", "caerfyrddin", "carmarthen"],
    "W06000012": ["npt", "neath port talbot", "neath and port talbot", "castell nedd"],
    "W06000013": ["pen y bont", "penybont ar ogwr", "penybont"],
    "W06000014": ["vale of glamorgan", "vale", "vog", "bro morgannwg", "glamorgan vale"],
    "W06000016": ["rhondda cynon taff", "rhondda cynon taf", "rct", "rhondda"],
    "W06000018": ["caerphilly", "caerffili"],
    "W06000019": ["blaenau"],
    "W06000020": ["tor faen", "torfaen"],
    "W06000021": ["monmouth", "mynwy"],
    "W06000022": ["newport city", "casnewydd"],
    "W06000024": ["merthyr", "merthyr tydfil", "merthyr tudful"],
}


def _strip_frame(key: str) -> str:
    changed = True
    while changed and key:
        changed = False
        for prefix in _PREFIXES:
            if key.startswith(prefix + " ") and len(key) > len(prefix) + 1:
                key, changed = key[len(prefix) + 1 :], True
                break
        for suffix in _SUFFIXES:
            if key.endswith(" " + suffix) and len(key) > len(suffix) + 1:
                key, changed = key[: -len(suffix) - 1], True
                break
    return key


@cache
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for row in _table().itertuples():
        for name in [
            row.council_code,
            row.name_en,
            row.name_cy,
            *_ALIASES.get(row.council_code, []),
        ]:
            key = fold(name)
            index[key] = row.council_code
            index[_strip_frame(key)] = row.council_code
            if key.startswith("sir "):  # "Sir Benfro" is also written "Benfro"
                index[key[4:]] = row.council_code
    return index


def find_council(text: object) -> str | None:
    """The ONS code of the council a text names (as :func:`resolve_council` reads it), else
    None, without the search for close matches: for telling whether cells name councils.

    Examples
    --------
    >>> find_council("Cardiff (Caerdydd)"), find_council("Councillor 0001")
    ('W06000015', None)
    """
    return _find_council("" if text is None else str(text))


@lru_cache(maxsize=1 << 14)  # a registry that never changes: a name is looked up once
def _find_council(raw: str) -> str | None:
    index = _index()
    # Bilingual cells: "Isle of Anglesey / Ynys Môn", "Cardiff (Caerdydd)".
    for part in [raw, *re.split(r"[/|()\[\]]", raw)]:
        key = fold(part)
        for candidate in (key, _strip_frame(key)):
            if candidate in index:
                return index[candidate]
    return None


def resolve_council(text: object, **where: str | None) -> str:
    """The ONS code of a council given any common spelling of its name, or its code.

    Accepts English and Welsh names, ONS codes, "X County Council", "City and County of X",
    "Cyngor Sir X" and similar frames, in any case and with stray spaces and punctuation.

    Parameters
    ----------
    text : str
        The name as written.
    **where
        ``file``, ``sheet`` and ``cell`` to name in the error if the name is unknown.

    Raises
    ------
    UnknownCouncilError
        Listing the closest matches.

    Examples
    --------
    >>> resolve_council("Cyngor Sir Gâr")
    'W06000010'
    >>> resolve_council("City and County of Swansea")
    'W06000011'
    """
    found = find_council(text)
    if found is not None:
        return found
    raw = "" if text is None else str(text)
    index = _index()
    key = fold(raw)
    names = _table().set_index("council_code")["name_en"]
    close = difflib.get_close_matches(_strip_frame(key), list(index), n=6, cutoff=0.6)
    suggestions = list(dict.fromkeys(names[index[c]] for c in close))[:3]
    raise UnknownCouncilError(str(text), suggestions, **where)


def council_name(code: str, lang: str = "en") -> str:
    """The official name of a council (or of Wales, ``W92000004``) in English or Welsh.

    Examples
    --------
    >>> council_name("W06000015", "cy")
    'Caerdydd'
    """
    if lang not in ("en", "cy"):
        raise ValueError(f"lang must be 'en' or 'cy', not {lang!r}")
    if code == WALES_CODE:
        return WALES_NAME[lang]
    try:
        return _names(lang)[code]
    except KeyError:
        raise UnknownCouncilError(code, []) from None


@cache
def _names(lang: str) -> dict[str, str]:
    return dict(zip(_table()["council_code"], _table()[f"name_{lang}"].astype(str), strict=True))


def council_label(code: object, fallback: object, lang: str = "en") -> str:
    """The official name for ``code`` in ``lang``, or ``fallback`` when it is no council's code.

    For labels in charts and tables, where a row may carry a code the registry does not know.

    Examples
    --------
    >>> council_label("W06000015", "Cardiff", "cy"), council_label("X1", "Elsewhere")
    ('Caerdydd', 'Elsewhere')
    """
    try:
        return council_name(str(code), lang)
    except UnknownCouncilError:
        return str(fallback)


class _CallableModule(types.ModuleType):
    """``diversity_review.councils`` is both this module and, called, the registry table.

    Importing a submodule binds its name on the package, which would hide a same-named
    function; making the module callable keeps ``dr.councils()`` and
    ``dr.councils.resolve_council(...)`` both working.
    """

    def __call__(self) -> pd.DataFrame:
        return councils()


sys.modules[__name__].__class__ = _CallableModule
