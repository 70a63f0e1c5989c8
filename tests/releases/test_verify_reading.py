"""`verify` reads a release's files without trusting them: never through a link, never
opening a FIFO or a device, in blocks, and naming every file it cannot read.

Written from the surviving mutants of ``scripts/mutation.sh verify`` (docs/testing.md).
Root reads every file whatever its mode, and a file swapped between two system calls
cannot be timed, so those cases make the system call give the answer it would give.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import socket
import stat
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from gpai_docs import fileio
from gpai_docs.bundle import verify
from gpai_docs.bundle.verify import verify_release
from gpai_docs.fileio import NotRegularFile, file_kind, read_regular
from tests.releases.conftest import Released
from tests.releases.test_verify_folder import CHANGELOG, alone, problems, rewrite_manifest

DENIED = "Permission denied"
# 64 MiB of zeros and one "x": `{ head -c 67108864 /dev/zero; printf x; } | sha256sum`
BIG_SIZE = (64 << 20) + 1
BIG_SHA256 = "15f2858f9e022a4134f1cc04217049bc383b0feac1d9f0e3f9279e9b645c5b11"


def denied(real: Callable[..., Any], name: str) -> Callable[..., Any]:
    """``real``, except that reading the file called ``name`` fails as EACCES does."""

    def read(path: Path, *args: Any, **kwargs: Any) -> Any:
        if Path(path).name == name:
            raise PermissionError(errno.EACCES, DENIED, str(path))
        return real(path, *args, **kwargs)

    return read


# --- files the system refuses to read ------------------------------------------------


def test_unreadable_listed_file_is_reported_with_the_system_reason(
    released: Released, monkeypatch: pytest.MonkeyPatch, run_cli: Callable[..., Result]
) -> None:
    folder = alone(released)
    monkeypatch.setattr(verify, "hash_regular", denied(fileio.hash_regular, CHANGELOG))
    message = f"is unreadable ({DENIED}), not a regular file"
    assert problems(folder) == [("altered", CHANGELOG, message)]
    result = run_cli("verify", folder)
    assert result.exit_code == 1
    assert f"altered: {CHANGELOG}: {message}" in result.output


def test_unreadable_unlisted_file_is_an_extra_that_says_so(
    released: Released, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = alone(released)
    (folder / "notes.txt").write_text("added later\n", encoding="utf-8")
    monkeypatch.setattr(verify, "hash_regular", denied(fileio.hash_regular, "notes.txt"))
    message = f"is not listed in the manifest; it is unreadable ({DENIED})"
    assert problems(folder) == [("extra", "notes.txt", message)]


def test_unreadable_manifest_is_a_manifest_problem_and_nothing_else_is_checked(
    released: Released, monkeypatch: pytest.MonkeyPatch, run_cli: Callable[..., Result]
) -> None:
    folder = alone(released)
    monkeypatch.setattr(verify, "read_regular", denied(fileio.read_regular, "manifest.json"))
    message = f"cannot be read ({DENIED})"
    assert problems(folder) == [("manifest", "manifest.json", message)]
    result = run_cli("verify", folder)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"manifest: manifest.json: {message}",
        f"{folder}: 1 problem(s); 0 files listed; signature unchecked",
    ]


def test_unreadable_archive_is_an_archive_problem(
    released: Released, monkeypatch: pytest.MonkeyPatch, run_cli: Callable[..., Result]
) -> None:
    archive = released.model / "1.1.tar.gz"
    monkeypatch.setattr(verify, "open_regular", denied(fileio.open_regular, archive.name))
    message = f"cannot be read ({DENIED})"
    assert problems(archive) == [("archive", "1.1.tar.gz", message)]
    # Beside its folder: the same refusal, and the folder itself is still checked.
    report = verify_release(released.release("1.1"))
    assert [(p.kind, p.path, p.message) for p in report.problems] == [
        ("archive", "1.1.tar.gz", message)
    ]
    assert report.notes == ("archive 1.1.tar.gz: has problems",)
    result = run_cli("verify", archive)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"archive: 1.1.tar.gz: {message}",
        f"{archive}: 1 problem(s); 0 files listed; signature unchecked",
    ]


def test_link_whose_target_cannot_be_read_is_still_named_a_link(
    released: Released, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = alone(released)
    (folder / CHANGELOG).unlink()
    (folder / CHANGELOG).symlink_to("elsewhere.md")

    def unreadable(self: Path) -> Path:
        raise PermissionError(errno.EACCES, DENIED, str(self))

    monkeypatch.setattr(Path, "readlink", unreadable)
    assert problems(folder) == [("altered", CHANGELOG, "is a symbolic link, not a regular file")]


# --- what is not a regular file is looked at, never opened -----------------------------


@pytest.mark.parametrize(
    ("mode", "kind"),
    [
        (stat.S_IFREG | 0o644, None),
        (stat.S_IFLNK | 0o777, "a symbolic link"),
        (stat.S_IFDIR | 0o755, "a folder"),
        (stat.S_IFIFO | 0o644, "a named pipe (FIFO)"),
        (stat.S_IFSOCK | 0o755, "a socket"),
        (stat.S_IFCHR | 0o666, "a character device"),
        (stat.S_IFBLK | 0o660, "a block device"),
        (0o644, "not a regular file"),  # no file type bits at all
    ],
    ids=["regular", "link", "folder", "fifo", "socket", "char", "block", "untyped"],
)
def test_every_kind_of_file_is_named_in_words(mode: int, kind: str | None) -> None:
    assert file_kind(mode) == kind


def test_not_a_regular_file_error_says_what_it_is() -> None:
    # Its text is what a traceback or a log would show if it ever escaped.
    assert str(NotRegularFile("a named pipe (FIFO)")) == "a named pipe (FIFO)"
    assert NotRegularFile("a socket").kind == "a socket"


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every path os.open is asked to open from now on."""
    paths: list[str] = []
    real = os.open

    def spy(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        paths.append(os.fspath(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    return paths


def test_fifo_socket_and_device_in_a_release_are_never_opened(
    released: Released, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opened: list[str]
) -> None:
    # Opening a FIFO wakes a writer waiting on it; opening a device can act on it (rewind
    # a tape, take a terminal). Looking at them is enough to refuse them.
    folder = alone(released)
    (folder / CHANGELOG).unlink()
    os.mkfifo(folder / CHANGELOG)
    monkeypatch.chdir(folder)  # a socket's path may hold at most 107 bytes
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("sock")
    archive = tmp_path / "null.tar.gz"
    archive.symlink_to(os.devnull)
    assert problems(folder) == [
        ("altered", CHANGELOG, "is a named pipe (FIFO), not a regular file"),
        ("extra", "sock", "is not listed in the manifest; it is a socket"),
    ]
    assert problems(archive) == [
        ("archive", "null.tar.gz", "is a character device, not a regular file")
    ]
    touched = {os.path.realpath(path) for path in opened}
    refused = {os.path.realpath(p) for p in (folder / CHANGELOG, folder / "sock", os.devnull)}
    assert touched.isdisjoint(refused)
    assert os.path.realpath(folder / "manifest.json") in touched  # the spy sees verify's opens


def test_manifest_and_archive_that_are_folders_are_refused(released: Released) -> None:
    folder = released.release("1.1")
    (released.model / "1.1.tar.gz").unlink()
    (released.model / "1.1.tar.gz").mkdir()
    report = verify_release(folder)
    assert [(p.kind, p.path, p.message) for p in report.problems] == [
        ("archive", "1.1.tar.gz", "is a folder, not a regular file")
    ]
    assert report.notes == ("archive 1.1.tar.gz: has problems",)
    (folder / "manifest.json").unlink()
    (folder / "manifest.json").mkdir()
    assert problems(folder) == [("manifest", "manifest.json", "is a folder, not a regular file")]


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging if a FIFO is ever opened without O_NONBLOCK."""

    def expire(*_: object) -> None:
        raise TimeoutError(f"still blocked after {seconds} s: a FIFO was opened blocking")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def swapped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[Path], None]:
    """Make ``lstat`` of one path see a regular file: as if that path were swapped for
    something else between verify's look at it and its open."""
    stand_in = tmp_path / "regular"
    stand_in.write_bytes(b"")
    real = os.lstat

    def swap(target: Path) -> None:
        def lstat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
            return real(stand_in if Path(path) == target else path, *args, **kwargs)

        monkeypatch.setattr(os, "lstat", lstat)

    return swap


def test_file_swapped_for_a_link_after_the_look_is_caught_at_the_open(
    released: Released, tmp_path: Path, swapped: Callable[[Path], None]
) -> None:
    # The link leads to the very bytes the manifest records: only O_NOFOLLOW refuses it.
    folder = alone(released)
    copy = tmp_path / "elsewhere.md"
    (folder / CHANGELOG).rename(copy)
    (folder / CHANGELOG).symlink_to(copy)
    swapped(folder / CHANGELOG)
    message = f'is a symbolic link to "{copy}" (outside the release), not a regular file'
    assert problems(folder) == [("altered", CHANGELOG, message)]


def test_file_swapped_for_a_fifo_after_the_look_is_caught_without_blocking(
    released: Released, swapped: Callable[[Path], None]
) -> None:
    folder = alone(released)
    (folder / CHANGELOG).unlink()
    os.mkfifo(folder / CHANGELOG)
    swapped(folder / CHANGELOG)
    with deadline(60):
        found = problems(folder)
    assert found == [("altered", CHANGELOG, "is a named pipe (FIFO), not a regular file")]


# --- large files: read in blocks, every block counted ----------------------------------


def test_read_regular_reads_at_most_one_byte_over_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "data"
    path.write_bytes(bytes(range(100)))
    assert read_regular(path, 10) == bytes(range(11))
    assert read_regular(path, 100) == bytes(range(100))


def _big_listed(folder: Path) -> None:
    """A listed file of 64 MiB and one byte (sparse: no disk), so its last block is partial."""
    with (folder / "big.bin").open("wb") as handle:
        handle.truncate(BIG_SIZE - 1)
        handle.seek(BIG_SIZE - 1)
        handle.write(b"x")

    def add(data: dict[str, Any]) -> None:
        entry = {**data["files"][0], "path": "big.bin", "size": BIG_SIZE, "sha256": BIG_SHA256}
        data["files"].append(entry)

    rewrite_manifest(folder, add)


def test_file_larger_than_a_block_verifies_with_its_whole_size(released: Released) -> None:
    folder = alone(released)
    _big_listed(folder)
    assert problems(folder) == []
    with (folder / "big.bin").open("r+b") as handle:
        handle.truncate(BIG_SIZE - 1)
    assert problems(folder) == [
        ("altered", "big.bin", "has 67,108,864 bytes, the manifest records 67,108,865")
    ]


def _peak(run: Callable[[], object]) -> tuple[object, int]:
    tracemalloc.start()
    try:
        result = run()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_large_file_is_hashed_in_bounded_memory(released: Released) -> None:
    folder = alone(released)
    _big_listed(folder)
    found, peak = _peak(lambda: problems(folder))
    assert found == []
    # Read whole, the file alone would take 64 MiB. Hashed in 1 MiB blocks, the peak is the
    # 16 MiB buffer that reading the manifest up to its size limit takes, plus a little.
    assert peak < 32 << 20, f"verify held {peak // (1 << 20)} MiB"


def test_oversized_manifest_is_refused_after_reading_only_its_limit(released: Released) -> None:
    folder = alone(released)
    with (folder / "manifest.json").open("r+b") as handle:
        handle.truncate(64 << 20)  # 64 MiB: zeros after the JSON
    found, peak = _peak(lambda: problems(folder))
    message = "is damaged: is larger than 16,777,216 bytes, the most a manifest may be"
    assert found == [("manifest", "manifest.json", message)]
    assert peak < 32 << 20, f"verify held {peak // (1 << 20)} MiB"
