"""Cells of an ``.xlsx`` worksheet holding a formula with no saved result.

calamine gives such a cell as empty, but a blank count where the sheet has a formula is a
problem to report (``formula-without-result``), so the worksheet XML is scanned for them:
without building the workbook, and without parsing the worksheet as a document (each cell
element is matched by a regular expression; no entity is ever expanded). The reader
(``load.grid``) hands over the zip it already opened (``load.container``).
"""

from __future__ import annotations

import re
import zipfile
import zlib

from .container import Container

__all__ = ["formula_cells_in"]

#: a cell element of a worksheet part (any namespace prefix), its attributes and content
_CELL = re.compile(rb"<(?:\w+:)?c\s([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


#: the bytes that may precede a formula element's ``f``: ``<f`` plain, ``x:f`` prefixed
_BEFORE_F = frozenset(b"<:")


def _has_formula(data: bytes) -> bool:
    """``_FORMULA.search(data)``, sooner: the letter ``f`` is rare in worksheet XML (no
    element or attribute of a cell has one), so each is found by a byte search (memchr), and
    only one after ``<`` or ``:`` is tried with the full pattern, from its element's start."""
    at = data.find(b"f")
    while at != -1:
        if at and data[at - 1] in _BEFORE_F:
            start = data.rfind(b"<", 0, at)
            if start != -1 and _FORMULA.match(data, start) is not None:
                return True
        at = data.find(b"f", at + 1)
    return False


def _ref_position(letters: bytes, digits: bytes) -> tuple[int, int]:
    col = 0
    for ch in letters:
        col = col * 26 + (ch - 64)
    return int(digits) - 1, col - 1


def _sheet_parts(container: Container) -> dict[str, str]:
    """Sheet name -> its worksheet part (``xl/worksheets/sheet1.xml``), from the workbook."""
    from defusedxml import ElementTree

    rel_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

    def parse(part: str):
        return ElementTree.fromstring(container.read(part), forbid_dtd=True)

    rels = parse("xl/_rels/workbook.xml.rels")
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    parts = {}
    for sheet in parse("xl/workbook.xml").iter():
        if sheet.tag.endswith("}sheet") and sheet.get(rel_ns) in targets:
            target = targets[sheet.get(rel_ns)].lstrip("/")
            parts[sheet.get("name")] = target if target.startswith("xl/") else f"xl/{target}"
    return parts


#: parts of a workbook that are never a worksheet (where the others are, only the workbook's
#: relationships say: Excel's ``xl/worksheets/`` is a convention)
_NOT_SHEETS = ("xl/styles.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "[Content_Types].xml")
_NOT_SHEET_FOLDERS = ("docProps/", "xl/theme/", "_rels/", "xl/_rels/", "customXml/")


def _maybe_sheets(container: Container) -> list[str]:
    """The XML parts that may be worksheets: all but those known not to be."""
    return [
        n
        for n in container.names
        if n.endswith(".xml") and n not in _NOT_SHEETS and not n.startswith(_NOT_SHEET_FOLDERS)
    ]


_UNREADABLE = (KeyError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, SyntaxError)


def formula_cells_in(
    container: Container, titles: list[str]
) -> dict[str, frozenset[tuple[int, int]]]:
    """For each sheet of an open container (its parts read once), the (row, col) of cells
    holding a formula with no saved result.

    Read from the worksheet XML without building the workbook: a part with no formula at all
    is skipped after one byte search; otherwise each cell element is matched by a regular
    expression (no entity is ever expanded: the XML is not parsed as a document).
    """
    found: dict[str, frozenset[tuple[int, int]]] = {}
    try:
        if not any(_has_formula(container.read(n)) for n in _maybe_sheets(container)):
            return found  # no formula anywhere: the workbook's sheet list is not needed
        parts = _sheet_parts(container)
        for title in titles:
            part = parts.get(title)
            data = container.read(part) if part in container.names else b""
            if not _has_formula(data):
                continue
            cells = set()
            for attrs, inner in _CELL.findall(data):
                if inner and _FORMULA.search(inner) and not _VALUE.search(inner):
                    ref = _REF.search(attrs)
                    if ref:
                        cells.add(_ref_position(*ref.groups()))
            found[title] = frozenset(cells)
    except _UNREADABLE:
        return {}  # an unusual package layout: values are still read; no blank is flagged
    return found
