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

_CONDITIONS = ("free_open_source_license", "weights_public", "architecture_public",
               "usage_information_public")  # fmt: skip


def open_source_exemption(md: ModelDocumentation, pack: RulePack) -> bool:
    """Whether every condition holds; an unanswered condition never counts as met."""
    licence = md.distribution.license_category
    conditions = md.open_source
    return (
        isinstance(licence, str)
        and licence in pack.open_source_license_categories
        and conditions is not None
        and all(getattr(conditions, name) is True for name in _CONDITIONS)
        and conditions.monetised is False
        and not systemic_risk_presumed(md, pack)
    )


def exemption_missing(md: ModelDocumentation, pack: RulePack) -> str | None:
    """What is still missing before the exemption can be decided, or None when it can be."""
    licence = md.distribution.license_category
    if not isinstance(licence, str):
        return "the licence category (`distribution.license_category`)"
    conditions = md.open_source
    if licence not in pack.open_source_license_categories or conditions is None:
        return None
    unanswered = [
        name
        for name in (*_CONDITIONS, "monetised")
        if not isinstance(getattr(conditions, name), bool)
    ]
    return ", ".join(f"`open_source.{name}`" for name in unanswered) or None


def authorised_representative_needed(md: ModelDocumentation, pack: RulePack) -> bool:
    """Needed only when the provider is stated to be outside the Union (never by default)."""
    return md.provider.established_in_union is False and not open_source_exemption(md, pack)


def exemption(md: ModelDocumentation, pack: RulePack) -> Determination:
    """Whether the open-source exemption applies. Basis: AI Act Art 53(2), Art 54(6);
    recitals 103 and 104."""
    exempt = open_source_exemption(md, pack)
    missing = None if exempt else exemption_missing(md, pack)
    return Determination(
        "open_source_exemption",
        "Open-source exemption",
        "Applies" if exempt else "Unknown" if missing else "Does not apply",
        "The model documentation (Annex XI), the downstream information (Annex XII) and the "
        "authorised representative are not required; the copyright policy and the public "
        "summary of training content still are."
        if exempt
        else f"It cannot be decided yet: {missing} is still to be provided."
        if missing
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
    known = isinstance(md.provider.established_in_union, bool) or open_source_exemption(md, pack)
    return Determination(
        "authorised_representative",
        "Authorised representative",
        "Needed" if needed else "Not needed" if known else "Unknown",
        (
            "The provider is established outside the Union: appoint a representative by "
            "written mandate before placing the model on the Union market"
            + (f" ({placed})." if placed else ".")
            if needed
            else "The provider is established in the Union or the open-source exemption applies."
            if known
            else "Whether the provider is established in the Union "
            "(`provider.established_in_union`) is still to be provided."
        ),
        "AI Act Art 54(1), Art 54(6)",
        placed if needed else None,
        ("license_categories", "systemic_risk_flop"),
    )
