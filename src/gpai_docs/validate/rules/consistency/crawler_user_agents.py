"""Cross-document rule on the crawlers' User-Agent strings: the version the summary writes
is the one the copyright policy publishes (XD018)."""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.choices import YesNo
from gpai_docs.models.copyright_policy import Crawler
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.consistency._crawler_names import looks_like_user_agent, versions
from gpai_docs.validate.rules.consistency._document_keys import CP, TS
from gpai_docs.validate.rules.context import RuleContext


@rule(
    "XD018",
    "crawler-user-agents-agree",
    severity=Severity.WARNING,
    reference="CoP Copyright Measure 1.3; summary template 2.3",
    catalogue=("COP.C.1.3.crawler_info_public", "TDS.2.3.crawler_names", "VR-25"),
    needs=(TS, CP),
)
def crawler_user_agents_agree(context: RuleContext) -> Iterator[Finding]:
    """A crawler's User-Agent written in the summary is the one the copyright policy publishes.

    Why: section 2.3 of the summary names the crawlers and the copyright policy publishes
    their information (Measure 1.3, VR-25); a website owner who finds `LumenBot/2.0` in
    the summary and `LumenBot/1.0` in the policy cannot tell which one visits, or whether
    a rule written for one covers the other. Where a name in the summary is a User-Agent
    string (`LumenBot/2.0`, `Mozilla/5.0 (compatible; LumenBot/2.0)`), each crawler token
    in it that the policy's User-Agent also carries has the same version there; the
    browser's tokens (Mozilla, AppleWebKit …) are not compared. Which crawler is which is
    XD012's. A warning: both may be current, when two versions crawl side by side, and then
    the policy lists both. Fix: write the same User-Agent in both documents, or publish
    each version in the policy.

    Passes:
        training_data_summary: {section_2: {crawled_data: {used: No}}}

    Fails:
        training_data_summary: {section_2: {crawled_data: {used: Yes, crawler_names: [LumenBot/2.0], purposes: Pre-training data., behaviour: Honours robots.txt., period: {start: 01/2024, end: 05/2025}, content_description: News sites., modalities: [Text], top_domains: {total_domains: 30, domains: [a.example, b.example, c.example]}}}}
        copyright_policy: {rights_reservation: {crawlers: [{name: LumenBot, user_agent: LumenBot/1.0, purpose: Training data, info_url: "https://lumen-ai.example/bot"}]}}
    """
    crawled = context.tds.section_2.crawled_data
    policy = context.cp.rights_reservation.crawlers
    if not (isinstance(crawled.used, YesNo) and crawled.used.yes) or not isinstance(policy, list):
        return
    published: dict[str, set[str]] = {}
    for crawler in policy:
        if isinstance(crawler, Crawler):
            for token, version in versions(crawler.user_agent).items():
                published.setdefault(token, set()).add(version)
    for index, name in enumerate(crawled.crawler_names or []):
        if not looks_like_user_agent(name):
            continue
        for token, version in versions(name).items():
            known = published.get(token)
            if known and version not in known:
                listed = ", ".join(sorted(known))
                yield Finding(
                    TS,
                    ("section_2", "crawled_data", "crawler_names", index),
                    f"The summary names the crawler {name!r} at version {version}, but the "
                    f"copyright policy publishes its User-Agent at version {listed}",
                    hint="Write the same User-Agent in both documents, or publish each "
                    "version that crawls in `rights_reservation.crawlers`.",
                )
