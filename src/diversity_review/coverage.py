"""What a member survey covers, in words: its councils by name, ``n`` of the 22 councils where
more took part, and Wales only when every council did (used by the pack's tables and by the
survey chart)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .councils import WALES_CODE, council_label, councils
from .i18n import translate

__all__ = ["MAX_NAMED", "surveyed_councils", "coverage_text"]

#: up to this many councils a survey's coverage names them; more are "n of the 22 councils"
MAX_NAMED = 4


def surveyed_councils(respondents: pd.DataFrame) -> tuple[str, ...]:
    """The codes of the councils with respondents, in ONS order."""
    codes = set(respondents["council_code"].dropna().astype(str)) - {WALES_CODE}
    return tuple(c for c in councils()["council_code"] if c in codes)


def coverage_text(codes: Sequence[str], lang: str) -> str:
    """The area a survey of ``codes`` covers, in ``lang``: "Wales" only if every council."""
    everyone = list(councils()["council_code"])
    if not codes or set(codes) >= set(everyone):
        return translate("Wales", lang)
    names = [council_label(c, c, lang) for c in codes]
    if len(names) == 1:
        return names[0]
    if len(names) > MAX_NAMED:
        return translate("{n} of the {total} councils", lang, n=len(names), total=len(everyone))
    return translate("{names} and {last}", lang, names=", ".join(names[:-1]), last=names[-1])
