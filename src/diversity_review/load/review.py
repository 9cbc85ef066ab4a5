"""The WLGA post-election diversity review (a row per council) as tidy counts.

Real review sheets are typed up by hand, so the loader finds its table by content: the header
row is the first row (of the first 30) holding a council-name column ("Council", "Authority",
"Cyngor" ...) next to count columns it recognises ("Female", "Women", "BAME", "60+" ...). A
measure row above the groups ("Gender" merged over "Female | Male") is read as the groups'
context. Title and note rows above the header, a Wales totals row, subtotal rows, blank rows and
footnotes below the table are excluded and accounted for; percentage columns are only used as a
cross-check. A sheet is one election (its year from the sheet or file name) unless it has an
election column ("Election", "Year", "Blwyddyn" ...): then each row is of its own election, a
council may appear once per election, and each election's totals row is checked against that
election's councils. Every problem in a sheet is collected and raised together as one
:class:`~diversity_review.errors.DataError` naming file, sheet and cell.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..categories import MEASURES, NOT_KNOWN
from ..councils import UnknownCouncilError, council_name, councils, resolve_council
from ..errors import (
    DataError,
    DataWarning,
    Exclusion,
    NoTableError,
    Problem,
    RowAccount,
    display_name,
)
from ..text import fold
from .grid import Grid, cell_ref, column_letter, read_grids

__all__ = ["load_review", "CANONICAL_HEADERS", "COLUMNS"]

#: Output columns of :func:`load_review`, in order (the "counts" contract).
COLUMNS = [
    "election",
    "council_code",
    "council",
    "measure",
    "group",
    "count",
    "base",
    "suppressed",
    "source",
]

#: The loader's canonical one-row layout (what the data-collection template writes): header
#: text and what it holds: "council", "code", "seats", "exec_size", "leader" or (measure, group).
CANONICAL_HEADERS: tuple[tuple[str, str | tuple[str, str]], ...] = (
    ("Council", "council"),
    ("ONS code", "code"),
    ("Seats", "seats"),
    ("Female", ("sex", "Female")),
    ("Male", ("sex", "Male")),
    ("Sex not known", ("sex", NOT_KNOWN)),
    ("White", ("ethnicity", "White")),
    ("Ethnic minority", ("ethnicity", "Ethnic minority")),
    ("Ethnicity not known", ("ethnicity", NOT_KNOWN)),
    ("Under 40", ("age", "Under 40")),
    ("40-59", ("age", "40-59")),
    ("60+", ("age", "60+")),
    ("Age not known", ("age", NOT_KNOWN)),
    ("New", ("tenure", "New")),
    ("Returning", ("tenure", "Returning")),
    ("Councillor status not known", ("tenure", NOT_KNOWN)),
    ("Disabled", ("disability", "Disabled")),
    ("Not disabled", ("disability", "Not disabled")),
    ("Disability not known", ("disability", NOT_KNOWN)),
    ("Welsh speaker", ("welsh_language", "Welsh speaker")),
    ("Not Welsh speaker", ("welsh_language", "Not Welsh speaker")),
    ("Welsh language not known", ("welsh_language", NOT_KNOWN)),
    ("Uncontested seats", ("uncontested", "Uncontested seats")),
    ("Cabinet size", "exec_size"),
    ("Cabinet female", ("executive_sex", "Female")),
    ("Cabinet male", ("executive_sex", "Male")),
    ("Cabinet not known", ("executive_sex", NOT_KNOWN)),
    ("Leader sex", "leader"),
)

_HEADER_SCAN_ROWS = 30

# ---------------------------------------------------------------------------------------------
# Header vocabulary (folded: lower case, no accents or punctuation, "+" -> "plus")
# ---------------------------------------------------------------------------------------------

_NK = (
    "not known",
    "unknown",
    "not recorded",
    "unrecorded",
    "not stated",
    "no data",
    "nk",
    "n k",
    "undisclosed",
    "not disclosed",
    "not available",
    "no information",
    "information not available",
    "dim yn hysbys",
    "anhysbys",
)
_SEX_GROUPS = {
    "Female": ("female", "females", "women", "woman", "f", "benyw", "menywod", "merched"),
    "Male": ("male", "males", "men", "man", "m", "gwryw", "dynion"),
    NOT_KNOWN: _NK,
}
_GROUPS: dict[str, dict[str, tuple[str, ...]]] = {
    "sex": _SEX_GROUPS,
    "ethnicity": {
        "White": ("white", "gwyn", "all white", "white background", "white ethnic groups"),
        "Ethnic minority": (
            "ethnic minority",
            "ethnic minorities",
            "minority ethnic",
            "bame",
            "bme",
            "black asian and minority ethnic",
            "black asian minority ethnic",
            "black and minority ethnic",
            "black and asian minority ethnic",
            "ethnic minority background",
            "from an ethnic minority background",
            "ethnic minority groups",
            "minority ethnic groups",
            "non white",
            "global majority",
            "lleiafrif ethnig",
            "lleiafrifoedd ethnig",
        ),
        NOT_KNOWN: _NK,
    },
    "age": {
        "Under 40": (
            "under 40",
            "under 40s",
            "below 40",
            "less than 40",
            "younger than 40",
            "18 39",
            "18 to 39",
            "up to 39",
            "39 and under",
            "39 or under",
            "39 and younger",
            "under forty",
            "o dan 40",
        ),
        "40-59": ("40 59", "40 to 59", "40 and 59", "40s and 50s", "40 59 inclusive"),
        "60+": (
            "60 plus",
            "60 and over",
            "60 or over",
            "over 60",
            "over 60s",
            "60 and above",
            "60 or above",
            "60 and older",
            "60 or older",
            "60s and over",
            "60 over",
            "60 a throsodd",
            "60 neu drosodd",
        ),
        NOT_KNOWN: _NK,
    },
    "tenure": {
        "New": (
            "new",
            "newly elected",
            "first elected",
            "first time",
            "first time elected",
            "elected for the first time",
            "elected for first time",
            "first term",
            "new to council",
            "newydd",
        ),
        "Returning": (
            "returning",
            "re elected",
            "reelected",
            "returned",
            "incumbent",
            "incumbents",
            "existing",
            "previously served",
            "re elected incumbents",
        ),
        NOT_KNOWN: _NK,
    },
    "disability": {
        "Disabled": (
            "disabled",
            "has a disability",
            "with a disability",
            "have a disability",
            "disabled people",
            "anabl",
        ),
        "Not disabled": (
            "not disabled",
            "non disabled",
            "no disability",
            "without a disability",
            "not disabled people",
        ),
        NOT_KNOWN: _NK,
    },
    "welsh_language": {
        "Welsh speaker": (
            "welsh speaker",
            "welsh speakers",
            "welsh speaking",
            "speaks welsh",
            "speak welsh",
            "can speak welsh",
            "welsh language speaker",
            "welsh language speakers",
            "siaradwr cymraeg",
            "siaradwyr cymraeg",
        ),
        "Not Welsh speaker": (
            "not welsh speaker",
            "not welsh speakers",
            "non welsh speaker",
            "non welsh speakers",
            "non welsh speaking",
            "not welsh speaking",
            "does not speak welsh",
            "cannot speak welsh",
        ),
        NOT_KNOWN: _NK,
    },
    "uncontested": {
        "Uncontested seats": (
            "uncontested seats",
            "uncontested",
            "seats uncontested",
            "elected unopposed",
            "returned unopposed",
            "unopposed",
            "unopposed seats",
            "elected without a contest",
            "seddi diwrthwynebiad",
        ),
    },
}
# Words naming a measure: in a row above its groups, or as a prefix/suffix ("Ethnicity unknown").
_MEASURE_WORDS: dict[str, tuple[str, ...]] = {
    "sex": ("gender", "sex", "rhywedd", "rhyw", "gender sex", "sex gender"),
    "ethnicity": (
        "ethnicity",
        "ethnic group",
        "ethnic groups",
        "ethnic origin",
        "ethnic background",
        "ethnic",
        "race",
        "ethnigrwydd",
    ),
    "age": ("age", "age band", "age bands", "age group", "age groups", "age at election", "oedran"),
    "tenure": (
        "councillor status",
        "status",
        "tenure",
        "member status",
        "new or returning",
        "new returning",
        "new and returning",
        "returning or new",
        "new or re elected",
        "new re elected",
        "experience",
    ),
    "disability": ("disability", "disability status", "disabled", "anabledd"),
    "welsh_language": (
        "welsh language",
        "welsh",
        "welsh speaking",
        "welsh speakers",
        "welsh speaker",
        "speaks welsh",
        "welsh language ability",
        "welsh language skills",
        "cymraeg",
        "y gymraeg",
    ),
    "uncontested": ("uncontested", "uncontested seats", "unopposed"),
}
_EXEC_WORDS = (
    "cabinet",
    "executive",
    "cabinet executive",
    "cabinet or executive",
    "cabinet and executive",
    "executive cabinet",
    "cabinet gender",
    "executive gender",
    "cabinet by gender",
    "cabinet sex",
    "executive sex",
    "cabinet composition",
    "cabinet members by gender",
    "cabinet members",
    "executive members",
    "cabinet member",
    "executive member",
    "cabinet portfolio holders",
    "cabinet portfolio holder",
    "portfolio holders",
    "cabinet membership",
    "cabinet 2022",
)
_EXEC_SIZE = ("size", "total", "members", "number", "all", "seats", "total members", "no")
_LEADER_WORDS = ("leader", "council leader", "leader of the council", "leader of council")
_LEADER_SEX = ("gender", "sex", "gender sex", "female male", "mf", "fm")
_COUNCIL_HEADERS = (
    "council",
    "councils",
    "council name",
    "name of council",
    "authority",
    "authority name",
    "local authority",
    "local authorities",
    "local authority name",
    "la",
    "la name",
    "principal council",
    "principal authority",
    "unitary authority",
    "county",
    "area",
    "area name",
    "name",
    "cyngor",
    "enw cyngor",
    "enw r cyngor",
    "awdurdod",
    "awdurdod lleol",
)
_CODE_HEADERS = (
    "ons code",
    "code",
    "la code",
    "local authority code",
    "area code",
    "gss code",
    "council code",
    "ons",
    "cod",
    "lad code",
    "ua code",
    "lad22cd",
    "lad21cd",
    "lad23cd",
)
_SEATS = (
    "seats",
    "total seats",
    "councillors",
    "total councillors",
    "all councillors",
    "total number of councillors",
    "members",
    "total members",
    "all members",
    "elected members",
    "total",
    "councillors elected",
    "total elected",
    "number elected",
    "seats available",
    "council size",
    "size of council",
    "cynghorwyr",
    "nifer y cynghorwyr",
    "seddi",
    "cyfanswm",
)
# An election column's header: one of these words, and nothing but these or the filler words
# ("Election", "Year of election", "Election (May)", "Blwyddyn yr etholiad").
_ELECTION_WORDS = {"election", "elections", "year", "blwyddyn", "etholiad", "etholiadau"}
_ELECTION_FILLER = {
    "of", "the", "yr", "y", "r", "local", "council", "date", "held", "may", "mai", "polling",
    "poll", "day", "dyddiad",
}  # fmt: skip
_PERCENT_WORDS = {"percent", "percentage", "pct", "proportion", "canran", "share"}
_DROP_ANYWHERE = {"years", "yrs", "aged", "olds"}
_LEAD = [
    ("total", "number", "of"),
    ("number", "of"),
    ("no", "of"),
    ("num", "of"),
    ("nos", "of"),
    ("count", "of"),
    ("councillors", "who", "are"),
    ("who", "are"),
    ("total",),
    ("of",),
    ("by",),
    ("the",),
    ("n",),
    ("councillors",),
    ("members",),
]
_TRAIL = [
    ("of", "councillors"),
    ("councillors",),
    ("councillor",),
    ("cllrs",),
    ("members",),
    ("member",),
    ("count",),
    ("n",),
    ("people",),
    ("of",),
    ("elected", "in"),
]
_TOTAL_LABELS = {
    "wales",
    "cymru",
    "wales cymru",
    "cymru wales",
    "total",
    "totals",
    "all councils",
    "all wales",
    "wales total",
    "total wales",
    "grand total",
    "cyfanswm",
    "cyfanswm cymru",
    "cymru gyfan",
    "all",
    "sum",
    "all authorities",
    "all local authorities",
    "all councils wales",
    "wales all councils",
    "total all councils",
    "w92000004",
}
_REGION_LABELS = {
    "north wales",
    "mid wales",
    "south west wales",
    "south east wales",
    "west wales",
    "mid and west wales",
    "south wales",
    "gogledd cymru",
    "canolbarth cymru",
    "de orllewin cymru",
    "de ddwyrain cymru",
    "cardiff capital region",
    "swansea bay city region",
}
_FOOTNOTE_START = re.compile(
    r"^(\*|†|‡|¹|²|³|#|\^|\[|\(\w{1,2}\)|\d{1,2}[.)]\s|"
    r"(sources?|notes?|nb|n\.b|ffynhonnell(au)?|nodyn|nodiadau|key|figures|data|updated|"
    r"last updated|please note|produced|compiled)\b)",
    re.IGNORECASE,
)
_SUPPRESSED = {"*", "**", "c", "[c]", "..", "[x]", "x", "[u]", "[low]"}
_NIL = {"-", "–", "—", "nil", "[nil]"}
_MISSING = {"n/a", "na", "n.a.", "[z]", "z", "not known", "unknown", "nk", "not available"}
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_FEMALE = {"female", "f", "woman", "w", "women", "benyw", "menyw", "fenyw"}
_MALE = {"male", "m", "man", "men", "gwryw", "dyn"}
_YES = {"yes", "y", "true", "1", "ie", "oes"}
_NO = {"no", "n", "false", "0", "na", "nac oes"}


def _key(text: object) -> str:
    """Header text folded for matching (years and age-unit words dropped)."""
    raw = str(text).replace("+", " plus ").replace("%", " percent ")
    words = [w for w in _YEAR.sub(" ", fold(raw)).split() if w not in _DROP_ANYWHERE]
    # initials written with stops ("B.M.E.", "N/K") fold to single letters: join them again
    joined: list[str] = []
    for i, w in enumerate(words):
        if len(w) == 1 and w.isalpha() and i and len(words[i - 1]) == 1 and joined:
            joined[-1] += w
        else:
            joined.append(w)
    return " ".join(joined)


def _forms(text: object) -> Iterator[str]:
    """The folded text, then the forms left as filler words are stripped from either end."""
    seen = []
    raw = str(text)
    parts = [raw, *(p for p in re.split(r"[/|\n]", raw) if p.strip())]
    for part in parts if len(parts) > 2 else parts[:1]:
        words = _key(part).split()
        while True:
            form = " ".join(words)
            if form not in seen:
                seen.append(form)
                yield form
            for lead in _LEAD:
                if tuple(words[: len(lead)]) == lead and len(words) > len(lead):
                    words = words[len(lead) :]
                    break
            else:
                for trail in _TRAIL:
                    if tuple(words[-len(trail) :]) == trail and len(words) > len(trail):
                        words = words[: -len(trail)]
                        break
                else:
                    break


def _build_tables() -> tuple[dict[str, tuple], dict[str, dict[str, tuple]], dict[str, str]]:
    standalone: dict[str, tuple] = {}

    def put(table: dict[str, tuple], key: str, role: tuple) -> None:
        table.setdefault(key, role)

    for k in _COUNCIL_HEADERS:
        put(standalone, k, ("council",))
    for k in _CODE_HEADERS:
        put(standalone, k, ("code",))
    for k in _SEATS:
        put(standalone, k, ("seats",))
    for k in _NK:
        put(standalone, k, ("nk",))
    for m, groups in _GROUPS.items():
        for g, words in groups.items():
            for w in words:
                if g != NOT_KNOWN:
                    put(standalone, w, ("count", m, g))
                for mw in _MEASURE_WORDS[m]:
                    put(standalone, f"{mw} {w}", ("count", m, g))
                    put(standalone, f"{w} {mw}", ("count", m, g))
    for e in _EXEC_WORDS:
        put(standalone, e, ("exec_size",))
        for s in ("size", "total", "members", "number", "size total"):
            put(standalone, f"{e} {s}", ("exec_size",))
            put(standalone, f"{s} {e}", ("exec_size",))
            put(standalone, f"{s} of {e}", ("exec_size",))
        for g, words in _SEX_GROUPS.items():
            for w in words:
                for form in (f"{e} {w}", f"{w} {e}", f"{w} in {e}", f"{w} on {e}", f"{e} {w}s"):
                    put(standalone, form, ("count", "executive_sex", g))
    for lw in _LEADER_WORDS:
        put(standalone, lw, ("leader",))
        for s in _LEADER_SEX:
            for form in (f"{lw} {s}", f"{s} of {lw}", f"{lw} s {s}", f"{s} {lw}"):
                put(standalone, form, ("leader",))
        for w in ("female", "woman", "women"):
            for form in (f"{w} {lw}", f"{lw} {w}", f"{lw} is {w}", f"{lw} is a {w}"):
                put(standalone, form, ("leader_flag",))

    context: dict[str, dict[str, tuple]] = {}
    measure_of: dict[str, str] = {}
    for m, groups in _GROUPS.items():
        table: dict[str, tuple] = {}
        for g, words in groups.items():
            for w in words:
                put(table, w, ("count", m, g))
        for t in ("total", "all", "seats", "total councillors", "all councillors", "total seats"):
            put(table, t, ("measure_total", m))
        if m in ("disability", "welsh_language"):
            focus = MEASURES[m].groups
            for w in ("yes", "y", "ie"):
                put(table, w, ("count", m, focus[0]))
            for w in ("no", "n", "na"):
                put(table, w, ("count", m, focus[1]))
        context[m] = table
        for mw in _MEASURE_WORDS[m]:
            measure_of.setdefault(mw, m)
    exec_table: dict[str, tuple] = {}
    for g, words in _SEX_GROUPS.items():
        for w in words:
            put(exec_table, w, ("count", "executive_sex", g))
    for s in _EXEC_SIZE:
        put(exec_table, s, ("exec_size",))
    context["executive_sex"] = exec_table
    for e in _EXEC_WORDS:
        measure_of.setdefault(e, "executive_sex")
    context["leader_sex"] = {s: ("leader",) for s in _LEADER_SEX}
    for lw in _LEADER_WORDS:
        measure_of.setdefault(lw, "leader_sex")
    return standalone, context, measure_of


_STANDALONE, _IN_CONTEXT, _MEASURE_OF = _build_tables()


def _lookup(text: object, table: Mapping[str, object]) -> object | None:
    for form in _forms(text):
        if form in table:
            return table[form]
    return None


def _split_percent(text: object) -> tuple[bool, str]:
    raw = str(text)
    words = _key(raw).split()
    is_pct = "%" in raw or any(w in _PERCENT_WORDS for w in words)
    if "per cent" in " ".join(words):
        is_pct = True
        words = " ".join(words).replace("per cent", "").split()
    if not is_pct:
        return False, raw
    return True, " ".join(w for w in words if w not in _PERCENT_WORDS)


def _is_council_header(value: object) -> bool:
    return value is not None and _lookup(value, _STANDALONE) == ("council",)


def _names_election(text: object) -> bool:
    """Is this the header of a column giving each row's election ("Election", "Year" ...)?"""
    words = set(_key(text).split())
    return bool(words & _ELECTION_WORDS) and words <= _ELECTION_WORDS | _ELECTION_FILLER


