"""Determinations: what the AI Act infers, with thresholds from the rule pack."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from gpai_docs import rulepack
from gpai_docs.determinations import add_months, determine
from gpai_docs.models import ModelDocumentation
from tests.rules.patching import merge, sample_data

PACK = rulepack.load()


def model(patch: dict[str, Any]) -> ModelDocumentation:
    data = merge(sample_data("minimal")["model_documentation"], patch)
    return ModelDocumentation.model_validate(data)


def outcomes(md: ModelDocumentation) -> dict[str, tuple[str, dt.date | None]]:
    return {d.key: (d.outcome, d.date) for d in determine(md, None, PACK)}


def test_minimal_sample() -> None:
    found = outcomes(model({}))
    assert found["gpai_scope"] == ("Likely a GPAI model", None)
    assert found["systemic_risk"] == ("Not presumed", None)
    assert found["open_source_exemption"][0] == "Does not apply"
    assert found["authorised_representative"] == ("Not needed", None)
    assert found["documentation_due"] == ("2025-10-01", dt.date(2025, 10, 1))
    assert found["retention_end"] == ("2035-10-01", dt.date(2035, 10, 1))
    assert "modifier" not in found


def test_systemic_risk_with_notification_deadline() -> None:
    found = outcomes(
        model(
            {
                "compute": {"training_flop_nca": "10^25", "training_flop_aio": "3.8*10^25"},
                "systemic_risk": {"threshold_date": "2025-03-01"},
            }
        )
    )
    assert found["systemic_risk"] == ("Presumed", dt.date(2025, 3, 15))


def test_legacy_model_is_due_in_2027() -> None:
    found = outcomes(
        model(
            {"general": {"release_date": "2024-05-01", "union_market_release_date": "2024-06-01"}}
        )
    )
    assert found["documentation_due"] == ("2027-08-02", dt.date(2027, 8, 2))


def test_open_source_exemption_and_its_limits() -> None:
    conditions = {
        "free_open_source_license": True,
        "weights_public": True,
        "architecture_public": True,
        "usage_information_public": True,
        "monetised": False,
    }
    exempt = model(
        {
            "distribution": {"license_category": "free-and-open-source"},
            "open_source": conditions,
            "provider": {"established_in_union": False},
        }
    )
    found = outcomes(exempt)
    assert found["open_source_exemption"][0] == "Applies"
    assert found["authorised_representative"][0] == "Not needed"
    statement = next(
        d.statement for d in determine(exempt, None, PACK) if d.key == "open_source_exemption"
    )
    assert "copyright policy and the public summary of training content still are" in statement
    monetised = model(
        {
            "distribution": {"license_category": "free-and-open-source"},
            "open_source": {**conditions, "monetised": True},
        }
    )
    assert outcomes(monetised)["open_source_exemption"][0] == "Does not apply"


@pytest.mark.parametrize(
    ("modification", "base", "systemic", "expected"),
    [
        ("4.0*10^22", "9.0*10^22", False, "Yes"),  # 4.0 > 9.0 / 3
        ("2.0*10^22", "9.0*10^22", False, "No"),
        ("4.0*10^22", {"not_applicable": "unknown"}, False, "Yes"),  # fallback 10^23 / 3
        ("4.0*10^22", {"not_applicable": "unknown"}, True, "No"),  # fallback 10^25 / 3
    ],
)
def test_modifier_becomes_provider(
    modification: str, base: Any, systemic: bool, expected: str
) -> None:
    md = model(
        {
            "general": {"model_dependencies": [{"name": "Atlas-70B"}]},
            "modification": {
                "modification_flop": modification,
                "base_model_flop": base,
                "base_model_systemic_risk": systemic,
            },
        }
    )
    assert outcomes(md)["modifier"][0] == expected


def test_provider_outside_union_needs_a_representative_by_placement() -> None:
    found = outcomes(model({"provider": {"established_in_union": False}}))
    assert found["authorised_representative"] == ("Needed", dt.date(2025, 10, 1))


def test_fine_exposure_is_the_higher_of_the_two() -> None:
    assert (
        outcomes(model({"provider": {"worldwide_turnover_eur": "1.0*10^8"}}))["fine_exposure"][0]
        == "EUR 15,000,000"
    )
    assert (
        outcomes(model({"provider": {"worldwide_turnover_eur": "2.0*10^9"}}))["fine_exposure"][0]
        == "EUR 60,000,000"
    )


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(dt.date(2025, 8, 31), 6) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2025, 2, 28), 120) == dt.date(2035, 2, 28)
