"""Accessible bilingual charts of the review and survey tables (matplotlib is imported only
when a chart is first drawn, never on ``import diversity_review`` nor on importing this
package).

One function per chart; each takes an analysis table, an optional ``ax=``, ``lang="en"|"cy"``
and ``source=`` (the text after "Source:"), and returns a ``matplotlib.figure.Figure`` that
carries its alt text (``fig.alt_text``, or :func:`alt_text`). The house style (Analysis
Function palette, DejaVu Sans, horizontal text, bars from zero, light grid on the value axis,
direct labels, a title that states the finding, a source note) is applied inside each call with
``matplotlib.rc_context``; no global setting is changed. :func:`save_figure` writes PNG, SVG
and the alt text deterministically, from one layout.

Each chart is three steps: *prepare* (the data it shows, a frozen dataclass: :mod:`.share`,
:mod:`.change`, :mod:`.pairs`, :mod:`.survey`, :mod:`.roles`), *describe* (its title, notes
and alt text, in the same modules, with the words of :mod:`.words`) and *draw*
(:mod:`.by_council`, :mod:`.by_group`, in the house style of :mod:`.theme`). Only the draw
step imports matplotlib.

Examples
--------
>>> from diversity_review.charts import share_by_council, save_figure  # doctest: +SKIP
>>> fig = share_by_council(shares, "Female", lang="cy")  # doctest: +SKIP
>>> save_figure(fig, "out/cy/women_by_council")  # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

# public name -> module that defines it (imported on first use: the draw modules and the
# theme import matplotlib, the prepare / describe modules do not)
_EXPORTS = {
    "share_by_council": "by_council",
    "change_chart": "by_council",
    "population_comparison": "by_group",
    "age_profile": "by_group",
    "survey_chart": "by_group",
    "roles_chart": "by_group",
    "experience_chart": "experience",
    "alt_text": "theme",
    "save_figure": "theme",
    "style": "theme",
    "PALETTE": "theme",
    "TWO_SERIES": "theme",
    "HIGHLIGHT": "theme",
    "CONTEXT_GREY": "theme",
    "STYLE": "theme",
}

__all__ = [
    "share_by_council",
    "change_chart",
    "population_comparison",
    "age_profile",
    "survey_chart",
    "roles_chart",
    "experience_chart",
    "alt_text",
    "save_figure",
    "style",
    "PALETTE",
    "TWO_SERIES",
    "HIGHLIGHT",
    "CONTEXT_GREY",
    "STYLE",
]


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .by_council import change_chart, share_by_council
    from .by_group import age_profile, population_comparison, roles_chart, survey_chart
    from .experience import experience_chart
    from .theme import (
        CONTEXT_GREY,
        HIGHLIGHT,
        PALETTE,
        STYLE,
        TWO_SERIES,
        alt_text,
        save_figure,
        style,
    )
