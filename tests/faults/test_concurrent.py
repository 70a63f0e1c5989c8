"""Two builds into one folder at the same time: the second is refused, nothing is mixed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gpai_docs.errors import OutputError
from gpai_docs.fileio.locking import LOCK_NAME, output_lock
from tests.faults._helpers import cli, copy_sample, edit, run, visible_files

HOLD = """
import sys, time
from pathlib import Path
from gpai_docs.fileio.locking import output_lock
with output_lock(Path(sys.argv[1]), name=sys.argv[2]):
    print("locked", flush=True)
    time.sleep(60)
"""


FORKED_HOLDER = """
import os, signal, sys, time
from pathlib import Path
from gpai_docs.fileio.locking import output_lock
with output_lock(Path(sys.argv[1]), name=sys.argv[2]):
    child = os.fork()
    if child == 0:  # a PDF worker forked while the lock is held, outliving its parent
        os.close(1)
        time.sleep(60)
        os._exit(0)
    print(child, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_killed_holder_s_forked_workers_do_not_keep_the_folder_locked(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", FORKED_HOLDER, str(tmp_path / "out"), LOCK_NAME],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    worker = int(holder.stdout.readline())
    holder.wait(timeout=30)
    holder.stdout.close()
    try:
        assert holder.returncode == -9
        os.kill(worker, 0)  # the worker is still alive, holding the inherited descriptor
        with output_lock(tmp_path / "out"):
            pass
    finally:
        os.kill(worker, signal.SIGKILL)


def _holder(folder: Path, name: str) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(folder), name], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "locked"
    return process


def _stop(process: subprocess.Popen[str]) -> None:
    process.kill()
    process.communicate()


def test_second_holder_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    holder = _holder(tmp_path / "out", LOCK_NAME)
    try:
        with (
            pytest.raises(OutputError, match="Another gpai-docs build is writing"),
            output_lock(tmp_path / "out"),
        ):
            pass
    finally:
        _stop(holder)
    with output_lock(tmp_path / "out"):  # a killed holder leaves the folder unlocked
        pass


def test_build_while_another_holds_the_folder_is_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder = _holder(out, ".gpai-docs-build.lock")
    try:
        result = run("build", copy_sample(tmp_path / "p"), "--out", out, "--no-pdf")
    finally:
        _stop(holder)
    assert result.returncode == 2, result.stderr
    assert "another gpai-docs build" in result.stderr.lower()
    assert visible_files(out) == {}


def test_two_builds_at_once_do_not_mix_their_files(tmp_path: Path) -> None:
    first = copy_sample(tmp_path / "first")
    second = copy_sample(tmp_path / "second")
    edit(second, "Decoder-only transformer", "Encoder-decoder transformer")
    out = tmp_path / "out"
    for _ in range(3):
        processes = [
            subprocess.Popen(
                cli("build", p, "--out", out, "--no-pdf"), stderr=subprocess.PIPE, text=True
            )
            for p in (first, second)
        ]
        results: list[tuple[int, str]] = []
        for process in processes:
            _, err = process.communicate(timeout=300)
            results.append((process.returncode, err))
        assert all(code in (0, 2) for code, _ in results), results
        assert any(code == 0 for code, _ in results), results
        for code, err in results:
            if code == 2:
                assert "another gpai-docs build" in err.lower()
        manifest = json.loads((out / ".gpai-docs-build.json").read_text(encoding="utf-8"))
        listed = {name: entry["sha256"] for name, entry in manifest["files"].items()}
        assert visible_files(out) == listed, "the folder mixes files of the two builds"
        time.sleep(0.1)
