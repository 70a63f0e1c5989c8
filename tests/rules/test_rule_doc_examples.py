"""The Passes/Fails examples in every rule's docstring (docs/rules.md, `gpai-docs rules
explain CODE`) are true: each is applied to a sample and validated; the rule stays quiet on
what Passes and reports what Fails.

An example is a patch in the form of tests/rules/cases (see patching.merge), keyed by
document, or, for a rule of one document, by that document's sections. It is applied to
the sample of the rule's case file (default `minimal`) and validated as of FIXED_DATE.
Some examples show only the part they are about and take the rest for granted; CONTEXT
below says what, per rule and example, so that the docstrings stay short.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from gpai_docs.report.rule_reference import examples
from gpai_docs.validate.pipeline import validate_project
from gpai_docs.validate.rules import RULES
from gpai_docs.validate.rules._registry import DOCUMENTS
from tests.conftest import FIXED_DATE
from tests.rules.patching import merge, sample_data, write_project

CASES_DIR = Path(__file__).parent / "cases"

# What an example takes for granted, keyed by (rule code, "Passes" or "Fails"):
#   at:      the dotted place the example's fields belong (PJ rules apply to any
#            document, so their examples show a bare field)
#   before:  a patch applied to the sample first, removing (null) what the sample has and
#            the example means to leave out
CONTEXT: dict[tuple[str, str], dict[str, Any]] = {
    ("PJ001", "Passes"): {"at": "model_documentation.properties"},
    # An open answer that is not due yet: the sample was placed in 2025, so by FIXED_DATE
    # its answers are due and MD002 reports them instead; placement moves to 2030.
    ("PJ001", "Fails"): {
        "at": "model_documentation.properties",
        "before": {
            "model_documentation": {
                "general": {"release_date": "2030-01-01", "union_market_release_date": "2030-01-01"}
            },
            "training_data_summary": {"section_1": {"union_market_date": "2030-01-01"}},
        },
    },
    ("PJ002", "Passes"): {"at": "training_data_summary.section_3"},
    ("PJ002", "Fails"): {"at": "training_data_summary.section_3"},
    ("PJ003", "Passes"): {"at": "model_documentation.general.model_name"},
    ("PJ003", "Fails"): {"at": "model_documentation.general.model_name"},
    # A contact with only a name: the sample's e-mail and web address are not there.
    ("CP007", "Fails"): {
        "before": {
            "copyright_policy": {"contact": {"point_of_contact": {"email": None, "url": None}}}
        }
    },
    # Text without a size: the sample's size and approximate size are not there.
    ("TS001", "Fails"): {
        "before": {
            "training_data_summary": {
                "section_1": {"modalities": {"text": {"size": None, "custom_size": None}}}
            }
        }
    },
    # The top band alone: the sample's approximate size is not there.
    ("TS035", "Fails"): {
        "before": {
            "training_data_summary": {"section_1": {"modalities": {"text": {"custom_size": None}}}}
        }
    },
    # The summary names a representative instead of the sample's "not applicable".
    ("XD014", "Passes"): {
        "before": {
            "training_data_summary": {
                "section_1": {"authorised_representative": {"not_applicable": None}}
            }
        }
    },
}


def _base(code: str) -> str:
    path = CASES_DIR / f"{code}.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    return str(spec.get("base", "minimal"))


def _params() -> list[Any]:
    params = []
    for code, rule in sorted(RULES.items()):
        for index, (kind, text) in enumerate(examples(rule)):
            params.append(pytest.param(code, kind, text, id=f"{code}-{kind}-{index}"))
    return params


def _nest(dotted: str, value: Any) -> Any:
    for part in reversed(dotted.split(".")):
        value = {part: value}
    return value


def as_patch(code: str, kind: str, text: str) -> dict[str, Any]:
    """The example as a patch of the three documents."""
    example = yaml.safe_load(text)
    assert isinstance(example, dict), f"{code} {kind}: the example is not a mapping"
    context = CONTEXT.get((code, kind), {})
    if "at" in context:
        return _nest(context["at"], example)
    if set(example) <= set(DOCUMENTS):
        return example
    (document,) = RULES[code].needs  # a one-document rule's example shows its sections
    return {document: example}


@pytest.mark.parametrize(("code", "kind", "text"), _params())
def test_docstring_example(code: str, kind: str, text: str, tmp_path: Path) -> None:
    context = CONTEXT.get((code, kind), {})
    documents = merge(sample_data(_base(code)), context.get("before", {}))
    documents = merge(documents, as_patch(code, kind, text))
    result = validate_project(write_project(tmp_path / "project", documents), as_of=FIXED_DATE)
    diagnostics = result.report.diagnostics
    # Schema-valid, so that the rule ran on it: a Passes that does not validate proves nothing.
    invalid = [
        f"{d.code} {d.location.dotted_path}: {d.message}"
        for d in diagnostics
        if d.code[:2] in ("DL", "SC")
    ]
    assert not invalid, f"the {kind} example of {code} is not schema-valid: {invalid}"
    assert not result.internal_errors, result.internal_errors
    fired = [f"{d.location.dotted_path}: {d.message}" for d in diagnostics if d.code == code]
    if kind == "Passes":
        assert not fired, f"{code} fires on its own Passes example: {fired}"
    else:
        assert fired, f"{code} does not fire on its own Fails example"


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_both_kinds_of_example(code: str) -> None:
    kinds = {kind for kind, _ in examples(RULES[code])}
    assert kinds == {"Passes", "Fails"}, f"{code} has examples {sorted(kinds)}"


def test_every_context_names_an_example_that_exists() -> None:
    present = {(code, kind) for code, rule in RULES.items() for kind, _ in examples(rule)}
    assert set(CONTEXT) <= present, sorted(set(CONTEXT) - present)
