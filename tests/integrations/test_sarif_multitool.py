"""Our SARIF as GitHub code scanning ingests it: Microsoft's SARIF multitool, run with the
SARIF spec's rules and GitHub's ingestion rules (`--rule-kind "Sarif;Gh"`), reports no
error and no warning, for a project inside the working folder and one outside it.

scripts/setup.sh installs the multitool (pinned) into .tools/sarif with npm. Without npm
the test is skipped with a message, except in CI, which has npm and must run it.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from gpai_docs.report.ci import sarif_report
from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE, ROOT
from tests.integrations._projects import project_with_findings

TOOLS = ROOT / ".tools" / "sarif" / "node_modules" / "@microsoft"


def _multitool() -> Path:
    found = sorted(TOOLS.glob("sarif-multitool-*/Sarif.Multitool*"))
    found = [p for p in found if p.name in ("Sarif.Multitool", "Sarif.Multitool.exe")]
    if not found:
        message = "the SARIF multitool is not installed: run `bash scripts/setup.sh` (needs npm)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found[0]


def _check(sarif: Path) -> list[dict[str, Any]]:
    """The multitool's errors and warnings on ``sarif`` (its notes are style advice)."""
    out = sarif.with_suffix(".checked.sarif")
    done = subprocess.run(
        [
            str(_multitool()),
            "validate",
            "--rule-kind",
            "Sarif;Gh",
            "--level",
            "Error;Warning",
            "--output",
            str(out),
            str(sarif),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (run,) = json.loads(out.read_text(encoding="utf-8"))["runs"]
    results: list[dict[str, Any]] = run.get("results", [])
    return results


def _project_with_a_loading_error(target: Path) -> Path:
    project = project_with_findings(target)
    (project / "training-data-summary.yaml").write_text("section_1: [1,\n", encoding="utf-8")
    return project


def test_sarif_passes_githubs_ingestion_rules(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    checkout = tmp_path / "checkout"
    inside = project_with_findings(checkout / "models" / "bad")
    outside = _project_with_a_loading_error(tmp_path_factory.mktemp("elsewhere") / "bad")
    monkeypatch.chdir(checkout)
    results = [validate_project(p, as_of=FIXED_DATE) for p in (inside, outside)]
    log = sarif_report(*results)
    codes = {r["ruleId"] for r in json.loads(log)["runs"][0]["results"]}
    # A rule finding, a schema finding and a loading finding: each kind of descriptor.
    assert {"MD001", "SC002", "DL002"} <= codes
    sarif = tmp_path / "gpai-docs.sarif"
    sarif.write_text(log, encoding="utf-8")

    problems = _check(sarif)

    assert problems == [], "\n".join(
        f"{p['ruleId']}: {p['message'].get('text', p['message'])}" for p in problems[:10]
    )


def test_every_code_has_its_own_help_and_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    outside = _project_with_a_loading_error(tmp_path.parent / f"{tmp_path.name}-out" / "bad")
    log = json.loads(sarif_report(validate_project(outside, as_of=FIXED_DATE), cwd=tmp_path))
    (run,) = log["runs"]
    assert run["automationDetails"]["id"] == "gpai-docs/validate/"
    assert run["tool"]["driver"]["fullName"].startswith("gpai-docs ")
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    for code in ("MD001", "SC002", "DL002"):
        assert rules[code]["helpUri"].endswith(f"#{code.lower()}")
        assert rules[code]["fullDescription"]["text"]
    assert "misspelling" in rules["SC002"]["fullDescription"]["text"]
    assert "unclosed quote" in rules["DL002"]["fullDescription"]["text"]
    helps = [r["help"]["text"] for r in rules.values()]
    assert len(set(helps)) == len(helps), "two codes share one help text"
    # Outside the working folder: a file URI of its own, no %SRCROOT% base.
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    expected = (outside / "model-documentation.yaml").absolute().as_uri()
    assert {"uri": expected} in locations
    assert all("uriBaseId" not in loc for loc in locations)


def test_rule_reference_has_an_entry_for_each_builtin_code() -> None:
    reference = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for code in ("DL001", "DL002", "DL008", "SC001", "SC002", "SC007", "SC099", "GD001"):
        assert f"\n### {code}\n" in reference, code
