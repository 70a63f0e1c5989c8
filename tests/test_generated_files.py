"""Generated files match their sources: JSON Schemas, the rule reference, the catalogue."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gpai_docs.law.catalogue import AUDIENCES, all_entries, derived_entries
from gpai_docs.models.json_schema import json_schemas
from gpai_docs.report.rule_reference import rules_markdown
from tests.conftest import ROOT

SHARED_FIELDS = ROOT.parent / "shared" / "spec" / "fields.json"


@pytest.mark.parametrize("name", sorted(json_schemas()))
def test_schema_files_are_current(name: str) -> None:
    path = ROOT / "schemas" / name
    assert path.exists(), f"{name} missing: run `gpai-docs schema`"
    assert path.read_text(encoding="utf-8") == json_schemas()[name], (
        f"schemas/{name} is stale: run `gpai-docs schema`"
    )


def test_rule_reference_is_current() -> None:
    path = ROOT / "docs" / "rules.md"
    assert path.exists(), "docs/rules.md missing: run `gpai-docs rules --markdown > docs/rules.md`"
    assert path.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is stale: run `gpai-docs rules --markdown > docs/rules.md`"
    )


@pytest.mark.skipif(not SHARED_FIELDS.exists(), reason="../shared is not beside the checkout")
def test_vendored_catalogue_matches_shared_catalogue() -> None:
    shared = {f["id"]: f for f in json.loads(SHARED_FIELDS.read_text(encoding="utf-8"))["fields"]}
    ours = all_entries()
    assert set(ours) == set(shared), "run `python scripts/sync_catalogue.py`"
    for cid, entry in ours.items():
        assert entry.label == shared[cid]["label"]
        assert entry.confidence == shared[cid]["confidence"]
        assert list(entry.audience) == [a.lower() for a in shared[cid]["audience"]]


def _properties(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for definition in [schema, *schema.get("$defs", {}).values()]:
        for name, prop in definition.get("properties", {}).items():
            out.append((f"{definition.get('title')}.{name}", prop))
    return out


@pytest.mark.parametrize("name", sorted(json_schemas()))
def test_every_field_carries_a_catalogue_id_and_valid_audiences(name: str) -> None:
    schema = json.loads(json_schemas()[name])
    known = all_entries() | derived_entries()
    helpers = {
        "NotApplicable.not_applicable",
        "ToBeProvided.to_be_provided",
        "YesNo.answer",
        "YesNo.qualification",
        "MonthWithText.month",  # a month answer with its text: the field's id is the parent's
        "MonthWithText.text",
    }
    for qualified, prop in _properties(schema):
        if qualified in helpers or ("x-section" in prop and "x-catalogue-id" not in prop):
            continue
        assert prop.get("x-catalogue-id") in known, f"{qualified} has no valid x-catalogue-id"
        assert set(prop.get("x-audience", [])) <= set(AUDIENCES), qualified


def test_model_documentation_audiences_come_from_the_catalogue() -> None:
    schema = json.loads(json_schemas()["model-documentation.schema.json"])
    known = all_entries() | derived_entries()
    for qualified, prop in _properties(schema):
        cid = prop.get("x-catalogue-id", "")
        if cid.startswith("MDF.") and known[cid].audience and "x-audience" in prop:
            assert set(prop["x-audience"]) <= set(known[cid].audience) | {"public"}, qualified


def test_every_rule_pack_value_cites_a_catalogue_id() -> None:
    from gpai_docs.law import rulepack

    pack = rulepack.load()
    known = all_entries()
    for value in pack.values.values():
        assert value.catalogue_id in known, value.key
        assert value.confidence in ("confirmed", "secondary", "unconfirmed"), value.key
    assert pack.parameter_ranges.labels == known["MDF.properties.parameter_range"].allowed_values
    assert pack.size_bands["text"].labels == known["TDS.1.3.modality.text.size"].allowed_values
