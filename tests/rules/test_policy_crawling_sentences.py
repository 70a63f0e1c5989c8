"""XD016 reads crawling in the copyright policy's prose as a reviewer does: any sentence
that says crawling happens (the policy's own crawler named, "our crawler", "we crawl",
"crawls", "scrape", pages "are crawled") is a claim; crawling by dataset compilers, Common
Crawl or third parties, or a hypothesis, is not the provider's; "we do not crawl" is a
denial, and "we do not crawl paywalled pages" is only a limit. The expected readings are
what the sentences say in plain English, written here (some from the migration corpus and
the samples' policies).
"""

from __future__ import annotations

import re

import pytest

from gpai_docs.validate.rules.consistency.policy_statements import reading

CRAWLERS = (re.compile(r"(?<![\w-])MeridianBot(?![\w-])", re.IGNORECASE),)

SENTENCES = [
    # The policy's own crawler at work (meridian-contradictions).
    ("MeridianBot crawls only publicly accessible pages", "claim"),
    ("MeridianBot reads robots.txt before each crawl of a host.", "claim"),
    ("MeridianBot visits news sites once a week.", "claim"),
    ("MeridianBot does not circumvent paywalls.", None),
    # Crawling said in other words.
    ("Meridian Labs crawls French and Dutch news sites.", "claim"),
    ("We scrape public forums for dialogue data.", "claim"),
    ("We also crawl public-sector portals.", "claim"),
    ("News pages are crawled weekly.", "claim"),
    ("Web crawling respects robots.txt.", "claim"),
    ("The crawler fetches robots.txt before each host.", "claim"),
    ("Our scrapers skip pages behind a login.", "claim"),
    ("Crawled pages are filtered for personal data.", "claim"),
    ("Before each crawl cycle the crawl frontier is checked against the EU lists.", "claim"),
    # Crawling that is not the provider's, or not done.
    ("Common Crawl crawls the public web every month.", None),
    ("Third-party dataset compilers scraped the pages we use.", None),
    ("Should we ever crawl, our crawler will follow robots.txt under RFC 9309.", None),
    ("We require dataset compilers to have honoured robots.txt at crawl time.", None),
    ("Image URLs from hosts whose robots.txt disallows AI crawlers were dropped.", None),
    # Denials, and limits that are none.
    ("We do not crawl", "denial"),
    ("We do not crawl the web; we license archives.", "denial"),
    ("Meridian Labs does not crawl.", "denial"),
    ("We never scrape websites ourselves.", "denial"),
    ("No web crawling took place for this model.", "denial"),
    ("Orbis Robotics operates no web crawler.", "denial"),
    ("Meridian Labs does not engage in web crawling.", "denial"),
    ("We have never crawled the web.", "denial"),
    ("We have not crawled paywalled sites.", None),
    ("We do not crawl paywalled pages or pages behind a login.", None),
    ("Our crawlers do not read terms of use.", None),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_crawling_sentences(sentence: str, expected: str | None) -> None:
    assert reading(sentence, "crawling", CRAWLERS) == expected


def test_a_crawler_name_counts_only_as_a_whole_name() -> None:
    assert reading("MeridianBot-Image fetches images.", "crawling", CRAWLERS) is None
    assert reading("MeridianBot fetches images.", "crawling", CRAWLERS) == "claim"