# ---------------------------------------------------------------------------------------------
# Header layout
# ---------------------------------------------------------------------------------------------


@dataclass
class _Col:
    index: int
    label: str
    kind: str  # council, code, seats, count, pct, exec_size, measure_total, leader,
    # leader_flag, election, unknown, empty
    measure: str | None = None
    group: str | None = None


@dataclass
class _Layout:
    header_rows: tuple[int, ...]
    cols: list[_Col]
    overrides_used: set[str] = field(default_factory=set)

    @property
    def first_data_row(self) -> int:
        return self.header_rows[-1] + 1

    def of_kind(self, *kinds: str) -> list[_Col]:
        return [c for c in self.cols if c.kind in kinds]

    @property
    def election_col(self) -> _Col | None:
        """The column giving each row's election, if the table keeps several in one sheet."""
        found = self.of_kind("election")
        return found[0] if found else None

    @property
    def score(self) -> int:
        """How many different things the header reads (a merged cell repeated counts once)."""
        kinds = self.of_kind("count", "exec_size", "leader", "leader_flag")
        return len({(c.kind, c.measure, c.group) for c in kinds})


def _role_to_col(index: int, label: str, role: object) -> _Col:
    if role is None:
        return _Col(index, label, "unknown")
    kind, *rest = role
    return _Col(index, label, kind, *rest)


