"""Accessible bilingual charts of the review and survey tables (matplotlib is imported here
only, never on ``import diversity_review``).

One function per chart; each takes an analysis table, an optional ``ax=``, ``lang="en"|"cy"``
and ``source=`` (the text after "Source:"), and returns a ``matplotlib.figure.Figure`` that
carries its alt text (``fig.alt_text``, or :func:`alt_text`). The house style (Analysis
Function palette, DejaVu Sans, horizontal text, bars from zero, light grid on the value axis,
direct labels, a title that states the finding, a source note) is applied inside each call with
``matplotlib.rc_context``; no global setting is changed. :func:`save_figure` writes PNG, SVG
and the alt text deterministically.

Examples
--------
>>> from diversity_review.charts import share_by_council, save_figure  # doctest: +SKIP
>>> fig = share_by_council(shares, "Female", lang="cy")  # doctest: +SKIP
>>> save_figure(fig, "out/cy/women_by_council")  # doctest: +SKIP
"""

from ._councils import change_chart, share_by_council
from ._groups import age_profile, population_comparison, roles_chart, survey_chart
from ._style import (
    CONTEXT_GREY,
    HIGHLIGHT,
    PALETTE,
    STYLE,
    TWO_SERIES,
    alt_text,
    save_figure,
    style,
)

__all__ = [
    "share_by_council",
    "change_chart",
    "population_comparison",
    "age_profile",
    "survey_chart",
    "roles_chart",
    "alt_text",
    "save_figure",
    "style",
    "PALETTE",
    "TWO_SERIES",
    "HIGHLIGHT",
    "CONTEXT_GREY",
    "STYLE",
]
