"""Model documentation rules on which obligations apply: the systemic-risk presumption and
its notification (AI Act Art 51, 52), the indicative GPAI criterion and the compute of a
modification (Commission GPAI guidelines)."""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.dates import known
from gpai_docs.validate.determinations.deadlines import notification_deadline
from gpai_docs.validate.determinations.modification import dependencies
from gpai_docs.validate.determinations.scope_and_systemic_risk import (
    compared,
    is_generative,
    meets,
    own_compute,
    systemic_risk_presumed,
)
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.model_documentation._form_values import MD, NEEDS
from gpai_docs.validate.rules.model_documentation._variants import models


@rule(
    "MD009",
    "systemic-risk-notification",
    severity=Severity.ERROR,
    reference="AI Act Art 51(2), Art 52(1)",
    catalogue=("AIA.51.2", "AIA.52.1", "VR-07"),
    needs=NEEDS,
)
def systemic_risk_notification(context: RuleContext) -> Iterator[Finding]:
    """A model presumed to have systemic risk records a timely Commission notification.

    Why: training compute greater than 10^25 FLOP presumes high-impact capabilities; the
    provider notifies the Commission within two weeks of the threshold being met or known
    (VR-07).
    The threshold and the number of days come from the rule pack.

    Passes:
        compute: {training_flop_aio: "3.8*10^25"}
        systemic_risk: {threshold_date: 2025-03-01, notification_date: 2025-03-10}

    Fails:
        compute: {training_flop_aio: "3.8*10^25"}
        systemic_risk: {threshold_date: 2025-03-01, notification_date: 2025-04-20}
    """
    md, pack = context.md, context.pack
    if not systemic_risk_presumed(md, pack):
        return
    risk = md.systemic_risk
    if risk is None or risk.threshold_date is None or risk.notification_date is None:
        yield Finding(
            MD,
            ("systemic_risk",) if risk else (),
            "Systemic risk is presumed (training compute greater than the systemic-risk "
            "threshold, or designation) but no threshold date and Commission notification "
            "date are recorded",
            hint="Add `systemic_risk: {threshold_date: ..., notification_date: ...}`.",
        )
        return
    deadline = notification_deadline(md, pack)
    notified = known(risk.notification_date)  # unknown while day and month could swap
    if deadline is not None and notified is not None and notified > deadline:
        yield Finding(
            MD,
            ("systemic_risk", "notification_date"),
            f"The Commission was notified on {risk.notification_date}, after the "
            f"deadline {deadline} ({pack['notification_days']} days after "
            f"{risk.threshold_date})",
            hint="Record the notification date correctly, or document why it was late.",
        )


@rule(
    "MD010",
    "gpai-scope-indication",
    severity=Severity.WARNING,
    reference="Commission GPAI guidelines; AI Act Art 3(63)",
    catalogue=("GL.gpai_indicative", "VR-08"),
    needs=NEEDS,
)
def gpai_scope_indication(context: RuleContext) -> Iterator[Finding]:
    """The model meets the indicative criterion for a general-purpose AI model.

    Why: the guidelines treat a model as GPAI when its training compute is greater than
    10^23 FLOP and it generates language, images or video (VR-08). Otherwise the model may be
    out of scope, which is worth a deliberate look before filing. The threshold and its
    comparison come from the rule pack, and 10^23 FLOP itself does not meet it. A document
    for several models (`training_flop_aio_variants:`) has each model with its own compute
    checked, since each is a model (Art 3(63)).

    Passes:
        compute: {training_flop_aio: "3.7*10^24"}

    Fails:
        compute: {training_flop_nca: "10^22", training_flop_aio: "4.0*10^22"}
    """
    md, pack = context.md, context.pack
    for model in models(md):
        compute = own_compute(model.get("training_flop_aio"), model.get("training_flop_nca"))
        if compute is None:
            continue  # a model without its own compute has the document's
        generative = is_generative(md)
        if meets(compute, "gpai_indicative_flop", pack) and generative:
            continue
        field = (
            "training_flop_aio"
            if model.get("training_flop_aio") is compute
            else "training_flop_nca"
        )
        reasons = []
        if not meets(compute, "gpai_indicative_flop", pack):
            reasons.append(f"training compute of {compared(compute, 'gpai_indicative_flop', pack)}")
        if not generative:
            reasons.append("the model does not generate language, images or video")
        yield Finding(
            MD,
            model.place(field),
            model.about(
                f"The indicative GPAI criterion is not met: {' and '.join(reasons)}; the "
                "model may be out of scope"
            ),
            hint="Check Art 3(63) before filing; the criterion is indicative only.",
        )


@rule(
    "MD011",
    "modification-compute",
    severity=Severity.ERROR,
    reference="Commission GPAI guidelines (modifiers); Template 1.2 model dependencies",
    catalogue=("GL.modifier_one_third", "GL.modifier_fallback", "VR-09"),
    needs=NEEDS,
)
def modification_compute(context: RuleContext) -> Iterator[Finding]:
    """A model built on another GPAI model records the compute of the modification and the base.

    Why: a modifier becomes the provider of the modified model when the modification's
    compute is greater than one third of the original's training compute; when the
    original's compute is unknown the guidelines fall back to one third of 10^25 or 10^23
    FLOP (VR-09).

    Passes:
        general: {model_dependencies: [{name: Base-7B}]}
        modification: {modification_flop: "4.1*10^22", base_model_flop: "8.4*10^22", base_model_systemic_risk: false}

    Fails:
        general: {model_dependencies: [{name: Base-7B}]}
    """
    if dependencies(context.md) and context.md.modification is None:
        yield Finding(
            MD,
            ("general", "model_dependencies"),
            "The model depends on another GPAI model but the modification's compute and "
            "the base model's compute are not recorded",
            hint="Add `modification: {modification_flop, base_model_flop, "
            "base_model_systemic_risk}`.",
        )
