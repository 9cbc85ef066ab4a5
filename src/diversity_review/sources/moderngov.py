"""Modern.Gov's web service: a council's members by ward, as a councillor roster.

Most Welsh councils publish their members through Modern.Gov, whose web service
(``https://<host>/mgWebService.asmx``, in Welsh ``mgWebServiceW.asmx``) answers
``GetCouncillorsByWard`` with XML shaped ``councillorsbyward / wards / ward / { wardtitle,
councillors / councillor* }``. Each councillor gives an id, a name, a party, a political group
and free-text ``keyposts``, which :func:`~diversity_review.load.roster_words.parse_key_posts`
reads into roles. The service holds no sex, age or ethnicity: characteristics come from
members themselves, added by officers in the roster workbook.

Only what the roster needs is read: e-mail addresses, postal addresses and photos in the
reply are never read.

Examples
--------
>>> service_url("cardiff.moderngov.co.uk", "cy")
'https://cardiff.moderngov.co.uk/mgWebServiceW.asmx'
>>> service_url("http://127.0.0.1:8080/cardiff/mgWebService.asmx")
'http://127.0.0.1:8080/cardiff/mgWebService.asmx'
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..councils import council_name, moderngov_host
from ..errors import DataError, Problem, display_name
from ..load.roster import ROLES, roster_frame
from ..load.roster_words import parse_key_posts
from ..text import fold
from .http import Client, HttpError
from .safe_xml import child, children, local_name, parse_xml, text

__all__ = [
    "SERVICES",
    "METHOD",
    "Member",
    "service_url",
    "method_url",
    "parse_members",
    "fetch_members",
    "read_members",
    "members_roster",
    "fetch_roster",
]

#: the English and Welsh web services of an installation
SERVICES = {"en": "mgWebService.asmx", "cy": "mgWebServiceW.asmx"}
METHOD = "GetCouncillorsByWard"
# what an installation says when it lacks a method (folded)
_NO_METHOD = ("method name is not valid", "request format is unrecognized", "unknown web method")


@dataclass(frozen=True)
class Member:
    """One councillor as the web service lists them (no contact details, no photo)."""

    ward: str
    member_id: str | None = None
    name: str | None = None
    party: str | None = None
    group: str | None = None
    key_posts: str | None = None


def service_url(where: str, lang: str = "en") -> str:
    """The web service address of an installation, given its host or any address on it.

    A bare host means ``https``. An address ending in a service (``.../mgWebService.asmx``)
    has its service swapped for the language's; any other address has the service added.
    """
    if lang not in SERVICES:
        raise ValueError(f"lang must be 'en' or 'cy', not {lang!r}")
    where = where.strip()
    if "://" not in where:
        where = f"https://{where}"
    parts = urllib.parse.urlsplit(where)
    path = parts.path
    if path.lower().endswith(".asmx"):
        path = path.rsplit("/", 1)[0]
    elif "/" in path.rstrip("/") and path.lower().rstrip("/").endswith(f"/{METHOD.lower()}"):
        path = path.rstrip("/").rsplit("/", 2)[0]
    path = path.rstrip("/") + "/" + SERVICES[lang]
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def method_url(where: str, lang: str = "en") -> str:
    """The ``GetCouncillorsByWard`` address of an installation."""
    return f"{service_url(where, lang)}/{METHOD}"


def _reply_root(data: bytes, source: str):
    root = parse_xml(data, source)
    # some installations wrap the document as the escaped text of a <string> element
    if local_name(root) == "string" and (root.text or "").lstrip().startswith("<"):
        root = parse_xml(root.text.encode("utf-8"), source)
    if local_name(root) != "councillorsbyward":
        raise DataError(
            Problem(
                f"{source}: not a {METHOD} reply (its root element is <{local_name(root)}>, "
                "not <councillorsbyward>)",
                code="moderngov-bad-reply",
            )
        )
    return root


def parse_members(data: bytes, source: str) -> list[Member]:
    """The councillors in a ``GetCouncillorsByWard`` reply, ward by ward.

    Raises a :class:`DataError` naming ``source`` for a reply that is not well-formed XML, that
    declares entities (refused), that is not this method's reply, whose wards have no title,
    or that lists nobody.
    """
    root = _reply_root(data, source)
    wards = child(root, "wards")
    members = []
    for n, ward in enumerate(children(wards, "ward") if wards is not None else [], start=1):
        title = text(ward, "wardtitle")
        if title is None:
            raise DataError(
                Problem(f"{source}: ward {n} of the reply has no title", code="moderngov-bad-reply")
            )
        listed = child(ward, "councillors")
        for person in children(listed, "councillor") if listed is not None else []:
            members.append(
                Member(
                    ward=title,
                    member_id=text(person, "councillorid"),
                    name=text(person, "fullusername"),
                    party=text(person, "politicalpartytitle"),
                    group=text(person, "politicalgrouptitle"),
                    key_posts=text(person, "keyposts", lines=True),
                )
            )
    if not members:
        raise DataError(
            Problem(f"{source}: the reply lists no councillors", code="moderngov-empty")
        )
    return members


def _no_method(status: int, body: bytes) -> bool:
    said = fold(body[:4096].decode("utf-8", "replace"))
    return status == 404 or any(phrase in said for phrase in _NO_METHOD)


def fetch_members(where: str, *, lang: str = "en", client: Client | None = None) -> list[Member]:
    """The councillors an installation lists (``where``: its host or an address on it)."""
    url = method_url(where, lang)
    try:
        data = (client or Client()).get(url, final=_no_method)
    except HttpError as exc:
        if exc.status is not None and _no_method(exc.status, exc.body):
            raise DataError(
                Problem(
                    f"{url}: no Modern.Gov {METHOD} service here (the server answered "
                    f"{exc.status}); check the host, or use --xml with a saved reply",
                    code="moderngov-no-service",
                )
            ) from None
        raise
    return parse_members(data, url)


def read_members(path: str | Path, *, max_bytes: int = 20_000_000) -> list[Member]:
    """The councillors in a saved ``GetCouncillorsByWard`` reply (an XML file)."""
    path = Path(path)
    name = display_name(path)
    if not path.is_file():
        raise DataError(Problem("file not found", name, code="file-not-found"))
    if path.stat().st_size > max_bytes:
        raise DataError(
            Problem(f"larger than the {max_bytes:,} bytes allowed; refused", name, code="too-large")
        )
    return parse_members(path.read_bytes(), name)


def _wards(members: list[Member]) -> list[list[str]]:
    """Who sits with whom: each ward's members (by id, else name), ward names aside."""
    wards: dict[str, list[str]] = {}
    for m in members:
        wards.setdefault(m.ward, []).append(m.member_id or m.name or "")
    return sorted(sorted(ids) for ids in wards.values())