def _classify(text: object, context: str | None, index: int, label: str) -> _Col:
    is_pct, body = _split_percent(text)
    role = None
    if context is not None:
        role = _lookup(body, _IN_CONTEXT[context])
    if role is None:
        role = _lookup(body, _STANDALONE)
    if role is None and not is_pct and _names_election(body):
        role = ("election",)
    if is_pct:
        if role is not None and role[0] in ("count", "nk"):
            return _role_to_col(
                index, label, ("pct" if role[0] == "count" else "pct_nk", *role[1:])
            )
        return _Col(index, label, "unknown")
    return _role_to_col(index, label, role)


def _override(columns: Mapping[str, object], texts: list[object], index: int, label: str):
    for text in texts:
        if text is None:
            continue
        key = _key(text)
        if key in columns:
            value = columns[key]
            if value == "ignore":
                return _Col(index, label, "ignored"), key
            if isinstance(value, str):
                return _Col(index, label, value), key
            measure, group = value
            return _Col(index, label, "count", measure, group), key
    return None, None


def _layout(grid: Grid, m: int | None, g: int, columns: Mapping[str, object]) -> _Layout:
    cols: list[_Col] = []
    used: set[str] = set()
    context: str | None = None
    for c in range(grid.n_cols):
        lower = grid.value(g, c)
        upper = grid.value(m, c) if m is not None else None
        if upper is not None:
            context = _lookup(upper, _MEASURE_OF)
        if upper is not None and (lower is None or _key(lower) == _key(upper)):
            text, ctx, label = upper, None, str(upper)
        elif lower is not None:
            ctx = context if m is not None else None
            shown = grid.value(m, c) if m is not None else None
            if shown is None and ctx is not None:  # written once, blank to the right
                shown = next(
                    grid.value(m, k) for k in range(c, -1, -1) if grid.value(m, k) is not None
                )
            text, label = lower, (f"{shown} / {lower}" if shown is not None else str(lower))
        else:
            cols.append(_Col(c, "", "empty"))
            continue
        col, key = _override(columns, [label, text, upper], c, label)
        if col is None:
            col = _classify(text, ctx, c, label)
        else:
            used.add(key)
        cols.append(col)
    # "Not known" alone belongs to the measure of the count column just before it
    for i, col in enumerate(cols):
        if col.kind in ("nk", "pct_nk"):
            prev = cols[i - 1] if i else None
            if prev is not None and prev.kind in ("count", "pct") and prev.measure:
                col.kind = "count" if col.kind == "nk" else "pct"
                col.measure, col.group = prev.measure, NOT_KNOWN
            else:
                col.kind = "unknown"
    return _Layout((g,) if m is None else (m, g), cols, used)


