"""Catalogue ids are unique per field (issue 12): no field carries another field's id.

A record's sub-fields serve the record's requirement and may carry its id (a dataset's
name and link are parts of "TDS.2.1.large_datasets"); a field elsewhere may not (the image
count carried the text size's id, the representative's name the provider's). So every
field that carries an id lies below the topmost field that carries it. The walk is
models/walk.py's, over every field of the three documents.
"""

from __future__ import annotations

import json
from collections import defaultdict

import pytest
from pydantic import BaseModel

from gpai_docs.law.catalogue import all_entries, derived_entries, entry
from gpai_docs.models import CopyrightPolicy, ModelDocumentation, TrainingDataSummary
from gpai_docs.models.walk import walk_type
from tests.conftest import ROOT

DOCUMENTS: dict[str, type[BaseModel]] = {
    "model_documentation": ModelDocumentation,
    "training_data_summary": TrainingDataSummary,
    "copyright_policy": CopyrightPolicy,
}


def _carriers(model: type[BaseModel]) -> dict[str, list[tuple[str, ...]]]:
    found: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for node in walk_type(model):
        if node.field.catalogue_id is not None:
            found[node.field.catalogue_id].append(node.path)
    return found


def _borrowed(model: type[BaseModel]) -> dict[str, list[str]]:
    """Each id with the fields that carry it outside the topmost field carrying it."""
    out: dict[str, list[str]] = {}
    for cid, paths in _carriers(model).items():
        top = min(paths, key=len)
        outside = [".".join(p) for p in paths if p[: len(top)] != top]
        if outside:
            out[cid] = outside
    return out


@pytest.mark.parametrize("key", sorted(DOCUMENTS))
def test_no_field_carries_another_fields_id(key: str) -> None:
    assert _borrowed(DOCUMENTS[key]) == {}


# The model documentation's Code of Practice signatory (audience internal) still carries the
# summary's 3.1 id: a derived id takes its "from" entry's audience, no MDF entry is internal,
# and a derived entry cannot state its own (law/catalogue.py derived_entries). Until the
# catalogue has an id for it, this is the one id two documents share.
STILL_SHARED = {
    "TDS.3.1.signatory": {
        "model_documentation": ["provider.code_of_practice_signatory"],
        "training_data_summary": ["section_3.rights_reservation.signatory"],
    }
}


def _across_documents() -> dict[str, dict[str, list[str]]]:
    """Each id carried by fields of more than one document, with those fields."""
    by_id: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for key, model in DOCUMENTS.items():
        for cid, paths in _carriers(model).items():
            by_id[cid][key] = sorted(".".join(p) for p in paths)
    return {cid: docs for cid, docs in by_id.items() if len(docs) > 1}


def test_no_catalogue_id_is_carried_by_fields_of_two_documents() -> None:
    assert _across_documents() == STILL_SHARED


@pytest.mark.parametrize(
    ("path", "cid"),
    [
        (("section_1", "modalities", "text", "count"), "TDS.1.3.modality.text.count"),
        (("section_1", "modalities", "image", "count"), "TDS.1.3.modality.image.count"),
        (("section_1", "modalities", "audio", "count"), "TDS.1.3.modality.audio.count"),
        (("section_1", "modalities", "video", "count"), "TDS.1.3.modality.video.count"),
        (("section_1", "authorised_representative", "name"), "TDS.1.1.authorised_rep.name"),
        (
            ("section_1", "authorised_representative", "contact"),
            "TDS.1.1.authorised_rep.contact",
        ),
        (("section_1", "provider", "name"), "TDS.1.1.provider"),
        # the 1.3 items asked once per modality row: each row's own
        *(
            (("section_1", "modalities", m, item), f"TDS.1.3.modality.{m}.{item}")
            for m in ("text", "image", "audio", "video")
            for item in ("custom_size", "content_types")
        ),
        *(
            (
                ("section_1", "modalities", m, "custom_size", part),
                f"TDS.1.3.modality.{m}.custom_size",
            )
            for m in ("text", "image", "audio", "video")
            for part in ("value", "unit")
        ),
        (
            ("section_1", "modalities", "other", "[]", "content_types"),
            "TDS.1.3.modality.other.content_types",
        ),
        # an other modality's size is part of its item ("Other — name and size")
        (("section_1", "modalities", "other", "[]", "size", "value"), "TDS.1.3.modality.other"),
        (("section_1", "modalities", "other", "[]", "size", "unit"), "TDS.1.3.modality.other"),
    ],
)
def test_the_issues_fields_carry_their_own_ids(path: tuple[str, ...], cid: str) -> None:
    carried = {node.path: node.field.catalogue_id for node in walk_type(TrainingDataSummary)}
    assert carried[path] == cid


