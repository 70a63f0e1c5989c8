"""A deterministic ``.tar.gz`` of a release folder, and a bounded reader for any archive.

The same release always gives the same bytes: entries sorted, fixed owner, modes and
mtimes, and a gzip header without name or time. Anyone can rebuild the archive from the
folder and compare hashes. Reading never extracts and never holds a member in memory,
so an archive from anywhere can be checked.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import tarfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Self

from pydantic import BaseModel

from gpai_docs.bundle.manifest_schema import MAX_MANIFEST_BYTES
from gpai_docs.errors import InternalError

_FILE_MODE = 0o644
_DIR_MODE = 0o755
_BLOCK = 1 << 20
MAX_MEMBERS = 10_000
MAX_EXTENDED_HEADER = 64 * 1024
_EXTENDED = (
    tarfile.XHDTYPE,
    tarfile.XGLTYPE,
    tarfile.SOLARIS_XHDTYPE,
    tarfile.GNUTYPE_LONGNAME,
    tarfile.GNUTYPE_LONGLINK,
)


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


@dataclass(frozen=True, slots=True)
class Member:
    """One archive member as found: a regular file's hash and size, or what it is instead."""

    name: str
    kind: str | None  # None for a regular file, else e.g. "a folder", "a hard link to 'x'"
    sha256: str | None = None
    size: int = 0
    data: bytes | None = None  # kept only for the names asked for, within their limit


@dataclass(frozen=True)
class Scan:
    """Every member in order, and what is wrong with the archive as a whole."""

    members: tuple[Member, ...]
    problems: tuple[str, ...]


class _Refused(tarfile.HeaderError):
    pass


# A block of zeros, or no data at all: the normal end (typeshed omits these classes).
_END_OF_MEMBERS: tuple[type[Exception], ...] = (
    tarfile.EOFHeaderError,  # type: ignore[attr-defined]
    tarfile.EmptyHeaderError,  # type: ignore[attr-defined]
    _Refused,
)


class _BoundedInfo(tarfile.TarInfo):
    """Refuses, before they are read, the headers tarfile would read whole into memory.

    An extended (pax or GNU long-name) header or a sparse map can claim any size, and a
    few bytes of gzip can deliver it: 1 MB of gzip is 1 GB of header."""

    def _proc_member(self, tar: tarfile.TarFile) -> tarfile.TarInfo:
        if self.type in _EXTENDED and self.size > MAX_EXTENDED_HEADER:
            raise _Refused(
                f"an extended header of {self.size:,} bytes (at most {MAX_EXTENDED_HEADER:,})"
            )
        if self.type == tarfile.GNUTYPE_SPARSE:
            raise _Refused("a GNU sparse member, which gpai-docs never writes")
        result: tarfile.TarInfo = super()._proc_member(tar)  # type: ignore[misc]
        return result

    def _proc_gnusparse_10(self, *_args: object) -> None:
        raise _Refused("a GNU sparse member, which gpai-docs never writes")

    @classmethod
    def fromtarfile(cls, tar: tarfile.TarFile) -> Self:
        # tarfile ends the archive quietly at a damaged header; GNU tar skips it and goes
        # on extracting. Only a block of zeros (or the end of the data) ends a release.
        try:
            return super().fromtarfile(tar)
        except _END_OF_MEMBERS:
            raise
        except tarfile.HeaderError as error:
            raise _Refused(f"a damaged member header ({error})") from None


def scan_archive(archive: BinaryIO, keep: Mapping[str, int] | None = None) -> Scan:
    """Read every member of a .tar.gz in one streaming pass; extract nothing.

    Regular files are hashed in blocks, so memory stays flat whatever they hold; the
    content of the members named in ``keep`` is kept up to its limit (one byte more shows
    that it is over). After the last member only zeros may follow: a tar that skips a
    damaged header (GNU tar does) would extract whatever comes next."""
    keep = keep or {}
    members: list[Member] = []
    problems: list[str] = []
    try:
        with tarfile.open(fileobj=archive, mode="r:gz", tarinfo=_BoundedInfo) as tar:
            while (info := tar.next()) is not None:
                if len(members) == MAX_MEMBERS:
                    problems.append(f"has more than {MAX_MEMBERS:,} members")
                    break
                members.append(_member(tar, info, keep.get(info.name)))
            else:
                if tar.pax_headers:
                    problems.append("has a global pax header, which renames or alters members")
                if not _only_zeros_after(tar):
                    problems.append("has data after its end-of-archive marker")
    except (OSError, EOFError, tarfile.TarError, zlib.error) as error:
        problems.append(f"cannot be read ({error})")
    return Scan(tuple(members), tuple(problems))


def _member(tar: tarfile.TarFile, info: tarfile.TarInfo, keep: int | None) -> Member:
    kind = _kind(info)
    if kind is not None:
        return Member(info.name, kind)
    handle = tar.extractfile(info)
    if handle is None:  # a regular member always has a file object
        raise InternalError(f"tar member {info.name!r} has no data")
    digest, size, kept = hashlib.sha256(), 0, bytearray()
    for block in iter(lambda: handle.read(_BLOCK), b""):
        digest.update(block)
        size += len(block)
        if keep is not None and len(kept) <= keep:
            kept += block[: keep + 1 - len(kept)]
    data = bytes(kept) if keep is not None else None
    return Member(info.name, None, digest.hexdigest(), size, data)


def _kind(info: tarfile.TarInfo) -> str | None:
    if info.type in (tarfile.REGTYPE, tarfile.AREGTYPE) and info.sparse is None:
        return None
    link = json.dumps(info.linkname)
    named = {
        tarfile.DIRTYPE: "a folder",
        tarfile.SYMTYPE: f"a symbolic link to {link}",
        tarfile.LNKTYPE: f"a hard link to {link}",
        tarfile.CHRTYPE: "a character device",
        tarfile.BLKTYPE: "a block device",
        tarfile.FIFOTYPE: "a named pipe (FIFO)",
        tarfile.CONTTYPE: "a contiguous file",
    }
    if info.sparse is not None:
        return "a sparse file"
    return named.get(info.type, f"a member of tar type {info.type!r}")


def _only_zeros_after(tar: tarfile.TarFile) -> bool:
    stream = tar.fileobj  # just after the block of zeros that ended the archive
    if stream is None:
        raise InternalError("the archive stream is closed")
    return all(not block.strip(b"\0") for block in iter(lambda: stream.read(_BLOCK), b""))


def read_member(archive: Path, name: str, limit: int = MAX_MANIFEST_BYTES) -> bytes | None:
    """The content of one regular member of at most ``limit`` bytes, or None."""
    with tarfile.open(archive, mode="r:gz", tarinfo=_BoundedInfo) as tar:
        for info in tar:
            if info.name == name and info.isreg() and info.size <= limit:
                handle = tar.extractfile(info)
                return handle.read(limit + 1) if handle else None
    return None


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
