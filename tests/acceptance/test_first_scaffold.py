"""Issue 17, the first hour: a fresh scaffold decides nothing and cannot be built, and the
scaffold filled using only its comments (tests/data/first_hour) validates clean."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

Run = Callable[..., Result]
FIRST_HOUR = Path(__file__).resolve().parent.parent / "data" / "first_hour"


@pytest.fixture
def fresh(run_cli: Run, tmp_path: Path) -> Path:
    project = tmp_path / "fresh"
    created = run_cli("init", project)
    assert created.exit_code == 0, created.output
    return project


def _report(run_cli: Run, project: Path, exit_code: int = 0) -> dict[str, Any]:
    checked = run_cli("validate", project, "--format", "json")
    assert checked.exit_code == exit_code, checked.output
    report: dict[str, Any] = json.loads(checked.output)
    return report


def test_a_fresh_scaffold_states_no_determination(run_cli: Run, fresh: Path) -> None:
    found = {d["key"]: d for d in _report(run_cli, fresh)["determinations"]}
    # Each one an answer decides says what is missing instead of concluding from a default.
    assert {
        key: found[key]["outcome"] for key in found if key not in ("enforcement", "law_applied")
    } == {
        "gpai_scope": "Unknown",
        "systemic_risk": "Unknown",
        "open_source_exemption": "Unknown",
        "authorised_representative": "Unknown",
        "next_summary_update": "Unknown",
    }
    assert "`distribution.license_category`" in found["open_source_exemption"]["statement"]
    assert "`provider.established_in_union`" in found["authorised_representative"]["statement"]
    assert "`section_1.continuous_training`" in found["next_summary_update"]["statement"]
    assert "Training compute is not given" in found["systemic_risk"]["statement"]


def test_a_fresh_scaffold_is_refused_by_build_but_builds_as_a_draft(
    run_cli: Run, fresh: Path, tmp_path: Path
) -> None:
    refused = run_cli("build", fresh, "--out", tmp_path / "out", "--no-pdf")
    assert refused.exit_code == 1, refused.output
    assert "Build refused" in refused.output
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.md"))
    draft = run_cli("build", fresh, "--out", tmp_path / "draft", "--no-pdf", "--draft")
    assert draft.exit_code == 0, draft.output
    assert (tmp_path / "draft" / "training-data-summary.public.draft.md").is_file()


def test_unanswered_yes_no_facts_are_not_read_as_their_old_defaults(
    run_cli: Run, fresh: Path
) -> None:
    md = fresh / "model-documentation.yaml"
    text = md.read_text(encoding="utf-8")
    md.write_text(
        text.replace("established_in_union: {to_be_provided: true}", "established_in_union: false"),
        encoding="utf-8",
    )
    # (exit 1: MD013 now asks for the representative the answer makes necessary)
    found = {d["key"]: d for d in _report(run_cli, fresh, 1)["determinations"]}
    assert found["authorised_representative"]["outcome"] == "Needed"


def test_the_scaffold_filled_from_its_comments_validates_clean(
    run_cli: Run, tmp_path: Path
) -> None:
    project = tmp_path / "first_hour"
    shutil.copytree(FIRST_HOUR, project)
    checked = run_cli("validate", project, "--strict")
    assert checked.exit_code == 0, checked.output
    assert "0 errors, 0 warnings, 0 notes in 3 files; 0 answers to be provided." in checked.output
    found = {d["key"]: d["outcome"] for d in _report(run_cli, project)["determinations"]}
    assert found["gpai_scope"] == "Likely a GPAI model"
    assert found["systemic_risk"] == "Not presumed"
    assert found["authorised_representative"] == "Not needed"
    assert found["next_summary_update"] == "On material change"
