"""The summary's version block: what a quality review of a published summary looks for.

The template asks for the version and the last update. Reviews of published summaries
also look for a status line naming where the latest version always is, the canonical
URL, the earlier versions (also for version 1.0: "none yet", and where they will be
listed), where notice of updates is given, and what changed since the previous release.
All of it is built here from the public header, so no summary can leave it out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from gpai_docs.render import typeset
from gpai_docs.render.audience import Record
from gpai_docs.render.cells import Block, Entry, Labelled, Row, qa

STATUS = "Status of this version"


@dataclass(frozen=True, slots=True)
class ChangesSince:
    """The public changes since the previous release: its version and each changed field.

    ``changes`` holds (kind, field label) pairs, kind being added, removed or changed.
    Built by a release from its diff (only the summary's public fields) and passed to
    the build; a plain build has none.
    """

    version: str
    changes: tuple[tuple[str, str], ...]


def status_line(last_update: Any, canonical_url: Any) -> str:
    when = typeset.date(last_update) if isinstance(last_update, dt.date) else str(last_update)
    if isinstance(canonical_url, str) and canonical_url:
        return f"Current version as of {when}; the latest version is always at {canonical_url}"
    return f"Current version as of {when}."


def _status(last_update: Any, canonical_url: Any) -> Any:
    """The status line with its URL as a link of its own."""
    if not (isinstance(canonical_url, str) and canonical_url):
        return status_line(last_update, None)
    lead = status_line(last_update, canonical_url).removesuffix(canonical_url).rstrip()
    return Entry((lead, canonical_url), " ")


def header_block(header: Record, changes: ChangesSince | None, legal_basis: str) -> Block:
    """Version, last update, status line, earlier versions, update notice, legal basis
    (the Act as amended and the template's identifier, from the rule pack), changes."""
    version, last = header["version"], header["last_update"]
    canonical = header.get("canonical_url")
    versions_url = header.get("versions_url")
    notice = header.get("update_notice")
    earlier: list[Any] = [
        Entry((f"Version {p['version']}", p.get("date"), p.get("url")))
        for p in header.get("previous_versions") or []
    ]
    if not earlier:
        earlier.append("None: this is the first version.")
    if versions_url:
        earlier.append(Labelled("All versions", versions_url))
    rows = [
        Row("Version of the Summary", (version,)),
        Row("Last update", (last,)),
        Row(STATUS, (_status(last, canonical),)),
        Row("Canonical URL", (canonical,)),
        Row("Earlier versions", tuple(earlier)),
        Row("Notice of updates", (notice,)),
        Row("Legal basis", (legal_basis,)),
    ]
    if changes is not None:
        lines = tuple(f"{label} ({kind})" for kind, label in changes.changes) or (
            "No change to the public summary's answers.",
        )
        rows.append(Row(f"Changes since version {changes.version}", lines))
    return qa(*rows, css="header-fields")


def changes_since(diff: Any) -> ChangesSince | None:
    """The summary's public changes in a release's semantic diff (``bundle.diff``)."""
    if diff is None:
        return None
    public = tuple(
        (change.kind, change.label)
        for change in diff.changes
        if change.document == "training_data_summary" and "public" in change.audience
    )
    return ChangesSince(diff.old, public)
