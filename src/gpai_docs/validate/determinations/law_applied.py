"""What a report says about the law it applied: the Act as amended, enforcement, readings.

The last determinations of every report: the Commission's enforcement powers, and "Law
applied", which cites Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744
and the Commission's documents by their current identifiers, and says when the oldest of
the rule-pack facts behind the report was verified. Where the SME count of summary
section 2.3 applies, a determination says that it is a reading marked unconfirmed.
"""

from __future__ import annotations

from gpai_docs.law.rulepack import RulePack
from gpai_docs.models import ModelDocumentation, TrainingDataSummary
from gpai_docs.models.choices import YesNo
from gpai_docs.validate.determinations.wording import Determination, euros, number_text


def sme_top_domains(
    md: ModelDocumentation, tds: TrainingDataSummary, pack: RulePack
) -> Determination | None:
    """Whenever the SME count of summary section 2.3 applies, the report says it is a reading.

    Basis: summary template, section 2.3 (TDS.2.3.top_domains, TDS.rule.sme)."""
    crawled = tds.section_2.crawled_data
    if not (md.provider.sme is True and isinstance(crawled.used, YesNo) and crawled.used.yes):
        return None
    fact = pack.facts["sme_top_domains"]
    share = number_text(pack.exact("top_domains_share_sme") * 100)
    return Determination(
        "top_domains_sme",
        "Top domains listed by an SME",
        f"Top {share} % or {pack['top_domains_cap_sme']:,} domains, whichever is lower",
        f"The provider is an SME, so section 2.3 lists the top {share} % of crawled domain "
        f"names or {pack['top_domains_cap_sme']:,} domains, whichever is lower. That is a "
        f"reading marked unconfirmed {fact.source.tag} ({fact.source.update_id}): {fact.text}. "
        f"{fact.note}",
        f"Summary template {pack.cite('summary_template')}, section 2.3 (TDS.2.3.top_domains, "
        "TDS.rule.sme)",
        None,
        ("top_domains_share_sme", "top_domains_cap_sme", "sme_top_domains"),
    )


def enforcement(pack: RulePack) -> Determination:
    """The Commission's enforcement powers. Basis: AI Act Art 91 to 93, Art 101, Art 113."""
    fact = pack.facts["enforcement"]
    share = number_text(pack.exact("fine_turnover_share") * 100)
    return Determination(
        "enforcement",
        "Commission enforcement",
        f"In force since {fact.date}",
        f"The Commission's enforcement powers apply: {fact.text} of up to {share} % of "
        f"worldwide annual turnover or {euros(pack.exact('fine_minimum_eur'))}, whichever is "
        "higher.",
        f"AI Act Art 91 to 93, Art 101, Art 113 ({fact.source.update_id})",
        None,
        ("enforcement", "fines_apply", "fine_turnover_share", "fine_minimum_eur"),
    )


def law_applied(found: list[Determination], pack: RulePack) -> Determination:
    """The law and documents cited, and when the oldest fact behind the report was verified.

    Basis: Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744."""
    law, template, guidelines = (
        pack.facts[k] for k in ("legal_basis", "summary_template", "guidelines")
    )
    keys = ("legal_basis", "summary_template", "guidelines", *(k for d in found for k in d.facts))
    oldest = pack.oldest_verified(keys)
    superseded = "".join(f", superseding {s.identifier}" for s in template.superseded)
    return Determination(
        "law_applied",
        "Law applied",
        law.text,
        f"{law.note} Summary template {template.text} of {template.date}{superseded}; GPAI "
        f"guidelines {guidelines.text} of {guidelines.date}. Rule pack {pack.version} (as of "
        f"{pack.as_of}): the oldest of the {len(set(keys))} facts behind this report was "
        f"verified on {oldest[1].verified_on} ({oldest[0]}).",
        f"Regulation (EU) 2026/1744 ({law.source.update_id}); {template.source.update_id}; "
        f"{guidelines.source.update_id}",
        None,
        tuple(dict.fromkeys(keys)),
    )
