"""``verify``: re-hash a release (folder or archive) against its manifest and signature.

Reports every file that is missing, altered or extra, a damaged manifest, and a missing,
foreign or invalid signature. Archives are read in memory, never extracted.
"""

from __future__ import annotations

import hashlib
import os
import tarfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from gpai_docs.bundle.archive import archive_members, release_files
from gpai_docs.bundle.manifest import Manifest, safe_relative, sha256_file
from gpai_docs.bundle.sources import MANIFEST, SIGNATURE
from gpai_docs.errors import UserError

ProblemKind = Literal["missing", "altered", "extra", "manifest", "signature", "archive"]
Digest = tuple[str, int] | None  # (sha256, size); None for a link or other non-regular file


@dataclass(frozen=True, slots=True)
class Problem:
    kind: ProblemKind
    path: str
    message: str


@dataclass(frozen=True)
class VerifyReport:
    """The outcome of checking one release."""

    release: str
    version: str | None
    checked: int
    problems: tuple[Problem, ...]
    notes: tuple[str, ...]
    signature: Literal["valid", "invalid", "unchecked", "unsigned", "missing"]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_release(path: Path, *, public_key: Path | None = None) -> VerifyReport:
    """Check a release folder (and the archive beside it) or a release archive."""
    key = None
    if public_key is not None:
        from gpai_docs.bundle.signing import load_public_key

        key = load_public_key(public_key)
    if path.is_file() and path.name.endswith(".tar.gz"):
        return _verify_archive(path, key)
    if not path.is_dir():
        raise UserError(f"{path} does not exist.", hint="Give a release folder or its .tar.gz.")
    if not (path / MANIFEST).is_file():
        raise UserError(
            f"{path} is not a release: it has no manifest.json.",
            hint="Give a folder written by `gpai-docs release`, e.g. output/<model>/<version>.",
        )
    digests = {name: _digest(path / name) for name in release_files(path)}
    sig_path = path / SIGNATURE
    signature = sig_path.read_bytes() if sig_path.is_file() else None
    report = _check(str(path), (path / MANIFEST).read_bytes(), signature, digests, key, "")
    problems, notes = list(report.problems), list(report.notes)
    if report.version is not None and path.name != report.version:
        problems.append(
            Problem(
                "manifest",
                MANIFEST,
                f"the folder is named {path.name} but the manifest is for version {report.version}",
            )
        )
    archive = path.parent / f"{path.name}.tar.gz"
    if archive.is_file():
        inner = _verify_archive(archive, key)
        problems.extend(inner.problems)
        notes.append(f"archive {archive.name}: {'matches' if inner.ok else 'has problems'}")
    else:
        notes.append(f"no archive {archive.name} beside the release")
    return VerifyReport(
        report.release,
        report.version,
        report.checked,
        tuple(problems),
        tuple(notes),
        report.signature,
    )


def _digest(path: Path) -> Digest:
    if path.is_symlink() or not path.is_file():
        return None
    return sha256_file(path), os.lstat(path).st_size


def _verify_archive(archive: Path, key: object | None) -> VerifyReport:
    where = f"{archive.name}:"
    try:
        members = list(archive_members(archive))
    except (OSError, EOFError, tarfile.TarError, zlib.error) as error:
        problem = Problem("archive", archive.name, f"cannot be read ({error})")
        return VerifyReport(str(archive), None, 0, (problem,), (), "unchecked")
    prefix = archive.name.removesuffix(".tar.gz")
    digests: dict[str, Digest] = {}
    contents: dict[str, bytes] = {}
    outside: list[Problem] = []
    for name, data in members:
        if not name.startswith(f"{prefix}/"):
            outside.append(Problem("extra", where + name, f"is outside the folder {prefix}/"))
            continue
        relative = name.removeprefix(f"{prefix}/")
        digests[relative] = (
            (hashlib.sha256(data).hexdigest(), len(data)) if data is not None else None
        )
        if relative in (MANIFEST, SIGNATURE) and data is not None:
            contents[relative] = data
    if MANIFEST not in contents:
        problem = Problem("manifest", where + MANIFEST, "is missing from the archive")
        return VerifyReport(str(archive), None, 0, (problem, *outside), (), "unchecked")
    report = _check(str(archive), contents[MANIFEST], contents.get(SIGNATURE), digests, key, where)
    return VerifyReport(
        report.release,
        report.version,
        report.checked,
        (*outside, *report.problems),
        report.notes,
        report.signature,
    )


def _check(
    release: str,
    raw_manifest: bytes,
    raw_signature: bytes | None,
    digests: dict[str, Digest],
    key: object | None,
    where: str,
) -> VerifyReport:
    try:
        manifest = Manifest.from_json(raw_manifest, release)
    except UserError as error:
        problem = Problem("manifest", where + MANIFEST, f"is damaged: {error.message}")
        return VerifyReport(release, None, 0, (problem,), (), "unchecked")
    problems: list[Problem] = []
    listed: set[str] = set()
    for entry in (*manifest.files, *manifest.sources):
        if entry.path in listed:
            continue
        listed.add(entry.path)
        if not safe_relative(entry.path) or entry.path in (MANIFEST, SIGNATURE):
            problems.append(Problem("manifest", where + entry.path, "is not a valid file path"))
            continue
        if entry.path not in digests:
            problems.append(Problem("missing", where + entry.path, "is listed but missing"))
            continue
        found = digests[entry.path]
        if found is None:
            problems.append(Problem("altered", where + entry.path, "is not a regular file"))
        elif found != (entry.sha256, entry.size):
            problems.append(
                Problem(
                    "altered",
                    where + entry.path,
                    f"has SHA-256 {found[0]}, the manifest records {entry.sha256}",
                )
            )
    expected = {MANIFEST} | ({SIGNATURE} if manifest.signature else set())
    for name in sorted(set(digests) - listed - expected):
        problems.append(Problem("extra", where + name, "is not listed in the manifest"))
    status, notes = _check_signature(manifest, raw_manifest, raw_signature, key, where, problems)
    return VerifyReport(
        release, manifest.version, len(listed), tuple(problems), tuple(notes), status
    )


def _check_signature(
    manifest: Manifest,
    raw_manifest: bytes,
    raw_signature: bytes | None,
    key: object | None,
    where: str,
    problems: list[Problem],
) -> tuple[Literal["valid", "invalid", "unchecked", "unsigned", "missing"], list[str]]:
    from_record = manifest.signature
    if from_record is None:
        if key is not None:
            problems.append(Problem("signature", where + SIGNATURE, "the release is not signed"))
        return "unsigned", []
    if raw_signature is None:
        problems.append(Problem("signature", where + SIGNATURE, "is recorded but missing"))
        return "missing", []
    if key is None:
        note = f"signed with key {from_record.get('key_id', '?')}; pass --public-key to check it"
        return "unchecked", [note]
    from gpai_docs.bundle.signing import key_id, signature_valid

    if key_id(key) != from_record.get("key_id"):
        problems.append(
            Problem(
                "signature",
                where + SIGNATURE,
                f"was made with key {from_record.get('key_id')}, not the given key {key_id(key)}",
            )
        )
        return "invalid", []
    if not signature_valid(key, raw_manifest, raw_signature):
        problems.append(Problem("signature", where + SIGNATURE, "does not match manifest.json"))
        return "invalid", []
    return "valid", []
