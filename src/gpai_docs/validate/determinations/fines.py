"""The highest fine a GPAI provider risks (Art 101(1)), stated for information only."""

from __future__ import annotations

from fractions import Fraction

from gpai_docs.law.rulepack import RulePack
from gpai_docs.models import ModelDocumentation
from gpai_docs.validate.determinations.wording import Determination, euros, number_text


def fine_exposure(md: ModelDocumentation, pack: RulePack) -> Fraction | None:
    """The highest fine (Art 101(1)): the turnover share or the euro amount, whichever is higher."""
    turnover = md.provider.worldwide_turnover_eur
    if turnover is None:
        return None
    return max(pack.exact("fine_turnover_share") * turnover.exact, pack.exact("fine_minimum_eur"))


def maximum_fine(md: ModelDocumentation, pack: RulePack) -> Determination | None:
    """The maximum fine for the provider's turnover. Basis: AI Act Art 101(1)."""
    exposure = fine_exposure(md, pack)
    turnover = md.provider.worldwide_turnover_eur
    if exposure is None or turnover is None:
        return None
    share = pack.exact("fine_turnover_share")
    return Determination(
        "fine_exposure",
        "Maximum fine (informational)",
        euros(exposure),
        f"Up to {number_text(share * 100)} % of worldwide annual turnover "
        f"({euros(share * turnover.exact)}) or {euros(pack.exact('fine_minimum_eur'))}, "
        "whichever is higher; the Commission can fine since "
        f"{pack.date('fines_apply')}.",
        "AI Act Art 101(1)",
        None,
        ("fine_turnover_share", "fine_minimum_eur", "fines_apply"),
    )
