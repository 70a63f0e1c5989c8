"""What the last build wrote, so that an unchanged artifact is not rendered again.

The output folder holds ``.gpai-docs-build.json``: for each file, the key of its inputs
(rendered content, templates, tool version) and the SHA-256 of what was written. A file
is reused only if its key matches and the file on disk still has that hash. The whole
build is skipped when the project files, the options and the tool are all unchanged.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from gpai_docs.fileio import Refused, hash_inside, hash_regular, read_regular, write_text_atomic
from gpai_docs.fileio.locking import output_lock

MANIFEST = ".gpai-docs-build.json"
LOCK = ".gpai-docs-build.lock"
FORMAT = "gpai-docs-build/1"
_MAX_RECORD = 16 * 1024 * 1024


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str | None:
    """The hash of a regular file (a link to one counts); None for anything else.

    A project input that is a FIFO or a link to /dev/zero would block or never end, so it
    is opened through fileio, which refuses both before reading.
    """
    try:
        # A link is resolved first: the cache keys on what the link leads to.
        return hash_regular(Path(os.path.realpath(path)))[0]
    except (OSError, Refused):
        return None


def output_sha256(out_dir: Path, name: str) -> str | None:
    """The hash of an earlier artifact ``name``; None unless it is a regular file inside
    ``out_dir``. The names come from the build record, which anyone could have edited: a
    link or ``../`` there must not pass for an artifact that can be reused."""
    try:
        return hash_inside(out_dir, name, where="the output folder")[0]
    except (Refused, OSError):
        return None


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


# What decides an artifact's bytes: every module of the package, the templates and the data.
_FINGERPRINTED = ("templates", "data")


def _fingerprinted(path: Path, base: Path) -> bool:
    parts = path.relative_to(base).parts
    if "__pycache__" in parts or not path.is_file():
        return False
    return path.suffix == ".py" or parts[0] in _FINGERPRINTED


@cache
def tool_fingerprint() -> str:
    """Tool versions plus every byte of the code, rules, templates and fonts behind a build."""
    digest = hashlib.sha256()
    digest.update(f"gpai-docs {version('gpai-docs')} weasyprint {version('weasyprint')}".encode())
    base = Path(str(resources.files("gpai_docs")))
    for path in sorted(p for p in base.rglob("*") if _fingerprinted(p, base)):
        digest.update(path.relative_to(base).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class Manifest:
    """The record of the last build in one output folder."""

    build_key: str | None = None
    inputs: dict[str, str] = field(default_factory=dict)  # project-relative path -> sha256
    files: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> entry

    @classmethod
    def read(cls, out_dir: Path) -> Manifest:
        try:
            # A FIFO or a link planted under this name is not read: the build starts afresh.
            data = json.loads(read_regular(out_dir / MANIFEST, _MAX_RECORD))
        except (OSError, ValueError, Refused):
            return cls()
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return cls()
        return cls(data.get("build_key"), dict(data.get("inputs", {})), dict(data.get("files", {})))

    def write(self, out_dir: Path) -> None:
        payload = {
            "format": FORMAT,
            "build_key": self.build_key,
            "inputs": self.inputs,
            "files": self.files,
        }
        write_text_atomic(out_dir / MANIFEST, json.dumps(payload, indent=2, sort_keys=True) + "\n")

    def reusable(self, out_dir: Path, name: str, key: str) -> str | None:
        """The recorded hash of ``name`` if it was built from ``key`` and is intact on disk."""
        entry = self.files.get(name)
        if not entry or entry.get("key") != key:
            return None
        recorded = entry.get("sha256")
        return recorded if recorded and output_sha256(out_dir, name) == recorded else None

    def inputs_unchanged(self, project_dir: Path) -> bool:
        return bool(self.inputs) and all(
            (file_sha256(project_dir / rel) or "absent") == digest
            for rel, digest in self.inputs.items()
        )


def build_key(options: dict[str, Any]) -> str:
    """Key of a whole build: options, the tool, and ``SOURCE_DATE_EPOCH``."""
    payload = {
        "options": options,
        "tool": tool_fingerprint(),
        "source_date_epoch": os.environ.get("SOURCE_DATE_EPOCH"),
    }
    return sha256(json.dumps(payload, sort_keys=True, default=str).encode())


@contextlib.contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """Hold the output folder's lock; a second build into it is refused, not interleaved."""
    with output_lock(out_dir, name=LOCK, what="gpai-docs build"):
        yield
