"""Summary rules on section 2.3, data crawled from the web: the crawlers' names and the
crawling period. The list of crawled domains is in `top_domains` and `top_domain_names`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gpai_docs.diagnostics import JsonPath, Severity
from gpai_docs.models.written_months import structured_month
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.training_data_summary._answers import NEEDS, TS, answered_yes
from gpai_docs.validate.rules.training_data_summary.names import brief, not_a_crawler_name

_NOT_A_NAME = re.compile(
    r"^\s*(n\s*/\s*a|n\.?a\.?|none|nil|null|no crawlers?|not (applicable|available|disclosed|"
    r"known|public)|unknown|undisclosed|confidential|various|multiple|several|other|"
    r"see (above|below|comments?)|tbd|tba)\b"
    r"|^\s*(a|an|the|our|own|in-house|internal|proprietary|custom|generic)?\s*(web\s*)?"
    r"(crawlers?|scrapers?|spiders?|bots?)\s*$",
    re.IGNORECASE,
)


@rule(
    "TS006",
    "crawler-names-real",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 2.3",
    catalogue=("TDS.2.3.crawler_names", "VR-21"),
    needs=NEEDS,
)
def crawler_names_real(context: RuleContext) -> Iterator[Finding]:
    """Crawler names identify crawlers, not placeholders such as `N/A` or `our crawler`.

    Why: filings have been seen giving "N/A" as the crawler name while answering that
    crawlers were used (VR-21), or a pointer ("See list of crawlers here", a link) or a
    sentence of the crawling policy ("Our crawler respects robots.txt") in its place.
    Rightsholders need the name to find the crawler in their logs and robots.txt. (A bare
    `N/A` loads as written and is flagged here, and by PJ005 for its missing reason.) The
    pointer and sentence words are in data/reviewer_lists.yaml.

    Passes:
        section_2: {crawled_data: {used: Yes, crawler_names: [LumenBot]}}

    Fails:
        section_2: {crawled_data: {used: Yes, crawler_names: [Not disclosed]}}
    """
    crawled = context.tds.section_2.crawled_data
    if not answered_yes(crawled.used):
        return
    for index, name in enumerate(crawled.crawler_names or []):
        if _NOT_A_NAME.search(name) or not_a_crawler_name(name):
            yield Finding(
                TS,
                ("section_2", "crawled_data", "crawler_names", index),
                f"{brief(name)!r} is not the name of a crawler",
                hint="Give the crawler's name or user-agent token, as published in the "
                "copyright policy.",
            )


@rule(
    "TS007",
    "crawl-period-ordered",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, sections 1.3 and 2.3",
    catalogue=("TDS.2.3.period", "TDS.1.3.latest_collection_date", "VR-21"),
    needs=NEEDS,
)
def crawl_period_ordered(context: RuleContext) -> Iterator[Finding]:
    """The crawling period starts before it ends and ends by the latest collection date.

    Why: the period is MM/YYYY to MM/YYYY; crawled data is training data, so its
    collection cannot end after the latest date of data collection (VR-21).

    Passes:
        section_1: {latest_collection_date: 06/2025}
        section_2: {crawled_data: {period: {start: 01/2024, end: 05/2025}}}

    Fails:
        section_1: {latest_collection_date: 06/2025}
        section_2: {crawled_data: {period: {start: 01/2024, end: 09/2025}}}
    """
    period = context.tds.section_2.crawled_data.period
    if period is None:
        return
    path: JsonPath = ("section_2", "crawled_data", "period")
    start, end = structured_month(period.start), structured_month(period.end)
    if start is not None and end is not None and start > end:
        yield Finding(
            TS,
            (*path, "start"),
            f"The crawling period starts ({start}) after it ends ({end})",
            hint="Swap or correct the months.",
        )
    latest = structured_month(context.tds.section_1.latest_collection_date)
    if latest is not None and end is not None and end > latest:
        yield Finding(
            TS,
            (*path, "end"),
            f"The crawling period ends ({end}) after the latest data collection date ({latest})",
            hint="Correct the period, or `section_1.latest_collection_date`.",
        )
