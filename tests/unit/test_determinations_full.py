"""Every determination in full (outcome, statement, date), and each helper at its edges.

The expected values come from the law and the requirement catalogue, worked out by hand:
the GPAI indication needs compute greater than 10^23 FLOP and generative output
(GL.gpai_indicative, VR-08); systemic risk is presumed above 10^25 FLOP (AIA.51.2) and
the Commission is notified within two weeks (AIA.52.1, VR-07); a modifier whose compute
is greater than one third of the original's becomes provider, with 10^25 or 10^23 FLOP
assumed for an unknown original (GL.modifier_one_third, GL.modifier_fallback, VR-09); the
open-source exemption (AIA.53.2, VR-10); an authorised representative for a provider
outside the Union (AIA.54.1, AIA.54.6, VR-11); a model placed before 2 August 2025
complies by 2 August 2027 (AIA.111.3, VR-03); versions are kept ten years after placement
(COP.T.1.1.retain_10y, VR-16); a summary is updated every six months while the model is
trained (TDS.rule.update_cadence). Written once, these pin the wording a reader sees.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from gpai_docs.law import rulepack
from gpai_docs.law.package_data import read_data
from gpai_docs.models import ModelDocumentation, TrainingDataSummary
from gpai_docs.validate.determinations import Determination, determine
from gpai_docs.validate.determinations.deadlines import (
    BEYOND_CALENDAR,
    add_days,
    add_months,
    documentation_due,
    is_legacy,
    next_summary_update,
    notification_deadline,
    retention_end,
    shown_date,
    union_placement,
)
from gpai_docs.validate.determinations.exemptions_and_representative import (
    authorised_representative_needed,
    open_source_exemption,
)
from gpai_docs.validate.determinations.modification import (
    dependencies,
    modifier_base,
    modifier_is_provider,
    modifier_threshold,
)
from gpai_docs.validate.determinations.scope_and_systemic_risk import (
    compute_presumes_systemic_risk,
    gpai_indicated,
    is_generative,
    systemic_risk_presumed,
    training_compute,
    training_flop,
)
from gpai_docs.validate.determinations.wording import euros, number_text
from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE
from tests.rules.patching import merge, sample_data, write_project

PACK = rulepack.load()
OPEN = {"to_be_provided": True}
SAFETY = (
    " The Safety and Security chapter and Annex XI Section 2 apply, and the open-source "
    "exemption does not."
)
NOT_EXEMPT = (
    "All obligations of Art 53(1) apply (the exemption needs a free and open-source licence, "
    "public weights, architecture and usage information, no monetisation and no systemic risk)."
)
EXEMPT = (
    "The model documentation (Annex XI), the downstream information (Annex XII) and the "
    "authorised representative are not required; the copyright policy and the public "
    "summary of training content still are."
)
CONDITIONS = {
    "free_open_source_license": True,
    "weights_public": True,
    "architecture_public": True,
    "usage_information_public": True,
    "monetised": False,
}


def model(patch: dict[str, Any], sample: str = "minimal") -> ModelDocumentation:
    data = merge(sample_data(sample)["model_documentation"], patch)
    return ModelDocumentation.model_validate(data)


def summary(patch: dict[str, Any], sample: str = "minimal") -> TrainingDataSummary:
    data = merge(sample_data(sample)["training_data_summary"], patch)
    return TrainingDataSummary.model_validate(data)


def found(
    md: ModelDocumentation | None,
    tds: TrainingDataSummary | None = None,
    pack: rulepack.RulePack = PACK,
) -> dict[str, Determination]:
    return {d.key: d for d in determine(md, tds, pack)}


def said(d: Determination) -> tuple[str, str, str, dt.date | None]:
    return (d.title, d.outcome, d.statement, d.date)


def pack_with(**values: str) -> rulepack.RulePack:
    """The shipped rule pack with some values written differently."""
    raw = read_data("rulepack.yaml")
    for key, value in values.items():
        raw["values"][key]["value"] = value
    return rulepack.parse(raw)


# --- the minimal sample, every determination ------------------------------------------------


def test_minimal_sample_in_full() -> None:
    # EU provider, proprietary, placed 2025-10-01, 2.3*10^23 FLOP, text output.
    got = found(model({}))
    assert said(got["gpai_scope"]) == (
        "General-purpose AI model",
        "Likely a GPAI model",
        "Training compute of 2.3×10^23 FLOP is greater than 1×10^23 FLOP and the model "
        "generates language, images or video.",
        None,
    )
    assert said(got["systemic_risk"]) == (
        "Systemic risk",
        "Not presumed",
        "Training compute of 2.3×10^23 FLOP is not greater than 1×10^25 FLOP and the model "
        "is not designated.",
        None,
    )
    assert said(got["open_source_exemption"]) == (
        "Open-source exemption",
        "Does not apply",
        NOT_EXEMPT,
        None,
    )
    assert said(got["authorised_representative"]) == (
        "Authorised representative",
        "Not needed",
        "The provider is established in the Union or the open-source exemption applies.",
        None,
    )
    assert said(got["documentation_due"]) == (
        "Documentation due",
        "2025-10-01",
        "Documentation is due when the model is placed on the Union market.",
        dt.date(2025, 10, 1),
    )
    assert said(got["retention_end"]) == (
        "Keep documentation until",
        "2035-10-01",
        "Keep every version for 10 years after placement on the market.",
        dt.date(2035, 10, 1),
    )
    assert "modifier" not in got
    assert "fine_exposure" not in got  # no turnover given
    assert "next_summary_update" not in got  # no summary given


# Current identifiers of the Commission's documents (requirements §12, UPD.guidelines_id,
# UPD.template_id).
GUIDELINES, TEMPLATE = "C(2025) 7719 final", "C(2025) 8311 final"


def test_references_name_the_articles_and_documents() -> None:
    got = found(
        model({"provider": {"worldwide_turnover_eur": "1.0*10^8"}}, "fine-tune"), summary({})
    )
    assert {key: d.reference for key, d in got.items() if key not in LAW_APPLIED} == {
        "gpai_scope": f"Commission GPAI guidelines {GUIDELINES} (GL.gpai_indicative); "
        "AI Act Art 3(63)",
        "systemic_risk": "AI Act Art 51(2), Art 52(1)",
        "open_source_exemption": "AI Act Art 53(2), Art 54(6); recitals 103 and 104",
        "modifier": f"Commission GPAI guidelines {GUIDELINES} (GL.modifier_one_third, "
        "GL.modifier_fallback)",
        "authorised_representative": "AI Act Art 54(1), Art 54(6)",
        "documentation_due": "AI Act Art 53(1), Art 111(3)",
        "retention_end": "CoP Transparency Measure 1.1; AI Act Art 54(3)",
        "fine_exposure": "AI Act Art 101(1)",
        "next_summary_update": f"Explanatory Notice to the summary template, {TEMPLATE} "
        "(TDS.rule.update_cadence)",
    }


# What each determination rests on, by rule-pack key: the thresholds, dates and periods its
# statement uses and the documents it cites ("Law applied" dates the oldest of them).
LAW_APPLIED = ("enforcement", "law_applied")
FACTS = {
    "gpai_scope": ("gpai_indicative_flop", "guidelines"),
    "systemic_risk": ("systemic_risk_flop", "notification_days"),
    "open_source_exemption": ("license_categories", "systemic_risk_flop"),
    "modifier": ("modifier_compute_share", "guidelines"),
    "authorised_representative": ("license_categories", "systemic_risk_flop"),
    "documentation_due": ("chapter_v_applies", "legacy_placement_cutoff", "legacy_deadline"),
    "retention_end": ("retention_years",),
    "fine_exposure": ("fine_turnover_share", "fine_minimum_eur", "fines_apply"),
    "next_summary_update": ("summary_update_months", "summary_template"),
}


def test_each_determination_names_the_facts_it_rests_on() -> None:
    got = found(
        model({"provider": {"worldwide_turnover_eur": "1.0*10^8"}}, "fine-tune"), summary({})
    )
    assert list(got) == [*FACTS, *LAW_APPLIED]
    assert {key: d.facts for key, d in got.items() if key not in LAW_APPLIED} == FACTS


@pytest.mark.parametrize(("systemic", "key"), [(False, "gpai"), (True, "systemic")])
def test_an_assumed_original_compute_is_a_fact_too(systemic: bool, key: str) -> None:
    unknown = {"not_applicable": "Not published."}
    patch = {"modification": {"base_model_flop": unknown, "base_model_systemic_risk": systemic}}
    assert found(model(patch, "fine-tune"))["modifier"].facts == (
        "modifier_compute_share",
        "guidelines",
        f"modifier_fallback_flop_{key}",
    )


# --- training compute: the AI Office figure first --------------------------------------------


def test_the_ai_office_figure_is_used_before_the_authorities_one() -> None:
    md = model({"compute": {"training_flop_nca": "10^23", "training_flop_aio": "2.3*10^23"}})
    assert training_compute(md) is not None
    assert training_compute(md).exact == Fraction(23 * 10**22)  # type: ignore[union-attr]
    assert training_flop(md) == 2.3e23


def test_the_authorities_figure_when_the_ai_office_one_is_open() -> None:
    md = model({"compute": {"training_flop_nca": "10^24", "training_flop_aio": OPEN}})
    assert training_flop(md) == 1e24
    assert found(md)["gpai_scope"].statement.startswith(
        "Training compute of 1×10^24 FLOP is greater than 1×10^23 FLOP"
    )


def test_no_training_compute() -> None:
    md = model({"compute": {"training_flop_nca": OPEN, "training_flop_aio": OPEN}})
    assert training_compute(md) is None
    assert training_flop(md) is None
    assert gpai_indicated(md, PACK) is None
    got = found(md)
    assert said(got["gpai_scope"]) == (
        "General-purpose AI model",
        "Unknown",
        "Training compute is not given, so the indicative GPAI criterion cannot be applied.",
        None,
    )
    assert said(got["systemic_risk"]) == (
        "Systemic risk",
        "Unknown",  # neither met nor missed until the compute is given (issue 17)
        "Training compute is not given, so the presumption of Art 51(2) cannot be applied; "
        "the model is not designated.",
        None,
    )


# --- the GPAI indication, each limb ----------------------------------------------------------

EMBEDDINGS = {"modality": "Other", "other_name": "Embedding vectors", "max_size": "1,024"}
OUT_OF_SCOPE = "; the indicative criterion is not met and Art 3(63) decides."


def test_compute_at_the_threshold_with_generative_output() -> None:
    md = model({"compute": {"training_flop_aio": "1.0*10^23"}})
    assert gpai_indicated(md, PACK) is False
    assert said(found(md)["gpai_scope"])[1:3] == (
        "May be out of scope",
        "Training compute of 1.0×10^23 FLOP is not greater than 1×10^23 FLOP" + OUT_OF_SCOPE,
    )


def test_compute_above_the_threshold_without_generative_output() -> None:
    md = model({"properties": {"output_modalities": [EMBEDDINGS]}})
    assert is_generative(md) is False
    assert gpai_indicated(md, PACK) is False
    assert found(md)["gpai_scope"].statement == (
        "Training compute of 2.3×10^23 FLOP is greater than 1×10^23 FLOP but the model does "
        "not generate language, images or video" + OUT_OF_SCOPE
    )


def test_neither_limb_of_the_indication() -> None:
    md = model(
        {
            "properties": {"output_modalities": [EMBEDDINGS]},
            "compute": {"training_flop_aio": "5.0*10^22"},
        }
    )
    assert found(md)["gpai_scope"].statement == (
        "Training compute of 5.0×10^22 FLOP is not greater than 1×10^23 FLOP and the model "
        "does not generate language, images or video" + OUT_OF_SCOPE
    )


def test_one_generative_output_among_others_is_enough() -> None:
    md = model(
        {
            "properties": {
                "output_modalities": [EMBEDDINGS, {"modality": "Images", "max_size": "N/A"}]
            }
        }
    )
    assert is_generative(md) is True
    assert found(md)["gpai_scope"].outcome == "Likely a GPAI model"


def test_outputs_not_yet_given_are_not_generative() -> None:
    md = model({"properties": {"output_modalities": OPEN}})
    assert is_generative(md) is False
    assert gpai_indicated(md, PACK) is False


# --- systemic risk and the notification ------------------------------------------------------


def test_presumed_by_compute_with_the_notification_date() -> None:
    md = model(
        {
            "compute": {"training_flop_aio": "3.8*10^25"},
            "systemic_risk": {"threshold_date": "2025-12-20"},
        }
    )
    # Two weeks after 20 December 2025 is 3 January 2026.
    assert notification_deadline(md, PACK) == dt.date(2026, 1, 3)
    assert said(found(md)["systemic_risk"]) == (
        "Systemic risk",
        "Presumed",
        "Training compute of 3.8×10^25 FLOP is greater than 1×10^25 FLOP, so systemic risk "
        "is presumed; notify the Commission by 2026-01-03." + SAFETY,
        dt.date(2026, 1, 3),
    )


def test_presumed_by_compute_without_a_threshold_date() -> None:
    md = model({"compute": {"training_flop_aio": "3.8*10^25"}, "systemic_risk": {}})
    assert notification_deadline(md, PACK) is None
    assert said(found(md)["systemic_risk"])[1:] == (
        "Presumed",
        "Training compute of 3.8×10^25 FLOP is greater than 1×10^25 FLOP, so systemic risk "
        "is presumed; notify the Commission without delay and within 14 days of the "
        "threshold being met or known." + SAFETY,
        None,
    )


def test_designated_without_a_threshold_date() -> None:
    md = model({"systemic_risk": {"designated": True}})
    assert systemic_risk_presumed(md, PACK) is True
    assert compute_presumes_systemic_risk(md, PACK) is False
    assert said(found(md)["systemic_risk"])[1:] == (
        "Presumed",
        "The model is designated as a model with systemic risk; notify the Commission without "
        "delay and within 14 days of the threshold being met or known." + SAFETY,
        None,
    )


def test_designated_and_above_the_threshold_states_the_compute() -> None:
    md = model(
        {"compute": {"training_flop_aio": "3.8*10^25"}, "systemic_risk": {"designated": True}}
    )
    assert found(md)["systemic_risk"].statement.startswith(
        "Training compute of 3.8×10^25 FLOP is greater than 1×10^25 FLOP, so systemic risk "
        "is presumed; "
    )


def test_systemic_risk_facts_that_are_not_a_designation() -> None:
    md = model({"systemic_risk": {"designated": False}})
    assert systemic_risk_presumed(md, PACK) is False
    assert found(md)["systemic_risk"].outcome == "Not presumed"


# --- the modifier ---------------------------------------------------------------------------

FINE_TUNE_ORIGINAL = "the original's 6.3×10^24 FLOP (Atlas-70B)"


def test_fine_tune_sample_becomes_provider() -> None:
    # 2.5*10^24 against one third of 6.3*10^24, that is 2.1*10^24.
    md = model({}, "fine-tune")
    assert modifier_base(md, PACK) == Fraction(63 * 10**23)
    assert modifier_threshold(md, PACK) == 2.1e24
    assert modifier_is_provider(md, PACK) is True
    got = found(md)["modifier"]
    assert said(got) == (
        "Modifier becomes provider",
        "Yes",
        "The modification's compute of 2.5×10^24 FLOP is greater than 1/3 of "
        f"{FINE_TUNE_ORIGINAL}: the documentation and summary cover the modification only.",
        None,
    )
    assert got.reference.startswith("Commission GPAI guidelines")
    assert got.reference.endswith("(GL.modifier_one_third, GL.modifier_fallback)")


def test_a_small_modification_keeps_the_original_provider() -> None:
    md = model({"modification": {"modification_flop": "2.0*10^24"}}, "fine-tune")
    assert modifier_is_provider(md, PACK) is False
    assert said(found(md)["modifier"])[1:3] == (
        "No",
        f"The modification's compute of 2.0×10^24 FLOP is not greater than 1/3 of "
        f"{FINE_TUNE_ORIGINAL}.",
    )


def test_every_original_is_named() -> None:
    deps = [{"name": "Atlas-70B"}, {"name": "Boreal-8B", "version": "2"}]
    md = model({"general": {"model_dependencies": deps}}, "fine-tune")
    assert [d.name for d in dependencies(md)] == ["Atlas-70B", "Boreal-8B"]
    assert "the original's 6.3×10^24 FLOP (Atlas-70B, Boreal-8B):" in (
        found(md)["modifier"].statement
    )


@pytest.mark.parametrize(
    ("systemic", "assumed", "threshold"),
    [(False, "1×10^23", 10**23 / 3), (True, "1×10^25", 10**25 / 3)],
)
def test_the_fallback_base_is_stated(systemic: bool, assumed: str, threshold: float) -> None:
    unknown = {"not_applicable": "Not published."}
    md = model(
        {
            "modification": {
                "modification_flop": "4.0*10^22",
                "base_model_flop": unknown,
                "base_model_systemic_risk": systemic,
            }
        },
        "fine-tune",
    )
    assert modifier_threshold(md, PACK) == threshold
    # 4.0*10^22 is above a third of 10^23 (3.3...*10^22), far below a third of 10^25.
    outcome = "No" if systemic else "Yes"
    words = "is not greater than" if systemic else "is greater than"
    end = "." if systemic else ": the documentation and summary cover the modification only."
    assert said(found(md)["modifier"])[1:3] == (
        outcome,
        f"The modification's compute of 4.0×10^22 FLOP {words} 1/3 of the {assumed} FLOP the "
        f"guidelines assume for an original whose compute is unknown (Atlas-70B){end}",
    )


def test_the_assumed_base_keeps_its_written_precision() -> None:
    # A pack assuming 2.5*10^23 FLOP: a third is 8.33...*10^22, so 8.4*10^22 is above it.
    pack = pack_with(modifier_fallback_flop_gpai="2.5e23")
    md = model(
        {
            "modification": {
                "modification_flop": "8.4*10^22",
                "base_model_flop": {"not_applicable": "Not published."},
            }
        },
        "fine-tune",
    )
    assert modifier_threshold(md, pack) == 2.5e23 / 3
    assert found(md, pack=pack)["modifier"].statement.startswith(
        "The modification's compute of 8.4×10^22 FLOP is greater than 1/3 of the 2.5×10^23 FLOP "
    )


def test_a_threshold_is_printed_with_its_written_precision() -> None:
    pack = pack_with(gpai_indicative_flop="1.25e23", systemic_risk_flop="2e25")
    got = found(model({}), pack=pack)
    assert got["gpai_scope"].statement.startswith(
        "Training compute of 2.3×10^23 FLOP is greater than 1.25×10^23 FLOP"
    )
    assert got["systemic_risk"].statement.startswith(
        "Training compute of 2.3×10^23 FLOP is not greater than 2×10^25 FLOP"
    )


@pytest.mark.parametrize(
    "patch",
    [
        {"general": {"model_dependencies": "N/A"}},  # VR-09: no original, no modifier check
        {"modification": None},
        {"modification": {"modification_flop": OPEN}},
    ],
    ids=["no-original", "no-modification", "modification-compute-open"],
)
def test_no_modifier_determination_without_its_facts(patch: dict[str, Any]) -> None:
    md = model(patch, "fine-tune")
    assert modifier_is_provider(md, PACK) is None
    assert "modifier" not in found(md)


def test_no_modification_has_no_base() -> None:
    md = model({})
    assert modifier_base(md, PACK) is None
    assert modifier_threshold(md, PACK) is None
    assert modifier_is_provider(md, PACK) is None


# --- the open-source exemption and the representative ----------------------------------------


def test_exempt_provider_outside_the_union() -> None:
    md = model(
        {
            "distribution": {"license_category": "free-and-open-source"},
            "open_source": CONDITIONS,
            "provider": {"established_in_union": False},
        }
    )
    assert open_source_exemption(md, PACK) is True
    assert authorised_representative_needed(md, PACK) is False
    got = found(md)
    assert said(got["open_source_exemption"]) == ("Open-source exemption", "Applies", EXEMPT, None)
    assert said(got["authorised_representative"])[1:] == (
        "Not needed",
        "The provider is established in the Union or the open-source exemption applies.",
        None,
    )
    # Art 53(2) lifts the model documentation only: the date still binds the other two.
    assert said(got["documentation_due"])[2] == (
        "Documentation is due when the model is placed on the Union market. Under the "
        "open-source exemption this is the copyright policy and the public summary of "
        "training content; the model documentation is not required."
    )


def test_licence_not_yet_given_is_not_exempt() -> None:
    md = model({"distribution": {"license_category": OPEN}, "open_source": CONDITIONS})
    assert open_source_exemption(md, PACK) is False


def test_provider_outside_the_union_appoints_before_placement() -> None:
    got = found(model({"provider": {"established_in_union": False}}))
    assert said(got["authorised_representative"]) == (
        "Authorised representative",
        "Needed",
        "The provider is established outside the Union: appoint a representative by written "
        "mandate before placing the model on the Union market (2025-10-01).",
        dt.date(2025, 10, 1),
    )


# --- placement, due dates and retention ------------------------------------------------------


def test_placement_date_not_yet_given() -> None:
    md = model(
        {
            "provider": {"established_in_union": False},
            "general": {"union_market_release_date": OPEN},
        }
    )
    assert union_placement(md) is None
    assert is_legacy(md, PACK) is False
    assert documentation_due(md, PACK) is None
    assert retention_end(md, PACK) is None
    got = found(md)
    assert "documentation_due" not in got
    assert "retention_end" not in got
    assert said(got["authorised_representative"])[1:] == (
        "Needed",
        "The provider is established outside the Union: appoint a representative by written "
        "mandate before placing the model on the Union market.",
        None,
    )


def test_a_legacy_model_in_full() -> None:
    md = model(
        {"general": {"release_date": "2024-05-01", "union_market_release_date": "2024-06-01"}}
    )
    assert is_legacy(md, PACK) is True
    got = found(md)
    assert said(got["documentation_due"]) == (
        "Documentation due",
        "2027-08-02",
        "The model was placed on the market before 2025-08-02: comply by 2027-08-02.",
        dt.date(2027, 8, 2),
    )
    # Ten years run from placement, not from the legacy deadline.
    assert said(got["retention_end"])[1:3] == (
        "2034-06-01",
        "Keep every version for 10 years after placement on the market.",
    )


def test_retention_from_the_last_day_of_february_in_a_leap_year() -> None:
    md = model(
        {"general": {"release_date": "2028-02-29", "union_market_release_date": "2028-02-29"}}
    )
    assert retention_end(md, PACK) == dt.date(2038, 2, 28)


def test_a_placement_late_in_the_calendar_is_no_internal_error(tmp_path: Path) -> None:
    placed = {"release_date": "9995-01-01", "union_market_release_date": "9995-01-01"}
    documents = merge(sample_data("minimal"), {"model_documentation": {"general": placed}})
    result = validate_project(write_project(tmp_path / "project", documents), as_of=FIXED_DATE)
    assert [d.code for d in result.report.diagnostics if d.internal] == []
    shown = {d.key: d.outcome for d in result.determinations}
    assert "gpai_scope" in shown
    # ten years after 9995-01-01 is 10005-01-01, which no date can hold
    assert shown["retention_end"] == "after 9999-12-31"


def test_ten_years_after_a_placement_that_the_calendar_still_holds() -> None:
    last = add_months(dt.date(9989, 12, 31), 120)
    assert last == dt.date(9999, 12, 31)
    assert last is not BEYOND_CALENDAR  # equal as dates, but a real day
    assert add_months(dt.date(9990, 1, 1), 120) is BEYOND_CALENDAR
    assert shown_date(dt.date(9999, 12, 31)) == "9999-12-31"


def test_a_month_later_lands_on_the_last_day_of_a_shorter_month() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 8, 31), 1) == dt.date(2026, 9, 30)
    assert add_months(dt.date(2026, 12, 15), 1) == dt.date(2027, 1, 15)


def test_a_notification_deadline_past_the_calendar_is_no_crash() -> None:
    assert add_days(dt.date(9999, 12, 20), 14) is BEYOND_CALENDAR
    deadline = add_days(dt.date(9999, 12, 17), 14)
    assert deadline == dt.date(9999, 12, 31)
    assert deadline is not BEYOND_CALENDAR


# --- the summary's update cadence ------------------------------------------------------------


def test_a_model_still_in_training_updates_its_summary_every_six_months() -> None:
    tds = summary(
        {"header": {"last_update": "2026-03-31"}, "section_1": {"continuous_training": "Yes"}}
    )
    assert next_summary_update(tds, PACK) == dt.date(2026, 9, 30)
    got = found(None, tds)
    assert "gpai_scope" not in got  # no model documentation, no model determinations
    assert said(got["next_summary_update"]) == (
        "Next update of the training-content summary",
        "2026-09-30",
        "The model keeps being trained: update the summary at least every 6 months.",
        dt.date(2026, 9, 30),
    )
    assert got["next_summary_update"].reference.startswith(
        "Explanatory Notice to the summary template"
    )
    assert got["next_summary_update"].reference.endswith("(TDS.rule.update_cadence)")


def test_an_unanswered_continuous_training_decides_no_update_cadence() -> None:
    tds = summary({"section_1": {"continuous_training": OPEN}})
    assert next_summary_update(tds, PACK) is None
    assert said(found(None, tds)["next_summary_update"]) == (
        "Next update of the training-content summary",
        "Unknown",
        "Whether the model is trained further (section 1.3, `section_1.continuous_training`) "
        "is still to be provided.",
        None,
    )


@pytest.mark.parametrize("answer", ["No", {"answer": "No", "qualification": "Frozen."}])
def test_a_model_not_trained_further_updates_on_material_change(answer: Any) -> None:
    tds = summary({"section_1": {"continuous_training": answer}})
    assert next_summary_update(tds, PACK) is None
    assert said(found(None, tds)["next_summary_update"]) == (
        "Next update of the training-content summary",
        "On material change",
        "The model is not trained further; update the summary when the training content "
        "changes materially.",
        None,
    )


# --- the fine (Art 101(1): up to 3 % of turnover or EUR 15,000,000, whichever is higher) ----


@pytest.mark.parametrize(
    ("turnover", "outcome", "share"),
    [
        ("1.0*10^8", "EUR 15,000,000", "EUR 3,000,000"),
        ("2.0*10^9", "EUR 60,000,000", "EUR 60,000,000"),
        ("500000000.5", "EUR 15,000,000.02", "EUR 15,000,000.02"),  # 0.015 rounds half up
        ("500000001.67", "EUR 15,000,000.05", "EUR 15,000,000.05"),  # 0.0501: five cents
        ("500000000.1", "EUR 15,000,000", "EUR 15,000,000"),  # 0.003 is below half a cent
    ],
)
def test_the_fine_in_full(turnover: str, outcome: str, share: str) -> None:
    got = found(model({"provider": {"worldwide_turnover_eur": turnover}}))["fine_exposure"]
    assert said(got) == (
        "Maximum fine (informational)",
        outcome,
        f"Up to 3 % of worldwide annual turnover ({share}) or EUR 15,000,000, whichever is "
        "higher; the Commission can fine since 2026-08-02.",
        None,
    )


def test_a_share_of_turnover_that_is_not_a_whole_percent() -> None:
    pack = pack_with(fine_turnover_share="0.025")
    got = found(model({"provider": {"worldwide_turnover_eur": "1.0*10^9"}}), pack=pack)
    assert got["fine_exposure"].outcome == "EUR 25,000,000"
    assert got["fine_exposure"].statement.startswith(
        "Up to 2.5 % of worldwide annual turnover (EUR 25,000,000) or EUR 15,000,000, "
    )


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Fraction(15_000_000), "EUR 15,000,000"),
        (Fraction(1, 200), "EUR 0.01"),  # half a cent rounds up
        (Fraction(1, 201), "EUR 0"),
        (Fraction(1234567891, 100), "EUR 12,345,678.91"),
        (Fraction(10), "EUR 10"),
    ],
)
def test_euros(amount: Fraction, text: str) -> None:
    assert euros(amount) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(3), "3"),
        (Fraction(5, 2), "2.5"),
        (Fraction(10**6), "1000000"),
        (Fraction(1, 20), "0.05"),
    ],
)
def test_number_text(value: Fraction, text: str) -> None:
    assert number_text(value) == text


def test_both_documents_give_both_kinds() -> None:
    got = found(model({}), summary({}))
    assert {"gpai_scope", "retention_end", "next_summary_update"} <= set(got)


def test_no_documents_no_determinations() -> None:
    assert determine(None, None, PACK) == []


# --- calendar arithmetic ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2025, 1, 15), 0, dt.date(2025, 1, 15)),
        (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),  # clamped to February's end
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),  # a leap year's February
        (dt.date(2025, 3, 31), 1, dt.date(2025, 4, 30)),  # a 30-day month
        (dt.date(2025, 8, 31), 1, dt.date(2025, 9, 30)),
        (dt.date(2025, 1, 30), 1, dt.date(2025, 2, 28)),
        (dt.date(2025, 11, 30), 1, dt.date(2025, 12, 30)),  # still the same year
        (dt.date(2025, 12, 15), 1, dt.date(2026, 1, 15)),  # into the next year
        (dt.date(2025, 7, 1), 6, dt.date(2026, 1, 1)),
        (dt.date(2025, 6, 30), 6, dt.date(2025, 12, 30)),
        (dt.date(2025, 10, 1), 120, dt.date(2035, 10, 1)),
        (dt.date(2025, 12, 31), 2, dt.date(2026, 2, 28)),
    ],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected
