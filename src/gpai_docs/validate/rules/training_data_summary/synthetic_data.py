"""Summary rules on section 2.5, synthetic data: the models that generated it, named and
linked to their own summaries."""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.training_data_summary import MarketModel
from gpai_docs.validate.rules._links import is_link
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.training_data_summary._answers import NEEDS, TS, answered_yes


@rule(
    "TS013",
    "synthetic-data-generator-named",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 2.5",
    catalogue=("TDS.2.5.market_models", "TDS.2.5.other_models", "VR-20", "VR-23"),
    needs=NEEDS,
)
def synthetic_data_generator_named(context: RuleContext) -> Iterator[Finding]:
    """Synthetic training data names at least one model that generated it.

    Why: when synthetic data was used, the template asks for the GPAI models on the market
    that generated it, with links to their summaries, or a description of other models,
    including the provider's own (VR-23).

    Passes:
        section_2: {synthetic_data: {used: Yes, modalities: [Text], other_models: Our own unreleased 70B model.}}

    Fails:
        section_2: {synthetic_data: {used: Yes, modalities: [Text]}}
    """
    synthetic = context.tds.section_2.synthetic_data
    if (
        answered_yes(synthetic.used)
        and not synthetic.market_models
        and synthetic.other_models is None
    ):
        yield Finding(
            TS,
            ("section_2", "synthetic_data", "market_models"),
            "Synthetic data was used but no model that generated it is named",
            hint="Add `market_models:` (with `summary_url:`) or `other_models:`.",
        )


@rule(
    "TS014",
    "synthetic-data-model-linked",
    severity=Severity.WARNING,
    reference="Template for the summary of training content, section 2.5",
    catalogue=("TDS.2.5.market_models", "VR-23"),
    needs=NEEDS,
)
def synthetic_data_model_linked(context: RuleContext) -> Iterator[Finding]:
    """A market model that generated synthetic data links to its own training-content summary.

    Why: the template asks for links to the summaries of GPAI models on the market used to
    generate synthetic data (VR-23). A missing link may be justified when that provider has
    not published one yet, so this is a warning.

    Passes:
        section_2: {synthetic_data: {market_models: [{name: Big-1, summary_url: "https://big.example/summary"}]}}

    Fails:
        section_2: {synthetic_data: {market_models: [{name: Big-1}]}}
    """
    models = context.tds.section_2.synthetic_data.market_models or []
    for index, item in enumerate(models):
        if not isinstance(item, MarketModel):
            continue
        url = item.summary_url
        if url is None or not is_link(url):
            yield Finding(
                TS,
                ("section_2", "synthetic_data", "market_models", index),
                f"The generating model {item.name!r} has no link to its summary",
                hint="Add `summary_url:` with an https:// link to that model's public summary.",
            )
