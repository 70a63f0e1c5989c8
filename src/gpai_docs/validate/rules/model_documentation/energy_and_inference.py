"""Model documentation rules on the Form's Energy consumption: training energy and the
inference compute benchmark."""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.answers import FORM_NA, NotApplicable
from gpai_docs.models.model_training import InferenceBenchmark
from gpai_docs.models.numbers import Quantity
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.model_documentation._form_values import MD, NEEDS, precise
from gpai_docs.validate.rules.obligations import required


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
        if not precise(energy.training_mwh, context):
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
    if isinstance(flop, Quantity) and not precise(flop, context):
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
