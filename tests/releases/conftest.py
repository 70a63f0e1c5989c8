"""Release fixtures: a model released three times, built once per test session.

Tests that change a release work on a copy (``released`` fixture), so the shared output
stays pristine.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.releases._projects import CRAWLING, crawler, with_crawlers, write

SLUG = "lumen-base-2"
DATES = {"1.0": dt.date(2025, 10, 1), "1.1": dt.date(2026, 3, 1), "2.0": dt.date(2026, 9, 1)}


def summary_versions(version: str, *previous: str) -> dict[str, Any]:
    links = [{"version": v, "url": f"https://lumen-ai.example/tds/{v}"} for v in previous]
    return {"training_data_summary": {"header": {"version": version, "previous_versions": links}}}


# What each release changes, relative to the minimal sample.
PATCHES: dict[str, tuple[dict[str, Any], ...]] = {
    "1.0": (CRAWLING,),
    "1.1": (
        with_crawlers(crawler(user_agent="LumenBot/1.1 (+https://lumen-ai.example/bot)")),
        summary_versions("1.1", "1.0"),
        {"copyright_policy": {"document": {"version": "1.1"}}},
    ),
    # 2.0 forgets to link summary 1.0: the release warns.
    "2.0": (
        with_crawlers(crawler(user_agent="LumenBot/1.1 (+https://lumen-ai.example/bot)")),
        summary_versions("2.0", "1.1"),
        {"copyright_policy": {"document": {"version": "1.1"}}},
        {
            "model_documentation": {
                "document": {"version": "2.0.0"},
                "use": {"intended_uses": "Drafting, summarising and translating business text."},
            }
        },
    ),
}


@dataclass(frozen=True)
class Released:
    """An output folder holding releases of the sample model."""

    out: Path
    project: Path
    warnings: dict[str, tuple[str, ...]]

    @property
    def model(self) -> Path:
        return self.out / SLUG

    def release(self, version: str) -> Path:
        return self.model / version


def release(project: Path, out: Path, version: str, **options: Any) -> Any:
    from gpai_docs.bundle.release import release_project

    options.setdefault("formats", ("md",))
    # Most tests release the 2.0 project again, unchanged: say yes to the pre-flight
    # questions (tests/releases/test_preflight.py asks them).
    options.setdefault("confirm", lambda check: True)
    options.setdefault("released_on", DATES.get(version, dt.date(2026, 10, 1)))
    return release_project(project, version=version, out=out, **options)


@pytest.fixture(scope="session")
def _three_releases(tmp_path_factory: pytest.TempPathFactory) -> Released:
    root = tmp_path_factory.mktemp("releases")
    out, project = root / "output", root / "project"
    warnings = {}
    for version, patches in PATCHES.items():
        shutil.rmtree(project, ignore_errors=True)
        write(project, *patches)
        warnings[version] = release(project, out, version).warnings
    return Released(out, project, warnings)


@pytest.fixture
def released(_three_releases: Released, tmp_path: Path) -> Released:
    """A private copy of the three releases (1.0, 1.1, 2.0) and of the 2.0 project."""
    out, project = tmp_path / "output", tmp_path / "project"
    shutil.copytree(_three_releases.out, out, symlinks=True)
    shutil.copytree(_three_releases.project, project)
    return Released(out, project, _three_releases.warnings)


def tree_hashes(root: Path) -> dict[str, str]:
    """SHA-256 of every file under ``root``, by relative path (hidden files included)."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