def _find_header(grid: Grid, columns: Mapping[str, object]) -> tuple[_Layout | None, str | None]:
    """The header layout, or None with the reason no table was found."""
    hint = None
    for r in range(min(_HEADER_SCAN_ROWS, grid.n_rows)):
        council_cols = [
            c
            for c, v in enumerate(grid.rows[r])
            if _is_council_header(v) or (v is not None and columns.get(_key(v)) == "council")
        ]
        if not council_cols:
            continue
        cc = council_cols[0]

        options: list[tuple[int | None, int]] = [(None, r)]
        if r + 1 < grid.n_rows and _fits(grid, r + 1, r, cc):
            options.append((r, r + 1))
        if r > 0 and _fits(grid, r - 1, r, cc):
            options.append((r - 1, r))
        best: _Layout | None = None
        for m, g in options:
            layout = _layout(grid, m, g, columns)
            if best is None or layout.score > best.score:
                best = layout
        assert best is not None
        if best.score == 0:
            others = [str(v) for c, v in enumerate(grid.rows[r]) if v is not None and c != cc]
            hint = (
                f"found a council column ({grid.value(r, cc)!r} in {cell_ref(r, cc)}) but none "
                f"of the headers beside it is a count this loader knows"
                + (f" ({', '.join(map(repr, others[:6]))})" if others else "")
                + "; map them with columns={header: (measure, group)}"
            )
            continue
        if not _looks_like_counts(grid, best):
            hint = (
                f"the columns under the header in row {r + 1} hold text, not counts "
                "(is this a member survey export?)"
            )
            continue
        return best, None
    if hint is None:
        layout = _find_unlabelled_council_column(grid, columns)
        if layout is not None:
            return layout, None
    return None, hint


