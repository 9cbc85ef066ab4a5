"""Member survey exports (Microsoft Forms, Google Forms, SmartSurvey, SurveyMonkey, Jisc ...) to
one row per respondent, one ordered categorical per measure.

What the export says about the person answering (ID, times, name, email, IP address) and every
typed comment are dropped here and never reach the table: members' answers are
special-category data. The layout is found by content, not position, in English or Welsh.

The loader is a pipeline of stages, each a module with one job and a frozen result:

========================  =================================================================
``source``                read: the top rows as a grid, the rest column-wise (``Body``)
``locate``                the header row, and a second row of option labels (``Located``)
``classify``              each column's kind and measure, one question per measure
                          (``Questionnaire``)
``mapping``               each distinct answer mapped once (``Answers``)
``assemble``              row account, survey year, council, categoricals, attrs
``pipeline`` / ``stack``  ``load_survey`` / ``load_surveys``
========================  =================================================================

The words are data (``vocab/survey.toml``, ``vocab/common.toml``); ``headers``, ``answers``,
``ethnicity``, ``age`` and ``welsh`` hold the rules that use them; ``problems`` lists every
problem code; ``messages`` decides what a message may quote. See
``docs/architecture/survey.md``.
"""

from __future__ import annotations

from ...categories import SURVEY_MEASURES
from .classify import FREE_TEXT, LEFT_OUT, METADATA, PERSONAL, UNRECOGNISED
from .pipeline import load_survey
from .stack import load_surveys
from .welsh import SKILL_COLUMNS as WELSH_SKILL_COLUMNS

__all__ = [
    "load_survey",
    "load_surveys",
    "SURVEY_MEASURES",
    # the reasons in attrs["dropped"], and the Welsh skill columns
    "PERSONAL",
    "METADATA",
    "FREE_TEXT",
    "UNRECOGNISED",
    "LEFT_OUT",
    "WELSH_SKILL_COLUMNS",
]
