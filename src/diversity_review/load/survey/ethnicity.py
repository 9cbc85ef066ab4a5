"""An ethnicity answer -> its Census 2021 group and the detailed group within it.

The words are in ``vocab/survey.toml`` ([ethnicity.groups] and [ethnicity.details.*]), both in
order: the first that matches wins. The rule here: an answer such as "Asian/Asian British -
Pakistani" or "White: Irish" is split into its group part and its detail part; the group is
read from the group part (else from the whole answer when there is a detail), the detail from
the detail part, else the whole answer.

Examples
--------
>>> ethnicity("Asian/Asian British - Pakistani")
('Asian, Asian Welsh or Asian British', 'Asian, Asian Welsh or Asian British: Pakistani')
>>> ethnicity("Other (please specify)")
('Other ethnic group', 'Other ethnic group: not specified')
"""

from __future__ import annotations

import re

from ...text import fold
from . import vocabulary as V

__all__ = ["ethnicity", "ethnic_group"]

_SPLIT = re.compile(r"\s*:\s*|\s+[-\u2013\u2014]\s+")
_BRACKET = re.compile(r"^(.*?)\s*\((.*)\)\s*$")


def ethnic_group(folded: str) -> str | None:
    """The Census 2021 group a folded answer names, or None."""
    for group, pattern in V.ordered("ethnicity", "groups"):
        if pattern.search(folded):
            return group
    return None


def ethnicity(raw: str) -> tuple[str, str] | None:
    """``(group, detail)`` for an ethnicity answer, or None if it names no group.

    The detail is a canonical Census 2021 label ("Asian, Asian Welsh or Asian British:
    Pakistani"), or "<group>: not specified" when the answer gives the group only; never the
    text as typed.
    """
    text = str(raw)
    parts = _SPLIT.split(text, maxsplit=1)
    if len(parts) == 1:
        bracket = _BRACKET.match(text)
        parts = [bracket.group(1), bracket.group(2)] if bracket else parts
    group_part, detail_part = fold(parts[0]), fold(parts[-1]) if len(parts) > 1 else ""
    whole = fold(text)
    group = ethnic_group(group_part) or (ethnic_group(whole) if detail_part else None)
    if group is None:
        return None
    for where in ([detail_part] if detail_part else []) + [whole]:
        for detail, pattern in V.ordered("ethnicity", "details", group):
            if pattern.search(where):
                return group, f"{group}: {detail}"
    return group, f"{group}: not specified"
