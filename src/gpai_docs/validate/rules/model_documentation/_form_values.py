"""What the MD rules share: the document they report on, and how they judge a Form value."""

from __future__ import annotations

from gpai_docs.models.numbers import Quantity
from gpai_docs.validate.rules.context import RuleContext

MD = "model_documentation"
NEEDS = (MD,)


def precise(q: Quantity, context: RuleContext) -> bool:
    """Whether a figure has the significant figures the Form asks for (from the rule pack)."""
    return q.significant_figures >= int(context.pack["min_significant_figures"])
