"""What member survey questions and answers look like, in English and Welsh.

Two jobs, kept apart from the loader so the vocabularies can be read (and extended) at a
glance:

- :func:`classify_header` tells a question column from a metadata or personal column, a
  free-text column, or something unrecognised, and names the measure a question asks about;
- :func:`map_answer` turns one answer, as typed into a survey tool, into a canonical group.

Everything is matched on :func:`fold`-ed text (case, accents, punctuation and spacing folded
away), so ``"Gwell gennyf beidio â dweud"`` and ``"gwell gennyf beidio a dweud"`` are the same.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..categories import (
    ETHNIC_GROUPS_2021,
    MEASURES,
    PREFER_NOT,
    SURVEY_AGE_BANDS,
    SURVEY_MEASURES,
)

__all__ = [
    "fold",
    "SURVEY_MEASURES",
    "survey_groups",
    "HeaderKind",
    "classify_header",
    "is_free_text_label",
    "yes_means",
    "map_answer",
    "Unmapped",
    "OutOfRange",
    "yes_no",
    "ethnicity",
    "AgeBand",
    "parse_age_bands",
    "map_age",
    "map_welsh_skills",
    "OTHER_GROUP",
]


#: groups that only the post-election review uses, never a survey answer
_REVIEW_ONLY = {"Not known", "Under 40", "40-59", "60+", "Ethnic minority"}

#: where an answer that cannot be mapped goes with ``strict=False`` (measures without one: NA)
OTHER_GROUP = {
    "ethnicity": "Other ethnic group",
    "sexual_orientation": "Other sexual orientation",
    "religion": "Other religion",
}

SAME_SEX = "Same as sex registered at birth"
DIFFERENT_SEX = "Different from sex registered at birth"
WHITE, MIXED, ASIAN, BLACK, OTHER_ETHNIC = ETHNIC_GROUPS_2021


def survey_groups(measure: str) -> list[str]:
    """The groups a survey answer can take for ``measure``, in canonical order (no age bands).

    Examples
    --------
    >>> survey_groups("sex")
    ['Female', 'Male', 'Prefer not to say']
    """
    return [
        g
        for g in MEASURES[measure].groups
        if g not in _REVIEW_ONLY and not (measure == "age" and g in SURVEY_AGE_BANDS)
    ]


def fold(text: object) -> str:
    """Lower case, accents and apostrophes removed, other punctuation as single spaces.

    Examples
    --------
    >>> fold("  Gwell gennyf beidio â dweud! ")
    'gwell gennyf beidio a dweud'
    >>> fold("Don't know / Ddim yn gwybod")
    'dont know ddim yn gwybod'
    """
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['\u2018\u2019\u02bc`]", "", text).replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9+]+", " ", text).split())


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# --------------------------------------------------------------------------------------------
# Headers
# --------------------------------------------------------------------------------------------

# Headers that name who answered: personal data, dropped at load (whole folded header).
_PERSONAL_METADATA = {
    "cyfeiriad e bost",
    "cyfeiriad ebost",
    "cyfenw",
    "e bost",
    "e mail",
    "e mail address",
    "ebost",
    "email",
    "email address",
    "enw",
    "enw cyntaf",
    "enw llawn",
    "first name",
    "forename",
    "forenames",
    "full name",
    "ip",
    "ip address",
    "last name",
    "name",
    "surname",
}

# Columns a survey tool adds around the answers: identifiers, times, status. Matched on
# the whole folded header (English and Welsh interfaces of Microsoft Forms, Google Forms,
# SmartSurvey, SurveyMonkey, Jisc Online Surveys).
_TOOL_METADATA = {
    "id",
    "no",
    "number",
    "respondent",
    "respondent id",
    "respondent no",
    "response",
    "response id",
    "response no",
    "user id",
    "userid",
    "user no",
    "userno",
    "unique id",
    "collector id",
    "network id",
    "start time",
    "start date",
    "started",
    "end time",
    "end date",
    "ended",
    "completion time",
    "completed",
    "completed at",
    "last modified time",
    "last modified",
    "modified",
    "timestamp",
    "time stamp",
    "date",
    "time",
    "submitted",
    "submitted at",
    "submitted on",
    "date submitted",
    "submission date",
    "submission time",
    "submission id",
    "date created",
    "created",
    "date modified",
    "status",
    "response status",
    "language",
    "total points",
    "points",
    "quiz feedback",
    "feedback",
    "score",
    "total score",
    "tracking link",
    "custom value",
    "custom data",
    "device",
    "browser",
    "user agent",
    "referrer",
    "url",
    "duration",
    "time taken",
    "time taken seconds",
    "ref",
    "reference",
    "external reference",
    "panel",
    "email list",
    # Welsh interfaces
    "rhif",
    "rhif adnabod",
    "dynodydd",
    "amser dechrau",
    "amser cychwyn",
    "amser cwblhau",
    "amser gorffen",
    "amser addasu diwethaf",
    "stamp amser",
    "stamp dyddiad",
    "dyddiad",
    "amser",
    "statws",
    "iaith",
    "cyfanswm pwyntiau",
    "pwyntiau",
    "adborth cwis",
}

_METADATA = _TOOL_METADATA | _PERSONAL_METADATA

# Columns a tool adds per question or per respondent: quiz points and feedback (Microsoft
# Forms "Points - What is your sex?"), custom data and tracking fields.
_TOOL_EXTRA = _any(
    r"^(points|feedback|score|pwyntiau|adborth)\b",
    r"^custom (data|value|variable|field)s?\b",
    r"^(tracking|utm|panel|collector|respondent|response) ",
)

# Personal details asked as a question anywhere in the header text.
_PERSONAL = _any(
    r"\be ?mail\b",
    r"\be ?bost\b",
    r"\b(your|full|first|last|preferred) name\b",
    r"\beich enw\b",
    r"\benw llawn\b",
    r"\b(tele)?phone\b",
    r"\bmobile\b",
    r"\bffon\b",
    r"\bpost ?code\b",
    r"\bcod post\b",
    r"\bhome address\b",
    r"\b(postal|ward) address\b",
    r"\bcyfeiriad\b",
    r"\bdate of birth\b",
    r"\bdyddiad geni\b",
    r"\bip address\b",
    r"\bsignature\b",
    r"\bllofnod\b",
    r"\bpolitical party\b|\bparty\b|\bplaid\b",
    r"\bward\b|\belectoral division\b|\bwardiau\b",
)

# A column of typed text, whatever it is about: dropped at load, never read.
_FREE_TEXT = _any(
    r"\bcomments?\b",
    r"\bsylw(adau)?\b",
    r"\banything else\b",
    r"\bunrhyw beth arall\b",
    r"\bfeedback\b",
    r"\badborth\b",
    r"\bsuggestions?\b",
    r"\bawgrym",
    r"\bfurther (information|details)\b",
    r"\badditional (information|details)\b",
    r"\bgwybodaeth (bellach|ychwanegol)\b",
    r"^(please )?(specify|describe|state|explain|give details|provide details|tell us)\b",
    r"^if (other|yes|so|no|you|applicable|different)\b",
    r"^other\b",
    r"^(self describe|prefer to self describe)\b",
    r"^os (arall|ydych|ydy|oes|do|felly|yw|nad)\b",
    r"^(nodwch|rhowch|disgrifiwch|esboniwch)\b",
    r"^arall\b",
)

_COMMENT = _any(r"\bcomments?\b", r"\bsylw(adau)?\b", r"\bopen ended\b", r"\bfree text\b")

# "please specify" inside a question header: the column is free text if the measure also has
# a plain question column (SmartSurvey's "What is your ethnic group? - Other (please specify)").
_SPECIFY = _any(
    r"\bplease (specify|describe|state|explain|give details|tell us)\b",
    r"\b(specify|self describe|in your own words)\b",
    r"\bif other\b",
    r"\bother please\b",
    r"\b(nodwch|disgrifiwch|rhowch fanylion)\b",
    r"\bos arall\b",
)


_TIME_HEADERS = {
    "completion time": 0,
    "timestamp": 0,
    "time stamp": 0,
    "end time": 0,
    "end date": 0,
    "ended": 0,
    "completed": 0,
    "completed at": 0,
    "submitted": 0,
    "submitted at": 0,
    "submitted on": 0,
    "date submitted": 0,
    "submission date": 0,
    "submission time": 0,
    "amser cwblhau": 0,
    "amser gorffen": 0,
    "stamp amser": 0,
    "date": 1,
    "dyddiad": 1,
    "stamp dyddiad": 1,
    "last modified time": 1,
    "amser addasu diwethaf": 1,
    "start time": 2,
    "start date": 2,
    "started": 2,
    "date created": 2,
    "amser dechrau": 2,
    "amser cychwyn": 2,
}

# (measure, pattern, priority): tried in this order, the first that matches wins; a higher
# priority wins when several columns ask about the same measure.
_QUESTIONS: list[tuple[str, re.Pattern[str], int]] = [
    (
        "gender_identity",
        _any(
            r"\bgender identity\b",
            r"\b(registered|assigned|recorded) at birth\b",
            r"\bsex at birth\b",
            r"\btrans(gender)?\b",
            r"\bhunaniaeth (o ran )?rhywedd\b",
            r"\ba gofrestrwyd\b",
            r"\bgenedigaeth\b",
            r"\btraws(ryweddol)?\b",
        ),
        2,
    ),
    (
        "sexual_orientation",
        _any(
            r"\bsexual orientation\b",
            r"\bsexuality\b",
            r"\borientation\b",
            r"\bcyfeiriadedd\b",
            r"\brhywioldeb\b",
        ),
        2,
    ),
    (
        "caring",
        _any(
            r"\bcaring\b",
            r"\bcarers?\b",
            r"\bcare (responsibilit|for)",
            r"\blook after\b",
            r"\bdependants?\b",
            r"\bg?ofal(u|wr|wyr|aeth)?\b",
            r"\bgofal",
        ),
        2,
    ),
    (
        "welsh_language",
        _any(
            r"\bwelsh\b.*\b(speak|speaker|understand|read|write|skills?|abilit|fluen|language)",
            r"\b(speak|understand|read|write|skills?|abilit|fluen)\w*\b.*\bwelsh\b",
            r"\b(can|could) you\b.*\bwelsh\b",
            r"\b(do|use) in welsh\b",
            r"\bcymraeg\b",
            r"\bsiaradwr",
        ),
        2,
    ),
    (
        "sex",
        _any(
            r"\bsex\b",
            r"\bgender\b",
            r"\brhyw\b",
            r"\brhywedd\b",
            r"\bmale\b.*\bfemale\b",
            r"\bfemale\b.*\bmale\b",
            r"\bbenyw\b",
            r"\bgwryw\b",
        ),
        2,
    ),
    (
        "age",
        _any(
            r"\bage\b",
            r"\bages\b",
            r"\bage (group|band|range)\b",
            r"\bhow old\b",
            r"\boedran\b",
            r"\boed\b",
            r"\bgrwp oedran\b",
        ),
        2,
    ),
    (
        "ethnicity",
        _any(r"\bethnic", r"\bethnig", r"\brace\b", r"\bhil\b", r"\bcefndir ethnig\b"),
        2,
    ),
    (
        "disability",
        _any(
            r"\bdisab",
            r"\banabl",
            r"\bday to day activities\b",
            r"\bgweithgareddau (o ddydd i ddydd|pob dydd|bob dydd)\b",
        ),
        2,
    ),
    (
        "disability",
        _any(
            r"\bimpairment",
            r"\bhealth conditions?\b",
            r"\b(long term|long standing) (illness|condition)",
            r"\bcyflw?(r|yrau) iechyd\b",
            r"\bsalwch hirdymor\b",
            r"\bnam\b",
        ),
        1,
    ),
    (
        "religion",
        _any(r"\breligio", r"\bbelief", r"\bfaith\b", r"\bcrefydd", r"\bffydd\b", r"\bcred\b"),
        2,
    ),
    (
        "tenure",
        _any(
            r"\bfirst elected\b",
            r"\bnewly elected\b",
            r"\bnew (or returning )?councillor",
            r"\breturning\b",
            r"\bre ?elected\b",
            r"\bprevious(ly)? (served|elected|been|a councillor)",
            r"\bserved (as a councillor|before|previously)\b",
            r"\bcouncillor before\b",
            r"\bbefore this election\b",
            r"\bfirst term\b",
            r"\bterms? (as a councillor|of office|served)\b",
            r"\bhow many terms\b",
            r"\bhow long have you been a councillor\b",
            r"\betholwyd\b",
            r"\btro cyntaf\b",
            r"\bcynghorydd newydd\b",
            r"\bdychwelyd\b",
            r"\bail ethol",
            r"\btymor\b",
            r"\bo r blaen\b",
        ),
        2,
    ),
    (
        "council",
        _any(
            r"^(which |what |name of |your |the )*(principal |county |local )?"
            r"(council|local authority|authority)( name)?$",
            r"\b(which|what) (principal |county |local )?(council|local authority|authority)\b",
            r"\bname of (your )?(council|local authority|authority)\b",
            r"\bcouncil (do )?you (represent|serve|sit|belong|are a member)",
            r"\bpa (gyngor|awdurdod)\b",
            r"^(eich |enw eich |enw r )?(cyngor|awdurdod lleol|awdurdod)$",
        ),
        2,
    ),
]

_MEASURE_NAMES = {*SURVEY_MEASURES, "council"}


@dataclass(frozen=True)
class HeaderKind:
    """What a header is: ``kind`` in metadata, free_text, question, unrecognised.

    ``measure`` and ``priority`` are set for a question; ``specify`` marks a question header
    that also asks for typed detail ("please specify"); ``personal`` marks a metadata column
    that says who answered (name, email, IP address, postcode …) rather than about the export.
    """

    kind: str
    measure: str | None = None
    priority: int = 0
    specify: bool = False
    time_rank: int | None = None
    personal: bool = False


_NUMBERING = r"(?:(?:q|question|c|cwestiwn)\s*)?\d+(?:\s*(?:[a-z]|\d+)\b)*"


def _strip_numbering(folded: str) -> str:
    """ "q1 what is your sex" -> "what is your sex"; also "1 ", "1a ", "1 a ", "question 3 "."""
    if re.fullmatch(_NUMBERING, folded):
        return ""
    return re.sub(rf"^{_NUMBERING}\s+", "", folded)


def classify_header(text: object) -> HeaderKind:
    """What kind of column a header names, and the measure of a question column.

    Examples
    --------
    >>> classify_header("Completion time").kind
    'metadata'
    >>> classify_header("Email").personal, classify_header("Completion time").personal
    (True, False)
    >>> classify_header("What is your sexual orientation?").measure
    'sexual_orientation'
    >>> classify_header("Beth yw eich rhyw?").measure
    'sex'
    >>> classify_header("Any other comments").kind
    'free_text'
    """
    folded = _strip_numbering(fold(text))
    if not folded:
        return HeaderKind("unrecognised")
    if folded in _METADATA:
        return HeaderKind(
            "metadata",
            time_rank=_TIME_HEADERS.get(folded),
            personal=folded in _PERSONAL_METADATA,
        )
    if _PERSONAL.search(folded):
        return HeaderKind("metadata", personal=True)
    if _TOOL_EXTRA.search(folded):
        return HeaderKind("metadata")
    # The question is its first sentence: "What is your sex? A question about gender
    # identity follows" asks about sex.
    sentences = [_strip_numbering(fold(s)) for s in re.split(r"\?|\n|\.\s|:\s", str(text))]
    sentences = [s for s in sentences if s]
    if _FREE_TEXT.search(sentences[0] if sentences else folded):
        return HeaderKind("free_text")
    specify = bool(_SPECIFY.search(folded))
    for sentence in [*sentences, folded]:
        for measure, pattern, priority in _QUESTIONS:
            if pattern.search(sentence):
                return HeaderKind("question", measure, priority, specify)
    return HeaderKind("free_text" if specify else "unrecognised")


def is_free_text_label(text: object) -> bool:
    """True for an option column that holds typed text ("Other (please specify)").

    Examples
    --------
    >>> is_free_text_label("Other (please specify)"), is_free_text_label("Other ethnic group")
    (True, False)
    """
    folded = fold(text)
    return bool(_SPECIFY.search(folded) or _COMMENT.search(folded))


def yes_means(measure: str, question: str) -> tuple[str, str] | None:
    """The groups a "Yes" and a "No" answer stand for, given the question asked.

    Examples
    --------
    >>> yes_means("tenure", "Were you first elected in May 2022?")
    ('New', 'Returning')
    >>> yes_means("gender_identity", "Do you consider yourself to be trans?")
    ('Different from sex registered at birth', 'Same as sex registered at birth')
    """
    q = fold(question)
    if measure == "disability":
        return "Disabled", "Not disabled"
    if measure == "caring":
        return "Caring responsibilities", "No caring responsibilities"
    if measure == "gender_identity":
        if re.search(r"\btrans|\btraws|\bdifferent\b|\bgwahanol\b", q):
            return DIFFERENT_SEX, SAME_SEX
        return SAME_SEX, DIFFERENT_SEX
    if measure == "tenure":
        if re.search(
            r"\bre ?elected\b|\bbefore\b|\bprevious|\bserved\b|\bo r blaen\b|\bail eth", q
        ):
            return "Returning", "New"
        return "New", "Returning"
    return None


# --------------------------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------------------------


class Unmapped(str):
    """An answer that could not be mapped; the string says what was expected."""


class OutOfRange(Unmapped):
    """An age outside 18-110: an error even with ``strict=False``."""


_PNTS = _any(
    r"\bprefer not\b",
    r"\b(would )?rather not\b",
    r"\bnot to say\b",
    r"\bnot (wish|want) to (say|answer|disclose)\b",
    r"\b(do not|dont) (wish|want) to (say|answer|disclose)\b",
    r"\bprefer not to (say|answer|disclose)\b",
    r"\bgwell (gennyf|gen i|gennym|gennych)\b",
    r"\bbeidio a (dweud|datgelu|ateb)\b",
    r"\b(ddim )?(eisiau|am) (ddweud|ateb)\b",
)
_NO = re.compile(
    r"^(no|n|nope|nac|na|naddo|nage|not|nid|dydw|dydy|nag)\b"
    r"|\b(do not|dont|am not|im not|have not|havent|not at all|nid wyf|nid ydw|nid oes|"
    r"dydw i ddim|does dim|dim o gwbl)\b"
)
_YES = re.compile(r"^(yes|y|yep|ydw|ydy|ydyn|ydw i|oes|do|ie|wyf|i am|i do|i have|im)\b")


_UNSURE = re.compile(r"\b(dont|do not) know\b|\bnot sure\b|\bunsure\b|\bddim yn (gwybod|siwr)\b")


def yes_no(folded: str) -> bool | None:
    """True for a yes, False for a no (English and Welsh forms), else None.

    Examples
    --------
    >>> yes_no("nac ydw"), yes_no("yes a little"), yes_no("dont know")
    (False, True, None)
    """
    if _UNSURE.search(folded):
        return None
    if _NO.search(folded):
        return False
    if _YES.search(folded):
        return True
    return None


def _tokens(folded: str) -> set[str]:
    return set(folded.split())


def _sex(f: str) -> str | None:
    tokens = _tokens(f)
    female = tokens & {"female", "woman", "women", "f", "girl", "benyw", "fenyw", "menyw", "merch"}
    male = tokens & {"male", "man", "men", "m", "boy", "gwryw", "wryw", "dyn", "bachgen"}
    if female and not male:
        return "Female"
    if male and not female:
        return "Male"
    return None


def _gender_identity(f: str, yes_no_groups: tuple[str, str] | None) -> str | None:
    answer = yes_no(f)
    if answer is not None and yes_no_groups is not None:
        return yes_no_groups[0] if answer else yes_no_groups[1]
    if re.search(r"\bsame\b|\byr un\b|\bcis(gender)?\b", f):
        return SAME_SEX
    if re.search(r"\bdifferent\b|\bgwahanol\b|\btrans|\btraws|\bnon binary\b|\banneuaidd\b", f):
        return DIFFERENT_SEX
    return None


# (pattern, detail) within each group; the detail label is "Group: detail".
_ETHNIC_DETAILS: dict[str, list[tuple[re.Pattern[str], str]]] = {
    MIXED: [
        (_any(r"\bblack caribbean\b", r"\bdu caribia"), "White and Black Caribbean"),
        (_any(r"\bblack african\b", r"\bdu affrica"), "White and Black African"),
        (_any(r"\bwhite and asian\b", r"\bgwyn ac asia"), "White and Asian"),
        (_any(r"\bother\b", r"\barall\b"), "Any other Mixed or Multiple ethnic background"),
    ],
    ASIAN: [
        (_any(r"\bindian\b", r"\bindiaidd\b"), "Indian"),
        (_any(r"\bpakistan", r"\bpacistan"), "Pakistani"),
        (_any(r"\bbangladesh"), "Bangladeshi"),
        (_any(r"\bchinese\b", r"\btsieineaidd\b"), "Chinese"),
        (_any(r"\bother\b", r"\barall\b"), "Any other Asian background"),
    ],
    BLACK: [
        (
            _any(r"\bother\b", r"\barall\b"),
            "Any other Black, Black Welsh, Black British or Caribbean background",
        ),
        (_any(r"\bafrican\b", r"\baffricanaidd\b"), "African"),
        (_any(r"\bcaribbean\b", r"\bcaribiaidd\b"), "Caribbean"),
    ],
    OTHER_ETHNIC: [
        (_any(r"\barab", r"\barabaidd\b"), "Arab"),
        (_any(r"\bany other ethnic\b", r"\bunrhyw grwp ethnig arall\b"), "Any other ethnic group"),
    ],
    WHITE: [
        (
            _any(r"\bgypsy\b", r"\bgipsy\b", r"\btraveller\b", r"\bsipsi\b", r"\bteithiwr\b"),
            "Gypsy or Irish Traveller",
        ),
        (_any(r"\broma\b"), "Roma"),
        (_any(r"\bother\b", r"\barall\b"), "Any other White background"),
        (
            _any(
                r"\bwelsh\b",
                r"\benglish\b",
                r"\bscottish\b",
                r"\bnorthern irish\b",
                r"\bbritish\b",
                r"\bcymreig\b",
                r"\bcymro\b",
                r"\bcymraes\b",
                r"\bseisnig\b",
                r"\balbanaidd\b",
                r"\bgogledd iwerddon\b",
                r"\bprydeinig\b",
            ),
            "Welsh, English, Scottish, Northern Irish or British",
        ),
        (_any(r"\birish\b", r"\bgwyddel"), "Irish"),
    ],
}

# Which group an answer (or the group part of "Group - detail") names; tried in this order so
# "White and Black Caribbean" is Mixed and "Black Welsh" is Black.
_ETHNIC_GROUP_OF: list[tuple[str, re.Pattern[str]]] = [
    (
        MIXED,
        _any(
            r"\bmixed\b",
            r"\bmultiple\b",
            r"\bcymysg\b",
            r"\blluosog\b",
            r"\baml ethnig\b",
            r"\bwhite and (black|asian)\b",
            r"\bgwyn a(c)? (du|asia)",
        ),
    ),
    (
        ASIAN,
        _any(
            r"\basian\b",
            r"\basiaidd\b",
            r"\bindian\b",
            r"\bindiaidd\b",
            r"\bpakistan",
            r"\bpacistan",
            r"\bbangladesh",
            r"\bchinese\b",
            r"\btsieineaidd\b",
        ),
    ),
    (
        BLACK,
        _any(
            r"\bblack\b",
            r"\bdu\b",
            r"\bafrican\b",
            r"\baffricanaidd\b",
            r"\bcaribbean\b",
            r"\bcaribiaidd\b",
        ),
    ),
    (
        OTHER_ETHNIC,
        _any(
            r"\barab",
            r"\bother ethnic\b",
            r"\bethnic group arall\b",
            r"\bgrwp ethnig arall\b",
            r"^(any )?other( background)?$",
            r"^(unrhyw )?arall$",
        ),
    ),
    (
        WHITE,
        _any(
            r"\bwhite\b",
            r"\bgwyn\b",
            r"\bwelsh\b",
            r"\benglish\b",
            r"\bscottish\b",
            r"\birish\b",
            r"\bbritish\b",
            r"\bgypsy\b",
            r"\btraveller\b",
            r"\broma\b",
            r"\bcymreig\b",
            r"\bprydeinig\b",
            r"\bgwyddel",
            r"\bsipsi\b",
        ),
    ),
]


def ethnicity(raw: str) -> tuple[str, str] | None:
    """``(group, detail)`` for an ethnicity answer, or None if it names no group.

    The detail is a canonical Census 2021 label ("Asian, Asian Welsh or Asian British:
    Pakistani"), or "<group>: not specified" when the answer gives the group only; never the
    text as typed.

    Examples
    --------
    >>> ethnicity("Asian/Asian British - Pakistani")
    ('Asian, Asian Welsh or Asian British', 'Asian, Asian Welsh or Asian British: Pakistani')
    >>> ethnicity("Other (please specify)")
    ('Other ethnic group', 'Other ethnic group: not specified')
    """
    text = str(raw)
    parts = re.split(r"\s*:\s*|\s+[-\u2013\u2014]\s+", text, maxsplit=1)
    if len(parts) == 1:
        bracket = re.match(r"^(.*?)\s*\((.*)\)\s*$", text)
        parts = [bracket.group(1), bracket.group(2)] if bracket else parts
    group_part, detail_part = fold(parts[0]), fold(parts[-1]) if len(parts) > 1 else ""
    whole = fold(text)
    group = _ethnic_group(group_part) or (_ethnic_group(whole) if detail_part else None)
    if group is None:
        return None
    for where in ([detail_part] if detail_part else []) + [whole]:
        for pattern, detail in _ETHNIC_DETAILS[group]:
            if pattern.search(where):
                return group, f"{group}: {detail}"
    return group, f"{group}: not specified"


def _ethnic_group(folded: str) -> str | None:
    for group, pattern in _ETHNIC_GROUP_OF:
        if pattern.search(folded):
            return group
    return None


def _disability(f: str) -> str | None:
    if re.search(r"\b(not|non|no|heb|nid|ddim)\b.*\b(disab|anabl)", f):
        return "Not disabled"
    answer = yes_no(f)
    if answer is not None:
        return "Disabled" if answer else "Not disabled"
    if re.search(r"\bdisab|\banabl", f):
        return "Disabled"
    return None


def _sexual_orientation(f: str) -> str | None:
    tokens = _tokens(f)
    if tokens & {"straight", "heterosexual", "heterorywiol", "syth"}:
        return "Straight or heterosexual"
    if tokens & {"gay", "lesbian", "hoyw", "lesbiaidd", "lesbiad"}:
        return "Gay or lesbian"
    if tokens & {"bisexual", "bi", "deurywiol"}:
        return "Bisexual"
    if tokens & {"other", "arall", "pansexual", "asexual", "queer", "cwiar", "anrhywiol"}:
        return "Other sexual orientation"
    return None


_RELIGIONS = [
    (
        "No religion",
        _any(
            r"^(no|none|dim|no religion|dim crefydd|heb grefydd|not religious)\b",
            r"\bno religion\b",
            r"\batheis",
            r"\bagnosti",
            r"\bhumanis",
            r"\banffydd",
            r"\bdyneiddi",
        ),
    ),
    (
        "Christian",
        _any(
            r"\bchristian",
            r"\bcrist",
            r"\bchurch\b",
            r"\beglwys\b",
            r"\bcatholi",
            r"\banglican",
            r"\bmethodist",
            r"\bbaptist",
            r"\bbedyddiwr",
            r"\bpresbyter",
            r"\bprotestant",
            r"\borthodox\b",
            r"\bchapel\b",
            r"\bcapel\b",
            r"\bquaker",
            r"\bevangelical",
            r"\bpentecostal",
            r"\bannibynwr",
            r"\bmethodydd",
            r"\bjehovah",
            r"\bmormon",
            r"\blatter day",
        ),
    ),
    ("Buddhist", _any(r"\bbuddhis", r"\bbwdhydd", r"\bbwdhaidd")),
    ("Hindu", _any(r"\bhindu", r"\bhindw")),
    ("Jewish", _any(r"\bjew", r"\bjuda", r"\biddew")),
    ("Muslim", _any(r"\bmuslim", r"\bislam", r"\bmoslem", r"\bmwslim")),
    ("Sikh", _any(r"\bsikh")),
    (
        "Other religion",
        _any(
            r"\bother\b",
            r"\barall\b",
            r"\bpagan",
            r"\bspirituali",
            r"\bwicca",
            r"\bjain",
            r"\bbahai",
            r"\bdruid",
        ),
    ),
]


def _religion(f: str) -> str | None:
    for group, pattern in _RELIGIONS:
        if pattern.search(f):
            return group
    return None


def _caring_one(f: str, yes_no_groups: tuple[str, str] | None) -> str | None:
    yes, no = yes_no_groups or ("Caring responsibilities", "No caring responsibilities")
    if re.search(r"^(none|no caring|not a carer|dim|heb)\b|\bno caring\b|\bnot a carer\b", f):
        return no
    answer = yes_no(f)
    if answer is not None:
        return yes if answer else no
    if re.search(
        r"\bcar(er|ers|ing)\b|\bcare\b|\blook after\b|\bchild|\bplant\b|\bdependant|\belderly\b"
        r"|\bparent|\brelative|\bg?ofal",
        f,
    ):
        return yes
    return None


def _tenure(f: str, yes_no_groups: tuple[str, str] | None) -> str | None:
    answer = yes_no(f)
    if answer is not None and yes_no_groups is not None:
        return yes_no_groups[0] if answer else yes_no_groups[1]
    if re.search(
        r"\bbefore\b|\bprevious|\bearlier\b|\bre ?elected\b|\breturning\b|\bserved\b"
        r"|\bsecond\b|\bthird\b|\bmore than one\b|\bdychwel|\bail ethol|\bo r blaen\b|\bcyn\b",
        f,
    ):
        return "Returning"
    if re.search(r"\bnew|\bfirst\b|\bthis election\b|\btro cyntaf\b|\bnewydd\b", f):
        return "New"
    if re.fullmatch(r"\d+", f):
        return "New" if int(f) == 1 else "Returning" if int(f) > 1 else None
    return None


_SURVEY_VOCAB = {
    "sex": "Female, Male or Prefer not to say (Benyw, Gwryw)",
    "gender_identity": "Yes/No, Same or Different (from sex registered at birth)",
    "disability": "Yes/No, Disabled, Not disabled (Ydw/Nac ydw)",
    "sexual_orientation": "Straight or heterosexual, Gay or lesbian, Bisexual, Other",
    "religion": "No religion, Christian, Buddhist, Hindu, Jewish, Muslim, Sikh, Other",
    "caring": "Yes/No (Oes/Nac oes) or a kind of caring responsibility",
    "tenure": "New or Returning, or Yes/No to the question asked",
    "ethnicity": "one of the Census 2021 ethnic groups (White, Mixed or Multiple, Asian, "
    "Black, Other ethnic group), with or without the detailed answer",
}


def map_answer(
    measure: str, raw: object, yes_no_groups: tuple[str, str] | None = None
) -> str | Unmapped:
    """The canonical group for one answer (not age or Welsh skills), or :class:`Unmapped`.

    For ``ethnicity`` use :func:`ethnicity`, which also gives the detail.

    Examples
    --------
    >>> map_answer("sex", "Benyw")
    'Female'
    >>> map_answer("disability", "Nac ydw", ("Disabled", "Not disabled"))
    'Not disabled'
    >>> map_answer("sex", "Gwell gennyf beidio â dweud")
    'Prefer not to say'
    """
    f = fold(raw)
    if _PNTS.search(f):
        return PREFER_NOT
    if measure == "ethnicity":
        found = ethnicity(str(raw))
        result = found[0] if found else None
    elif measure == "sex":
        result = _sex(f)
    elif measure == "gender_identity":
        result = _gender_identity(f, yes_no_groups)
    elif measure == "disability":
        result = _disability(f)
    elif measure == "sexual_orientation":
        result = _sexual_orientation(f)
    elif measure == "religion":
        result = _religion(f)
    elif measure == "caring":
        result = _caring_one(f, yes_no_groups)
    elif measure == "tenure":
        result = _tenure(f, yes_no_groups)
    else:
        raise ValueError(f"no answer table for measure {measure!r}")
    if result is None:
        return Unmapped(f"expected {_SURVEY_VOCAB[measure]}")
    return result


# --------------------------------------------------------------------------------------------
# Age
# --------------------------------------------------------------------------------------------

MIN_AGE, MAX_AGE = 18, 110


@dataclass(frozen=True)
class AgeBand:
    """An age band ``low``–``high`` years (``high`` None: and over), labelled "45-59" or "75+"."""

    low: int
    high: int | None

    @property
    def label(self) -> str:
        return f"{self.low}+" if self.high is None else f"{self.low}-{self.high}"

    def contains(self, low: int, high: int | None) -> bool:
        if low < self.low:
            return False
        if self.high is None:
            return True
        return high is not None and high <= self.high


_DASH = r"\s*(?:-|\u2013|\u2014|to|i|until|tan|hyd at)\s*"
_PLUS = (
    r"\s*(?:\+|plus|or (?:over|older|above|more)|and (?:over|older|above)|years? and over"
    r"|years? or (?:over|older)|a throsodd|a hyn|neu hyn|neu drosodd|neu fwy)"
)
_UNITS = r"(?:\s*(?:years?|yrs?|y o|oed|mlwydd oed|mlwydd|mlynedd|old))*"


def _age_text_range(text: str) -> tuple[int, int | None] | None:
    """(low, high) years for "45", "45 years", "45-59", "45 to 59", "75+", "under 30" …"""
    t = unicodedata.normalize("NFKD", text.lower()).strip()
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    t = re.sub(r"^(aged?|oed|age band|age group)\s*:?\s*", "", t)
    t = re.sub(r"\s+", " ", t).rstrip(". ")
    m = re.fullmatch(rf"(\d{{1,3}}){_UNITS}{_DASH}(\d{{1,3}}){_UNITS}", t)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = re.fullmatch(rf"(\d{{1,3}}){_UNITS}{_PLUS}{_UNITS}", t)
    if m:
        return int(m.group(1)), None
    m = re.fullmatch(rf"(?:over|above|older than|dros|hyn na){_UNITS}\s*(\d{{1,3}}){_UNITS}", t)
    if m:
        return int(m.group(1)), None
    m = re.fullmatch(
        rf"(?:under|below|younger than|less than|o dan|dan|iau na)\s*(\d{{1,3}}){_UNITS}", t
    )
    if m:
        return MIN_AGE, int(m.group(1)) - 1
    m = re.fullmatch(rf"(\d{{1,3}})(?:\.\d+)?{_UNITS}", t)
    if m:
        return int(m.group(1)), int(m.group(1))
    return None


def parse_age_bands(bands: object = None) -> list[AgeBand]:
    """Age bands from labels ("18-29", "75+") or lower bounds (18, 30, 45, 60, 75).

    Examples
    --------
    >>> [b.label for b in parse_age_bands()]
    ['18-29', '30-44', '45-59', '60-74', '75+']
    >>> [b.label for b in parse_age_bands([18, 40, 60])]
    ['18-39', '40-59', '60+']
    """
    if bands is None:
        bands = SURVEY_AGE_BANDS
    if isinstance(bands, str):
        bands = [b for b in re.split(r"[,;]", bands) if b.strip()]
    items = list(bands)  # type: ignore[call-overload]
    if not items:
        raise ValueError("age_bands is empty")
    if all(isinstance(b, int) and not isinstance(b, bool) for b in items):
        lows = sorted(items)
        out = [AgeBand(lo, hi - 1) for lo, hi in zip(lows, lows[1:], strict=False)]
        return out + [AgeBand(lows[-1], None)]
    out = []
    for item in items:
        span = _age_text_range(str(item))
        if span is None or (span[1] is not None and span[1] < span[0]):
            raise ValueError(f"age band {item!r} is not like '45-59' or '75+'")
        out.append(AgeBand(*span))
    out.sort(key=lambda b: b.low)
    for a, b in zip(out, out[1:], strict=False):
        if a.high is None or a.high >= b.low:
            raise ValueError(f"age bands {a.label} and {b.label} overlap")
    return out


def map_age(raw: object, bands: list[AgeBand]) -> str | Unmapped:
    """The band label for an age answer (a number of years or a band), or :class:`Unmapped`.

    Examples
    --------
    >>> bands = parse_age_bands()
    >>> map_age(45, bands), map_age("60 - 74", bands), map_age("75 or over", bands)
    ('45-59', '60-74', '75+')
    """
    if isinstance(raw, bool):
        return Unmapped("expected a number of years or an age band")
    if isinstance(raw, int | float):
        span: tuple[int, int | None] | None = (int(raw), int(raw))
    else:
        if _PNTS.search(fold(raw)):
            return PREFER_NOT
        span = _age_text_range(str(raw))
    if span is None:
        labels = ", ".join(b.label for b in bands)
        return Unmapped(f"expected a number of years or an age band ({labels})")
    low, high = span
    if low < MIN_AGE or (high is not None and high > MAX_AGE) or low > MAX_AGE:
        what = f"{low}" if high == low else str(raw)
        return OutOfRange(f"age {what} is outside {MIN_AGE}-{MAX_AGE}")
    for band in bands:
        if band.contains(low, high):
            return band.label
    labels = ", ".join(b.label for b in bands)
    return Unmapped(
        f"the band does not fit the age bands {labels}; pass age_bands= with the survey's bands"
    )


# --------------------------------------------------------------------------------------------
# Welsh language skills
# --------------------------------------------------------------------------------------------

_SKILLS = [
    ("welsh_understands", _any(r"\bunderstand", r"\bdeall\b")),
    ("welsh_speaks", _any(r"\bspeak", r"\bsiarad", r"\bfluent\b", r"\brhugl\b")),
    ("welsh_reads", _any(r"\bread", r"\bdarllen")),
    ("welsh_writes", _any(r"\bwrit", r"\bysgrifennu\b", r"\bysgrifenu\b")),
]
_NONE_OF_THESE = _any(
    r"^none\b",
    r"^(dim|dim un)\b",
    r"\bnone of (these|the above)\b",
    r"\bno (welsh|skills)\b",
    r"\bdim un o ?r rhain\b",
    r"\bdim sgiliau\b",
    r"\bdim cymraeg\b",
    r"^(i )?(cannot|cant|do not|dont) (speak|understand|read|write)",
)


def map_welsh_skills(raw: object) -> dict[str, bool | None] | str | Unmapped:
    """The four skills for one multi-select answer: a dict of skill -> bool, PREFER_NOT, or
    :class:`Unmapped`.

    ``"Understand spoken Welsh;Speak Welsh;Read Welsh;"`` (Microsoft Forms, trailing separator)
    and ``"Understand spoken Welsh, Speak Welsh"`` (Google Forms) both work. A bare Yes/No
    (to "Can you speak Welsh?") sets only ``welsh_speaks``.

    Examples
    --------
    >>> map_welsh_skills("Speak Welsh;Read Welsh;")
    {'welsh_understands': False, 'welsh_speaks': True, 'welsh_reads': True, 'welsh_writes': False}
    >>> map_welsh_skills("None of these")["welsh_speaks"]
    False
    """
    whole = fold(raw)
    if _PNTS.search(whole):
        parts = [p for p in re.split(r"[;|\n]", str(raw)) if p.strip()]
        return PREFER_NOT if len(parts) <= 1 else Unmapped("'Prefer not to say' with skills")
    answer = yes_no(whole)
    if answer is not None and not any(p.search(whole) for _, p in _SKILLS):
        return {k: (answer if k == "welsh_speaks" else None) for k, _ in _SKILLS}
    sep = r"[;|\n]" if re.search(r"[;|\n]", str(raw)) else r","
    skills = {k: False for k, _ in _SKILLS}
    none_seen = False
    for part in re.split(sep, str(raw)):
        f = fold(part)
        if not f:
            continue
        if _NONE_OF_THESE.search(f):
            none_seen = True
            continue
        hits = [k for k, pattern in _SKILLS if pattern.search(f)]
        if not hits:
            return Unmapped(
                "expected Understand spoken Welsh, Speak Welsh, Read Welsh, Write Welsh or "
                "None of these (separated by ';' or ',')"
            )
        for k in hits:
            skills[k] = True
    if none_seen and any(skills.values()):
        return Unmapped("'None of these' ticked together with a skill")
    return skills
