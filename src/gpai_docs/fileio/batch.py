"""Several outputs written as one: distinct names first, then all files or none.

Two outputs whose names differ only in case, or that are the same file under two names,
would overwrite each other (on a case-insensitive file system even ``Text`` and
``text`` do), and the loser would vanish without a word. A batch refuses that before
anything is written. Its files are staged beside their targets first and renamed in
order; a failure part-way puts back what the renames replaced.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from gpai_docs.errors import OutputError
from gpai_docs.fileio.paths import Refused, folder
from gpai_docs.fileio.writing import _check_target, file_ids, refused_error, stage_at


def check_names(names: Mapping[str, Path]) -> None:
    """Refuse two outputs that would be one file. ``names`` maps what names each output
    (``--out``, "the 'text' modality list") to its path."""
    seen: dict[str, str] = {}
    ids: dict[tuple[int, int], str] = {}
    for what, path in names.items():
        if path.name in ("", ".", "..") or not path.name.strip("."):
            raise OutputError(
                f"{what} has no usable file name ({str(path)!r}).",
                hint="Give every output a file name such as domains.csv.",
            )
        # As written, and with the folder's links resolved (``a/k.pem`` and ``b/k.pem``
        # when ``b`` links to ``a``); files that exist also by device and inode.
        keys = {
            os.path.normpath(path.absolute()).casefold(),
            str(path.absolute().parent.resolve() / path.name).casefold(),
        }
        same = file_ids([path])
        other = next((seen[k] for k in keys if k in seen), None) or next(
            (ids[i] for i in same if i in ids), None
        )
        if other is not None:
            first = what[:1].upper() + what[1:]
            raise OutputError(
                f"{first} and {other} would be the same file ({path}): writing one would "
                "overwrite the other. Names that differ only in upper and lower case count "
                "as the same, as they do on many file systems.",
                hint="Give the outputs different names.",
            )
        seen.update(dict.fromkeys(keys, what))
        ids.update(dict.fromkeys(same, what))


def _staged(
    files: Mapping[Path, bytes], inputs: dict[tuple[int, int], Path]
) -> list[tuple[Path, str]]:
    staged: list[tuple[Path, str]] = []
    try:
        for path, data in files.items():
            try:
                with folder(path.parent, create=True, follow_root=True) as fd:
                    _check_target(fd, path.name, path, inputs)
                    staged.append((path, stage_at(fd, path.name, data)))
            except Refused as refused:
                raise refused_error(path, refused, path.parent) from None
    except BaseException:
        _discard(staged)
        raise
    return staged


def _discard(staged: Iterable[tuple[Path, str]]) -> None:
    for path, temp in staged:
        with contextlib.suppress(OSError):
            (path.parent / temp).unlink()


def write_batch(files: Mapping[Path, bytes], *, inputs: Iterable[Path] = ()) -> None:
    """Write every file or none (put the one that describes the others last)."""
    check_names({str(path): path for path in files})
    ids = file_ids(inputs)
    staged = _staged(files, ids)
    done: list[tuple[Path, Path | None]] = []
    try:
        for path, temp in staged:
            backup = _backup(path)
            try:
                (path.parent / temp).replace(path)
            except OSError:
                if backup is not None:
                    backup.unlink(missing_ok=True)
                raise
            done.append((path, backup))
    except OSError:
        for target, backup in reversed(done):
            if backup is not None:
                backup.replace(target)
            else:
                target.unlink(missing_ok=True)
        _discard(staged)
        raise
    for _, backup in done:
        if backup is not None:
            backup.unlink(missing_ok=True)


def _backup(path: Path) -> Path | None:
    """A hard link to the file about to be replaced, to put back on failure."""
    if not path.is_file() or path.is_symlink():
        return None
    backup = path.with_name(f".{path.name}.{os.getpid()}.bak")
    try:
        backup.unlink(missing_ok=True)
        os.link(path, backup)
    except OSError:
        return None  # no hard links here: the old file cannot be restored
    return backup
