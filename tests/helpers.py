"""Fixture writers shared by the tests: workbooks and CSV files from rows of values.

Workbooks are written with openpyxl, so formula cells carry no saved results: write values.
"""

from __future__ import annotations

import csv
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import openpyxl

Rows = Sequence[Sequence[object]]

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
#: the bundled synthetic samples (made by scripts/make_sample_*.py)
SAMPLE_REVIEW = RAW / "wlga_review_synthetic.xlsx"
SAMPLE_SURVEY = RAW / "member_survey_synthetic.csv"
SAMPLE_CANDIDATES = RAW / "candidates_synthetic.csv"
SAMPLE_ROSTER = RAW / "councillor_roster_synthetic.xlsx"


def write_csv(path: Path, rows: Rows, encoding: str = "utf-8") -> Path:
    """A CSV file of these rows (``csv.writer``'s quoting); returns the path."""
    with Path(path).open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return Path(path)


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """A text file holding exactly ``text``; returns the path."""
    Path(path).write_text(text, encoding=encoding)
    return Path(path)


def write_book(
    path: Path,
    sheets: Mapping[str, Rows] | Rows,
    merges: Mapping[str, Sequence[str]] | None = None,
    *,
    title: str = "Sheet1",
) -> Path:
    """A workbook with these sheets (``{title: rows}``, or one sheet of ``rows`` called
    ``title``) and merged ranges (``{title: ["A1:C1"]}``); returns the path."""
    if not isinstance(sheets, Mapping):
        sheets = {title: sheets}
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(list(row))
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
    book.save(path)
    return Path(path)


def load_script(name: str):
    """The module of ``scripts/<name>.py`` (the sample generators), imported from its file."""
    import importlib.util

    script = Path(__file__).resolve().parents[1] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, script)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # a script's dataclasses look their module up while made
    spec.loader.exec_module(module)
    return module


@dataclass
class Reply:
    """What the local server answers to one request: status, body, content type, and how
    long to hold the answer back (``wait`` seconds, cut short when the server stops)."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/xml; charset=utf-8"
    wait: float = 0.0


@dataclass
class LocalServer:
    """A running local HTTP server: its base ``url`` and the ``requests`` it has had (path,
    User-Agent)."""

    url: str
    requests: list[tuple[str, str | None]] = field(default_factory=list)


@contextmanager
def serve_local(routes: Mapping[str, Reply | Sequence[Reply]]) -> Iterator[LocalServer]:
    """An HTTP server on 127.0.0.1 (a free port) in a thread, answering each path from
    ``routes`` (a sequence of replies is answered in turn, its last one repeated); any other
    path is a 404. Stopped, and any held-back answer released, on leaving the block."""
    release = threading.Event()
    queues = {path: list(r) if isinstance(r, Sequence) else [r] for path, r in routes.items()}
    seen: list[tuple[str, str | None]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the name http.server calls)
            path = self.path.split("?", 1)[0]
            seen.append((path, self.headers.get("User-Agent")))
            queue = queues.get(path)
            reply = (queue.pop(0) if len(queue) > 1 else queue[0]) if queue else Reply(404)
            if reply.wait:
                release.wait(reply.wait)
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield LocalServer(f"http://127.0.0.1:{server.server_address[1]}", seen)
    finally:
        release.set()
        server.shutdown()
        server.server_close()
