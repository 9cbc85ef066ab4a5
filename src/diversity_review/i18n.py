"""Welsh and English text for everything a chart or table shows.

The English text is the message id; the Welsh comes from the gettext catalogue
``locale/cy/LC_MESSAGES/diversity_review.po`` (package data, read with polib), which a
translator can open in Poedit.

How a Welsh lookup is resolved
------------------------------
* An entry with a Welsh text is used, **including a fuzzy (draft) one**. Every Welsh entry is a
  draft until a Welsh speaker has reviewed it and removed its ``fuzzy`` flag; a Welsh chart that
  shows a draft is better than one that mixes in English. ``fuzzy_entries("cy")`` (the command
  ``diversity-review translations``) lists the drafts awaiting review.
* A message with no entry, or an entry with an empty Welsh text, falls back to the English with
  a :class:`TranslationWarning` (one per message per session); it never fails.
* Templates use named placeholders (``{share}``, ``{year}``) so that the Welsh can put words in
  its own order. If a Welsh template cannot be filled (a placeholder typed wrongly), the English
  template is used with a warning.

Numbers: Welsh uses the same digits, decimal point and ``%`` sign as English.

This module does not import matplotlib.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = [
    "LANGS",
    "TranslationWarning",
    "translate",
    "t",
    "fuzzy_entries",
    "catalogue_text",
    "format_percent",
    "format_pp",
    "format_count",
]

LANGS = ("en", "cy")
DOMAIN = "diversity_review"


class TranslationWarning(UserWarning):
    """A message has no translation in the catalogue; English is shown instead."""


@dataclass(frozen=True)
class _Entry:
    msgstr: str
    fuzzy: bool


# (lang, msgid) pairs already warned about, so each missing message warns once
_warned: set[tuple[str, str]] = set()


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(map(repr, LANGS))}, not {lang!r}")


def catalogue_text(lang: str = "cy") -> str:
    """The text of the ``.po`` catalogue for ``lang`` (read from the package data).

    Examples
    --------
    >>> catalogue_text("cy").startswith("#")
    True
    """
    _check_lang(lang)
    if lang == "en":
        raise ValueError("English is the source language: it has no catalogue")
    path = resources.files(__package__).joinpath(f"locale/{lang}/LC_MESSAGES/{DOMAIN}.po")
    return path.read_text(encoding="utf-8")


@cache
def _catalogue(lang: str) -> dict[str, _Entry]:
    import polib

    po = polib.pofile(catalogue_text(lang), encoding="utf-8")
    return {
        entry.msgid: _Entry(entry.msgstr, "fuzzy" in entry.flags)
        for entry in po
        if not entry.obsolete and not entry.msgctxt
    }


def _warn_once(lang: str, msgid: str, why: str) -> None:
    if (lang, msgid) in _warned:
        return
    _warned.add((lang, msgid))
    warnings.warn(
        f"{why} for {msgid!r} in {lang!r}; showing the English", TranslationWarning, stacklevel=3
    )


def translate(text: str, lang: str = "en", /, **values: object) -> str:
    """``text`` in ``lang``, with ``{name}`` placeholders filled from ``values``.

    Parameters
    ----------
    text : str
        The English message (the catalogue's msgid).
    lang : {"en", "cy"}
        The language wanted.
    **values
        Values for the named placeholders; given none, the text is returned unformatted.

    Returns
    -------
    str
        The Welsh (draft or reviewed) when ``lang="cy"`` and the catalogue has it, else the
        English (with a :class:`TranslationWarning` once per message).

    Examples
    --------
    >>> translate("Wales", "cy")
    'Cymru'
    >>> translate("In {year}, {subject} were {share} of councillors in Wales", "en",
    ...           year=2022, subject="women", share="36%")
    'In 2022, women were 36% of councillors in Wales'
    """
    _check_lang(lang)
    out = text
    if lang != "en":
        entry = _catalogue(lang).get(text)
        if entry is None:
            _warn_once(lang, text, "no translation")
        elif not entry.msgstr:
            _warn_once(lang, text, "empty translation")
        else:
            out = entry.msgstr
    if not values:
        return out
    try:
        return out.format(**values)
    except (KeyError, IndexError, ValueError):
        if out is text:
            raise
        _warn_once(lang, text, "translation whose placeholders do not match")
        return text.format(**values)


#: short alias, in the spirit of gettext's ``_``
t = translate


def fuzzy_entries(lang: str = "cy") -> list[tuple[str, str]]:
    """The draft (fuzzy) entries of a catalogue, awaiting review by a Welsh speaker.

    Returns
    -------
    list of (msgid, msgstr)
        In catalogue order.

    Examples
    --------
    >>> ("Wales", "Cymru") in fuzzy_entries("cy")
    True
    """
    _check_lang(lang)
    if lang == "en":
        return []
    return [(msgid, e.msgstr) for msgid, e in _catalogue(lang).items() if e.fuzzy]


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(math.isnan(float(value)))  # pd.NA raises TypeError
    except (TypeError, ValueError):
        return True


def format_percent(fraction: object, lang: str = "en", decimals: int | None = None) -> str:
    """A fraction (0-1) as a percentage: ``0.362`` -> ``"36%"``.

    ``decimals=None`` gives whole percentages from 10% up and one decimal place below 10%
    (so that small groups such as ethnic minorities keep their precision). Missing values
    give ``""``. Welsh uses the same digits, decimal point and sign.

    Examples
    --------
    >>> format_percent(0.362), format_percent(0.018), format_percent(0.5, "cy", decimals=1)
    ('36%', '1.8%', '50.0%')
    """
    _check_lang(lang)
    if _is_missing(fraction):
        return ""
    pct = 100 * float(fraction)
    if decimals is None:
        decimals = 0 if round(abs(pct), 1) >= 10 or pct == 0 else 1
    return f"{pct:.{decimals}f}%"


def format_pp(points: object, lang: str = "en", decimals: int = 0) -> str:
    """A change in percentage points with its sign: ``8.2`` -> ``"+8 pp"``.

    Examples
    --------
    >>> format_pp(8.2), format_pp(-0.4, decimals=1), format_pp(0.2)
    ('+8 pp', '-0.4 pp', '0 pp')
    """
    if _is_missing(points):
        return ""
    value = round(float(points), decimals)
    text = f"{value:+.{decimals}f}" if value != 0 else f"{0:.{decimals}f}"
    return translate("{value} pp", lang, value=text)


def format_count(n: object, lang: str = "en") -> str:
    """A whole number with thousands separators (the same in Welsh): ``1234`` -> ``"1,234"``.

    Examples
    --------
    >>> format_count(1234, "cy")
    '1,234'
    """
    _check_lang(lang)
    if _is_missing(n):
        return ""
    return f"{int(n):,}"
