"""The word lists of the cross-document, copyright-contact and crawler-name rules, as data.

They live in data/reviewer_cross_lists.yaml: generic and no-reply mailboxes, the browser
tokens of a User-Agent string, and the patterns that tell a copyright policy's sentence
saying the provider licensed or crawled content from one saying it did not. Correcting
a list is a data change; a malformed file is a bug, raised when first read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from gpai_docs.law.package_data import read_data

FILE = "reviewer_cross_lists.yaml"


@dataclass(frozen=True, slots=True)
class ReviewerCrossLists:
    generic_mailboxes: frozenset[str]
    no_reply_mailboxes: frozenset[str]
    user_agent_browser_tokens: frozenset[str]
    licensing_claims: tuple[re.Pattern[str], ...]
    licensing_exclusions: tuple[re.Pattern[str], ...]
    licensing_denials: tuple[re.Pattern[str], ...]
    crawling_claims: tuple[re.Pattern[str], ...]
    crawling_exclusions: tuple[re.Pattern[str], ...]
    crawling_denials: tuple[re.Pattern[str], ...]
    negations: tuple[re.Pattern[str], ...]


def _words(raw: dict[str, Any], key: str) -> frozenset[str]:
    value = raw.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"data/{FILE}: `{key}` is not a list of words")
    return frozenset(v.casefold() for v in value)


def _pattern(text: Any, key: str) -> re.Pattern[str]:
    if not isinstance(text, str) or not text:
        raise ValueError(f"data/{FILE}: `{key}` holds an entry that is not a pattern")
    try:
        return re.compile(text, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"data/{FILE}: `{key}` pattern {text!r} is malformed: {exc}") from None


def _patterns(raw: dict[str, Any], key: str) -> tuple[re.Pattern[str], ...]:
    value = raw.get(key)
    if not isinstance(value, list) or not value:
        raise ValueError(f"data/{FILE}: `{key}` is not a list of patterns")
    return tuple(_pattern(v, key) for v in value)


@cache
def lists() -> ReviewerCrossLists:
    """The lists of data/reviewer_cross_lists.yaml, read once."""
    raw = read_data(FILE)
    if not isinstance(raw, dict):
        raise ValueError(f"data/{FILE} is not a mapping")
    return ReviewerCrossLists(
        generic_mailboxes=_words(raw, "generic_mailboxes"),
        no_reply_mailboxes=_words(raw, "no_reply_mailboxes"),
        user_agent_browser_tokens=_words(raw, "user_agent_browser_tokens"),
        licensing_claims=_patterns(raw, "licensing_claims"),
        licensing_exclusions=_patterns(raw, "licensing_exclusions"),
        licensing_denials=_patterns(raw, "licensing_denials"),
        crawling_claims=_patterns(raw, "crawling_claims"),
        crawling_exclusions=_patterns(raw, "crawling_exclusions"),
        crawling_denials=_patterns(raw, "crawling_denials"),
        negations=_patterns(raw, "negations"),
    )
