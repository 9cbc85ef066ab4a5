"""The benchmark pack: the whole flow, from raw files to published, disclosure-controlled outputs.

``build_pack`` loads every review workbook and survey export, computes the tables declared in
:mod:`.specs`, suppresses small cells, and writes for each language (``en/``, ``cy/``): every
chart as PNG and SVG with its alt text, the tables as CSV, one accessible workbook, and an
``index.html``; plus a ``manifest.json`` (SHA-256 of every input and output, package version,
parameters) and a top-level ``index.html``. The pack is built in a temporary folder and moved
into place only when complete; two runs on the same inputs give byte-identical files, whether
the charts are drawn in one process or several.

Modules, one concern each: :mod:`.config` (settings), :mod:`.inputs` (loading),
:mod:`.compute` (what a table computes), :mod:`.specs` (the declared tables and charts),
:mod:`.tables` (specs computed), :mod:`.display` (tables and words as published),
:mod:`.render` (charts, in a process pool), :mod:`.workbook`, :mod:`.html`, :mod:`.files`
(safe, deterministic writing) and :mod:`.build` (the flow). See ``docs/architecture/pack.md``.
"""

from .build import PackSummary, build_pack
from .config import PackConfig
from .tables import pack_tables

__all__ = ["PackConfig", "PackSummary", "build_pack", "pack_tables"]
