"""Rules on the model documentation (MD codes): the Form's precision and consistency demands."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models._types import FORM_NA, NotApplicable, Quantity, ToBeProvided
from gpai_docs.models.model_documentation import InferenceBenchmark, ModalitySize, TrainingTime
from gpai_docs.validate import determinations as det
from gpai_docs.validate.rules._registry import DOCUMENTS, Finding, rule
from gpai_docs.validate.rules._walk import walk
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.obligations import due_on, required

MD = "model_documentation"
NEEDS = (MD,)


def _is_url(text: str) -> bool:
    return text.startswith(("https://", "http://"))


def _precise(q: Quantity, context: RuleContext) -> bool:
    return q.significant_figures >= int(context.pack["min_significant_figures"])


@rule(
    "MD001",
    "release-dates-ordered",
    severity=Severity.ERROR,
    reference="Model Documentation Form, General information (derived)",
    catalogue=("MDF.general.release_date", "MDF.general.union_market_release_date", "VR-02"),
    needs=NEEDS,
)
def release_dates_ordered(context: RuleContext) -> Iterator[Finding]:
    """The Union market release date is not before the first release anywhere.

    Why: the release date is the first release through any channel, so placement on the
    Union market cannot come earlier (VR-02).

    Passes:
        general: {release_date: 2025-09-01, union_market_release_date: 2025-09-15}

    Fails:
        general: {release_date: 2025-09-01, union_market_release_date: 2025-06-01}
    """
    general = context.md.general
    first, union = general.release_date, general.union_market_release_date
    if isinstance(first, dt.date) and isinstance(union, dt.date) and union < first:
        yield Finding(
            MD,
            ("general", "union_market_release_date"),
            f"The Union market release date {union} is before the release date {first}",
            hint="The release date is the first release anywhere; correct either date.",
        )


@rule(
    "MD002",
    "documentation-overdue",
    severity=Severity.ERROR,
    reference="AI Act Art 53(1) and (2), Art 111(3); CoP Transparency Measure 1.1",
    catalogue=("AIA.111.3", "AIA.53.2", "COP.T.1.1.document_before_placing", "VR-03"),
    needs=NEEDS,
)
def documentation_overdue(context: RuleContext) -> Iterator[Finding]:
    """Answers are still to be provided after the documentation was due.

    Why: the model documentation, the summary and the copyright policy are due when the model
    is placed on the Union market; for models placed before 2 August 2025 on 2 August 2027
    (VR-03). Open answers past that date are errors, not drafts, in all three documents;
    before it PJ001 lists them. Under the open-source exemption (AI Act Art 53(2); catalogue
    AIA.53.2: free and open-source licence, public weights, architecture and usage
    information, no monetisation, no systemic risk) the model documentation's items are not
    owed and never due here; the summary and the copyright policy still are.

    Passes:
        general: {union_market_release_date: 2030-01-01}   # placement still ahead

    Fails:
        general: {union_market_release_date: 2025-09-15}
        data: {curation: {to_be_provided: true}}
    """
    for key in DOCUMENTS:
        document = getattr(context, key)
        if document is None:
            continue
        for path, value in walk(document):
            if not isinstance(value, ToBeProvided):
                continue
            due = due_on(context, key, path)
            if due is not None:
                yield Finding(
                    key,
                    path,
                    f"The documentation was due on {due} and this answer is still to be provided",
                    hint="Provide the answer now.",
                )


@rule(
    "MD003",
    "parameter-count-precision",
    severity=Severity.ERROR,
    reference="Model Documentation Form, Model properties: Total model size",
    catalogue=("MDF.properties.total_model_size", "VR-04"),
    needs=NEEDS,
)
def parameter_count_precision(context: RuleContext) -> Iterator[Finding]:
    """The total model size has at least two significant figures.

    Why: the Form asks for the parameter count with at least two significant figures,
    for example `7.3*10^10` (VR-04).

    Passes:
        properties: {total_model_size: "7.3*10^10"}

    Fails:
        properties: {total_model_size: "7*10^10"}
    """
    size = context.md.properties.total_model_size
    if isinstance(size, Quantity) and not _precise(size, context):
        yield Finding(
            MD,
            ("properties", "total_model_size"),
            f"The total model size {size} has {size.significant_figures} significant "
            "figure(s); the Form asks for at least "
            f"{context.pack['min_significant_figures']}",
            hint="Write it like 7.3*10^10.",
        )


@rule(
    "MD004",
    "parameter-range-matches",
    severity=Severity.ERROR,
    reference="Model Documentation Form, Model properties: parameter range",
    catalogue=("MDF.properties.parameter_range", "VR-04"),
    needs=NEEDS,
)
def parameter_range_matches(context: RuleContext) -> Iterator[Finding]:
    """The parameter range is the bucket that contains the total model size.

    Why: the range shown to downstream providers must agree with the exact count given to
    the authorities (VR-04).

    Passes:
        properties: {total_model_size: "7.3*10^10", parameter_range: 50B-100B}

    Fails:
        properties: {total_model_size: "7.3*10^10", parameter_range: 15B-50B}
    """
    props = context.md.properties
    size, chosen = props.total_model_size, props.parameter_range
    if not (isinstance(size, Quantity) and isinstance(chosen, str)):
        return
    bucket = context.pack.parameter_ranges.bucket_for(size.value)
    if bucket is not None and bucket.label != chosen:
        yield Finding(
            MD,
            ("properties", "parameter_range"),
            f"The range {chosen!r} does not contain the total model size {size}; "
            f"that is {bucket.label!r}",
            hint=f"Select {bucket.label!r}.",
        )


@rule(
    "MD005",
    "parameter-count-on-boundary",
    severity=Severity.WARNING,
    reference="Model Documentation Form, Model properties: parameter range",
    catalogue=("MDF.properties.parameter_range", "VR-04"),
    needs=NEEDS,
)
def parameter_count_on_boundary(context: RuleContext) -> Iterator[Finding]:
    """The total model size sits on a boundary between two parameter ranges.

    Why: the Form does not say whether, say, 5B belongs to `500M-5B` or `5B-15B` (VR-04).
    gpai-docs counts a boundary in the upper range and flags the value so that the choice
    is made deliberately.

    Passes:
        properties: {total_model_size: "7.3*10^10", parameter_range: 50B-100B}

    Fails:
        properties: {total_model_size: "5.0*10^9", parameter_range: 5B-15B}
    """
    size = context.md.properties.total_model_size
    if not isinstance(size, Quantity):
        return
    tolerance = float(context.pack["boundary_tolerance"])
    for bucket in context.pack.parameter_ranges.buckets[1:]:
        if abs(size.value - bucket.low) <= tolerance * bucket.low:
            yield Finding(
                MD,
                ("properties", "total_model_size"),
                f"The total model size {size} is on the boundary {bucket.low:.3g}; the "
                "Form does not say which range it belongs to",
                hint="Confirm the parameter range with the AI Office if in doubt.",
            )


@rule(
    "MD006",
    "training-compute-precision",
    severity=Severity.ERROR,
    reference="Model Documentation Form, Computational resources (AI Office row)",
    catalogue=("MDF.compute.training_flop.aio", "VR-05"),
    needs=NEEDS,
)
def training_compute_precision(context: RuleContext) -> Iterator[Finding]:
    """The AI Office row of training compute has at least two significant figures.

    Why: the Form asks the AI Office row in FLOP with at least two significant figures,
    for example `3.7*10^24` (VR-05).

    Passes:
        compute: {training_flop_aio: "3.7*10^24"}

    Fails:
        compute: {training_flop_aio: "4*10^24"}
    """
    flop = context.md.compute.training_flop_aio
    if isinstance(flop, Quantity) and not _precise(flop, context):
        yield Finding(
            MD,
            ("compute", "training_flop_aio"),
            f"Training compute {flop} has {flop.significant_figures} significant "
            "figure(s); the AI Office row asks for at least "
            f"{context.pack['min_significant_figures']}",
            hint="Write it like 3.7*10^24.",
        )


@rule(
    "MD007",
    "training-compute-magnitude",
    severity=Severity.ERROR,
    reference="Model Documentation Form, Computational resources (NCA and AI Office rows)",
    catalogue=("MDF.compute.training_flop.nca", "MDF.compute.training_flop.aio", "VR-05"),
    needs=NEEDS,
)
def training_compute_magnitude(context: RuleContext) -> Iterator[Finding]:
    """The NCA row gives the order of magnitude of the AI Office row's training compute.

    Why: the NCA row is a power of ten, `10^floor(log10(AIO value))` (VR-05).

    Passes:
        compute: {training_flop_nca: "10^24", training_flop_aio: "3.7*10^24"}

    Fails:
        compute: {training_flop_nca: "10^25", training_flop_aio: "3.7*10^24"}
    """
    compute = context.md.compute
    nca, aio = compute.training_flop_nca, compute.training_flop_aio
    if not isinstance(nca, Quantity):
        return
    power = math.log10(nca.value) if nca.value > 0 else math.nan
    if not math.isclose(power, round(power), abs_tol=1e-9):
        yield Finding(
            MD,
            ("compute", "training_flop_nca"),
            f"The NCA row {nca} is not an order of magnitude",
            hint="Write a power of ten, such as 10^24.",
        )
    elif isinstance(aio, Quantity) and aio.value > 0 and round(power) != aio.exponent:
        yield Finding(
            MD,
            ("compute", "training_flop_nca"),
            f"The NCA row {nca} does not match the AI Office row {aio} "
            f"(order of magnitude 10^{aio.exponent})",
            hint=f"Write 10^{aio.exponent}.",
        )


@rule(
    "MD008",
    "training-time-consistent",
    severity=Severity.ERROR,
    reference="Model Documentation Form, Computational resources: training time",
    catalogue=("MDF.compute.training_time.nca", "MDF.compute.training_time.aio", "VR-06"),
    needs=NEEDS,
)
def training_time_consistent(context: RuleContext) -> Iterator[Finding]:
    """The NCA training-time bucket matches the wall-clock days, and hardware-days are not fewer.

    Why: both rows describe the same run (VR-06). A month counts as the rule pack's
    `days_per_month`, since the Form does not define it.

    Passes:
        compute: {training_time_nca: 1-3 months, training_time_aio: {wall_clock_days: 54, hardware_days: "8.8*10^5"}}

    Fails:
        compute: {training_time_nca: <1 month, training_time_aio: {wall_clock_days: 54, hardware_days: 40}}
    """
    compute = context.md.compute
    bucket_label, aio = compute.training_time_nca, compute.training_time_aio
    if not isinstance(aio, TrainingTime):
        return
    days = aio.wall_clock_days.value
    if aio.hardware_days.value < days:
        yield Finding(
            MD,
            ("compute", "training_time_aio", "hardware_days"),
            f"Hardware-days ({aio.hardware_days}) are fewer than wall-clock days "
            f"({aio.wall_clock_days})",
            hint="Hardware-days are days times accelerators.",
        )
    if isinstance(bucket_label, str):
        months = days / float(context.pack["days_per_month"])
        bucket = context.pack.training_time_buckets.bucket_for(months)
        if bucket is not None and bucket.label != bucket_label:
            yield Finding(
                MD,
                ("compute", "training_time_nca"),
                f"{days:g} wall-clock days fall in {bucket.label!r}, not {bucket_label!r}",
                hint=f"Select {bucket.label!r}.",
            )


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
    if not det.systemic_risk_presumed(md, pack):
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
    deadline = det.notification_deadline(md, pack)
    if deadline is not None and risk.notification_date > deadline:
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
    comparison come from the rule pack, and 10^23 FLOP itself does not meet it.

    Passes:
        compute: {training_flop_aio: "3.7*10^24"}

    Fails:
        compute: {training_flop_nca: "10^22", training_flop_aio: "4.0*10^22"}
    """
    md, pack = context.md, context.pack
    compute = det.training_compute(md)
    if compute is None or det.gpai_indicated(md, pack):
        return
    field = "training_flop_aio" if md.compute.training_flop_aio is compute else "training_flop_nca"
    reasons = []
    if not det.meets(compute, "gpai_indicative_flop", pack):
        reasons.append(f"training compute of {det.compared(compute, 'gpai_indicative_flop', pack)}")
    if not det.is_generative(md):
        reasons.append("the model does not generate language, images or video")
    yield Finding(
        MD,
        ("compute", field),
        f"The indicative GPAI criterion is not met: {' and '.join(reasons)}; the model may be "
        "out of scope",
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
    if det.dependencies(context.md) and context.md.modification is None:
        yield Finding(
            MD,
            ("general", "model_dependencies"),
            "The model depends on another GPAI model but the modification's compute and "
            "the base model's compute are not recorded",
            hint="Add `modification: {modification_flop, base_model_flop, "
            "base_model_systemic_risk}`.",
        )


@rule(
    "MD012",
    "open-source-exemption-conditions",
    severity=Severity.ERROR,
    reference="AI Act Art 53(2); recitals 103 and 104",
    catalogue=("AIA.53.2", "COP.T.C1.oss_exemption", "VR-10"),
    needs=NEEDS,
)
def open_source_exemption_conditions(context: RuleContext) -> Iterator[Finding]:
    """A free and open-source licence claim is backed by the exemption's conditions.

    Why: the exemption needs a free and open-source licence, public weights, architecture and
    usage information, no monetisation, and no systemic risk (VR-10). A licence category of
    free-and-open-source without those facts cannot be assessed.

    Passes:
        distribution: {license_category: free-and-open-source}
        open_source: {free_open_source_license: true, weights_public: true, architecture_public: true, usage_information_public: true, monetised: false}

    Fails:
        distribution: {license_category: free-and-open-source}
    """
    md, pack = context.md, context.pack
    category = md.distribution.license_category
    if not (isinstance(category, str) and category in pack.open_source_license_categories):
        return
    if md.open_source is None:
        yield Finding(
            MD,
            ("distribution", "license_category"),
            "The licence is free and open-source but the exemption's conditions are not recorded",
            hint="Add the `open_source:` section.",
        )
    elif det.systemic_risk_presumed(md, pack):
        yield Finding(
            MD,
            ("open_source",),
            "The open-source exemption does not apply to a model with systemic risk; "
            "all documentation obligations apply",
            hint="Document every Form item for the AI Office and downstream providers.",
        )


@rule(
    "MD013",
    "authorised-representative",
    severity=Severity.ERROR,
    reference="AI Act Art 54(1)",
    catalogue=("AIA.54.1", "VR-11"),
    needs=NEEDS,
)
def authorised_representative(context: RuleContext) -> Iterator[Finding]:
    """A provider outside the Union names an authorised representative appointed in time.

    Why: providers established in third countries appoint, by written mandate, a
    representative in the Union before placing the model on the market, unless the
    open-source exemption applies (VR-11).

    Passes:
        provider: {established_in_union: false, authorised_representative: {name: Rep GmbH, contact: rep@example.eu, mandate_date: 2025-05-01}}

    Fails:
        provider: {established_in_union: false}
    """
    md = context.md
    if not det.authorised_representative_needed(md, context.pack):
        return
    rep = md.provider.authorised_representative
    if rep is None:
        yield Finding(
            MD,
            ("provider", "established_in_union"),
            "The provider is established outside the Union but names no authorised representative",
            hint="Add `provider.authorised_representative`.",
        )
        return
    placed = det.union_placement(md)
    if rep.mandate_date is not None and placed is not None and rep.mandate_date > placed:
        yield Finding(
            MD,
            ("provider", "authorised_representative", "mandate_date"),
            f"The mandate ({rep.mandate_date}) was given after placement on the "
            f"Union market ({placed})",
            hint="The representative must be appointed before placement.",
        )


@rule(
    "MD014",
    "energy-reported",
    severity=Severity.ERROR,
    reference="Model Documentation Form, Energy consumption",
    catalogue=("MDF.energy.training", "MDF.energy.methodology", "VR-12"),
    needs=NEEDS,
)
def energy_reported(context: RuleContext) -> Iterator[Finding]:
    """Training energy is in MWh with two significant figures, or says what is missing.

    Why: the Form accepts N/A only when a compute or hardware provider withholds the
    information, and then asks what is missing; a figure needs its methodology (VR-12).
    Under the open-source exemption (AI Act Art 53(2)) the Form is not owed, so only the
    precision of a figure given is checked.

    Passes:
        energy: {training_mwh: "2.1*10^3", methodology: Metered at the data centre}

    Fails:
        energy: {training_mwh: N/A}
    """
    energy = context.md.energy
    if energy.training_mwh == FORM_NA and required(context, MD, ("energy", "training_mwh")):
        yield Finding(
            MD,
            ("energy", "training_mwh"),
            "Training energy is N/A without saying what information is missing",
            hint="Write `not_applicable: <which provider withholds what>`.",
        )
    elif isinstance(energy.training_mwh, Quantity):
        if not _precise(energy.training_mwh, context):
            yield Finding(
                MD,
                ("energy", "training_mwh"),
                f"Training energy {energy.training_mwh} has fewer than "
                f"{context.pack['min_significant_figures']} significant figures",
                hint="Write it like 2.1*10^3.",
            )
        if isinstance(energy.methodology, NotApplicable) and required(
            context, MD, ("energy", "methodology")
        ):
            yield Finding(
                MD,
                ("energy", "methodology"),
                "A training energy figure is given without its methodology",
                hint="Describe how the energy was measured or estimated.",
            )


@rule(
    "MD015",
    "inference-compute-reported",
    severity=Severity.ERROR,
    reference="Model Documentation Form, Energy consumption: inference",
    catalogue=("MDF.energy.inference_compute", "MDF.energy.inference_methodology", "VR-13"),
    needs=NEEDS,
)
def inference_compute_reported(context: RuleContext) -> Iterator[Finding]:
    """Inference compute is in FLOP with two significant figures and names task and hardware.

    Why: the Form benchmarks inference compute on a stated task and hardware (VR-13).
    Under the open-source exemption (AI Act Art 53(2)) the Form is not owed, so only the
    precision of a figure given is checked.

    Passes:
        energy: {inference_compute_flop: "5.1*10^17", inference_methodology: {task: "100,000 tokens", hardware: 64 A100s}}

    Fails:
        energy: {inference_compute_flop: "5*10^17"}
    """
    energy = context.md.energy
    flop = energy.inference_compute_flop
    if isinstance(flop, Quantity) and not _precise(flop, context):
        yield Finding(
            MD,
            ("energy", "inference_compute_flop"),
            f"Inference compute {flop} has fewer than "
            f"{context.pack['min_significant_figures']} significant figures",
            hint="Write it like 5.1*10^17.",
        )
    if (
        isinstance(flop, Quantity)
        and not isinstance(energy.inference_methodology, InferenceBenchmark)
        and required(context, MD, ("energy", "inference_methodology"))
    ):
        yield Finding(
            MD,
            ("energy", "inference_methodology"),
            "Inference compute is given without its benchmark task and hardware",
            hint="Add `inference_methodology: {task: ..., hardware: ...}`.",
        )


@rule(
    "MD016",
    "modality-max-size",
    severity=Severity.ERROR,
    reference="Model Documentation Form, Model properties: input and output modalities",
    catalogue=("MDF.properties.input_modalities", "MDF.properties.output_modalities", "VR-14"),
    needs=NEEDS,
)
def modality_max_size(context: RuleContext) -> Iterator[Finding]:
    """Every modality is named once, and an `Other` modality says what it is.

    Why: the Form asks a maximum size (or N/A) for each selected modality (VR-14); the
    schema requires the size, this rule catches duplicates and unnamed `Other` entries.

    Passes:
        properties: {input_modalities: [{modality: Text, max_size: 128k tokens}]}

    Fails:
        properties: {input_modalities: [{modality: Other, max_size: N/A}]}
    """
    props = context.md.properties
    for field in ("input_modalities", "output_modalities"):
        items = getattr(props, field)
        if not isinstance(items, list):
            continue
        seen: set[str] = set()
        for index, item in enumerate(items):
            if not isinstance(item, ModalitySize):
                continue
            if item.modality == "Other" and item.other_name is None:
                yield Finding(
                    MD,
                    ("properties", field, index, "modality"),
                    "An `Other` modality does not say what it is",
                    hint="Add `other_name:`.",
                )
            key = f"{item.modality}:{item.other_name or ''}"
            if key in seen:
                yield Finding(
                    MD,
                    ("properties", field, index),
                    f"The modality {item.modality} is listed twice",
                    hint="Merge the two entries.",
                )
            seen.add(key)


@rule(
    "MD017",
    "acceptable-use-policy-link",
    severity=Severity.ERROR,
    reference="Model Documentation Form, Use: acceptable use policy",
    catalogue=("MDF.use.acceptable_use_policy", "VR-15"),
    needs=NEEDS,
)
def acceptable_use_policy_link(context: RuleContext) -> Iterator[Finding]:
    """The acceptable use policy is a link, or an explicit statement that there is none.

    Why: the Form asks for a link to the applicable AUP, or an explicit statement that none
    exists (VR-15).

    Passes:
        use: {acceptable_use_policy: "https://example.com/aup"}

    Fails:
        use: {acceptable_use_policy: "see our website"}
    """
    aup = context.md.use.acceptable_use_policy
    if isinstance(aup, str) and not _is_url(aup):
        yield Finding(
            MD,
            ("use", "acceptable_use_policy"),
            f"The acceptable use policy {aup[:60]!r} is not a link",
            hint="Give an https:// link, or `not_applicable: <statement that there is no AUP>`.",
        )


@rule(
    "MD018",
    "document-date-plausible",
    severity=Severity.ERROR,
    reference="CoP Transparency Measure 1.1 (keep documentation up to date)",
    catalogue=("MDF.doc.last_updated", "COP.T.1.1.update", "VR-16"),
    needs=NEEDS,
)
def document_date_plausible(context: RuleContext) -> Iterator[Finding]:
    """The documentation's last-updated date is not in the future.

    Why: each version carries its version number and last-updated date so that previous
    versions can be kept and told apart (VR-16); a date after the validation date is a typo.

    Passes:
        document: {version: "1.0", last_updated: 2025-09-01}

    Fails:
        document: {version: "1.0", last_updated: 2099-01-01}
    """
    updated = context.md.document.last_updated
    if updated > context.as_of:
        yield Finding(
            MD,
            ("document", "last_updated"),
            f"The last-updated date {updated} is after today ({context.as_of})",
            hint="Use the date of this version.",
        )


@rule(
    "MD019",
    "information-requests-answered-in-time",
    severity=Severity.ERROR,
    reference="CoP Transparency Measure 1.2",
    catalogue=("COP.T.1.2.dp_additional_14d", "COP.T.1.2.aio_request", "VR-17"),
    needs=NEEDS,
)
def information_requests_answered_in_time(context: RuleContext) -> Iterator[Finding]:
    """Requests for information were answered in time, or the delay is justified.

    Why: downstream providers get additional information within 14 days save exceptional
    circumstances; the AI Office by the deadline its request states (VR-17).

    Passes:
        information_requests: [{requester: downstream_provider, received: 2025-10-01, answered: 2025-10-10}]

    Fails:
        information_requests: [{requester: downstream_provider, received: 2025-10-01, answered: 2025-10-30}]
    """
    days = int(context.pack["dp_request_days"])
    for index, request in enumerate(context.md.information_requests):
        if request.requester == "downstream_provider":
            deadline = request.received + dt.timedelta(days=days)
        elif request.deadline is not None:
            deadline = request.deadline
        else:
            yield Finding(
                MD,
                ("information_requests", index),
                "An AI Office request is logged without the deadline it stated",
                hint="Add `deadline:`.",
            )
            continue
        answered = request.answered or context.as_of
        if answered > deadline and request.exceptional_circumstances is None:
            state = f"answered on {request.answered}" if request.answered else "still open"
            yield Finding(
                MD,
                ("information_requests", index),
                f"A request received on {request.received} is {state}, after the "
                f"deadline {deadline}",
                hint="Answer it, or record `exceptional_circumstances:`.",
            )


@rule(
    "MD020",
    "documentation-contact-published",
    severity=Severity.ERROR,
    reference="CoP Transparency Measure 1.2",
    catalogue=("COP.T.1.2.publish_contact", "VR-18"),
    needs=NEEDS,
)
def documentation_contact_published(context: RuleContext) -> Iterator[Finding]:
    """The public contact for documentation requests is a link or an e-mail address.

    Why: providers publish contact information through which the AI Office and downstream
    providers request the documentation (VR-18).

    Passes:
        provider: {documentation_contact: "https://example.com/ai-docs"}

    Fails:
        provider: {documentation_contact: "our legal team"}
    """
    contact = context.md.provider.documentation_contact
    if isinstance(contact, str) and not (_is_url(contact) or "@" in contact):
        yield Finding(
            MD,
            ("provider", "documentation_contact"),
            f"The documentation contact {contact[:60]!r} is neither a link nor an e-mail address",
            hint="Give an https:// link or an e-mail address.",
        )


@rule(
    "MD021",
    "fine-exposure",
    severity=Severity.INFO,
    reference="AI Act Art 101(1)",
    catalogue=("AIA.101.1", "VR-27"),
    needs=NEEDS,
)
def fine_exposure(context: RuleContext) -> Iterator[Finding]:
    """States the maximum fine for the provider's turnover (informational).

    Why: the Commission can fine a GPAI provider up to 3 % of its worldwide annual turnover
    or EUR 15 million, whichever is higher (VR-27); its enforcement powers are in force
    since 2 August 2026 (UPD.enforcement). Shown when the turnover is recorded.

    Passes:
        provider: {}   # no turnover recorded, nothing to state

    Fails:
        provider: {worldwide_turnover_eur: "2.0*10^9"}
    """
    exposure = det.fine_exposure(context.md, context.pack)
    if exposure is not None:
        yield Finding(
            MD,
            ("provider", "worldwide_turnover_eur"),
            f"Maximum fine for a GPAI provider with this turnover: {det.euros(exposure)} (up "
            f"to {float(context.pack.exact('fine_turnover_share') * 100):g} % of turnover or "
            f"{det.euros(context.pack.exact('fine_minimum_eur'))}, whichever is higher)",
        )
