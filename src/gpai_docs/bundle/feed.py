"""The Atom feed (RFC 4287) of crawler changes: one entry per change, per release.

Everything in the feed derives from the releases, never from the clock: entry ids are
``tag:`` URIs (RFC 4151) built from the model slug, the release version and the crawler,
and ``updated`` is the release date, so regenerating the feed gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from urllib.parse import urlsplit

from gpai_docs.bundle.crawlers import PROTOCOLS, Snapshot, SubjectChange, Timeline, feed_url
from gpai_docs.escaping import WEB_SCHEMES, safe_href, xml_chars

ATOM = "http://www.w3.org/2005/Atom"
FALLBACK_AUTHORITY = "gpai-docs.invalid"
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_DNS = re.compile(rf"(?=.{{1,253}}\Z){_LABEL}(?:\.{_LABEL})*\Z")
_UNSAFE = re.compile(r"[^a-z0-9._-]+")
_VERB = {"added": "added", "changed": "changed", "removed": "no longer used"}


def timestamp(day: dt.date) -> str:
    """A release date as an RFC 3339 date-time (midnight UTC)."""
    return f"{day.isoformat()}T00:00:00Z"


def _candidate_hosts(snapshot: Snapshot) -> Iterator[str | None]:
    reservation = snapshot.policy.rights_reservation
    yield urlsplit(getattr(reservation.change_notification, "url", "") or "").hostname
    if isinstance(reservation.crawlers, list):
        for crawler in reservation.crawlers:
            yield urlsplit(crawler.info_url).hostname
    contact = snapshot.policy.contact.point_of_contact
    yield urlsplit(getattr(contact, "url", None) or "").hostname
    email = getattr(contact, "email", None)
    yield email.rpartition("@")[2] if isinstance(email, str) and "@" in email else None


def authority(snapshots: tuple[Snapshot, ...]) -> str:
    """The tag authority: the provider's own domain, taken from the earliest release.

    The earliest release never changes, so ids stay stable as releases are added.
    """
    for snapshot in snapshots:
        for host in _candidate_hosts(snapshot):
            if host and _DNS.match(host.lower()):
                return host.lower()
    return FALLBACK_AUTHORITY


def _token(text: str) -> str:
    """A crawler name as a URI segment; names that had to change get a hash, so two
    crawlers never share an id. Case is folded: robots.txt matches product tokens
    case-insensitively, so names differing only in case are one crawler to a site."""
    token = _UNSAFE.sub("-", text.lower()).strip("-.")
    if token == text.lower():
        return token
    return f"{token or 'crawler'}-{hashlib.sha256(text.encode()).hexdigest()[:8]}"


def feed_id(slug: str, line: Timeline) -> str:
    first = line.snapshots[0].released_on.isoformat()
    return f"tag:{authority(line.snapshots)},{first}:{slug}/crawlers"


def entry_id(slug: str, line: Timeline, change: SubjectChange) -> str:
    first = line.snapshots[0].released_on.isoformat()
    subject = "protocols" if change.subject == PROTOCOLS else f"crawler/{_token(change.title)}"
    return f"tag:{authority(line.snapshots)},{first}:{slug}/{change.version}/{subject}"


def _one_line(text: str | None) -> str:
    return " ".join((text or "(none)").split())


def entry_title(change: SubjectChange) -> str:
    if change.subject == PROTOCOLS:
        verb = "published" if change.kind == "added" else _VERB[change.kind]
        return f"Protocols honoured {verb} in release {change.version}"
    return f"Crawler {_one_line(change.title)} {_VERB[change.kind]} in release {change.version}"


def entry_text(change: SubjectChange) -> str:
    """The change as lines, one per fact: a line break in a value is a space, so a value
    cannot pose as a fact of its own, here or on the crawler page."""
    lines = [f"{entry_title(change)} ({change.released_on})."]
    for fact in change.facts:
        if change.kind == "changed":
            lines.append(f"{fact.label}: {_one_line(fact.old)} -> {_one_line(fact.new)}")
        else:
            lines.append(
                f"{fact.label}: {_one_line(fact.new if change.kind == 'added' else fact.old)}"
            )
    return "\n".join(lines)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    # ElementTree escapes markup but writes a NUL or U+FFFF as it is, which no XML parser
    # accepts: every value goes through xml_chars first.
    element = ET.SubElement(parent, tag, {k: xml_chars(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_chars(text)
    return element


def atom_feed(slug: str, line: Timeline, *, tool_version: str) -> bytes:
    """The feed document, newest entry first."""
    latest = line.latest
    # The namespace is declared as a plain attribute: ElementTree's default_namespace
    # option refuses the unqualified attributes Atom uses (rel, href, type).
    root = ET.Element("feed", {"xmlns": ATOM})
    _sub(root, "id", feed_id(slug, line))
    _sub(root, "title", f"Crawler information: {latest.model_name}")
    _sub(
        root,
        "subtitle",
        "Changes to the crawlers used to collect training data and to the rights "
        "reservations they honour (Code of Practice, Copyright chapter, Measure 1.3).",
    )
    newest = max([c.released_on for c in line.changes] + [latest.released_on])
    _sub(root, "updated", timestamp(newest))
    author = _sub(root, "author")
    _sub(author, "name", latest.provider or latest.model_name)
    # Feed readers make links clickable: only web links are published.
    self_url = safe_href(feed_url(line.snapshots) or "", schemes=WEB_SCHEMES)
    if self_url:
        _sub(root, "link", rel="self", type="application/atom+xml", href=self_url)
    _sub(root, "generator", "gpai-docs", version=tool_version)
    ordered = sorted(
        enumerate(line.changes), key=lambda pair: (pair[1].released_on, pair[0]), reverse=True
    )
    for _, change in ordered:
        entry = _sub(root, "entry")
        _sub(entry, "id", entry_id(slug, line, change))
        _sub(entry, "title", entry_title(change))
        _sub(entry, "updated", timestamp(change.released_on))
        related = safe_href(change.link or "", schemes=WEB_SCHEMES)
        if related:
            _sub(entry, "link", rel="related", href=related)
        _sub(entry, "content", entry_text(change), type="text")
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
