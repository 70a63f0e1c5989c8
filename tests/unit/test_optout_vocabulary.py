"""The opt-out protocol vocabulary (data/optout_protocols.yaml) and how a policy names a
protocol: by vocabulary id, by a name the vocabulary knows, or as free text with a note.

The expected entries are those of requirements §12 (UPD.protocols, UPD.aipref) and of the
issue that made the vocabulary: RFC 9309, TDMRep, X-Robots-Tag noai, AIPREF Content-Usage
at draft -05 with vocabulary -08, Cloudflare Content-Signal, C2PA/CAWG assertions, IPTC
data-mining properties and ai.txt; llms.txt is none.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from gpai_docs.law import optout_protocols, rulepack
from gpai_docs.law.optout_protocols import fold
from gpai_docs.law.package_data import read_data
from gpai_docs.models.copyright_policy import Protocol
from gpai_docs.models.json_schema import json_schemas
from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE
from tests.rules.patching import merge, sample_data, write_project

VOCABULARY = rulepack.load().protocols

EXPECTED_STATUS = {
    "rfc9309": "standard",
    "tdmrep": "sector",
    "x-robots-tag-noai": "vendor",
    "aipref-content-usage": "draft",
    "cloudflare-content-signal": "vendor",
    "c2pa-cawg-tdm": "sector",
    "iptc-data-mining": "sector",
    "ai-txt": "vendor",
}


def test_the_vocabulary_holds_the_protocols_with_their_status() -> None:
    assert {p.id: p.status for p in VOCABULARY.protocols} == EXPECTED_STATUS
    assert VOCABULARY.version.startswith("2026.12.")
    assert VOCABULARY.as_of == dt.date(2026, 12, 1)


@pytest.mark.parametrize("protocol", VOCABULARY.protocols, ids=lambda p: p.id)
def test_each_protocol_has_id_name_status_reference_and_provenance(
    protocol: optout_protocols.OptOutProtocol,
) -> None:
    assert protocol.name and protocol.issuer
    assert protocol.reference.startswith("https://")
    assert protocol.source.verified_on <= VOCABULARY.as_of
    assert protocol.source.confidence in ("confirmed", "secondary", "unconfirmed")


def test_aipref_is_a_draft_at_attach_05_with_vocabulary_08() -> None:
    aipref = VOCABULARY.get("aipref-content-usage")
    assert aipref.drafts == ("draft-ietf-aipref-attach-05", "draft-ietf-aipref-vocab-08")
    assert aipref.version == "draft-ietf-aipref-attach-05 with draft-ietf-aipref-vocab-08"
    assert aipref.categories == ("train-ai", "search")  # nesting and ai-use removed in -08
    assert aipref.source.update_id == "UPD.aipref"
    assert "draft-ietf-aipref-attach-05" in aipref.status_text


def test_names_match_one_protocol_each() -> None:
    seen: dict[str, str] = {}
    for protocol in VOCABULARY.protocols:
        for name in {protocol.id, protocol.name, *protocol.aliases}:
            assert seen.setdefault(fold(name), protocol.id) == protocol.id, name
    assert VOCABULARY.find("tdmrep.json").id == "tdmrep"  # type: ignore[union-attr]
    assert VOCABULARY.find("X-Robots-Tag: noai").id == "x-robots-tag-noai"  # type: ignore[union-attr]
    assert VOCABULARY.find("Our own opt-out list") is None


def test_llms_txt_is_not_an_opt_out_protocol() -> None:
    assert VOCABULARY.find("llms.txt") is None
    for text in ("llms.txt", "LLMS.TXT file", "https://example.com/llms-full.txt"):
        found = VOCABULARY.not_a_protocol(text)
        assert found is not None and found.id == "llms-txt", text
    assert VOCABULARY.not_a_protocol("ai.txt", None) is None


def test_the_schema_offers_exactly_the_vocabulary_ids() -> None:
    schema = json.loads(json_schemas()["copyright-policy.schema.json"])
    protocol = schema["$defs"]["Protocol"]
    (enum,) = [a["enum"] for a in protocol["properties"]["id"]["anyOf"] if "enum" in a]
    assert enum == list(EXPECTED_STATUS)
    assert protocol["anyOf"] == [{"required": ["id"]}, {"required": ["name"]}]


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ({"id": "tdmrep"}, ("tdmrep", "TDMRep")),  # the vocabulary gives the name
        ({"id": "TDMRep"}, ("tdmrep", "TDMRep")),  # an alias is stored as the id
        ({"name": "Content Signals"}, ("cloudflare-content-signal", "Content Signals")),
        ({"name": "Publisher registry"}, (None, "Publisher registry")),  # free text
    ],
)
def test_a_protocol_is_named_by_id_or_name(given: dict[str, str], stored: tuple[Any, str]) -> None:
    protocol = Protocol.model_validate({**given, "implementation": "Honoured."})
    assert (protocol.id, protocol.name) == stored


def test_a_protocol_without_id_or_name_is_refused() -> None:
    with pytest.raises(ValidationError, match="a protocol needs `id:`"):
        Protocol.model_validate({"implementation": "Honoured."})
    with pytest.raises(ValidationError, match="'llms-txt' is not one of the allowed values"):
        Protocol.model_validate({"id": "llms-txt", "implementation": "Honoured."})


def _findings(tmp_path: Path, protocols: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    patch = {"copyright_policy": {"rights_reservation": {"other_protocols": protocols}}}
    project = write_project(tmp_path / "project", merge(sample_data("minimal"), patch))
    result = validate_project(project, as_of=FIXED_DATE)
    return [(d.code, d.location.dotted_path, d.message) for d in result.report.diagnostics]


def test_llms_txt_given_as_an_opt_out_protocol_is_a_warning(tmp_path: Path) -> None:
    found = _findings(tmp_path, [{"name": "llms.txt", "implementation": "We read llms.txt."}])
    assert found == [
        (
            "CP012",
            "rights_reservation.other_protocols[0]",
            "llms.txt is listed as an opt-out protocol, but it is none: llms.txt points "
            "language models to a site's content; it reserves no rights and is not an "
            "opt-out signal.",
        )
    ]


def test_free_text_stays_allowed_with_a_note(tmp_path: Path) -> None:
    found = _findings(
        tmp_path, [{"name": "Publisher opt-out registry", "implementation": "Honoured."}]
    )
    assert found == [
        (
            "CP011",
            "rights_reservation.other_protocols[0].name",
            "'Publisher opt-out registry' is not in the opt-out protocol vocabulary "
            f"{VOCABULARY.version}; it is kept as free text.",
        )
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": "popular"}, "`status` must be one of standard, draft, vendor, sector"),
        ({"drafts": []}, "a draft, and only a draft, lists the revisions"),
        ({"verified_on": None}, "`verified_on` must be the date"),
    ],
)
def test_the_vocabulary_refuses_a_bad_entry(change: dict[str, Any], message: str) -> None:
    raw = copy.deepcopy(read_data("optout_protocols.yaml"))
    entry = next(p for p in raw["protocols"] if p["id"] == "aipref-content-usage")
    entry.update(change)
    with pytest.raises(ValueError, match=message):
        optout_protocols.parse(raw)
