"""The fileio package on its own: roots, links on the way, special files, atomic writes."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from gpai_docs.errors import OutputError
from gpai_docs.fileio import OutputFolder, Refused, read_inside, write_bytes_atomic


def test_a_name_climbing_out_of_the_root_is_refused(tmp_path: Path) -> None:
    out = OutputFolder(tmp_path / "out")
    with pytest.raises(OutputError) as error:
        out.write("a/../../escaped.txt", b"x")
    assert "is outside the output folder" in error.value.message
    assert not (tmp_path / "escaped.txt").exists()


def test_a_linked_folder_below_the_root_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out" / "sub").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(OutputError) as error:
        OutputFolder(tmp_path / "out").write("sub/deep/a.txt", b"x")
    assert f"{tmp_path / 'out' / 'sub'} is a symbolic link." in error.value.message
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_a_registered_input_is_never_written_over(tmp_path: Path) -> None:
    source = tmp_path / "input.yaml"
    source.write_bytes(b"original\n")
    out = OutputFolder(tmp_path, inputs=[source])
    with pytest.raises(OutputError, match="it is the input"):
        out.write("input.yaml", b"replacement\n")
    assert source.read_bytes() == b"original\n"


def test_a_write_replaces_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    out = OutputFolder(tmp_path / "out")
    out.write("a/b.txt", b"first\n")
    out.write("a/b.txt", b"second\n")
    assert sorted(p.name for p in (tmp_path / "out" / "a").iterdir()) == ["b.txt"]
    assert (tmp_path / "out" / "a" / "b.txt").read_bytes() == b"second\n"


def test_unlink_passes_over_names_outside_and_removes_links_themselves(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "keep.txt").write_bytes(b"keep\n")
    (tmp_path / "out" / "link").symlink_to(tmp_path / "keep.txt")
    out = OutputFolder(tmp_path / "out")
    assert out.unlink("../keep.txt") is False
    assert out.unlink("link") is True
    assert (tmp_path / "keep.txt").read_bytes() == b"keep\n"
    assert list((tmp_path / "out").iterdir()) == []


def test_write_bytes_atomic_refuses_a_link_as_the_target(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_bytes(b"keep\n")
    (tmp_path / "page.md").symlink_to(tmp_path / "keep.txt")
    with pytest.raises(OutputError, match="exists and is a symbolic link"):
        write_bytes_atomic(tmp_path / "page.md", b"new\n")
    assert (tmp_path / "keep.txt").read_bytes() == b"keep\n"


def test_read_inside_never_opens_a_device() -> None:
    with pytest.raises(Refused) as refused:
        read_inside(Path("/dev"), "zero", 10, where="the project folder")
    assert refused.value.kind == "a character device"


def test_read_inside_refuses_a_socket(tmp_path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "s.json"))
        with pytest.raises(Refused) as refused:
            read_inside(tmp_path, "s.json", 10, where="the project folder")
        assert refused.value.kind == "a socket"
    finally:
        server.close()


def test_read_inside_reads_one_byte_past_the_limit_only(tmp_path: Path) -> None:
    (tmp_path / "big.json").write_bytes(b"x" * 100)
    assert read_inside(tmp_path, "big.json", 10, where="the project folder") == b"x" * 11
