"""Writing published outputs safely: atomic folders, neutralised text, deterministic files.

Everything here is about *how* files are written (the pack's content is ``report``'s concern):
- a pack is built in a temporary folder beside its destination and moved into place only when
  complete, so a failure leaves the previous pack untouched;
- text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first) is
  neutralised in CSV and stored as plain text in XLSX;
- files carry no dates and are written in sorted order, so the same inputs give the same bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

__all__ = [
    "neutralise",
    "neutralise_frame",
    "write_csv",
    "write_workbook",
    "write_json",
    "sha256",
    "atomic_folder",
    "PublishedTable",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: a fixed creation date for workbook metadata (byte-identical packs)
FIXED_DATE = datetime(2000, 1, 1)


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
    """Write a table as UTF-8 CSV with ``\\n`` line ends, neutralised text and fixed rounding."""
    out = neutralise_frame(frame)
    for col in out.columns:
        if pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].round(float_digits)
    path.parent.mkdir(parents=True, exist_ok=True)
    out.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path


def write_json(data: object, path: Path) -> Path:
    """Write JSON with sorted keys, two-space indent and a final newline."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, default=str)
    path.write_text(text + "\n", encoding="utf-8", newline="\n")
    return path


def sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, as hex."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class PublishedTable:
    """A disclosure-controlled table ready to publish, with its sheet text.

    ``frame`` holds display values: suppressed cells already read ``[c]``.
    """

    name: str  # sheet/file stem, e.g. "sex_by_council"
    title: str
    frame: pd.DataFrame
    source: str = ""
    notes: tuple[str, ...] = ()  # keys of the workbook's notes this table refers to
    legend: tuple[str, ...] = ()  # shorthand used in the table, e.g. "[c] = confidential"


def write_workbook(
    tables: Sequence[PublishedTable],
    path: Path,
    *,
    title: str,
    intro: Sequence[str],
    about: Sequence[str],
    notes: Mapping[str, str],
    labels: Mapping[str, str] | None = None,
) -> Path:
    """One accessible workbook (gptables): cover, contents, notes and a sheet per table.

    Text is never turned into formulas or links (``strings_to_formulas`` off), and the file
    carries a fixed creation date so the same tables give the same bytes.

    Parameters
    ----------
    notes : mapping
        Note key -> note text; a table refers to notes by key (``PublishedTable.notes``) and
        the workbook numbers them ``[note 1]``, ``[note 2]`` on a Notes sheet.
    labels : mapping, optional
        Translations of the sheet furniture: "Cover", "Contents", "Notes", "Note reference",
        "Note text", "Source".
    """
    import gptables as gpt

    labels = dict(labels or {})

    def label(key: str) -> str:
        return labels.get(key, key)

    sheets = {}
    for table in tables:
        frame = table.frame.copy()
        frame.columns = [str(c) for c in frame.columns]
        refs = " " + "".join(f"$${key}$$" for key in table.notes) if table.notes else ""
        sheets[table.name[:31]] = gpt.GPTable(
            table=frame,
            table_name=_table_name(table.name),
            title=table.title + refs,
            legend=list(table.legend),
            source=f"{label('Source')}: {table.source}" if table.source else None,
            instructions=label("This worksheet contains one table."),
        )
    # gptables numbers the notes ([note 1], ...) in the order the tables refer to them
    notes_table = pd.DataFrame(
        {label("Note reference"): list(notes), label("Note text"): list(notes.values())}
    )
    cover = gpt.Cover(title=title, intro=list(intro), about=list(about), cover_label=label("Cover"))
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings_quiet():
        workbook = gpt.produce_workbook(
            filename=str(path),
            sheets=sheets,
            cover=cover,
            contentsheet_label=label("Contents"),
            contentsheet_options={
                "title": label("Table of contents"),
                "column_names": [label("Sheet name"), label("Table description")],
                "instructions": label("This worksheet contains one table."),
            },
            notes_table=notes_table,
            notesheet_label=label("Notes"),
            notesheet_options={
                "title": label("Notes"),
                "instructions": label("This worksheet contains one table."),
            },
            workbook_options={"strings_to_formulas": False, "strings_to_urls": False},
        )
        _translate_cover_headings(workbook, len(intro), label)
        workbook.set_properties({"created": FIXED_DATE, "title": title})
        workbook.close()
    return path


def _translate_cover_headings(workbook, n_intro: int, label) -> None:
    """gptables writes the cover's two headings in English; write them over in the language."""
    cover = workbook.worksheets()[0]
    fmt = workbook.add_format(workbook.theme.cover_subtitle_format)
    cover.write_string(1, 0, label("Introductory information"), fmt)
    cover.write_string(2 + n_intro, 0, label("About these data"), fmt)


@contextlib.contextmanager
def warnings_quiet() -> Iterator[None]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _table_name(name: str) -> str:
    clean = "".join(ch if ch.isalnum() else "_" for ch in name)
    return clean if clean[:1].isalpha() else f"t_{clean}"


def html_page(title: str, body: str, lang: str) -> str:
    """A small self-contained HTML page (no scripts, no remote assets)."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        "<style>body{font-family:Arial,Helvetica,sans-serif;max-width:60rem;margin:2rem auto;"
        "padding:0 1rem;color:#0b0c0c;line-height:1.5}img{max-width:100%;height:auto}"
        "figure{margin:2rem 0}figcaption{color:#3d3d3d}table{border-collapse:collapse;"
        "margin:1rem 0}th,td{border:1px solid #bfbfbf;padding:.25rem .5rem;text-align:left}"
        "td.num{text-align:right}caption{text-align:left;font-weight:bold}</style>\n"
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def html_table(frame: pd.DataFrame, caption: str) -> str:
    """An escaped HTML table with a caption and header cells marked up for screen readers."""
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in frame.columns)
    rows = []
    for values in frame.itertuples(index=False):
        cells = []
        for value in values:
            text = (
                ""
                if value is None or (not isinstance(value, str) and pd.isna(value))
                else str(value)
            )
            numeric = isinstance(value, int | float) and not isinstance(value, bool)
            cls = ' class="num"' if numeric else ""
            cells.append(f"<td{cls}>{html.escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f"<table>\n<caption>{html.escape(caption)}</caption>\n<thead><tr>{head}</tr></thead>\n"
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )


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
