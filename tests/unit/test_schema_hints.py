"""Schema hints that read what the user wrote: quote a number where text is asked, did you
mean one of the allowed values, and quote a value with a comma inside `{…}`."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpai_docs.diagnostics import Diagnostic
from gpai_docs.load.documents import load_text
from gpai_docs.models.kinds import KIND_BY_KEY
from gpai_docs.validate.project import validate_document

MINIMAL = Path(__file__).resolve().parents[2] / "samples" / "minimal" / "model-documentation.yaml"


def findings(old: str, new: str) -> list[Diagnostic]:
    text = MINIMAL.read_text(encoding="utf-8")
    assert old in text
    loaded = load_text(text.replace(old, new, 1), "model-documentation.yaml")
    return list(validate_document(KIND_BY_KEY["model_documentation"], loaded).diagnostics)


ARCHITECTURE = "  architecture: Decoder-only transformer with grouped-query attention."


@pytest.mark.parametrize("written", ["1.0", "1.10", "2", "2e3"])
def test_a_number_where_text_is_asked_is_to_be_quoted_as_written(written: str) -> None:
    (found,) = findings(ARCHITECTURE, f"  architecture: {written}")
    assert (found.code, found.location.dotted_path) == ("SC003", "properties.architecture")
    assert found.hint is not None
    assert found.hint.startswith(f'Quote it: "{written}".')
    assert "Write text." not in found.hint


def test_a_number_before_a_comment_is_quoted_as_written() -> None:
    (found,) = findings(ARCHITECTURE, "  architecture: 1.0  # first release")
    assert found.hint is not None and found.hint.startswith('Quote it: "1.0".')


@pytest.mark.parametrize("written", ["1.0", "1.10", "2"])
def test_a_version_written_unquoted_is_the_version_as_written(written: str) -> None:
    """Issue 12: a version is text, but `version: 1.10` unquoted is no defect: it is '1.10'."""
    assert findings('  version: "1.0.0"', f"  version: {written}") == []


def test_a_value_close_to_an_allowed_one_gets_did_you_mean() -> None:
    (found,) = findings("  parameter_range: 500M-5B", "  parameter_range: 5-15B")
    assert (found.code, found.location.dotted_path) == ("SC004", "properties.parameter_range")
    assert found.hint is not None
    assert found.hint.startswith(
        "Did you mean `5B-15B`? Use one of the allowed values, for example "
        "`parameter_range: 5B-15B`."
    )


def test_a_value_far_from_every_allowed_one_gets_no_guess() -> None:
    (found,) = findings("  parameter_range: 500M-5B", "  parameter_range: 2B-3B")
    assert found.code == "SC004"
    assert found.hint is not None
    assert "Did you mean" not in found.hint
    # No guess: an example with the field's declared example value instead.
    assert found.hint.startswith(
        "Use one of the allowed values, for example `parameter_range: 50B-100B`."
    )


@pytest.mark.parametrize(
    "written",
    ["5B–15B", "5B - 15B", "5B – 15B", "5b-15b", "5B\u221215B", "5B\u201115B", "5B15B"],
)
def test_the_en_dash_hyphen_minus_and_spacing_are_one_choice(written: str) -> None:
    # The rule pack's label is 5B-15B; the Form prints 5B–15B (an en dash).
    assert findings("  parameter_range: 500M-5B", f"  parameter_range: {written}") == []


def test_an_unknown_key_after_a_comma_in_braces_says_to_quote_the_value() -> None:
    old = "  design_specification: Pre-training on next-token prediction, then supervised"
    (found,) = findings(
        old + " fine-tuning.", "  design_specification: {to_be_provided: research team, by March}"
    )
    assert (found.code, found.message) == ("SC002", "Unknown field `by March`.")
    assert found.hint is not None
    assert '`{to_be_provided: "research team, by March"}`' in found.hint
    assert "comma" in found.hint


def test_a_misspelt_key_outside_braces_keeps_did_you_mean() -> None:
    (found,) = findings("  sme: false", "  sme: false\n  smee: true")
    assert found.hint == "Did you mean `sme`? For example `sme: true`."


def test_the_quoted_example_of_the_readme_validates() -> None:
    readme = (MINIMAL.parents[2] / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if x.startswith("design_specification:"))
    written = line.split("  #", 1)[0].strip()
    assert written == 'design_specification: {to_be_provided: "research team, by March"}'
    old = "  design_specification: Pre-training on next-token prediction, then supervised"
    assert findings(old + " fine-tuning.", f"  {written}") == []
