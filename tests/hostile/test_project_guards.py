"""Project-level guards: links out of the project, and messages bounded in length."""

from __future__ import annotations

import shutil
from pathlib import Path

from gpai_docs.validate.pipeline import validate_project
from gpai_docs.validate.project import load_project
from gpai_docs.validate.schema import MAX_MESSAGE_CHARS
from tests.conftest import FIXED_DATE, SAMPLES


def _copy_minimal(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(SAMPLES / "minimal", project)
    return project


def test_link_out_of_the_project_is_not_followed(tmp_path: Path) -> None:
    project = _copy_minimal(tmp_path)
    secret = tmp_path / "credentials.yaml"
    secret.write_text("aws_secret_access_key: CANARY-SECRET-VALUE\n", encoding="utf-8")
    target = project / "copyright-policy.yaml"
    target.unlink()
    target.symlink_to(secret)
    result = validate_project(project, as_of=FIXED_DATE)
    problems = [d for d in result.report.diagnostics if d.location.file.endswith(target.name)]
    assert [d.code for d in problems] == ["DL001"]
    assert "outside the project" in problems[0].message
    everything = repr(result.report)
    assert "CANARY-SECRET-VALUE" not in everything and "aws_secret" not in everything


def test_link_inside_the_project_is_followed(tmp_path: Path) -> None:
    project = _copy_minimal(tmp_path)
    (project / "docs").mkdir()
    moved = project / "docs" / "cp.yaml"
    (project / "copyright-policy.yaml").rename(moved)
    (project / "copyright-policy.yaml").symlink_to(moved)
    assert load_project(project).documents["copyright_policy"].model is not None


def test_link_loop_is_a_finding(tmp_path: Path) -> None:
    project = _copy_minimal(tmp_path)
    (project / "copyright-policy.yaml").unlink()
    (project / "copyright-policy.yaml").symlink_to(project / "copyright-policy.yaml")
    result = validate_project(project, as_of=FIXED_DATE)
    assert any(d.code == "DL001" for d in result.report.diagnostics)


def test_a_megabyte_of_input_is_not_echoed_into_a_message(tmp_path: Path) -> None:
    project = _copy_minimal(tmp_path)
    path = project / "model-documentation.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("license_category: proprietary", "license_category: " + "x" * 2**20)
    )
    result = validate_project(project, as_of=FIXED_DATE)
    bad = [d for d in result.report.diagnostics if d.location.path[-1:] == ("license_category",)]
    assert bad and all(len(d.message) <= MAX_MESSAGE_CHARS + 1 for d in bad)


def test_every_schema_finding_says_how_to_fix_it(tmp_path: Path) -> None:
    project = _copy_minimal(tmp_path)
    path = project / "model-documentation.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('"2.3*10^23"', '"10^400"').replace(
        "release_date: 2025-10-01", "release_date: 31/04/2025"
    )
    path.write_text(text, encoding="utf-8")
    result = validate_project(project, as_of=FIXED_DATE)
    schema = [d for d in result.report.diagnostics if d.code.startswith("SC")]
    assert {d.code for d in schema} == {"SC006"}
    assert all(d.hint for d in schema)
