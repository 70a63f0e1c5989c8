"""The determinations in the order the report states them.

The model's first (scope, systemic risk, the open-source exemption, the modifier, the
representative, the dates and the fine), then the summary's update and the SME reading,
and last the Commission's enforcement and the law applied, which cites the facts of all
the others. Reports, golden files and exports depend on this order.
"""

from __future__ import annotations

from gpai_docs.law.rulepack import RulePack
from gpai_docs.models import ModelDocumentation, TrainingDataSummary
from gpai_docs.validate.determinations.deadlines import (
    documentation_deadline,
    retention,
    summary_update,
)
from gpai_docs.validate.determinations.exemptions_and_representative import (
    exemption,
    open_source_exemption,
    representative,
)
from gpai_docs.validate.determinations.fines import maximum_fine
from gpai_docs.validate.determinations.law_applied import enforcement, law_applied, sme_top_domains
from gpai_docs.validate.determinations.modification import modifier
from gpai_docs.validate.determinations.scope_and_systemic_risk import scope, systemic_risk
from gpai_docs.validate.determinations.unknown import MD, TS, unknown_without
from gpai_docs.validate.determinations.wording import Determination


def determine(
    md: ModelDocumentation | None,
    tds: TrainingDataSummary | None,
    pack: RulePack,
    absent: frozenset[str] = frozenset(),
) -> list[Determination]:
    """Every determination the data supports; a document that did not validate gives
    fewer, one that a partial project does not hold (``absent``) gives "Unknown"."""
    out: list[Determination] = []
    if md is not None:
        out.extend(_model_determinations(md, pack))
    elif MD in absent:
        out.extend(unknown_without(MD))
    if tds is not None:
        out.append(summary_update(tds, pack))
    elif TS in absent:
        out.extend(unknown_without(TS))
    if md is not None and tds is not None:
        sme = sme_top_domains(md, tds, pack)
        if sme is not None:
            out.append(sme)
    if out:
        out += [enforcement(pack), law_applied(out, pack)]
    return out


def _model_determinations(md: ModelDocumentation, pack: RulePack) -> list[Determination]:
    """What the model documentation supports; a missing answer leaves out what rests on it."""
    stated = [
        scope(md, pack),
        systemic_risk(md, pack),
        exemption(md, pack),
        modifier(md, pack),
        representative(md, pack),
        documentation_deadline(md, pack, open_source_exemption(md, pack)),
        retention(md, pack),
        maximum_fine(md, pack),
    ]
    return [d for d in stated if d is not None]
