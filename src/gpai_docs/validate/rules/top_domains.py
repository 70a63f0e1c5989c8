"""Rules on the list of most relevant crawled domains, summary section 2.3 (TS008 to TS010;
TS020, its entries, is in `top_domain_names`).

The list holds the top 10 % of crawled domain names by content size, an SME's the top 5 %
or 1,000, whichever is lower (TDS.2.3.top_domains, TDS.rule.sme, VR-21). It is written
inline, or read from the JSON summary that `gpai-docs domains` writes; the count is the
one that command lists with (`crawlstats.ranking.Rule.count`).

The SME branch is a reading marked unconfirmed (UPD.sme_domains): the footnote is quoted
as "top 5 %, or the top 1000 domains", and "whichever is lower" is not a quote. Whenever a
finding rests on it, it says so; and it applies to SMEs only (`provider.sme`), never to
the small mid-caps of Regulation (EU) 2026/1744.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from gpai_docs.diagnostics import JsonPath, Severity
from gpai_docs.law.rulepack import RulePack
from gpai_docs.models.training_data_summary import TopDomains
from gpai_docs.validate.rules._domains_summary import DomainsSummary, SummaryProblem, read_summary
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.training_data_summary._answers import NEEDS, TS, answered_yes


def domains_source(context: RuleContext, top: TopDomains) -> DomainsSummary | None:
    if top.source is None or context.domains is None:
        return None
    try:
        return read_summary(context.domains)
    except SummaryProblem:
        return None


def _sme(context: RuleContext, summary: DomainsSummary | None) -> bool | None:
    # The model documentation states the provider's SME status (`provider.sme`,
    # TDS.rule.sme); the domains file only records the setting `gpai-docs domains` ran with.
    # So the file counts only when the model documentation is not there; TS010 reports a
    # file that disagrees with it.
    if context.model_documentation is not None:
        sme = context.model_documentation.provider.sme
        return sme if isinstance(sme, bool) else None  # to be provided: not known
    return summary.sme if summary is not None else None


def sme_reading(pack: RulePack) -> str:
    """What a finding that applies the SME count says about it, from the rule pack."""
    fact = pack.facts["sme_top_domains"]
    return (
        f"The SME count is a reading marked unconfirmed {fact.source.tag} "
        f"({fact.source.update_id}): {fact.text}. {fact.note}"
    )


@dataclass(frozen=True, slots=True)
class _Length:
    """The top-domain list's length against the number of domains crawled (section 2.3)."""

    listed: int
    total: int | None
    sme: bool | None
    path: JsonPath  # where a wrong length is reported: the list, or the file it comes from

    def accepted(self, pack: RulePack) -> dict[bool, int]:
        """The length each possible SME status asks for: both while the status is unknown."""
        if self.total is None:
            return {}
        # Imported here: crawlstats loads the Public Suffix List, which only a crawl needs.
        from gpai_docs.crawlstats.ranking import rule_for

        statuses = (False, True) if self.sme is None else (self.sme,)
        return {sme: rule_for(pack, sme).count(self.total) for sme in statuses}


def _length(context: RuleContext) -> _Length | None:
    """None when crawlers were not used, or the list is only published elsewhere or unreadable."""
    crawled = context.tds.section_2.crawled_data
    top = crawled.top_domains
    if not answered_yes(crawled.used) or top is None:
        return None
    path: JsonPath = ("section_2", "crawled_data", "top_domains")
    summary = domains_source(context, top)
    if top.domains:
        listed = len(top.domains)
    elif summary is not None:
        listed = summary.listed_domains
    elif top.source is None and top.download_url is None:
        listed = 0
    else:
        return None  # published elsewhere or unreadable: TS009 and TS010 report it
    total = top.total_domains
    if total is None and summary is not None:
        total = summary.distinct_domains
    field = "domains" if top.domains or summary is None else "source"
    return _Length(listed, total, _sme(context, summary), (*path, field))


