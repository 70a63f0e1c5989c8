"""Every bundled sample validates with no errors (the samples are also the users' examples)."""

from __future__ import annotations

import pytest

from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE, SAMPLES

SAMPLE_DIRS = sorted(p for p in SAMPLES.iterdir() if p.is_dir())


def test_there_are_samples() -> None:
    assert {p.name for p in SAMPLE_DIRS} >= {"minimal"}


@pytest.mark.parametrize("sample", SAMPLE_DIRS, ids=lambda p: p.name)
def test_sample_passes_validate(sample: object) -> None:
    result = validate_project(sample, as_of=FIXED_DATE)  # type: ignore[arg-type]
    assert not result.report.errors, "\n".join(str(d) for d in result.report.errors)
    assert result.pending == 0


@pytest.mark.parametrize("sample", SAMPLE_DIRS, ids=lambda p: p.name)
def test_sample_files_carry_schema_modelines(sample: object) -> None:
    for path in sample.glob("*.yaml"):  # type: ignore[attr-defined]
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
