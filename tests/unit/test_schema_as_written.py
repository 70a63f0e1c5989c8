"""The published JSON Schemas (schemas/*.json) take what the models take (issue 12).

An editor validates a YAML file with the schema before gpai-docs reads it: a shape the
model keeps "as written" that the schema refuses would be flagged as an error in a valid
file. Checked with the ``jsonschema`` library: every migration filing that loads validates,
and each "as written" shape of the issue is taken by the model and by the schema alike.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

from gpai_docs.models.kinds import KIND_BY_KEY
from gpai_docs.models.schema_shapes import lenient_pattern
from gpai_docs.validate.pipeline import validate_project
from gpai_docs.yamlio.parse import parse_yaml
from tests.migration import corpus

SCHEMAS = Path("schemas")
AS_OF = dt.date(2026, 11, 21)
ENTRIES = corpus.entries()


def _validator(stem: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{stem}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _as_json(data: Any) -> Any:
    """The document as an editor's YAML plugin hands it to the schema (dates as text)."""
    if isinstance(data, dict):
        return {str(k): _as_json(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_as_json(v) for v in data]
    if isinstance(data, dt.date):
        return data.isoformat()
    return data


def _read(path: Path) -> Any:
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    parsed = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    return _as_json(parsed.data)


def _errors(stem: str, data: Any) -> list[str]:
    found = _validator(stem).iter_errors(data)
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message[:160]}" for e in found]


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_every_migration_filing_that_loads_validates_against_its_schema(
    entry: corpus.Entry,
) -> None:
    result = validate_project(entry.folder, as_of=AS_OF, complete=False)
    checked = 0
    for key, path in entry.documents.items():
        if result.project.model(key) is None:
            continue  # refused on load: the migration tests say why
        checked += 1
        assert _errors(KIND_BY_KEY[key].stem, _read(path)) == [], path
    assert checked or entry.load_pending, f"{entry.name}: no document loaded"


KESTREL = Path("tests/migration/documents/kestrel-own-layout/training-data-summary.yaml")
# (dotted path in the summary, value as a provider writes it): the shapes of issue 12.
SUMMARY_SHAPES = [
    ("section_2.crawled_data.period", "Approximately 2018 – December 2025"),
    ("section_2.crawled_data.period", "From 2025 to 2026"),
    ("section_2.crawled_data.period", {"text": "2019 to 2025"}),
    ("section_2.crawled_data.period", {"start": "06/2018", "end": "12/2025"}),
    ("section_1.latest_collection_date", "Up to June 2026"),
    ("section_1.latest_collection_date", "Data collection is ongoing"),
    (
        "section_1.latest_collection_date",
        {"month": "01/2025", "text": "The knowledge cut-off date is 01/2025; we may update"},
    ),
    ("section_1.modalities.text.size", "Up to 19.2 billion tokens"),
    ("section_1.modalities.text.size", "1billion to 10 trillions tokens"),
    (
        "section_1.modalities.text.size",
        {"band": "1billion to 10 trillions tokens", "text": "Up to 19.2 billion tokens"},
    ),
    (
        "section_1.modalities.text.size",
        {"band": "1 billion to 10 trillion tokens", "text": "About 2 trillion tokens"},
    ),
    (
        "section_2.licensed_data.used",
        {"answer": "Yes", "qualification": "Yes, we leveraged data acquisition agreements"},
    ),
    ("section_2.licensed_data.used", {"answer": "Other", "qualification": "See below."}),
    ("section_2.licensed_data.used", {"answer": True}),
    ("section_2.licensed_data.used", "Yes"),
    # a Yes/No answered in a sentence: the answer it starts with, qualified by the rest
    ("section_2.licensed_data.used", "Yes, we leveraged data acquisition agreements"),
    ("section_2.licensed_data.used", "Other (see below)"),
    ("section_2.licensed_data.used", "Information cannot be provided: placed before August 2025"),
]


