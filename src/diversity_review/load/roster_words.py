"""The words of a councillor roster: its headers, its characteristic answers, its key posts.

Everything here is read from ``vocab/roster.toml`` (and the shared ``vocab/common.toml``) and
matched on :func:`~diversity_review.text.fold`-ed text; the rules that depend on order or
context (a vice chair holds no chair, "deputy leader" is read before "leader") sit next to
the words they use, in :func:`parse_key_posts`.

Examples
--------
>>> column_role("Ward / Ward"), column_role("Rhyw"), column_role("E-mail")
('ward', 'sex', 'personal')
>>> parse_group("ethnicity", "BAME"), parse_group("age", 63), parse_group("sex", None)
('Ethnic minority', '60+', 'Not known')
>>> posts = parse_key_posts("Cabinet Member for Finance (Job Share)")
>>> posts.executive, posts.portfolio, posts.job_share_marked
(True, 'Finance', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import vocab
from ..categories import MEASURES, NOT_KNOWN, PREFER_NOT, REVIEW_AGE_BANDS
from ..text import fold

__all__ = [
    "CHARACTERISTICS",
    "roster_groups",
    "column_role",
    "header_text",
    "parse_group",
    "parse_yes_no",
    "candidate_column",
    "PostRoles",
    "parse_key_posts",
    "portfolio_key",
    "without_job_share",
    "UNKNOWN",
]

#: the review's characteristics a roster holds, one column each, in roster order
CHARACTERISTICS = ("sex", "age", "ethnicity", "disability", "welsh_language", "tenure")

#: what :func:`parse_group` and :func:`parse_yes_no` return for a value they cannot read
UNKNOWN = object()

# measures whose answer may be a plain yes or no: (group for yes, group for no)
_YES_NO_GROUPS = {
    "disability": ("Disabled", "Not disabled"),
    "welsh_language": ("Welsh speaker", "Not Welsh speaker"),
}
_SPLIT = re.compile(r"[/|()\[\]]")


def roster_groups(measure: str) -> tuple[str, ...]:
    """The groups a roster's ``measure`` column may hold, in canonical order.

    The review's age bands only (Under 40, 40-59, 60+): the survey's finer bands do not split
    at 40 and 60.

    Examples
    --------
    >>> roster_groups("age")
    ('Under 40', '40-59', '60+', 'Not known', 'Prefer not to say')
    """
    if measure == "age":
        return (*REVIEW_AGE_BANDS, NOT_KNOWN, PREFER_NOT)
    return MEASURES[measure].groups


def _parts(text: object) -> list[str]:
    """The folded text, then each folded part of a bilingual text ("Ward / Ward", "Sex (Rhyw)")."""
    raw = "" if text is None else str(text)
    return [p for p in dict.fromkeys([fold(raw), *(fold(x) for x in _SPLIT.split(raw))]) if p]


def column_role(text: object) -> str | None:
    """The roster column a header names (``ward``, ``sex``, ``personal`` ...), else None."""
    table = vocab.roles("roster", "columns")
    return next((table[p] for p in _parts(text) if p in table), None)


def candidate_column(text: object) -> str | None:
    """The candidacy column a Democracy Club header names (``ballot``, ``gender`` ...)."""
    table = vocab.roles("roster", "candidate_columns")
    return next((table[p] for p in _parts(text) if p in table), None)


def header_text(column: str, lang: str = "en") -> str:
    """The header the roster workbook writes for ``column`` (the first word of its table).

    Examples
    --------
    >>> header_text("tenure"), header_text("tenure", "cy")
    ('New or returning', "Newydd neu'n dychwelyd")
    """
    entry = vocab.load("roster")["columns"][column]
    words = entry.get(lang) or entry["en"]
    return words[0]


@cache
def _group_words(measure: str) -> dict[str, str]:
    words: dict[str, str] = {fold(g): g for g in roster_groups(measure)}
    if measure == "sex":
        words.update(vocab.roles("common", "sex"))
    words.update(vocab.roles("roster", "values", measure) if measure != "sex" else {})
    words.update(dict.fromkeys(vocab.terms("common", "not_known"), NOT_KNOWN))
    words.update(dict.fromkeys(vocab.terms("common", "prefer_not"), PREFER_NOT))
    return words


def _age_band(value: object) -> str | None:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not float(value).is_integer() or not 18 <= value <= 110:
        return None
    return "Under 40" if value < 40 else "40-59" if value < 60 else "60+"


def parse_group(measure: str, value: object) -> object:
    """The canonical group a roster cell holds for ``measure``; blank is "Not known".

    Returns :data:`UNKNOWN` for a value that is none of the measure's groups. A whole number
    in the age column is an age in years and is banded.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return NOT_KNOWN
    if measure == "age" and (band := _age_band(value)) is not None:
        return band
    words = _group_words(measure)
    for part in _parts(value):
        if part in words:
            return words[part]
    key = fold(value)
    pattern = vocab.patterns("common", "prefer_not")
    if pattern is not None and pattern.search(key):
        return PREFER_NOT
    if measure in _YES_NO_GROUPS:
        answer = parse_yes_no(value)
        if answer is not UNKNOWN and answer is not None:
            return _YES_NO_GROUPS[measure][0 if answer else 1]
    return UNKNOWN


