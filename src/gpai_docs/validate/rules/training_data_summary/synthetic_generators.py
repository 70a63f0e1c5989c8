"""Summary rules on the models named as generators of synthetic data (2.5): names, not
sentences; a model on the market in the market-models row; never the model itself."""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import JsonPath, Severity
from gpai_docs.models.training_data_summary import Dependency, MarketModel, TrainingDataSummary
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.training_data_summary._answers import NEEDS, TS
from gpai_docs.validate.rules.training_data_summary.names import (
    brief,
    mentions,
    not_a_model_name,
)

_SYNTHETIC: JsonPath = ("section_2", "synthetic_data")


def _market_models(tds: TrainingDataSummary) -> list[tuple[int, MarketModel]]:
    models = tds.section_2.synthetic_data.market_models or []
    return [(i, m) for i, m in enumerate(models) if isinstance(m, MarketModel)]


def _dependencies(tds: TrainingDataSummary) -> list[str]:
    found = tds.section_1.model_dependencies
    if not isinstance(found, list):
        return []
    return [d.name for d in found if isinstance(d, Dependency)]


@rule(
    "TS023",
    "market-models-named",
    severity=Severity.WARNING,
    reference="Template for the summary of training content, section 2.5",
    catalogue=("TDS.2.5.market_models",),
    needs=NEEDS,
)
def market_models_named(context: RuleContext) -> Iterator[Finding]:
    """Each market model that generated synthetic data is given by its name, not in a sentence.

    Why: section 2.5 asks for the general-purpose AI models on the market used to generate
    synthetic data, with links to their summaries (TDS.2.5.market_models). Published
    summaries have named them only inside prose ("We used several leading commercial
    models to ..."), or pointed to a page: the reader cannot look the models up. Give one
    entry per model, its versioned name in `name:` and the description in `comments`.

    Passes:
        section_2: {synthetic_data: {used: Yes, modalities: [Text], market_models: [{name: Atlas-70B-Instruct, summary_url: "https://northwind-ai.example/atlas-70b/summary"}]}}

    Fails:
        section_2: {synthetic_data: {used: Yes, modalities: [Text], market_models: [{name: We used several leading commercial models to rewrite web text.}]}}
    """
    for index, model in _market_models(context.tds):
        if not_a_model_name(model.name):
            yield Finding(
                TS,
                (*_SYNTHETIC, "market_models", index, "name"),
                f"{brief(model.name)!r} is a sentence or a pointer, not the name of a model",
                hint="Give each model's versioned name in its own entry; describe the use "
                "in `comments`.",
            )


@rule(
    "TS024",
    "market-model-in-market-row",
    severity=Severity.WARNING,
    reference="Template for the summary of training content, sections 1.2 and 2.5",
    catalogue=("TDS.2.5.market_models", "TDS.2.5.other_models", "TDS.1.2.model_dependencies"),
    needs=NEEDS,
)
def market_model_in_market_row(context: RuleContext) -> Iterator[Finding]:
    """A model known to be on the market is listed as a market model, not among other models.

    Why: section 2.5 separates the models on the market (listed, with links to their
    summaries) from other models, such as the provider's own unreleased ones
    (TDS.2.5.other_models). A model named in section 1.2's model dependencies is, by the
    template's definition, a general-purpose AI model already on the Union market: named
    only in the text on other models, it escapes the link to its summary the template asks
    for. The test uses the summary's own data only: a name of a model dependency found in
    that text, its words in order (`Atlas-70B` is not found in `Atlas-70B-2`).

    Passes:
        section_1: {model_dependencies: [{name: Atlas-70B, version: atlas-70b-2025-11, summary_url: "https://northwind-ai.example/atlas-70b/summary"}]}
        section_2: {synthetic_data: {used: Yes, modalities: [Text], market_models: [{name: Atlas-70B, summary_url: "https://northwind-ai.example/atlas-70b/summary"}]}}

    Fails:
        section_1: {model_dependencies: [{name: Atlas-70B, version: atlas-70b-2025-11, summary_url: "https://northwind-ai.example/atlas-70b/summary"}]}
        section_2: {synthetic_data: {used: Yes, modalities: [Text], other_models: Atlas-70B rewrote the contracts.}}
    """
    tds = context.tds
    text = tds.section_2.synthetic_data.other_models
    if text is None:
        return
    listed = [m.name for _, m in _market_models(tds)]
    for name in _dependencies(tds):
        if mentions(text, name) and not any(mentions(m, name) for m in listed):
            yield Finding(
                TS,
                (*_SYNTHETIC, "other_models"),
                f"{name!r} is a model dependency (1.2), so it is on the market, but it is "
                "named only among the other models",
                hint=f"List {name!r} under `market_models:` with `summary_url:`.",
            )


@rule(
    "TS025",
    "synthetic-data-not-self-generated",
    severity=Severity.WARNING,
    reference="Template for the summary of training content, sections 1.2 and 2.5",
    catalogue=("TDS.2.5.market_models", "TDS.2.5.other_models", "TDS.1.2.versioned_model_names"),
    needs=NEEDS,
)
def synthetic_data_not_self_generated(context: RuleContext) -> Iterator[Finding]:
    """The model the summary covers is not given as the generator of its own synthetic data.

    Why: a model cannot have generated the data it was trained on; published summaries have
    named the model itself in 2.5 where an earlier checkpoint, an unreleased version or
    another model was meant. Name that model (an unreleased one among the other models,
    described as such). Compared with section 1.2's versioned model names, their words in
    order: `Kaamos-7B` (a checkpoint) is not `Kaamos-7B-v1.0`.

    Passes:
        section_1: {versioned_model_names: [Kaamos-7B-v1.0]}
        section_2: {synthetic_data: {used: Yes, modalities: [Text], other_models: An unreleased checkpoint of Kaamos-7B translated instructions.}}

    Fails:
        section_1: {versioned_model_names: [Kaamos-7B-v1.0]}
        section_2: {synthetic_data: {used: Yes, modalities: [Text], other_models: Kaamos-7B-v1.0 translated instructions.}}
    """
    tds = context.tds
    names = tds.section_1.versioned_model_names
    for index, model in _market_models(tds):
        own = next((n for n in names if mentions(model.name, n)), None)
        if own is not None:
            yield Finding(
                TS,
                (*_SYNTHETIC, "market_models", index, "name"),
                f"{own!r} is the model this summary covers, given as a generator of its "
                "own synthetic data",
                hint="Name the model that generated the data (an earlier or other model).",
            )
    text = tds.section_2.synthetic_data.other_models
    own = next((n for n in names if text is not None and mentions(text, n)), None)
    if own is not None:
        yield Finding(
            TS,
            (*_SYNTHETIC, "other_models"),
            f"{own!r} is the model this summary covers, named as a generator of its own "
            "synthetic data",
            hint="Name the model that generated the data, such as an earlier checkpoint, and "
            "say it is not on the market.",
        )
