"""CycloneDX 1.6 ML-BOM, validated against the official schema cyclonedx-python-lib bundles."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from cyclonedx.schema import SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator

from gpai_docs.integrations.cyclonedx import export_bom
from gpai_docs.integrations.export_project import documents_for_export
from gpai_docs.render.audience import text_leaves
from tests.conftest import SAMPLES

Run = Callable[..., Result]
PROJECTS = sorted(p for p in SAMPLES.iterdir() if p.is_dir())


def _bom(project: Path, audience: str = "dp") -> tuple[str, dict[str, Any]]:
    md, tds = documents_for_export(project)
    text = export_bom(md, tds, audience=audience)
    return text, json.loads(text)


@pytest.mark.parametrize("audience", ["dp", "public", "nca", "aio"])
@pytest.mark.parametrize("project", PROJECTS, ids=lambda p: p.name)
def test_bom_is_valid_cyclonedx_1_6(project: Path, audience: str) -> None:
    text, bom = _bom(project, audience)
    error = JsonStrictValidator(SchemaVersion.V1_6).validate_str(text)
    assert error is None, str(error)
    assert bom["specVersion"] == "1.6"
    component = bom["metadata"]["component"]
    assert component["type"] == "machine-learning-model"
    assert "modelCard" in component


def test_model_card_content() -> None:
    _, bom = _bom(SAMPLES / "minimal")
    component = bom["metadata"]["component"]
    assert component["name"] == "Lumen-Base-2"
    assert component["version"] == "lumen-base-2-2025-10"
    assert component["supplier"]["name"] == "Lumen AI B.V."
    card = component["modelCard"]
    parameters = card["modelParameters"]
    assert parameters["task"] == "text-generation"
    assert parameters["datasets"] == [
        {
            "type": "dataset",
            "name": "FineWeb (2024-10 release)",
            "contents": {"url": "https://huggingface.co/datasets/HuggingFaceFW/fineweb"},
        }
    ]
    assert parameters["inputs"] == [{"format": "Text (maximum 32,768 tokens)"}]
    considerations = card["considerations"]
    assert considerations["useCases"][0].startswith("Drafting and summarising")
    risks = {r["name"] for r in considerations["ethicalConsiderations"]}
    assert risks == {"Illegal content in training data"}  # the others are for authorities


def test_energy_only_for_the_authorities() -> None:
    _, dp = _bom(SAMPLES / "minimal", "dp")
    assert (
        "environmentalConsiderations"
        not in dp["metadata"]["component"]["modelCard"]["considerations"]
    )
    _, aio = _bom(SAMPLES / "minimal", "aio")
    environment = aio["metadata"]["component"]["modelCard"]["considerations"][
        "environmentalConsiderations"
    ]
    (training,) = environment["energyConsumptions"]
    assert training["activity"] == "training"
    assert training["activityEnergyCost"] == {"value": 350000.0, "unit": "kWh"}  # 3.5*10^2 MWh


@pytest.mark.parametrize("audience", ["dp", "public"])
@pytest.mark.parametrize("project", PROJECTS, ids=lambda p: p.name)
def test_nothing_meant_for_others_leaks(project: Path, audience: str) -> None:
    text, _ = _bom(project, audience)
    md, _ = documents_for_export(project)
    leaves = list(text_leaves(md))
    shown = {v for _, seen_by, v in leaves if audience in seen_by}
    hidden = {v for _, seen_by, v in leaves if audience not in seen_by and len(v) > 12} - shown
    for value in hidden:
        assert json.dumps(value)[1:-1] not in text, value
    for quantity in (md.compute.training_flop_aio, md.energy.training_mwh):
        assert f'"{quantity}"' not in text


def test_reproducible_with_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763683200")
    first, bom = _bom(SAMPLES / "minimal")
    second, _ = _bom(SAMPLES / "minimal")
    assert first == second
    assert bom["metadata"]["timestamp"].startswith("2025-11-21")
    assert bom["serialNumber"].startswith("urn:uuid:")
    other, _ = _bom(SAMPLES / "minimal", "aio")
    assert json.loads(other)["serialNumber"] != bom["serialNumber"]


def test_cli(tmp_path: Path, run_cli: Run) -> None:
    out = tmp_path / "bom.json"
    written = run_cli("export", "cyclonedx", SAMPLES / "minimal", "--out", out)
    assert written.exit_code == 0, written.output
    assert JsonStrictValidator(SchemaVersion.V1_6).validate_str(out.read_text("utf-8")) is None
    printed = run_cli("export", "cyclonedx", SAMPLES / "minimal", "--out", "-", "--audience", "aio")
    assert printed.exit_code == 0
    assert json.loads(printed.output)["metadata"]["properties"] == [
        {"name": "gpai-docs:audience", "value": "aio"}
    ]
    missing = run_cli("export", "cyclonedx", tmp_path / "nowhere", "--out", out)
    assert missing.exit_code == 2
    assert "does not exist" in missing.output
