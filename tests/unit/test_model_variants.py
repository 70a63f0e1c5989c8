"""Model documentation for several sizes or variants in one document (issue 12): "70 billion
and 8 billion parameters respectively".

The sentence is kept and shown as written; each per-model item holds one entry per model
(`total_model_size_variants: [{model: vela-70b, value: 7.0*10^10}, ...]`, the same for the
parameter range, the input sizes and the training compute), and the Form's rows show one
line per model. Each
model placed on the market is a model (AI Act Art 3(63)), so the Form's ranges and the
thresholds of Art 51(2) (greater than 10^25 FLOP) and of the GPAI guidelines (greater than
10^23 FLOP) apply to each; the document's determinations decide for its largest model and
name it. Expected values come from the Form's ranges (requirements §4.2) and those
thresholds, not from the code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gpai_docs.models.model_documentation import ModelDocumentation
from gpai_docs.render.markdown import render_markdown
from gpai_docs.validate.pipeline import ValidationResult, validate_project
from tests.conftest import FIXED_DATE
from tests.rules.patching import merge, sample_data, write_project

AS_WRITTEN = "70 billion and 8 billion parameters respectively"
SIZES = [{"model": "vela-70b", "value": "7.0*10^10"}, {"model": "vela-8b", "value": "8.0*10^9"}]
RANGES = [{"model": "vela-70b", "value": "50B-100B"}, {"model": "vela-8b", "value": "5B-15B"}]
SIZE_CODES = {"MD003", "MD004", "MD005", "MD030"}


def _sizes(sizes: list[dict[str, str]], ranges: list[dict[str, str]]) -> dict[str, Any]:
    return {
        "properties": {
            "total_model_size": None,
            "parameter_range": None,
            "total_model_size_variants": sizes,
            "parameter_range_variants": ranges,
        }
    }


def _flops(*entries: tuple[str, str]) -> dict[str, Any]:
    aio = [{"model": model, "value": value} for model, value in entries]
    return {"compute": {"training_flop_aio_variants": aio}}


def _validate(tmp_path: Path, patch: dict[str, Any]) -> ValidationResult:
    documents = merge(sample_data("minimal"), {"model_documentation": patch})
    project = write_project(tmp_path / "project", documents)
    result = validate_project(project, as_of=FIXED_DATE)
    schema = [d.code for d in result.report.diagnostics if d.code[:2] in ("DL", "SC")]
    assert schema == []
    return result


def _md(result: ValidationResult) -> ModelDocumentation:
    model = result.project.model("model_documentation")
    assert isinstance(model, ModelDocumentation)
    return model


def _findings(result: ValidationResult, codes: set[str]) -> list[tuple[str, str]]:
    return sorted(
        (d.code, d.location.dotted_path) for d in result.report.diagnostics if d.code in codes
    )


def _row(markdown: str, label: str) -> str:
    return next(line for line in markdown.splitlines() if line.startswith(f"| {label} |"))


def _determination(result: ValidationResult, key: str) -> Any:
    return next(d for d in result.determinations if d.key == key)


def _two_models(tmp_path: Path) -> ValidationResult:
    patch = _sizes(SIZES, RANGES)
    patch["properties"]["size_as_written"] = AS_WRITTEN
    return _validate(tmp_path, patch)


def test_the_sentence_and_each_models_size_are_kept(tmp_path: Path) -> None:
    props = _md(_two_models(tmp_path)).properties
    assert props.size_as_written == AS_WRITTEN
    assert props.total_model_size is None
    assert [(e.model, str(e.value)) for e in props.total_model_size_variants] == [
        ("vela-70b", "7.0*10^10"),
        ("vela-8b", "8.0*10^9"),
    ]
    assert [(e.model, e.value) for e in props.parameter_range_variants] == [
        ("vela-70b", "50B-100B"),
        ("vela-8b", "5B-15B"),
    ]


def test_the_form_rows_show_the_sentence_and_one_line_per_model(tmp_path: Path) -> None:
    result = _two_models(tmp_path)
    for audience in ("aio", "nca"):  # the Form gives the count to the authorities
        row = _row(
            render_markdown(result, "model_documentation", audience),
            "Total model size (parameters)",
        )
        assert AS_WRITTEN in row
        assert row.index(AS_WRITTEN) < row.index("vela-70b: 7.0") < row.index("vela-8b: 8.0")
    # Downstream providers see each model's range, not the authorities' count or sentence.
    dp = render_markdown(result, "model_documentation", "dp")
    ranges = _row(dp, "Total model size (range of parameters)")
    assert "vela-70b: 50B-100B" in ranges and "vela-8b: 5B-15B" in ranges
    assert AS_WRITTEN not in dp


def test_a_models_context_length_shows_in_the_input_row(tmp_path: Path) -> None:
    inputs = [
        {"model": "vela-70b", "modalities": [{"modality": "Text", "max_size": "128,000 tokens"}]}
    ]
    result = _validate(tmp_path, {"properties": {"input_modalities_variants": inputs}})
    row = _row(render_markdown(result, "model_documentation", "dp"), "Input modalities")
    # The document's own size first (the minimal sample's 32,768 tokens), then the model's.
    assert row.index("Text: 32,768") < row.index("vela-70b: Text: 128,000")


def test_each_models_figures_are_checked_and_pass(tmp_path: Path) -> None:
    # 7.0*10^10 lies in 50B-100B and 8.0*10^9 in 5B-15B, each with two significant figures.
    assert _findings(_two_models(tmp_path), SIZE_CODES) == []


def test_the_sentence_alone_is_kept_and_rendered_but_no_size_is_an_error(tmp_path: Path) -> None:
    written: dict[str, Any] = {"total_model_size": None, "parameter_range": None}
    written["size_as_written"] = AS_WRITTEN
    result = _validate(tmp_path, {"properties": written})
    assert _md(result).properties.size_as_written == AS_WRITTEN
    aio = render_markdown(result, "model_documentation", "aio")
    assert AS_WRITTEN in _row(aio, "Total model size (parameters)")
    # Annex XI 1.1(d) asks for the number of parameters: the sentence is no figure to check.
    assert _findings(result, SIZE_CODES) == [("MD030", "properties")]


def test_a_models_range_is_checked_against_its_own_count(tmp_path: Path) -> None:
    wrong = [RANGES[0], {"model": "vela-8b", "value": "50B-100B"}]
    result = _validate(tmp_path, _sizes(SIZES, wrong))
    assert _findings(result, SIZE_CODES) == [
        ("MD004", "properties.parameter_range_variants[1].value")
    ]
    message = next(d.message for d in result.report.diagnostics if d.code == "MD004")
    assert message.startswith("vela-8b: ")
    assert "'5B-15B'" in message


def test_parameter_range_boundary_applies_to_each_model(tmp_path: Path) -> None:
    # 5B is the lower edge of 5B-15B (the Form does not say where 5B belongs): MD005.
    sizes = [SIZES[0], {"model": "vela-5b", "value": "5.0*10^9"}]
    ranges = [RANGES[0], {"model": "vela-5b", "value": "5B-15B"}]
    result = _validate(tmp_path, _sizes(sizes, ranges))
    assert _findings(result, SIZE_CODES) == [
        ("MD005", "properties.total_model_size_variants[1].value")
    ]


def test_systemic_risk_is_decided_for_the_largest_model_and_names_it(tmp_path: Path) -> None:
    result = _validate(
        tmp_path,
        {
            **_flops(("vela-405b", "3.8*10^25"), ("vela-8b", "1.2*10^24")),
            "systemic_risk": {"threshold_date": "2025-03-01", "notification_date": "2025-03-10"},
        },
    )
    risk = _determination(result, "systemic_risk")
    assert risk.outcome == "Presumed"  # 3.8*10^25 FLOP is greater than 10^25 FLOP
    assert risk.statement.startswith(
        "Training compute of vela-405b (the largest of the models documented): "
    )
    assert _findings(result, {"MD009"}) == []  # notified within 14 days


def test_a_model_exactly_at_the_systemic_risk_threshold_is_not_presumed(tmp_path: Path) -> None:
    result = _validate(tmp_path, _flops(("vela-405b", "1.0*10^25"), ("vela-8b", "1.2*10^24")))
    # Art 51(2): "greater than" 10^25 FLOP; 1.0*10^25 is not greater.
    assert _determination(result, "systemic_risk").outcome == "Not presumed"
    assert _findings(result, {"MD009"}) == []


def test_the_indicative_gpai_criterion_is_checked_per_model(tmp_path: Path) -> None:
    result = _validate(tmp_path, _flops(("vela-70b", "6.4*10^24"), ("vela-tiny", "1.0*10^23")))
    # The guidelines: greater than 10^23 FLOP. 1.0*10^23 is not: that model may be out of scope.
    assert _findings(result, {"MD010"}) == [
        ("MD010", "compute.training_flop_aio_variants[1].value")
    ]
    assert _determination(result, "gpai_scope").outcome == "Likely a GPAI model"


def test_a_single_model_document_decides_as_before(tmp_path: Path) -> None:
    result = _validate(tmp_path, {})
    props = _md(result).properties
    assert (props.total_model_size_variants, props.parameter_range_variants) == ([], [])
    # The minimal sample's compute, 2.3*10^23 FLOP, in the statement's own words.
    assert _determination(result, "systemic_risk").statement.startswith("Training compute of 2.3")
