"""SARIF 2.1.0 (checked against the OASIS schema) and GitHub workflow annotations."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import Result

from gpai_docs.report.ci import escape_data, escape_property, github_report, sarif_report
from gpai_docs.validate.pipeline import validate_project
from gpai_docs.validate.rules import RULES
from tests.conftest import FIXED_DATE, SAMPLES
from tests.integrations._projects import project_with_findings

Run = Callable[..., Result]
SARIF_SCHEMA = json.loads(
    (Path(__file__).parents[1] / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
ANNOTATION = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def _validate_sarif(log: dict[str, Any]) -> None:
    validator = jsonschema.Draft4Validator(
        SARIF_SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


@pytest.fixture
def findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return project_with_findings(tmp_path / "model")


def test_sarif_is_valid_and_points_at_the_lines(findings: Path) -> None:
    result = validate_project(findings, as_of=FIXED_DATE)
    log = json.loads(sarif_report(result))
    _validate_sarif(log)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    by_code = {r["ruleId"]: r for r in run["results"]}
    assert {"MD001", "PJ001", "SC002"} <= set(by_code)
    for sarif_result in run["results"]:
        assert rules[sarif_result["ruleIndex"]]["id"] == sarif_result["ruleId"]
    md001 = by_code["MD001"]["locations"][0]
    assert md001["physicalLocation"]["artifactLocation"] == {
        "uri": "model/model-documentation.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    line = md001["physicalLocation"]["region"]["startLine"]
    column = md001["physicalLocation"]["region"]["startColumn"]
    text = (findings / "model-documentation.yaml").read_text(encoding="utf-8").splitlines()
    assert text[line - 1][column - 1 :] == "union_market_release_date: 2025-06-01"
    assert md001["logicalLocations"][0]["fullyQualifiedName"] == "general.union_market_release_date"
    assert by_code["MD001"]["level"] == "error"
    assert by_code["PJ001"]["level"] == "warning"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == Path.cwd().as_uri() + "/"


def test_sarif_rules_carry_the_catalogue_help(findings: Path) -> None:
    log = json.loads(sarif_report(validate_project(findings, as_of=FIXED_DATE)))
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert set(RULES) <= set(rules)
    for code, rule in RULES.items():
        descriptor = rules[code]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert rule.reference in descriptor["help"]["text"]
        assert "```yaml" in descriptor["help"]["markdown"], code
    # Loader and schema codes are not registered rules but still get a descriptor.
    assert rules["SC002"]["shortDescription"]["text"] == (
        "The document holds a field its format does not have."
    )


def test_sarif_merges_several_projects_into_one_run(tmp_path: Path) -> None:
    broken = project_with_findings(tmp_path / "broken")
    results = [validate_project(p, as_of=FIXED_DATE) for p in (SAMPLES / "minimal", broken)]
    log = json.loads(sarif_report(*results, cwd=tmp_path))
    _validate_sarif(log)
    assert len(log["runs"]) == 1
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
        for loc in r.get("locations", [])
    }
    assert {"broken/model-documentation.yaml", "broken/copyright-policy.yaml"} <= uris
    assert all(Path(uri).is_absolute() or (tmp_path / uri).exists() for uri in uris)


def test_fingerprints_survive_moving_lines(tmp_path: Path) -> None:
    def fingerprint(project: Path) -> str:
        log = json.loads(sarif_report(validate_project(project, as_of=FIXED_DATE), cwd=tmp_path))
        (md001,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "MD001"]
        return str(md001["partialFingerprints"]["gpaiDocsFinding/v1"])

    project = project_with_findings(tmp_path / "model")
    before = fingerprint(project)
    path = project / "model-documentation.yaml"
    path.write_text("# a new comment line\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert fingerprint(project) == before


def test_workflow_command_escaping() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a: b, c%") == "a%3A b%2C c%25"


def _unescape(text: str) -> str:
    for coded, plain in (("%0A", "\n"), ("%0D", "\r"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(coded, plain)
    return text


def test_github_annotations(findings: Path) -> None:
    result = validate_project(findings, as_of=FIXED_DATE)
    lines = github_report(result).splitlines()
    assert len(lines) == len(result.report.diagnostics)
    parsed = []
    for line in lines:
        match = ANNOTATION.match(line)
        assert match, line
        props = dict(p.split("=", 1) for p in match[2].split(","))
        parsed.append((match[1], {k: _unescape(v) for k, v in props.items()}, _unescape(match[3])))
    by_title = {props["title"]: (command, props, message) for command, props, message in parsed}
    command, props, message = by_title["MD001 release-dates-ordered"]
    assert command == "error"
    assert props["file"] == "model/model-documentation.yaml"
    assert Path(props["file"]).exists()
    text = Path(props["file"]).read_text(encoding="utf-8").splitlines()
    assert "union_market_release_date" in text[int(props["line"]) - 1]
    assert message.startswith("general.union_market_release_date: The Union market release date")
    assert "\nFix: " in message
    command, props, message = by_title["PJ001 answers-to-be-provided"]
    assert command == "warning"
    assert "50% done: by March" in message  # % and : survive the escaping


def test_validate_cli_formats_and_exit_codes(findings: Path, run_cli: Run) -> None:
    sarif = run_cli("validate", "model", "--format", "sarif", "--as-of", "2026-11-21")
    assert sarif.exit_code == 1
    _validate_sarif(json.loads(sarif.output))
    github = run_cli("validate", "model", "--format", "github", "--as-of", "2026-11-21")
    assert github.exit_code == 1
    assert all(ANNOTATION.match(line) for line in github.output.splitlines())
    clean = run_cli("validate", str(SAMPLES / "minimal"), "--format", "github")
    assert (clean.exit_code, clean.output) == (0, "")


def test_validate_accepts_document_files(findings: Path, run_cli: Run) -> None:
    both = run_cli(
        "validate",
        "model/model-documentation.yaml",
        "model/copyright-policy.yaml",
        "--format",
        "sarif",
    )
    assert both.exit_code == 1
    results = json.loads(both.output)["runs"][0]["results"]
    assert len([r for r in results if r["ruleId"] == "MD001"]) == 1  # one project, once
    two = run_cli("validate", "model", str(SAMPLES / "minimal"), "-q")
    assert two.exit_code == 1
    assert "== model ==" in two.output
    json_two = run_cli("validate", "model", str(SAMPLES / "minimal"), "--format", "json")
    assert json_two.exit_code == 2
    Path("notes.txt").write_text("hello", encoding="utf-8")
    other = run_cli("validate", "notes.txt")
    assert other.exit_code == 2
    assert "neither a project folder nor a document file" in other.output
