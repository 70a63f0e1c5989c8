"""Hostile text through `validate` and `diff` into CI logs and code scanning, end to end.

A CI runner takes any log line that starts with ``::`` (after blanks) as a workflow
command, and a terminal runs ESC sequences; SARIF artifact locations are URI references
(RFC 3986). Expected values are written by hand from those rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from click.testing import Result

from tests.integrations._projects import project_with_findings
from tests.releases._projects import write

Run = Callable[..., Result]
AS_OF = ("--as-of", "2026-11-21")
SARIF_SCHEMA = Path(__file__).parents[1] / "data" / "sarif-schema-2.1.0.json"
ANNOTATION = re.compile(r"::(error|warning|notice) [^:]*::\S.*")
# What may never reach a log line raw: controls but tab, line and paragraph separators.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\u202e]")

# (id, patch, what the text report shows in place of the hostile text)
CASES: list[tuple[str, dict[str, Any], str]] = [
    (
        "unknown-key-with-workflow-command",
        {"copyright_policy": {"x\n::error file=x::pwned": 1}},
        "x\\n::error file=x::pwned",
    ),
    (
        "unknown-key-with-stop-commands",
        {"copyright_policy": {"document": {"a\r\n::stop-commands::tok": 1}}},
        "a\\r\\n::stop-commands::tok",
    ),
    (
        "enum-value-with-workflow-command",
        {"model_documentation": {"distribution": {"license_category": "x\n::warning::pwned"}}},
        "x\\n::warning::pwned",
    ),
    (
        "key-with-terminal-escape",
        {"copyright_policy": {"document": {"title\x1b[2J\x1b[31m": 1}}},
        "title\\x1b[2J\\x1b[31m",
    ),
    (
        "key-with-line-separator-and-bidi",
        {"copyright_policy": {"a\u2028::error::x\u202e": 1}},
        "a\\u2028::error::x\\u202e",
    ),
    (
        "domain-with-workflow-command",
        {
            "training_data_summary": {
                "section_2": {
                    "crawled_data": {
                        "used": "Yes",
                        "top_domains": {"total_domains": 10, "domains": ["ok\n::error::x"]},
                    }
                }
            }
        },
        "ok\\n::error::x",
    ),
]
IDS = [name for name, _, _ in CASES]


def _no_command_lines(output: str) -> None:
    for line in output.split("\n"):
        assert not line.lstrip().startswith("::"), line
        assert not RAW.search(line), line


@pytest.mark.parametrize(("name", "patch", "shown"), CASES, ids=IDS)
def test_validate_text_shows_hostile_text_escaped_on_one_line(
    name: str, patch: dict[str, Any], shown: str, tmp_path: Path, run_cli: Run
) -> None:
    project = write(tmp_path / "project", patch)
    result = run_cli("validate", project, *AS_OF)
    assert result.exit_code == 1
    _no_command_lines(result.output)
    assert shown in result.output


@pytest.mark.parametrize(("name", "patch", "shown"), CASES, ids=IDS)
def test_github_annotations_are_the_only_commands(
    name: str, patch: dict[str, Any], shown: str, tmp_path: Path, run_cli: Run
) -> None:
    project = write(tmp_path / "project", patch)
    findings = json.loads(run_cli("validate", project, *AS_OF, "--format", "json").output)
    result = run_cli("validate", project, *AS_OF, "--format", "github")
    lines = result.output.rstrip("\n").split("\n")
    assert len(lines) == len(findings["diagnostics"])  # one line per finding, no more
    for line in lines:
        assert ANNOTATION.fullmatch(line), line
        assert not RAW.search(line), line
    assert any(shown in line for line in lines)


DIFF_VALUES = [
    ("workflow-command", "Drafting.\n::error file=x::pwned", "Drafting.\\n::error file=x::pwned"),
    ("stop-commands", "Drafting.\r\n::stop-commands::tok", "Drafting.\\r\\n::stop-commands::tok"),
    ("terminal-escape", "Drafting \x1b[31mred\x1b[0m.", "Drafting \\x1b[31mred\\x1b[0m."),
    ("nul-and-bell", "Draft\x00ing\x07.", "Draft\\x00ing\\x07."),
    ("line-separator", "Drafting.\u2028::warning::x", "Drafting.\\u2028::warning::x"),
    ("leading-command", "::error file=x::pwned", "+ ::error file=x::pwned"),
]


@pytest.mark.parametrize(
    ("name", "value", "shown"), DIFF_VALUES, ids=[n for n, _, _ in DIFF_VALUES]
)
def test_diff_text_shows_changed_values_escaped(
    name: str, value: str, shown: str, tmp_path: Path, run_cli: Run
) -> None:
    old = write(tmp_path / "old")
    new = write(tmp_path / "new", {"model_documentation": {"use": {"intended_uses": value}}})
    result = run_cli("diff", old, new)
    assert result.exit_code == 0
    _no_command_lines(result.output)
    assert shown in result.output


# (folder name, how its first file appears in an artifact location, by RFC 3986)
FOLDERS = [
    ("my model", "my%20model/copyright-policy.yaml"),
    ("v1#draft", "v1%23draft/copyright-policy.yaml"),
    ("100%", "100%25/copyright-policy.yaml"),
    ("why?", "why%3F/copyright-policy.yaml"),
    ("a:b", "a%3Ab/copyright-policy.yaml"),
    ("bücher", "b%C3%BCcher/copyright-policy.yaml"),
]


@pytest.mark.parametrize(("folder", "uri"), FOLDERS, ids=[f for f, _ in FOLDERS])
def test_sarif_artifact_uris_are_percent_encoded(
    folder: str, uri: str, tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    project_with_findings(tmp_path / folder)
    result = run_cli("validate", folder, *AS_OF, "--format", "sarif")
    log = json.loads(result.output)
    validator = jsonschema.Draft4Validator(
        json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")),
        format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER,
    )
    assert not list(validator.iter_errors(log))
    locations = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]
        for r in log["runs"][0]["results"]
        if "locations" in r
    ]
    assert uri in {loc["uri"] for loc in locations}
    for loc in locations:
        parts = urlsplit(loc["uri"])
        assert (parts.scheme, parts.query, parts.fragment) == ("", "", "")
        assert loc["uriBaseId"] == "%SRCROOT%"
        assert (tmp_path / unquote(parts.path)).is_file()  # resolves to the file itself


@pytest.mark.parametrize("command", ["diff", "validate"])
def test_errors_naming_a_hostile_path_stay_on_their_lines(
    command: str, tmp_path: Path, run_cli: Run
) -> None:
    missing = tmp_path / "gone\n::error file=x::pwned\x1b[2J"
    args = (missing, write(tmp_path / "new")) if command == "diff" else (missing,)
    result = run_cli(command, *args)
    assert result.exit_code == 2
    _no_command_lines(result.output)
    assert "gone\\n::error file=x::pwned\\x1b[2J" in result.output
