"""Summary answers kept as the provider wrote them, and what the template expects instead.

Published summaries answer in shapes the template's boxes do not hold: no word on
continuous training (the template has no box for it), a size written as an amount
instead of a band, a dataset named only by its address, the provider written as one
block. Each is loaded and published as written (models/training_data_summary.py,
models/summary_modalities.py); these rules say what the template or the Code expects, and
why. Rules that compute read the structured parts only, and infer nothing from the rest.
"""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.training_data_summary._answers import NEEDS, TS


@rule(
    "TS060",
    "continuous-training-not-stated",
    severity=Severity.INFO,
    reference="Explanatory Notice to the summary template (update cadence); template "
    "section 1.3",
    catalogue=("TDS.1.3.continuous_training", "TDS.rule.update_cadence"),
    needs=NEEDS,
)
def continuous_training_not_stated(context: RuleContext) -> Iterator[Finding]:
    """The summary does not say whether the model keeps being trained: it stays not stated.

    Why: the Explanatory Notice asks for an update of the summary at least every six
    months while the model is trained further, but the template has no box for the
    question, so most summaries never answer it. gpai-docs infers nothing from the
    silence: the update cadence is reported as unknown, not as "not trained further".

    Passes:
        section_1: {continuous_training: No}

    Fails:
        section_1: {continuous_training: null}
    """
    if context.tds.section_1.continuous_training is None:
        yield Finding(
            TS,
            ("section_1", "continuous_training"),
            "The summary does not state whether the model keeps being trained on new data, "
            "so the update cadence (every six months while training continues) is unknown; "
            "nothing is inferred from the silence",
            hint="Add `continuous_training: Yes` or `No` to section 1.3 (it is published "
            "in the row for the latest collection date).",
        )
