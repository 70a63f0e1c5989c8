"""Writing outputs so that a crash never leaves a half-written file and no input is lost.

Each file goes to a temporary name in its own folder, is fsynced and renamed over the
target. The folder is reached through descriptors that never follow a link
(:mod:`gpai_docs.fileio.paths`); a target that is a link, a FIFO, a device or a folder
is refused, and so is one that is the same file (same device and inode) as an input the
caller registered: through a link, a hard link or ``./name``, writing it would replace
what is being read.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path

from gpai_docs.errors import OutputError
from gpai_docs.fileio.paths import Refused, file_kind, folder, parts_inside

FileId = tuple[int, int]


def file_ids(paths: Iterable[Path]) -> dict[FileId, Path]:
    """(device, inode) of each existing path, links followed: what "the same file" means."""
    ids: dict[FileId, Path] = {}
    for path in paths:
        with contextlib.suppress(OSError, ValueError):
            info = Path(path).stat()
            ids.setdefault((info.st_dev, info.st_ino), path)
    return ids


def refused_error(path: Path, refused: Refused, root: Path) -> OutputError:
    """The OutputError for a write stopped by a link, a special file or a climb out."""
    where = refused.path if refused.path is not None else path
    if refused.kind.startswith("outside"):
        return OutputError(
            f"Cannot write {path}: it is outside the output folder {root}.",
            hint="Output names must stay inside the output folder; report this as a bug.",
        )
    return OutputError(
        f"Cannot write {path}: {where} is {refused.kind}. Writing through it could put the "
        f"file somewhere other than the output folder {root}, so nothing was written there.",
        hint="Replace it with a real folder (or remove it), or choose another folder with --out.",
    )


def _check_target(dir_fd: int, name: str, shown: Path, inputs: dict[FileId, Path]) -> None:
    try:
        info = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        return
    kind = file_kind(info.st_mode)
    if kind is not None:
        raise OutputError(
            f"Cannot write {shown}: a file of that name exists and is {kind}; it is left as "
            "it is and nothing was written.",
            hint="Remove it, or choose another output folder with --out.",
        )
    source = inputs.get((info.st_dev, info.st_ino))
    if source is not None:
        raise OutputError(
            f"Cannot write {shown}: it is the input {source} (the same file under another "
            "name); writing it would replace that input. Nothing was written.",
            hint="Choose an output path that is not one of the inputs.",
        )


def stage_at(dir_fd: int, name: str, data: bytes) -> str:
    """Write ``data`` to a new hidden file beside ``name``, synced; return its name."""
    temp = f".{name[:200]}.{secrets.token_hex(4)}.part"
    # 0o666 less the umask, as open() would; O_EXCL|O_NOFOLLOW: a fresh file, never a link.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    fd = os.open(temp, flags, 0o666, dir_fd=dir_fd)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp, dir_fd=dir_fd)
        raise
    return temp


def _write_at(dir_fd: int, name: str, data: bytes, shown: Path, inputs: dict[FileId, Path]) -> None:
    _check_target(dir_fd, name, shown, inputs)
    temp = stage_at(dir_fd, name, data)
    try:
        os.rename(temp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp, dir_fd=dir_fd)
        raise


def write_bytes_atomic(target: Path, data: bytes, *, inputs: Iterable[Path] = ()) -> None:
    """Write ``target`` atomically; its folder is the caller's choice and is created.

    The target itself is refused if it is a link, a special file or one of ``inputs``."""
    parent = target.parent
    try:
        with folder(parent, create=True, follow_root=True) as fd:
            _write_at(fd, target.name, data, target, file_ids(inputs))
    except Refused as refused:
        raise refused_error(target, refused, parent) from None


def write_text_atomic(target: Path, text: str, *, inputs: Iterable[Path] = ()) -> None:
    write_bytes_atomic(target, text.encode("utf-8"), inputs=inputs)


def write_user_file(target: Path, text: str) -> None:
    """Write a file the user asked for (a scaffold, an export): a failure is an OutputError
    that says which file and what to check, never an OSError traceback."""
    try:
        write_text_atomic(target, text)
    except OSError as error:
        raise OutputError(
            f"cannot write {target}: {error.strerror or error}",
            hint="Check that the folder is writable.",
        ) from None


class OutputFolder:
    """Every write below one root (the ``--out`` folder): inside it, through real folders.

    The root and each folder below it must not be a link; ``inputs`` are never written
    over. Errors are :class:`OutputError` naming the path, and nothing is half-written.
    """

    def __init__(self, root: Path, *, inputs: Iterable[Path] = ()) -> None:
        self.root = root
        self.inputs = file_ids(inputs)

    def path(self, relative: Path | str) -> Path:
        return self.root.joinpath(*self._parts(relative))

    def _parts(self, relative: Path | str) -> tuple[str, ...]:
        try:
            return parts_inside(self.root, relative, where="the output folder")
        except Refused as refused:
            raise refused_error(self.root / relative, refused, self.root) from None

    @contextlib.contextmanager
    def _folder(self, parts: tuple[str, ...], shown: Path) -> Iterator[int]:
        try:
            with folder(self.root, parts, create=True) as fd:
                yield fd
        except Refused as refused:
            raise refused_error(shown, refused, self.root) from None

    def mkdir(self, relative: Path | str) -> Path:
        """Make ``root/relative`` (and the folders on the way); refuse a link on the way."""
        parts = () if str(relative) in ("", ".") else self._parts(relative)
        shown = self.root.joinpath(*parts)
        with self._folder(parts, shown):
            return shown

    def write(self, relative: Path | str, data: bytes) -> Path:
        parts = self._parts(relative)
        shown = self.root.joinpath(*parts)
        with self._folder(parts[:-1], shown) as fd:
            _write_at(fd, parts[-1], data, shown, self.inputs)
        return shown

    def unlink(self, relative: Path | str) -> bool:
        """Remove a file an earlier run left; False if there is none inside the root.

        The name may come from a record in the output folder that anyone could have
        edited, so a name outside the root or behind a link is passed over, and a link
        is removed itself, never followed."""
        try:
            parts = parts_inside(self.root, relative, where="the output folder")
            with folder(self.root, parts[:-1]) as fd:
                os.unlink(parts[-1], dir_fd=fd)
        except (Refused, FileNotFoundError, NotADirectoryError, IsADirectoryError):
            return False
        return True
