"""``verify``: re-hash a release (folder or archive) against its manifest and signature.

Reports every file that is missing, altered, not a regular file or extra, every unsafe
path, a damaged manifest, a missing, stray, foreign or invalid signature, and an archive
that does not hold exactly the release's files. Nothing is followed, extracted or held
in memory whole: links are reported, never read through, and files are hashed in blocks.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from gpai_docs.bundle.archive import release_files, scan_archive
from gpai_docs.bundle.manifest import Manifest
from gpai_docs.bundle.manifest_schema import MAX_MANIFEST_BYTES, ManifestError
from gpai_docs.bundle.sources import MANIFEST, SIGNATURE
from gpai_docs.bundle.verify_listing import (
    SIGNATURE_READ_LIMIT,
    Found,
    FoundSignature,
    Problem,
    ProblemKind,
    SignatureStatus,
    check_folders,
    check_listing,
    check_signature,
    gather_members,
)
from gpai_docs.errors import UserError
from gpai_docs.fileio import NotRegularFile, hash_regular, open_regular, read_regular

__all__ = ["Problem", "ProblemKind", "VerifyReport", "verify_release"]


@dataclass(frozen=True)
class VerifyReport:
    """The outcome of checking one release."""

    release: str
    version: str | None
    checked: int
    problems: tuple[Problem, ...]
    notes: tuple[str, ...]
    signature: SignatureStatus

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_release(path: Path, *, public_key: Path | None = None) -> VerifyReport:
    """Check a release folder (and the archive beside it) or a release archive."""
    key = None
    if public_key is not None:
        from gpai_docs.bundle.signing import load_public_key

        key = load_public_key(public_key)
    if path.name.endswith(".tar.gz") and not path.is_dir():
        if not path.exists():
            raise UserError(f"{path} does not exist.", hint="Give a release folder or its .tar.gz.")
        return _verify_archive(path, key, follow=True)[0]
    if not path.is_dir():
        if os.path.lexists(path):
            raise UserError(
                f"{path} is neither a release folder nor a release archive (.tar.gz).",
                hint="Give a release folder or its .tar.gz.",
            )
        raise UserError(f"{path} does not exist.", hint="Give a release folder or its .tar.gz.")
    if not os.path.lexists(path / MANIFEST):
        raise UserError(
            f"{path} is not a release: it has no manifest.json.",
            hint="Give a folder written by `gpai-docs release`, e.g. output/<model>/<version>.",
        )
    found = {name: _inspect(path, name) for name in release_files(path)}
    raw = _read_manifest(path / MANIFEST)
    if isinstance(raw, Problem):
        return VerifyReport(str(path), None, 0, (raw,), (), "unchecked")
    report = _check(str(path), raw, _signature_file(path / SIGNATURE), found, key, "")
    problems, notes = list(report.problems), list(report.notes)
    if report.version is not None and path.name != report.version:
        message = (
            f"the folder is named {path.name} but the manifest is for version {report.version}"
        )
        problems.append(Problem("manifest", MANIFEST, message))
    archive = path.parent / f"{path.name}.tar.gz"
    if os.path.lexists(archive):
        inner, inner_raw = _verify_archive(archive, key, follow=False)
        problems.extend(inner.problems)
        if inner_raw is not None and inner_raw != raw:
            message = "differs from the folder's manifest.json"
            problems.append(Problem("archive", f"{archive.name}:{MANIFEST}", message))
        matches = inner.ok and inner_raw == raw
        notes.append(f"archive {archive.name}: {'matches' if matches else 'has problems'}")
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


def _inspect(root: Path, relative: str) -> Found:
    full = root / relative
    try:
        digest, size = hash_regular(full)
    except NotRegularFile as error:
        kind = error.kind
        if kind == "a symbolic link":
            kind += _link_target(root, full)
        return Found(None, kind=kind)
    except OSError as error:
        return Found(None, kind=f"unreadable ({error.strerror})")
    return Found(digest, size)


def _link_target(root: Path, link: Path) -> str:
    """Where a link points, read but never followed, and whether that is in the release."""
    try:
        target = str(link.readlink())
    except OSError:
        return ""
    resolved = os.path.normpath(link.parent / target)
    inside = resolved.startswith(os.path.normpath(root) + os.sep)
    return f" to {json.dumps(target)} ({'inside' if inside else 'outside'} the release)"


def _read_manifest(path: Path) -> bytes | Problem:
    """The folder's manifest bytes, or the problem that it is not a plain file."""
    try:
        return read_regular(path, MAX_MANIFEST_BYTES)
    except NotRegularFile as error:
        message = f"is {error.kind}, not a regular file"
    except OSError as error:
        message = f"cannot be read ({error.strerror})"
    return Problem("manifest", MANIFEST, message)


