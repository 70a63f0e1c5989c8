"""Crawl statistics for section 2.3 of the public summary of training content.

Reads crawl logs (CSV, TSV, JSON Lines, Parquet; plain or gzip), totals the content
size per registrable domain (Public Suffix List, bundled), and lists the top share of
domains that the rule pack asks for. The library never prints and never exits; it
reports progress through an optional callback and raises :class:`CrawlStatsError`.
"""

from gpai_docs.crawlstats.aggregate import count_domains
from gpai_docs.crawlstats.api import FORMAT, DomainsResult, run_domains
from gpai_docs.crawlstats.errors import CrawlStatsError
from gpai_docs.crawlstats.hosts import classify_authority, psl_version, registrable_domain
from gpai_docs.crawlstats.model import CrawlCounts, Options, ProgressCallback
from gpai_docs.crawlstats.ranking import Rule, load_rule, rank_domains

__all__ = [
    "FORMAT",
    "CrawlCounts",
    "CrawlStatsError",
    "DomainsResult",
    "Options",
    "ProgressCallback",
    "Rule",
    "classify_authority",
    "count_domains",
    "load_rule",
    "psl_version",
    "rank_domains",
    "registrable_domain",
    "run_domains",
]
