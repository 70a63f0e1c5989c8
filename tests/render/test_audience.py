"""The audience projection, held against the audience marks of the published JSON Schemas.

What each audience should see is read from ``schemas/*.schema.json`` by a walker of the
canary's own (``tests/canary/schema_leaves.py``), never from the projection's helpers.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel

from gpai_docs.render.audience import Record, project
from gpai_docs.validate.pipeline import validate_project
from tests.canary.pipeline import SAMPLE_NAMES
from tests.canary.schema_leaves import DOCUMENTS, FIELD_AUDIENCES, schema, text_leaves
from tests.conftest import SAMPLES
from tests.rules.patching import sample_data

OUTWARD = {"aio", "nca", "dp", "public"}


def _objects(root: dict[str, Any], node: dict[str, Any]) -> list[dict[str, Any]]:
    """The object schemas a value at ``node`` may be (through $ref, anyOf and array items)."""
    while "$ref" in node:
        node = root["$defs"][node["$ref"].removeprefix("#/$defs/")]
    if "anyOf" in node:
        return [o for option in node["anyOf"] for o in _objects(root, option)]
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        return _objects(root, node["items"])
    return [node] if "properties" in node else []


Field = tuple[str, frozenset[str] | None, frozenset[str] | None, bool]


def _fields(
    root: dict[str, Any], node: dict[str, Any], inherited: frozenset[str] | None, path: str
) -> Iterator[Field]:
    """(path, own audience, inherited audience, is a leaf) for every property in the schema."""
    for option in _objects(root, node):
        for name, child in option["properties"].items():
            own = frozenset(child["x-audience"]) if "x-audience" in child else None
            below = own if own is not None else inherited
            nested = list(_fields(root, child, below, f"{path}{name}."))
            yield f"{path}{name}", own, inherited, not nested
            yield from nested


def _schema_fields(document: str) -> list[Field]:
    # The answer wrappers (not applicable, to be provided) are values, not fields.
    return [
        f
        for f in _fields(schema(document), schema(document), None, "")
        if not f[0].endswith((".not_applicable", ".to_be_provided"))
    ]


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_every_leaf_has_an_audience(document: str) -> None:
    fields = _schema_fields(document)
    assert len(fields) >= 40
    missing = [p for p, own, inh, leaf in fields if leaf and (own or inh) is None]
    assert missing == [], f"fields without any x-audience on their path: {missing}"


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_no_field_is_more_public_than_its_container(document: str) -> None:
    """A child may narrow its container's audience, never add an outward one to it."""
    widened = [
        (p, own, inh)
        for p, own, inh, _ in _schema_fields(document)
        if own is not None and inh is not None and (own - inh) & OUTWARD
    ]
    assert widened == []
    assert all(own is None or own <= FIELD_AUDIENCES for _, own, _, _ in _schema_fields(document))


def _validated(sample: str) -> dict[str, BaseModel]:
    result = validate_project(SAMPLES / sample, as_of=dt.date(2026, 11, 21))
    models = {k: result.project.model(k) for k in result.project.documents}
    assert all(m is not None for m in models.values())
    return typing.cast(dict[str, BaseModel], models)


@pytest.fixture(scope="module")
def minimal() -> dict[str, BaseModel]:
    return _validated("minimal")


def _keys(record: Record, prefix: str = "") -> set[str]:
    out = set()
    for item in record.entries():
        out.add(prefix + item.key)
        if isinstance(item.value, Record):
            out |= _keys(item.value, f"{prefix}{item.key}.")
    return out


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_projection_shows_each_text_field_to_exactly_the_audiences_its_schema_names(
    sample: str,
) -> None:
    models, data = _validated(sample), sample_data(sample)
    wrong, looked = [], 0
    for document in DOCUMENTS:
        views = {a: _keys(project(models[document], a)) for a in sorted(FIELD_AUDIENCES)}
        for leaf in text_leaves(document, data[document]):
            if any(isinstance(part, int) for part in leaf.path):
                continue  # list items are not keys of the projection
            parts = [str(p) for p in leaf.path if p not in ("not_applicable", "to_be_provided")]
            key = ".".join(parts)
            for audience, keys in views.items():
                looked += 1
                # Internal parts of a public record are kept from everyone: that is
                # narrower than the schema, never wider.
                if (key in keys) != (audience in leaf.audience) and (
                    audience != "internal" or key in keys
                ):
                    wrong.append((document, key, audience, sorted(leaf.audience)))
    assert wrong == []
    assert looked >= 300


def test_split_rows_go_to_their_own_authority(minimal: dict[str, BaseModel]) -> None:
    md = minimal["model_documentation"]
    aio, nca, dp = (_keys(project(md, a)) for a in ("aio", "nca", "dp"))
    assert "compute.training_flop_aio" in aio and "compute.training_flop_aio" not in nca
    assert "compute.training_flop_nca" in nca and "compute.training_flop_nca" not in aio
    assert "properties.parameter_range" in dp and "properties.total_model_size" not in dp
    assert "distribution.channels_dp" in dp and "distribution.channels_authorities" not in dp
    for view in (aio, nca, dp):
        assert not any(
            k.startswith(("provider.sme", "provider.established_in_union")) for k in view
        )


def test_internal_facts_reach_no_authority(minimal: dict[str, BaseModel]) -> None:
    internal = {
        ".".join(str(p) for p in leaf.path)
        for leaf in text_leaves(
            "model_documentation", sample_data("minimal")["model_documentation"]
        )
        if leaf.audience == {"internal"}
    }
    assert "provider.country" in internal
    for audience in ("aio", "nca", "dp", "public"):
        assert not internal & _keys(project(minimal["model_documentation"], audience))


def test_public_copyright_summary_keeps_only_public_fields(minimal: dict[str, BaseModel]) -> None:
    keys = _keys(project(minimal["copyright_policy"], "public"))
    assert {
        "rights_reservation.robots_txt",
        "contact.complaints",
        "contact.point_of_contact",
    } <= keys
    assert not {"responsibilities", "lawful_access", "contact.handling", "output_safeguards"} & keys


def test_projection_is_empty_for_an_audience_the_document_never_names(
    minimal: dict[str, BaseModel],
) -> None:
    assert len(project(minimal["training_data_summary"], "aio")) == 0


def test_a_projection_inherits_the_audience_it_is_given(minimal: dict[str, BaseModel]) -> None:
    """The summary's sections name no audience of their own (their fields do): projected
    as part of something kept with the provider, they inherit that and the public sees
    none of them; given the public, each section is shown as the public's."""
    summary = minimal["training_data_summary"]
    assert {"header", "section_1", "section_2", "section_3"} <= set(project(summary, "public"))
    assert project(summary, "public").item("header").audience == ()
    assert len(project(summary, "public", inherited=("internal",))) == 0
    shown = project(summary, "public", inherited=("public",))
    assert shown.item("header").audience == ("public",)
    assert shown.item("section_1").audience == ("public",)
