"""fileio/reading.py in process: what is refused (kind and path, word for word), a swap
between the look and the open, the byte limit, reads and hashes below a root.

Every expected value is written by hand: kinds from fileio/paths.py ``_KINDS``, SHA-256
digests worked out once with ``sha256sum`` and pasted here.
"""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gpai_docs.fileio import reading
from gpai_docs.fileio.paths import NotRegularFile, Refused
from gpai_docs.fileio.reading import (
    _hash,
    hash_inside,
    hash_regular,
    open_regular,
    read_inside,
    read_regular,
)

ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
# b"a" * (1 MiB + 5): `head -c 1048581 /dev/zero | tr '\0' a | sha256sum`
BIG_SIZE = 1048581
BIG_SHA256 = "342867377adcf487fd155448cfefa56c15daca68f66199f192c05f8bcccf4ebd"


def open_fds() -> int:
    return len(list(Path("/proc/self/fd").iterdir()))


def refused(error: pytest.ExceptionInfo[Refused]) -> tuple[type, str, object, str]:
    return type(error.value), error.value.kind, error.value.path, str(error.value)


# -- what open_regular / read_regular refuse, and the symlink they follow when asked ------


def test_a_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFile) as error:
        read_regular(fifo, 10)  # a blocking open would hang here: no writer
    assert refused(error) == (NotRegularFile, "a named pipe (FIFO)", fifo, "a named pipe (FIFO)")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotRegularFile) as error:
        open_regular(tmp_path)
    assert refused(error) == (NotRegularFile, "a folder", tmp_path, "a folder")


def test_a_character_device_is_refused() -> None:
    with pytest.raises(NotRegularFile) as error:
        read_regular(Path("/dev/null"), 10)
    assert refused(error) == (
        NotRegularFile,
        "a character device",
        Path("/dev/null"),
        "a character device",
    )


def test_a_symlink_is_refused_unless_follow(tmp_path: Path) -> None:
    (tmp_path / "real.json").write_bytes(b"linked to\n")
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "real.json")
    with pytest.raises(NotRegularFile) as error:
        read_regular(link, 100)
    assert refused(error) == (NotRegularFile, "a symbolic link", link, "a symbolic link")
    with pytest.raises(NotRegularFile) as error:
        open_regular(link, follow=False)
    assert refused(error) == (NotRegularFile, "a symbolic link", link, "a symbolic link")
    assert read_regular(link, 100, follow=True) == b"linked to\n"
    with open_regular(link, follow=True) as handle:
        assert handle.read() == b"linked to\n"


def test_follow_still_refuses_a_link_to_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "pipe")
    with pytest.raises(NotRegularFile) as error:
        read_regular(link, 10, follow=True)
    assert refused(error) == (NotRegularFile, "a named pipe (FIFO)", link, "a named pipe (FIFO)")


def test_a_missing_file_is_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_regular(tmp_path / "missing.json", 10)


# -- a swap between the look (os.stat) and the open -----------------------------------------


@pytest.fixture
def swap_after_look(monkeypatch: pytest.MonkeyPatch) -> Callable[[Callable[[], None]], list[Any]]:
    """Make the module's first ``os.stat`` look at the real file, then run ``swap``: what
    the open finds is no longer what was looked at."""

    def install(swap: Callable[[], None]) -> list[Any]:
        real = os.stat
        looked: list[Any] = []

        def stat(name: Any, *args: Any, **kwargs: Any) -> os.stat_result:
            result = real(name, *args, **kwargs)
            if not looked:
                looked.append(name)
                swap()
            return result

        monkeypatch.setattr(reading.os, "stat", stat)
        return looked

    return install


def test_a_file_swapped_for_a_symlink_is_refused_as_a_link(
    tmp_path: Path, swap_after_look: Callable[[Callable[[], None]], list[Any]]
) -> None:
    (tmp_path / "secret").write_bytes(b"secret\n")
    path = tmp_path / "manifest.json"
    path.write_bytes(b"{}\n")

    def swap() -> None:
        path.unlink()
        path.symlink_to(tmp_path / "secret")

    looked = swap_after_look(swap)
    with pytest.raises(NotRegularFile) as error:
        read_regular(path, 100)  # O_NOFOLLOW: ELOOP, turned into NotRegularFile
    assert looked == [path]
    assert refused(error) == (NotRegularFile, "a symbolic link", path, "a symbolic link")
    assert error.value.__cause__ is None
    assert error.value.__suppress_context__ is True


