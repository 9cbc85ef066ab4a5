"""XML from the network, parsed with DTDs, entity declarations and external references refused.

A reply that declares entities can expand a few hundred bytes into gigabytes ("billion
laughs") or make the parser fetch other files; no web-service reply needs either, so both are
refused (``defusedxml``, with DTDs forbidden too). Namespaces are set aside: elements are
found by their local names, whatever namespace an installation puts them in.

Examples
--------
>>> root = parse_xml(b"<a xmlns='urn:x'><b>1</b><b>2</b></a>", "example")
>>> [text(b) for b in children(root, "b")]
['1', '2']
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

from ..errors import DataError, Problem

__all__ = ["parse_xml", "local_name", "children", "child", "text"]


def parse_xml(data: bytes, source: str) -> Element:
    """The root element of ``data``; a :class:`DataError` naming ``source`` if it is not
    well-formed XML (``xml-malformed``) or declares a DTD or entities (``xml-refused``)."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise DataError(
            Problem(
                f"{source}: refused: the reply declares a DTD or entities, which no web-service "
                "reply needs (it could expand without limit)",
                code="xml-refused",
            )
        ) from None
    except ParseError as exc:
        line, column = getattr(exc, "position", (None, None))
        where = f" (line {line}, column {column})" if line else ""
        raise DataError(
            Problem(f"{source}: the reply is not well-formed XML{where}", code="xml-malformed")
        ) from None


def local_name(element: Element) -> str:
    """The tag without its namespace (``{urn:x}ward`` -> ``ward``), lower case."""
    return element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""


def children(element: Element, name: str) -> Iterator[Element]:
    """The direct children called ``name`` (any namespace, any case)."""
    return (c for c in element if local_name(c) == name)


def child(element: Element, name: str) -> Element | None:
    """The first direct child called ``name``, else None."""
    return next(children(element, name), None)


def text(element: Element | None, name: str | None = None, *, lines: bool = False) -> str | None:
    """The text of ``element`` (or of its child ``name``) with its spaces squashed (each line
    apart with ``lines=True``); None when empty."""
    if element is not None and name is not None:
        element = child(element, name)
    if element is None or element.text is None:
        return None
    parts = element.text.splitlines() if lines else [element.text]
    value = "\n".join(" ".join(p.split()) for p in parts if p.strip())
    return value or None
