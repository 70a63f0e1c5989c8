"""The canary's source of truth: the schemas' audience marks, held against the catalogue."""

from __future__ import annotations

import json

import pytest

from tests.canary.pipeline import SAMPLE_NAMES
from tests.canary.schema_leaves import (
    DOCUMENTS,
    FIELD_AUDIENCES,
    SPEC_FIELDS,
    VENDORED,
    audience_marks,
    catalogue_audiences,
    spec_audiences,
    text_leaves,
)
from tests.rules.patching import sample_data

OUTWARD = {"aio", "nca", "dp", "public"}


def test_vendored_catalogue_ticks_the_audiences_of_the_shared_spec() -> None:
    if not SPEC_FIELDS.is_file():
        pytest.skip("the shared requirement catalogue is not on this machine")
    vendored = json.loads(VENDORED.read_text(encoding="utf-8"))["entries"]
    spec = spec_audiences()
    assert {k: frozenset(a.lower() for a in v["audience"]) for k, v in vendored.items()} == spec


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_no_schema_field_reaches_further_than_the_catalogue_ticks(document: str) -> None:
    """Where the catalogue names the audiences of a requirement, a field for it may show
    its value to fewer of them (the request log is kept internal) but to no one else."""
    catalogue = catalogue_audiences()
    wider = []
    for where, catalogue_id, audience in audience_marks(document):
        assert catalogue_id in catalogue, f"{where}: {catalogue_id} is not in the catalogue"
        ticked = catalogue[catalogue_id]
        if ticked and (audience & OUTWARD) - ticked:
            wider.append((where, sorted(audience), sorted(ticked)))
    assert wider == []


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_schema_audiences_are_known(document: str) -> None:
    assert all(a <= FIELD_AUDIENCES for _, _, a in audience_marks(document))
    assert len(audience_marks(document)) >= 40


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_every_free_text_value_of_every_sample_has_an_audience(sample: str) -> None:
    documents = sample_data(sample)
    for key in DOCUMENTS:
        leaves = text_leaves(key, documents[key])
        assert len(leaves) >= 15, key
        assert [leaf.path for leaf in leaves if not leaf.audience] == [], key


# Read off the Model Documentation Form (which column each row is ticked in), the
# summary template (public throughout) and the Copyright chapter (Measures 1.3 and 1.5
# public, the rest the provider's own policy).
HAND_CHECKED = {
    ("model_documentation", ("compute", "methodology")): {"aio", "nca"},
    ("model_documentation", ("compute", "training_time_aio", "hardware")): {"aio"},
    ("model_documentation", ("data", "num_data_points_nca")): {"nca"},
    ("model_documentation", ("distribution", "channels_dp")): {"dp"},
    ("model_documentation", ("distribution", "channels_authorities")): {"aio", "nca"},
    ("model_documentation", ("use", "intended_uses")): {"aio", "nca", "dp"},
    ("model_documentation", ("provider", "country")): {"internal"},
    ("training_data_summary", ("section_1", "linguistic")): {"public"},
    ("training_data_summary", ("section_3", "illegal_content")): {"public"},
    ("copyright_policy", ("contact", "handling")): {"internal"},
    ("copyright_policy", ("contact", "complaints", "url")): {"internal", "public"},
    ("copyright_policy", ("lawful_access", "paywalls")): {"internal"},
}


def test_walker_finds_hand_checked_leaves_of_the_minimal_sample() -> None:
    documents = sample_data("minimal")
    found = {
        (leaf.document, leaf.path): set(leaf.audience)
        for key in DOCUMENTS
        for leaf in text_leaves(key, documents[key])
    }
    assert {k: found.get(k) for k in HAND_CHECKED} == HAND_CHECKED
    # Choices are not free text: the NCA's training time is one of four ranges.
    assert ("model_documentation", ("compute", "training_time_nca")) not in found
    assert ("model_documentation", ("properties", "parameter_range")) not in found
