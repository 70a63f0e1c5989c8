"""`gpai-docs init` as users see it: files, modelines, refusal to overwrite, a clean draft."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from gpai_docs.models.kinds import KINDS

Run = Callable[..., Result]
DOCUMENTS = [f"{kind.stem}.yaml" for kind in KINDS]


def _pending_announced(result: Result) -> int:
    match = re.search(r"^(\d+) answers to be provided", result.output, re.MULTILINE)
    assert match, result.output
    return int(match.group(1))


def test_init_writes_three_documents_with_modelines(run_cli: Run, tmp_path: Path) -> None:
    project = tmp_path / "new" / "acme-7b"
    result = run_cli("init", project, "--schema-base", "https://example.org/schemas")
    assert result.exit_code == 0, result.output
    for name in DOCUMENTS:
        path = project / name
        assert f"wrote {path}" in result.output
        first = path.read_text(encoding="utf-8").splitlines()[0]
        schema = name.replace(".yaml", ".schema.json")
        assert first == f"# yaml-language-server: $schema=https://example.org/schemas/{schema}"
    assert not (project / "schemas").exists()
    assert "model_name:\n    # Model name" in (project / DOCUMENTS[0]).read_text(encoding="utf-8")


def test_scaffold_validates_with_only_to_be_provided_warnings(run_cli: Run, tmp_path: Path) -> None:
    project = tmp_path / "draft"
    created = run_cli("init", project, "--provider", "Acme AI SAS", "--model-name", "Acme Chat 1.0")
    assert created.exit_code == 0, created.output
    checked = run_cli("validate", project, "--format", "json")
    report = json.loads(checked.output)
    diagnostics = report["diagnostics"]
    assert diagnostics, "a fresh scaffold has answers to provide"
    assert {d["code"] for d in diagnostics} == {"PJ001"}, [
        (d["code"], d["message"]) for d in diagnostics if d["code"] != "PJ001"
    ]
    assert {d["severity"] for d in diagnostics} == {"warning"}
    assert checked.exit_code == 0
    assert len(diagnostics) == _pending_announced(created)


def test_a_model_name_with_no_version_is_the_one_other_finding_of_a_scaffold(
    run_cli: Run, tmp_path: Path
) -> None:
    """The summary asks for versioned model names: the folder's name "draft" is none (TS021)."""
    project = tmp_path / "draft"
    assert run_cli("init", project, "--provider", "Acme AI SAS").exit_code == 0
    report = json.loads(run_cli("validate", project, "--format", "json").output)
    others = [d for d in report["diagnostics"] if d["code"] != "PJ001"]
    assert [(d["code"], d["severity"], d["path"]) for d in others] == [
        ("TS021", "warning", "/section_1/versioned_model_names/0")
    ]


def test_modelines_reach_the_schemas_written_beside_the_documents(
    run_cli: Run, tmp_path: Path
) -> None:
    project = tmp_path / "proj"
    assert run_cli("init", project).exit_code == 0
    for name in DOCUMENTS:
        first = (project / name).read_text(encoding="utf-8").splitlines()[0]
        target = project / first.split("$schema=", 1)[1]
        assert json.loads(target.read_text(encoding="utf-8"))["$id"] == target.name


def test_init_refuses_to_overwrite(run_cli: Run, tmp_path: Path) -> None:
    assert run_cli("init", tmp_path).exit_code == 0
    edited = tmp_path / "model-documentation.yaml"
    edited.write_text("# my work\n", encoding="utf-8")
    refused = run_cli("init", tmp_path)
    assert refused.exit_code == 2
    assert "already holds model-documentation.yaml" in refused.stderr
    assert "--force" in refused.stderr
    assert "Traceback" not in refused.output
    assert edited.read_text(encoding="utf-8") == "# my work\n"
    forced = run_cli("init", tmp_path, "--force")
    assert forced.exit_code == 0, forced.output
    assert edited.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_init_into_a_file_is_a_usage_error(run_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "not-a-folder"
    target.write_text("", encoding="utf-8")
    result = run_cli("init", target)
    assert result.exit_code == 2
    assert "is a file, not a folder" in result.stderr
