"""Shapes of published summaries that the summary schema holds (issue 12).

Each example is written as the published summaries write it (quoted in the issue). It
loads, it is kept as written, it is published where the template shows that row, and the
finding says what structure the template expects. Expected texts come from the issue and
the template, not from the code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gpai_docs.law import rulepack
from gpai_docs.models import TrainingDataSummary
from gpai_docs.render.artifacts import spec_for
from gpai_docs.render.markdown import render_artifact
from gpai_docs.validate.determinations import determine
from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE
from tests.rules.patching import merge, sample_data, write_project

PACK = rulepack.load()


def summary(patch: dict[str, Any]) -> TrainingDataSummary:
    data = merge(sample_data("minimal")["training_data_summary"], patch)
    return TrainingDataSummary.model_validate(data)


def _validated(patch: dict[str, Any], tmp_path: Path) -> Any:
    documents = merge(sample_data("minimal"), {"training_data_summary": patch})
    return validate_project(write_project(tmp_path / "project", documents), as_of=FIXED_DATE)


def findings(patch: dict[str, Any], tmp_path: Path) -> list[tuple[str, str, str]]:
    """(code, dotted path, message) of every finding on the minimal sample patched."""
    result = _validated(patch, tmp_path)
    return [(d.code, d.location.dotted_path, d.message) for d in result.report.diagnostics]


def rendered(patch: dict[str, Any], tmp_path: Path) -> tuple[str, str]:
    """The public summary's Markdown and HTML body, from the minimal sample patched."""
    result = _validated(patch, tmp_path)
    artifact = render_artifact(result, spec_for("training_data_summary", "public"))
    if artifact is None or artifact.html_body is None:
        raise AssertionError("the summary was not rendered")
    return artifact.markdown, str(artifact.html_body)


# --- continuous training (1.3): not stated stays not stated -----------------------------


def _cadence(tds: TrainingDataSummary) -> tuple[str, str]:
    got = {d.key: d for d in determine(None, tds, PACK)}["next_summary_update"]
    return got.outcome, got.statement


@pytest.mark.parametrize(
    "answer",
    [None, "Other", {"answer": "other", "qualification": "Training is paused."}],
)
def test_a_summary_silent_on_continuous_training_is_never_read_as_not_trained(
    answer: Any,
) -> None:
    outcome, statement = _cadence(summary({"section_1": {"continuous_training": answer}}))
    assert outcome == "Unknown"
    assert "not trained further" not in statement
    assert statement.startswith("Whether the model is trained further is not stated")
    assert "Nothing is inferred" in statement


def test_continuous_training_left_out_loads_and_gets_a_note(tmp_path: Path) -> None:
    got = findings({"section_1": {"continuous_training": None}}, tmp_path)
    notes = [f for f in got if f[0] == "TS060"]
    assert [f[1] for f in notes] == ["section_1.continuous_training"]
    assert "does not state whether the model keeps being trained" in notes[0][2]
    assert not [f for f in got if f[0][:2] in ("SC", "DL")]


def test_a_stated_no_still_updates_on_material_change() -> None:
    outcome, _ = _cadence(summary({"section_1": {"continuous_training": "No"}}))
    assert outcome == "On material change"
