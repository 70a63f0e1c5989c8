"""The open-source exemption (Art 53(2), Art 54(6)) and the authorised representative (Art 54).

The exemption needs every condition at once and never covers a model with systemic risk;
a provider outside the Union needs a representative unless the exemption applies.
"""

from __future__ import annotations

from gpai_docs.law.rulepack import RulePack
from gpai_docs.models import ModelDocumentation
from gpai_docs.validate.determinations.deadlines import union_placement
from gpai_docs.validate.determinations.scope_and_systemic_risk import systemic_risk_presumed
from gpai_docs.validate.determinations.wording import Determination


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


def exemption(md: ModelDocumentation, pack: RulePack) -> Determination:
    """Whether the open-source exemption applies. Basis: AI Act Art 53(2), Art 54(6);
    recitals 103 and 104."""
    exempt = open_source_exemption(md, pack)
    return Determination(
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


def representative(md: ModelDocumentation, pack: RulePack) -> Determination:
    """Whether an authorised representative is needed, and by when. Basis: AI Act Art 54(1),
    Art 54(6)."""
    needed = authorised_representative_needed(md, pack)
    placed = union_placement(md)
    return Determination(
        "authorised_representative",
        "Authorised representative",
        "Needed" if needed else "Not needed",
        (
            "The provider is established outside the Union: appoint a representative by "
            "written mandate before placing the model on the Union market"
            + (f" ({placed})." if placed else ".")
            if needed
            else "The provider is established in the Union or the open-source exemption applies."
        ),
        "AI Act Art 54(1), Art 54(6)",
        placed if needed else None,
        ("license_categories", "systemic_risk_flop"),
    )
