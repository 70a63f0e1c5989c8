"""Schema findings: one code per pydantic error type, located where the user wrote the value."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpai_docs.load.documents import load_text
from gpai_docs.models.kinds import KIND_BY_KEY
from gpai_docs.validate.project import validate_document
from tests.rules.patching import merge, sample_data

MINIMAL = Path(__file__).resolve().parents[2] / "samples" / "minimal" / "model-documentation.yaml"


def diagnostics_for(text: str) -> list[tuple[str, str, int | None]]:
    loaded = load_text(text, "model-documentation.yaml")
    document = validate_document(KIND_BY_KEY["model_documentation"], loaded)
    return [(d.code, d.location.dotted_path, d.location.line) for d in document.diagnostics]


def replace_line(old: str, new: str) -> str:
    text = MINIMAL.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_minimal_sample_is_schema_valid() -> None:
    assert diagnostics_for(MINIMAL.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("old", "new", "code", "path"),
    [
        (
            "  architecture: Decoder-only transformer with grouped-query attention.",
            "  architecture:",
            "SC007",
            "properties.architecture",
        ),
        ("  sme: false", "  sme: false\n  smee: true", "SC002", "provider.smee"),
        (
            "  release_date: 2025-10-01",
            "  release_date: 2025-02-30",
            "SC003",
            "general.release_date",
        ),
        (
            "  parameter_range: 500M-5B",
            "  parameter_range: 2B-3B",
            "SC004",  # not one of the Form's ranges: a choice, as a Literal's
            "properties.parameter_range",
        ),
        ("  sme: false", "  sme: maybe", "SC003", "provider.sme"),
    ],
)
def test_each_error_type_gets_its_code_and_line(old: str, new: str, code: str, path: str) -> None:
    text = replace_line(old, new)
    found = diagnostics_for(text)
    assert found == [(code, path, line_of(text, new.strip().split("\n")[-1].split(":")[0] + ":"))]


def test_missing_field_points_at_its_parent_and_hints_the_three_answers() -> None:
    text = replace_line(
        "  architecture: Decoder-only transformer with grouped-query attention.\n", ""
    )
    loaded = load_text(text, "model-documentation.yaml")
    (problem,) = validate_document(KIND_BY_KEY["model_documentation"], loaded).diagnostics
    assert (problem.code, problem.location.dotted_path) == ("SC001", "properties.architecture")
    assert problem.location.line == line_of(text, "properties:")
    assert problem.hint is not None and "to_be_provided" in problem.hint


def test_misspelt_field_suggests_the_right_name() -> None:
    text = replace_line("  parameter_range: 500M-5B", "  paramter_range: 500M-5B")
    loaded = load_text(text, "model-documentation.yaml")
    hints = [
        d.hint
        for d in validate_document(KIND_BY_KEY["model_documentation"], loaded).diagnostics
        if d.code == "SC002"
    ]
    # The suggestion, and the field written with the model's declared example (50B-100B).
    assert hints == ["Did you mean `parameter_range`? For example `parameter_range: 50B-100B`."]


def test_every_error_in_a_document_is_reported_at_once() -> None:
    data = merge(
        sample_data("minimal")["model_documentation"],
        {
            "properties": {"architecture": ""},
            "general": {"release_date": "soon"},
            "data": {"curation": None},
            "compute": {"extra_field": 1},
        },
    )
    import json

    loaded = load_text(json.dumps(data), "model-documentation.json", json_syntax=True)
    codes = sorted(
        d.code for d in validate_document(KIND_BY_KEY["model_documentation"], loaded).diagnostics
    )
    assert codes == ["SC001", "SC002", "SC003", "SC007"]


def test_answers_accept_not_applicable_and_to_be_provided() -> None:
    text = replace_line(
        "  architecture: Decoder-only transformer with grouped-query attention.",
        "  architecture: {to_be_provided: true}",
    )
    text = text.replace(
        "  bias_measures: Demographic term-frequency audits on samples of the corpus.",
        "  bias_measures: {not_applicable: Text-only corpus audit pending}",
    )
    assert diagnostics_for(text) == []


def test_not_applicable_needs_a_reason() -> None:
    text = replace_line(
        "  architecture: Decoder-only transformer with grouped-query attention.",
        "  architecture: {not_applicable: ''}",
    )
    assert [c for c, _, _ in diagnostics_for(text)] == ["SC007"]
