"""The accessible workbook (gptables): cover, contents, notes and one sheet per table.

:func:`write_workbook` writes any set of :class:`PublishedTable`; :func:`language_workbook`
is the pack's workbook in one language (its cover text, notes and sheet furniture translated).
Text is never turned into formulas or links, and the file carries a fixed creation date, so the
same tables give the same bytes.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from ..i18n import translate
from .config import UNSET, PackConfig
from .display import pack_title, synthetic_notice

__all__ = ["FIXED_DATE", "PublishedTable", "write_workbook", "language_workbook"]

#: a fixed creation date for workbook metadata (byte-identical packs)
FIXED_DATE = datetime(2000, 1, 1)

#: furniture of the workbook that gptables would otherwise write in English
WORKBOOK_LABELS = (
    "Cover",
    "Contents",
    "Notes",
    "Note reference",
    "Note text",
    "Source",
    "This worksheet contains one table.",
    "Table of contents",
    "Sheet name",
    "Table description",
    "Introductory information",
    "About these data",
    "Contact",
    "Note number",
    "[note {n}]",
)

#: the cover's column width (characters) and the characters a line holds at its text size
COVER_WIDTH = 100


@dataclass(frozen=True)
class PublishedTable:
    """A disclosure-controlled table ready to publish, with its sheet text.

    ``frame`` holds display values: suppressed cells already read ``[c]``.
    """

    name: str  # file stem (and the sheet's name unless ``sheet`` is given)
    title: str
    frame: pd.DataFrame
    source: str = ""
    notes: tuple[str, ...] = ()  # keys of the workbook's notes this table refers to
    legend: tuple[str, ...] = ()  # shorthand used in the table, e.g. "[c] = confidential"
    sheet: str = ""  # the sheet's name in the workbook's language (default: ``name``)

    @property
    def sheet_name(self) -> str:
        return (self.sheet or self.name)[:31]


def language_workbook(
    tables: Sequence[PublishedTable],
    path: Path,
    *,
    lang: str,
    config: PackConfig,
    notes: Mapping[str, str],
    legend: Sequence[str],
    version: str,
    summary: Sequence[str] = (),
    released: str = "",
) -> Path:
    """The pack's workbook in ``lang``: its cover (title, summary, sources, release date,
    contact), notes and furniture in that language."""
    sources = dict.fromkeys(s for t in tables if t.source for s in t.source.split("; "))
    released = released or translate(UNSET, lang, setting="release_date")
    about = [
        translate("Source: {source}", lang, source="; ".join(sources)) if sources else "",
        translate("Release date: {date}", lang, date=released),
        *legend,
        translate("Produced by diversity_review {version}.", lang).format(version=version),
    ]
    contact = config.contact or translate(UNSET, lang, setting="contact")
    return write_workbook(
        tables,
        path,
        title=pack_title(config, lang),
        intro=[
            *([synthetic_notice(lang)] if config.synthetic else []),
            *(
                summary
                or [
                    translate(
                        "Representation of women, ethnic minority, disabled, Welsh-speaking and "
                        "young people among councillors in Wales, compared with the population.",
                        lang,
                    )
                ]
            ),
        ],
        about=[a for a in about if a],
        contact=[contact],
        notes=notes,
        labels={k: translate(k, lang) for k in WORKBOOK_LABELS},
    )


def write_workbook(
    tables: Sequence[PublishedTable],
    path: Path,
    *,
    title: str,
    intro: Sequence[str],
    about: Sequence[str],
    notes: Mapping[str, str],
    contact: Sequence[str] = (),
    labels: Mapping[str, str] | None = None,
) -> Path:
    """One accessible workbook (gptables): cover, contents, notes and a sheet per table.

    Text is never turned into formulas or links (``strings_to_formulas`` off), and the file
    carries a fixed creation date so the same tables give the same bytes. Number columns get
    number formats (thousands separators; the decimals the column is published to) and are
    right-aligned, markers included.

    Parameters
    ----------
    notes : mapping
        Note key -> note text; a table refers to notes by key (``PublishedTable.notes``): they
        are numbered ``[note 1]``, ``[note 2]`` (in the labels' language) in the order the
        tables first refer to them, on a Notes sheet.
    labels : mapping, optional
        Translations of the sheet furniture (:data:`WORKBOOK_LABELS`).
    """
    import gptables as gpt

    labels = dict(labels or {})

    def label(key: str) -> str:
        return labels.get(key, key)

    order = list(dict.fromkeys([k for t in tables for k in t.notes if k in notes] + list(notes)))
    number = {key: i + 1 for i, key in enumerate(order)}
    sheets = {t.sheet_name: _sheet(gpt, t, label, number) for t in tables}
    notes_table = (
        pd.DataFrame(
            {label("Note reference"): order, label("Note text"): [notes[k] for k in order]}
        )
        if order
        else None
    )
    cover = gpt.Cover(
        title=title,
        intro=list(intro),
        about=list(about),
        contact=list(contact) or None,
        cover_label=label("Cover"),
        width=COVER_WIDTH,
    )
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
        _cover_furniture(workbook, cover, label)
        if order:
            _notes_furniture(workbook, label)
        workbook.set_properties({"created": FIXED_DATE, "title": title})
        workbook.close()
    return path


def number_format(values: Sequence[object]) -> str | None:
    """The Excel number format of a published column: ``#,##0`` for whole numbers, one (or
    two, for a ratio) decimal places otherwise; None for a column with no number.

    Examples
    --------
    >>> number_format([1234, "[c]"]), number_format([51.4, 44.0]), number_format([0.73, 1.2])
    ('#,##0', '#,##0.0', '#,##0.00')
    """
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    if not numbers:
        return None
    floats = [repr(float(v)) for v in numbers if isinstance(v, float)]
    if not floats:
        return "#,##0"
    decimals = max(1, *(len(f.partition(".")[2]) for f in floats if "e" not in f))
    return "#,##0." + "0" * min(decimals, 2)


def _formats(frame: pd.DataFrame) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for column in frame.columns:
        fmt = number_format(list(frame[column]))
        if fmt is None:
            continue
        out.append({"column": {"columns": [column], "format": {"align": "right"}}})
        out.append(
            {
                "column": {
                    "columns": [column],
                    "format": {"num_format": fmt},
                    "include_names": False,
                }
            }
        )
    return out


def _sheet(gpt, table: PublishedTable, label, number: Mapping[str, int]):
    frame = table.frame.copy()
    frame.columns = [str(c) for c in frame.columns]
    refs = "".join(label("[note {n}]").format(n=number[k]) for k in table.notes if k in number)
    return gpt.GPTable(
        table=frame,
        table_name=_table_name(table.name),
        title=f"{table.title} {refs}" if refs else table.title,
        legend=list(table.legend),
        source=f"{label('Source')}: {table.source}" if table.source else None,
        instructions=label("This worksheet contains one table."),
        additional_formatting=_formats(frame),
    )


def _lines(text: str, chars: int) -> int:
    """Lines a wrapped text takes in a cell ``chars`` characters wide (words kept whole)."""
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > chars:
            lines, used = lines + 1, len(word)
        else:
            used += (1 if used else 0) + len(word)
    return lines


def _cover_furniture(workbook, cover, label) -> None:
    """gptables writes the cover's headings in English: write them over in the language; and
    give each row the height its wrapped text needs, so no text runs over the next row."""
    sheet = workbook.worksheets()[0]
    theme = workbook.theme
    heading = workbook.add_format(theme.cover_subtitle_format)
    rows: list[tuple[str, int]] = [(cover.title, 16)]
    for key, items in (
        ("Introductory information", cover.intro),
        ("About these data", cover.about),
        ("Contact", cover.contact),
    ):
        if items is None:
            continue
        sheet.write_string(len(rows), 0, label(key), heading)
        rows.append((label(key), 14))
        rows += [(str(item), 12) for item in items]
    for row, (text, size) in enumerate(rows):
        chars = int(COVER_WIDTH * 12 / size * 0.95)
        sheet.set_row(row, _lines(text, chars) * size * 1.4)


def _notes_furniture(workbook, label) -> None:
    """gptables heads the notes' number column "Note number" in English: write it over."""
    notes = workbook.worksheets()[2]
    fmt = workbook.add_format(workbook.theme.column_heading_format)
    notes.write_string(2, 0, label("Note number"), fmt)


@contextlib.contextmanager
def warnings_quiet() -> Iterator[None]:
    """gptables warns about choices we make on purpose (e.g. no table notes); keep it quiet."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _table_name(name: str) -> str:
    clean = "".join(ch if ch.isalnum() else "_" for ch in name)
    return clean if clean[:1].isalpha() else f"t_{clean}"
