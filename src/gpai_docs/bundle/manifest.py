"""``manifest.json``: what a release holds, where it came from and how long to keep it.

The manifest is the release's root of trust: every other file is listed in it with its
SHA-256, and the optional signature covers the manifest's exact bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from gpai_docs.errors import UserError

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


def safe_relative(path: str) -> bool:
    """Whether a manifest path stays inside the release (relative, no ``..``, no backslash)."""
    pure = PurePosixPath(path)
    return (
        bool(path)
        and "\\" not in path
        and not pure.is_absolute()
        and all(part not in ("", ".", "..") for part in path.split("/"))
    )


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
        """Parse manifest bytes; a malformed manifest raises ``UserError``."""
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("manifest_format") != MANIFEST_FORMAT:
                raise ValueError(f"unknown manifest_format {data.get('manifest_format')!r}")
            return cls(
                model_slug=str(data["model"]["slug"]),
                model_name=str(data["model"]["name"]),
                version=str(data["version"]),
                sequence=int(data["sequence"]),
                released_on=dt.date.fromisoformat(data["released_on"]),
                placed_on_market=_date(data.get("placed_on_union_market")),
                retention_end=_date(data.get("retention_end")),
                tool_version=str(data["tool"]["version"]),
                rule_pack={str(k): str(v) for k, v in data["rule_pack"].items()},
                files=tuple(_entry(e) for e in data["files"]),
                sources=tuple(_entry(e) for e in data["sources"]),
                documents=dict(data.get("documents") or {}),
                previous_versions=tuple(data.get("previous_versions") or ()),
                changes=dict(data.get("changes") or {}),
                signature=data.get("signature"),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise UserError(
                f"{where}: manifest.json is not a gpai-docs manifest ({error}).",
                hint="The release may be damaged; compare it with its archive.",
            ) from None


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
    """Read the manifest of a release folder."""
    path = release / "manifest.json"
    if not path.is_file():
        raise UserError(
            f"{release} is not a release: it has no manifest.json.",
            hint="Give a folder written by `gpai-docs release`, e.g. output/<model>/<version>.",
        )
    return Manifest.from_json(path.read_bytes(), str(release))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _date(raw: Any) -> dt.date | None:
    return dt.date.fromisoformat(raw) if raw else None


def _entry_json(entry: FileEntry) -> dict[str, Any]:
    return {
        "path": entry.path,
        "sha256": entry.sha256,
        "size": entry.size,
        "media_type": entry.media_type,
        "audience": entry.audience,
        "document": entry.document,
    }


def _entry(raw: dict[str, Any]) -> FileEntry:
    return FileEntry(
        path=str(raw["path"]),
        sha256=str(raw["sha256"]),
        size=int(raw["size"]),
        media_type=str(raw["media_type"]),
        audience=str(raw["audience"]),
        document=raw.get("document"),
    )