def _same_members(english: list[Member], welsh: list[Member], source: str) -> None:
    """The Welsh service must list the same councillors, in the same wards, as the English."""
    if _wards(english) != _wards(welsh):
        raise DataError(
            Problem(
                f"{source}: the English and Welsh services list different councillors or wards "
                f"({len(english)} and {len(welsh)} councillors); use one language with --lang",
                code="moderngov-languages-differ",
            )
        )


def _record(member: Member, welsh: Member | None, code: str, election: int, source: str):
    posts = parse_key_posts(member.key_posts)
    posts_cy = parse_key_posts(welsh.key_posts) if welsh is not None else None
    has_posts = member.key_posts is not None or (welsh is not None and welsh.key_posts)
    record = {
        "election": election,
        "council_code": code,
        "ward": member.ward,
        "name": member.name,
        "member_id": member.member_id,
        "party": member.party,
        "group": member.group,
        "portfolio": posts.portfolio or (posts_cy.portfolio if posts_cy else None),
        "key_posts": member.key_posts,
        "source": source,
    }
    for role in ROLES:
        held = getattr(posts, role) or bool(posts_cy and getattr(posts_cy, role))
        # nobody's posts listed: the role is not recorded (NA), not "no"
        record[role] = held or (False if has_posts else None)
    return record


def members_roster(
    members: list[Member],
    council: str,
    *,
    election: int = 2022,
    welsh: list[Member] | None = None,
    source: str = "Modern.Gov",
) -> pd.DataFrame:
    """A roster of ``council`` (an ONS code) from its listed members.

    With ``welsh`` (the Welsh service's list of the same members, matched by id or name), a
    role found in either language's posts counts; ward, party and group are as ``members``
    writes them. Characteristics are "Not known": the service does not hold them.
    """
    by_id = {(m.member_id or m.name): m for m in welsh or []}
    if welsh is not None:
        _same_members(members, welsh, source)
    records = [
        _record(m, by_id.get(m.member_id or m.name), council, election, source) for m in members
    ]
    return roster_frame(records)


def fetch_roster(
    council: str,
    *,
    where: str | None = None,
    xml: str | Path | None = None,
    lang: str = "en",
    election: int = 2022,
    client: Client | None = None,
) -> pd.DataFrame:
    """The roster of ``council`` (an ONS code) from its Modern.Gov service or a saved reply.

    Parameters
    ----------
    council : str
        The council's ONS code.
    where : str, optional
        The installation's host or an address on it; by default the registry's host
        (:func:`~diversity_review.councils.moderngov_host`).
    xml : path, optional
        A saved ``GetCouncillorsByWard`` reply to read instead of fetching.
    lang : {"en", "cy", "both"}
        Which service: English, Welsh, or both (the same members required; roles from
        either; names of wards and parties in English).
    election : int, default 2022
        The election the members were elected at.
    client : Client, optional
        The HTTP client (its policy sets timeouts, retries and the delay between requests).
    """
    if lang not in ("en", "cy", "both"):
        raise ValueError(f"lang must be 'en', 'cy' or 'both', not {lang!r}")
    if xml is not None:
        if lang == "both":
            raise ValueError("a saved reply is in one language: pass lang='en' or 'cy'")
        return members_roster(read_members(xml), council, election=election, source=str(xml))
    where = where or moderngov_host(council)
    if where is None:
        raise DataError(
            Problem(
                f"no Modern.Gov host is known for {council_name(council)}: pass its address",
                code="moderngov-no-host",
            )
        )
    client = client or Client()
    first = "cy" if lang == "cy" else "en"
    members = fetch_members(where, lang=first, client=client)
    welsh = fetch_members(where, lang="cy", client=client) if lang == "both" else None
    source = method_url(where, first)
    return members_roster(members, council, election=election, welsh=welsh, source=source)
