"""The opt-out protocol vocabulary: machine-readable rights reservations, as versioned data.

Copyright Measure 1.3 asks providers to honour "other appropriate machine-readable
protocols" besides robots.txt. Which ones exist, and how settled each is, changes faster
than the law (requirements §12, UPD.protocols, UPD.aipref), so they live in
data/optout_protocols.yaml: an id, a name, a status (standard, draft with its revisions,
vendor or sector) and a reference each. A policy names a protocol by id; a name the
vocabulary does not know stays allowed as free text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from gpai_docs.law.package_data import read_data
from gpai_docs.law.provenance import Source, source_of

STATUSES = ("standard", "draft", "vendor", "sector")


def fold(text: str) -> str:
    """A name reduced to its letters and digits, for matching what policies write."""
    return "".join(re.findall(r"[a-z0-9]+", text.lower()))


@dataclass(frozen=True, slots=True)
class OptOutProtocol:
    """One protocol of the vocabulary."""

    id: str
    name: str
    status: str
    issuer: str
    reference: str
    source: Source
    aliases: tuple[str, ...] = ()
    drafts: tuple[str, ...] = ()  # a draft's revisions this vocabulary describes
    categories: tuple[str, ...] = ()
    signals: tuple[str, ...] = ()
    note: str | None = None

    @property
    def version(self) -> str | None:
        """The draft revisions described here (``draft-...-05 with draft-...-08``)."""
        return " with ".join(self.drafts) or None

    @property
    def status_text(self) -> str:
        """How settled the protocol is, for a reader: "draft draft-…-05 …, IETF … group"."""
        if self.status == "draft":
            return f"draft {self.version}, {self.issuer}"
        return f"{self.status}, {self.issuer}"


@dataclass(frozen=True, slots=True)
class NotOptOut:
    """Something policies list as an opt-out protocol that reserves no rights."""

    id: str
    name: str
    pattern: re.Pattern[str]
    reason: str
    source: Source


@dataclass(frozen=True)
class Vocabulary:
    """The vocabulary at one version."""

    version: str
    as_of: dt.date
    protocols: tuple[OptOutProtocol, ...]
    not_opt_out: tuple[NotOptOut, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.protocols)

    def get(self, protocol_id: str) -> OptOutProtocol:
        return next(p for p in self.protocols if p.id == protocol_id)

    def aliases(self) -> dict[str, str]:
        """Every name a policy may write for a protocol, mapped to its id."""
        return {name: p.id for p in self.protocols for name in (p.name, *p.aliases)}

    def find(self, name: str) -> OptOutProtocol | None:
        """The protocol ``name`` stands for (its id, name or an alias), if the vocabulary has it."""
        wanted = fold(name)
        by_name = {fold(alias): pid for alias, pid in self.aliases().items()}
        by_name.update((fold(p.id), p.id) for p in self.protocols)
        found = by_name.get(wanted)
        return self.get(found) if found else None

    def not_a_protocol(self, *texts: str | None) -> NotOptOut | None:
        """What ``texts`` (a name, a link) name that is no opt-out protocol, if anything."""
        return next((n for n in self.not_opt_out for t in texts if t and n.pattern.search(t)), None)


def _protocol(spec: dict[str, Any]) -> OptOutProtocol:
    where = f"opt-out protocol {spec.get('id')!r}"
    status, drafts = spec["status"], tuple(spec.get("drafts", ()))
    if status not in STATUSES:
        raise ValueError(f"{where}: `status` must be one of {', '.join(STATUSES)}")
    if (status == "draft") != bool(drafts):
        raise ValueError(f"{where}: a draft, and only a draft, lists the revisions in `drafts`")
    return OptOutProtocol(
        spec["id"],
        spec["name"],
        status,
        spec["issuer"],
        spec["reference"],
        source_of(where, spec),
        tuple(spec.get("aliases", ())),
        drafts,
        tuple(spec.get("categories", ())),
        tuple(spec.get("signals", ())),
        " ".join(spec["note"].split()) if spec.get("note") else None,
    )


def parse(raw: dict[str, Any]) -> Vocabulary:
    """Build the vocabulary from its YAML mapping."""
    protocols = tuple(_protocol(spec) for spec in raw["protocols"])
    ids = [p.id for p in protocols]
    if len(set(ids)) != len(ids):
        raise ValueError("opt-out protocols: an id is used twice")
    return Vocabulary(
        str(raw["version"]),
        raw["as_of"],
        protocols,
        tuple(
            NotOptOut(
                n["id"],
                n["name"],
                re.compile(n["pattern"], re.IGNORECASE),
                " ".join(n["reason"].split()),
                source_of(f"not an opt-out protocol {n['id']!r}", n),
            )
            for n in raw.get("not_opt_out", ())
        ),
    )


@cache
def load() -> Vocabulary:
    """The vocabulary shipped with gpai-docs."""
    return parse(read_data("optout_protocols.yaml"))
