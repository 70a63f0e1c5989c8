"""Paths kept inside a root folder, walked one folder at a time without following links.

Every read of a project file and every write of an output goes from a root the caller
names (the project folder, the ``--out`` folder) down through folder descriptors opened
with ``O_NOFOLLOW``: a folder on the way that is a symbolic link, a file or a device stops
the walk. So a committed ``output/<model> -> /elsewhere`` link cannot redirect a release,
and ``stats/../../x`` cannot climb out, even if the link is swapped in between a check
and the open (each step opens what it checked).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path, PurePosixPath


class Refused(Exception):
    """A path that is not read or written; ``kind`` says why, as in "<path> is <kind>"."""

    def __init__(self, kind: str, path: Path | None = None) -> None:
        super().__init__(kind)
        self.kind = kind
        self.path = path


class NotRegularFile(Refused):
    """The path is something other than a regular file (a link, a FIFO, a device...)."""


_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def file_kind(mode: int) -> str | None:
    """What a file of this ``st_mode`` is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def parts_inside(root: Path, path: Path | str, *, where: str = "the folder") -> tuple[str, ...]:
    """The components of ``path`` below ``root``, worked out from the text alone.

    ``path`` is relative to ``root``, or absolute and under it. ``..`` is applied to the
    text; a path that ends up above ``root`` (or is ``root`` itself) is refused. Links
    are not resolved here: the walk refuses them.
    """
    base = os.path.normpath(Path(root).absolute())
    full = os.path.normpath(Path(base) / path)
    relative = PurePosixPath(os.path.relpath(full, base))
    if relative.parts[:1] == ("..",) or str(relative) == ".":
        raise Refused(f"outside {where}", Path(path))
    return relative.parts


def _open_dir(name: str | Path, dir_fd: int | None, *, follow: bool) -> int:
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC | (0 if follow else os.O_NOFOLLOW)
    try:
        return os.open(name, flags, dir_fd=dir_fd)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise Refused("a symbolic link", Path(name)) from None
        if error.errno == errno.ENOTDIR:
            # Linux says ENOTDIR, not ELOOP, for a link opened with O_DIRECTORY|O_NOFOLLOW.
            kind = _kind_at(name, dir_fd) or "a file"
            link = kind == "a symbolic link"
            raise Refused(kind if link else f"{kind}, not a folder", Path(name)) from None
        raise


def _kind_at(name: str | Path, dir_fd: int | None) -> str | None:
    try:
        return file_kind(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
    except OSError:
        return None


@contextlib.contextmanager
def folder(
    root: Path, parts: tuple[str, ...] = (), *, create: bool = False, follow_root: bool = False
) -> Iterator[int]:
    """A descriptor of ``root/parts...``, each step opened without following a link.

    ``create`` makes missing folders (and ``root`` with its parents). The root itself
    must not be a link unless ``follow_root``: the caller chose its name, but in CI the
    name is fixed and the link may come with the pull request. Raises :class:`Refused`
    naming the offending folder.
    """
    if create:
        Path(root).mkdir(parents=True, exist_ok=True)
    fd = _open_dir(root, None, follow=follow_root)
    try:
        here = Path(root)
        for part in parts:
            here = here / part
            if create:
                with contextlib.suppress(FileExistsError):
                    os.mkdir(part, 0o777, dir_fd=fd)
            try:
                child = _open_dir(part, fd, follow=False)
            except Refused as refused:
                raise Refused(refused.kind, here) from None
            os.close(fd)
            fd = child
        yield fd
    finally:
        os.close(fd)


def check_folder(root: Path, relative: Path | str = ".", *, create: bool = False) -> Path:
    """``root/relative`` if it and every folder from ``root`` down are real folders."""
    parts = () if str(relative) in ("", ".") else parts_inside(root, relative)
    with folder(root, parts, create=create):
        return Path(root).joinpath(*parts)
