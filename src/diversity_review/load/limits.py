"""Bounded work: what no real review, roster, candidate list or survey export needs, refused
before it is read.

Every input is checked here before any library reads it, from what the file declares about
itself (the file system's file type, a zip container's directory, a worksheet's declared
dimensions, a text file's line count and line lengths), so a hostile or broken file costs a
bounded amount of time and memory and gives one line naming the file and the limit.

The largest real inputs the package knows of are a member survey of a few thousand
respondents (a few MB) and a review workbook of 22 councils (under 100 kB). The limits leave
two to three orders of magnitude of room above them.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..errors import DataError, Problem, display_name
from .container import inflate_head

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_UNCOMPRESSED_BYTES",
    "MAX_PART_BYTES",
    "MAX_COMPRESSION_RATIO",
    "RATIO_FROM_BYTES",
    "MAX_PARTS",
    "MAX_SHEETS",
    "MAX_ROWS",
    "MAX_CELLS",
    "MAX_LINE_BYTES",
    "PROLOG_BYTES",
    "check_regular_file",
    "check_zip",
    "check_text",
    "check_sheet_count",
    "too_large",
]

#: bytes a file may hold on disk (a workbook or a text file)
MAX_FILE_BYTES = 200_000_000
#: bytes all the parts of a workbook (a zip container) may inflate to together
MAX_UNCOMPRESSED_BYTES = 200_000_000
#: bytes one part (one worksheet's XML, say) may inflate to
MAX_PART_BYTES = 100_000_000
#: how many times larger than its compressed size a part may inflate (real worksheets: 5-30)
MAX_COMPRESSION_RATIO = 200
#: the ratio is checked only for parts inflating to more than this (tiny parts vary widely)
RATIO_FROM_BYTES = 1_000_000
#: entries a workbook's zip directory may hold
MAX_PARTS = 5_000
#: sheets a workbook may hold
MAX_SHEETS = 1_000
#: rows a sheet or a text file may hold
MAX_ROWS = 1_000_000
#: cells a worksheet may declare (its ``<dimension ref=...>``: rows x columns)
MAX_CELLS = 50_000_000
#: bytes one line of a text (CSV) file may hold
MAX_LINE_BYTES = 1_000_000

#: bytes read from the start of each XML part to check its prolog and declared dimensions
PROLOG_BYTES = 65_536

_BLOCK = 1 << 20
_ROOT = re.compile(rb"<[A-Za-z_]")
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
_WORKSHEET = re.compile(r"^xl/worksheets/[^/]+\.(xml|bin)$")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+)?([0-9]+)?(?::([A-Z]+)([0-9]+))?\"")


def too_large(name: str, what: str, limit: str) -> DataError:
    """The one-line refusal: ``review.xlsx: too large to read: <what> (the limit is <limit>)``."""
    return DataError(
        Problem(
            f"too large to read: {what} (the limit is {limit}; see SECURITY.md)",
            name,
            code="too-large",
        )
    )


def _mb(n: int) -> str:
    return f"{n / 1_000_000:,.0f} MB"


def check_regular_file(path: Path) -> os.stat_result:
    """The file's status when it is a regular file; a DataError naming what it is otherwise
    (a folder, a named pipe, a device, a socket), so nothing blocks on a FIFO or reads
    ``/dev/zero`` for ever."""
    name = display_name(path)
    try:
        info = path.stat()  # follows a link to what it names
    except FileNotFoundError:
        raise DataError(Problem("file not found", name, code="file-not-found")) from None
    except OSError as exc:
        why = "permission denied" if isinstance(exc, PermissionError) else "cannot be opened"
        raise DataError(Problem(why, name, code="cannot-open")) from None
    mode = info.st_mode
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    )
    for test, kind in kinds:
        if test(mode):
            raise DataError(Problem(f"is {kind}, not a file", name, code="not-a-file"))
    if not stat.S_ISREG(mode):
        raise DataError(Problem("is not a regular file", name, code="not-a-file"))
    if info.st_size > MAX_FILE_BYTES:
        raise too_large(name, f"the file holds {_mb(info.st_size)}", _mb(MAX_FILE_BYTES))
    return info


def check_zip(
    book: zipfile.ZipFile,
    name: str,
    keep: Callable[[zipfile.ZipInfo, bytes], None] | None = None,
    raw: BinaryIO | None = None,
) -> None:
    """A workbook's zip directory within the limits: parts, sizes, ratios, sheets and each
    worksheet's declared dimensions (read from its first bytes only). ``keep`` is given each
    XML part's head as it is read (``load.container`` keeps the whole small parts), once the
    part's prolog has passed. ``raw`` is the zip's file, open, if the caller has it (the heads
    are inflated straight from it; else each is read through ``book``)."""
    infos = book.infolist()
    sheets = [i for i in infos if _WORKSHEET.match(i.filename)]
    check_sheet_count(len(sheets), name)
    if len(infos) > MAX_PARTS:
        raise too_large(name, f"{len(infos):,} parts in the workbook", f"{MAX_PARTS:,}")
    total = 0
    for info in infos:
        total += info.file_size
        _check_part(info, name)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise too_large(name, f"it inflates to {_mb(total)}", _mb(MAX_UNCOMPRESSED_BYTES))
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            head = _head(book, info, raw)
            _check_prolog(head, info, name)
            if info in sheets:
                _check_dimension(head, info, name)
            if keep is not None:
                keep(info, head)


_DAMAGED = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError)


def _head(book: zipfile.ZipFile, info: zipfile.ZipInfo, raw: BinaryIO | None) -> bytes:
    """A part's first :data:`PROLOG_BYTES` (inflated as far as that only)."""
    try:
        head = inflate_head(raw, info, PROLOG_BYTES) if raw is not None else None
        if head is not None:
            return head
        with book.open(info) as fh:
            return fh.read(PROLOG_BYTES)
    except _DAMAGED:
        return b""  # a damaged part: the reader reports it


