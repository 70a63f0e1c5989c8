"""How a crawler named in the summary is matched with a crawler the copyright policy publishes.

Names are compared folded (case, spaces and punctuation ignored). A crawler is also known
by its robots.txt token and by the product tokens of its User-Agent string: the string
`Mozilla/5.0 (compatible; LumenBot/1.0; +https://lumen-ai.example/bot)` contains the
token `LumenBot`, while `Mozilla`, `compatible` and the like name the browser it imitates
(data/reviewer_cross_lists.yaml) and never a crawler.
"""

from __future__ import annotations

import re

from gpai_docs.law.reviewer_cross_lists import lists
from gpai_docs.models.copyright_policy import Crawler
from gpai_docs.validate.rules._name_matching import fold

_PARTS = re.compile(r"[\s;()\[\],]+")


def looks_like_user_agent(text: str) -> bool:
    """A User-Agent string (`LumenBot/1.0`, `Mozilla/5.0 (compatible; …)`), not a bare name."""
    return "/" in text or ";" in text


def user_agent_tokens(text: str) -> set[str]:
    """The folded product tokens of a User-Agent string, without the browser's."""
    browser = lists().user_agent_browser_tokens
    found = set()
    for part in _PARTS.split(text):
        token = fold(part.lstrip("+").split("/", 1)[0])
        if token and not token.isdigit() and token not in browser:
            found.add(token)
    return found


def crawler_keys(crawler: Crawler) -> set[str]:
    """Everything the policy's crawler is known by: its name, robots.txt token and UA tokens."""
    keys = {fold(t) for t in (crawler.name, crawler.robots_token) if t}
    return (keys | user_agent_tokens(crawler.user_agent)) - {""}


def name_keys(name: str) -> set[str]:
    """What a name written in the summary may match: itself, or a User-Agent's tokens."""
    keys = {fold(name)}
    if looks_like_user_agent(name):
        keys |= user_agent_tokens(name)
    return keys - {""}


_PRODUCT = re.compile(r"([A-Za-z][\w.-]*)/(\d[\w.]*)")


def versions(text: str) -> dict[str, str]:
    """The version each product token of a User-Agent string carries (`LumenBot/1.0`),
    keyed by the folded token; the browser's tokens left out."""
    browser = lists().user_agent_browser_tokens
    found: dict[str, str] = {}
    for match in _PRODUCT.finditer(text):
        token = fold(match.group(1))
        if token and token not in browser:
            found.setdefault(token, match.group(2).rstrip("."))
    return found
