"""Rules TS008 to TS010 on the top-domain list of summary section 2.3, whole runs.

The law (TDS.2.3.top_domains, TDS.rule.sme, VR-21): list the top 10 % of crawled domains
by content size, rounded up; an SME lists the top 5 % rounded up, or 1,000 domains if that
is lower. Expected counts below are worked out by hand from that rule. Every test asserts
the exact findings of the whole run, on `open-weights-sme`, which crawls and otherwise
passes with no finding.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from gpai_docs.crawlstats.ranking import rule_for
from gpai_docs.law import rulepack
from gpai_docs.validate.pipeline import ValidationResult, validate_project
from tests.rules.patching import merge, sample_data, write_project

AS_OF = dt.date(2026, 11, 21)
TOP = "section_2.crawled_data.top_domains"
SOURCE, DOMAINS, TOTAL = f"{TOP}.source", f"{TOP}.domains", f"{TOP}.total_domains"
FROM_FILE = {"source": "stats/domains.json"}
NO_MODEL_DOCUMENTATION = ("DL001", "")  # what a project without the file reports, by itself


def _names(count: int) -> list[str]:
    return [f"d{i}.example" for i in range(count)]


def _summary(distinct: int, domains: list[str], sme: bool | None) -> dict[str, Any]:
    top = [
        {"rank": i + 1, "domain": d, "size": 10_000 - i, "share": 0.0001}
        for i, d in enumerate(domains)
    ]
    return {
        "format": "gpai-docs-domains/1",
        "distinct_domains": distinct,
        "listed_domains": len(top),
        "sme": sme,
        "top": top,
    }


def _validate(
    tmp_path: Path, top: dict[str, Any], sme: bool | None, summary: dict[str, Any] | None
) -> ValidationResult:
    """``sme=None`` leaves the model documentation out, so no document states SME status."""
    documents = merge(
        sample_data("open-weights-sme"),
        {"model_documentation": {"provider": {"sme": bool(sme)}}},
    )
    documents["training_data_summary"]["section_2"]["crawled_data"]["top_domains"] = top
    project = write_project(tmp_path / "project", documents)
    if sme is None:
        (project / "model-documentation.yaml").unlink()
    if summary is not None:
        (project / "stats").mkdir()
        (project / "stats" / "domains.json").write_text(json.dumps(summary), encoding="utf-8")
    return validate_project(project, as_of=AS_OF)


def _run(
    tmp_path: Path,
    top: dict[str, Any],
    *,
    sme: bool | None,
    summary: dict[str, Any] | None = None,
) -> list[tuple[str, str]]:
    """Every finding of the run, as (code, field path)."""
    result = _validate(tmp_path, top, sme, summary)
    return sorted((d.code, d.location.dotted_path) for d in result.report.diagnostics)


def _messages(tmp_path: Path, code: str, top: dict[str, Any], *, sme: bool | None) -> list[str]:
    result = _validate(tmp_path, top, sme, None)
    return [d.message for d in result.report.diagnostics if d.code == code]


# --- the count, by hand --------------------------------------------------------------

# (crawled domains, non-SME count, SME count), each from the rule:
NON_SME_AND_SME = [
    (0, 0, 0),
    (1, 1, 1),  # ceil(0.1) and ceil(0.05)
    (30, 3, 2),  # 10 % is exactly 3 (0.1 * 30 is 3.0000000000000004 in floats); ceil(1.5)
    (31, 4, 2),  # ceil(3.1); ceil(1.55)
    (1_000, 100, 50),
    (1_001, 101, 51),  # ceil(100.1); ceil(50.05)
    (19_980, 1_998, 999),  # 5 % is exactly 999
    (19_981, 1_999, 1_000),  # ceil(1998.1); ceil(999.05) reaches the cap by rounding
    (20_000, 2_000, 1_000),  # 5 % is exactly the cap of 1,000
    (20_001, 2_001, 1_000),  # ceil(1000.05) = 1,001, capped at 1,000
    (20_020, 2_002, 1_000),  # 5 % is 1,001, capped
    (30_000, 3_000, 1_000),  # min(1,500, 1,000)
]


@pytest.mark.parametrize(("total", "non_sme", "sme"), NON_SME_AND_SME)
def test_expected_length_from_the_law(total: int, non_sme: int, sme: int) -> None:
    pack = rulepack.load()
    assert rule_for(pack, False).count(total) == non_sme
    assert rule_for(pack, True).count(total) == sme


def test_expected_length_matches_integer_arithmetic_around_the_boundaries() -> None:
    pack = rulepack.load()
    for total in [*range(0, 2_100), *range(19_900, 20_100)]:
        assert rule_for(pack, False).count(total) == -(-total // 10), total
        assert rule_for(pack, True).count(total) == min(-(-total // 20), 1_000), total


# --- the summary file --------------------------------------------------------------


def test_consistent_summary_file_passes(tmp_path: Path) -> None:
    assert _run(tmp_path, FROM_FILE, sme=False, summary=_summary(30, _names(3), False)) == []


def test_summary_file_with_wrong_length_fails_the_count(tmp_path: Path) -> None:
    found = _run(tmp_path, FROM_FILE, sme=False, summary=_summary(30, _names(2), False))
    assert found == [("TS008", SOURCE)]


def test_summary_file_disagreeing_with_inline_values(tmp_path: Path) -> None:
    a, b, c = _names(3)
    found = _run(
        tmp_path,
        {**FROM_FILE, "total_domains": 31, "domains": [a, c, b]},
        sme=False,
        summary=_summary(30, [a, b, c], True),
    )
    assert found == [
        ("TS008", DOMAINS),  # 3 listed; 31 crawled domains ask ceil(3.1) = 4
        ("TS010", DOMAINS),  # another order than the file's ranking
        ("TS010", SOURCE),  # computed as an SME, the model documentation says not
        ("TS010", TOTAL),  # 31 here, 30 in the file
    ]


def test_unranked_or_malformed_summary_file(tmp_path: Path) -> None:
    summary = _summary(30, _names(3), False)
    summary["top"][0]["size"] = 1
    assert _run(tmp_path, FROM_FILE, sme=False, summary=summary) == [("TS010", SOURCE)]
    del summary["distinct_domains"]
    assert _run(tmp_path / "second", FROM_FILE, sme=False, summary=summary) == [("TS010", SOURCE)]


@pytest.mark.parametrize(
    ("sme", "listed", "found"),
    [
        (True, 1_000, []),  # 20,001 domains: min(ceil(1000.05), 1,000)
        (True, 999, [("TS008", SOURCE)]),
        (True, 1_001, []),  # longer than required: still the top 1,000
        (False, 2_001, []),  # ceil(2000.1)
        (False, 2_000, [("TS008", SOURCE)]),
        (False, 2_002, []),
    ],
)
def test_length_at_the_sme_cap(tmp_path: Path, sme: bool, listed: int, found: list[Any]) -> None:
    summary = _summary(20_001, _names(listed), sme)
    assert _run(tmp_path, FROM_FILE, sme=sme, summary=summary) == found


# --- which document states SME status -------------------------------------------------


@pytest.mark.parametrize(
    ("documented", "in_file", "listed", "found"),
    [
        # 1,000 crawled domains: any provider lists 100, an SME 50.
        (True, True, 50, []),
        (False, False, 100, []),
        # The model documentation states the status; the file only records the setting
        # it was computed with, so its flag never overrides it, and TS010 flags it.
        (False, True, 50, [("TS008", SOURCE), ("TS010", SOURCE)]),
        (False, True, 100, [("TS010", SOURCE)]),
        (True, False, 100, [("TS010", SOURCE)]),  # an SME listing more than its 50
        (True, False, 50, [("TS010", SOURCE)]),
    ],
)
def test_the_model_documentation_states_sme_status(
    tmp_path: Path, documented: bool, in_file: bool, listed: int, found: list[Any]
) -> None:
    summary = _summary(1_000, _names(listed), in_file)
    assert _run(tmp_path, FROM_FILE, sme=documented, summary=summary) == found


@pytest.mark.parametrize(
    ("in_file", "listed", "found"),
    [
        (True, 50, []),
        (True, 100, []),  # an SME may list more than its 5 %
        (True, 49, [("TS008", SOURCE)]),
        (False, 100, []),
        (False, 50, [("TS008", SOURCE)]),
    ],
)
def test_without_model_documentation_the_file_states_it(
    tmp_path: Path, in_file: bool, listed: int, found: list[Any]
) -> None:
    summary = _summary(1_000, _names(listed), in_file)
    assert _run(tmp_path, FROM_FILE, sme=None, summary=summary) == sorted(
        [NO_MODEL_DOCUMENTATION, *found]
    )


@pytest.mark.parametrize(
    ("listed", "found"),
    [
        (50, [("TS009", SOURCE)]),  # the SME count
        (100, [("TS009", SOURCE)]),  # the non-SME count
        (75, [("TS009", SOURCE)]),  # at least the SME count
        (49, [("TS008", SOURCE), ("TS009", SOURCE)]),  # shorter than either
    ],
)
def test_unknown_sme_status_accepts_either_count_and_asks_for_it(
    tmp_path: Path, listed: int, found: list[Any]
) -> None:
    summary = _summary(1_000, _names(listed), None)
    assert _run(tmp_path, FROM_FILE, sme=None, summary=summary) == sorted(
        [NO_MODEL_DOCUMENTATION, *found]
    )


def test_unknown_sme_status_with_an_inline_list(tmp_path: Path) -> None:
    inline = {"total_domains": 1_000, "domains": _names(50)}
    assert _run(tmp_path, inline, sme=None) == [NO_MODEL_DOCUMENTATION, ("TS009", DOMAINS)]
    (message,) = _messages(tmp_path, "TS009", inline, sme=None)
    assert "an SME lists 50, any other provider 100" in message
    wrong = {"total_domains": 1_000, "domains": _names(40)}
    (message,) = _messages(tmp_path / "wrong", "TS008", wrong, sme=None)
    assert message == (
        "40 domain(s) are listed; for 1000 crawled domains an SME lists at least 50 and any "
        "other provider at least 100."
    )


def test_unknown_sme_status_needs_no_note_when_both_counts_agree(tmp_path: Path) -> None:
    # 10 crawled domains: ceil(1.0) = 1 and ceil(0.5) = 1.
    inline = {"total_domains": 10, "domains": _names(1)}
    assert _run(tmp_path, inline, sme=None) == [NO_MODEL_DOCUMENTATION]


def test_count_message_names_the_documented_status(tmp_path: Path) -> None:
    inline = {"total_domains": 1_000, "domains": _names(40)}
    (sme,) = _messages(tmp_path / "sme", "TS008", inline, sme=True)
    assert sme == "40 domain(s) are listed; for 1000 crawled domains an SME lists at least 50."
    (other,) = _messages(tmp_path / "other", "TS008", inline, sme=False)
    assert other == (
        "40 domain(s) are listed; for 1000 crawled domains a provider that is not an SME lists "
        "at least 100."
    )
