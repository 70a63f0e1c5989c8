"""Summary rules on dates that contradict each other: the summary's date and the latest
collection month (header, 1.3), the datasets' periods (2.1) and the crawl (2.3).

Only the structured months are compared (`structured_month`, `known`): a month the
provider wrote in words only is DT002's and DT003's, never guessed here.
"""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.law import reviewer_lists
from gpai_docs.models.dates import MonthYear, known
from gpai_docs.models.training_data_summary import LargeDataset, TrainingDataSummary
from gpai_docs.models.written_months import structured_month
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.training_data_summary._answers import NEEDS, TS, answered_yes


def _months_between(earlier: MonthYear, later: MonthYear) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def _latest(tds: TrainingDataSummary) -> MonthYear | None:
    return structured_month(tds.section_1.latest_collection_date)


@rule(
    "TS029",
    "summary-date-after-collection",
    severity=Severity.WARNING,
    reference="Template for the summary of training content, header and section 1.3; "
    "Explanatory Notice (update cadence)",
    catalogue=(
        "TDS.header.last_update",
        "TDS.1.3.latest_collection_date",
        "TDS.rule.update_cadence",
    ),
    needs=NEEDS,
)
def summary_date_after_collection(context: RuleContext) -> Iterator[Finding]:
    """The summary is dated after its latest collection month, and an update moves that month.

    Why: the summary describes data already collected, so its last update cannot come
    before the latest month of data collection (TDS.1.3.latest_collection_date). While the
    model keeps being trained on new data, the summary is updated at least every six
    months (TDS.rule.update_cadence): an update (a version with previous versions) that
    still gives a latest collection month more than six months (`summary_update_months`
    in the rule pack) before its own date reports none of the new data. Correct the dates,
    or the continuous-training answer. A warning: the collection date may be meant as of
    an earlier version.

    Passes:
        header: {last_update: 2025-10-01}
        section_1: {latest_collection_date: 06/2025}

    Fails:
        header: {last_update: 2025-10-01}
        section_1: {latest_collection_date: 12/2025}
    """
    tds = context.tds
    updated, latest = known(tds.header.last_update), _latest(tds)
    if updated is None or latest is None:
        return
    dated = MonthYear(updated.year, updated.month)
    if dated < latest:
        yield Finding(
            TS,
            ("header", "last_update"),
            f"The summary is dated {updated}, before its latest data collection month ({latest})",
            hint="Correct `header.last_update` or `section_1.latest_collection_date`.",
        )
        return
    cadence = int(context.pack["summary_update_months"])
    continuous = tds.section_1.continuous_training
    if (
        answered_yes(continuous)
        and tds.header.previous_versions
        and _months_between(latest, dated) > cadence
    ):
        yield Finding(
            TS,
            ("section_1", "latest_collection_date"),
            f"The model keeps being trained on new data, but this update ({updated}) still "
            f"gives {latest} as the latest collection month, more than {cadence} months before",
            hint="Give the latest month of data collection as of this update, or answer "
            "`continuous_training: No`.",
        )


@rule(
    "TS030",
    "dataset-periods-within-collection",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, sections 1.3 and 2.1",
    catalogue=("TDS.2.1.large_datasets", "TDS.1.3.latest_collection_date"),
    needs=NEEDS,
)
def dataset_periods_within_collection(context: RuleContext) -> Iterator[Finding]:
    """No large dataset is described as covering data later than the latest collection month.

    Why: section 1.3's latest date of data acquisition or collection covers all training
    data, the public datasets of section 2.1 included. A dataset whose collection ends (or
    starts) after that month contradicts it: one of the two dates is wrong. This is an
    error, as TS007 is for the crawling period.

    Passes:
        section_1: {latest_collection_date: 06/2025}
        section_2: {public_datasets: {large_datasets: [{name: OldCorpus 2020, description: Forum posts, collection_start: 01/2019, collection_end: 12/2020}]}}

    Fails:
        section_1: {latest_collection_date: 06/2025}
        section_2: {public_datasets: {large_datasets: [{name: NewCorpus 2025, description: Forum posts, collection_start: 01/2024, collection_end: 09/2025}]}}
    """
    latest = _latest(context.tds)
    if latest is None:
        return
    datasets = context.tds.section_2.public_datasets.large_datasets or []
    for index, item in enumerate(datasets):
        if not isinstance(item, LargeDataset):
            continue
        for key in ("collection_end", "collection_start"):
            month = structured_month(getattr(item, key))
            if month is not None and month > latest:
                yield Finding(
                    TS,
                    ("section_2", "public_datasets", "large_datasets", index, key),
                    f"The dataset {item.name!r} covers data up to {month}, after the latest "
                    f"data collection month ({latest})",
                    hint="Correct the dataset's period, or `section_1.latest_collection_date`.",
                )
                break


@rule(
    "TS031",
    "crawl-period-reaches-collection",
    severity=Severity.INFO,
    reference="Template for the summary of training content, sections 1.3 and 2.3",
    catalogue=("TDS.2.3.period", "TDS.1.3.latest_collection_date"),
    needs=NEEDS,
)
def crawl_period_reaches_collection(context: RuleContext) -> Iterator[Finding]:
    """A note when the crawl ends well before the latest collection month and nothing else does.

    Why: when the provider's own crawling is a main source of the training data, the
    crawling period (2.3) and the latest collection month (1.3) usually end together. A
    crawl that ends six months (`crawl_gap_months` in data/reviewer_lists.yaml) or more
    before it, while no large dataset of 2.1 is dated later than the crawl, leaves the
    reader asking which data was collected last. A note, not a warning: licensed or other
    data may explain it; say so in `comments`. (A crawl that ends after the latest
    collection month is TS007's error.)

    Passes:
        section_1: {latest_collection_date: 06/2025}
        section_2: {crawled_data: {used: Yes, period: {start: 01/2024, end: 05/2025}}}

    Fails:
        section_1: {latest_collection_date: 06/2025}
        section_2: {crawled_data: {used: Yes, period: {start: 01/2023, end: 03/2024}}}
    """
    tds = context.tds
    crawled, latest = tds.section_2.crawled_data, _latest(tds)
    period = crawled.period
    if not answered_yes(crawled.used) or period is None or latest is None:
        return
    end = structured_month(period.end)
    gap = reviewer_lists.load().crawl_gap_months
    if end is None or _months_between(end, latest) < gap:
        return
    datasets = tds.section_2.public_datasets.large_datasets or []
    later = [structured_month(d.collection_end) for d in datasets if isinstance(d, LargeDataset)]
    if any(month is not None and month > end for month in later):
        return
    yield Finding(
        TS,
        ("section_2", "crawled_data", "period", "end"),
        f"The crawl ends in {end}, {_months_between(end, latest)} months before the latest "
        f"data collection month ({latest}), and no large dataset is dated later",
        hint="If other data was collected until then, say which in `comments`; otherwise "
        "correct the period or the latest collection date.",
    )
