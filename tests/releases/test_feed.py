"""The crawler timeline, the Atom feed and the crawler page, from copyright-policy snapshots."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from gpai_docs.bundle.crawler_page import crawler_page_html, crawler_page_markdown
from gpai_docs.bundle.crawlers import Snapshot, timeline
from gpai_docs.bundle.feed import atom_feed
from gpai_docs.models import CopyrightPolicy
from tests.releases import atom
from tests.releases._projects import CRAWLING, crawler, documents, with_crawlers

SLUG = "lumen-base-2"


def snapshot(version: str, day: dt.date, *patches: dict[str, Any]) -> Snapshot:
    policy = CopyrightPolicy.model_validate(documents(*patches)["copyright_policy"])
    return Snapshot(version, day, "Lumen-Base-2", "Lumen AI B.V.", policy)


V1 = ("1.0", dt.date(2025, 10, 1))
V2 = ("1.1", dt.date(2026, 3, 1))
V3 = ("2.0", dt.date(2026, 9, 1))


def feed(*snapshots: Snapshot) -> bytes:
    return atom_feed(SLUG, timeline(snapshots), tool_version="0.1.0")


def test_feed_of_a_model_without_crawlers_is_valid_atom() -> None:
    data = feed(snapshot(*V1))
    assert atom.atom_problems(data) == []
    [entry] = atom.entries(data)
    assert entry["id"] == "tag:lumen-ai.example,2025-10-01:lumen-base-2/1.0/protocols"
    assert "TDMRep" in entry["content"]


def test_feed_gains_an_entry_when_a_crawler_changes() -> None:
    first = snapshot(*V1, CRAWLING)
    changed = snapshot(
        *V2, with_crawlers(crawler(user_agent="LumenBot/2.0 (+https://lumen-ai.example/bot)"))
    )
    before, after = feed(first), feed(first, changed)
    assert atom.atom_problems(before) == []
    assert atom.atom_problems(after) == []
    old, new = atom.entries(before), atom.entries(after)
    assert len(new) == len(old) + 1
    # Earlier entries keep their ids and dates: subscribers do not see them again.
    assert new[1:] == old
    entry = new[0]
    assert entry["id"] == "tag:lumen-ai.example,2025-10-01:lumen-base-2/1.1/crawler/lumenbot"
    assert entry["updated"] == "2026-03-01T00:00:00Z"
    assert entry["title"] == "Crawler LumenBot changed in release 1.1"
    assert (
        "User agent: LumenBot/1.0 (+https://lumen-ai.example/bot) -> LumenBot/2.0"
        in entry["content"]
    )


def test_an_unchanged_release_adds_no_entry() -> None:
    first = snapshot(*V1, CRAWLING)
    same = snapshot(*V2, CRAWLING)
    assert atom.entries(feed(first, same)) == atom.entries(feed(first))
    # The feed's own updated time still follows the latest release.
    assert b"<updated>2026-03-01T00:00:00Z</updated>" in feed(first, same)


def test_added_and_retired_crawlers_each_get_an_entry() -> None:
    other = crawler(name="LumenNews", user_agent="LumenNews/1.0", robots_token="LumenNews")
    line = timeline(
        [
            snapshot(*V1, CRAWLING),
            snapshot(*V2, with_crawlers(crawler(), other)),
            snapshot(*V3, with_crawlers(other)),
        ]
    )
    kinds = [(c.version, c.title, c.kind) for c in line.changes if c.subject != "protocols"]
    assert kinds == [
        ("1.0", "LumenBot", "added"),
        ("1.1", "LumenNews", "added"),
        ("2.0", "LumenBot", "removed"),
    ]
    assert line.retired == {"LumenBot": ("2.0", dt.date(2026, 9, 1))}
    data = atom_feed(SLUG, line, tool_version="0.1.0")
    assert atom.atom_problems(data) == []
    assert atom.entries(data)[0]["title"] == "Crawler LumenBot no longer used in release 2.0"


def test_protocol_change_is_an_entry_of_its_own() -> None:
    first = snapshot(*V1, CRAWLING)
    stricter = snapshot(
        *V2,
        CRAWLING,
        {
            "copyright_policy": {
                "rights_reservation": {"robots_txt": {"standard": "RFC 9309 and its updates"}}
            }
        },
    )
    line = timeline([first, stricter])
    [change] = [c for c in line.changes if c.version == "1.1"]
    assert change.subject == "protocols"
    assert [(f.label, f.old, f.new) for f in change.facts] == [
        ("robots.txt standard", "RFC 9309", "RFC 9309 and its updates")
    ]
    assert line.since[("protocols", "robots.txt standard")] == V2
    assert line.since[("protocols", "Follows robots.txt")] == V1


def test_feed_is_deterministic_and_links_itself() -> None:
    snaps = (snapshot(*V1, CRAWLING), snapshot(*V2, with_crawlers(crawler(purpose="Search"))))
    assert feed(*snaps) == feed(*snaps)
    assert (
        b'<link rel="self" type="application/atom+xml" href="https://lumen-ai.example/crawlers.atom" />'
        in feed(*snaps)
    )


def test_page_lists_facts_with_the_release_they_changed_in() -> None:
    line = timeline(
        [
            snapshot(*V1, CRAWLING),
            snapshot(
                *V2, with_crawlers(crawler(purpose="Collects public web text; also <b>search</b>."))
            ),
        ]
    )
    page = crawler_page_markdown(line)
    assert "### LumenBot" in page
    assert (
        "- **User agent:** LumenBot/1.0 (+https://lumen-ai.example/bot) _(since release 1.0, 2025-10-01)_"
        in page
    )
    assert "_(since release 1.1, 2026-03-01)_" in page.split("**Purpose:**")[1].splitlines()[0]
    assert "`User-agent: *` group, following RFC 9309" in page
    assert "**Other protocols honoured:** TDMRep" in page
    html = crawler_page_html(page, "Crawlers: Lumen-Base-2")
    # Provider text is escaped, never passed through as markup.
    assert "<b>" not in html and "&lt;b&gt;search&lt;/b&gt;" in html
    assert '<link rel="alternate" type="application/atom+xml" href="crawlers.atom">' in html


@pytest.mark.parametrize(
    ("name", "segment"),
    [
        ("LumenBot", "crawler/lumenbot"),
        ("lumen-bot", "crawler/lumen-bot"),
        ("Lumen Bot", "crawler/lumen-bot-"),
    ],
)
def test_entry_ids_are_safe_uri_segments(name: str, segment: str) -> None:
    data = feed(snapshot(*V1, with_crawlers(crawler(name=name))))
    assert atom.atom_problems(data) == []
    ids = [e["id"] for e in atom.entries(data)]
    assert any(f"/1.0/{segment}" in i for i in ids), ids
