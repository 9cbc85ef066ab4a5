"""Header mappings written in a TOML file, for the command line (``--columns``, ``--questions``).

The file says what the library's ``columns=`` (review) or ``questions=`` (survey) mapping says::

    # map.toml
    [columns]
    "Area code" = "council"          # or "seats", "ignore", "election", "executive_size" ...
    "Benywod" = ["sex", "Female"]    # (measure, group)

    [questions]
    "Q3" = "sex"
    "Q9" = "ignore"                   # left out (None in Python)

A file with no ``[columns]`` / ``[questions]`` table is read as that table itself.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "map.toml"
>>> _ = path.write_text('"Area code" = "council"\\n"Benywod" = ["sex", "Female"]\\n', "utf-8")
>>> read_columns(path)
{'Area code': 'council', 'Benywod': ('sex', 'Female')}
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..errors import DataError, Problem, display_name

__all__ = ["read_columns", "read_questions"]


def _table(path: str | Path, name: str) -> dict[str, object]:
    path = Path(path)
    shown = display_name(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(Problem("file not found", shown, code="file-not-found")) from None
    except (OSError, UnicodeDecodeError) as exc:
        problem = Problem(f"cannot read the mapping ({exc})", shown, code="bad-option")
        raise DataError(problem) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(
            Problem(f"not a valid TOML mapping ({exc})", shown, code="bad-option")
        ) from None
    table = data.get(name, data)
    if not isinstance(table, dict) or any(isinstance(v, dict) for v in table.values()):
        raise DataError(
            Problem(
                f'expected header = "role" lines (under [{name}] or alone)',
                shown,
                code="bad-option",
            )
        )
    return table


def read_columns(path: str | Path) -> dict[str, object]:
    """The review's ``columns=`` mapping from a TOML file: header -> role or (measure, group)."""
    return {
        header: tuple(role) if isinstance(role, list) else role
        for header, role in _table(path, "columns").items()
    }


def read_questions(path: str | Path) -> dict[str, str | None]:
    """The survey's ``questions=`` mapping from a TOML file: header -> measure, or None for
    "ignore" (TOML has no null)."""
    found: dict[str, str | None] = {}
    for header, measure in _table(path, "questions").items():
        text = str(measure)
        found[header] = None if text.strip().lower() in ("ignore", "none", "") else text
    return found
