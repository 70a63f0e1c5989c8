"""Where a fact of the rule pack comes from, how sure we are of it, and when it was checked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

CONFIDENCES = ("confirmed", "secondary", "unconfirmed")


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact comes from, how sure we are of it, and when it was last checked.

    ``update_id`` names the entry of requirements §12 (``UPD.*``) that re-checked or
    changed the fact, when one did.
    """

    catalogue_id: str
    confidence: str
    verified_on: dt.date
    update_id: str | None = None

    @property
    def tag(self) -> str:
        """The catalogue's confidence tag: [C], [S] or [U]."""
        return f"[{self.confidence[0].upper()}]"


def source_of(where: str, spec: dict[str, Any]) -> Source:
    """The provenance written beside a fact; a fact without a verification date is refused."""
    verified, confidence = spec.get("verified_on"), spec.get("confidence")
    if not isinstance(verified, dt.date):
        raise ValueError(
            f"{where}: `verified_on` must be the date (YYYY-MM-DD) the fact was last checked"
        )
    if confidence not in CONFIDENCES:
        raise ValueError(f"{where}: `confidence` must be one of {', '.join(CONFIDENCES)}")
    update = spec.get("update")
    if update is not None and not str(update).startswith("UPD."):
        raise ValueError(f"{where}: `update` names an entry of requirements §12 (UPD.*)")
    return Source(str(spec["catalogue_id"]), str(confidence), verified, update)


@dataclass(frozen=True, slots=True)
class Superseded:
    """An earlier identifier of a document, replaced by the fact's ``text``."""

    identifier: str
    date: dt.date


@dataclass(frozen=True, slots=True)
class Fact:
    """A citation a report prints as written: the law, a document identifier, a reading."""

    key: str
    text: str
    label: str
    source: Source
    date: dt.date | None = None
    note: str | None = None
    superseded: tuple[Superseded, ...] = ()


def fact_of(key: str, spec: dict[str, Any]) -> Fact:
    """A citation as written in the pack, its text on one line."""
    superseded = tuple(Superseded(s["identifier"], s["date"]) for s in spec.get("superseded", ()))
    return Fact(
        key,
        " ".join(str(spec["text"]).split()),
        spec["label"],
        source_of(f"rule pack fact {key!r}", spec),
        spec.get("date"),
        spec.get("note"),
        superseded,
    )
