"""How a message tells the user to pass an option: the library argument and the command-line
option side by side, so an analyst in Python and an officer at the command line can both act.

Examples
--------
>>> COLUMNS
'columns= (on the command line: --columns FILE.toml)'
>>> election_hint(2022)
'election=2022 (on the command line: --election 2022)'
"""

from __future__ import annotations

__all__ = ["COLUMNS", "ELECTION", "QUESTIONS", "SURVEY_YEAR", "election_hint"]

#: a header -> role mapping for the review loader
COLUMNS = "columns= (on the command line: --columns FILE.toml)"
#: the election year
ELECTION = "election= (on the command line: --election YEAR)"
#: the survey's year
SURVEY_YEAR = "survey_year= (on the command line: --survey-year YEAR)"
#: a header -> measure mapping for the survey loader
QUESTIONS = "questions= (on the command line: --questions FILE.toml)"


def election_hint(year: int | str) -> str:
    """``election=YEAR`` with its command-line form."""
    return f"election={year} (on the command line: --election {year})"
