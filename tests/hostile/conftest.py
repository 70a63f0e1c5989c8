"""Fixtures shared by the path cases (tests/hostile/test_paths_*.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLES


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the minimal sample, the project every path case starts from."""
    target = tmp_path / "project"
    shutil.copytree(SAMPLES / "minimal", target)
    return target


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A folder outside --out holding a file that must survive every case."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "keep.txt").write_text("not to be touched\n", encoding="utf-8")
    return folder
