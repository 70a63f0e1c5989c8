"""What the AI Act infers from the documents: scope, systemic risk, exemptions and dates.

Every threshold comes from the rule pack; every determination names its legal basis and
the rule-pack facts it rests on (``facts``), and the last one, "Law applied", cites the
AI Act as amended and says when the oldest of those facts was verified.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from gpai_docs.law.rulepack import RulePack
from gpai_docs.models import ModelDocumentation, TrainingDataSummary
from gpai_docs.models._types import Quantity, YesNo, power_text
from gpai_docs.models.model_documentation import Dependency, ModalitySize

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
    facts: tuple[str, ...] = ()  # the rule-pack facts it rests on, by key


class _BeyondCalendar(dt.date):
    """A deadline after 9999-12-31, which no date can hold: later than every date but the
    last, and told apart from a real 9999-12-31 by identity."""


BEYOND_CALENDAR = _BeyondCalendar(dt.MAXYEAR, 12, 31)


def add_months(day: dt.date, months: int) -> dt.date:
    """``months`` after ``day``, on the month's last day when it is shorter; a deadline past
    the calendar's end is BEYOND_CALENDAR, so that a far-future date is an answer, not a crash."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > dt.MAXYEAR:
        return BEYOND_CALENDAR
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_days(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return BEYOND_CALENDAR


def shown_date(day: dt.date) -> str:
    return "after 9999-12-31" if day is BEYOND_CALENDAR else str(day)


def training_compute(md: ModelDocumentation) -> Quantity | None:
    """The training compute as written: the AI Office figure, else the authorities' one."""
    for value in (md.compute.training_flop_aio, md.compute.training_flop_nca):
        if isinstance(value, Quantity):
            return value
    return None


def training_flop(md: ModelDocumentation) -> float | None:
    """The training compute as the nearest float: for measurements, never for thresholds."""
    compute = training_compute(md)
    return compute.value if compute else None


def meets(value: Quantity, key: str, pack: RulePack, base: Fraction = Fraction(1)) -> bool:
    """Whether a written number meets the threshold ``key`` (times ``base``), exactly."""
    return pack.comparison(key).holds(value.exact, pack.exact(key) * base)


def _date(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def union_placement(md: ModelDocumentation) -> dt.date | None:
    return _date(md.general.union_market_release_date)


def is_generative(md: ModelDocumentation) -> bool:
    outputs = md.properties.output_modalities
    return isinstance(outputs, list) and any(
        isinstance(m, ModalitySize) and m.modality in _GENERATIVE for m in outputs
    )


def gpai_indicated(md: ModelDocumentation, pack: RulePack) -> bool | None:
    """The guidelines' indicative criterion (compute and generative output); None if unknown."""
    compute = training_compute(md)
    if compute is None:
        return None
    return meets(compute, "gpai_indicative_flop", pack) and is_generative(md)


def compute_presumes_systemic_risk(md: ModelDocumentation, pack: RulePack) -> bool:
    compute = training_compute(md)
    return compute is not None and meets(compute, "systemic_risk_flop", pack)


def systemic_risk_presumed(md: ModelDocumentation, pack: RulePack) -> bool:
    designated = md.systemic_risk is not None and md.systemic_risk.designated
    return designated or compute_presumes_systemic_risk(md, pack)


def dependencies(md: ModelDocumentation) -> list[Dependency]:
    deps = md.general.model_dependencies
    return [d for d in deps if isinstance(d, Dependency)] if isinstance(deps, list) else []


def _fallback_key(md: ModelDocumentation) -> str:
    systemic = md.modification is not None and md.modification.base_model_systemic_risk
    return f"modifier_fallback_flop_{'systemic' if systemic else 'gpai'}"


def modifier_base(md: ModelDocumentation, pack: RulePack) -> Fraction | None:
    """The original's compute, or the guidelines' fallback when it is unknown, exactly."""
    if md.modification is None:
        return None
    base = md.modification.base_model_flop
    if isinstance(base, Quantity):
        return base.exact
    return pack.exact(_fallback_key(md))


def modifier_threshold(md: ModelDocumentation, pack: RulePack) -> float | None:
    """The modification compute above which a modifier becomes provider, or None if not known."""
    base = modifier_base(md, pack)
    return None if base is None else float(pack.exact("modifier_compute_share") * base)


def modifier_is_provider(md: ModelDocumentation, pack: RulePack) -> bool | None:
    base = modifier_base(md, pack)
    if not dependencies(md) or md.modification is None or base is None:
        return None
    flop = md.modification.modification_flop
    if not isinstance(flop, Quantity):
        return None
    return meets(flop, "modifier_compute_share", pack, base)


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


def is_legacy(md: ModelDocumentation, pack: RulePack) -> bool:
    """Placed on the Union market before Chapter V applied (Art 111(3))."""
    placed = union_placement(md)
    key = "legacy_placement_cutoff"
    return placed is not None and pack.comparison(key).holds(placed, pack.date(key))


def documentation_due(md: ModelDocumentation, pack: RulePack) -> dt.date | None:
    placed = union_placement(md)
    if placed is None:
        return None
    return pack.date("legacy_deadline") if is_legacy(md, pack) else placed


def retention_end(md: ModelDocumentation, pack: RulePack) -> dt.date | None:
    placed = union_placement(md)
    return add_months(placed, 12 * int(pack["retention_years"])) if placed else None


def notification_deadline(md: ModelDocumentation, pack: RulePack) -> dt.date | None:
    if md.systemic_risk is None or md.systemic_risk.threshold_date is None:
        return None
    return add_days(md.systemic_risk.threshold_date, int(pack["notification_days"]))


def next_summary_update(tds: TrainingDataSummary, pack: RulePack) -> dt.date | None:
    continuous = tds.section_1.continuous_training
    if isinstance(continuous, YesNo) and continuous.yes:
        return add_months(tds.header.last_update, int(pack["summary_update_months"]))
    return None


def fine_exposure(md: ModelDocumentation, pack: RulePack) -> Fraction | None:
    """The highest fine (Art 101(1)): the turnover share or the euro amount, whichever is higher."""
    turnover = md.provider.worldwide_turnover_eur
    if turnover is None:
        return None
    return max(pack.exact("fine_turnover_share") * turnover.exact, pack.exact("fine_minimum_eur"))


def euros(amount: Fraction) -> str:
    """EUR with thousands separators, cents only when there are any (rounded half up)."""
    cents = int(amount * 100 + Fraction(1, 2))
    whole, rest = divmod(cents, 100)
    return f"EUR {whole:,}" + (f".{rest:02d}" if rest else "")


def number_text(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{float(value):g}"


def _flop_text(value: Quantity | Fraction) -> str:
    """A written figure keeps its own precision; so 1.000001×10^25 never prints as 1×10^25."""
    if isinstance(value, Quantity):
        return power_text(value.exact, value.significant_figures)
    return power_text(value, len(str(value.numerator).rstrip("0")) or 1)


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
                shown_date(update) if update else "On material change",
                f"The model keeps being trained: update the summary at least every {months} months."
                if update
                else "The model is not trained further; update the summary when the "
                "training content changes materially.",
                f"Explanatory Notice to the summary template, {pack.cite('summary_template')} "
                "(TDS.rule.update_cadence)",
                update,
                ("summary_update_months", "summary_template"),
            )
        )
    # Imported here: law_applied builds on Determination, defined above.
    from gpai_docs.validate import law_applied

    if md is not None and tds is not None:
        sme = law_applied.sme_top_domains(md, tds, pack)
        if sme is not None:
            out.append(sme)
    if out:
        out += [law_applied.enforcement(pack), law_applied.law_applied(out, pack)]
    return out


def compared(value: Quantity, key: str, pack: RulePack) -> str:
    """``<value> FLOP is [not] greater than <threshold> FLOP``, in the catalogue's words."""
    comparison = pack.comparison(key)
    words = comparison.words if meets(value, key, pack) else comparison.negated
    return f"{_flop_text(value)} FLOP is {words} {_flop_text(pack.exact(key))} FLOP"


def _scope(md: ModelDocumentation, pack: RulePack) -> Determination:
    compute = training_compute(md)
    if compute is None:
        outcome = "Unknown"
        statement = (
            "Training compute is not given, so the indicative GPAI criterion cannot be applied."
        )
    elif gpai_indicated(md, pack):
        outcome = "Likely a GPAI model"
        statement = (
            f"Training compute of {compared(compute, 'gpai_indicative_flop', pack)} and the "
            "model generates language, images or video."
        )
    else:
        outcome = "May be out of scope"
        link = " but" if meets(compute, "gpai_indicative_flop", pack) else " and"
        generative = (
            ""
            if is_generative(md)
            else f"{link} the model does not generate language, images or video"
        )
        statement = (
            f"Training compute of {compared(compute, 'gpai_indicative_flop', pack)}"
            f"{generative}; the indicative criterion is not met and Art 3(63) decides."
        )
    return Determination(
        "gpai_scope",
        "General-purpose AI model",
        outcome,
        statement,
        f"Commission GPAI guidelines {pack.cite('guidelines')} (GL.gpai_indicative); "
        "AI Act Art 3(63)",
        None,
        ("gpai_indicative_flop", "guidelines"),
    )


def _systemic(md: ModelDocumentation, pack: RulePack) -> Determination:
    compute = training_compute(md)
    deadline = notification_deadline(md, pack)
    systemic = systemic_risk_presumed(md, pack)
    if systemic:
        reason = (
            f"Training compute of {compared(compute, 'systemic_risk_flop', pack)}, so "
            "systemic risk is presumed"
            if compute is not None and compute_presumes_systemic_risk(md, pack)
            else "The model is designated as a model with systemic risk"
        )
        when = (
            f"notify the Commission by {shown_date(deadline)}"
            if deadline
            else "notify the Commission without delay and within "
            f"{pack['notification_days']} days of the threshold being met or known"
        )
        statement = (
            f"{reason}; {when}. The Safety and Security chapter and Annex XI Section 2 "
            "apply, and the open-source exemption does not."
        )
    elif compute is None:
        statement = (
            "Training compute is not given, so the presumption of Art 51(2) cannot be "
            "applied; the model is not designated."
        )
    else:
        statement = (
            f"Training compute of {compared(compute, 'systemic_risk_flop', pack)} and the "
            "model is not designated."
        )
    return Determination(
        "systemic_risk",
        "Systemic risk",
        "Presumed" if systemic else "Not presumed",
        statement,
        "AI Act Art 51(2), Art 52(1)",
        deadline,
        ("systemic_risk_flop", "notification_days"),
    )


def _modifier(md: ModelDocumentation, pack: RulePack) -> Determination | None:
    becomes = modifier_is_provider(md, pack)
    base = modifier_base(md, pack)
    flop = md.modification.modification_flop if md.modification else None
    if becomes is None or base is None or md.modification is None or not isinstance(flop, Quantity):
        return None
    names = ", ".join(d.name for d in dependencies(md))
    given = md.modification.base_model_flop
    original = (
        f"the original's {_flop_text(given)} FLOP ({names})"
        if isinstance(given, Quantity)
        else f"the {_flop_text(base)} FLOP the guidelines assume for an original whose "
        f"compute is unknown ({names})"
    )
    key = "modifier_compute_share"
    comparison = pack.comparison(key)
    statement = (
        f"The modification's compute of {_flop_text(flop)} FLOP is "
        f"{comparison.words if becomes else comparison.negated} {pack.exact(key)} of {original}"
    )
    return Determination(
        "modifier",
        "Modifier becomes provider",
        "Yes" if becomes else "No",
        statement
        + (": the documentation and summary cover the modification only." if becomes else "."),
        f"Commission GPAI guidelines {pack.cite('guidelines')} (GL.modifier_one_third, "
        "GL.modifier_fallback)",
        None,
        ("modifier_compute_share", "guidelines")
        + (() if isinstance(given, Quantity) else (_fallback_key(md),)),
    )


def _model_determinations(md: ModelDocumentation, pack: RulePack) -> list[Determination]:
    out = [_scope(md, pack), _systemic(md, pack)]
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
            None,
            ("license_categories", "systemic_risk_flop"),
        )
    )
    modifier = _modifier(md, pack)
    if modifier is not None:
        out.append(modifier)

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
            ("license_categories", "systemic_risk_flop"),
        )
    )

    due = documentation_due(md, pack)
    if due is not None:
        cutoff = "legacy_placement_cutoff"
        when = (
            f"The model was placed on the market {pack.comparison(cutoff).words} "
            f"{pack.date(cutoff)}: comply by {due}."
            if is_legacy(md, pack)
            else "Documentation is due when the model is placed on the Union market."
        )
        if exempt:
            # Art 53(2): the date still binds the summary and the copyright policy.
            when += (
                " Under the open-source exemption this is the copyright policy and the public "
                "summary of training content; the model documentation is not required."
            )
        out.append(
            Determination(
                "documentation_due",
                "Documentation due",
                str(due),
                when,
                "AI Act Art 53(1), Art 111(3)",
                due,
                ("chapter_v_applies", cutoff, "legacy_deadline"),
            )
        )
    end = retention_end(md, pack)
    if end is not None:
        out.append(
            Determination(
                "retention_end",
                "Keep documentation until",
                shown_date(end),
                f"Keep every version for {pack['retention_years']} years after placement on the "
                "market.",
                "CoP Transparency Measure 1.1; AI Act Art 54(3)",
                end,
                ("retention_years",),
            )
        )
    exposure = fine_exposure(md, pack)
    turnover = md.provider.worldwide_turnover_eur
    if exposure is not None and turnover is not None:
        share = pack.exact("fine_turnover_share")
        out.append(
            Determination(
                "fine_exposure",
                "Maximum fine (informational)",
                euros(exposure),
                f"Up to {number_text(share * 100)} % of worldwide annual turnover "
                f"({euros(share * turnover.exact)}) or {euros(pack.exact('fine_minimum_eur'))}, "
                "whichever is higher; the Commission can fine since "
                f"{pack.date('fines_apply')}.",
                "AI Act Art 101(1)",
                None,
                ("fine_turnover_share", "fine_minimum_eur", "fines_apply"),
            )
        )
    return out
