"""Determinations: what the AI Act infers, with thresholds from the rule pack."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

import pytest

from gpai_docs.law import rulepack
from gpai_docs.models import ModelDocumentation, TrainingDataSummary
from gpai_docs.validate.determinations import determine
from gpai_docs.validate.determinations.deadlines import add_months
from gpai_docs.validate.determinations.fines import fine_exposure
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


@pytest.mark.parametrize(
    ("turnover", "expected"),
    [
        # Art 101(1): up to 3 % of turnover or EUR 15,000,000, whichever is higher.
        ("1.0*10^8", Fraction(15_000_000)),  # 3 % is 3,000,000
        ("5.0*10^8", Fraction(15_000_000)),  # 3 % is exactly 15,000,000: both the same
        ("500000001", Fraction(1_500_000_003, 100)),  # 3 % is 15,000,000.03, higher by 3 cents
        ("4.2*10^9", Fraction(126_000_000)),
        # 0.03 × 1.23456789e9 is 37037036.699999996 in floating point; the law's is exact.
        ("1234567890", Fraction(3_703_703_670, 100)),
    ],
)
def test_fine_exposure_is_exact_and_whichever_is_higher(turnover: str, expected: Fraction) -> None:
    md = model({"provider": {"worldwide_turnover_eur": turnover}})
    assert fine_exposure(md, PACK) == expected


def test_fine_exposure_statement_names_both_limits_and_enforcement_in_force() -> None:
    md = model({"provider": {"worldwide_turnover_eur": "1234567890"}})
    found = {d.key: d for d in determine(md, None, PACK)}
    fine = found["fine_exposure"]
    assert fine.outcome == "EUR 37,037,036.70"
    assert fine.statement == (
        "Up to 3 % of worldwide annual turnover (EUR 37,037,036.70) or EUR 15,000,000, "
        "whichever is higher; the Commission can fine since 2026-08-02."
    )


def test_enforcement_is_described_as_in_force() -> None:
    found = {d.key: d for d in determine(model({}), None, PACK)}
    enforcement = found["enforcement"]
    assert enforcement.outcome == "In force since 2026-08-02"
    for power in ("(Art 91)", "(Art 92)", "(Art 93)", "(Art 101)", "whichever is higher"):
        assert power in enforcement.statement
    assert "from 2 August 2026" not in enforcement.statement


def tds(patch: dict[str, Any] | None = None) -> TrainingDataSummary:
    data = merge(sample_data("minimal")["training_data_summary"], patch or {})
    return TrainingDataSummary.model_validate(data)


def test_law_applied_comes_last_and_cites_the_act_as_amended() -> None:
    found = determine(model({}), tds(), PACK)
    law = found[-1]
    assert law.key == "law_applied"
    assert law.outcome == "Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744"
    assert "No Chapter V (GPAI) date or obligation moved." in law.statement
    assert "C(2025) 8311 final of 2025-12-05, superseding C(2025) 5235 final" in law.statement
    assert "C(2025) 7719 final of 2025-11-19" in law.statement
    scope = next(d for d in found if d.key == "gpai_scope")
    assert "C(2025) 7719 final" in scope.reference


def test_law_applied_prints_the_oldest_verified_on_of_the_facts_used() -> None:
    # With the model documentation the report uses the retention period, carried over from
    # rule pack 2026.11.1 (verified 2026-11-21); the summary alone uses only facts that §12
    # re-checked on 2026-12-01.
    with_model = determine(model({}), tds(), PACK)[-1]
    assert "was verified on 2026-11-21" in with_model.statement
    summary_only = determine(None, tds(), PACK)[-1]
    assert "was verified on 2026-12-01" in summary_only.statement
    assert set(summary_only.facts) >= {"summary_update_months", "summary_template", "legal_basis"}


def test_no_documents_no_determinations() -> None:
    assert determine(None, None, PACK) == []


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(dt.date(2025, 8, 31), 6) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2025, 2, 28), 120) == dt.date(2035, 2, 28)
