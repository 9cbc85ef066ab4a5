"""A workbook's zip container, opened once for one read and its small parts kept as read.

The file-format check (:func:`~diversity_review.load.limits.check_zip`, which inflates the
first :data:`~diversity_review.load.limits.PROLOG_BYTES` of every XML part), the scan for
formulas without a saved result and the synthetic marker all read parts of the same zip.
A :class:`Container` is opened once by the reader and handed to each: a part the safety
check inflated whole (no larger than its head) is kept and given to the later readers
instead of being inflated again. What is kept is bounded (:data:`KEEP_BYTES` in all) and
lives only as long as the one read: nothing survives between loads.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from typing import BinaryIO

__all__ = ["Container", "KEEP_BYTES", "inflate_head"]

#: bytes of inflated parts one container keeps (more are read again from the zip)
KEEP_BYTES = 16_000_000


class Container:
    """An open zip (``book``), the file it reads (``raw``, opened by the caller and closed
    with the container; None when the zip opened the file itself), its part names, and the
    whole parts read so far. Closed on leaving a ``with`` block."""

    def __init__(self, book: zipfile.ZipFile, raw: BinaryIO | None = None) -> None:
        self.book = book
        self.raw = raw
        self.names = frozenset(book.namelist())
        self._kept: dict[str, bytes] = {}
        self._size = 0

    def close(self) -> None:
        self.book.close()
        if self.raw is not None:
            self.raw.close()

    def __enter__(self) -> Container:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def keep(self, info: zipfile.ZipInfo, head: bytes) -> None:
        """Keep a part's head when it is the whole part (and the budget allows)."""
        if len(head) == info.file_size and self._size + len(head) <= KEEP_BYTES:
            self._kept[info.filename] = head
            self._size += len(head)
        else:  # a later entry of the same name is the one ``read`` must give
            self._kept.pop(info.filename, None)

    def read(self, part: str) -> bytes:
        """A part's bytes, as ``ZipFile.read(part)`` gives them."""
        data = self._kept.get(part)
        return self.book.read(part) if data is None else data


#: a zip local file header: signature, then (skipped) version, flags, method, time, date, CRC
#: and sizes, then the lengths of the name and the extra field
_LOCAL = struct.Struct("<4s22xHH")
_DEFLATED_CHUNK = 1 << 16


def inflate_head(fh: BinaryIO, info: zipfile.ZipInfo, limit: int) -> bytes | None:
    """A part's first ``limit`` bytes inflated straight from the open file ``fh``, as
    ``ZipFile.open(info).read(limit)`` gives them, without its per-part machinery (a
    workbook's check reads a dozen parts); ``b""`` for a whole part whose CRC is wrong (as
    zipfile's read fails), ``None`` for what only zipfile should read (encrypted or other
    methods, a local header that does not match the directory)."""
    if info.flag_bits & 1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return None
    fh.seek(info.header_offset)
    local = fh.read(_LOCAL.size)
    if len(local) < _LOCAL.size:
        return None
    signature, n_name, n_extra = _LOCAL.unpack(local)
    encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"
    if signature != b"PK\x03\x04" or fh.read(n_name) != info.orig_filename.encode(encoding):
        return None
    fh.seek(n_extra, 1)
    if info.compress_type == zipfile.ZIP_STORED:
        data = fh.read(min(info.compress_size, limit))
    else:
        data = _inflate(fh, info.compress_size, limit)
    if len(data) == info.file_size and zlib.crc32(data) != info.CRC:
        return b""
    return data


def _inflate(fh: BinaryIO, size: int, limit: int) -> bytes:
    """Up to ``limit`` bytes inflated from the next ``size`` raw-deflated bytes of ``fh``."""
    inflater, parts, have, left = zlib.decompressobj(-15), [], 0, size
    while have < limit and left > 0 and not inflater.eof:
        chunk = fh.read(min(left, _DEFLATED_CHUNK))
        if not chunk:
            break
        left -= len(chunk)
        out = inflater.decompress(inflater.unconsumed_tail + chunk, limit - have)
        parts.append(out)
        have += len(out)
    return b"".join(parts)
