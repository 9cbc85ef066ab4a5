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

import zipfile

__all__ = ["Container", "KEEP_BYTES"]

#: bytes of inflated parts one container keeps (more are read again from the zip)
KEEP_BYTES = 16_000_000


class Container:
    """An open zip (``book``), its part names, and the whole parts read so far."""

    def __init__(self, book: zipfile.ZipFile) -> None:
        self.book = book
        self.names = frozenset(book.namelist())
        self._kept: dict[str, bytes] = {}
        self._size = 0

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
