"""Atom feed (RFC 4287) of the changes in decisions and agenda.

Ids are ``urn:uuid`` values derived from the commit and the file (entries) or from a fixed
name (the feed), so they are the same in every build of the same history and do not change
when the site moves to another address.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:beschermd-wonen-noord-midden-limburg:wijzigingen")
# An empty feed still needs an <updated>; a fixed date keeps such builds identical.
EPOCH = date(2019, 1, 1)
# Characters XML 1.0 forbids (most control characters, surrogates, U+FFFE/U+FFFF).
# ElementTree writes them as they are and the feed is then no XML at all; the loaders refuse
# them, but a summary from an old commit or a future field must not break every reader.
NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text that XML 1.0 can carry: each forbidden character becomes U+FFFD."""
    return NOT_XML.sub("\ufffd", text)


@dataclass(frozen=True)
class FeedEntry:
    key: str  # commit/path: the stable part of the id
    day: date
    title: str
    url: str  # absolute


def _stamp(day: date) -> str:
    return datetime.combine(day, time(), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def stable_id(key: str) -> str:
    return uuid.uuid5(NAMESPACE, key).urn


def atom_feed(
    *, title: str, author: str, page_url: str, feed_url: str, entries: Iterable[FeedEntry]
) -> bytes:
    """The feed as UTF-8 XML; ``entries`` newest first."""
    entries = list(entries)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: "nl"})

    def add(
        parent: ET.Element, name: str, text: str | None = None, **attributes: str
    ) -> ET.Element:
        safe = {key: xml_text(value) for key, value in attributes.items()}
        element = ET.SubElement(parent, f"{{{ATOM}}}{name}", safe)
        element.text = None if text is None else xml_text(text)
        return element

    add(feed, "id", stable_id("feed"))
    add(feed, "title", title)
    add(feed, "updated", _stamp(max((entry.day for entry in entries), default=EPOCH)))
    add(add(feed, "author"), "name", author)
    add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    add(feed, "link", rel="alternate", type="text/html", href=page_url)
    for entry in entries:
        item = add(feed, "entry")
        add(item, "id", stable_id(entry.key))
        add(item, "title", entry.title)
        add(item, "updated", _stamp(entry.day))
        add(item, "link", rel="alternate", type="text/html", href=entry.url)
    # typeshed types tostring with an encoding name as Any: "unicode" would give text.
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data
