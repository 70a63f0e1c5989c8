"""Reading files that someone else wrote: never through a link, never blocking on a pipe.

A release folder may have been tampered with and a project comes with a pull request, so
"the file manifest.json" may turn out to be a link to elsewhere, a FIFO that blocks the
reader forever, ``/dev/zero`` or a file of 2 GB. Each of those is named for what it is
instead of being read.
"""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path
from typing import BinaryIO

from gpai_docs.fileio.paths import NotRegularFile, Refused, file_kind, folder, parts_inside

__all__ = [
    "NotRegularFile",
    "Refused",
    "file_kind",
    "hash_inside",
    "hash_regular",
    "open_regular",
    "read_inside",
    "read_regular",
]

_BLOCK = 1 << 20
_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC


def _open_checked(name: str | Path, dir_fd: int | None, follow: bool) -> BinaryIO:
    """Look before opening, so that no device or FIFO is ever opened; O_NOFOLLOW and a
    second look after the open catch a swap in between."""
    kind = file_kind(os.stat(name, dir_fd=dir_fd, follow_symlinks=follow).st_mode)
    if kind is not None:
        raise NotRegularFile(kind, Path(name))
    try:
        fd = os.open(name, _FLAGS | (0 if follow else os.O_NOFOLLOW), dir_fd=dir_fd)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotRegularFile("a symbolic link", Path(name)) from None
        raise
    kind = file_kind(os.fstat(fd).st_mode)
    if kind is not None:
        os.close(fd)
        raise NotRegularFile(kind, Path(name))
    return os.fdopen(fd, "rb")


def open_regular(path: Path, *, follow: bool = False) -> BinaryIO:
    """``path`` opened for reading if it is a regular file (itself, unless ``follow``)."""
    return _open_checked(path, None, follow)


def read_regular(path: Path, limit: int, *, follow: bool = False) -> bytes:
    """At most ``limit`` + 1 bytes of a regular file (the one more shows it is too big)."""
    with open_regular(path, follow=follow) as handle:
        return handle.read(limit + 1)


def _hash(handle: BinaryIO) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    for block in iter(lambda: handle.read(_BLOCK), b""):
        digest.update(block)
        size += len(block)
    return digest.hexdigest(), size


def hash_regular(path: Path) -> tuple[str, int]:
    """SHA-256 and size of a regular file, read in blocks: memory stays flat at any size."""
    with open_regular(path) as handle:
        return _hash(handle)


def hash_inside(root: Path, relative: Path | str, *, where: str) -> tuple[str, int]:
    """SHA-256 and size of ``root/relative``, refused as :func:`read_inside` refuses."""
    parts = parts_inside(root, relative, where=where)
    with (
        folder(root, parts[:-1], follow_root=True) as fd,
        _open_checked(parts[-1], fd, False) as handle,
    ):
        return _hash(handle)


def read_inside(root: Path, relative: Path | str, limit: int, *, where: str) -> bytes:
    """At most ``limit`` + 1 bytes of ``root/relative``, a regular file below ``root``.

    Refused (:class:`Refused`, its ``kind`` in words): a path outside ``root`` (``where``
    names it, e.g. "the project folder"), a link anywhere below ``root``, and anything
    but a regular file. A missing file raises FileNotFoundError.
    """
    parts = parts_inside(root, relative, where=where)
    with (
        folder(root, parts[:-1], follow_root=True) as fd,
        _open_checked(parts[-1], fd, False) as handle,
    ):
        return handle.read(limit + 1)
