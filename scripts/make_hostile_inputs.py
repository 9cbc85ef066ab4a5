"""Build the hostile inputs the hardening tests feed to the command line (SYNTHETIC, no data).

    python scripts/make_hostile_inputs.py OUTDIR

Each case is what an attacker or a careless user could hand the package: a zip bomb (about
3 MB inflating to 2 GB), a CSV of 2 million rows, a CSV with one 100 MB line, a workbook of
10,000 sheets, workbooks whose XML declares entities (billion laughs, an external file). The
zip bomb is written by hand: one deflate segment, flushed so that it stands alone, repeated.
"""

from __future__ import annotations

import struct
import sys
import zipfile
import zlib
from pathlib import Path

_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    b"</Types>"
)
_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def _workbook_parts(n_sheets: int) -> dict[str, bytes]:
    sheets = b"".join(
        b'<sheet name="S%d" sheetId="%d" r:id="rId%d"/>' % (i, i, i) for i in range(1, n_sheets + 1)
    )
    rels = b"".join(
        b'<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i, i)
        for i in range(1, n_sheets + 1)
    )
    return {
        "[Content_Types].xml": _CONTENT_TYPES,
        "xl/workbook.xml": b"<workbook %s %s><sheets>%s</sheets></workbook>" % (_NS, _R, sheets),
        "xl/_rels/workbook.xml.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/relationships">%s</Relationships>' % rels,
    }


def _sheet(body: bytes, prolog: bytes = b"") -> bytes:
    return b'<?xml version="1.0"?>%s<worksheet %s><sheetData>%s</sheetData></worksheet>' % (
        prolog,
        _NS,
        body,
    )


def many_sheets(path: Path, n: int = 10_000) -> Path:
    cell = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in _workbook_parts(n).items():
            book.writestr(name, data)
        for i in range(1, n + 1):
            book.writestr(f"xl/worksheets/sheet{i}.xml", _sheet(cell))
    return path


def entities(path: Path, external: bool = False) -> Path:
    """A workbook whose sheet declares entities: billion laughs, or one reading a file."""
    if external:
        prolog = b'<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        use = b"&x;"
    else:
        defs = b'<!ENTITY a0 "lol">' + b"".join(
            b'<!ENTITY a%d "%s">' % (i, b"&a%d;" % (i - 1) * 10) for i in range(1, 10)
        )
        prolog, use = b"<!DOCTYPE worksheet [" + defs + b"]>", b"&a9;"
    body = b'<row r="1"><c r="A1" t="inlineStr"><is><t>%s</t></is></c></row>' % use
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in _workbook_parts(1).items():
            book.writestr(name, data)
        book.writestr("xl/worksheets/sheet1.xml", _sheet(body, prolog))
    return path


def zip_bomb(path: Path, inflated: int = 2_000_000_000) -> Path:
    """A workbook whose one sheet inflates to ``inflated`` bytes (from about 3 MB)."""
    row = b'<row><c t="inlineStr"><is><t>A</t></is></c></row>'
    chunk = row * ((1 << 20) // len(row))
    count = inflated // len(chunk)
    head, tail = _sheet(b"").split(b"</sheetData>")
    head += b""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = comp.compress(head) + comp.flush(zlib.Z_FULL_FLUSH)
    middle = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    last = comp.compress(b"</sheetData>" + tail) + comp.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(b"</sheetData>" + tail, crc)
    size = len(head) + count * len(chunk) + len(b"</sheetData>" + tail)
    parts = [
        (n, zlib.compress(d)[2:-4], zlib.crc32(d), len(d)) for n, d in _workbook_parts(1).items()
    ]
    with path.open("wb") as fh:
        central = []
        for name, data, part_crc, part_size in parts:
            central.append(_local(fh, name, [data], part_crc, part_size))
        pieces = [first, *([middle] * count), last]
        central.append(_local(fh, "xl/worksheets/sheet1.xml", pieces, crc, size))
        start = fh.tell()
        for entry in central:
            fh.write(entry)
        fh.write(
            struct.pack(
                "<IHHHHIIH",
                0x06054B50,
                0,
                0,
                len(central),
                len(central),
                fh.tell() - start,
                start,
                0,
            )
        )
    return path


def _local(fh, name: str, pieces: list[bytes], crc: int, size: int) -> bytes:
    """Write one deflated entry's local header and data; its central directory record."""
    offset = fh.tell()
    raw = name.encode()
    compressed = sum(len(p) for p in pieces)
    fields = (20, 0, 8, 0, 0, crc, compressed, size, len(raw), 0)
    fh.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + raw)
    for piece in pieces:
        fh.write(piece)
    return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, offset) + raw


def many_rows(path: Path, n: int = 2_000_000) -> Path:
    block = b"Cardiff,31,48\n" * 100_000
    with path.open("wb") as fh:
        fh.write(b"Council,Female,Male\n")
        for _ in range(n // 100_000):
            fh.write(block)
    return path


def long_line(path: Path, size: int = 100_000_000) -> Path:
    with path.open("wb") as fh:
        fh.write(b"Council,Female,Male\nCardiff,")
        for _ in range(size // (1 << 20)):
            fh.write(b"x" * (1 << 20))
        fh.write(b",48\n")
    return path


CASES = {
    "zip_bomb.xlsx": zip_bomb,
    "rows_2m.csv": many_rows,
    "long_line.csv": long_line,
    "sheets_10k.xlsx": many_sheets,
    "laughs.xlsx": entities,
    "external_entity.xlsx": lambda p: entities(p, external=True),
}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, make in CASES.items():
        make(out / name)
        print(f"wrote {out / name} ({(out / name).stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile"))
