"""Reading a release's own files: never through a link, never blocking on a pipe.

A release folder may have been tampered with, so "the file manifest.json" may turn out to
be a link to elsewhere, a FIFO that blocks the reader forever, a device or a file of
2 GB. Each of those is named for what it is instead of being read.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path
from typing import BinaryIO

_BLOCK = 1 << 20


class NotRegularFile(Exception):
    """The path is something other than a regular file; ``kind`` says what, in words."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def file_kind(mode: int) -> str | None:
    """What a file of this ``st_mode`` is, in words; None for a regular file."""
    kinds = (
        (stat.S_ISLNK, "a symbolic link"),
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in kinds if test(mode)), "not a regular file")


def open_regular(path: Path, *, follow: bool = False) -> BinaryIO:
    """``path`` opened for reading if it is a regular file (itself, unless ``follow``).

    It is looked at before it is opened, so that no device or FIFO is ever opened;
    O_NOFOLLOW and a second look after the open catch a swap in between."""
    kind = file_kind((os.stat if follow else os.lstat)(path).st_mode)
    if kind is not None:
        raise NotRegularFile(kind)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow else os.O_NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotRegularFile("a symbolic link") from None
        raise
    kind = file_kind(os.fstat(fd).st_mode)
    if kind is not None:
        os.close(fd)
        raise NotRegularFile(kind)
    return os.fdopen(fd, "rb")


def read_regular(path: Path, limit: int) -> bytes:
    """At most ``limit`` + 1 bytes of a regular file (the one more shows it is too big)."""
    with open_regular(path) as handle:
        return handle.read(limit + 1)


def hash_regular(path: Path) -> tuple[str, int]:
    """SHA-256 and size of a regular file, read in blocks: memory stays flat at any size."""
    digest, size = hashlib.sha256(), 0
    with open_regular(path) as handle:
        for block in iter(lambda: handle.read(_BLOCK), b""):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size
