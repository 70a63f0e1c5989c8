"""``manifest.json``: what a release holds, where it came from and how long to keep it.

The manifest is the release's root of trust: every other file is listed in it with its
SHA-256, and the optional signature covers the manifest's exact bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import mimetypes
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from gpai_docs.bundle.manifest_schema import (
    MAX_MANIFEST_BYTES,
    EntrySchema,
    ManifestError,
    parse_manifest,
)
from gpai_docs.errors import UserError
from gpai_docs.fileio import NotRegularFile, read_regular

MANIFEST_FORMAT = 1
_MEDIA_TYPES = {
    ".md": "text/markdown; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".pdf": "application/pdf",
    ".json": "application/json",
    ".yaml": "application/yaml",
    ".yml": "application/yaml",
    ".atom": "application/atom+xml",
    ".txt": "text/plain; charset=utf-8",
}


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_type(path: str) -> str:
    suffix = PurePosixPath(path).suffix.lower()
    return _MEDIA_TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"


@dataclass(frozen=True, slots=True)
class FileEntry:
    """One file of the release."""

    path: str
    sha256: str
    size: int
    media_type: str
    audience: str
    document: str | None = None


@dataclass(frozen=True)
class Manifest:
    """The parsed ``manifest.json`` of a release."""

    model_slug: str
    model_name: str
    version: str
    sequence: int
    released_on: dt.date
    placed_on_market: dt.date | None
    retention_end: dt.date | None
    tool_version: str
    rule_pack: dict[str, str]
    files: tuple[FileEntry, ...]
    sources: tuple[FileEntry, ...]
    documents: dict[str, dict[str, str]] = field(default_factory=dict)
    previous_versions: tuple[dict[str, Any], ...] = ()
    changes: dict[str, Any] = field(default_factory=dict)
    signature: dict[str, str] | None = None

    def to_json(self) -> bytes:
        """Canonical bytes: sorted keys, fixed indentation, trailing newline."""
        payload: dict[str, Any] = {
            "manifest_format": MANIFEST_FORMAT,
            "model": {"slug": self.model_slug, "name": self.model_name},
            "version": self.version,
            "sequence": self.sequence,
            "released_on": self.released_on.isoformat(),
            "placed_on_union_market": _iso(self.placed_on_market),
            "retention_end": _iso(self.retention_end),
            "tool": {"name": "gpai-docs", "version": self.tool_version},
            "rule_pack": self.rule_pack,
            "documents": self.documents,
            "sources": [_entry_json(e) for e in self.sources],
            "files": [_entry_json(e) for e in self.files],
            "previous_versions": list(self.previous_versions),
            "changes": self.changes,
            "signature": self.signature,
        }
        return (json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()

    @classmethod
    def from_json(cls, raw: bytes, where: str) -> Manifest:
        """Parse and validate manifest bytes; ``where`` names the file in errors.

        Raises ``ManifestError`` (a ``UserError``) for anything but a valid manifest."""
        data = parse_manifest(raw, where)
        documents = {
            name: {"version": doc.version, "date": doc.date.isoformat()}
            for name, doc in data.documents.items()
        }
        return cls(
            model_slug=data.model.slug,
            model_name=data.model.name,
            version=data.version,
            sequence=data.sequence,
            released_on=data.released_on,
            placed_on_market=data.placed_on_union_market,
            retention_end=data.retention_end,
            tool_version=data.tool.version,
            rule_pack=dict(data.rule_pack),
            files=tuple(_entry(e) for e in data.files),
            sources=tuple(_entry(e) for e in data.sources),
            documents=documents,
            previous_versions=tuple(p.model_dump(mode="json") for p in data.previous_versions),
            changes=data.changes.model_dump(exclude_unset=True),
            signature=data.signature.model_dump() if data.signature else None,
        )


def file_entry(
    staging: Path, path: Path, audience: str, document: str | None, kind: str | None
) -> FileEntry:
    """The manifest entry of ``path``, a file under the release folder ``staging``."""
    relative = path.relative_to(staging).as_posix()
    return FileEntry(
        relative,
        sha256_file(path),
        path.stat().st_size,
        kind or media_type(relative),
        audience,
        document,
    )


def read_manifest(release: Path) -> Manifest:
    """Read and validate the manifest of a release folder."""
    path = release / "manifest.json"
    if not os.path.lexists(path):
        raise UserError(
            f"{release} is not a release: it has no manifest.json.",
            hint="Give a folder written by `gpai-docs release`, e.g. output/<model>/<version>.",
        )
    try:
        raw = read_regular(path, MAX_MANIFEST_BYTES)
    except NotRegularFile as error:
        raise ManifestError(str(path), f"is {error.kind}, not a regular file") from None
    except OSError as error:
        raise ManifestError(str(path), f"cannot be read ({error.strerror})") from None
    return Manifest.from_json(raw, str(path))


def path_problem(path: str) -> str | None:
    """Why a manifest path cannot name a file inside the release, or None if it can."""
    if not path:
        return "is an empty path"
    if "\x00" in path:
        return "contains a NUL character"
    if any(ord(c) < 0x20 or ord(c) == 0x7F or 0xD800 <= ord(c) < 0xE000 for c in path):
        return "contains a control character"
    if path.startswith("/"):
        return "is an absolute path"
    if "\\" in path:
        return "contains a backslash (a folder separator on Windows)"
    parts = path.split("/")
    if ".." in parts:
        return "climbs out of its folder with '..'"
    if any(part in ("", ".") for part in parts):
        return "has an empty or '.' folder name"
    return None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _entry_json(entry: FileEntry) -> dict[str, Any]:
    return {
        "path": entry.path,
        "sha256": entry.sha256,
        "size": entry.size,
        "media_type": entry.media_type,
        "audience": entry.audience,
        "document": entry.document,
    }


def _entry(raw: EntrySchema) -> FileEntry:
    return FileEntry(raw.path, raw.sha256, raw.size, raw.media_type, raw.audience, raw.document)
