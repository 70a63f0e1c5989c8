"""The one walk over the models, held against the requirement catalogue and the schemas.

The expectations come from outside the code: catalogue ids, audiences and section numbers
from the shared catalogue (``../shared/spec/fields.json``; the vendored copy, which
tests/test_generated_files.py keeps equal to it, when the shared folder is absent), the
fields to visit from the published JSON Schemas, the answer states from instances built
here by hand.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from pydantic import BaseModel

from gpai_docs.models import CopyrightPolicy, ModelDocumentation, TrainingDataSummary, walk
from gpai_docs.models._base import StrictModel, spec
from gpai_docs.models.answers import NotApplicable, ToBeProvided
from gpai_docs.models.model_documentation import Distribution, General
from gpai_docs.models.walk import (
    EACH,
    AnswerState,
    TypeNode,
    ValueNode,
    children,
    field_at,
    field_spec,
    node_at,
    start,
    walk_type,
    walk_values,
)
from tests.conftest import ROOT

SHARED = ROOT.parent / "shared" / "spec" / "fields.json"
VENDORED = ROOT / "src" / "gpai_docs" / "data" / "catalogue.json"
DERIVED = ROOT / "src" / "gpai_docs" / "data" / "derived_ids.json"
SCHEMAS = ROOT / "schemas"
DOCUMENTS: dict[str, type[BaseModel]] = {
    "model-documentation": ModelDocumentation,
    "training-data-summary": TrainingDataSummary,
    "copyright-policy": CopyrightPolicy,
}
# Answer wrappers and Yes/No answers are values: the walk over types does not open them.
# A size with its text ({band:, text:}), one picture per modality, is such a form too (the
# value is a WrittenSize).
SIZE_WITH_TEXT = {f"{m}SizeWithText" for m in ("Text", "Image", "Audio", "Video")}
VALUE_DEFS = {"NotApplicable", "ToBeProvided", "YesNo", "MonthWithText", *SIZE_WITH_TEXT}
# A month with its text ({month:, text:}) is a form the validator takes, shown in the schema;
# no model field holds it (the value is a WrittenMonth).
SCHEMA_ONLY_DEFS = {"MonthWithText", *SIZE_WITH_TEXT}


@pytest.fixture(autouse=True)
def _metadata_read_afresh() -> None:
    """Each test reads the models' metadata itself, not what an earlier test left in the
    walk's caches: mutation testing (scripts/mutation.sh) forks every mutant from a process
    whose caches the clean run filled, so without this a mutant of ``_spec`` or ``_text``
    would never run."""
    for cached in (walk.fields_of, walk._by_name, walk._index):
        cached.cache_clear()


@cache
def catalogue() -> dict[str, dict[str, Any]]:
    """Catalogue id -> entry (its ``audience`` in the catalogue's upper-case codes), with the
    ids derived for fields the shared catalogue has none for (data/derived_ids.json)."""
    if SHARED.is_file():
        found = {e["id"]: e for e in json.loads(SHARED.read_text(encoding="utf-8"))["fields"]}
    else:
        entries = json.loads(VENDORED.read_text(encoding="utf-8"))["entries"]
        found = {cid: {"id": cid, **entry} for cid, entry in entries.items()}
    derived = json.loads(DERIVED.read_text(encoding="utf-8"))["derived"]
    for cid, item in derived.items():
        found[cid] = {**found[item["from"]], "id": cid, "label": item["label"]}
    return found


def ticked(catalogue_id: str) -> tuple[str, ...]:
    return tuple(a.lower() for a in catalogue()[catalogue_id]["audience"])


def nodes(stem: str) -> list[TypeNode]:
    return list(walk_type(DOCUMENTS[stem]))


# --- the published schema, as an oracle of which fields there are --------------------------


def _schema_fields(
    root: dict[str, Any], node: dict[str, Any], path: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    """(path, property) of every property below ``node``, EACH standing for a list item."""
    if "$ref" in node:
        name = node["$ref"].removeprefix("#/$defs/")
        if name in VALUE_DEFS:
            return
        node = root["$defs"][name]
    for option in node.get("anyOf", ()):
        yield from _schema_fields(root, option, path)
    if isinstance(node.get("items"), dict):
        yield from _schema_fields(root, node["items"], (*path, EACH))
    for name, prop in node.get("properties", {}).items():
        yield (*path, name), prop
        yield from _schema_fields(root, prop, (*path, name))


def schema_fields(stem: str) -> list[tuple[tuple[str, ...], dict[str, Any]]]:
    root = json.loads((SCHEMAS / f"{stem}.schema.json").read_text(encoding="utf-8"))
    return list(_schema_fields(root, root, ()))


@pytest.mark.parametrize("stem", sorted(DOCUMENTS))
def test_every_field_is_visited_exactly_once(stem: str) -> None:
    walked = Counter(node.path for node in nodes(stem))
    assert [path for path, count in walked.items() if count > 1] == []
    published = schema_fields(stem)
    assert set(walked) == {path for path, _ in published}
    spec_fields = [path for path, prop in published if "x-confidence" in prop]
    assert len(spec_fields) >= 50
    assert all(walked[path] == 1 for path in spec_fields)


@pytest.mark.parametrize("stem", sorted(DOCUMENTS))
def test_each_field_carries_what_the_schema_publishes(stem: str) -> None:
    walked = {node.path: node for node in nodes(stem)}
    for path, prop in schema_fields(stem):
        field = walked[path].field
        assert field.catalogue_id == prop.get("x-catalogue-id"), path
        own = prop.get("x-audience")
        assert field.audience == (tuple(own) if own is not None else None), path
        assert field.section == prop.get("x-section"), path
        assert field.title == prop.get("title"), path
        assert field.label == prop["title"], path  # every published field has its title
        assert field.description == prop.get("description"), path
        assert field.example == (prop["examples"][0] if "examples" in prop else None), path
        named = set(_refs(prop)) - SCHEMA_ONLY_DEFS
        assert {model.__name__ for model in field.models} == named, path


def _refs(node: Any) -> Iterator[str]:
    """The definitions a property names itself (not those its definitions name)."""
    if isinstance(node, dict):
        if "$ref" in node:
            yield node["$ref"].removeprefix("#/$defs/")
        for key, value in node.items():
            if key != "properties":
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


# --- against the catalogue --------------------------------------------------------------------


@pytest.mark.parametrize("stem", sorted(DOCUMENTS))
def test_every_catalogue_id_is_in_the_catalogue(stem: str) -> None:
    ids = {node.field.catalogue_id for node in nodes(stem)} - {None}
    assert ids and ids <= set(catalogue())


def test_every_form_item_is_its_sections_field_for_the_audiences_ticked() -> None:
    """An item ``MDF.<section>.<item>[.<reader>]`` is the field ``<section>.<item>[_<reader>]…``
    (``doc`` is the ``document`` block), shown to exactly the readers the catalogue ticks; an
    id derived for a part of an item (``MDF.general.model_dependencies.summary_url``) is the
    field at that path."""
    top = {node.path: node for node in nodes("model-documentation") if len(node.path) == 2}
    form_items = [cid for cid in catalogue() if cid.startswith("MDF.")]
    assert len(form_items) >= 40
    for cid in form_items:
        _, group, *item = cid.split(".")
        section = {"doc": "document"}.get(group, group)
        matches = [
            node
            for (first, name), node in top.items()
            if first == section
            and name.startswith("_".join(item))
            and node.field.catalogue_id == cid
        ]
        if not matches:  # an id derived for a part of an item names the part's path
            matches = [
                node
                for node in nodes("model-documentation")
                if node.path[0] == section
                and "_".join(p for p in node.path[1:] if p != "[]") == "_".join(item)
                and node.field.catalogue_id == cid
            ]
        assert matches, cid
        if ticked(cid):
            assert [node.audience for node in matches] == [ticked(cid)] * len(matches), cid


def test_model_documentation_fields_with_a_form_id_show_the_ticked_readers() -> None:
    marked = [
        node
        for node in nodes("model-documentation")
        if (node.catalogue_id or "").startswith("MDF.")
    ]
    assert len(marked) >= 60
    for node in marked:
        assert node.catalogue_id is not None
        assert node.audience == (ticked(node.catalogue_id) or node.audience), node.path


def _number(section: str) -> str:
    found = re.match(r"(?:Measure )?(\d+(?:\.\d+)*)\b", section)
    return found.group(1) if found else ""


def test_summary_fields_sit_in_the_template_section_of_their_id() -> None:
    """``TDS.<n>…`` is under ``section_<n>`` and numbered as the catalogue's section is;
    the header's ids are in the header; no summary field goes to the authorities only."""
    for node in nodes("training-data-summary"):
        cid = node.field.catalogue_id
        if cid is None:
            continue
        part = cid.split(".")[1]
        if part.isdigit():
            assert node.path[0] == f"section_{part}", (node.path, cid)
            number = _number(catalogue()[cid]["section"])
            assert node.field.section in (number, None), (node.path, cid)
        elif part == "header":
            assert node.path[0] == "header", (node.path, cid)
        assert not set(ticked(cid)), cid  # the catalogue ticks no authority for the summary
        assert node.audience is not None and set(node.audience) <= {"public", "internal"}


def test_policy_fields_sit_under_the_measure_of_their_id() -> None:
    """Below a numbered section of the policy, each id is one of that Measure's."""
    for node in nodes("copyright-policy"):
        cid, sections = node.field.catalogue_id, _sections(node)
        if sections and len(node.path) > 1:
            assert cid is not None and cid.startswith("COP.C."), node.path
            assert _number(catalogue()[cid]["section"]) == sections, (node.path, cid)
        assert cid is None or not ticked(cid), cid
        if len(node.path) > 1:
            assert node.audience is not None and set(node.audience) <= {"public", "internal"}


def _sections(node: TypeNode) -> str | None:
    top = node_at(CopyrightPolicy, node.path[:1])
    return top.field.section if top is not None else None


def test_fields_are_found_by_path_with_indices_or_each() -> None:
    node = field_at(ModelDocumentation, ("general", "model_dependencies", 0, "name"))
    assert node is not None and node.path == ("general", "model_dependencies", EACH, "name")
    assert node.audience == ticked("MDF.general.model_dependencies")
    inner = node_at(ModelDocumentation, ("properties", "architecture", "not_applicable"))
    assert inner is not None and inner.path == ("properties", "architecture")
    assert field_at(ModelDocumentation, ("properties", "architecture", "not_applicable")) is None


# --- answer states over a hand-built instance -------------------------------------------------


def _by_path(value: BaseModel) -> dict[tuple[str | int, ...], ValueNode]:
    return {node.path: node for node in walk_values(value)}


def test_each_answer_state_is_reported() -> None:
    distribution = Distribution(
        channels_authorities="Secure portal",
        channels_dp=NotApplicable(not_applicable="No downstream providers"),
        license_link=ToBeProvided(to_be_provided="legal team"),
        license_category="proprietary",
        additional_assets=None,
    )
    found = _by_path(distribution)
    assert found[()].state is AnswerState.VALUE and found[()].field is None
    assert found[("channels_authorities",)].state is AnswerState.VALUE
    assert found[("channels_dp",)].state is AnswerState.NOT_APPLICABLE
    assert found[("license_link",)].state is AnswerState.TO_BE_PROVIDED
    assert found[("additional_assets",)].state is AnswerState.ABSENT
    # The wrappers are opened: their texts are values too, under the field's metadata.
    reason = found[("channels_dp", "not_applicable")]
    assert (reason.value, reason.state) == ("No downstream providers", AnswerState.VALUE)
    assert reason.catalogue_id == "MDF.distribution.channels_dp"
    assert reason.audience == ticked("MDF.distribution.channels_dp")


def test_the_forms_n_a_is_not_applicable_and_list_items_inherit_their_field() -> None:
    general = General.model_validate(
        {
            "legal_name": "Acme AI SAS",
            "model_name": {"name": "acme-7b", "versions": ["1.0", "1.1"]},
            "release_date": {"to_be_provided": True},
            "union_market_release_date": "2025-09-15",
            "model_dependencies": "N/A",
        }
    )
    found = _by_path(general)
    assert found[("model_dependencies",)].state is AnswerState.NOT_APPLICABLE
    assert found[("release_date",)].state is AnswerState.TO_BE_PROVIDED
    assert found[("model_authenticity",)].state is AnswerState.ABSENT
    item = found[("model_name", "versions", 1)]
    assert (item.value, item.state) == ("1.1", AnswerState.VALUE)
    assert item.field is not None and item.field.name == "versions"
    assert item.catalogue_id == "MDF.general.model_name"
    assert item.audience == ticked("MDF.general.model_name")
    paths = list(found)  # each before what is below it
    assert paths.index(("model_name",)) < paths.index(("model_name", "versions", 0))


def test_into_decides_which_values_are_opened() -> None:
    general = General.model_validate(
        {
            "legal_name": "Acme AI SAS",
            "model_name": {"name": "acme-7b"},
            "release_date": "2025-09-01",
            "union_market_release_date": "2025-09-15",
            "model_dependencies": [{"name": "base-7b"}],
        }
    )
    shallow = [node.path for node in walk_values(general, into=lambda v: v is general)]
    assert shallow == [(), *[(name,) for name in General.model_fields]]


def test_a_field_that_takes_the_forms_n_a_still_holds_values() -> None:
    """``N/A`` is Not applicable only where the field takes the Form's literal: an answered
    dependency list (a field that takes it) is a value, and so is the text ``N/A`` a walk
    starts from, which is no field's answer."""
    general = General.model_validate(
        {
            "legal_name": "Acme AI SAS",
            "model_name": {"name": "acme-7b"},
            "release_date": "2025-09-01",
            "union_market_release_date": "2025-09-15",
            "model_dependencies": [{"name": "base-7b"}],
        }
    )
    found = _by_path(general)
    assert found[("model_dependencies",)].state is AnswerState.VALUE
    assert found[("model_dependencies", 0)].state is AnswerState.VALUE
    assert start("N/A").state is AnswerState.VALUE


def test_the_answer_wrappers_texts_are_labelled_by_their_field_name() -> None:
    """The wrappers' fields have no title: the label is the name, spaced and capitalised
    (the semantic diff prints it); a titled field's label is its title."""
    found = _by_path(
        Distribution(
            channels_authorities="Secure portal",
            channels_dp=NotApplicable(not_applicable="No downstream providers"),
            license_link=ToBeProvided(to_be_provided="legal team"),
            license_category="proprietary",
        )
    )
    reason = found[("channels_dp", "not_applicable")]
    assert reason.field is not None and reason.field.label == "Not applicable"
    who = found[("license_link", "to_be_provided")]
    assert who.field is not None and who.field.label == "To be provided"
    assert field_spec(Distribution, "license_link").label == "License (link)"
    assert field_spec(General, "model_name").label == "Model name"
    family = field_spec(General, "model_name").models[0]
    assert field_spec(family, "family").label == "Model family"


def test_choices_a_validator_declares_are_the_fields_choices() -> None:
    node = field_at(ModelDocumentation, ("properties", "input_modalities", 0, "modality"))
    assert node is not None
    allowed = catalogue()["MDF.properties.input_modalities"]["allowed_values"]
    assert allowed == ["Text", "Images", "Audio", "Video", "Other"]
    assert node.field.shape.choices == tuple(allowed)


def test_a_path_ending_below_any_declared_field_finds_the_innermost() -> None:
    general = node_at(ModelDocumentation, ("general", "no_such_field"))
    assert general is not None and general.path == ("general",)
    assert node_at(ModelDocumentation, ("general",)) == general
    assert node_at(ModelDocumentation, ("no_such_section", "legal_name")) is None
    assert node_at(ModelDocumentation, ()) is None


# --- inheritance, on models whose inner fields declare nothing --------------------------------


class _Bare(StrictModel):
    """A record whose fields declare no catalogue id and no audience."""

    name: str
    note: str | None = None


class _Holder(StrictModel):
    listed: list[_Bare] = spec("MDF.general.model_dependencies", default_factory=list)
    single: _Bare | None = spec("MDF.distribution.channels_dp", default=None)
    bare: _Bare | None = None


def test_inner_fields_that_declare_nothing_inherit_the_nearest_ancestors() -> None:
    found = {node.path: node for node in walk_type(_Holder)}
    assert set(found) == {
        ("listed",),
        ("listed", EACH, "name"),
        ("listed", EACH, "note"),
        ("single",),
        ("single", "name"),
        ("single", "note"),
        ("bare",),
        ("bare", "name"),
        ("bare", "note"),
    }
    for path, cid in [
        (("listed", EACH, "name"), "MDF.general.model_dependencies"),
        (("listed", EACH, "note"), "MDF.general.model_dependencies"),
        (("single", "name"), "MDF.distribution.channels_dp"),
    ]:
        assert found[path].field.catalogue_id is None and found[path].field.audience is None
        assert (found[path].catalogue_id, found[path].audience) == (cid, ticked(cid)), path
    assert ticked("MDF.general.model_dependencies") == ("aio", "nca", "dp")
    assert ticked("MDF.distribution.channels_dp") == ("dp",)
    assert (found[("bare", "name")].catalogue_id, found[("bare", "name")].audience) == (None, None)


def test_a_walk_started_inside_a_document_inherits_what_it_is_given() -> None:
    """A value walked from its place (a sub-tree handed on by a consumer) carries the
    catalogue id and audience it was started with down to the fields that declare none."""
    cid = "MDF.distribution.channels_dp"
    wrapper = NotApplicable(not_applicable="No downstream providers")
    top = start(wrapper, ("distribution", "channels_dp"), ticked(cid), cid)
    assert (top.path, top.catalogue_id, top.audience) == (
        ("distribution", "channels_dp"),
        cid,
        ("dp",),
    )
    assert top.state is AnswerState.NOT_APPLICABLE and top.field is None
    [reason] = children(top)
    assert reason.path == ("distribution", "channels_dp", "not_applicable")
    assert (reason.catalogue_id, reason.audience) == (cid, ("dp",))
    assert [n.audience for n in walk_values(wrapper, audience=("dp",))] == [("dp",), ("dp",)]
