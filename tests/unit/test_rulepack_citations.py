"""What a report cites from the rule pack: the superseded template number gets a note, and
the report states the law as amended and how fresh the facts behind it are.

Expected wording from requirements §12 (UPD.template_id, UPD.omnibus): the template and
notice are C(2025) 8311 final of 5 December 2025, superseding C(2025) 5235 final of
24 July 2025.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gpai_docs.report.formats import json_report, text_report
from gpai_docs.validate.pipeline import ValidationResult, validate_project
from tests.conftest import FIXED_DATE, SAMPLES
from tests.rules.patching import merge, sample_data, write_project


def _validate(tmp_path: Path, patch: dict[str, Any]) -> ValidationResult:
    project = write_project(tmp_path / "project", merge(sample_data("minimal"), patch))
    return validate_project(project, as_of=FIXED_DATE)


def test_a_summary_citing_the_superseded_template_gets_a_note(tmp_path: Path) -> None:
    text = "We filled in the template of C(2025) 5235 final."
    result = _validate(
        tmp_path, {"training_data_summary": {"section_3": {"illegal_content": text}}}
    )
    (note,) = [d for d in result.report.diagnostics if d.code == "PJ004"]
    assert note.severity.label == "info"
    assert note.location.dotted_path == "section_3.illegal_content"
    assert note.message == (
        "Cites C(2025) 5235 final of 2025-07-24, which C(2025) 8311 final of 2025-12-05 "
        "superseded (template for the public summary of training content and its explanatory "
        "notice)."
    )
    assert note.hint == (
        "Cite C(2025) 8311 final instead (UPD.template_id). No changed field between the two "
        "issues was reported."
    )


def test_a_policy_citing_the_superseded_number_gets_a_note_too(tmp_path: Path) -> None:
    handling = "Handled as the explanatory notice C(2025)5235 describes."
    result = _validate(tmp_path, {"copyright_policy": {"contact": {"handling": handling}}})
    found = [
        (d.code, Path(d.location.file).name, d.location.dotted_path)
        for d in result.report.diagnostics
    ]
    assert found == [("PJ004", "copyright-policy.yaml", "contact.handling")]


def test_the_current_identifier_gets_no_note(tmp_path: Path) -> None:
    text = "We filled in the template of C(2025) 8311 final."
    result = _validate(
        tmp_path, {"training_data_summary": {"section_3": {"illegal_content": text}}}
    )
    assert [d.code for d in result.report.diagnostics] == []


def test_the_report_prints_the_law_and_the_oldest_verified_on() -> None:
    result = validate_project(SAMPLES / "minimal", as_of=FIXED_DATE)
    text = text_report(result)
    assert "Law applied" in text
    assert "Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744" in text
    assert "Rule pack 2026.12.0 (as of 2026-12-01): the oldest of the" in text
    # The minimal sample's determinations use the retention period of rule pack 2026.11.1.
    assert "facts behind this report was verified on 2026-11-21 (" in text
    assert "Commission enforcement" in text and "In force since 2026-08-02" in text
    determinations = json.loads(json_report(result))["determinations"]
    assert [d["key"] for d in determinations][-2:] == ["enforcement", "law_applied"]
