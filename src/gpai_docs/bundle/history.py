"""``history``: the releases of a model, oldest first, with what changed in each.

Field changes come from each manifest's ``changes`` record (written at release time);
crawler changes come from comparing the copyright policies kept in the releases.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from gpai_docs.bundle.crawler_page import snapshots_of
from gpai_docs.bundle.crawlers import timeline
from gpai_docs.bundle.feed import entry_title
from gpai_docs.bundle.store import ModelStore, find_model_dir
from gpai_docs.errors import UserError
from gpai_docs.escaping import md_inline, text_line
from gpai_docs.models.kinds import KIND_BY_KEY


@dataclass(frozen=True)
class HistoryEntry:
    """One release as the history lists it."""

    version: str
    released_on: dt.date
    signed: bool
    retention_end: dt.date | None
    summary: str
    documents: tuple[str, ...]
    crawler_changes: tuple[str, ...]


@dataclass(frozen=True)
class History:
    slug: str
    model_name: str
    folder: Path
    entries: tuple[HistoryEntry, ...]
    notes: tuple[str, ...]


def model_history(path: Path, slug: str | None = None) -> History:
    """The history of the model under ``path`` (an output folder or a model folder)."""
    folder = find_model_dir(path, slug)
    store = ModelStore(folder.parent, folder.name)
    releases = store.releases()
    notes: list[str] = []
    crawler: dict[str, list[str]] = {}
    try:
        for change in timeline(snapshots_of(store)).changes:
            if change.subject.startswith("crawler:") or change.kind == "changed":
                crawler.setdefault(change.version, []).append(entry_title(change))
    except UserError as error:
        notes.append(f"crawler changes not shown: {error.message}")
    entries = []
    for release in releases:
        manifest = release.manifest
        changes = manifest.changes
        documents = tuple(changes.get("documents") or ())
        entries.append(
            HistoryEntry(
                manifest.version,
                manifest.released_on,
                manifest.signature is not None,
                manifest.retention_end,
                _summary(changes),
                documents,
                tuple(crawler.get(manifest.version, ())),
            )
        )
    name = releases[-1].manifest.model_name if releases else folder.name
    return History(store.slug, name, folder, tuple(entries), tuple(notes))


def _summary(changes: dict[str, object]) -> str:
    against = changes.get("against")
    if against is None:
        return "first release"
    if not changes.get("compared"):
        return f"not compared with {against}"
    counts = [f"{changes.get(k, 0)} {k}" for k in ("changed", "added", "removed")]
    counts = [c for c in counts if not c.startswith("0 ")]
    return f"since {against}: " + (", ".join(counts) if counts else "no field changes")


def render_text(history: History) -> str:
    name = text_line(history.model_name)  # provider text: one line, controls escaped
    lines = [f"{name} ({history.slug}): {len(history.entries)} release(s)"]
    for entry in history.entries:
        signed = ", signed" if entry.signed else ""
        lines.append(f"  {entry.version}  {entry.released_on}{signed}  {entry.summary}")
        if entry.documents:
            titles = ", ".join(KIND_BY_KEY[d].title for d in entry.documents if d in KIND_BY_KEY)
            lines.append(f"      documents: {titles}")
        lines.extend(f"      {text_line(change)}" for change in entry.crawler_changes)
    if history.entries and history.entries[-1].retention_end:
        lines.append(f"Keep every release until {history.entries[-1].retention_end}.")
    lines.extend(f"note: {note}" for note in history.notes)
    return "\n".join(lines)


def render_markdown(history: History) -> str:
    lines = [
        f"# Releases of {md_inline(history.model_name)}",
        "",
        "| Version | Date | Signed | What changed |",
        "| --- | --- | --- | --- |",
    ]
    for entry in history.entries:
        what = md_inline("; ".join([entry.summary, *entry.crawler_changes]))
        signed = "yes" if entry.signed else "no"
        lines.append(f"| {entry.version} | {entry.released_on} | {signed} | {what} |")
    return "\n".join(lines) + "\n"


def render_json(history: History) -> str:
    payload = {
        "format_version": 1,
        "model": {"slug": history.slug, "name": history.model_name},
        "releases": [
            {
                "version": e.version,
                "released_on": e.released_on.isoformat(),
                "signed": e.signed,
                "retention_end": e.retention_end.isoformat() if e.retention_end else None,
                "summary": e.summary,
                "documents": list(e.documents),
                "crawler_changes": list(e.crawler_changes),
            }
            for e in history.entries
        ],
        "notes": list(history.notes),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)
