"""Model documentation rules on the open-source exemption (AI Act Art 53(2)) and on the
authorised representative of a provider outside the Union (Art 54), which the exemption
spares."""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.dates import known
from gpai_docs.validate.determinations.deadlines import union_placement
from gpai_docs.validate.determinations.exemptions_and_representative import (
    authorised_representative_needed,
)
from gpai_docs.validate.determinations.scope_and_systemic_risk import systemic_risk_presumed
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.model_documentation._form_values import MD, NEEDS


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
    elif systemic_risk_presumed(md, pack):
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
    if not authorised_representative_needed(md, context.pack):
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
    placed = union_placement(md)
    mandate = known(rep.mandate_date)  # unknown while day and month could swap (DT001)
    if mandate is not None and placed is not None and mandate > placed:
        yield Finding(
            MD,
            ("provider", "authorised_representative", "mandate_date"),
            f"The mandate ({rep.mandate_date}) was given after placement on the "
            f"Union market ({placed})",
            hint="The representative must be appointed before placement.",
        )
