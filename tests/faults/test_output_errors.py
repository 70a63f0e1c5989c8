"""An output folder that cannot be written, or whose disk is full, is a clear error (exit 2)."""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from gpai_docs.errors import OutputError
from tests.conftest import SAMPLES
from tests.faults._helpers import copy_sample, edit, is_root, run


def _assert_clear_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    assert words in result.stderr.lower(), result.stderr


def test_output_under_a_regular_file_is_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run("build", SAMPLES / "minimal", "--out", blocker / "out", "--no-pdf")
    _assert_clear_error(result, "cannot write")


def test_output_in_a_read_only_file_system_is_exit_2() -> None:
    # /proc/1 refuses new entries even to root, unlike a chmod 555 folder.
    result = run("build", SAMPLES / "minimal", "--out", "/proc/1/gpai-docs-out", "--no-pdf")
    _assert_clear_error(result, "cannot write")


@pytest.mark.skipif(is_root(), reason="root ignores chmod 555")
def test_output_in_a_read_only_folder_is_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    result = run("build", SAMPLES / "minimal", "--out", folder / "out", "--no-pdf")
    _assert_clear_error(result, "cannot write")


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs (root only); the build's Markdown alone is larger."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here; test_disk_full_in_process covers ENOSPC")
    try:
        filler = mount / "filler"
        filler.write_bytes(b"\0" * 40_000)
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_full_disk_is_exit_2_and_leaves_no_partial_file(tiny_disk: Path) -> None:
    out = tiny_disk / "out"
    result = run("build", SAMPLES / "minimal", "--out", out, "--no-pdf")
    _assert_clear_error(result, "no space left")
    for path in out.rglob("*"):
        assert not path.name.endswith(".part"), f"{path.name} left behind"


def _contents(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too: the manifest and the lock), with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_disk_full_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gpai_docs.render.build import build_project

    project = copy_sample(tmp_path / "project")
    out = tmp_path / "out"
    build_project(project, out, formats=("md",))
    before = _contents(out)
    edit(project, "Decoder-only transformer", "Encoder-decoder transformer")
    # What a build of the edited project writes when the disk is not full.
    build_project(project, tmp_path / "complete", formats=("md",))
    complete = _contents(tmp_path / "complete")
    real_fsync = os.fsync
    calls = {"n": 0}

    def full(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] >= 3:  # the third file finds the disk full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)  # fileio calls os.fsync
    with pytest.raises(OutputError) as raised:
        build_project(project, out, formats=("md",))
    assert "no space left" in str(raised.value).lower()
    assert not list(out.rglob("*.part"))
    after = _contents(out)
    assert after.keys() == before.keys()  # nothing vanished, nothing half-made appeared
    # Every file is byte for byte the old one or the new one, never cut: the two written
    # before the disk filled are new, the rest (manifest included) are as before.
    changed = sorted(name for name in after if after[name] != before[name])
    assert len(changed) == 2, changed
    for name in changed:
        assert after[name] == complete[name], f"{name} is neither the old nor the new file"
    assert ".gpai-docs-build.json" not in changed  # the manifest still describes the old build
