"""A build or release killed at a random moment leaves no partial artifact, and what was
there before stays whole."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tests.faults._helpers import (
    copy_sample,
    edit,
    killed_after,
    run,
    timed,
    visible_files,
)

KILLS = 8
ARCH = "Decoder-only transformer with grouped-query attention."


def _references(
    tmp_path: Path, formats: list[str]
) -> tuple[Path, Path, dict[str, str], dict[str, str], float]:
    before = copy_sample(tmp_path / "before")
    after = copy_sample(tmp_path / "after")
    edit(after, ARCH, "Decoder-only transformer, revised after the interruption test.")
    duration = timed("build", before, "--out", tmp_path / "ref-before", *formats)
    timed("build", after, "--out", tmp_path / "ref-after", *formats)
    old = visible_files(tmp_path / "ref-before")
    new = visible_files(tmp_path / "ref-after")
    assert old.keys() == new.keys() and old != new
    return before, after, old, new, duration


def _kill_builds(tmp_path: Path, formats: list[str], seed: int) -> None:
    before, after, old, new, duration = _references(tmp_path, formats)
    out = tmp_path / "out"
    assert run("build", before, "--out", out, *formats).returncode == 0
    rng = random.Random(seed)
    for _ in range(KILLS):
        killed_after(rng.uniform(0.05, duration * 1.2), "build", after, "--out", out, *formats)
        left = visible_files(out)
        assert left.keys() <= old.keys() | new.keys(), sorted(left.keys() - old.keys())
        for name, digest in left.items():
            assert digest in (old[name], new[name]), f"{name} is neither the old nor the new file"
        assert not [n for n in left if n.endswith(".part")]
        # What was there before the first kill is still there (or replaced whole).
        assert set(old) <= set(left)
    finished = run("build", after, "--out", out, *formats)
    assert finished.returncode == 0, finished.stderr
    assert visible_files(out) == new
    manifest = json.loads((out / ".gpai-docs-build.json").read_text(encoding="utf-8"))
    assert {n: e["sha256"] for n, e in manifest["files"].items()} == new


def test_killed_markdown_builds_leave_only_whole_files(tmp_path: Path) -> None:
    _kill_builds(tmp_path, ["--no-pdf"], seed=1)


@pytest.mark.pdf
def test_killed_pdf_builds_leave_only_whole_files(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    _kill_builds(tmp_path, [], seed=2)


def test_killed_releases_are_all_or_nothing(tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "project")
    out = tmp_path / "releases"
    released: list[str | Path] = [
        "release",
        project,
        "--out",
        out,
        "--format",
        "md",
        "--date",
        "2026-01-01",
        "--yes",  # the same documents each time: yes, release them again
    ]
    start = run(*released, "--version", "1.0")
    assert start.returncode == 0, start.stderr
    model = next(p for p in out.iterdir() if p.is_dir())
    first = visible_files(model / "1.0")
    duration = timed(*released, "--version", "1.1")
    rng = random.Random(3)
    for attempt in range(KILLS):
        version = f"2.{attempt}"
        killed_after(rng.uniform(0.05, duration * 1.2), *released, "--version", version)
        assert visible_files(model / "1.0") == first, "an earlier release changed"
        folder = model / version
        if folder.exists() or (model / f"{version}.tar.gz").exists():
            check = run("verify", folder)
            assert check.returncode == 0, (
                f"release {version} is visible but not whole: {check.stdout}"
            )
        assert run("verify", model / "1.0").returncode == 0
    assert run(*released, "--version", "3.0").returncode == 0
    assert run("verify", model / "3.0").returncode == 0
