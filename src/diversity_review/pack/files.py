"""Writing published files safely: neutralised text, deterministic bytes, an atomic folder.

Everything here is about *how* files are written (what the pack holds is the other modules'
concern):
- text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first) is
  neutralised in CSV (the workbook stores it as plain text, see :mod:`.workbook`);
- files carry no dates and fixed line ends, so the same inputs give the same bytes;
- a pack is built in a temporary folder beside its destination and moved into place only when
  complete, so a failure leaves the previous pack untouched.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

__all__ = [
    "neutralise",
    "neutralise_frame",
    "write_csv",
    "write_json",
    "write_text",
    "sha256",
    "atomic_folder",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Prefix text a spreadsheet would treat as a formula with an apostrophe.

    Numbers are left alone (a negative number is data, not a formula).

    Examples
    --------
    >>> neutralise("=HYPERLINK(1)"), neutralise("Cardiff"), neutralise(-3)
    ("'=HYPERLINK(1)", 'Cardiff', -3)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell (and column name) neutralised."""
    out = frame.copy()
    for col in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[col]) or pd.api.types.is_bool_dtype(out[col])):
            out[col] = out[col].map(neutralise, na_action="ignore")
    out.columns = [neutralise(c) for c in out.columns]
    return out


def write_csv(frame: pd.DataFrame, path: Path, *, float_digits: int = 6) -> Path:
    """Write a table as UTF-8 CSV with a byte-order mark (so that Excel on Windows reads
    "Grŵp" and "Môn" as UTF-8), ``\\n`` line ends, neutralised text and fixed rounding."""
    out = neutralise_frame(frame)
    for col in out.columns:
        if pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].round(float_digits)
    path.parent.mkdir(parents=True, exist_ok=True)
    out.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")
    return path


def write_json(data: object, path: Path) -> Path:
    """Write JSON with sorted keys, two-space indent and a final newline."""
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, default=str)
    return write_text(text + "\n", path)


def write_text(text: str, path: Path) -> Path:
    """Write text as UTF-8 with ``\\n`` line ends (the same bytes on every platform)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, as hex."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextlib.contextmanager
def atomic_folder(out: Path) -> Iterator[Path]:
    """Build into a temporary folder; on success swap its entries into ``out``.

    Only the entries the new pack holds are replaced (a ``.gitkeep`` or a user's own files in
    ``out`` are left alone). On any error the temporary folder is removed and ``out`` is
    untouched.

    Examples
    --------
    >>> with atomic_folder(Path("pack")) as tmp:  # doctest: +SKIP
    ...     (tmp / "manifest.json").write_text("{}", encoding="utf-8")
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".pack-", dir=out))
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = Path(tempfile.mkdtemp(prefix=".old-", dir=out))
    try:
        for entry in sorted(tmp.iterdir()):
            target = out / entry.name
            if target.exists():
                os.replace(target, old / entry.name)
            os.replace(entry, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
