"""Rules TS008 and TS010 against a real `gpai-docs domains` summary file in the project."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from gpai_docs import rulepack
from gpai_docs.rules.training_data_summary import expected_top_domains
from gpai_docs.validation import validate_project
from tests.rules.patching import merge, sample_data, write_project

AS_OF = dt.date(2026, 11, 21)
CRAWL = {
    "used": True,
    "crawler_names": ["LumenBot"],
    "purposes": "Pre-training data.",
    "behaviour": "Honours robots.txt.",
    "period": {"start": "01/2024", "end": "05/2025"},
    "content_description": "News sites.",
    "modalities": ["Text"],
    "top_domains": {"source": "stats/domains.json"},
}


def _summary(distinct: int, domains: list[str], sme: bool | None = False) -> dict[str, Any]:
    top = [
        {"rank": i + 1, "domain": d, "size": 1000 - i, "share": 0.01} for i, d in enumerate(domains)
    ]
    return {
        "format": "gpai-docs-domains/1",
        "distinct_domains": distinct,
        "listed_domains": len(top),
        "sme": sme,
        "top": top,
    }


def _codes(
    tmp_path: Path, summary: dict[str, Any], top_patch: dict[str, Any] | None = None
) -> list[tuple[str, str]]:
    crawl = merge(CRAWL, {"top_domains": top_patch or {}})
    documents = merge(
        sample_data("minimal"), {"training_data_summary": {"section_2": {"crawled_data": crawl}}}
    )
    project = write_project(tmp_path / "project", documents)
    (project / "stats").mkdir()
    (project / "stats" / "domains.json").write_text(json.dumps(summary), encoding="utf-8")
    result = validate_project(project, as_of=AS_OF)
    return sorted(
        (d.code, d.location.dotted_path)
        for d in result.report.diagnostics
        if d.code in ("TS008", "TS009", "TS010")
    )


def test_consistent_summary_file_passes(tmp_path: Path) -> None:
    assert _codes(tmp_path, _summary(30, ["a.example", "b.example", "c.example"])) == []


def test_summary_file_with_wrong_length_fails_the_count(tmp_path: Path) -> None:
    found = _codes(tmp_path, _summary(30, ["a.example", "b.example"]))
    assert found == [("TS008", "section_2.crawled_data.top_domains.source")]


def test_summary_file_disagreeing_with_inline_values(tmp_path: Path) -> None:
    found = _codes(
        tmp_path,
        _summary(30, ["a.example", "b.example", "c.example"], sme=True),
        {"total_domains": 31, "domains": ["a.example", "c.example", "b.example"]},
    )
    assert ("TS010", "section_2.crawled_data.top_domains.total_domains") in found
    assert ("TS010", "section_2.crawled_data.top_domains.domains") in found
    assert ("TS010", "section_2.crawled_data.top_domains.source") in found  # sme differs


def test_unranked_or_malformed_summary_file(tmp_path: Path) -> None:
    summary = _summary(30, ["a.example", "b.example", "c.example"])
    summary["top"][0]["size"] = 1
    assert _codes(tmp_path, summary) == [("TS010", "section_2.crawled_data.top_domains.source")]
    del summary["distinct_domains"]
    assert _codes(tmp_path / "second", summary) == [
        ("TS010", "section_2.crawled_data.top_domains.source")
    ]


def test_expected_length_uses_exact_arithmetic_and_sme_cap() -> None:
    pack = rulepack.load()
    assert expected_top_domains(30, False, pack) == 3  # 0.1 * 30 is 3.0000000000000004 in floats
    assert expected_top_domains(31, False, pack) == 4
    assert expected_top_domains(30, True, pack) == 2
    assert expected_top_domains(30_000, True, pack) == int(pack["top_domains_cap_sme"])
    assert expected_top_domains(30_000, False, pack) == 3_000
    assert expected_top_domains(0, False, pack) == 0