@cache
def _yes_no() -> dict[str, bool]:
    words = {w: True for w in vocab.terms("common", "yes_no", "yes")}
    words.update({w: False for w in vocab.terms("common", "yes_no", "no")})
    words.update({w: True for w in vocab.terms("roster", "booleans", "yes")})
    words.update({w: False for w in vocab.terms("roster", "booleans", "no")})
    return words


def parse_yes_no(value: object) -> object:
    """True, False, None (blank) or :data:`UNKNOWN`, from a yes/no cell (``Yes``, ``Ie``, ``1``)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    return _yes_no().get(fold(value), UNKNOWN)


# ---------------------------------------------------------------------------------------------
# Key posts
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PostRoles:
    """The council roles a councillor's key posts name (``portfolio`` None where none)."""

    leader: bool = False
    deputy_leader: bool = False
    executive: bool = False
    portfolio: str | None = None
    chair_of_council: bool = False
    committee_chair: bool = False
    scrutiny_chair: bool = False
    job_share_marked: bool = False


def _has(kind: str, key: str) -> bool:
    padded = f" {key} "
    if any(f" {w} " in padded for w in vocab.terms("roster", "posts", kind)):
        return True
    pattern = vocab.patterns("roster", "posts", kind)
    return bool(pattern and pattern.search(key))


@cache
def _portfolio_split() -> re.Pattern[str]:
    words = [re.escape(w) for w in vocab.terms("roster", "portfolio_words")]
    return re.compile(rf"\s(?:{'|'.join(words)})\s|\s[-\u2013\u2014]\s|:\s?", re.IGNORECASE)


def without_job_share(text: str) -> str:
    """The post with a "(job share)" note taken out.

    Examples
    --------
    >>> without_job_share("Finance (Job Share)")
    'Finance'
    """

    def keep(match: re.Match[str]) -> str:
        return "" if _has("job_share", fold(match.group(1))) else match.group(0)

    return re.sub(r"\s*\(([^)]*)\)", keep, text).strip()


def _portfolio(post: str) -> str | None:
    parts = _portfolio_split().split(without_job_share(post), maxsplit=1)
    if len(parts) < 2:
        return None
    portfolio = parts[1].strip(" -:,;")
    return portfolio or None


def _post_lines(text: object) -> list[str]:
    raw = "" if text is None else str(text)
    raw = re.sub(r"<br\s*/?>", "\n", raw, flags=re.IGNORECASE)
    return [line.strip() for line in re.split(r"[\n;\r]+", raw) if line.strip()]


def parse_key_posts(text: object) -> PostRoles:
    """The roles a Modern.Gov ``keyposts`` text names, in English or Welsh.

    Each line (or ``;``-separated part) is one post. A party post (group leader, whip,
    opposition) and a vice or deputy chair hold no council role; "deputy leader" is read
    before "leader" and "chair of council" (Lord Mayor, Maer) before a committee chair. A
    leader, deputy leader or cabinet member is an executive member; the portfolio is what
    follows "for" / "dros" / " - " in such a post, or the post itself where it is marked as
    a job share and names no portfolio ("Deputy Leader (Job Share)").

    Examples
    --------
    >>> r = parse_key_posts("Arweinydd y Cyngor\\nAelod Cabinet dros Addysg")
    >>> r.leader, r.executive, r.portfolio
    (True, True, 'Addysg')
    >>> parse_key_posts("Vice-Chair of Planning Committee").committee_chair
    False
    """
    found: dict[str, object] = {}
    for post in _post_lines(text):
        key = fold(post)
        shared = _has("job_share", key)
        if _has("party_post", key) or _has("vice", key):
            continue
        found["job_share_marked"] = found.get("job_share_marked", False) or shared
        role = "deputy_leader" if _has("deputy_leader", key) else None
        role = role or ("leader" if _has("leader", key) else None)
        if role:
            found[role] = True
        if _has("chair_of_council", key):
            found["chair_of_council"] = True
        elif _has("chair", key):
            found["scrutiny_chair" if _has("scrutiny", key) else "committee_chair"] = True
        if role or _has("executive", key):
            found["executive"] = True
            # a shared post with no portfolio named ("Deputy Leader (job share)") is itself
            # the portfolio two members hold
            portfolio = _portfolio(post) or (without_job_share(post) if shared else None)
            if found.get("portfolio") is None:
                found["portfolio"] = portfolio
    return PostRoles(**found)


def portfolio_key(text: object) -> str:
    """A portfolio folded for comparison, without its job-share note ("" for none).

    Examples
    --------
    >>> portfolio_key("Social Services (job share)") == portfolio_key("social services")
    True
    """
    if text is None or (not isinstance(text, str) and text != text):
        return ""
    return fold(without_job_share(str(text)))
