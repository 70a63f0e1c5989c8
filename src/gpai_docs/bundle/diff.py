"""Semantic diff of two projects or releases: field values added, removed or changed.

Values are compared field by field on the validated models (see ``fields.py``), and every
change names the catalogue id, the label and the audience of the field, so a reviewer
sees at once whether a change reaches the public, the AI Office or downstream providers.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from gpai_docs.bundle.fields import FieldValue, JsonValue, flatten
from gpai_docs.bundle.sources import load_models
from gpai_docs.escaping import md_inline, text_line
from gpai_docs.models.kinds import KINDS

ChangeKind = Literal["added", "removed", "changed"]
DIFF_FORMAT_VERSION = 1
_SIGN = {"added": "+", "removed": "-", "changed": "~"}


@dataclass(frozen=True, slots=True)
class Change:
    """One field whose value differs between the two sides."""

    kind: ChangeKind
    document: str
    path: str
    catalogue_id: str
    label: str
    audience: tuple[str, ...]
    old: JsonValue
    new: JsonValue


@dataclass(frozen=True)
class SemanticDiff:
    """Every change from ``old`` to ``new``, in document order."""

    old: str
    new: str
    changes: tuple[Change, ...]

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for change in self.changes if change.kind == kind)

    @property
    def summary(self) -> str:
        if not self.changes:
            return "no changes"
        parts = [f"{self.count(k)} {k}" for k in ("changed", "added", "removed") if self.count(k)]
        return ", ".join(parts)

    def documents(self) -> list[str]:
        """The documents with at least one change, in project order."""
        touched = {change.document for change in self.changes}
        return [kind.key for kind in KINDS if kind.key in touched]


def diff_models(old: Mapping[str, BaseModel], new: Mapping[str, BaseModel]) -> tuple[Change, ...]:
    """Compare two sets of validated documents, keyed by document key."""
    changes: list[Change] = []
    for kind in KINDS:
        before = flatten(kind.key, old[kind.key]) if kind.key in old else {}
        after = flatten(kind.key, new[kind.key]) if kind.key in new else {}
        for path, value in after.items():
            previous = before.get(path)
            if previous is None:
                changes.append(_change("added", value, None, value.value))
            elif previous.value != value.value:
                changes.append(_change("changed", value, previous.value, value.value))
        for path, value in before.items():
            if path not in after:
                changes.append(_change("removed", value, value.value, None))
    return tuple(changes)


def _change(kind: ChangeKind, field: FieldValue, old: JsonValue, new: JsonValue) -> Change:
    return Change(
        kind, field.document, field.path, field.catalogue_id, field.label, field.audience, old, new
    )


def diff_paths(old: Path, new: Path) -> SemanticDiff:
    """Diff two project folders or release folders (or one of each)."""
    return SemanticDiff(str(old), str(new), diff_models(load_models(old), load_models(new)))


def _shown(value: JsonValue) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_shown(item) for item in value)
    return "" if value is None else str(value)


def _audience(change: Change) -> str:
    return ", ".join(change.audience) or "unspecified"


def _title(key: str) -> str:
    return next(kind.title for kind in KINDS if kind.key == key)


def render_text(diff: SemanticDiff) -> str:
    """A terminal-friendly listing, one block per change."""
    lines = [f"{text_line(diff.old)} -> {text_line(diff.new)}: {diff.summary}"]
    for document in diff.documents():
        lines += ["", _title(document)]
        for change in (c for c in diff.changes if c.document == document):
            # A value may hold line breaks, ESC or "::error": shown escaped, it cannot
            # start a line of a CI log or drive the terminal.
            lines.append(
                f"  {_SIGN[change.kind]} {change.catalogue_id}  {change.label}  "
                f"({_audience(change)})  {text_line(change.path)}"
            )
            if change.kind != "added":
                lines.append(f"      - {text_line(_shown(change.old))}")
            if change.kind != "removed":
                lines.append(f"      + {text_line(_shown(change.new))}")
    return "\n".join(lines)


def _cell(value: str) -> str:
    return md_inline(value) or " "


def render_markdown(diff: SemanticDiff, *, heading_level: int = 2) -> str:
    """Markdown tables, one per document (used for CHANGELOG.md)."""
    hashes = "#" * heading_level
    lines = [f"Summary: {diff.summary}."]
    for document in diff.documents():
        lines += [
            "",
            f"{hashes} {_title(document)}",
            "",
            "| Change | Catalogue id | Field | Audience | Before | After |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for change in (c for c in diff.changes if c.document == document):
            cells = [
                change.kind,
                change.catalogue_id,
                change.label,
                _audience(change),
                _shown(change.old),
                _shown(change.new),
            ]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def render_json(diff: SemanticDiff) -> str:
    """Stable JSON for scripts: summary counts and every change."""
    payload = {
        "format_version": DIFF_FORMAT_VERSION,
        "old": diff.old,
        "new": diff.new,
        "summary": {k: diff.count(k) for k in ("added", "removed", "changed")},
        "changes": [
            {
                "kind": c.kind,
                "document": c.document,
                "path": c.path,
                "catalogue_id": c.catalogue_id,
                "label": c.label,
                "audience": list(c.audience),
                "old": c.old,
                "new": c.new,
            }
            for c in diff.changes
        ],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)
