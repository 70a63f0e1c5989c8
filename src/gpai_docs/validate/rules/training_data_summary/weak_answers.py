"""Summary rules on answers an expert reviewer calls weak: a modification without a link to
its base model's summary (1.2), an open-ended size band alone (1.3), a large dataset
without an https link or a version (2.1), hedged measures (3.1, 3.2)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gpai_docs.diagnostics import JsonPath, Severity
from gpai_docs.law import reviewer_lists
from gpai_docs.law.rulepack import BucketSet
from gpai_docs.models.training_data_summary import Dependency, LargeDataset
from gpai_docs.models.written_sizes import WrittenSize, amount_in, band_ticked
from gpai_docs.validate.rules._links import is_link
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.training_data_summary._answers import NEEDS, TS


@rule(
    "TS032",
    "base-model-summary-linked",
    severity=Severity.WARNING,
    reference="Template for the summary of training content, section 1.2",
    catalogue=("TDS.1.2.model_dependencies", "TDS.rule.modifier_scope"),
    needs=NEEDS,
)
def base_model_summary_linked(context: RuleContext) -> Iterator[Finding]:
    """A modified model links the public summary of each base model it depends on.

    Why: a modification or fine-tune of a model on the Union market names that model and
    version, with a link to its summary (TDS.1.2.model_dependencies); the modifier's
    summary covers only the modification and refers to the original through this link
    (TDS.rule.modifier_scope). Without it, the reader cannot find the rest of the training
    content. A warning: the base model's provider may not have published a summary yet
    (legacy models until 2 August 2027); say so in `comments`.

    Passes:
        section_1: {model_dependencies: [{name: Atlas-70B, version: atlas-70b-2025-11, summary_url: "https://northwind-ai.example/atlas-70b/summary"}]}

    Fails:
        section_1: {model_dependencies: [{name: Atlas-70B, version: atlas-70b-2025-11}]}
    """
    found = context.tds.section_1.model_dependencies
    for index, item in enumerate(found if isinstance(found, list) else []):
        if isinstance(item, Dependency) and (
            item.summary_url is None or not is_link(item.summary_url)
        ):
            yield Finding(
                TS,
                ("section_1", "model_dependencies", index),
                f"The base model {item.name!r} has no link to its public summary",
                hint="Add `summary_url:` with the https:// link to that model's summary.",
            )


@rule(
    "TS033",
    "large-dataset-link-and-version",
    severity=Severity.WARNING,
    reference="Template for the summary of training content, section 2.1",
    catalogue=("TDS.2.1.large_datasets",),
    needs=NEEDS,
)
def large_dataset_link_and_version(context: RuleContext) -> Iterator[Finding]:
    """A large public dataset is linked over https and named with its version.

    Why: the template identifies each large dataset exactly, by name or identifier and
    link (TDS.2.1.large_datasets). Datasets change between releases, so "Common Crawl" or
    "FineWeb" without the snapshot or release used does not say which data was trained
    on; a link that is not https (or no link at all) is not one a reader can trust to open.
    The version may be in the name, the link, the description or the filtering note (a
    number, a date, or a word such as `release` or `snapshot`: data/reviewer_lists.yaml),
    in the dataset's own `version:` field ("v1.2.0"; a word that names no version, such as
    "latest", does not count), or be given by the collection period. A dataset without a
    link is TS011's when its description or period is missing.

    Passes:
        section_2: {public_datasets: {large_datasets: [{name: FineWeb-Edu, version: v1.2.0, link: "https://huggingface.co/datasets/HuggingFaceFW/fineweb-edu"}]}}

    Fails:
        section_2: {public_datasets: {large_datasets: [{name: FineWeb, link: "http://huggingface.co/datasets/HuggingFaceFW/fineweb"}]}}
    """
    lists = reviewer_lists.load()
    version_words = lists.dataset_version_words
    datasets = context.tds.section_2.public_datasets.large_datasets or []
    for index, item in enumerate(datasets):
        if not isinstance(item, LargeDataset):
            continue
        path: JsonPath = ("section_2", "public_datasets", "large_datasets", index)
        if item.link is not None and not item.link.startswith("https://"):
            yield Finding(
                TS,
                (*path, "link"),
                f"The link of {item.name!r} is not an https:// address: {item.link[:60]!r}",
                hint="Give the dataset's https:// page (its card or download page).",
            )
        link_path = item.link.split("://", 1)[-1].partition("/")[2] if item.link else ""
        said = " ".join((item.name, item.description or "", item.filtering or "", link_path))
        dated = item.collection_end is not None or item.collection_start is not None
        if item.version is not None and lists.names_a_version(item.version):
            continue
        words = set(reviewer_lists.words(said))
        if not dated and not re.search(r"\d", said) and not words & version_words:
            yield Finding(
                TS,
                (*path, "name"),
                f"The dataset {item.name!r} is named without its version, release or snapshot",
                hint="Add the version used, such as `FineWeb (2024-10 release)` or "
                "`Common Crawl CC-MAIN-2024-10`.",
            )


_HEDGED: tuple[tuple[JsonPath, str], ...] = (
    (("section_3", "rights_reservation", "measures"), "3.1"),
    (("section_3", "illegal_content"), "3.2"),
)


@rule(
    "TS034",
    "measures-not-hedged",
    severity=Severity.WARNING,
    reference="Template for the summary of training content, sections 3.1 and 3.2",
    catalogue=("TDS.3.1.measures", "TDS.3.2.illegal_content"),
    needs=NEEDS,
)
def measures_not_hedged(context: RuleContext) -> Iterator[Finding]:
    """The measures of sections 3.1 and 3.2 say what was done, without hedging.

    Why: 3.1 asks for the measures implemented to respect reservations of rights, and 3.2
    for the measures taken against illegal content (TDS.3.1.measures,
    TDS.3.2.illegal_content). "Filters may include blocklists", "where possible" or "as
    appropriate" leave open whether a measure was taken at all; a reviewer reads them as no
    commitment. Say what was done; name a limit plainly ("pages without robots.txt were
    ..."). The phrases are in data/reviewer_lists.yaml.

    Passes:
        section_3: {illegal_content: Blocklists of known illegal-content domains and a CSAM hash filter.}

    Fails:
        section_3: {illegal_content: Measures may include blocklists and filters where possible.}
    """
    lists = reviewer_lists.load()
    section_3 = context.tds.section_3
    texts = (section_3.rights_reservation.measures, section_3.illegal_content)
    for (path, number), text in zip(_HEDGED, texts, strict=True):
        found = lists.hedges(text) if isinstance(text, str) else ()
        if found:
            quoted = ", ".join(repr(f) for f in found[:3])
            yield Finding(
                TS,
                path,
                f"The measures of {number} are hedged ({quoted})",
                hint="Say which measures were taken; state any limit plainly.",
            )


@rule(
    "TS035",
    "top-size-band-measured",
    severity=Severity.WARNING,
    reference="Template for the summary of training content, section 1.3",
    catalogue=(
        "TDS.1.3.modality.text.size",
        "TDS.1.3.modality.image.size",
        "TDS.1.3.modality.audio.size",
        "TDS.1.3.modality.video.size",
        "TDS.1.3.modality.custom_size",
    ),
    needs=NEEDS,
)
def top_size_band_measured(context: RuleContext) -> Iterator[Finding]:
    """A modality in the open-ended top size band publishes an approximate size beside it.

    Why: the top band of each modality has no upper end ("More than 10 trillion tokens",
    "More than 1 billion images", "More than 1 million hours"; printed or typed as the
    template prints it, "More than 1million hours", or said in words without the tick,
    "More than 12 trillion tokens of web text"): alone it says nothing of how much more. The template lets the provider specify the approximate size in another unit
    (TDS.1.3.modality.custom_size), and reviewers expect a measure whenever the top band
    is ticked. A measure is `custom_size` (value and unit, or a measure in words), or the
    size written beside the band with an amount (`size: {band: …, text: About 14 trillion
    tokens}`); text that only restates the open bound ("Over 10 trillion tokens") is none
    (the bound words are in data/reviewer_lists.yaml). When the provider's own `count` is
    in the summary (kept internal, never published) the size is known: the finding says
    so. The bands come from the rule pack. A warning: the template does not require the
    approximate size.

    Passes:
        section_1: {modalities: {text: {size: More than 10 trillion tokens, custom_size: {value: 48, unit: terabytes of text}, content_types: Web text}}}

    Fails:
        section_1: {modalities: {text: {size: More than 10 trillion tokens, content_types: Web text}}}
    """
    modalities = context.tds.section_1.modalities
    for key, bands in context.pack.size_bands.items():
        entry = getattr(modalities, key, None)
        size = getattr(entry, "size", None)
        ticked = band_ticked(size) or _top_band_in_words(size, key, bands)
        band = bands.by_label(ticked) if ticked is not None else None
        if band is None or band.high is not None or _measured(entry, size):
            continue
        if getattr(entry, "count", None) is not None:
            said, how = (
                "the counted size is not published",
                "(the internal `count` is not published)",
            )
        else:
            said, how = (
                "no approximate size is published beside it",
                "(such as `{value: 48, unit: terabytes of text}`), or write the amount beside the band: `size: {band: …, text: About 14 trillion tokens}`",
            )
        yield Finding(
            TS,
            ("section_1", "modalities", key, "size"),
            f"{band.label!r} has no upper end, and {said}",
            hint=f"Add `custom_size: {{value: …, unit: …}}` with the approximate size {how}.",
        )


def _top_band_in_words(size: object, modality: str, bands: BucketSet) -> str | None:
    """The top band a size written without a tick states in words ("More than 12 trillion
    tokens of web text"): an open bound at or above the top band's lower end."""
    if not isinstance(size, WrittenSize):
        return None
    end = reviewer_lists.load().open_bound_end(size.text)
    if end is None:
        return None
    said = size.text[end:].split()
    amount = next(
        (a for n in (3, 2) if (a := amount_in(" ".join(said[:n]), modality)) is not None), None
    )
    top = next((b for b in bands.buckets if b.high is None), None)
    return top.label if top is not None and amount is not None and amount >= top.low else None


def _measured(entry: object, size: object) -> bool:
    """Whether a measure stands beside the band: a custom size, or an amount written."""
    if getattr(entry, "custom_size", None) is not None:
        return True
    if not isinstance(size, WrittenSize) or not re.search(r"\d", size.text):
        return False
    return not reviewer_lists.load().gives_open_bound(size.text)