def test_a_file_swapped_for_a_fifo_is_refused_after_the_open_and_closed(
    tmp_path: Path, swap_after_look: Callable[[Callable[[], None]], list[Any]]
) -> None:
    path = tmp_path / "manifest.json"
    path.write_bytes(b"{}\n")
    writer: list[int] = []

    def swap() -> None:
        path.unlink()
        os.mkfifo(path)
        # Held open read-write, so that even a blocking open of the FIFO returns at once.
        writer.append(os.open(path, os.O_RDWR | os.O_NONBLOCK))

    looked = swap_after_look(swap)
    before = open_fds()
    try:
        with pytest.raises(NotRegularFile) as error:
            read_regular(path, 100)
    finally:
        for fd in writer:
            os.close(fd)
    assert looked == [path]
    assert open_fds() == before  # the descriptor opened before the second look is closed
    assert refused(error) == (NotRegularFile, "a named pipe (FIFO)", path, "a named pipe (FIFO)")


def test_a_file_removed_after_the_look_is_file_not_found(
    tmp_path: Path, swap_after_look: Callable[[Callable[[], None]], list[Any]]
) -> None:
    path = tmp_path / "manifest.json"
    path.write_bytes(b"{}\n")
    looked = swap_after_look(path.unlink)
    with pytest.raises(FileNotFoundError) as error:
        read_regular(path, 100)
    assert looked == [path]
    assert type(error.value) is FileNotFoundError
    assert error.value.errno == errno.ENOENT


# -- the limit -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("limit", "expected"),
    [
        (0, b"a"),
        (3, b"abcd"),
        (5, b"abcdef"),
        (6, b"abcdef"),
        (100, b"abcdef"),
    ],
)
def test_read_regular_returns_at_most_one_byte_past_the_limit(
    tmp_path: Path, limit: int, expected: bytes
) -> None:
    (tmp_path / "f.json").write_bytes(b"abcdef")
    assert read_regular(tmp_path / "f.json", limit) == expected


# -- hash_regular and _hash ----------------------------------------------------------------


def test_hash_regular_of_more_than_one_block(tmp_path: Path) -> None:
    (tmp_path / "big.bin").write_bytes(b"a" * BIG_SIZE)
    assert hash_regular(tmp_path / "big.bin") == (BIG_SHA256, 1048581)


def test_hash_regular_of_small_and_empty_files(tmp_path: Path) -> None:
    (tmp_path / "abc").write_bytes(b"abc")
    (tmp_path / "empty").write_bytes(b"")
    assert hash_regular(tmp_path / "abc") == (ABC_SHA256, 3)
    assert hash_regular(tmp_path / "empty") == (EMPTY_SHA256, 0)


def test_hash_regular_refuses_a_symlink(tmp_path: Path) -> None:
    (tmp_path / "abc").write_bytes(b"abc")
    (tmp_path / "link").symlink_to(tmp_path / "abc")
    with pytest.raises(NotRegularFile) as error:
        hash_regular(tmp_path / "link")
    assert refused(error)[1:3] == ("a symbolic link", tmp_path / "link")


