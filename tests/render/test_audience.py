"""The audience projection: one source of truth, the fields' x-audience metadata."""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from gpai_docs.catalogue import AUDIENCES
from gpai_docs.models import CopyrightPolicy, ModelDocumentation, TrainingDataSummary
from gpai_docs.render.audience import VALUE_MODELS, Record, field_audience, project, text_leaves
from gpai_docs.validation import validate_project
from tests.conftest import SAMPLES

ROOTS = (ModelDocumentation, TrainingDataSummary, CopyrightPolicy)
OUTWARD = {"aio", "nca", "dp", "public"}


def _models(annotation: object) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if not issubclass(annotation, VALUE_MODELS):
            yield annotation
        return
    for arg in typing.get_args(annotation):
        yield from _models(arg)


def _fields(
    model: type[BaseModel], inherited: tuple[str, ...] | None, path: str
) -> Iterator[tuple[str, tuple[str, ...] | None, tuple[str, ...] | None, bool]]:
    """(path, own audience, inherited audience, is_leaf) for every field."""
    model.model_rebuild()
    for name, info in model.model_fields.items():
        own = field_audience(model, name)
        children = list(_models(info.annotation))
        yield f"{path}{name}", own, inherited, not children
        for child in children:
            yield from _fields(child, own if own is not None else inherited, f"{path}{name}.")


@pytest.mark.parametrize("root", ROOTS, ids=lambda m: m.__name__)
def test_every_leaf_has_an_audience(root: type[BaseModel]) -> None:
    missing = [p for p, own, inh, leaf in _fields(root, None, "") if leaf and (own or inh) is None]
    assert missing == [], f"fields without any x-audience on their path: {missing}"


@pytest.mark.parametrize("root", ROOTS, ids=lambda m: m.__name__)
def test_no_field_is_more_public_than_its_container(root: type[BaseModel]) -> None:
    """A child may narrow its container's audience, never add an outward one to it."""
    widened = [
        (p, own, inh)
        for p, own, inh, _ in _fields(root, None, "")
        if own is not None and inh is not None and (set(own) - set(inh)) & OUTWARD
    ]
    assert widened == []


def test_audiences_are_known() -> None:
    for root in ROOTS:
        for path, own, _, _ in _fields(root, None, ""):
            assert own is None or set(own) <= set(AUDIENCES), path


@pytest.fixture(scope="module")
def minimal() -> dict[str, BaseModel]:
    result = validate_project(SAMPLES / "minimal", as_of=dt.date(2026, 11, 21))
    models = {k: result.project.model(k) for k in result.project.documents}
    assert all(m is not None for m in models.values())
    return typing.cast(dict[str, BaseModel], models)


def _keys(record: Record, prefix: str = "") -> set[str]:
    out = set()
    for item in record.entries():
        out.add(prefix + item.key)
        if isinstance(item.value, Record):
            out |= _keys(item.value, f"{prefix}{item.key}.")
    return out


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
    md = minimal["model_documentation"]
    internal = {
        ".".join(str(p) for p in path)
        for path, audience, _ in text_leaves(md)
        if audience == ("internal",)
    }
    for audience in ("aio", "nca", "dp", "public"):
        assert not internal & _keys(project(md, audience))


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


def test_text_leaves_carry_paths_into_the_source(minimal: dict[str, BaseModel]) -> None:
    leaves = {path: value for path, _, value in text_leaves(minimal["model_documentation"])}
    assert leaves[("general", "model_name", "name")] == "Lumen-Base-2"
