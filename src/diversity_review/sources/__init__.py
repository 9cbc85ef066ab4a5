"""Councils' own published records, fetched and read into the package's tidy shapes.

- :mod:`.http`: a small, polite HTTP client (timeouts, retries with back-off, a size cap);
- :mod:`.safe_xml`: XML parsing with entities and DTDs refused;
- :mod:`.moderngov`: Modern.Gov's web service (members by ward) -> a councillor roster;
- :mod:`.workbook`: the roster workbook officers complete;
- :mod:`.members`: the ``diversity-review members`` command.

Nothing here runs on import.
"""
