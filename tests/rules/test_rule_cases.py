"""Every rule's passing and failing cases, from tests/rules/cases/<CODE>.yaml.

A case patches a sample project (``base``, default ``minimal``) and lists the findings
the rule must produce: ``expect: []`` for a passing case, or entries with the dotted
``path`` (and optionally ``document``) of each expected finding. A case must be
schema-valid, so that a failing case fails for the rule's reason and no other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE
from tests.rules.patching import merge, sample_data, write_project

CASES_DIR = Path(__file__).parent / "cases"


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, case in spec["cases"].items():
            params.append(
                pytest.param(
                    spec["rule"], spec.get("base", "minimal"), case, id=f"{spec['rule']}-{name}"
                )
            )
    return params


@pytest.mark.parametrize(("code", "base", "case"), _cases())
def test_rule_case(code: str, base: str, case: dict[str, Any], tmp_path: Path) -> None:
    documents = merge(sample_data(case.get("base", base)), case.get("patch", {}))
    project = write_project(tmp_path / "project", documents)
    as_of = case.get("as_of", FIXED_DATE)
    result = validate_project(project, as_of=as_of)
    schema_problems = [d for d in result.report.diagnostics if d.code[:2] in ("DL", "SC")]
    assert not schema_problems, f"the case is not schema-valid: {schema_problems}"
    found = sorted(
        (d.location.dotted_path, _document_of(d.location.file))
        for d in result.report.diagnostics
        if d.code == code
    )
    expected = sorted((e["path"], e.get("document", _document_of_path(e))) for e in case["expect"])
    if any(e.get("document") is None for e in case["expect"]):
        found = [(p, "*") for p, _ in found]
        expected = [(p, "*") for p, _ in expected]
    assert found == expected


def _document_of(file: str) -> str:
    return Path(file).stem.replace("-", "_")


def _document_of_path(entry: dict[str, Any]) -> str:
    return str(entry.get("document", "*"))
