"""Projects for the release tests: the minimal sample, optionally crawling, with edits."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from tests.rules.patching import merge, sample_data, write_project

LUMENBOT = {
    "name": "LumenBot",
    "user_agent": "LumenBot/1.0 (+https://lumen-ai.example/bot)",
    "robots_token": "LumenBot",
    "purpose": "Collects public web text to train Lumen language models.",
    "info_url": "https://lumen-ai.example/bot",
}

CRAWLING: dict[str, Any] = {
    "model_documentation": {
        "data": {"provenance": ["Publicly available datasets", "Web crawling"]}
    },
    "training_data_summary": {
        "section_2": {
            "crawled_data": {
                "used": "Yes",
                "crawler_names": ["LumenBot"],
                "purposes": "Collect public web text in English and Dutch for pre-training.",
                "behaviour": "Follows robots.txt (RFC 9309), honours TDMRep, skips paywalls.",
                "period": {"start": "01/2024", "end": "05/2025"},
                "content_description": "Public news, encyclopaedic and government web pages.",
                "modalities": ["Text"],
                "top_domains": {
                    "total_domains": 30,
                    "domains": ["a.example", "b.example", "c.example"],
                },
            }
        }
    },
    "copyright_policy": {
        "rights_reservation": {
            "crawlers": [LUMENBOT],
            "change_notification": {
                "not_applicable": None,
                "method": "Atom feed",
                "url": "https://lumen-ai.example/crawlers.atom",
            },
        }
    },
}


def documents(*patches: dict[str, Any]) -> dict[str, Any]:
    """The minimal sample with ``patches`` merged in order."""
    data = sample_data("minimal")
    for patch in patches:
        data = merge(data, patch)
    return data


def write(target: Path, *patches: dict[str, Any]) -> Path:
    """Write the minimal sample plus ``patches`` as a project folder (replacing files)."""
    return write_project(target, documents(*patches))


def crawler(**changes: Any) -> dict[str, Any]:
    """LumenBot with some facts changed."""
    return {**copy.deepcopy(LUMENBOT), **changes}


def with_crawlers(*crawlers: dict[str, Any]) -> dict[str, Any]:
    """A patch publishing exactly ``crawlers`` (the summary names the same ones)."""
    patch = copy.deepcopy(CRAWLING)
    patch["copyright_policy"]["rights_reservation"]["crawlers"] = list(crawlers)
    names = [c["name"] for c in crawlers]
    patch["training_data_summary"]["section_2"]["crawled_data"]["crawler_names"] = names
    return patch
