"""The crawler page and feed show the opt-out protocols from the vocabulary: each one's
status, and for a draft protocol the revision the crawlers implement.

The AIPREF revisions are those of requirements §12 (UPD.aipref): the attachment draft -05
with the vocabulary draft -08.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gpai_docs.bundle.crawler_page import crawler_page_html, crawler_page_markdown
from gpai_docs.bundle.crawlers import Snapshot, timeline
from gpai_docs.bundle.feed import atom_feed
from gpai_docs.models import CopyrightPolicy
from tests.releases import atom
from tests.releases._projects import CRAWLING, documents

CURRENT = "draft-ietf-aipref-attach-05 with draft-ietf-aipref-vocab-08"
AIPREF = {
    "id": "aipref-content-usage",
    "version": CURRENT,
    "implementation": "Content with train-ai=n is not collected.",
}
TDMREP = {"id": "tdmrep", "implementation": "Reserved pages are dropped."}


def protocols(*entries: dict[str, Any]) -> dict[str, Any]:
    return {"copyright_policy": {"rights_reservation": {"other_protocols": list(entries)}}}


def snapshot(version: str, day: dt.date, *patches: dict[str, Any]) -> Snapshot:
    policy = CopyrightPolicy.model_validate(documents(CRAWLING, *patches)["copyright_policy"])
    return Snapshot(version, day, "Lumen-Base-2", "Lumen AI B.V.", policy)


def page(*snapshots: Snapshot) -> str:
    return crawler_page_markdown(timeline(snapshots))


def test_the_crawler_section_names_the_draft_revision_it_implements() -> None:
    text = page(snapshot("1.0", dt.date(2026, 9, 1), protocols(TDMREP, AIPREF)))
    assert f"- **Other protocols honoured:** TDMRep, AIPREF Content-Usage ({CURRENT})" in text
    assert f"- **Version implemented: AIPREF Content-Usage:** {CURRENT}" in text


def test_the_page_gives_each_protocol_its_vocabulary_status() -> None:
    free = {"name": "Publisher registry", "implementation": "Listed domains are skipped."}
    text = page(snapshot("1.0", dt.date(2026, 9, 1), protocols(TDMREP, AIPREF, free)))
    status = text.split("## Status of the protocols", 1)[1].split("## Changes", 1)[0]
    assert "opt-out protocol vocabulary 2026.12.0" in status
    assert (
        "- **TDMRep:** sector, W3C TDM Reservation Protocol Community Group (final report of "
        "10 May 2024); specification: https://www.w3.org/community/reports/tdmrep/"
        "CG-FINAL-tdmrep-20240510/"
    ) in status
    assert (
        f"- **AIPREF Content-Usage:** draft {CURRENT}, IETF AI Preferences working group; "
        f"the crawlers implement {CURRENT}; specification: "
        "https://datatracker.ietf.org/doc/draft-ietf-aipref-attach/"
    ) in status
    assert "- **Publisher registry:** not in the vocabulary (free text)" in status


def test_a_draft_without_its_revision_says_not_stated() -> None:
    unstated = {k: v for k, v in AIPREF.items() if k != "version"}
    text = page(snapshot("1.0", dt.date(2026, 9, 1), protocols(unstated)))
    assert "AIPREF Content-Usage (not stated)" in text
    assert "the crawlers implement not stated" in text


def test_moving_to_another_draft_revision_is_a_change_in_the_feed() -> None:
    older = {**AIPREF, "version": "draft-ietf-aipref-attach-04 with draft-ietf-aipref-vocab-07"}
    line = timeline(
        [
            snapshot("1.0", dt.date(2026, 6, 1), protocols(TDMREP, older)),
            snapshot("1.1", dt.date(2026, 10, 1), protocols(TDMREP, AIPREF)),
        ]
    )
    data = atom_feed("lumen-base-2", line, tool_version="0.1.0")
    assert atom.atom_problems(data) == []
    newest = atom.entries(data)[0]
    assert newest["title"] == "Protocols honoured changed in release 1.1"
    assert (
        "Version implemented: AIPREF Content-Usage: draft-ietf-aipref-attach-04 with "
        f"draft-ietf-aipref-vocab-07 -> {CURRENT}"
    ) in newest["content"]
    text = crawler_page_markdown(line)
    assert f"{CURRENT} _(since release 1.1, 2026-10-01)_" in text
    html = crawler_page_html(text, "Crawlers")
    assert "draft-ietf-aipref-attach-05" in html
