"""Model documentation rules on the Form's Computational resources: training compute in the
NCA and AI Office rows, and the training time. A document for several models
(`training_flop_aio_variants:`, `training_flop_nca_variants:`) has each model's compute
checked in its place."""

from __future__ import annotations

import math
from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.model_training import TrainingTime
from gpai_docs.models.numbers import Quantity
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.model_documentation._form_values import MD, NEEDS, precise
from gpai_docs.validate.rules.model_documentation._variants import ModelFigures, models


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
    for model in models(context.md):
        flop = model.get("training_flop_aio")
        if isinstance(flop, Quantity) and not precise(flop, context):
            yield Finding(
                MD,
                model.place("training_flop_aio"),
                model.about(
                    f"Training compute {flop} has {flop.significant_figures} significant "
                    "figure(s); the AI Office row asks for at least "
                    f"{context.pack['min_significant_figures']}"
                ),
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
    for model in models(context.md):
        yield from _magnitude(model)


def _magnitude(model: ModelFigures) -> Iterator[Finding]:
    nca, aio = model.get("training_flop_nca"), model.get("training_flop_aio")
    if not isinstance(nca, Quantity):
        return
    place = model.place("training_flop_nca")
    power = math.log10(nca.value) if nca.value > 0 else math.nan
    if not math.isclose(power, round(power), abs_tol=1e-9):
        yield Finding(
            MD,
            place,
            model.about(f"The NCA row {nca} is not an order of magnitude"),
            hint="Write a power of ten, such as 10^24.",
        )
    elif isinstance(aio, Quantity) and aio.value > 0 and round(power) != aio.exponent:
        yield Finding(
            MD,
            place,
            model.about(
                f"The NCA row {nca} does not match the AI Office row {aio} "
                f"(order of magnitude 10^{aio.exponent})"
            ),
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
