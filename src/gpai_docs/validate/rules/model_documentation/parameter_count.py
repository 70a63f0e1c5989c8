"""Model documentation rules on the Form's Model properties: the total model size (parameter
count) and the parameter range shown to downstream providers.

A document for several models (`total_model_size_variants:`, `parameter_range_variants:`)
has each model's count checked in its place,
and the boundaries of the ranges apply to each model's own count (each is a model, AI Act
Art 3(63)).
"""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.numbers import Quantity
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.model_documentation._form_values import MD, NEEDS, precise
from gpai_docs.validate.rules.model_documentation._variants import model_names, models


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
    for model in models(context.md):
        size = model.get("total_model_size")
        if isinstance(size, Quantity) and not precise(size, context):
            yield Finding(
                MD,
                model.place("total_model_size"),
                model.about(
                    f"The total model size {size} has {size.significant_figures} significant "
                    "figure(s); the Form asks for at least "
                    f"{context.pack['min_significant_figures']}"
                ),
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
    for model in models(context.md):
        size, chosen = model.get("total_model_size"), model.get("parameter_range")
        if not (isinstance(size, Quantity) and isinstance(chosen, str)):
            continue
        bucket = context.pack.parameter_ranges.bucket_for(size.value)
        if bucket is not None and bucket.label != chosen:
            yield Finding(
                MD,
                model.place("parameter_range"),
                model.about(
                    f"The range {chosen!r} does not contain the total model size {size}; "
                    f"that is {bucket.label!r}"
                ),
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
    tolerance = float(context.pack["boundary_tolerance"])
    for model in models(context.md):
        size = model.get("total_model_size")
        if not isinstance(size, Quantity):
            continue
        for bucket in context.pack.parameter_ranges.buckets[1:]:
            if abs(size.value - bucket.low) <= tolerance * bucket.low:
                yield Finding(
                    MD,
                    model.place("total_model_size"),
                    model.about(
                        f"The total model size {size} is on the boundary {bucket.low:.3g}; "
                        "the Form does not say which range it belongs to"
                    ),
                    hint="Confirm the parameter range with the AI Office if in doubt.",
                )


@rule(
    "MD030",
    "model-size-given",
    severity=Severity.ERROR,
    reference="AI Act Annex XI 1.1(d), Annex XII 1(f); Model Documentation Form, Model "
    "properties: Total model size",
    catalogue=("MDF.properties.total_model_size", "AIA.AXI.1.1.d", "VR-04"),
    needs=NEEDS,
)
def model_size_given(context: RuleContext) -> Iterator[Finding]:
    """The total model size is given: for the model, or for each of the models documented.

    Why: Annex XI 1.1(d) and Annex XII 1(f) ask for the number of parameters, and the Form
    for the total model size with its range (VR-04). The sizes written only as text
    (`size_as_written:`) are kept and shown, but are no figure the rules can check. A
    document for several models gives each model's count under
    `total_model_size_variants:`; a model named in another per-model list without its count
    has none, unless `total_model_size:` gives one for all.

    Passes:
        properties: {total_model_size: "7.3*10^10"}

    Fails:
        properties: {total_model_size: null, parameter_range: null}
    """
    props = context.md.properties
    if props.total_model_size is not None:
        return
    names = model_names(context.md)
    if not names:
        yield Finding(
            MD,
            ("properties",),
            "The total model size is not given"
            + (" as a figure, only as text" if props.size_as_written else ""),
            hint="Add `total_model_size:` (the parameter count, e.g. 7.3*10^10) and "
            "`parameter_range:`; for several models in one document, give each model's under "
            "`total_model_size_variants:` ({model: vela-70b, value: 7.0*10^10}).",
        )
        return
    sized = {entry.model for entry in props.total_model_size_variants}
    for name in names:
        if name not in sized:
            yield Finding(
                MD,
                ("properties", "total_model_size_variants"),
                f"{name}: the total model size is not given",
                hint=f"Add {{model: {name}, value: <parameter count>}} to "
                "`total_model_size_variants:`, or one count for all models as "
                "`total_model_size:`.",
            )