def _check_prolog(head: bytes, info: zipfile.ZipInfo, name: str) -> None:
    """No document type declaration (and so no entity) before a part's root element: no
    workbook needs one, and entities can expand without limit or fetch other files."""
    root = _ROOT.search(head)
    prolog = head[: root.start()] if root else head
    if _DECLARATION.search(prolog) or (root is None and len(head) == PROLOG_BYTES):
        raise DataError(
            Problem(
                f"refused: part {info.filename} declares a DTD or entities, which no workbook "
                "needs (they can expand without limit or read other files)",
                name,
                code="xml-refused",
            )
        )


def _check_part(info: zipfile.ZipInfo, name: str) -> None:
    if info.file_size > MAX_PART_BYTES:
        raise too_large(
            name, f"part {info.filename} inflates to {_mb(info.file_size)}", _mb(MAX_PART_BYTES)
        )
    if info.file_size > RATIO_FROM_BYTES:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > MAX_COMPRESSION_RATIO:
            raise too_large(
                name,
                f"part {info.filename} inflates {ratio:,.0f} times",
                f"{MAX_COMPRESSION_RATIO} times",
            )


def check_sheet_count(n: int, name: str) -> None:
    if n > MAX_SHEETS:
        raise too_large(name, f"{n:,} sheets", f"{MAX_SHEETS:,}")


def _column_number(letters: bytes) -> int:
    col = 0
    for ch in letters:
        col = col * 26 + (ch - 64)
    return col


def _check_dimension(head: bytes, info: zipfile.ZipInfo, name: str) -> None:
    found = _DIMENSION.search(head)
    if not found or not found.group(4):
        return
    rows = int(found.group(4))
    cols = _column_number(found.group(3))
    sheet = info.filename.rsplit("/", 1)[-1]
    if rows > MAX_ROWS:
        raise too_large(name, f"{sheet} declares {rows:,} rows", f"{MAX_ROWS:,}")
    if rows * cols > MAX_CELLS:
        raise too_large(name, f"{sheet} declares {rows * cols:,} cells", f"{MAX_CELLS:,}")


def check_text(path: Path, name: str) -> None:
    """A text file within the limits on rows and line length, found by counting line ends in
    blocks (constant memory: a line is never assembled)."""
    lines = 0
    run = 0  # bytes since the last line end
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(_BLOCK), b""):
            count = block.count(b"\n")
            if count:
                first = block.index(b"\n")
                longest = max(run + first, _longest_inside(block))
                run = len(block) - block.rindex(b"\n") - 1
            else:
                longest = run = run + len(block)
            if longest > MAX_LINE_BYTES:
                raise too_large(
                    name, "a line of more than 1 MB", f"{MAX_LINE_BYTES:,} bytes a line"
                )
            lines += count
            if lines > MAX_ROWS:
                raise too_large(name, f"more than {MAX_ROWS:,} lines", f"{MAX_ROWS:,} rows")


def _longest_inside(block: bytes) -> int:
    """The longest run between two line ends inside a block (0 with fewer than two)."""
    first, last = block.find(b"\n"), block.rfind(b"\n")
    if first == last:
        return 0
    return max(len(part) for part in block[first + 1 : last].split(b"\n"))
