"""``load_review``'s options checked once: the ``election`` year and the ``columns=`` mapping
(header text -> what the column holds), keyed as headers are matched."""

from __future__ import annotations

from collections.abc import Mapping

from ...categories import MEASURES
from ...errors import DataError, Problem
from .contracts import ColumnKind
from .vocabulary import Role, header_key

__all__ = ["Overrides", "election_option", "column_overrides"]

#: header key -> the role the user gave it
Overrides = Mapping[str, Role]

#: the words ``columns=`` takes for a column that is not a count
_ROLE_WORDS = {
    "ignore": ColumnKind.IGNORED,
    "seats": ColumnKind.SEATS,
    "council": ColumnKind.COUNCIL,
    "code": ColumnKind.CODE,
    "executive_size": ColumnKind.EXEC_SIZE,
    "cabinet_size": ColumnKind.EXEC_SIZE,
    "leader_sex": ColumnKind.LEADER_SEX,
    "election": ColumnKind.ELECTION,
    "year": ColumnKind.ELECTION,
}


def election_option(election: object, name: str) -> int | None:
    """``election=`` as a year (None when not given)."""
    if election is None:
        return None
    try:
        return int(election)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise DataError(
            Problem(f"election must be a year, not {election!r}", name, code="bad-option")
        ) from None


def _role(header: str, target: object, name: str) -> Role:
    if isinstance(target, str):
        kind = _ROLE_WORDS.get(target.strip().lower())
        if kind is None:
            raise DataError(
                Problem(
                    f"columns={{{header!r}: {target!r}}}: use (measure, group), 'ignore', "
                    "'seats', 'council', 'executive_size', 'leader_sex' or 'election'",
                    name,
                    code="bad-option",
                )
            )
        return Role(kind)
    try:
        measure, group = target  # type: ignore[misc]
    except (TypeError, ValueError):
        raise DataError(
            Problem(
                f"columns={{{header!r}: {target!r}}}: expected (measure, group)",
                name,
                code="bad-option",
            )
        ) from None
    if measure not in MEASURES or group not in MEASURES[measure].groups:
        known = (
            ", ".join(MEASURES[measure].groups)
            if measure in MEASURES
            else "measures: " + ", ".join(MEASURES)
        )
        raise DataError(
            Problem(
                f"columns={{{header!r}: {target!r}}}: unknown measure or group ({known})",
                name,
                code="bad-option",
            )
        )
    return Role(ColumnKind.COUNT, measure, group)


def column_overrides(columns: Mapping[str, object] | None, name: str) -> dict[str, Role]:
    """``columns=`` checked, keyed by header key (so "nifer  Benywaidd" matches "Nifer
    benywaidd")."""
    return {header_key(h): _role(h, target, name) for h, target in (columns or {}).items()}
