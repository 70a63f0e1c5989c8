"""XD016 and XD017 read the copyright policy's sentences: a claim that the provider licenses
content from rightsholders (summary 2.2.1) or crawls (summary 2.3), a denial, or neither.

The expected readings are what the sentences say in plain English, written here; among
them the wordings of the bundled samples' policies and ones seen in published policies.
A sentence with a negation is never read as a claim, an open licence or the model's own
licence is not a licensing agreement, and crawling by dataset compilers is not crawling by
the provider.
"""

from __future__ import annotations

import pytest

from gpai_docs.validate.rules.consistency.policy_statements import reading

LICENSING = [
    ("Besides public datasets, we use content obtained under licensing agreements.", "claim"),
    ("We pay rightsholders for commercially licensed archives.", "claim"),
    ("Training content comes from publishers under written licences.", "claim"),
    ("News archives are licensed from publishers.", "claim"),
    ("We have data acquisition agreements with two photo agencies.", "claim"),
    ("The General Counsel approves licences for training content.", "claim"),
    ("We do not license content from rightsholders.", "denial"),
    ("No licensed data is used for training.", "denial"),
    ("We have no licensing agreements with publishers.", "denial"),
    ("Content is never obtained under licensing agreements that forbid mining.", None),
    ("We train on datasets under open licences such as CC-BY.", None),
    ("Creative Commons licensed content is kept with its attribution.", None),
    ("Our models are licensed under Apache 2.0.", None),
    ("We train only on public datasets.", None),
]

CRAWLING = [
    ("Our crawler reads robots.txt before every fetch.", "claim"),
    ("We crawl news sites once a month.", "claim"),
    ("We operate our own web crawler, LumenBot.", "claim"),
    ("Pages are fetched by crawlers we operate in the EU.", "claim"),
    ("We do not crawl", "denial"),
    ("Lumen AI does not operate web crawlers.", "denial"),
    ("No crawlers were used to collect training data.", "denial"),
    ("We require dataset compilers to have honoured robots.txt at crawl time.", None),
    ("Our crawler is not used for training.", None),
    ("Common Crawl's compilers crawled the public web.", None),
]


@pytest.mark.parametrize(("sentence", "expected"), LICENSING)
def test_licensing_sentences(sentence: str, expected: str | None) -> None:
    assert reading(sentence, "licensing") == expected


@pytest.mark.parametrize(("sentence", "expected"), CRAWLING)
def test_crawling_sentences(sentence: str, expected: str | None) -> None:
    assert reading(sentence, "crawling") == expected
