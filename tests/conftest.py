"""Shared fixtures: sample projects, a fixed date, the CLI runner and golden-file updates."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIXED_DATE = dt.date(2026, 11, 21)

# Nothing a test runs may reach the network or depend on the clock through the environment.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1795219200")  # 2026-11-21, FIXED_DATE


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite golden files instead of comparing against them.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def fixed_date() -> dt.date:
    return FIXED_DATE


@pytest.fixture
def sample_names() -> list[str]:
    return sorted(p.name for p in SAMPLES.iterdir() if p.is_dir())


@pytest.fixture
def run_cli() -> Callable[..., Result]:
    from gpai_docs.cli import cli

    def run(*args: str, env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)

    return run
