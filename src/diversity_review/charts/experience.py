"""The pack's chart of an experience cross-tab: each group's difference from the other
respondents with its interval (:mod:`diversity_review.experience.charts`), titled by the
wording rule, with the house title and source note. matplotlib is imported when drawn."""

from __future__ import annotations

import pandas as pd

from ..experience.charts import describe, draw, prepare
from ..experience.wording import CHARACTERISTICS, HEADLINE
from ..i18n import translate
from .words import source_note

__all__ = ["experience_chart"]

#: characteristics whose groups are translated (political groups are names: kept as given)
TRANSLATED = ("sex", "disability")


def experience_chart(
    table: pd.DataFrame, outcome: str, *, lang: str = "en", source: str | None = None
):
    """The chart of a protected :func:`~diversity_review.experience.crosstab` of a headline
    outcome (``"abuse_online"`` ...), for its first area, in ``lang``."""
    from .theme import finish

    by = str(table["characteristic"].iloc[0])
    frame = table.assign(characteristic=translate(CHARACTERISTICS.get(by, by), lang))
    if by in TRANSLATED:
        frame = frame.assign(group=[translate(str(g), lang) for g in table["group"]])
    words = translate(HEADLINE.get(outcome, outcome), lang)
    prepared = prepare(frame, words, area=str(table["area"].iloc[0]))
    head, alt = describe(prepared, lang)
    fig = draw(prepared, lang)
    fig.set_layout_engine("constrained")  # room for the house title and notes
    fig.set_figheight(fig.get_figheight() + 1.2)
    ax = fig.axes[0]
    ax.set_title("", loc="left")
    note = source_note(source, "Member diversity survey", lang)
    return finish(fig, ax, True, title=head, notes=[note], alt=alt)
