"""One writer per output folder: an advisory ``flock`` on a lock file inside it.

Two builds (or releases) into the same folder would interleave their files and leave a
manifest that matches neither. The second one is refused at once with a clear message
rather than made to wait: in CI a wait looks like a hang. The kernel drops the lock when
the holder dies, even by SIGKILL, so a killed build never leaves the folder locked.

The lock is a POSIX record lock (``lockf``), not a ``flock``: a ``flock`` belongs to the open
file and is shared by every process forked while it is held, so the PDF workers of a
killed build kept the folder locked until they finished. A record lock belongs to the
process that took it and is never inherited by a fork.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from gpai_docs.errors import OutputError
from gpai_docs.fileio import Refused, folder, refused_error
from gpai_docs.fileio.paths import parts_inside

__all__ = ["LOCK_NAME", "output_lock"]

LOCK_NAME = ".gpai-docs.lock"

_REASONS = {
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exhausted",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.ELOOP: "its lock file is a symbolic link, which is never followed",
}


def unwritable(folder: Path, error: OSError) -> OutputError:
    """The OutputError for an output folder that cannot be created or written."""
    reason = _REASONS.get(error.errno or 0) or (error.strerror or str(error)).lower()
    return OutputError(
        f"Cannot write to {folder}: {reason}.",
        hint="Choose a writable output folder with --out, or free space on its disk.",
    )


@contextlib.contextmanager
def output_lock(
    target: Path, *, name: str = LOCK_NAME, what: str = "gpai-docs build", root: Path | None = None
) -> Iterator[None]:
    """Hold the exclusive lock of the folder ``target`` (created if needed) for the duration.

    ``target`` and every folder between ``root`` (default: ``target`` itself) and it must
    be real folders, not links: whatever is written under the lock goes where the lock is.
    Raises OutputError if the folder cannot be created or written, if it is reached
    through a link, or if another process holds the lock.
    """
    base = target if root is None else root
    # absolute(): ``target`` is named from the working folder, like ``root``, not below it
    parts = () if root is None else parts_inside(root, target.absolute())
    flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW
    try:
        with folder(base, parts, create=True) as folder_fd:
            fd = os.open(name, flags, 0o644, dir_fd=folder_fd)
    except Refused as refused:
        raise refused_error(target / name, refused, base) from None
    except OSError as error:
        raise unwritable(target, error) from None
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno not in (errno.EACCES, errno.EAGAIN):
                raise unwritable(target, error) from None
            raise OutputError(
                f"Another {what} is writing to {target}.",
                hint="Wait for it to finish, or write to another folder with --out.",
            ) from None
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
