"""The loader, the build cache and the PDF attachments read through fileio.

Each of them once opened files its own way; a FIFO or /dev/zero must be refused by all,
and a link to a regular file (a project may link its documents) still read.
"""

from __future__ import annotations

import os
from pathlib import Path

from gpai_docs.load.documents import read_regular_file
from gpai_docs.render.cache import file_sha256

ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_the_cache_hashes_a_file_and_a_link_to_it_alike(tmp_path: Path) -> None:
    (tmp_path / "doc.yaml").write_bytes(b"abc")
    (tmp_path / "link.yaml").symlink_to("doc.yaml")
    assert file_sha256(tmp_path / "doc.yaml") == ABC_SHA256
    assert file_sha256(tmp_path / "link.yaml") == ABC_SHA256


def test_the_cache_refuses_pipes_devices_folders_and_missing_files(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "zero").symlink_to("/dev/zero")
    (tmp_path / "folder").mkdir()
    for name in ("fifo", "zero", "folder", "missing"):
        assert file_sha256(tmp_path / name) is None, name


def test_the_loader_reads_a_link_and_refuses_a_pipe_or_a_device(tmp_path: Path) -> None:
    (tmp_path / "doc.yaml").write_bytes(b"a: 1\n")
    (tmp_path / "link.yaml").symlink_to("doc.yaml")
    os.mkfifo(tmp_path / "fifo.yaml")
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    assert read_regular_file(tmp_path / "link.yaml") == b"a: 1\n"
    assert read_regular_file(tmp_path / "fifo.yaml") == "it is not a regular file"
    assert read_regular_file(tmp_path / "zero.yaml") == "it is not a regular file"
