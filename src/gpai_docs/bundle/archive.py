"""A deterministic ``.tar.gz`` of a release folder.

The same release always gives the same bytes: entries sorted, fixed owner, modes and
mtimes, and a gzip header without name or time. Anyone can rebuild the archive from the
folder and compare hashes.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import tarfile
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

_FILE_MODE = 0o644
_DIR_MODE = 0o755


def release_files(root: Path) -> list[str]:
    """Every regular file under ``root`` as sorted POSIX paths; symlinks are not followed."""
    out: list[str] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        base = Path(folder)
        for name in files:
            out.append((base / name).relative_to(root).as_posix())
        # Symlinked folders show up in ``dirs``; they are reported as files so that
        # verification flags them instead of silently skipping them.
        linked = [name for name in dirs if (base / name).is_symlink()]
        out.extend((base / name).relative_to(root).as_posix() for name in linked)
    return sorted(out)


def _folders(paths: list[str]) -> list[str]:
    found = {"/".join(p.split("/")[:i]) for p in paths for i in range(1, p.count("/") + 1)}
    return sorted(found)


def write_archive(root: Path, target: Path, *, prefix: str, mtime: int) -> None:
    """Write ``root`` as ``target`` (tar.gz), entries under ``prefix/``, then fsync it."""
    paths = release_files(root)
    entries = [(d, True) for d in _folders(paths)] + [(p, False) for p in paths]
    with (
        target.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz,
        tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        tar.addfile(_info(prefix, tarfile.DIRTYPE, 0, mtime))
        for name, is_dir in sorted(entries):
            member = f"{prefix}/{name}"
            if is_dir:
                tar.addfile(_info(member, tarfile.DIRTYPE, 0, mtime))
                continue
            with (root / name).open("rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                tar.addfile(_info(member, tarfile.REGTYPE, size, mtime), handle)
    with target.open("rb") as done:
        os.fsync(done.fileno())


def _info(name: str, kind: bytes, size: int, mtime: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.size = size
    info.mtime = mtime
    info.mode = _DIR_MODE if kind == tarfile.DIRTYPE else _FILE_MODE
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def archive_members(archive: Path) -> Iterator[tuple[str, bytes | None]]:
    """Every member of an archive as (name, content); content is None for non-regular files.

    Read in memory, never extracted: a hostile archive cannot write anywhere.
    """
    with tarfile.open(archive, mode="r:gz") as tar:
        for member in tar:
            if member.isdir():
                continue
            if not member.isreg():
                yield member.name, None
                continue
            handle = tar.extractfile(member)
            yield member.name, handle.read() if handle else None


def read_member(archive: Path, name: str) -> bytes | None:
    """The content of one member, or None."""
    with tarfile.open(archive, mode="r:gz") as tar:
        try:
            member = tar.getmember(name)
        except KeyError:
            return None
        handle = tar.extractfile(member)
        return handle.read() if handle else None


def archive_mtime(models: dict[str, BaseModel]) -> int:
    """Archive timestamps: SOURCE_DATE_EPOCH if set, else the newest document date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return int(epoch)
    dates: list[dt.date] = []
    for model in models.values():
        for section in ("document", "header"):
            part = getattr(model, section, None)
            for name in ("last_updated", "last_update"):
                value = getattr(part, name, None)
                if isinstance(value, dt.date):
                    dates.append(value)
    newest = max(dates) if dates else dt.date(1980, 1, 1)
    return int(dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.UTC).timestamp())
