"""Placement dates, the open-source exemption and the generative limb, at their boundaries.

AI Act Art 111(3): a model placed on the market *before* 2 August 2025 complies by
2 August 2027; one placed on that day or later is documented at placement. Art 53(2): the
open-source exemption needs every condition and never covers a model with systemic risk.
Guidelines: the GPAI indication needs compute above 10^23 FLOP *and* generative output.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from gpai_docs.law import rulepack
from gpai_docs.models import ModelDocumentation
from gpai_docs.models.numbers import parse_quantity, power_text
from gpai_docs.validate.determinations.deadlines import documentation_due
from tests.rules.patching import merge, sample_data
from tests.unit.test_boundaries import VALUE, catalogue_phrase, determinations

# --- placement around 2 August 2025 ---------------------------------------------------------


@pytest.mark.parametrize(
    ("placed", "due", "legacy"),
    [
        ("2024-06-01", dt.date(2027, 8, 2), True),
        ("2025-08-01", dt.date(2027, 8, 2), True),
        ("2025-08-02", dt.date(2025, 8, 2), False),
        ("2025-08-03", dt.date(2025, 8, 3), False),
    ],
)
def test_documentation_due_around_the_chapter_v_date(
    placed: str, due: dt.date, legacy: bool, tmp_path: Path
) -> None:
    patch = {"general": {"release_date": placed, "union_market_release_date": placed}}
    found = determinations(tmp_path, "minimal", patch)["documentation_due"]
    assert (found.outcome, found.date) == (str(due), due)
    before = catalogue_phrase("AIA.111.3")
    legacy_text = f"The model was placed on the market {before} 2025-08-02: comply by 2027-08-02."
    at_placement = "Documentation is due when the model is placed on the Union market."
    assert found.statement == (legacy_text if legacy else at_placement)
    data = merge(sample_data("minimal")["model_documentation"], patch)
    md = ModelDocumentation.model_validate(data)
    assert documentation_due(md, rulepack.load()) == due


# --- the open-source exemption (open-weights-sme meets every condition) ---------------------

EXEMPT_TEXT = "the copyright policy and the public summary of training content still are"


def exemption(tmp_path: Path, patch: dict[str, Any], literal: str | None = None) -> str:
    found = determinations(
        tmp_path, "open-weights-sme", patch, {VALUE: literal} if literal else None
    )
    statement = found["open_source_exemption"].statement
    outcome = found["open_source_exemption"].outcome
    assert (EXEMPT_TEXT in statement) == (outcome == "Applies")
    return outcome


def test_the_exemption_applies_when_every_condition_holds(tmp_path: Path) -> None:
    assert exemption(tmp_path, {}) == "Applies"


def test_the_exemption_removes_the_authorised_representative(tmp_path: Path) -> None:
    outside = {"provider": {"established_in_union": False}}
    found = determinations(tmp_path / "a", "open-weights-sme", outside)
    assert found["authorised_representative"].outcome == "Not needed"
    monetised = {**outside, "open_source": {"monetised": True}}
    found = determinations(tmp_path / "b", "open-weights-sme", monetised)
    assert found["authorised_representative"].outcome == "Needed"


@pytest.mark.parametrize(
    "patch",
    [
        {"distribution": {"license_category": "open-weights-with-restrictions"}},
        {"distribution": {"license_category": "proprietary"}},
        {"distribution": {"license_category": "other"}},
        {"open_source": None},
        {"open_source": {"free_open_source_license": False}},
        {"open_source": {"weights_public": False}},
        {"open_source": {"architecture_public": False}},
        {"open_source": {"usage_information_public": False}},
        {"open_source": {"monetised": True}},
        {"systemic_risk": {"designated": True}},
    ],
    ids=lambda p: str(p),
)
def test_each_failing_condition_removes_the_exemption(
    patch: dict[str, Any], tmp_path: Path
) -> None:
    assert exemption(tmp_path, patch) == "Does not apply"


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        ('"10^25"', "Applies"),  # at the threshold: no presumption, so no bar
        ('"1.0*10^25"', "Applies"),
        ("1.0e+25", "Applies"),
        ('"1.000001*10^25"', "Does not apply"),
        ('"1.1e25"', "Does not apply"),
        (str(10**25 + 1), "Does not apply"),
    ],
)
def test_systemic_risk_by_compute_removes_the_exemption(
    literal: str, expected: str, tmp_path: Path
) -> None:
    patch = {"compute": {"training_flop_aio": VALUE}}
    assert exemption(tmp_path, patch, literal) == expected


# --- the GPAI indication needs generative output --------------------------------------------

EMBEDDINGS = [{"modality": "Other", "other_name": "Embedding vectors", "max_size": "1,024"}]


@pytest.mark.parametrize("modality", ["Text", "Audio", "Images", "Video"])
def test_each_generative_output_meets_the_indication(modality: str, tmp_path: Path) -> None:
    outputs = [{"modality": modality, "max_size": "N/A"}]
    found = determinations(tmp_path, "minimal", {"properties": {"output_modalities": outputs}})
    assert found["gpai_scope"].outcome == "Likely a GPAI model"  # minimal: 2.3*10^23 FLOP


@pytest.mark.parametrize("literal", ['"2.3*10^23"', '"1.1e23"', '"3.8*10^25"'])
def test_non_generative_output_does_not_meet_the_indication(literal: str, tmp_path: Path) -> None:
    patch = {
        "properties": {"output_modalities": EMBEDDINGS},
        "compute": {"training_flop_aio": VALUE},
    }
    found = determinations(tmp_path, "minimal", patch, {VALUE: literal})["gpai_scope"]
    assert found.outcome == "May be out of scope"
    phrase = catalogue_phrase("GL.gpai_indicative")
    assert f"FLOP is {phrase} 1×10^23 FLOP but the model does not generate" in found.statement


# --- the exact numbers themselves -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "exact"),
    [
        ("10^23", Fraction(10**23)),
        ("1.0*10^23", Fraction(10**23)),
        ("1.0e23", Fraction(10**23)),
        ("100_000_000_000_000_000_000_000", Fraction(10**23)),
        ("2.1*10^24", Fraction(21 * 10**23)),
        ("1.000001*10^25", Fraction(1000001 * 10**19)),
        ("3.7e-3", Fraction(37, 10**4)),
        ("10^-3", Fraction(1, 1000)),
        (1.0e23, Fraction(10**23)),  # an unquoted YAML float, read as its written decimal
        (10**25 + 1, Fraction(10**25 + 1)),
    ],
)
def test_quantities_carry_their_exact_written_value(text: object, exact: Fraction) -> None:
    assert parse_quantity(text).exact == exact


def test_exponents_are_exact_at_powers_of_ten() -> None:
    assert parse_quantity("10^23").exponent == 23
    assert parse_quantity("99999999999999999999999").exponent == 22
    assert parse_quantity("0.001").exponent == -3


def test_figures_are_printed_by_exact_rounding() -> None:
    assert power_text(Fraction(996, 100), 2) == "1.0×10^1"
    assert power_text(Fraction(10**25 + 1), 26) == "1.0000000000000000000000001×10^25"
    assert power_text(Fraction(-25, 10), 2) == "-2.5×10^0"


def test_exponents_beyond_any_float_are_refused_quickly() -> None:
    with pytest.raises(ValueError, match="too small"):
        parse_quantity("1*10^-99999999999")
    with pytest.raises(ValueError, match="too large"):
        parse_quantity("1*10^99999999999")