def _names_a_council(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        resolve_council(value)
    except UnknownCouncilError:
        return False
    return True


def _find_unlabelled_council_column(grid: Grid, columns: Mapping[str, object]) -> _Layout | None:
    """A header of counts whose council column has no header text (names below a blank)."""
    for r in range(min(_HEADER_SCAN_ROWS, grid.n_rows)):
        options: list[tuple[int | None, int]] = [(None, r)] + ([(r - 1, r)] if r else [])
        for m, g in options:
            layout = _layout(grid, m, g, columns)
            if layout.score < 2:
                continue
            for col in layout.cols:
                if col.kind not in ("empty", "unknown"):
                    continue
                below = [grid.value(k, col.index) for k in range(g + 1, min(grid.n_rows, g + 13))]
                texts = [v for v in below if isinstance(v, str)]
                if len(texts) >= 2 and 2 * sum(map(_names_a_council, texts)) > len(texts):
                    col.kind, col.label = "council", col.label or "(council names)"
                    if _looks_like_counts(grid, layout):
                        return layout
                    break
    return None


def _fits(grid: Grid, row: int, header: int, cc: int) -> bool:
    """Can ``row`` be the other row of a two-row header (its council cell blank or merged)?"""
    v = grid.value(row, cc)
    return v is None or _is_council_header(v) or _key(v) == _key(grid.value(header, cc))


def _looks_like_counts(grid: Grid, layout: _Layout) -> bool:
    good = bad = 0
    cols = layout.of_kind("count", "exec_size", "seats")
    for r in range(layout.first_data_row, min(grid.n_rows, layout.first_data_row + 60)):
        for col in cols:
            v = grid.value(r, col.index)
            if v is None:
                continue
            _, _, problem = _parse_count(v)
            if problem is None or isinstance(v, int | float):
                good += 1
            else:
                bad += 1
    return good >= bad


# ---------------------------------------------------------------------------------------------
# Cell values
# ---------------------------------------------------------------------------------------------


def _parse_count(value: object) -> tuple[int | None, bool, str | None]:
    """(count, suppressed, problem) for one cell."""
    if value is None:
        return None, False, None
    if isinstance(value, bool):
        return None, False, f"{value} where a count belongs"
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            return None, False, f"fractional count {value:g}: counts are whole numbers"
        if value < 0:
            return None, False, f"negative count {value:g}"
        return int(value), False, None
    if isinstance(value, str):
        low = " ".join(value.lower().split())
        if low in _NIL:
            return 0, False, None
        if low in _SUPPRESSED:
            return None, True, None
        if low in _MISSING:
            return None, False, None
        if _NUMBER.match(low):
            return _parse_count(float(low.replace(",", "")))
    return (
        None,
        False,
        f"text {str(value)!r} where a count belongs (enter a whole number, '-' for nil, "
        "'[c]' for suppressed or leave blank)",
    )


def _parse_year(value: object, header: str) -> tuple[int | None, str | None]:
    """(year, problem) for an election cell: 2022, "2022", "May 2022", 2022.0 or a date."""
    if value is None:
        return None, f"no election year in the {header!r} column (enter e.g. 2022)"
    if isinstance(value, dt.date):  # a datetime too
        return value.year, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and _YEAR.fullmatch(str(int(value))):
            return int(value), None
    elif isinstance(value, str):
        year = _year_in(value)
        if year is not None:
            return year, None
    return None, f"{value!r} in the {header!r} column is not an election year (enter e.g. 2022)"


def _parse_percent(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        text = value.strip().rstrip("%").strip()
        if _NUMBER.match(text):
            number = float(text.replace(",", ""))
            return number / 100 if value.strip().endswith("%") else number
    return None


def _parse_leader(value: object, flag: bool) -> tuple[str | None, bool, str | None]:
    """(sex, suppressed, problem) for a leader cell (``flag``: a "Female leader?" yes/no column)."""
    if value is None:
        return None, False, None
    allowed = "Yes or No" if flag else "Female or Male"
    problem = f"{value!r} where the leader's sex belongs (enter {allowed})"
    if isinstance(value, bool) or isinstance(value, int | float):
        if flag and value in (0, 1):
            return ("Female" if value == 1 else "Male"), False, None
        return None, False, problem
    text = " ".join(str(value).lower().split())
    folded = fold(text)
    female, male = (_YES, _NO) if flag else (_FEMALE, _MALE)
    if folded in female:
        return "Female", False, None
    if folded in male:
        return "Male", False, None
    if text in _SUPPRESSED:
        return None, True, None
    if text in _MISSING or folded in ("vacant", "none") or text in _NIL:
        return None, False, None
    return None, False, problem


# ---------------------------------------------------------------------------------------------
# One sheet
# ---------------------------------------------------------------------------------------------


@dataclass
class _SheetResult:
    records: list[dict]
    account: RowAccount
    elections: set[int]  # the elections of the sheet's council rows, before any selection


def _where(grid: Grid, r: int, c: int) -> str:
    prefix = f"{grid.file}!{grid.sheet}!" if grid.sheet is not None else f"{grid.file}!"
    return prefix + cell_ref(r, c)


def _row_text(grid: Grid, r: int) -> str:
    values = list(dict.fromkeys(str(v) for v in grid.rows[r] if v is not None))
    return " | ".join(values)[:120]


def _is_footnote(grid: Grid, r: int, label: object, counts_blank: bool) -> bool:
    values = [v for v in grid.rows[r] if v is not None]
    distinct = set(map(str, values))
    first = str(values[0]) if values else ""
    if _FOOTNOTE_START.match(first):
        return True
    if len(distinct) == 1 and isinstance(values[0], str) and len(values) > 1:
        return True  # a note merged across the table
    if counts_blank:
        if label is None:
            return True
        try:
            resolve_council(label)
            return False
        except UnknownCouncilError as exc:
            return not exc.suggestions or len(str(label).split()) > 4
    return False


def _column_problems(grid: Grid, layout: _Layout) -> list[Problem]:
    """Two columns for the same group, or a second seats, cabinet, leader or election column."""
    problems: list[Problem] = []
    header_row = layout.header_rows[-1]
    seen: dict[tuple[str | None, str | None], _Col] = {}
    for col in layout.of_kind("count"):
        key = (col.measure, col.group)
        if key in seen:
            problems.append(
                grid.problem(
                    f"two columns give {col.measure} / {col.group}: "
                    f"{column_letter(seen[key].index)} ({seen[key].label!r}) and "
                    f"{column_letter(col.index)} ({col.label!r}); map one to 'ignore' with "
                    "columns=",
                    header_row,
                    col.index,
                )
            )
        seen[key] = col
    for extra, what in (
        (layout.of_kind("seats"), "seats"),
        (layout.of_kind("exec_size"), "cabinet size"),
        (layout.of_kind("leader", "leader_flag"), "leader"),
        (layout.of_kind("election"), "election"),
    ):
        for col in extra[1:]:
            problems.append(
                grid.problem(
                    f"two {what} columns: {column_letter(extra[0].index)} and "
                    f"{column_letter(col.index)}",
                    header_row,
                    col.index,
                )
            )
    return problems


@dataclass
class _Rows:
    """The rows below a header, sorted by what they are before any value is read."""

    grid: Grid
    councils: list[int] = field(default_factory=list)  # rows naming a council (or its code)
    totals: list[int] = field(default_factory=list)
    unlabelled: list[int] = field(default_factory=list)  # values, no name: a sum row or an error
    excluded: list[Exclusion] = field(default_factory=list)

    def exclude(self, r: int, reason: str) -> None:
        where = Problem("", None, self.grid.sheet, f"row {r + 1}").location()
        self.excluded.append(Exclusion(where, reason, _row_text(self.grid, r)))


def _sort_rows(grid: Grid, layout: _Layout) -> _Rows:
    """Council, total and unlabelled rows; blank, subtotal, header and note rows are excluded."""
    rows = _Rows(grid)
    council_col = layout.of_kind("council")[0]
    alt_cols = layout.of_kind("council")[1:] + layout.of_kind("code")
    value_cols = layout.of_kind("count", "seats", "exec_size", "measure_total")
    for r in range(layout.first_data_row, grid.n_rows):
        if grid.is_blank_row(r):
            rows.exclude(r, "blank")
            continue
        label = grid.value(r, council_col.index)
        alt = [grid.value(r, c.index) for c in alt_cols]
        key = _key(label) if label is not None else ""
        counts_blank = all(grid.value(r, c.index) is None for c in value_cols)
        if (
            key in _TOTAL_LABELS
            or key.startswith(("total", "wales total", "all wales"))
            or any(v is not None and _key(v) in _TOTAL_LABELS for v in alt)
        ):
            rows.totals.append(r)
            rows.exclude(r, "total")
        elif key in _REGION_LABELS or key.startswith(("subtotal", "sub total")):
            rows.exclude(r, "subtotal")
        elif label is not None and _is_council_header(label):
            rows.exclude(r, "repeated header")
        elif _is_footnote(grid, r, label, counts_blank):
            rows.exclude(r, "footnote")
        elif label is None and not any(v is not None for v in alt):
            rows.unlabelled.append(r)
        else:
            rows.councils.append(r)
    return rows


def _row_elections(
    grid: Grid, layout: _Layout, rows: _Rows, sheet_year: int | None
) -> tuple[dict[int, int | None], list[Problem]]:
    """The election of every council, total and unlabelled row, and the problems found.

    Without an election column every row belongs to the sheet's election. With one, each row's
    own cell says: a council row whose cell is blank or not a year is a problem; a total row
    may give its year in its label instead ("Total 2022"); a total or unlabelled row with no
    year is ``None`` and is checked against every council of the sheet.
    """
    col = layout.election_col
    others = rows.totals + rows.unlabelled
    if col is None:
        return dict.fromkeys(rows.councils + others, sheet_year), []
    years: dict[int, int | None] = {}
    problems: list[Problem] = []
    for r in rows.councils:
        years[r], problem = _parse_year(grid.value(r, col.index), col.label)
        if problem:
            problems.append(grid.problem(problem, r, col.index))
    label_col = layout.of_kind("council")[0].index
    for r in others:
        label = grid.value(r, label_col)
        years[r] = _parse_year(grid.value(r, col.index), col.label)[0] or _year_in(
            None if label is None else str(label)
        )
    return years, problems


def _resolve_councils(
    grid: Grid, layout: _Layout, rows: list[int], years: Mapping[int, int | None]
) -> tuple[dict[int, str], list[Problem]]:
    """The council code of each row (names and codes in one row must agree) and the problems.

    A council may appear once per election: twice in one election is a problem naming both rows.
    """
    council_col = layout.of_kind("council")[0]
    alt_cols = layout.of_kind("council")[1:] + layout.of_kind("code")
    problems: list[Problem] = []
    codes: dict[int, str] = {}
    first_row_of: dict[tuple[int | None, str], int] = {}
    for r in rows:
        label = grid.value(r, council_col.index)
        where = dict(file=grid.file, sheet=grid.sheet)
        code = None
        for col in [council_col, *alt_cols]:
            text = grid.value(r, col.index)
            if text is None:
                continue
            try:
                found = resolve_council(text, cell=cell_ref(r, col.index), **where)
            except UnknownCouncilError as exc:
                if col is council_col or label is None:
                    problems.extend(exc.problems)
                    code = None
                    break
                continue
            if code is None:
                code = found
            elif found != code:
                problems.append(
                    grid.problem(
                        f"{text!r} is {council_name(found)} but {label!r} in "
                        f"{cell_ref(r, council_col.index)} is {council_name(code)}",
                        r,
                        col.index,
                    )
                )
        if code is None:
            continue
        if (years[r], code) in first_row_of:
            in_election = f" in the {years[r]} election" if layout.election_col else ""
            problems.append(
                grid.problem(
                    f"{council_name(code)} appears twice{in_election} (rows "
                    f"{first_row_of[(years[r], code)] + 1} and {r + 1})",
                    r,
                    council_col.index,
                )
            )
            continue
        first_row_of[(years[r], code)] = r
        codes[r] = code
    return codes, problems


def _seats_fallback(
    grid: Grid, layout: _Layout, elections: set[int]
) -> tuple[list[Problem], list[str]]:
    """Problems and warnings for a table without a seats column (nothing when it has one).

    The 2022 rows take the registry's 2022 seats, other elections the sum of the sex groups
    (when the table has them); each is a warning, and without either it is an error.
    """
    if layout.of_kind("seats", "measure_total"):
        return [], []
    others = sorted(elections - {2022})
    mixed = 2022 in elections and bool(others)
    notes: list[str] = []
    if 2022 in elections:
        notes.append(
            "no seats column: the base of each council's counts is its 2022 seats from the "
            "council registry" + (" (the 2022 rows)" if mixed else "")
        )
    if others and not any(c.measure == "sex" for c in layout.of_kind("count")):
        problem = grid.problem(
            "no seats column in the header (Seats, Total councillors, No. of councillors, "
            "Members): the counts need the council's seats as their base",
            layout.header_rows[-1],
        )
        return [problem], notes
    if others:
        years = ", ".join(map(str, others))
        notes.append(
            "no seats column: the base of each council's counts is the sum of its sex groups "
            "(Female, Male, Not known)" + (f" (the {years} rows)" if mixed else "")
        )
    return [], notes


def _load_sheet(
    grid: Grid, layout: _Layout, sheet_year: int | None, wanted: int | None = None
) -> tuple[_SheetResult, list[Problem], list[str]]:
    """One sheet's records and row account, with every problem and warning (notes) found.

    ``sheet_year`` is the election of every row when the table has no election column (else
    each row's own cell says); with ``wanted``, rows of other elections are excluded as
    "other election" and not read.
    """
    problems = _column_problems(grid, layout)
    notes: list[str] = []  # warnings
    cols = layout.cols
    council_col = layout.of_kind("council")[0]
    seats_cols = layout.of_kind("seats")
    count_cols = layout.of_kind("count")
    pct_cols = layout.of_kind("pct")
    exec_cols = layout.of_kind("exec_size")
    total_cols = layout.of_kind("measure_total")
    leader_cols = layout.of_kind("leader", "leader_flag")
    header_row = layout.header_rows[-1]

    # rows and their elections -----------------------------------------------------------------
    rows = _sort_rows(grid, layout)
    years, year_problems = _row_elections(grid, layout, rows, sheet_year)
    problems += year_problems

    def chosen(r: int) -> bool:
        return wanted is None or years[r] in (None, wanted)

    loaded: list[int] = []
    for r in rows.councils:
        if years[r] is None:
            continue  # its blank or unreadable year is a problem already
        if chosen(r):
            loaded.append(r)
        else:
            rows.exclude(r, "other election")
    for r in rows.unlabelled:
        if not chosen(r):
            rows.exclude(r, "other election")
    unlabelled = [r for r in rows.unlabelled if chosen(r)]
    totals = [r for r in rows.totals if chosen(r)]

    seats_problems, seats_notes = _seats_fallback(grid, layout, {years[r] for r in loaded})
    problems += seats_problems
    notes += seats_notes
    seats_fallback = not seats_cols and not total_cols

    codes, council_problems = _resolve_councils(grid, layout, loaded, years)
    problems += council_problems

    def councils_of(year: int | None) -> list[int]:
        """The council rows a total of this election adds up. A total naming no election (in
        a sheet with an election column) adds up the sheet's council rows of every election,
        selected or not."""
        if year is None:
            return [r for r in rows.councils if years[r] is not None]
        return [k for k in codes if years[k] == year]

    # a count column left blank for every council (a half-filled template) is not loaded ------
    blank = _blank_columns(grid, count_cols + leader_cols, codes)
    if blank:
        count_cols = [c for c in count_cols if c not in blank]
        leader_cols = [c for c in leader_cols if c not in blank]
        notes.append(_blank_note(blank))
    value_cols = count_cols + seats_cols + exec_cols + total_cols

    # values -------------------------------------------------------------------------------------
    parsed: dict[tuple[int, int], tuple[int | None, bool]] = {}

    def value_at(r: int, col: _Col, *, report: bool = True) -> tuple[int | None, bool]:
        if (r, col.index) in parsed:
            return parsed[(r, col.index)]
        v = grid.value(r, col.index)
        number, suppressed, problem = _parse_count(v)
        if report and (r, col.index) in grid.formula_blanks:
            problem = (
                "a formula with no saved result where a count belongs (open the file in Excel "
                "and save it, or type the value)"
            )
        if report and problem:
            problems.append(grid.problem(f"{col.label}: {problem}", r, col.index))
        parsed[(r, col.index)] = (number, suppressed)
        return number, suppressed

    records: list[dict] = []
    registry_mismatch: list[str] = []
    registry = councils().set_index("council_code")["seats_2022"]
    total_mismatch: list[str] = []
    for r, code in codes.items():
        election = years[r]
        seats = None
        if seats_cols:
            seats, suppressed = value_at(r, seats_cols[0])
            if seats is None and (r, seats_cols[0].index) not in grid.formula_blanks:
                if grid.value(r, seats_cols[0].index) is None or suppressed:
                    problems.append(
                        grid.problem(
                            f"seats missing for {council_name(code)}: every count needs the "
                            "council's seats as its base",
                            r,
                            seats_cols[0].index,
                        )
                    )
        for col in total_cols:
            value, _ = value_at(r, col)
            if seats is None and not seats_cols:
                seats = value
            elif value is not None and seats is not None and value != seats:
                total_mismatch.append(f"{cell_ref(r, col.index)} ({col.label}) {value} vs {seats}")
        if seats is not None and election == 2022 and int(registry[code]) != seats:
            where_seats = seats_cols[0].index if seats_cols else total_cols[0].index
            registry_mismatch.append(
                f"{council_name(code)} {seats} in {cell_ref(r, where_seats)} "
                f"(registry {int(registry[code])})"
            )
        exec_size = value_at(r, exec_cols[0])[0] if exec_cols else None
        if exec_size is not None and seats is not None and exec_size > seats:
            problems.append(
                grid.problem(
                    f"cabinet size {exec_size} is more than the {seats} seats",
                    r,
                    exec_cols[0].index,
                )
            )
        by_measure: dict[str, list[tuple[_Col, int | None, bool]]] = {}
        for col in count_cols:
            number, suppressed = value_at(r, col)
            by_measure.setdefault(col.measure, []).append((col, number, suppressed))
        if seats_fallback and election == 2022:
            seats = int(registry[code])
        elif seats_fallback and "sex" in by_measure:
            sexes = [n for _, n, _ in by_measure["sex"]]
            if sexes and None not in sexes:
                seats = sum(sexes)
            else:
                problems.append(
                    grid.problem(
                        f"no seats column, and the sex counts of {council_name(code)} are "
                        "incomplete, so its seats (the base of its counts) are not known",
                        r,
                    )
                )
        if "executive_sex" in by_measure and not exec_cols:
            values = [n for _, n, _ in by_measure["executive_sex"]]
            exec_size = None if any(n is None for n in values) else sum(values)
        for m, items in by_measure.items():
            base = exec_size if m == "executive_sex" else seats
            present = sum(n for _, n, _ in items if n is not None)
            if base is not None and present > base:
                cells = ", ".join(cell_ref(r, c.index) for c, _, _ in items)
                what = "cabinet size" if m == "executive_sex" else "seats"
                problems.append(
                    grid.problem(
                        f"the {MEASURES[m].label.lower()} groups add up to {present} ({cells}), "
                        f"more than the {base} {what}",
                        r,
                    )
                )
            for col, number, suppressed in items:
                records.append(
                    _record(election, code, m, col.group, number, base, suppressed, grid, r, col)
                )
        for col in leader_cols:
            sex, suppressed, problem = _parse_leader(grid.value(r, col.index), col.kind != "leader")
            if problem:
                problems.append(grid.problem(problem, r, col.index))
            for group in ("Female", "Male"):
                number = None if sex is None else int(sex == group)
                records.append(
                    _record(
                        election, code, "leader_sex", group, number, 1, suppressed, grid, r, col
                    )
                )

    # a "Leader" column holding names, not sexes, is not the leader's sex: report it as unused
    for col in leader_cols:
        if col.kind == "leader" and not any(
            _parse_leader(grid.value(r, col.index), False)[0] for r in codes
        ):
            problems[:] = [p for p in problems if not p.cell or not _in_column(p.cell, col.index)]
            records[:] = [
                x for x in records if not (x["measure"] == "leader_sex" and x["_col"] == col.index)
            ]
            col.kind = "unknown"

    # unlabelled rows: a sum row (of its election's councils, below them) without its label is a
    # total; anything else is an error
    for r in unlabelled:
        group = councils_of(years[r])
        sums_match = True
        any_value = False
        for col in value_cols:
            v = grid.value(r, col.index)
            if v is None:
                continue
            any_value = True
            number, _, problem = _parse_count(v)
            column = [value_at(k, col, report=False)[0] for k in group]
            if problem or None in column or number != sum(column):
                sums_match = False
        if any_value and sums_match and group and r > max(group):
            rows.exclude(r, "total")
            totals.append(r)
        else:
            problems.append(
                grid.problem(
                    f"no council name in {cell_ref(r, council_col.index)} but the row holds "
                    f"values ({_row_text(grid, r)})",
                    r,
                    council_col.index,
                )
            )

    if not rows.councils and not problems:
        problems.append(grid.problem("no data rows below the header", header_row))

    # cross-checks (warnings) --------------------------------------------------------------------
    for r in totals:
        group = councils_of(years[r])
        in_election = f" in {years[r]}" if layout.election_col and years[r] else ""
        for col in value_cols:
            number, _, problem = _parse_count(grid.value(r, col.index))
            if number is None or problem:
                continue
            column = [value_at(k, col, report=False)[0] for k in group]
            if None in column:
                continue
            if sum(column) != number:
                total_mismatch.append(
                    f"{cell_ref(r, col.index)} ({col.label}) says {number} but the councils "
                    f"add up to {sum(column)}{in_election}"
                )
    if total_mismatch:
        notes.append("totals do not match: " + "; ".join(total_mismatch))
    if registry_mismatch:
        notes.append(
            "seats differ from the 2022 seats in the council registry (boundaries change; "
            "check the figures): " + "; ".join(registry_mismatch)
        )
    pct_notes = _check_percentages(
        grid, codes, pct_cols, count_cols, exec_cols, seats_cols, value_at
    )
    if pct_notes:
        notes.append(pct_notes)
    unused = [c for c in layout.cols if c.kind == "unknown"]
    unmatched_pct = [
        c
        for c in pct_cols
        if not any((x.measure, x.group) == (c.measure, c.group) for x in count_cols)
    ]
    unused += unmatched_pct
    unused += [
        _Col(c, "(no header)", "unknown")
        for c in range(grid.n_cols)
        if cols[c].kind == "empty" and any(grid.value(r, c) is not None for r in codes)
    ]
    if unused:
        notes.append(
            "columns not loaded (not recognised; map them with columns={header: (measure, "
            "group)} or 'ignore'): "
            + ", ".join(f"{c.label!r} (column {column_letter(c.index)})" for c in unused)
        )

    account = (
        RowAccount(
            file=grid.file,
            rows_read=max(grid.n_rows - layout.first_data_row, 0),
            rows_kept=len(loaded),
            excluded=tuple(rows.excluded),
        )
        if not problems
        else None
    )
    for rec in records:
        rec.pop("_col", None)
    elections = {y for r in rows.councils if (y := years[r]) is not None}
    return _SheetResult(records, account, elections), problems, notes  # type: ignore[arg-type]


def _blank_columns(grid: Grid, cols: list[_Col], codes: Mapping[int, str]) -> list[_Col]:
    """The columns with no value (not even a formula) in any council's row."""
    return [
        col
        for col in cols
        if codes
        and all(
            grid.value(r, col.index) is None and (r, col.index) not in grid.formula_blanks
            for r in codes
        )
    ]


def _blank_note(cols: list[_Col]) -> str:
    named = ", ".join(f"{column_letter(c.index)} ({c.label!r})" for c in cols)
    if len(cols) == 1:
        return f"column {named} is blank for every council, so it is not loaded"
    return f"columns {named} are blank for every council, so they are not loaded"


def _in_column(cell: str, index: int) -> bool:
    return re.fullmatch(rf"{column_letter(index)}\d+", cell) is not None


def _record(
    election: int,
    code: str,
    measure: str,
    group: str,
    count: int | None,
    base: int | None,
    suppressed: bool,
    grid: Grid,
    r: int,
    col: _Col,
) -> dict:
    return {
        "election": election,
        "council_code": code,
        "measure": measure,
        "group": group,
        "count": count,
        "base": base,
        "suppressed": suppressed,
        "source": _where(grid, r, col.index),
        "_col": col.index,
    }


def _check_percentages(grid, codes, pct_cols, count_cols, exec_cols, seats_cols, value_at) -> str:
    off: list[str] = []
    for pcol in pct_cols:
        ccol = next(
            (c for c in count_cols if (c.measure, c.group) == (pcol.measure, pcol.group)), None
        )
        if ccol is None:
            continue
        values = {r: _parse_percent(grid.value(r, pcol.index)) for r in codes}
        numbers = [v for v in values.values() if v is not None]
        fractions = bool(numbers) and all(v <= 1 for v in numbers)
        base_col = exec_cols[0] if pcol.measure == "executive_sex" and exec_cols else None
        base_col = base_col or (seats_cols[0] if seats_cols else None)
        if base_col is None:
            continue
        for r, pct in values.items():
            if pct is None:
                continue
            count = value_at(r, ccol, report=False)[0]
            base = value_at(r, base_col, report=False)[0]
            if count is None or not base:
                continue
            stated = pct * 100 if fractions else pct
            if abs(100 * count / base - stated) > 1:
                off.append(
                    f"{cell_ref(r, pcol.index)} says {stated:.1f}% but {count} of {base} is "
                    f"{100 * count / base:.1f}%"
                )
    if not off:
        return ""
    return "percentages do not match the counts (over 1 point): " + "; ".join(off)


# ---------------------------------------------------------------------------------------------
# Public entry point
# ---------------------------------------------------------------------------------------------


def _year_in(text: str | None) -> int | None:
    if not text:
        return None
    years = set(_YEAR.findall(text))
    return int(years.pop()) if len(years) == 1 else None


def _normalise_columns(columns: Mapping[str, object] | None, name: str) -> dict[str, object]:
    out: dict[str, object] = {}
    for header, target in (columns or {}).items():
        if isinstance(target, str):
            role = target.strip().lower()
            aliases = {
                "ignore": "ignore",
                "seats": "seats",
                "council": "council",
                "code": "code",
                "executive_size": "exec_size",
                "cabinet_size": "exec_size",
                "leader_sex": "leader",
                "election": "election",
                "year": "election",
            }
            if role not in aliases:
                raise DataError(
                    Problem(
                        f"columns={{{header!r}: {target!r}}}: use (measure, group), 'ignore', "
                        "'seats', 'council', 'executive_size', 'leader_sex' or 'election'",
                        name,
                    )
                )
            out[_key(header)] = aliases[role]
            continue
        try:
            measure, group = target  # type: ignore[misc]
        except (TypeError, ValueError):
            raise DataError(
                Problem(f"columns={{{header!r}: {target!r}}}: expected (measure, group)", name)
            ) from None
        if measure not in MEASURES or group not in MEASURES[measure].groups:
            known = (
                ", ".join(MEASURES[measure].groups)
                if measure in MEASURES
                else "measures: " + ", ".join(MEASURES)
            )
            raise DataError(
                Problem(
                    f"columns={{{header!r}: {target!r}}}: unknown measure or group ({known})", name
                )
            )
        out[_key(header)] = (measure, group)
    return out


def load_review(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    election: int | None = None,
    columns: Mapping[str, object] | None = None,
) -> pd.DataFrame:
    """Load a WLGA-style post-election review spreadsheet (a row per council) as tidy counts.

    Parameters
    ----------
    path : str or Path
        ``.xlsx``, ``.xlsm``, ``.ods`` or ``.csv`` (the format is told from the bytes).
    sheet : str or int, optional
        Only this sheet (name, or 0-based position). By default every sheet holding a council
        table loads; sheets without one ("Read me", "Notes") are skipped.
    election : int, optional
        The election year. Picks the sheet whose name holds that year (or the only table sheet
        when no sheet name holds a year), and in a table with an election column the rows of
        that election. By default the year comes from the sheet name, else the file name.
        A table may keep several elections in one sheet with an election column ("Election",
        "Year", "Election year", "Blwyddyn", "Etholiad" ...; cells 2022, "May 2022" or a date):
        each row then belongs to its own election, whatever year the sheet or file name holds,
        and every election in the column loads unless ``election`` picks one.
    columns : mapping, optional
        Header text -> ``(measure, group)``, or ``"ignore"``, ``"seats"``, ``"council"``,
        ``"executive_size"``, ``"leader_sex"``, ``"election"``, for headers the built-in
        synonyms miss.

    Returns
    -------
    DataFrame
        Columns ``election`` (Int64), ``council_code``, ``council``, ``measure``, ``group``
        (str), ``count``, ``base`` (Int64), ``suppressed`` (bool), ``source`` (str,
        ``"file.xlsx!Sheet!C7"``); one row per election, council, measure and group, councils
        in ONS code order. ``attrs["row_account"]`` is a
        :class:`~diversity_review.errors.RowAccount` of the rows below each header: rows read =
        rows kept + rows excluded (blank, total, subtotal, footnote, repeated header, other
        election).

    Raises
    ------
    NoTableError
        No sheet holds a council table (e.g. a member survey export).
    DataError
        Every problem in a sheet together, each naming file, sheet and cell: unknown councils or
        a council twice in one election, negative, fractional or text counts, groups adding up
        to more than the seats, missing seats, no data rows, no year for a sheet, a blank or
        unreadable election cell, an ``election`` no sheet or election column holds, damaged
        files.

    Warns
    -----
    DataWarning
        Columns not recognised (listed with their letters), count columns left blank for every
        council (not loaded: no rows of NA for a group nobody filled in; a blank cell in a
        column filled for other councils is still a count of NA), totals or percentages that
        do not match the councils' counts (each election's totals against its own councils),
        2022 seats that differ from the council registry.

    Examples
    --------
    >>> counts = load_review("data/raw/wlga_review_synthetic.xlsx")  # doctest: +SKIP
    >>> counts.query("measure == 'sex' and group == 'Female'")["count"].sum()  # doctest: +SKIP
    """
    path = Path(path)
    name = display_name(path)
    if election is not None:
        try:
            election = int(election)
        except (TypeError, ValueError):
            raise DataError(Problem(f"election must be a year, not {election!r}", name)) from None
    mapping = _normalise_columns(columns, name)
    grids = read_grids(path, [sheet] if isinstance(sheet, str) else None)
    if isinstance(sheet, int):
        if not -len(grids) <= sheet < len(grids):
            raise DataError(Problem(f"no sheet number {sheet}: there are {len(grids)}", name))
        grids = [grids[sheet]]

    tables: list[tuple[Grid, _Layout]] = []
    reasons: list[Problem] = []
    for grid in grids:
        layout, hint = _find_header(grid, mapping)
        if layout is None:
            reasons.append(
                grid.problem(
                    hint
                    or "no council table: no header row (in the first 30 rows) with a council "
                    "column (Council, Authority, Local authority, Cyngor, Awdurdod) and count "
                    "columns (Female, Male, White, Ethnic minority, 60+, New ...)"
                )
            )
        else:
            tables.append((grid, layout))
    if not tables:
        raise NoTableError(reasons)

    if election is not None and sheet is None and any(g.sheet is not None for g, _ in tables):
        # a sheet named for the election, or any table with an election column (its rows say)
        matching = [
            t for t in tables if t[1].election_col is not None or _year_in(t[0].sheet) == election
        ]
        if matching:
            tables = matching
        elif not (len(tables) == 1 and _year_in(tables[0][0].sheet) is None):
            listed = ", ".join(repr(g.sheet) for g, _ in tables)
            raise DataError(
                Problem(
                    f"no sheet for the {election} election: the sheets with a council table are "
                    f"{listed}; pass sheet=",
                    name,
                )
            )

    results: list[_SheetResult] = []
    for grid, layout in tables:
        year = election or _year_in(grid.sheet) or _year_in(path.stem)
        if year is None and layout.election_col is None:
            raise DataError(
                grid.problem(
                    "cannot tell which election this sheet is (no year in the sheet or file "
                    "name): pass election=, e.g. load_review(path, election=2022)"
                )
            )
        result, problems, notes = _load_sheet(grid, layout, year, wanted=election)
        if problems:
            raise DataError(problems)
        where = Problem("", grid.file, grid.sheet).location()
        for note in notes:
            warnings.warn(f"{where}: {note}", DataWarning, stacklevel=2)
        results.append(result)
    if election is not None and not any(election in res.elections for res in results):
        raise DataError(_no_such_election(election, tables, results))

    unused = set(mapping) - set().union(*(layout.overrides_used for _, layout in tables))
    if unused:
        warnings.warn(
            f"{name}: columns= names headers not found in the table: {', '.join(sorted(unused))}",
            DataWarning,
            stacklevel=2,
        )
    frame = _frame([rec for res in results for rec in res.records])
    dupes = frame[frame.duplicated(["election", "council_code", "measure", "group"], keep=False)]
    if len(dupes):
        raise DataError(
            [
                Problem(
                    f"{row.council} {row.election} {row.measure} / {row.group} is given twice "
                    f"(also in another sheet); choose one with sheet=",
                    name,
                    cell=str(row.source),
                )
                for row in dupes.itertuples()
            ][:10]
        )
    frame.attrs["row_account"] = RowAccount.combine([res.account for res in results])
    return frame


def _no_such_election(
    election: int, tables: list[tuple[Grid, _Layout]], results: list[_SheetResult]
) -> list[Problem]:
    """Each election column that lacks ``election``, with the years it holds."""
    problems = []
    for (grid, layout), res in zip(tables, results, strict=True):
        col = layout.election_col
        if col is not None:
            years = ", ".join(map(str, sorted(res.elections))) or "none"
            problems.append(
                grid.problem(
                    f"no rows for the {election} election: the {col.label!r} column holds "
                    f"{years}; pass one of them as election=",
                    layout.header_rows[-1],
                    col.index,
                )
            )
    return problems


def _frame(records: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=[c for c in COLUMNS if c != "council"])
    table = councils()
    names = dict(zip(table["council_code"], table["name_en"], strict=True))
    frame.insert(2, "council", frame["council_code"].map(names))
    measure_order = {m: i for i, m in enumerate(MEASURES)}
    group_order = {(m, g): i for m, spec in MEASURES.items() for i, g in enumerate(spec.groups)}
    order = frame.assign(
        _m=frame["measure"].map(measure_order),
        _g=[group_order.get(k, 99) for k in zip(frame["measure"], frame["group"], strict=True)],
    ).sort_values(["election", "council_code", "_m", "_g"], kind="stable")
    frame = frame.loc[order.index].reset_index(drop=True)
    return frame.astype(
        {
            "election": "Int64",
            "council_code": "str",
            "council": "str",
            "measure": "str",
            "group": "str",
            "count": "Int64",
            "base": "Int64",
            "suppressed": "bool",
            "source": "str",
        }
    )
