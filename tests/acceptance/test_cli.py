"""The validate command as users and CI see it: exit codes, text and JSON output."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import SAMPLES

Run = Callable[..., Result]


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    project = tmp_path / "broken"
    shutil.copytree(SAMPLES / "minimal", project)
    path = project / "model-documentation.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            '  total_model_size: "1.6*10^9"', '  total_model_size: "2*10^9"'
        ),
        encoding="utf-8",
    )
    return project


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    project = tmp_path / "draft"
    shutil.copytree(SAMPLES / "minimal", project)
    edits = {
        "model-documentation.yaml": [
            ("  union_market_release_date: 2025-10-01", "  union_market_release_date: 2026-01-15"),
            (
                "  curation: Deduplication, language identification and quality filtering.",
                "  curation: {to_be_provided: data team}",
            ),
        ],
        "training-data-summary.yaml": [
            ("  union_market_date: 2025-10-01", "  union_market_date: 2026-01-15")
        ],
    }
    for name, replacements in edits.items():
        path = project / name
        text = path.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    return project


def test_clean_project_exits_0(run_cli: Run) -> None:
    result = run_cli("validate", SAMPLES / "minimal", "--as-of", "2026-11-21")
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output
    assert "Rule pack " in result.output and "as of" in result.output


def test_findings_exit_1_with_file_line_column_and_reference(run_cli: Run, broken: Path) -> None:
    result = run_cli("validate", broken, "--as-of", "2026-11-21")
    assert result.exit_code == 1
    assert "broken/model-documentation.yaml:29:3: error MD003 properties.total_model_size:" in (
        result.output
    )
    assert "see: Model Documentation Form, Model properties: Total model size" in result.output


def test_warnings_fail_only_with_strict(run_cli: Run, draft: Path) -> None:
    before_placement = ("--as-of", "2025-12-01")
    lenient = run_cli("validate", draft, *before_placement)
    assert lenient.exit_code == 0, lenient.output
    assert "warning PJ001 data.curation: This answer is still to be provided (data team)." in (
        lenient.output
    )
    strict = run_cli("validate", draft, *before_placement, "--strict")
    assert strict.exit_code == 1
    assert "1 answer to be provided" in strict.output


def test_pending_answer_past_the_due_date_is_an_error(run_cli: Run, draft: Path) -> None:
    result = run_cli("validate", draft, "--as-of", "2026-02-01")
    assert result.exit_code == 1
    assert "error MD002 data.curation: The documentation was due on 2026-01-15" in result.output


def test_json_output_is_stable_and_complete(
    run_cli: Run, broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(broken.parent)  # files are given relative to the working directory
    result = run_cli("validate", broken, "--format", "json", "--as-of", "2026-11-21")
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert payload["version"] == 1
    assert payload["checked_on"] == "2026-11-21"
    assert set(payload["rule_pack"]) == {"version", "as_of"}
    assert payload["summary"] == {"errors": 1, "warnings": 0, "notes": 0, "to_be_provided": 0}
    (finding,) = payload["diagnostics"]
    assert finding == {
        "code": "MD003",
        "severity": "error",
        "rule": "parameter-count-precision",
        "message": finding["message"],
        "file": "broken/model-documentation.yaml",
        "path": "/properties/total_model_size",
        "line": 29,
        "column": 3,
        "hint": "Write it like 7.3*10^10.",
        "reference": "Model Documentation Form, Model properties: Total model size",
    }
    assert {d["key"] for d in payload["determinations"]} >= {
        "gpai_scope",
        "systemic_risk",
        "open_source_exemption",
        "authorised_representative",
        "documentation_due",
        "retention_end",
    }


def test_missing_folder_is_a_usage_error(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("validate", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_missing_documents_are_findings(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("validate", tmp_path, "--format", "json")
    assert result.exit_code == 1
    codes = [d["code"] for d in json.loads(result.output)["diagnostics"]]
    assert codes == ["DL001", "DL001", "DL001"]


def test_bad_option_is_exit_2(run_cli: Run) -> None:
    assert run_cli("validate", "--format", "yaml").exit_code == 2


def test_rules_explain_prints_the_docstring(run_cli: Run) -> None:
    result = run_cli("rules", "explain", "md004")
    assert result.exit_code == 0
    assert "parameter-range-matches" in result.output and "Passes:" in result.output
    assert run_cli("rules", "explain", "ZZ999").exit_code == 2