def _signature_file(path: Path) -> FoundSignature:
    if not os.path.lexists(path):
        return None
    try:
        return read_regular(path, SIGNATURE_READ_LIMIT)
    except NotRegularFile as error:
        return error.kind
    except OSError as error:
        return f"unreadable ({error.strerror})"


def _verify_archive(
    archive: Path, key: object | None, *, follow: bool
) -> tuple[VerifyReport, bytes | None]:
    """The report of one archive, and its manifest's bytes (to compare with the folder's).

    ``follow``: an archive named on the command line may be a link; one found beside a
    release folder is part of the release and may not."""
    where, prefix = f"{archive.name}:", archive.name.removesuffix(".tar.gz")
    manifest_name = f"{prefix}/{MANIFEST}"
    try:
        with open_regular(archive, follow=follow) as handle:
            scan = scan_archive(
                handle,
                {manifest_name: MAX_MANIFEST_BYTES, f"{prefix}/{SIGNATURE}": SIGNATURE_READ_LIMIT},
            )
    except NotRegularFile as error:
        problem = Problem("archive", archive.name, f"is {error.kind}, not a regular file")
        return VerifyReport(str(archive), None, 0, (problem,), (), "unchecked"), None
    except OSError as error:
        problem = Problem("archive", archive.name, f"cannot be read ({error.strerror})")
        return VerifyReport(str(archive), None, 0, (problem,), (), "unchecked"), None
    problems = [Problem("archive", archive.name, message) for message in scan.problems]
    found, folders, data, structure = gather_members(scan.members, prefix, where)
    problems += structure
    manifest = found.get(MANIFEST)
    raw = data.get(MANIFEST)
    if manifest is None or manifest.kind is not None or raw is None:
        what = f"is {manifest.kind}, not a regular file" if manifest and manifest.kind else None
        problems.append(
            Problem("manifest", where + MANIFEST, what or "is missing from the archive")
        )
        return VerifyReport(str(archive), None, 0, tuple(problems), (), "unchecked"), None
    signature: FoundSignature = None
    if SIGNATURE in found:
        signature = found[SIGNATURE].kind or data.get(SIGNATURE)
    report = _check(str(archive), raw, signature, found, key, where, folders)
    problems += report.problems
    if report.version is not None and report.version != prefix:
        message = f"the archive is named {archive.name} but the manifest is for {report.version}"
        problems.append(Problem("manifest", where + MANIFEST, message))
    return VerifyReport(
        report.release,
        report.version,
        report.checked,
        tuple(problems),
        report.notes,
        report.signature,
    ), raw


def _check(
    release: str,
    raw_manifest: bytes,
    signature: FoundSignature,
    found: dict[str, Found],
    key: object | None,
    where: str,
    folders: list[str] | None = None,
) -> VerifyReport:
    try:
        manifest = Manifest.from_json(raw_manifest, where + MANIFEST)
    except ManifestError as error:
        problem = Problem("manifest", where + MANIFEST, f"is damaged: {error.detail}")
        return VerifyReport(release, None, 0, (problem,), (), "unchecked")
    problems, listed = check_listing(manifest, found, where)
    if folders is not None:
        problems += check_folders(folders, listed, where)
    status, notes, trouble = check_signature(manifest, raw_manifest, signature, key, where)
    problems += trouble
    return VerifyReport(
        release, manifest.version, len(listed), tuple(problems), tuple(notes), status
    )
