"""The checks of ``verify`` that do not depend on where the files came from.

A release folder and a release archive are both gathered into the same shape (every path
found, with its SHA-256 and size or what it is instead) and checked here against the
manifest: every listed path safe and listed once, every listed file present, regular and
unaltered, nothing unlisted, and the signature exactly as the manifest records it. An
archive's members are checked as a whole too: each once, each a plain path inside the
release folder, and no folder entry but those of listed files.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from gpai_docs.bundle.archive import Member
from gpai_docs.bundle.manifest import FileEntry, Manifest, path_problem
from gpai_docs.bundle.sources import MANIFEST, SIGNATURE

ProblemKind = Literal["missing", "altered", "extra", "unsafe", "manifest", "signature", "archive"]
SignatureStatus = Literal["valid", "invalid", "unchecked", "unsigned", "missing"]
SIGNATURE_BYTES = 64  # Ed25519
SIGNATURE_READ_LIMIT = 4096  # far more than a signature, little enough to read whole
# What a signature file was found to be: its bytes, what it is instead of a file, or absent.
FoundSignature = bytes | str | None


@dataclass(frozen=True, slots=True)
class Problem:
    kind: ProblemKind
    path: str
    message: str


@dataclass(frozen=True, slots=True)
class Found:
    """What is at one path of a release: a regular file's digest and size, or what else.

    Exactly one of ``sha256`` and ``kind`` is set; ``size`` counts for a regular file only."""

    sha256: str | None
    size: int = 0
    kind: str | None = None  # None for a regular file, else e.g. "a named pipe (FIFO)"


def enclosing_folders(paths: Iterable[str]) -> set[str]:
    """Every folder that the given release paths sit in (``a`` and ``a/b`` for ``a/b/c``)."""
    return {"/".join(p.split("/")[:i]) for p in paths for i in range(1, p.count("/") + 1)}


def shown(path: str) -> str:
    """A path that can be printed: quoted and escaped if it holds anything unprintable."""
    return path if path and path.isprintable() else json.dumps(path)


def unsafe_reason(path: str) -> str | None:
    """Why a manifest path cannot name a file of the release, or None."""
    if path in (MANIFEST, SIGNATURE):
        return "names the manifest or its signature, which the manifest cannot list"
    return path_problem(path)


def check_listing(
    manifest: Manifest, found: Mapping[str, Found], where: str
) -> tuple[list[Problem], set[str]]:
    """Problems of the files against the manifest, and the set of safely listed paths."""
    problems: list[Problem] = []
    listed: dict[str, FileEntry] = {}
    for entry in manifest.files:
        reason = unsafe_reason(entry.path)
        if reason is None and entry.path in listed:
            reason = "is listed more than once under files"
        if reason is not None:
            problems.append(Problem("unsafe", where + shown(entry.path), reason))
            continue
        listed[entry.path] = entry
    problems += _collisions(listed, where)
    problems += _sources(manifest, listed, where)
    for path, entry in listed.items():
        item = found.get(path)
        place = where + shown(path)
        if item is None:
            problems.append(Problem("missing", place, "is listed but missing"))
        elif item.sha256 is None:
            problems.append(Problem("altered", place, f"is {item.kind}, not a regular file"))
        elif item.size != entry.size:
            message = f"has {item.size:,} bytes, the manifest records {entry.size:,}"
            problems.append(Problem("altered", place, message))
        elif item.sha256 != entry.sha256:
            message = f"has SHA-256 {item.sha256}, the manifest records {entry.sha256}"
            problems.append(Problem("altered", place, message))
    for name in sorted(set(found) - set(listed) - {MANIFEST, SIGNATURE}):
        kind = found[name].kind
        what = "is not listed in the manifest" + (f"; it is {kind}" if kind else "")
        problems.append(Problem("extra", where + shown(name), what))
    return problems, set(listed)


def _collisions(listed: Mapping[str, FileEntry], where: str) -> list[Problem]:
    """Paths that are distinct strings but cannot be distinct files once extracted."""
    problems: list[Problem] = []
    folders = enclosing_folders(listed)
    folded: dict[str, str] = {}
    for path in listed:
        first = folded.setdefault(path.casefold(), path)
        if first != path:
            message = f"differs from {shown(first)} only in letter case (one file on macOS)"
            problems.append(Problem("unsafe", where + shown(path), message))
        if path in folders:
            message = "is listed as a file and is also the folder of other listed files"
            problems.append(Problem("unsafe", where + shown(path), message))
    return problems


def _sources(manifest: Manifest, listed: Mapping[str, FileEntry], where: str) -> list[Problem]:
    """Every source document is a file of the release, recorded the same way twice."""
    problems: list[Problem] = []
    for source in manifest.sources:
        place = where + shown(source.path)
        match = listed.get(source.path)
        if match is None:
            message = "is listed under sources but not (safely, once) under files"
            problems.append(Problem("manifest", place, message))
        elif (match.sha256, match.size) != (source.sha256, source.size):
            message = "is recorded with different contents under sources and under files"
            problems.append(Problem("manifest", place, message))
    return problems


def check_signature(
    manifest: Manifest,
    raw_manifest: bytes,
    signature: FoundSignature,
    key: object | None,
    where: str,
) -> tuple[SignatureStatus, list[str], list[Problem]]:
    """The signature's status, notes and problems; a signature must be exactly where the
    manifest says: a stray one in an unsigned release is refused, not ignored."""
    place = where + SIGNATURE
    recorded = manifest.signature
    if recorded is None:
        problems = []
        if signature is not None:
            message = "is present, but the manifest records no signature"
            problems.append(Problem("signature", place, message))
        if key is not None:
            problems.append(Problem("signature", place, "the release is not signed"))
        return ("invalid" if signature is not None else "unsigned"), [], problems
    if signature is None:
        message = "is missing, but the manifest records that the release is signed"
        return "missing", [], [Problem("signature", place, message)]
    if isinstance(signature, str):
        return "invalid", [], [Problem("signature", place, f"is {signature}, not a regular file")]
    if len(signature) != SIGNATURE_BYTES:
        # Only one byte past the read limit is ever read, so its count is not the real size.
        size = (
            f"more than {SIGNATURE_READ_LIMIT:,}"
            if len(signature) > SIGNATURE_READ_LIMIT
            else f"{len(signature):,}"
        )
        message = f"is {size} bytes; an Ed25519 signature is {SIGNATURE_BYTES}"
        return "invalid", [], [Problem("signature", place, message)]
    if key is None:
        note = f"signed with key {recorded['key_id']}; pass --public-key to check it"
        return "unchecked", [note], []
    from gpai_docs.bundle.signing import key_id, signature_valid

    if key_id(key) != recorded["key_id"]:
        message = f"was made with key {recorded['key_id']}, not the given key {key_id(key)}"
        return "invalid", [], [Problem("signature", place, message)]
    if not signature_valid(key, raw_manifest, signature):
        return "invalid", [], [Problem("signature", place, "does not match manifest.json")]
    return "valid", [], []


def gather_members(
    members: Iterable[Member], prefix: str, where: str
) -> tuple[dict[str, Found], list[str], dict[str, bytes], list[Problem]]:
    """The archive's files by path inside the release (the last copy, as tar extracts),
    its folder entries, the kept contents, and every member that has no place in it."""
    found: dict[str, Found] = {}
    folders: list[str] = []
    data: dict[str, bytes] = {}
    problems: list[Problem] = []
    seen: Counter[str] = Counter()
    for member in members:
        name, place = member.name, where + shown(member.name)
        seen[name] += 1
        if seen[name] == 2:
            message = "appears more than once; tar extracts the last copy over the others"
            problems.append(Problem("archive", place, message))
        reason = path_problem(name)
        if reason is not None:
            problems.append(Problem("unsafe", place, f"{reason}; not a plain path under {prefix}/"))
            continue
        if name == prefix:
            if member.kind != "a folder":
                problems.append(
                    Problem(
                        "archive", place, f"is {member.kind or 'a file'}, not the release folder"
                    )
                )
            continue
        if not name.startswith(f"{prefix}/"):
            problems.append(Problem("archive", place, f"is outside the release folder {prefix}/"))
            continue
        relative = name.removeprefix(f"{prefix}/")
        if member.kind == "a folder":
            folders.append(relative)
            continue
        found[relative] = Found(member.sha256, member.size, member.kind)
        if member.data is not None:
            data[relative] = member.data
    return found, folders, data, problems


def check_folders(folders: list[str], listed: set[str], where: str) -> list[Problem]:
    """An archive's folder entries: only the folders of listed files, none over a file."""
    implied = enclosing_folders(listed)
    problems = []
    for folder in folders:
        place = where + shown(folder)
        if folder in listed:
            message = "is a folder entry where the manifest lists a file; it would shadow the file"
            problems.append(Problem("archive", place, message))
        elif folder not in implied:
            problems.append(Problem("extra", place, "is a folder the manifest does not imply"))
    return problems