class CountedReads(io.BytesIO):
    """A handle that records each read's size and fails past a few: a loop that never
    meets its end-of-file sentinel fails the test instead of running forever."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.sizes: list[int | None] = []

    def read(self, size: int | None = -1, /) -> bytes:
        self.sizes.append(size)
        if len(self.sizes) > 5:
            raise AssertionError("read past the end of the file")
        return super().read(size)


def test_hash_stops_at_the_end_of_the_file_reading_1_mib_blocks() -> None:
    handle = CountedReads(b"a" * BIG_SIZE)
    assert _hash(handle) == (BIG_SHA256, 1048581)
    assert handle.sizes == [1048576, 1048576, 1048576]  # a block, the 5 bytes, then b""


def test_hash_of_an_empty_handle_reads_once() -> None:
    handle = CountedReads(b"")
    assert _hash(handle) == (EMPTY_SHA256, 0)
    assert handle.sizes == [1048576]


# -- read_inside and hash_inside: the same walk ---------------------------------------------


def read_100(root: Path, relative: Path | str, where: str) -> object:
    return read_inside(root, relative, 100, where=where)


def hashed(root: Path, relative: Path | str, where: str) -> object:
    return hash_inside(root, relative, where=where)


INSIDE = [
    pytest.param(read_100, b"abc", id="read_inside"),
    pytest.param(hashed, (ABC_SHA256, 3), id="hash_inside"),
]
Inside = Callable[[Path, Path | str, str], object]
WHERE = "the project folder"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """root/a/b/c.json holding b"abc"; the test runs from elsewhere, so that a name opened
    relative to the working folder instead of a folder descriptor is not found."""
    root = tmp_path / "root"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "c.json").write_bytes(b"abc")
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    return root


@pytest.mark.parametrize(("function", "expected"), INSIDE)
def test_a_nested_file_is_read(tree: Path, function: Inside, expected: object) -> None:
    assert function(tree, "a/b/c.json", WHERE) == expected
    assert function(tree, Path("a") / "b" / "c.json", WHERE) == expected
    assert function(tree, tree / "a" / "b" / "c.json", WHERE) == expected  # absolute, inside


@pytest.mark.parametrize(("function", "expected"), INSIDE)
def test_files_at_each_depth_are_read(tree: Path, function: Inside, expected: object) -> None:
    (tree / "top.json").write_bytes(b"abc")
    (tree / "a" / "mid.json").write_bytes(b"abc")
    assert function(tree, "top.json", WHERE) == expected
    assert function(tree, "a/mid.json", WHERE) == expected


def test_read_inside_keeps_the_limit(tree: Path) -> None:
    assert read_inside(tree, "a/b/c.json", 0, where=WHERE) == b"a"
    assert read_inside(tree, "a/b/c.json", 1, where=WHERE) == b"ab"
    assert read_inside(tree, "a/b/c.json", 2, where=WHERE) == b"abc"


@pytest.mark.parametrize(("function", "expected"), INSIDE)
def test_a_root_that_is_a_symlink_is_followed(
    tree: Path, function: Inside, expected: object
) -> None:
    link = tree.parent / "root-link"
    link.symlink_to(tree)
    assert function(link, "a/b/c.json", WHERE) == expected
    (tree / "top.json").write_bytes(b"abc")
    assert function(link, "top.json", WHERE) == expected


@pytest.mark.parametrize(("function", "expected"), INSIDE)
def test_a_symlink_as_the_last_component_is_refused(
    tree: Path, function: Inside, expected: object
) -> None:
    (tree / "a" / "b" / "link.json").symlink_to(tree / "a" / "b" / "c.json")
    with pytest.raises(NotRegularFile) as error:
        function(tree, "a/b/link.json", WHERE)
    assert refused(error) == (
        NotRegularFile,
        "a symbolic link",
        Path("link.json"),
        "a symbolic link",
    )


@pytest.mark.parametrize(("function", "expected"), INSIDE)
def test_a_symlinked_folder_on_the_way_is_refused(
    tree: Path, function: Inside, expected: object
) -> None:
    (tree / "a" / "via").symlink_to(tree / "a" / "b")
    with pytest.raises(Refused) as error:
        function(tree, "a/via/c.json", WHERE)
    assert refused(error) == (Refused, "a symbolic link", tree / "a" / "via", "a symbolic link")


@pytest.mark.parametrize(("function", "expected"), INSIDE)
@pytest.mark.parametrize("where", ["the project folder", "the release folder"])
def test_a_path_climbing_out_is_refused_naming_where(
    tree: Path, function: Inside, expected: object, where: str
) -> None:
    (tree.parent / "x").write_bytes(b"abc")
    outside = tree.parent / "x"
    for relative in ("../x", "a/../../x", outside, str(outside)):
        with pytest.raises(Refused) as error:
            function(tree, relative, where)
        assert refused(error) == (Refused, f"outside {where}", Path(relative), f"outside {where}")


@pytest.mark.parametrize(("function", "expected"), INSIDE)
def test_a_missing_file_is_file_not_found_inside(
    tree: Path, function: Inside, expected: object
) -> None:
    with pytest.raises(FileNotFoundError):
        function(tree, "a/b/missing.json", WHERE)
    with pytest.raises(FileNotFoundError):
        function(tree, "a/nowhere/c.json", WHERE)


@pytest.mark.parametrize(("function", "expected"), INSIDE)
def test_a_fifo_inside_is_refused(tree: Path, function: Inside, expected: object) -> None:
    os.mkfifo(tree / "a" / "b" / "pipe.json")
    with pytest.raises(NotRegularFile) as error:
        function(tree, "a/b/pipe.json", WHERE)
    assert refused(error)[1:3] == ("a named pipe (FIFO)", Path("pipe.json"))
