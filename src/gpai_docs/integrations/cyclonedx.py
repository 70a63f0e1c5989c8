"""CycloneDX 1.6 ML-BOM: the model as a ``machine-learning-model`` component with a model card.

The BOM is built with cyclonedx-python-lib. That library does not model ``modelCard`` yet
(its Component leaves the field as a TODO), so the card is added to the serialised
component; tests check the result against the official 1.6 schema the library bundles.

Only what the chosen audience may see goes in: the model documentation projected onto
that audience and the summary's public part. The Form keeps energy and compute from
downstream providers, so a BOM for ``dp`` has no energy figures.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import uuid
from typing import Any

from cyclonedx.model import ExternalReference, ExternalReferenceType, Property, XsUri
from cyclonedx.model.bom import Bom, BomMetaData
from cyclonedx.model.component import Component, ComponentType
from cyclonedx.model.contact import OrganizationalEntity
from cyclonedx.model.license import DisjunctiveLicense
from cyclonedx.output.json import JsonV1Dot6

from gpai_docs.integrations import hub_vocabulary as hub
from gpai_docs.integrations.hf_card import get, modalities
from gpai_docs.integrations.markdown_items import value_text
from gpai_docs.models import ModelDocumentation, TrainingDataSummary
from gpai_docs.models.answers import NotApplicable, ToBeProvided
from gpai_docs.models.numbers import Quantity
from gpai_docs.render.audience import Record, project

MODEL_REF = "gpai-model"
PROPERTY_PREFIX = "gpai-docs:model-documentation:"
# Hub licence id -> SPDX id, for the licences both lists name exactly.
_SPDX = {
    "apache-2.0": "Apache-2.0", "mit": "MIT", "bsd-2-clause": "BSD-2-Clause",
    "bsd-3-clause": "BSD-3-Clause", "mpl-2.0": "MPL-2.0", "gpl-3.0": "GPL-3.0-only",
    "lgpl-3.0": "LGPL-3.0-only", "agpl-3.0": "AGPL-3.0-only", "cc0-1.0": "CC0-1.0",
    "cc-by-4.0": "CC-BY-4.0", "cc-by-sa-4.0": "CC-BY-SA-4.0", "cc-by-nc-4.0": "CC-BY-NC-4.0",
    "cc-by-nc-sa-4.0": "CC-BY-NC-SA-4.0", "unlicense": "Unlicense",
}  # fmt: skip


def _text(value: Any) -> str | None:
    """Plain text of a given value; None for absent, pending or not-applicable answers."""
    if value is None or isinstance(value, Record | list | NotApplicable | ToBeProvided):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split()) or None


def _url(value: Any) -> XsUri | None:
    text = _text(value)
    return XsUri(text) if text and text.startswith(("https://", "http://")) else None


def _flatten(value: Any, path: str) -> list[tuple[str, str]]:
    if isinstance(value, Record):
        return [
            pair
            for item in value.entries()
            for pair in _flatten(item.value, f"{path}.{item.key}" if path else item.key)
        ]
    if isinstance(value, list):
        return [pair for i, v in enumerate(value) for pair in _flatten(v, f"{path}[{i}]")]
    if value is None:
        return []
    return [(path, value_text(value).strip("<>"))]


def _licenses(md: Record) -> list[DisjunctiveLicense]:
    link = _text(get(md, "distribution", "license_link"))
    if link is None:
        return []
    known = hub.hub_license(link)
    if known in _SPDX:
        return [DisjunctiveLicense(id=_SPDX[known])]
    url = _url(link)
    name = f"{_text(get(md, 'general', 'model_name', 'name')) or 'Model'} licence"
    return [DisjunctiveLicense(name=name, url=url) if url else DisjunctiveLicense(name=link)]


def _component(md: Record) -> Component:
    name = _text(get(md, "general", "model_name", "name")) or "model"
    versions = get(md, "general", "model_name", "versions")
    provider = _text(get(md, "general", "legal_name"))
    contact = _url(get(md, "provider", "documentation_contact"))
    references = [
        ExternalReference(type=kind, url=url, comment=comment)
        for kind, url, comment in (
            (ExternalReferenceType.LICENSE, _url(get(md, "distribution", "license_link")), None),
            (ExternalReferenceType.DOCUMENTATION, contact, "Documentation requests (AI Act)"),
            (
                ExternalReferenceType.OTHER,
                _url(get(md, "use", "acceptable_use_policy")),
                "Acceptable use policy",
            ),
        )
        if url is not None
    ]
    return Component(
        type=ComponentType.MACHINE_LEARNING_MODEL,
        name=name,
        bom_ref=MODEL_REF,
        version=str(versions[0]) if isinstance(versions, list) and versions else None,
        supplier=OrganizationalEntity(name=provider, urls=[contact] if contact else None)
        if provider
        else None,
        description=_text(get(md, "properties", "architecture")),
        licenses=_licenses(md),
        external_references=references,
        properties=[Property(name=PROPERTY_PREFIX + k, value=v) for k, v in _flatten(md, "")],
    )


def _io(value: Any) -> list[dict[str, str]]:
    out = []
    for element in value if isinstance(value, list) else []:
        modality = _text(get(element, "other_name")) or _text(get(element, "modality"))
        size = _text(get(element, "max_size"))
        if modality:
            out.append({"format": f"{modality} (maximum {size})" if size else modality})
    return out


def model_card(md: Record, tds: Record | None) -> dict[str, Any]:
    """The ``modelCard`` object, from the projections only."""
    parameters: dict[str, Any] = {}
    inputs_value = get(md, "properties", "input_modalities")
    outputs_value = get(md, "properties", "output_modalities")
    inputs, outputs = _io(inputs_value), _io(outputs_value)
    tag = hub.pipeline_tag(modalities(inputs_value), modalities(outputs_value))
    if tag:
        parameters["task"] = tag
    if architecture := _text(get(md, "properties", "architecture")):
        parameters["architectureFamily"] = architecture
    datasets = [
        {"type": "dataset", "name": name, **({"contents": {"url": link}} if link else {})}
        for d in get(tds, "section_2", "public_datasets", "large_datasets") or []
        if (name := _text(get(d, "name"))) is not None
        for link in [_text(get(d, "link"))]
    ]
    if datasets:
        parameters["datasets"] = datasets
    if inputs:
        parameters["inputs"] = inputs
    if outputs:
        parameters["outputs"] = outputs
    card: dict[str, Any] = {}
    if parameters:
        card["modelParameters"] = parameters
    considerations = _considerations(md, tds)
    if considerations:
        card["considerations"] = considerations
    return card


def _considerations(md: Record, tds: Record | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    uses = [
        text
        for text in (
            _text(get(md, "use", "intended_uses")),
            _text(get(md, "use", "ai_system_types")),
        )
        if text
    ]
    if uses:
        out["useCases"] = uses
    risks = [
        {"name": name, "mitigationStrategy": text}
        for name, value in (
            ("Illegal content in training data", get(tds, "section_3", "illegal_content")),
            ("Unsuitable data sources", get(md, "data", "unsuitability_measures")),
            ("Identifiable biases", get(md, "data", "bias_measures")),
        )
        if (text := _text(value))
    ]
    if risks:
        out["ethicalConsiderations"] = risks
    environment = _environment(md)
    if environment:
        out["environmentalConsiderations"] = environment
    return out


def _environment(md: Record) -> dict[str, Any]:
    out: dict[str, Any] = {}
    energy = get(md, "energy", "training_mwh")
    if isinstance(energy, Quantity):
        consumption: dict[str, Any] = {
            "activity": "training",
            "energyProviders": [],
            "activityEnergyCost": {"value": energy.value * 1000, "unit": "kWh"},
        }
        if methodology := _text(get(md, "energy", "methodology")):
            consumption["properties"] = [{"name": "gpai-docs:methodology", "value": methodology}]
        out["energyConsumptions"] = [consumption]
    flop = get(md, "energy", "inference_compute_flop")
    if isinstance(flop, Quantity):
        out["properties"] = [{"name": "gpai-docs:inference-compute-flop", "value": flop.text}]
    return out


def _timestamp() -> dt.datetime:
    # SOURCE_DATE_EPOCH makes the BOM reproducible, byte for byte.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


def export_bom(
    md: ModelDocumentation, tds: TrainingDataSummary | None, *, audience: str = "dp"
) -> str:
    """The CycloneDX 1.6 JSON text of the ML-BOM for ``audience``."""
    view = project(md, audience)
    # The summary is public by law: its public part belongs to every audience's BOM.
    public = project(tds, "public") if tds is not None else None
    component = _component(view)
    digest = hashlib.sha256(
        md.model_dump_json().encode() + (tds.model_dump_json().encode() if tds else b"")
    ).hexdigest()
    bom = Bom(
        serial_number=uuid.uuid5(uuid.NAMESPACE_URL, f"gpai-docs:{audience}:{digest}"),
        metadata=BomMetaData(
            component=component,
            timestamp=_timestamp(),
            properties=[Property(name="gpai-docs:audience", value=audience)],
        ),
    )
    data = json.loads(JsonV1Dot6(bom).output_as_string())
    card = model_card(view, public)
    if card:
        data["metadata"]["component"]["modelCard"] = card
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
