"""Which open answers are owed and due: one decision shared by PJ001, MD002, MD014 and MD015.

Expected outcomes come from the AI Act, not from the code: Art 53(2) lifts Art 53(1)(a)
and (b) (model documentation, Annexes XI and XII) for a free and open-source model with
public weights, architecture and usage information, never for a model with systemic risk,
and keeps (c) (copyright policy) and (d) (summary). Obligations are due on placement on
the Union market, or on 2 August 2027 for a model placed before 2 August 2025 (Art 111(3)).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from gpai_docs.validate.pipeline import ValidationResult, validate_project
from tests.conftest import FIXED_DATE
from tests.rules.patching import merge, sample_data, write_project

OPEN = {"to_be_provided": True}
# An Annex XI item (1.1(d), architecture), an Annex XII/Form item and a Transparency
# chapter commitment of the model documentation, one summary item and one policy item.
OPEN_ANSWERS: dict[str, Any] = {
    "model_documentation": {
        "properties": {"architecture": OPEN},
        "data": {"curation": OPEN},
        "provider": {"documentation_contact": OPEN},
    },
    "training_data_summary": {"section_3": {"illegal_content": OPEN}},
    "copyright_policy": {"contact": {"handling": OPEN}},
}
OPEN_PATHS = {
    ("model-documentation", "properties.architecture"),
    ("model-documentation", "data.curation"),
    ("model-documentation", "provider.documentation_contact"),
    ("training-data-summary", "section_3.illegal_content"),
    ("copyright-policy", "contact.handling"),
}
MD_PATHS = {p for p in OPEN_PATHS if p[0] == "model-documentation"}
SYSTEMIC = {"model_documentation": {"systemic_risk": {"designated": True}}}


def _validate(
    tmp_path: Path, sample: str, *patches: dict[str, Any], as_of: dt.date = FIXED_DATE
) -> ValidationResult:
    documents = sample_data(sample)
    for patch in patches:
        documents = merge(documents, patch)
    return validate_project(write_project(tmp_path / "project", documents), as_of=as_of)


def _at(result: ValidationResult) -> dict[tuple[str, str], list[str]]:
    """Every finding of the run, by (document stem, field path)."""
    out: dict[tuple[str, str], list[str]] = {}
    for d in result.report.diagnostics:
        out.setdefault((Path(d.location.file).stem, d.location.dotted_path), []).append(d.code)
    return out


def test_exempt_model_open_annex_xi_item_past_due_is_listed_once_and_not_overdue(
    tmp_path: Path,
) -> None:
    # Kaamos-7B: Apache-2.0, public weights, 1.9*10^23 FLOP (no systemic risk), placed
    # 2026-05-12, so on 2026-11-21 a non-exempt model's documentation would be overdue.
    patch = {"model_documentation": {"properties": {"architecture": OPEN}}}
    result = _validate(tmp_path, "open-weights-sme", patch)
    assert _at(result) == {("model-documentation", "properties.architecture"): ["PJ001"]}
    assert result.report.errors == []
    assert result.pending == 1


def test_same_data_with_systemic_risk_is_overdue(tmp_path: Path) -> None:
    patch = {"model_documentation": {"properties": {"architecture": OPEN}}}
    result = _validate(tmp_path, "open-weights-sme", patch, SYSTEMIC)
    found = _at(result)
    assert found[("model-documentation", "properties.architecture")] == ["MD002"]
    assert "PJ001" not in {c for codes in found.values() for c in codes}


def test_non_exempt_model_is_overdue(tmp_path: Path) -> None:
    # `minimal` has a proprietary licence and was placed on 2025-10-01.
    patch = {"model_documentation": {"properties": {"architecture": OPEN}}}
    result = _validate(tmp_path, "minimal", patch)
    assert _at(result) == {("model-documentation", "properties.architecture"): ["MD002"]}
    (error,) = result.report.errors
    assert "was due on 2025-10-01" in error.message


def test_exempt_model_still_owes_the_summary_and_the_policy(tmp_path: Path) -> None:
    result = _validate(tmp_path, "open-weights-sme", OPEN_ANSWERS)
    found = _at(result)
    assert {p: found[p] for p in OPEN_PATHS} == {
        **{p: ["PJ001"] for p in MD_PATHS},
        ("training-data-summary", "section_3.illegal_content"): ["MD002"],
        ("copyright-policy", "contact.handling"): ["MD002"],
    }


# (sample, extra patches, date, which code reports the open model-documentation answers,
# which code reports the open summary and policy answers)
SCENARIOS = [
    pytest.param("minimal", (), FIXED_DATE, "MD002", "MD002", id="placed-and-due"),
    pytest.param("minimal", (), dt.date(2025, 9, 30), "PJ001", "PJ001", id="day-before-placement"),
    pytest.param(
        "minimal",
        ({"model_documentation": {"general": {"union_market_release_date": "2025-06-01"}}},),
        FIXED_DATE,
        "PJ001",
        "PJ001",
        id="legacy-before-2027-08-02",
    ),
    pytest.param(
        "minimal",
        ({"model_documentation": {"general": {"union_market_release_date": "2025-06-01"}}},),
        dt.date(2027, 8, 2),
        "MD002",
        "MD002",
        id="legacy-on-2027-08-02",
    ),
    pytest.param("open-weights-sme", (), FIXED_DATE, "PJ001", "MD002", id="exempt"),
    pytest.param(
        "open-weights-sme", (SYSTEMIC,), FIXED_DATE, "MD002", "MD002", id="exempt-but-systemic"
    ),
]


@pytest.mark.parametrize(("sample", "patches", "as_of", "md_code", "other_code"), SCENARIOS)
def test_each_open_answer_is_reported_exactly_once(
    tmp_path: Path,
    sample: str,
    patches: tuple[dict[str, Any], ...],
    as_of: dt.date,
    md_code: str,
    other_code: str,
) -> None:
    result = _validate(tmp_path, sample, OPEN_ANSWERS, *patches, as_of=as_of)
    found = _at(result)
    for place in OPEN_PATHS:
        want = md_code if place in MD_PATHS else other_code
        assert found.get(place) == [want], place
    # No other finding of the run is about an open answer.
    counts = Counter(c for codes in found.values() for c in codes)
    assert counts["PJ001"] + counts["MD002"] == len(OPEN_PATHS)
    # Five answers are open whether they are drafts or overdue; the summary line
    # "N answers to be provided" must not drop to 0 once the documentation is due.
    assert result.pending == 5