def _with(data: dict[str, Any], dotted: str, value: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    *parents, last = dotted.split(".")
    node = out
    for key in parents:
        node = node.setdefault(key, {})
    node[last] = value
    return out


@pytest.mark.parametrize(("dotted", "value"), SUMMARY_SHAPES, ids=lambda v: str(v)[:40])
def test_an_as_written_summary_shape_is_taken_by_model_and_schema(dotted: str, value: Any) -> None:
    data = _with(_read(KESTREL), dotted, value)
    KIND_BY_KEY["training_data_summary"].model.model_validate(data)  # the model takes it
    assert _errors("training-data-summary", data) == []


@pytest.mark.parametrize(
    ("dotted", "value"),
    [
        ("section_2.crawled_data.period", ""),
        ("section_2.crawled_data.period", {"from": "2018"}),
        ("section_1.modalities.text.size", {"band": "Between two and three tokens", "text": "x"}),
        ("section_2.licensed_data.used", {"answer": "Perhaps"}),
    ],
)
def test_the_schema_still_refuses_what_the_model_refuses(dotted: str, value: Any) -> None:
    data = _with(_read(KESTREL), dotted, value)
    with pytest.raises(ValidationError):
        KIND_BY_KEY["training_data_summary"].model.model_validate(data)
    assert _errors("training-data-summary", data) != []


@pytest.mark.parametrize(
    ("label", "printed", "matches"),
    [
        ("1 billion to 10 trillion tokens", "1billion to 10 trillions tokens", True),
        ("10,000 to 1 million hours", "10 000 to1 million hours", True),
        ("Less than 10,000 hours", "less than 10000 hour", True),
        ("Less than 1 billion tokens", "More than 1 billion tokens", False),
        ("1 billion to 10 trillion tokens", "1 billion to 10 trillion tokens or more", False),
    ],
)
def test_a_band_as_printed_matches_its_pattern(label: str, printed: str, matches: bool) -> None:
    assert bool(re.search(lenient_pattern(label), printed)) is matches


HALCYON = Path("tests/migration/documents/halcyon-two-sizes/model-documentation.yaml")
MD_MONTHS = [
    "12/2025",
    "May 2025",
    "Up to June 2026",
    "Data collection is ongoing",
    {"month": "01/2025", "text": "01/2025; we may update"},
]


@pytest.mark.parametrize("value", MD_MONTHS, ids=str)
def test_the_md_acquisition_month_as_written_is_taken_by_model_and_schema(value: Any) -> None:
    data = _with(_read(HALCYON), "data.latest_acquisition_date", value)
    KIND_BY_KEY["model_documentation"].model.model_validate(data)
    assert _errors("model-documentation", data) == []


BOREALIS = Path("tests/migration/documents/borealis-policy/copyright-policy.yaml")
# (dotted path in the policy, value as a policy writes it, the field that keeps it, its value)
POLICY_SHAPES = [
    ("rights_reservation.robots_txt", "Our crawler honours robots.txt.", "statement",
     "Our crawler honours robots.txt."),
    ("rights_reservation.robots_txt", True, "honoured", True),
    ("output_safeguards.aup_prohibition", "You may not use our models to infringe copyright.",
     "text", "You may not use our models to infringe copyright."),
    ("output_safeguards.applies_irrespective",
     "These commitments apply however the model is integrated.", "committed", True),
    ("output_safeguards.applies_irrespective", False, "committed", False),
]  # fmt: skip


@pytest.mark.parametrize(("dotted", "value", "field", "kept"), POLICY_SHAPES)
def test_a_policy_record_written_as_one_sentence_is_taken_by_model_and_schema(
    dotted: str, value: Any, field: str, kept: Any
) -> None:
    """Issue 12: the robots.txt commitment in prose, the prohibition quoted, the 'applies
    irrespective' commitment stated: each loads, kept, and the schema agrees."""
    data = _with(_read(BOREALIS), dotted, value)
    policy = KIND_BY_KEY["copyright_policy"].model.model_validate(data)
    record: Any = policy
    for part in dotted.split("."):
        record = getattr(record, part)
    assert getattr(record, field) == kept
    if isinstance(value, str):  # the sentence itself, as written
        assert value in (getattr(record, field), getattr(record, "text", None))
    assert _errors("copyright-policy", data) == []


@pytest.mark.parametrize(
    ("dotted", "written"),
    [
        ("section_2.crawled_data.crawler_names", "KestrelBot/1.2"),
        ("section_1.versioned_model_names", "Kestrel-2-2025-09"),
        ("section_2.crawled_data.modalities", "Text"),
        ("section_1.languages", "en"),
        ("section_2.crawled_data.crawler_names", "KestrelBot, KestrelNews"),  # never split
    ],
)
def test_a_list_written_as_its_one_item_is_that_item(dotted: str, written: str) -> None:
    """Issue 12: `crawler_names: GPTBot` is a list of one, as written; model and schema agree."""
    data = _with(_read(KESTREL), dotted, written)
    summary: Any = KIND_BY_KEY["training_data_summary"].model.model_validate(data)
    for part in dotted.split("."):
        summary = getattr(summary, part)
    assert summary == [written]
    assert _errors("training-data-summary", data) == []


def test_a_bare_na_for_a_list_stays_not_applicable() -> None:
    data = _with(_read(HALCYON), "data.type_modality", "N/A")
    documentation: Any = KIND_BY_KEY["model_documentation"].model.model_validate(data)
    assert documentation.data.type_modality.not_applicable == "N/A"


@pytest.mark.parametrize(("written", "kept"), [("version: 2", "2"), ("version: 1.10", "1.10")])
def test_a_version_written_unquoted_is_its_text_as_written(
    written: str, kept: str, tmp_path: Path
) -> None:
    """A policy's `version: 1.10` (unquoted: a number to YAML) is the version '1.10'."""
    text = BOREALIS.read_text(encoding="utf-8").replace('version: "1.3"', written, 1)
    assert written in text
    (tmp_path / "copyright-policy.yaml").write_text(text, encoding="utf-8")
    result = validate_project(tmp_path, as_of=AS_OF, complete=False)
    policy: Any = result.project.model("copyright_policy")
    assert policy is not None and policy.document.version == kept
    assert _errors("copyright-policy", _read(tmp_path / "copyright-policy.yaml")) == []
