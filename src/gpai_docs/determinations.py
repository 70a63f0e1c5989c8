"""What the AI Act infers from the documents: scope, systemic risk, exemptions and dates.

Every threshold comes from the rule pack; every determination names its legal basis.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from gpai_docs.models import ModelDocumentation, TrainingDataSummary
from gpai_docs.models._types import Quantity, YesNo
from gpai_docs.models.model_documentation import Dependency, ModalitySize
from gpai_docs.rulepack import RulePack

_GENERATIVE = {"Text", "Audio", "Images", "Video"}


@dataclass(frozen=True, slots=True)
class Determination:
    """One conclusion the report states, with its basis."""

    key: str
    title: str
    outcome: str
    statement: str
    reference: str
    date: dt.date | None = None


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def training_flop(md: ModelDocumentation) -> float | None:
    for value in (md.compute.training_flop_aio, md.compute.training_flop_nca):
        if isinstance(value, Quantity):
            return value.value
    return None


def _date(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def union_placement(md: ModelDocumentation) -> dt.date | None:
    return _date(md.general.union_market_release_date)


def is_generative(md: ModelDocumentation) -> bool:
    outputs = md.properties.output_modalities
    return isinstance(outputs, list) and any(
        isinstance(m, ModalitySize) and m.modality in _GENERATIVE for m in outputs
    )


def systemic_risk_presumed(md: ModelDocumentation, pack: RulePack) -> bool:
    flop = training_flop(md)
    designated = md.systemic_risk is not None and md.systemic_risk.designated
    return designated or (flop is not None and flop > float(pack["systemic_risk_flop"]))


def dependencies(md: ModelDocumentation) -> list[Dependency]:
    deps = md.general.model_dependencies
    return [d for d in deps if isinstance(d, Dependency)] if isinstance(deps, list) else []


def modifier_threshold(md: ModelDocumentation, pack: RulePack) -> float | None:
    """The modification compute above which a modifier becomes provider, or None if not known."""
    if md.modification is None:
        return None
    share = float(pack["modifier_compute_share"])
    base = md.modification.base_model_flop
    if isinstance(base, Quantity):
        return share * base.value
    key = (
        "modifier_fallback_flop_systemic"
        if md.modification.base_model_systemic_risk
        else "modifier_fallback_flop_gpai"
    )
    return share * float(pack[key])


def modifier_is_provider(md: ModelDocumentation, pack: RulePack) -> bool | None:
    if not dependencies(md) or md.modification is None:
        return None
    threshold = modifier_threshold(md, pack)
    flop = md.modification.modification_flop
    if threshold is None or not isinstance(flop, Quantity):
        return None
    return flop.value > threshold


def open_source_exemption(md: ModelDocumentation, pack: RulePack) -> bool:
    licence = md.distribution.license_category
    conditions = md.open_source
    return (
        isinstance(licence, str)
        and licence in pack.open_source_license_categories
        and conditions is not None
        and conditions.free_open_source_license
        and conditions.weights_public
        and conditions.architecture_public
        and conditions.usage_information_public
        and not conditions.monetised
        and not systemic_risk_presumed(md, pack)
    )


def authorised_representative_needed(md: ModelDocumentation, pack: RulePack) -> bool:
    return not md.provider.established_in_union and not open_source_exemption(md, pack)


def documentation_due(md: ModelDocumentation, pack: RulePack) -> dt.date | None:
    placed = union_placement(md)
    if placed is None:
        return None
    if placed < pack.date("legacy_placement_cutoff"):
        return pack.date("legacy_deadline")
    return placed


def retention_end(md: ModelDocumentation, pack: RulePack) -> dt.date | None:
    placed = union_placement(md)
    return add_months(placed, 12 * int(pack["retention_years"])) if placed else None


def notification_deadline(md: ModelDocumentation, pack: RulePack) -> dt.date | None:
    if md.systemic_risk is None or md.systemic_risk.threshold_date is None:
        return None
    return md.systemic_risk.threshold_date + dt.timedelta(days=int(pack["notification_days"]))


def next_summary_update(tds: TrainingDataSummary, pack: RulePack) -> dt.date | None:
    continuous = tds.section_1.continuous_training
    if isinstance(continuous, YesNo) and continuous.yes:
        return add_months(tds.header.last_update, int(pack["summary_update_months"]))
    return None


def fine_exposure(md: ModelDocumentation, pack: RulePack) -> float | None:
    turnover = md.provider.worldwide_turnover_eur
    if turnover is None:
        return None
    return max(float(pack["fine_turnover_share"]) * turnover.value, float(pack["fine_minimum_eur"]))


def _flop_text(value: float) -> str:
    return f"{value:.2g}".replace("e+", "×10^")


def determine(
    md: ModelDocumentation | None, tds: TrainingDataSummary | None, pack: RulePack
) -> list[Determination]:
    """Every determination the data supports; missing documents simply give fewer."""
    out: list[Determination] = []
    if md is not None:
        out.extend(_model_determinations(md, pack))
    if tds is not None:
        update = next_summary_update(tds, pack)
        months = pack["summary_update_months"]
        out.append(
            Determination(
                "next_summary_update",
                "Next update of the training-content summary",
                str(update) if update else "On material change",
                f"The model keeps being trained: update the summary at least every {months} months."
                if update
                else "The model is not trained further; update the summary when the "
                "training content changes materially.",
                "Explanatory Notice to the summary template (TDS.rule.update_cadence)",
                update,
            )
        )
    return out


def _model_determinations(md: ModelDocumentation, pack: RulePack) -> list[Determination]:
    out: list[Determination] = []
    flop = training_flop(md)
    gpai_flop = float(pack["gpai_indicative_flop"])
    if flop is None:
        scope = (
            "Unknown",
            "Training compute is not given, so the indicative GPAI criterion cannot be applied.",
        )
    elif flop > gpai_flop and is_generative(md):
        scope = (
            "Likely a GPAI model",
            f"Training compute of {_flop_text(flop)} FLOP exceeds "
            f"{_flop_text(gpai_flop)} FLOP and the model generates language, images or "
            "video.",
        )
    else:
        scope = (
            "May be out of scope",
            f"Training compute of {_flop_text(flop)} FLOP or the "
            "output modalities do not meet the indicative criterion; Art 3(63) decides.",
        )
    out.append(
        Determination(
            "gpai_scope",
            "General-purpose AI model",
            *scope,
            "Commission GPAI guidelines (GL.gpai_indicative); AI Act Art 3(63)",
        )
    )

    systemic = systemic_risk_presumed(md, pack)
    deadline = notification_deadline(md, pack)
    if systemic:
        when = (
            f"notify the Commission by {deadline}"
            if deadline
            else "notify the Commission without delay and within "
            f"{pack['notification_days']} days of the threshold being met or known"
        )
        statement = (
            f"Systemic risk is presumed; {when}. The Safety and Security chapter and "
            "Annex XI Section 2 apply, and the open-source exemption does not."
        )
    else:
        statement = (
            f"Training compute does not exceed {_flop_text(float(pack['systemic_risk_flop']))}"
            " FLOP and the model is not designated."
        )
    out.append(
        Determination(
            "systemic_risk",
            "Systemic risk",
            "Presumed" if systemic else "Not presumed",
            statement,
            "AI Act Art 51(2), Art 52(1)",
            deadline,
        )
    )

    exempt = open_source_exemption(md, pack)
    out.append(
        Determination(
            "open_source_exemption",
            "Open-source exemption",
            "Applies" if exempt else "Does not apply",
            "The model documentation (Annex XI), the downstream information (Annex XII) and the "
            "authorised representative are not required; the copyright policy and the public "
            "summary of training content still are."
            if exempt
            else "All obligations of Art 53(1) apply (the exemption needs a free and open-source "
            "licence, public weights, architecture and usage information, no monetisation and "
            "no systemic risk).",
            "AI Act Art 53(2), Art 54(6); recitals 103 and 104",
        )
    )

    becomes = modifier_is_provider(md, pack)
    if becomes is not None:
        names = ", ".join(d.name for d in dependencies(md))
        share = str(Fraction(float(pack["modifier_compute_share"])).limit_denominator(100))
        out.append(
            Determination(
                "modifier",
                "Modifier becomes provider",
                "Yes" if becomes else "No",
                (
                    f"The modification's compute exceeds {share} of the original's ({names}): "
                    "the documentation and summary cover the modification only."
                    if becomes
                    else f"The modification's compute does not exceed "
                    f"{pack.values['modifier_compute_share'].value} of the original's ({names})."
                ),
                "Commission GPAI guidelines (GL.modifier_one_third, GL.modifier_fallback)",
            )
        )

    needed = authorised_representative_needed(md, pack)
    placed = union_placement(md)
    out.append(
        Determination(
            "authorised_representative",
            "Authorised representative",
            "Needed" if needed else "Not needed",
            (
                "The provider is established outside the Union: appoint a representative by "
                "written mandate before placing the model on the Union market"
                + (f" ({placed})." if placed else ".")
                if needed
                else "The provider is established in the Union or the open-source "
                "exemption applies."
            ),
            "AI Act Art 54(1), Art 54(6)",
            placed if needed else None,
        )
    )

    due = documentation_due(md, pack)
    if due is not None:
        legacy = placed is not None and placed < pack.date("legacy_placement_cutoff")
        out.append(
            Determination(
                "documentation_due",
                "Documentation due",
                str(due),
                "The model was placed on the market before "
                f"{pack.date('legacy_placement_cutoff')}: comply by {due}."
                if legacy
                else "Documentation is due when the model is placed on the Union market.",
                "AI Act Art 53(1), Art 111(3)",
                due,
            )
        )
    end = retention_end(md, pack)
    if end is not None:
        out.append(
            Determination(
                "retention_end",
                "Keep documentation until",
                str(end),
                f"Keep every version for {pack['retention_years']} years after placement on the "
                "market.",
                "CoP Transparency Measure 1.1; AI Act Art 54(3)",
                end,
            )
        )
    exposure = fine_exposure(md, pack)
    if exposure is not None:
        out.append(
            Determination(
                "fine_exposure",
                "Maximum fine (informational)",
                f"EUR {exposure:,.0f}",
                f"The higher of {float(pack['fine_turnover_share']):.0%} of worldwide turnover and "
                f"EUR {float(pack['fine_minimum_eur']):,.0f}; fines apply from "
                f"{pack.date('fines_apply')}.",
                "AI Act Art 101(1)",
            )
        )
    return out