@rule(
    "TS008",
    "top-domains-count",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 2.3",
    catalogue=("TDS.2.3.top_domains", "TDS.rule.sme", "VR-21"),
    needs=NEEDS,
    reads=("model_documentation",),  # provider.sme
)
def top_domains_count(context: RuleContext) -> Iterator[Finding]:
    """The list of most relevant crawled domains is not empty and at least the required length.

    Why: the template asks for the top 10 % of crawled domain names by content size; an SME
    lists the top 5 % or 1,000 domains, whichever is lower (TDS.2.3.top_domains,
    TDS.rule.sme). The share is rounded up, `ceil(10 % × crawled domains)`, SME
    `min(ceil(5 % × crawled domains), 1000)` (VR-21; shares and cap from the rule pack), so
    1,001 domains ask for at least 101 (SME 51), and the SME cap bites above 20,000
    domains. A longer list is no defect: ranked by content size, it still holds the top
    10 % (5 %) the template asks for, so VR-21's required length is read as the least
    length; a shorter list leaves required domains out and fails.
    "Whichever is lower" is the catalogue's reading of the template's footnote, marked
    unconfirmed (UPD.sme_domains): a finding that applies the SME count says so, and a small
    mid-cap lists the top 10 % like any provider that is not an SME. An empty list while
    crawlers were used has been seen in filings. SME status is the model
    documentation's `provider.sme` (TDS.rule.sme): the `sme` of a `gpai-docs domains` file
    is only the setting it was computed with, so it counts only when the model
    documentation did not validate, and TS010 reports a file that disagrees. When neither
    says, a list of either length passes and TS009 asks for the status.

    Passes:
        section_2: {crawled_data: {used: Yes, top_domains: {total_domains: 30, domains: [a.example, b.example, c.example]}}}

    Fails:
        section_2: {crawled_data: {used: Yes, top_domains: {total_domains: 31, domains: [a.example, b.example, c.example]}}}
    """
    length = _length(context)
    if length is None:
        return
    if length.listed == 0:
        yield Finding(
            TS,
            ("section_2", "crawled_data", "top_domains", "domains"),
            "Crawlers were used but the list of most relevant domains is empty",
            hint="List the top domains by content size, or point `source:` at the output "
            "of `gpai-docs domains`.",
        )
        return
    accepted = length.accepted(context.pack)
    if not accepted or length.listed >= min(accepted.values()):
        return  # while the SME status is unknown, the SME's shorter list passes too
    if length.sme is None:
        want = (
            f"an SME lists at least {accepted[True]} and any other provider at least "
            f"{accepted[False]}"
        )
        fix = f"{accepted[True]} (SME) or {accepted[False]}"
    else:
        who = "an SME" if length.sme else "a provider that is not an SME"
        want, fix = f"{who} lists at least {accepted[length.sme]}", str(accepted[length.sme])
    reading = f" {sme_reading(context.pack)}" if True in accepted else ""
    yield Finding(
        TS,
        length.path,
        f"{length.listed} domain(s) are listed; for {length.total} crawled domains {want}",
        hint=f"List at least the top {fix} domains by content size.{reading}",
    )


@rule(
    "TS009",
    "top-domains-verifiable",
    severity=Severity.WARNING,
    reference="Template for the summary of training content, section 2.3",
    catalogue=("TDS.2.3.top_domains", "TDS.rule.sme", "VR-21"),
    needs=NEEDS,
    reads=("model_documentation",),  # provider.sme
)
def top_domains_verifiable(context: RuleContext) -> Iterator[Finding]:
    """The length of the top-domain list can be checked against the number of domains crawled.

    Why: whether the list holds the top 10 % (SME: 5 % or 1,000) of domains can only be
    shown with the number of distinct domains crawled, the list itself and the provider's
    SME status (VR-21, TDS.rule.sme). Give `total_domains` and the domains, or the summary
    written by `gpai-docs domains`, and `provider.sme` in the model documentation; while
    the SME status is unknown, TS008 accepts either length.

    Passes:
        section_2: {crawled_data: {used: Yes, top_domains: {total_domains: 30, domains: [a.example, b.example, c.example]}}}

    Fails:
        section_2: {crawled_data: {used: Yes, top_domains: {domains: [a.example, b.example, c.example]}}}
    """
    crawled = context.tds.section_2.crawled_data
    top = crawled.top_domains
    if not answered_yes(crawled.used) or top is None:
        return
    path: JsonPath = ("section_2", "crawled_data", "top_domains")
    length = _length(context)
    if length is not None and length.listed and length.sme is None:
        accepted = length.accepted(context.pack)
        if len(set(accepted.values())) > 1:
            yield Finding(
                TS,
                length.path,
                "The provider's SME status is not known, so the length of the list is only "
                f"checked against both counts: for {length.total} crawled domains an SME "
                f"lists {accepted[True]}, any other provider {accepted[False]}. "
                f"{sme_reading(context.pack)}",
                hint="State `provider.sme` in a model documentation that validates, or run "
                "`gpai-docs domains` with or without `--sme` as it applies.",
            )
    if top.source is not None:
        return  # with a source, TS010 reports what is wrong with it
    if top.domains and top.total_domains is None:
        yield Finding(
            TS,
            (*path, "domains"),
            "The number of distinct domains crawled is not given, so the length of the list "
            "cannot be checked",
            hint="Add `total_domains:`, or `source:` with the output of `gpai-docs domains`.",
        )
    elif not top.domains and top.download_url is not None:
        yield Finding(
            TS,
            (*path, "download_url"),
            "The domains are only published at the download link, so their number cannot "
            "be checked",
            hint="Add `source:` with the output of `gpai-docs domains`.",
        )


