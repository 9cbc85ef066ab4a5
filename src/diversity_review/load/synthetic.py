"""The synthetic-sample marker: how a file says it holds invented data, and how it is read.

The bundled samples are synthetic (made by the committed scripts in ``scripts/`` with fixed
seeds). Each carries a machine-readable marker so that anything built from it says SYNTHETIC
where a reader cannot miss it:

- a workbook (``.xlsx``, ``.ods``): the word ``SYNTHETIC`` in its document keywords
  (``docProps/core.xml`` ``cp:keywords``, or ``meta.xml`` ``meta:keyword`` for ``.ods``);
- a text file (``.csv``): a first line starting ``SYNTHETIC`` (the loaders read it as a title
  row above the header, like any note an officer puts there).

Real files never start so, and a real workbook's keywords never say so by accident; a file
without the marker is taken to be real.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .container import Container

__all__ = ["MARK", "is_synthetic", "book_is_synthetic"]

#: the word that marks a file as a synthetic sample
MARK = "SYNTHETIC"
_KEYWORDS = re.compile(rb"<(?:cp:keywords|meta:keyword)[^>]*>([^<]*)<", re.I)
_PARTS = ("docProps/core.xml", "meta.xml")
_MAX_PART = 1 << 20  # document properties are a few hundred bytes: read no more than 1 MB


def _workbook_keywords(path: Path) -> bytes:
    try:
        with zipfile.ZipFile(path) as book:
            return _keywords(book, book.read)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        pass
    return b""


def _keywords(book: zipfile.ZipFile, read: Callable[[str], bytes]) -> bytes:
    for part in _PARTS:
        try:
            info = book.getinfo(part)
        except KeyError:
            continue
        if info.file_size <= _MAX_PART:
            return b" ".join(_KEYWORDS.findall(read(part)))
    return b""


def book_is_synthetic(container: Container) -> bool | None:
    """:func:`is_synthetic` of a workbook already open (``load.container``: its document
    properties as the limits check read them); ``None`` when that read fails in a way
    :func:`is_synthetic` would not pass over (so the caller asks it, and sees what it does)."""
    try:
        keywords = _keywords(container.book, container.read)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        keywords = b""
    except Exception:
        return None
    return MARK.encode() in keywords.upper()


def is_synthetic(path: str | Path) -> bool:
    """Does the file carry the synthetic-sample marker?

    Examples
    --------
    >>> is_synthetic("data/raw/wlga_review_synthetic.xlsx")  # doctest: +SKIP
    True
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(64)
    except OSError:
        return False
    if head.startswith(b"PK\x03\x04"):
        return MARK.encode() in _workbook_keywords(path).upper()
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip(b'"')
    return text.startswith(MARK.encode())
