"""Model documentation rules on the Form's Model properties: the total model size (parameter
count) and the parameter range shown to downstream providers."""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.numbers import Quantity
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.model_documentation._form_values import MD, NEEDS, precise


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
    if isinstance(size, Quantity) and not precise(size, context):
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