def _summary_problems(
    context: RuleContext, top: TopDomains, summary: DomainsSummary
) -> Iterator[tuple[str, str, str]]:
    """(field, message, hint) for each disagreement between the file and the summary."""
    listed = [t.domain for t in summary.top]
    if summary.listed_domains != len(listed):
        yield (
            "source",
            (f"The file says {summary.listed_domains} domains are listed but holds {len(listed)}"),
            "Write the file again with `gpai-docs domains`.",
        )
    if summary.listed_domains > summary.distinct_domains:
        yield (
            "source",
            (
                f"The file lists {summary.listed_domains} domains out of only "
                f"{summary.distinct_domains}"
            ),
            "Write the file again with `gpai-docs domains`.",
        )
    ranks = [t.rank for t in summary.top]
    sizes = [t.size for t in summary.top]
    if ranks != list(range(1, len(ranks) + 1)) or any(a < b for a, b in itertools.pairwise(sizes)):
        yield (
            "source",
            ("The domains in the file are not ranked 1, 2, 3 ... by decreasing content size"),
            "Write the file again with `gpai-docs domains`.",
        )
    if top.total_domains is not None and top.total_domains != summary.distinct_domains:
        yield (
            "total_domains",
            (
                f"`total_domains` is {top.total_domains} but the file counts "
                f"{summary.distinct_domains} distinct domains"
            ),
            "Remove `total_domains` (the file gives it) or correct it.",
        )
    if top.domains is not None and [d.lower() for d in top.domains] != [d.lower() for d in listed]:
        yield (
            "domains",
            ("The domains listed here differ from the file's ranked list"),
            "Remove `domains` (the file gives them) or copy them from the file in rank order.",
        )
    md = context.model_documentation
    if md is not None and summary.sme is not None and summary.sme != md.provider.sme:
        yield (
            "source",
            (
                f"The file was computed with sme={str(summary.sme).lower()} but the model "
                f"documentation says sme={str(md.provider.sme).lower()}"
            ),
            "Run `gpai-docs domains` again with the right SME setting.",
        )


@rule(
    "TS010",
    "top-domains-source-consistent",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 2.3",
    catalogue=("TDS.2.3.top_domains", "VR-21"),
    needs=NEEDS,
    reads=("model_documentation",),  # provider.sme
)
def top_domains_source_consistent(context: RuleContext) -> Iterator[Finding]:
    """The domain statistics file named by `top_domains.source` exists and agrees with the summary.

    Why: `gpai-docs domains` turns a crawl log into a small JSON summary (format
    `gpai-docs-domains/1`) from which section 2.3's list is published (VR-21). A missing or
    malformed file, or one that disagrees with the numbers written in the summary, means
    the published list cannot be trusted. The file is read from the project folder only.

    Passes:
        section_2: {crawled_data: {used: Yes, top_domains: {total_domains: 30, domains: [a.example, b.example, c.example]}}}

    Fails:
        section_2: {crawled_data: {used: Yes, top_domains: {source: stats/domains.json}}}   # no such file
    """
    crawled = context.tds.section_2.crawled_data
    top = crawled.top_domains
    if top is None or top.source is None or context.domains is None:
        return
    path: JsonPath = ("section_2", "crawled_data", "top_domains")
    try:
        summary = read_summary(context.domains)
    except SummaryProblem as problem:
        # Only the first letter: capitalize() would lower-case file names and "FIFO".
        sentence = problem.message[:1].upper() + problem.message[1:]
        yield Finding(TS, (*path, "source"), sentence, hint=problem.hint)
        return
    for field, message, hint in _summary_problems(context, top, summary):
        yield Finding(TS, (*path, field), message, hint=hint)
