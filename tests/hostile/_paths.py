"""Helpers for the path tests: projects, a snapshot of a folder, the CLI in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import ROOT
from tests.rules.patching import merge, sample_data, write_project

# A guard against a hang, not a measurement: every run here takes a few seconds.
GUARD_SECONDS = 120


def project_with_source(target: Path, source: str) -> Path:
    """The crawling sample with section 2.3 taken from ``source`` instead of a list."""
    documents = sample_data("open-weights-sme")
    patch: dict[str, Any] = {
        "training_data_summary": {
            "section_2": {"crawled_data": {"top_domains": {"source": source, "domains": None}}}
        }
    }
    return write_project(target, merge(documents, patch))


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: file bytes, or what a link points to, or "<dir>"."""
    found: dict[str, bytes | str] = {}
    paths = []
    for base, dirs, files in os.walk(folder):  # links to folders are listed, not entered
        paths += [Path(base) / name for name in dirs + files]
    for path in sorted(paths):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = f"-> {path.readlink()}"
        elif path.is_dir():
            found[name] = "<dir>"
        elif path.is_file():
            found[name] = path.read_bytes()
        else:
            found[name] = "<special>"
    return found


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``gpai-docs ARGS`` in a fresh process; a hang fails the test instead of blocking."""
    env = {**os.environ, "CI": "1", "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "gpai_docs", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=GUARD_SECONDS,
        cwd=cwd,
        env=env,
        check=False,
    )
