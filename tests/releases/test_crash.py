"""A release killed at any point leaves no partial release and earlier releases intact.

The release runs in a subprocess that dies at a named step (``GPAI_DOCS_TEST_CRASH_AT``,
``os._exit(137)``) or is sent a real SIGKILL while it waits at one
(``GPAI_DOCS_TEST_HOLD_AT``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gpai_docs.bundle._crashpoints import STEPS
from gpai_docs.bundle.history import model_history
from gpai_docs.bundle.store import ModelStore
from gpai_docs.bundle.verify import verify_release
from tests.releases.conftest import SLUG, Released, release, tree_hashes

BEFORE_COMMIT = ("built", "staged", "archived")


def release_command(released: Released, version: str = "2.1") -> list[str]:
    return [
        sys.executable,
        "-m",
        "gpai_docs",
        "release",
        str(released.project),
        "--version",
        version,
        "--out",
        str(released.out),
        "--format",
        "md",
        "--date",
        "2026-10-01",
        "--yes",  # the 2.0 project, unchanged: the release asks whether to release it again
    ]


def run(released: Released, version: str = "2.1", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        release_command(released, version),
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def earlier_state(released: Released) -> dict[str, str]:
    """Hashes of everything that existed before: releases, archives and the feed."""
    return tree_hashes(released.model)


def visible(released: Released) -> list[str]:
    return sorted(p.name for p in released.model.iterdir() if not p.name.startswith("."))


def assert_no_trace_of(released: Released, version: str, before: dict[str, str]) -> None:
    assert not (released.model / version).exists()
    assert not (released.model / f"{version}.tar.gz").exists()
    assert [e.version for e in model_history(released.out).entries] == ["1.0", "1.1", "2.0"]
    after = earlier_state(released)
    # Only hidden staging leftovers may differ; every earlier file is byte-identical.
    assert {k: v for k, v in after.items() if k in before} == before
    assert all(k.startswith(".") for k in set(after) - set(before)), set(after) - set(before)
    for old in ("1.0", "1.1", "2.0"):
        assert verify_release(released.model / old).ok


def test_steps_cover_the_release(released: Released, monkeypatch: pytest.MonkeyPatch) -> None:
    """A real release passes every named step, once each, in order: so the crash tests
    below, which stop at each of STEPS, stop it everywhere it can be stopped."""
    import gpai_docs.bundle.release as release_module

    passed: list[str] = []
    monkeypatch.setattr(release_module, "checkpoint", passed.append)
    release(released.project, released.out, "2.1")
    assert passed == ["built", "staged", "archived", "committed", "published"]
    assert tuple(passed) == STEPS
    assert (*BEFORE_COMMIT, "committed", "published") == STEPS
    assert verify_release(released.model / "2.1").ok


@pytest.mark.parametrize("step", BEFORE_COMMIT)
def test_crash_before_commit_leaves_nothing(released: Released, step: str) -> None:
    before = earlier_state(released)
    crashed = run(released, GPAI_DOCS_TEST_CRASH_AT=step)
    assert crashed.returncode == 137, crashed.stderr
    assert_no_trace_of(released, "2.1", before)


def test_next_release_cleans_up_after_a_crash(released: Released) -> None:
    assert run(released, GPAI_DOCS_TEST_CRASH_AT="archived").returncode == 137
    assert any("staging" in p.name for p in released.model.iterdir())
    retry = run(released)
    assert retry.returncode == 0, retry.stderr
    assert "note: removed the staging folder of an interrupted release 2.1" in retry.stderr
    assert verify_release(released.model / "2.1").ok
    assert [p.name for p in released.model.iterdir() if "staging" in p.name] == []


def test_crash_after_commit_leaves_a_complete_release(released: Released) -> None:
    crashed = run(released, GPAI_DOCS_TEST_CRASH_AT="committed")
    assert crashed.returncode == 137
    # The folder is complete; only the archive's final rename is pending.
    folder = released.model / "2.1"
    report = verify_release(folder)
    assert report.ok
    assert "no archive 2.1.tar.gz beside the release" in report.notes
    # The next release of the model finishes it, with the archive written before the crash.
    with ModelStore(released.out, SLUG).locked():
        notes = ModelStore(released.out, SLUG).recover()
    assert notes == ["finished placing the archive of release 2.1"]
    assert verify_release(folder).ok
    assert "archive 2.1.tar.gz: matches" in verify_release(folder).notes


def test_crash_after_publishing_is_a_finished_release(released: Released) -> None:
    crashed = run(released, GPAI_DOCS_TEST_CRASH_AT="published")
    assert crashed.returncode == 137
    assert verify_release(released.model / "2.1").ok
    assert "2.1.tar.gz" in visible(released)
    # The feed was republished before the crash: it is as of release 2.1.
    assert (
        b"<updated>2026-10-01T00:00:00Z</updated>"
        in (released.model / "crawlers.atom").read_bytes()
    )


def hold(
    released: Released, step: str, marker: Path, version: str = "2.1"
) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        release_command(released, version),
        env={**os.environ, "GPAI_DOCS_TEST_HOLD_AT": step, "GPAI_DOCS_TEST_HOLD_FILE": str(marker)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Wait for the process to reach the step (or to fail before it).
    while not marker.exists() and process.poll() is None:
        time.sleep(0.05)
    assert marker.exists(), process.communicate()[1]
    return process


@pytest.mark.parametrize("step", ["built", "archived"])
def test_sigkill_mid_release(released: Released, step: str, tmp_path: Path) -> None:
    before = earlier_state(released)
    process = hold(released, step, tmp_path / "reached")
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL
    assert_no_trace_of(released, "2.1", before)


def test_concurrent_release_of_the_same_model_is_refused(
    released: Released, tmp_path: Path
) -> None:
    process = hold(released, "built", tmp_path / "reached")
    try:
        second = run(released, "2.2")
        assert second.returncode == 2
        assert "Another release of lumen-base-2 is writing to" in second.stderr
    finally:
        process.send_signal(signal.SIGKILL)
        process.communicate()
