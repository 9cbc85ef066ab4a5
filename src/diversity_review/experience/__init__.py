"""Experience of office: abuse and intimidation, safety, caring, remote attendance, allowances,
time and intention to stand again, by characteristic and political group.

Modules: :mod:`.measures` (the measures, from ``vocab/experience.toml``), :mod:`.intervals`
(Newcombe's interval for a difference), :mod:`.crosstab` (the protected cross-tabulation),
:mod:`.wording` (titles that state a finding only where the interval supports it),
:mod:`.charts` (prepare / draw / describe), :mod:`.template` (the question set councils paste
into a survey tool or print). The respondents are read by
:func:`~diversity_review.load_survey`, like any survey export.
"""

from __future__ import annotations

from .crosstab import TOTAL, crosstab
from .intervals import newcombe_interval
from .measures import MEASURES, OUTCOMES, boolean_columns, label, measure
from .template import question_set, write_question_set

__all__ = [
    "crosstab",
    "newcombe_interval",
    "MEASURES",
    "OUTCOMES",
    "measure",
    "boolean_columns",
    "label",
    "TOTAL",
    "question_set",
    "write_question_set",
]
