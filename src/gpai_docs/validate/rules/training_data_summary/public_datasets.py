"""Summary rules on section 2.1, publicly available datasets: each large dataset identified
and every dataset above the large-dataset share listed."""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import JsonPath, Severity
from gpai_docs.models.training_data_summary import LargeDataset
from gpai_docs.models.written_months import structured_month
from gpai_docs.validate.rules._name_matching import fold
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.training_data_summary._answers import NEEDS, TS


@rule(
    "TS011",
    "large-dataset-identified",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 2.1",
    catalogue=("TDS.2.1.large_datasets", "VR-22"),
    needs=NEEDS,
)
def large_dataset_identified(context: RuleContext) -> Iterator[Finding]:
    """Each large public dataset has a link, or a description with its collection period.

    Why: the template identifies each large dataset by name and link; where there is no
    link, by a description including the start and end of collection (VR-22). A dataset
    listed without either has been seen in filings.

    Passes:
        section_2: {public_datasets: {large_datasets: [{name: OldCorpus, description: Forum posts, collection_start: 01/2019, collection_end: 12/2020}]}}

    Fails:
        section_2: {public_datasets: {large_datasets: [{name: OldCorpus, description: Forum posts}]}}
    """
    datasets = context.tds.section_2.public_datasets.large_datasets or []
    for index, item in enumerate(datasets):
        path: JsonPath = ("section_2", "public_datasets", "large_datasets", index)
        if not isinstance(item, LargeDataset) or item.link is not None:
            continue
        if item.description is None or item.collection_start is None or item.collection_end is None:
            yield Finding(
                TS,
                path,
                f"The dataset {item.name!r} has no link and no description with the start "
                "and end of its collection",
                hint="Add `link:`, or `description:`, `collection_start:` and "
                "`collection_end:` (MM/YYYY).",
            )
        elif _starts_after_end(item):
            yield Finding(
                TS,
                (*path, "collection_start"),
                f"The collection of {item.name!r} starts ({item.collection_start}) after it "
                f"ends ({item.collection_end})",
                hint="Swap or correct the months.",
            )


@rule(
    "TS012",
    "large-datasets-listed",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 2.1",
    catalogue=("TDS.2.1.large_datasets", "VR-22"),
    needs=NEEDS,
)
def large_datasets_listed(context: RuleContext) -> Iterator[Finding]:
    """Every public dataset above the large-dataset share is in the list of large datasets.

    Why: a public dataset making up more than 3 % of the public data used for its modality
    is "large" and must be listed (VR-22). The internal `dataset_shares` inventory holds the
    shares; the threshold comes from the rule pack (`large_dataset_share`).

    Passes:
        section_2: {public_datasets: {dataset_shares: [{name: FineWeb (2024-10 release), modality: Text, share: 0.9}, {name: Tiny, modality: Text, share: 0.01}]}}

    Fails:
        section_2: {public_datasets: {dataset_shares: [{name: Dutch Books, modality: Text, share: 0.08}]}}
    """
    public = context.tds.section_2.public_datasets
    threshold = float(context.pack["large_dataset_share"])
    listed = {fold(d.name) for d in public.large_datasets or []}
    for index, share in enumerate(public.dataset_shares):
        if share.share > threshold and fold(share.name) not in listed:
            yield Finding(
                TS,
                ("section_2", "public_datasets", "dataset_shares", index),
                f"{share.name!r} is {share.share:.1%} of the public {share.modality.lower()} "
                f"data, above {threshold:.0%}, but is not in the list of large datasets",
                hint="Add it to `large_datasets` under the same name.",
            )


def _starts_after_end(item: LargeDataset) -> bool:
    """Compared on the structured months only: a period in words is DT002's, not this rule's."""
    start, end = structured_month(item.collection_start), structured_month(item.collection_end)
    return start is not None and end is not None and start > end
