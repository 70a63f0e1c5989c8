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
from gpai_docs.models.summary_parties import first_line
from gpai_docs.models.written_sizes import WrittenMeasure, WrittenSize, band_read_from
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.training_data_summary._answers import NEEDS, TS

_BANDED = ("text", "image", "audio", "video")


@rule(
    "TS060",
    "continuous-training-not-stated",
    severity=Severity.INFO,
    reference="Explanatory Notice to the summary template (update cadence); template section 1.3",
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


def _sizes(context: RuleContext) -> Iterator[tuple[str, WrittenSize]]:
    modalities = context.tds.section_1.modalities
    for name in _BANDED:
        item = getattr(modalities, name)
        size = getattr(item, "size", None)
        if isinstance(size, WrittenSize):
            yield name, size


@rule(
    "TS061",
    "size-band-not-ticked",
    severity=Severity.WARNING,
    reference="Template for the summary of training content, section 1.3 (size bands)",
    catalogue=(
        "TDS.1.3.modality.text.size",
        "TDS.1.3.modality.image.size",
        "TDS.1.3.modality.audio.size",
        "TDS.1.3.modality.video.size",
    ),
    needs=NEEDS,
)
def size_band_not_ticked(context: RuleContext) -> Iterator[Finding]:
    """A size written in words ticks none of the template's bands: it is kept, and flagged.

    Why: the template asks each modality's training data size as one of three bands, so
    that readers can compare models; "Up to 19.2 billion tokens" is published as written,
    but the band is the answer the template asks for. When the text states an amount
    alone ("479 million images"), the finding names the band it falls in; the row stays
    unticked until the provider writes the band, because a tick is the provider's answer.

    Passes:
        section_1: {modalities: {image: {size: {band: 1 million to 1 billion images, text: 479 million images}, content_types: Photographs}}}

    Fails:
        section_1: {modalities: {image: {size: 479 million images, content_types: Photographs}}}
    """
    for name, size in _sizes(context):
        if size.band is not None:
            continue
        labels = context.pack.size_bands[name].labels
        read = band_read_from(size, name)
        said = f"its amount falls in {read!r}" if read else "it names no amount of one band"
        yield Finding(
            TS,
            ("section_1", "modalities", name, "size"),
            f"The {name} size {size.text[:80]!r} ticks none of the template's bands "
            f"({'; '.join(labels)}): {said}. The text is published as written",
            hint=f"Keep the text and add the band: `{{band: {read or labels[0]}, text: …}}`.",
        )


@rule(
    "TS062",
    "size-measure-as-written",
    severity=Severity.INFO,
    reference="Template for the summary of training content, section 1.3 (alternative "
    "measurement unit)",
    catalogue=("TDS.1.3.modality.custom_size",),
    needs=NEEDS,
)
def size_measure_as_written(context: RuleContext) -> Iterator[Finding]:
    """An alternative size measure written as a sentence is kept as written, and noted.

    Why: the template lets the size be given "in a different measurement unit"; a
    measure in the provider's words ("11 trillion tokens as tokenized by tokenizer X")
    is published as written, but no rule can compare it with the band or the count. The
    structured form `{value:, unit:}` can be added beside it in `size:`'s text.

    Passes:
        section_1: {modalities: {text: {size: More than 10 trillion tokens, custom_size: {value: "1.1*10^13", unit: tokens}, content_types: Web text}}}

    Fails:
        section_1: {modalities: {text: {size: More than 10 trillion tokens, custom_size: 11 trillion tokens as tokenized by tokenizer X, content_types: Web text}}}
    """
    modalities = context.tds.section_1.modalities
    for name in _BANDED:
        custom = getattr(getattr(modalities, name), "custom_size", None)
        if isinstance(custom, WrittenMeasure):
            yield Finding(
                TS,
                ("section_1", "modalities", name, "custom_size"),
                f"The {name} size in another measure is kept as written ({custom.text[:80]!r}); "
                "the template asks for an approximate size and its unit, which rules can "
                "check against the band",
                hint="To have it checked, write `custom_size: {value: …, unit: …}` and keep "
                "the wording in `size: {band: …, text: …}`.",
            )


@rule(
    "TS063",
    "dataset-named-by-link",
    severity=Severity.INFO,
    reference="Template for the summary of training content, section 2.1",
    catalogue=("TDS.2.1.large_datasets",),
    needs=NEEDS,
)
def dataset_named_by_link(context: RuleContext) -> Iterator[Finding]:
    """A large dataset given only by its address is listed under its address, and noted.

    Why: the template asks for the name or identifier of each large public dataset, with
    a link. A list that gives only the address keeps it: the address is published once,
    as the dataset's name. A reader scanning the list finds a dataset faster by its name,
    and rules that match names across the summary (the 3 % inventory, the model
    documentation) can only match the address.

    Passes:
        section_2: {public_datasets: {large_datasets: [{name: FineWeb-2, version: v2.0.1, link: "https://huggingface.co/datasets/HuggingFaceFW/fineweb-2"}]}}

    Fails:
        section_2: {public_datasets: {large_datasets: [{link: "https://huggingface.co/datasets/HuggingFaceFW/fineweb-2"}]}}
    """
    datasets = context.tds.section_2.public_datasets.large_datasets or []
    for index, item in enumerate(datasets):
        if item.link is not None and item.name == item.link:
            yield Finding(
                TS,
                ("section_2", "public_datasets", "large_datasets", index, "name"),
                f"The dataset {item.link[:80]!r} is given by its address only; the address "
                "is published as its name",
                hint="Add `name:` (and `version:`) if the dataset has one.",
            )


@rule(
    "TS064",
    "party-written-as-block",
    severity=Severity.INFO,
    reference="Template for the summary of training content, section 1.1",
    catalogue=("TDS.1.1.provider", "TDS.1.1.authorised_rep"),
    needs=NEEDS,
)
def party_written_as_block(context: RuleContext) -> Iterator[Finding]:
    """A provider or representative written as one block is kept; its first line is the name.

    Why: section 1.1 asks for the name and the contact details; published summaries write
    them as one block (name, address, e-mail), which gpai-docs keeps and publishes as
    written. Rules that match the provider's name across the documents need the name on
    its own: they read the block's first line unless `name:` is given beside the block.

    Passes:
        section_1: {provider: {name: Lumen AI B.V., contact: ai-act@lumen-ai.example}}

    Fails:
        section_1: {provider: "Lumen AI B.V.\nKeizersgracht 100, Amsterdam\nai-act@lumen-ai.example"}
    """
    section = context.tds.section_1
    for key in ("provider", "authorised_representative"):
        party = getattr(section, key)
        block = getattr(party, "block", None)
        if isinstance(block, str) and party.name == first_line(block):
            yield Finding(
                TS,
                ("section_1", key),
                f"The {key.replace('_', ' ')} is written as one block, published as written; "
                f"rules compare its first line, {party.name!r}, as the name",
                hint="If the name is not the first line, add `name:` beside `block:`.",
            )
