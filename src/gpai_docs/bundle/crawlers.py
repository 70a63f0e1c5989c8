"""The crawler information of a model across its releases, and when each fact changed.

Copyright Measure 1.3 asks providers to publish their crawlers and the rights
reservations they honour, and to notify rightsholders automatically when that changes.
The facts come from the copyright policy kept in each release; comparing consecutive
releases gives one change per crawler (or for the protocols) per release.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from gpai_docs.law import rulepack
from gpai_docs.models import CopyrightPolicy
from gpai_docs.models.answers import NotApplicable, ToBeProvided
from gpai_docs.models.copyright_policy import Protocol

ChangeKind = Literal["added", "changed", "removed"]
PROTOCOLS = "protocols"


@dataclass(frozen=True)
class Snapshot:
    """The copyright policy as one release published it."""

    version: str
    released_on: dt.date
    model_name: str
    provider: str | None
    policy: CopyrightPolicy


@dataclass(frozen=True, slots=True)
class Subject:
    """A crawler, or the protocols honoured by all crawlers, with its facts at one release."""

    key: str
    title: str
    facts: dict[str, str]
    link: str | None


@dataclass(frozen=True, slots=True)
class FactChange:
    label: str
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class SubjectChange:
    """One change: a crawler added, changed or retired, or the protocols changed."""

    version: str
    released_on: dt.date
    subject: str
    title: str
    kind: ChangeKind
    facts: tuple[FactChange, ...]
    link: str | None


@dataclass(frozen=True)
class Timeline:
    """Every change across the releases, and the release in which each current fact began."""

    snapshots: tuple[Snapshot, ...]
    changes: tuple[SubjectChange, ...]
    since: dict[tuple[str, str], tuple[str, dt.date]]
    retired: dict[str, tuple[str, dt.date]]

    @property
    def latest(self) -> Snapshot:
        return self.snapshots[-1]

    def current(self) -> dict[str, Subject]:
        return subjects(self.latest.policy)


def answer_text(value: object) -> str | None:
    """An answer as published text; ``None`` when it is absent."""
    if value is None:
        return None
    if isinstance(value, NotApplicable):
        return "Not applicable" + (f": {value.reason}" if value.reason else "")
    if isinstance(value, ToBeProvided):
        return "To be provided"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


@dataclass(frozen=True, slots=True)
class ProtocolRow:
    """A protocol the crawlers honour, with its status in the opt-out protocol vocabulary."""

    name: str
    status: str
    version: str | None  # the revision the crawlers implement, as the policy states it
    reference: str | None


def protocol_name(protocol: Protocol) -> str:
    return protocol.name or protocol.id or "?"


def protocol_rows(policy: CopyrightPolicy) -> list[ProtocolRow]:
    """The other protocols of a policy with the vocabulary's status of each."""
    others = policy.rights_reservation.other_protocols
    vocabulary = rulepack.load().protocols
    rows = []
    for protocol in others if isinstance(others, list) else []:
        known = vocabulary.get(protocol.id) if protocol.id else None
        status = known.status_text if known else "not in the vocabulary (free text)"
        version = protocol.version
        if version is None and known is not None and known.status == "draft":
            version = "not stated"
        reference = protocol.url or (known.reference if known else None)
        rows.append(ProtocolRow(protocol_name(protocol), status, version, reference))
    return rows


def crawler_key(name: str) -> str:
    return f"crawler:{name}"


def subjects(policy: CopyrightPolicy) -> dict[str, Subject]:
    """The published crawler facts of one copyright policy, keyed by subject."""
    reservation = policy.rights_reservation
    out: dict[str, Subject] = {}
    if isinstance(reservation.crawlers, list):
        for crawler in reservation.crawlers:
            facts = {
                "User agent": crawler.user_agent,
                "robots.txt product token": crawler.robots_token,
                "Purpose": crawler.purpose,
                "Information page": crawler.info_url,
                "In use since": answer_text(crawler.in_use_since),
            }
            out[crawler_key(crawler.name)] = Subject(
                crawler_key(crawler.name),
                crawler.name,
                {k: v for k, v in facts.items() if v is not None},
                crawler.info_url,
            )
    robots = reservation.robots_txt
    protocol_facts: dict[str, str | None] = {
        "Follows robots.txt": answer_text(robots.honoured),
        "robots.txt standard": answer_text(robots.standard),
        "How robots.txt is followed": answer_text(robots.implementation),
    }
    others = reservation.other_protocols
    if isinstance(others, list):
        for protocol, row in zip(others, protocol_rows(policy), strict=True):
            url = f" ({protocol.url})" if protocol.url else ""
            protocol_facts[f"Protocol: {row.name}"] = protocol.implementation + url
            if row.version is not None:
                # A move to another draft revision is a change rightsholders are told of.
                protocol_facts[f"Version implemented: {row.name}"] = row.version
    else:
        protocol_facts["Other protocols"] = answer_text(others)
    out[PROTOCOLS] = Subject(
        PROTOCOLS,
        "Rights-reservation protocols honoured",
        {k: v for k, v in protocol_facts.items() if v is not None},
        None,
    )
    return out


def timeline(snapshots: Sequence[Snapshot]) -> Timeline:
    """Compare consecutive snapshots (oldest first) into a list of changes."""
    changes: list[SubjectChange] = []
    since: dict[tuple[str, str], tuple[str, dt.date]] = {}
    retired: dict[str, tuple[str, dt.date]] = {}
    before: dict[str, Subject] = {}
    for snap in snapshots:
        when = (snap.version, snap.released_on)
        after = subjects(snap.policy)
        for key, subject in after.items():
            old = before.get(key)
            old_facts = old.facts if old else {}
            facts = tuple(
                FactChange(label, old_facts.get(label), subject.facts.get(label))
                for label in _labels(old_facts, subject.facts)
                if old_facts.get(label) != subject.facts.get(label)
            )
            for fact in facts:
                since[(key, fact.label)] = when
            if old is None or facts:
                kind: ChangeKind = "added" if old is None else "changed"
                changes.append(SubjectChange(*when, key, subject.title, kind, facts, subject.link))
                retired.pop(subject.title, None)
        for key, old in before.items():
            if key not in after:
                facts = tuple(FactChange(label, value, None) for label, value in old.facts.items())
                changes.append(SubjectChange(*when, key, old.title, "removed", facts, old.link))
                retired[old.title] = when
        before = after
    return Timeline(tuple(snapshots), tuple(changes), since, retired)


def _labels(old: dict[str, str], new: dict[str, str]) -> list[str]:
    return [*new, *(label for label in old if label not in new)]


def feed_url(snapshots: Sequence[Snapshot]) -> str | None:
    """Where the feed is published: the policy's change-notification address, latest first."""
    for snap in reversed(snapshots):
        notification = snap.policy.rights_reservation.change_notification
        url = getattr(notification, "url", None)
        if isinstance(url, str):
            return url
    return None
