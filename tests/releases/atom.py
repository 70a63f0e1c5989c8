"""An Atom (RFC 4287) conformance check for the crawler feed: the constraints the spec
states with MUST, as far as a feed of text entries can break them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

NS = "{http://www.w3.org/2005/Atom}"
# RFC 3339 date-time (section 3.3 of RFC 4287 requires it, with an upper-case T and Z).
DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})\Z")
# RFC 4151: tag:<authority>,<date>:<specific>
TAG_URI = re.compile(
    r"tag:([a-z0-9-]+(\.[a-z0-9-]+)*|[^@\s]+@[a-z0-9-]+(\.[a-z0-9-]+)*),"
    r"\d{4}(-\d{2}(-\d{2})?)?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*\Z"
)
TEXT_TYPES = {"text", "html", "xhtml"}


def _one(parent: ET.Element, tag: str, where: str, problems: list[str]) -> ET.Element | None:
    found = parent.findall(NS + tag)
    if len(found) != 1:
        problems.append(f"{where} has {len(found)} atom:{tag} elements; exactly one is required")
        return None
    return found[0]


def _at_most_one(
    parent: ET.Element, tags: tuple[str, ...], where: str, problems: list[str]
) -> None:
    for tag in tags:
        if len(parent.findall(NS + tag)) > 1:
            problems.append(f"{where} has more than one atom:{tag}")


def _iri(value: str | None, what: str, problems: list[str]) -> None:
    if not value or not urlsplit(value).scheme:
        problems.append(f"{what} {value!r} is not an absolute IRI")
    elif value.startswith("tag:") and not TAG_URI.match(value):
        problems.append(f"{what} {value!r} is not a valid tag URI (RFC 4151)")


def _date(element: ET.Element | None, what: str, problems: list[str]) -> None:
    if element is not None and not DATE_TIME.match(element.text or ""):
        problems.append(f"{what} {element.text!r} is not an RFC 3339 date-time")


def _text(element: ET.Element | None, what: str, problems: list[str]) -> None:
    if element is not None and element.get("type", "text") not in TEXT_TYPES:
        problems.append(f"{what} has an unknown type {element.get('type')!r}")


def _links(parent: ET.Element, where: str, problems: list[str]) -> None:
    alternates: set[tuple[str | None, str | None]] = set()
    for link in parent.findall(NS + "link"):
        if not link.get("href"):
            problems.append(f"{where} has an atom:link without href")
        if link.get("rel", "alternate") == "alternate":
            key = (link.get("type"), link.get("hreflang"))
            if key in alternates:
                problems.append(f"{where} has two alternate links with the same type and hreflang")
            alternates.add(key)
        if link.get("rel") == "self":
            _iri(link.get("href"), f"{where} self link", problems)


def _has_author(parent: ET.Element) -> bool:
    return any(a.find(NS + "name") is not None for a in parent.findall(NS + "author"))


def atom_problems(data: bytes) -> list[str]:
    """Every RFC 4287 violation found in a feed document."""
    problems: list[str] = []
    feed = ET.fromstring(data)
    if feed.tag != NS + "feed":
        return [f"the root element is {feed.tag}, not atom:feed"]
    for tag in ("id", "title", "updated"):
        _one(feed, tag, "atom:feed", problems)
    _at_most_one(feed, ("generator", "icon", "logo", "rights", "subtitle"), "atom:feed", problems)
    feed_id = feed.find(NS + "id")
    _iri(feed_id.text if feed_id is not None else None, "atom:feed/atom:id", problems)
    _date(feed.find(NS + "updated"), "atom:feed/atom:updated", problems)
    _text(feed.find(NS + "title"), "atom:feed/atom:title", problems)
    _links(feed, "atom:feed", problems)
    for author in feed.findall(NS + "author"):
        _one(author, "name", "atom:feed/atom:author", problems)
    entries = feed.findall(NS + "entry")
    if not _has_author(feed) and not all(_has_author(e) for e in entries):
        problems.append("atom:feed has no atom:author and not every entry has one")
    ids: set[str] = set()
    for index, entry in enumerate(entries, 1):
        where = f"atom:entry #{index}"
        for tag in ("id", "title", "updated"):
            _one(entry, tag, where, problems)
        _at_most_one(
            entry, ("content", "published", "rights", "source", "summary"), where, problems
        )
        entry_id = entry.find(NS + "id")
        text = entry_id.text if entry_id is not None else None
        _iri(text, f"{where} atom:id", problems)
        if text in ids:
            problems.append(f"{where} repeats the id {text}")
        ids.add(text or "")
        _date(entry.find(NS + "updated"), f"{where} atom:updated", problems)
        _text(entry.find(NS + "title"), f"{where} atom:title", problems)
        _links(entry, where, problems)
        content = entry.find(NS + "content")
        has_alternate = any(
            link.get("rel", "alternate") == "alternate" for link in entry.findall(NS + "link")
        )
        if content is None and not has_alternate:
            problems.append(f"{where} has neither atom:content nor an alternate link")
        if content is not None and content.get("src") and entry.find(NS + "summary") is None:
            problems.append(f"{where} has out-of-line content but no atom:summary")
        _text(content, f"{where} atom:content", problems)
    return problems


def entries(data: bytes) -> list[dict[str, str]]:
    """The feed's entries as id, title, updated and content text."""
    feed = ET.fromstring(data)
    return [
        {tag: (entry.findtext(NS + tag) or "") for tag in ("id", "title", "updated", "content")}
        for entry in feed.findall(NS + "entry")
    ]
