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
from .config import PackConfig
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
)


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


def language_workbook(
    tables: Sequence[PublishedTable],
    path: Path,
    *,
    lang: str,
    config: PackConfig,
    notes: Mapping[str, str],
    legend: Sequence[str],
    version: str,
) -> Path:
    """The pack's workbook in ``lang``: its cover, notes and furniture in that language."""
    return write_workbook(
        tables,
        path,
        title=pack_title(config, lang),
        intro=[
            *([synthetic_notice(lang)] if config.synthetic else []),
            translate(
                "Representation of women, ethnic minority, disabled, Welsh-speaking and young "
                "people among councillors in Wales, compared with the population.",
                lang,
            ),
        ],
        about=[
            *legend,
            translate("Produced by diversity_review {version}.", lang).format(version=version),
        ],
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

    sheets = {table.name[:31]: _sheet(gpt, table, label) for table in tables}
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


def _sheet(gpt, table: PublishedTable, label):
    frame = table.frame.copy()
    frame.columns = [str(c) for c in frame.columns]
    refs = " " + "".join(f"$${key}$$" for key in table.notes) if table.notes else ""
    return gpt.GPTable(
        table=frame,
        table_name=_table_name(table.name),
        title=table.title + refs,
        legend=list(table.legend),
        source=f"{label('Source')}: {table.source}" if table.source else None,
        instructions=label("This worksheet contains one table."),
    )


def _translate_cover_headings(workbook, n_intro: int, label) -> None:
    """gptables writes the cover's two headings in English; write them over in the language."""
    cover = workbook.worksheets()[0]
    fmt = workbook.add_format(workbook.theme.cover_subtitle_format)
    cover.write_string(1, 0, label("Introductory information"), fmt)
    cover.write_string(2 + n_intro, 0, label("About these data"), fmt)


@contextlib.contextmanager
def warnings_quiet() -> Iterator[None]:
    """gptables warns about choices we make on purpose (e.g. no table notes); keep it quiet."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _table_name(name: str) -> str:
    clean = "".join(ch if ch.isalnum() else "_" for ch in name)
    return clean if clean[:1].isalpha() else f"t_{clean}"
