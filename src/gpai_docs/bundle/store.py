"""The releases of one model under ``<out>/<slug>/``: listing, locking and crash recovery.

A release becomes visible in one step, when its staging folder is renamed to
``<version>/``; everything before that lives under hidden ``.<version>.staging-*`` names
that nothing lists. The archive is renamed into place right after; if a crash falls
between the two renames, the next release of the model finishes the job (the archive was
complete and synced before the folder was renamed).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gpai_docs.bundle.archive import read_member
from gpai_docs.bundle.manifest import Manifest, read_manifest
from gpai_docs.bundle.manifest_schema import MAX_MANIFEST_BYTES, check_releases
from gpai_docs.bundle.naming import check_slug
from gpai_docs.bundle.sources import MANIFEST
from gpai_docs.errors import UserError
from gpai_docs.fileio import Refused, read_regular
from gpai_docs.fileio.locking import output_lock

STAGING = ".staging-"
LOCK = ".release.lock"


@dataclass(frozen=True)
class Release:
    """One release folder and its manifest."""

    path: Path
    manifest: Manifest

    @property
    def version(self) -> str:
        return self.manifest.version


class ModelStore:
    """The folder of one model's releases."""

    def __init__(self, out: Path, slug: str) -> None:
        self.out = out
        self.slug = check_slug(slug)
        self.root = out / slug

    def release_dir(self, version: str) -> Path:
        return self.root / version

    def archive(self, version: str) -> Path:
        return self.root / f"{version}.tar.gz"

    def releases(self) -> list[Release]:
        """Every complete release, oldest first."""
        if not self.root.is_dir():
            return []
        found = [
            Release(child, read_manifest(child))
            for child in self.root.iterdir()
            if not child.name.startswith(".")
            and not child.is_symlink()
            and child.is_dir()
            and (child / MANIFEST).is_file()
        ]
        check_releases(self.slug, [(r.path, r.manifest) for r in found])
        return sorted(found, key=lambda r: (r.manifest.sequence, r.manifest.released_on))

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the model's release lock; the kernel drops it if the process dies."""
        # From ``out`` down: a committed ``out/<model>`` link would take the release,
        # AI Office files included, to wherever it points.
        with output_lock(self.root, name=LOCK, what=f"release of {self.slug}", root=self.out):
            yield

    def recover(self) -> list[str]:
        """Finish or discard what an interrupted release left; call with the lock held."""
        notes: list[str] = []
        if not self.root.is_dir():
            return notes
        for entry in sorted(self.root.iterdir()):
            if not (entry.name.startswith(".") and STAGING in entry.name):
                continue
            version = entry.name[1:].split(STAGING)[0]
            if entry.is_symlink() or not (entry.is_dir() or entry.is_file()):
                entry.unlink()  # never ours: a link is removed, not followed
                notes.append(f"removed {entry.name}, which was not a file or folder")
                continue
            if entry.is_dir():
                shutil.rmtree(entry)
                notes.append(f"removed the staging folder of an interrupted release {version}")
                continue
            version = version.removesuffix(".tar.gz")
            if self._complete_archive(entry, version):
                entry.replace(self.archive(version))
                fsync_dir(self.root)
                notes.append(f"finished placing the archive of release {version}")
            else:
                entry.unlink()
                notes.append(f"removed the partial archive of an interrupted release {version}")
        return notes

    def _complete_archive(self, staged: Path, version: str) -> bool:
        folder = self.release_dir(version)
        if self.archive(version).exists() or not (folder / MANIFEST).is_file():
            return False
        try:
            inside = read_member(staged, f"{version}/{MANIFEST}")
        except (OSError, EOFError, ValueError, tarfile.TarError):
            return False
        try:
            return inside == read_regular(folder / MANIFEST, MAX_MANIFEST_BYTES)
        except (OSError, Refused):
            return False


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(root: Path) -> None:
    """Flush every file and folder under ``root`` to disk, deepest first."""
    for folder, _dirs, files in os.walk(root, topdown=False):
        for name in files:
            fd = os.open(Path(folder) / name, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        fsync_dir(Path(folder))


def find_model_dir(path: Path, slug: str | None) -> Path:
    """The model folder from an output folder (``output/``) or a model folder itself."""
    if not path.is_dir():
        raise UserError(f"{path} is not a folder.", hint="Give the --out folder of `release`.")
    if slug is not None:
        check_slug(slug)
        if path.name == slug and _has_releases(path):
            return path
        if (path / slug).is_dir():
            return path / slug
        raise UserError(f"No releases of {slug} under {path}.", hint=_available(path))
    if _has_releases(path):
        return path
    models = [c for c in sorted(path.iterdir()) if c.is_dir() and _has_releases(c)]
    if len(models) == 1:
        return models[0]
    if not models:
        raise UserError(
            f"No releases under {path}.",
            hint="Give the --out folder of `gpai-docs release` (default: output).",
        )
    raise UserError(f"{path} holds several models.", hint=_available(path))


def _has_releases(path: Path) -> bool:
    return any(
        child.is_dir() and not child.name.startswith(".") and (child / MANIFEST).is_file()
        for child in path.iterdir()
    )


def _available(path: Path) -> str:
    models = [c.name for c in sorted(path.iterdir()) if c.is_dir() and _has_releases(c)]
    return "Pick one with --model: " + ", ".join(models) if models else "No models released yet."