@pytest.mark.parametrize(
    ("key", "path", "cid"),
    [
        # Art 54: the facts that decide it apply, and the representative its mandate names
        (
            "model_documentation",
            ("provider", "established_in_union"),
            "AIA.54.1.established_in_union",
        ),
        ("model_documentation", ("provider", "country"), "AIA.54.1.country"),
        # items the summary asks too: the model documentation's own ids, audiences kept
        (
            "model_documentation",
            ("general", "model_dependencies", "[]", "summary_url"),
            "MDF.general.model_dependencies.summary_url",
        ),
        (
            "model_documentation",
            ("data", "latest_acquisition_date"),
            "MDF.data.latest_acquisition_date",
        ),
        (
            "training_data_summary",
            ("section_1", "latest_collection_date"),
            "TDS.1.3.latest_collection_date",
        ),
        (
            "training_data_summary",
            ("section_1", "model_dependencies", "[]", "summary_url"),
            "TDS.1.2.model_dependencies",
        ),
        ("model_documentation", ("provider", "authorised_representative"), "AIA.54.1"),
        (
            "model_documentation",
            ("provider", "authorised_representative", "mandate_date"),
            "AIA.54.1",
        ),
        # the policy's own sections beyond the Code's measures
        ("copyright_policy", ("voluntary_sections",), "COP.C.1.1.policy.voluntary_sections"),
        (
            "copyright_policy",
            ("voluntary_sections", "[]", "title"),
            "COP.C.1.1.policy.voluntary_sections",
        ),
        ("copyright_policy", ("document", "version"), "COP.C.1.1.policy"),
        # reservations written in terms of use, beside the 'any appropriate means' statement
        (
            "copyright_policy",
            ("rights_reservation", "natural_language_reservations"),
            "COP.C.1.3.rights_reservation_any_means.natural_language",
        ),
        (
            "copyright_policy",
            ("rights_reservation", "general_statement"),
            "COP.C.1.3.rights_reservation_any_means",
        ),
    ],
)
def test_the_other_documents_fields_carry_their_own_ids(
    key: str, path: tuple[str, ...], cid: str
) -> None:
    carried = {node.path: node.field.catalogue_id for node in walk_type(DOCUMENTS[key])}
    assert carried[path] == cid


def test_every_derived_id_is_used_and_derives_from_a_shared_id() -> None:
    raw = json.loads((ROOT / "src/gpai_docs/data/derived_ids.json").read_text("utf-8"))
    shared = all_entries()
    used = {cid for model in DOCUMENTS.values() for cid in _carriers(model)}
    for cid, item in raw["derived"].items():
        assert cid not in shared, f"{cid} is in the shared catalogue: use it, do not derive it"
        assert item["from"] in shared, cid
        assert cid.startswith(item["from"].split(".")[0] + "."), cid  # the same scheme
        assert cid in used, f"{cid} is derived but no field carries it"
        assert entry(cid).audience == shared[item["from"]].audience
    assert set(derived_entries()) == set(raw["derived"])


@pytest.mark.parametrize(
    ("path", "audience"),
    [
        # the Form's marks for these fields, as before they had ids of their own
        (("general", "model_dependencies", "[]", "summary_url"), ("aio", "nca", "dp")),
        (("data", "latest_acquisition_date"), ("aio", "nca")),
        (("provider", "code_of_practice_signatory"), ("internal",)),
    ],
)
def test_the_model_documentations_own_ids_keep_its_audiences(
    path: tuple[str, ...], audience: tuple[str, ...]
) -> None:
    fields = {node.path: node.field for node in walk_type(ModelDocumentation)}
    field = fields[path]
    assert field.audience == audience
    cid = field.catalogue_id
    assert cid is not None
    if cid.startswith("MDF."):
        assert set(audience) <= set(entry(cid).audience)
