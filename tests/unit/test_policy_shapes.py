"""Copyright policies as published (issue 12): each shape loads, is kept verbatim, renders
in its measure's row, and gets the finding the Code's measure calls for.

The shapes: the policy's own opening statement beside its version and date; an e-mail or a
postal address as the complaint channel; the robots.txt commitment in prose; the
prohibition of infringing uses quoted without a link; the commitment that Measure 1.4
applies however the model is integrated; sections the Code does not ask for. The expected
findings come from Measures 1.3 to 1.5 (requirements §5): robots.txt per RFC 9309, a
prohibition stated in the AUP or terms, a point of contact and complaint mechanism for
electronic communication.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gpai_docs.models.copyright_policy import CopyrightPolicy
from gpai_docs.render.markdown import render_markdown
from gpai_docs.validate.pipeline import ValidationResult, validate_project
from tests.conftest import FIXED_DATE
from tests.rules.patching import merge, sample_data, write_project

OPENING = (
    "This Copyright Policy describes how Lumen AI complies with Union law on copyright and "
    "related rights when developing and providing its general-purpose AI models."
)
ROBOTS_PROSE = "Our crawler respects robots.txt directives."
AUP_TEXT = "Users must not use our models to infringe copyright or related rights."
IRRESPECTIVE = (
    "These commitments apply irrespective of whether the model is integrated into our own "
    "AI systems or made available to other entities under contract."
)
POSTAL = "Lumen AI GmbH, Legal Department, Musterstraße 1, 10115 Berlin, Germany"
COMPLAINTS_EMAIL = "copyright@lumen-ai.example"


def _validate(tmp_path: Path, policy_patch: dict[str, Any]) -> ValidationResult:
    documents = merge(sample_data("minimal"), {"copyright_policy": policy_patch})
    project = write_project(tmp_path / "project", documents)
    return validate_project(project, as_of=FIXED_DATE)


def _policy(result: ValidationResult) -> CopyrightPolicy:
    model = result.project.model("copyright_policy")
    assert isinstance(model, CopyrightPolicy), result.report.diagnostics
    return model


def _codes(result: ValidationResult) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for d in result.report.diagnostics:
        if d.location.file.endswith("copyright-policy.yaml"):
            found.setdefault(d.code, []).append(d.location.dotted_path)
    return found


def _schema_problems(result: ValidationResult) -> list[str]:
    return [d.code for d in result.report.diagnostics if d.code[:2] in ("DL", "SC")]


def test_opening_statement_is_kept_and_rendered_before_version_and_date(tmp_path: Path) -> None:
    result = _validate(tmp_path, {"document": {"opening_statement": OPENING}})
    assert _schema_problems(result) == []
    assert _policy(result).document.opening_statement == OPENING
    for audience in ("internal", "public"):  # the policy's identification is public (1.1)
        text = render_markdown(result, "copyright_policy", audience)
        line = next(x for x in text.splitlines() if OPENING[:40] in x)
        # The statement opens the row of Measure 1.1's policy, before the version.
        assert line.index("Opening statement") < line.index("Policy version")


def test_email_as_the_complaint_channel_passes_and_renders(tmp_path: Path) -> None:
    result = _validate(
        tmp_path,
        {
            "contact": {
                "complaints": {
                    "url": None,
                    "email": COMPLAINTS_EMAIL,
                    "description": "Complaints can be sent by e-mail.",
                }
            }
        },
    )
    assert _schema_problems(result) == []
    complaints = _policy(result).contact.complaints
    assert getattr(complaints, "email", None) == COMPLAINTS_EMAIL
    assert "CP008" not in _codes(result)  # an e-mail address is electronic (Measure 1.5)
    assert COMPLAINTS_EMAIL in render_markdown(result, "copyright_policy", "public")


def test_postal_address_alone_is_kept_rendered_and_an_error(tmp_path: Path) -> None:
    result = _validate(
        tmp_path,
        {
            "contact": {
                "point_of_contact": {"email": None, "url": None, "postal_address": POSTAL},
                "complaints": {
                    "url": None,
                    "postal_address": POSTAL,
                    "description": "Complaints can be sent to our legal department by post.",
                },
            }
        },
    )
    assert _schema_problems(result) == []
    contact = _policy(result).contact
    assert getattr(contact.complaints, "postal_address", None) == POSTAL
    assert getattr(contact.point_of_contact, "postal_address", None) == POSTAL
    codes = _codes(result)
    # Measure 1.5: a contact point for electronic communication and an electronic mechanism.
    assert codes["CP007"] == ["contact.point_of_contact"]
    assert codes["CP008"] == ["contact.complaints"]
    assert "postal address" in next(
        d.message for d in result.report.diagnostics if d.code == "CP008"
    )
    assert POSTAL in render_markdown(result, "copyright_policy", "public")


def test_robots_txt_in_prose_is_kept_rendered_and_a_warning(tmp_path: Path) -> None:
    result = _validate(
        tmp_path,
        {
            "rights_reservation": {
                "robots_txt": {
                    "honoured": None,
                    "standard": None,
                    "implementation": None,
                    "statement": ROBOTS_PROSE,
                }
            }
        },
    )
    assert _schema_problems(result) == []
    robots = _policy(result).rights_reservation.robots_txt
    assert (robots.statement, robots.honoured) == (ROBOTS_PROSE, None)
    codes = _codes(result)
    assert codes["CP016"] == ["rights_reservation.robots_txt.statement"]
    assert "CP001" not in codes  # the commitment is there, in words
    assert "names no standard" in next(
        d.message for d in result.report.diagnostics if d.code == "CP016"
    )
    assert ROBOTS_PROSE in render_markdown(result, "copyright_policy", "public")


def test_aup_prohibition_without_a_link_is_kept_rendered_and_a_warning(tmp_path: Path) -> None:
    result = _validate(
        tmp_path,
        {"output_safeguards": {"aup_prohibition": {"text": AUP_TEXT, "location": None}}},
    )
    assert _schema_problems(result) == []
    prohibition = _policy(result).output_safeguards.aup_prohibition
    assert getattr(prohibition, "text", None) == AUP_TEXT
    assert getattr(prohibition, "location", "absent") is None
    codes = _codes(result)
    assert codes["CP017"] == ["output_safeguards.aup_prohibition"]
    assert "CP006" not in codes  # the wording prohibits infringement of copyright
    assert AUP_TEXT in render_markdown(result, "copyright_policy", "internal")


def test_applies_irrespective_commitment_is_kept_and_has_its_own_row(tmp_path: Path) -> None:
    result = _validate(
        tmp_path,
        {"output_safeguards": {"applies_irrespective": {"committed": True, "text": IRRESPECTIVE}}},
    )
    assert _schema_problems(result) == []
    applies = _policy(result).output_safeguards.applies_irrespective
    assert applies is not None and (applies.committed, applies.text) == (True, IRRESPECTIVE)
    text = render_markdown(result, "copyright_policy", "internal")
    row = next(x for x in text.splitlines() if IRRESPECTIVE[:40] in x)
    # The catalogue's wording of COP.C.1.4.applies_irrespective heads the row.
    assert row.startswith("| Applies whether model is integrated in own systems or supplied")
    assert "Committed: Yes" in row
    # Internal to the provider, like the rest of Measure 1.4.
    assert IRRESPECTIVE[:40] not in render_markdown(result, "copyright_policy", "public")


def test_a_policy_without_the_commitment_has_no_row_for_it(tmp_path: Path) -> None:
    result = _validate(tmp_path, {})
    text = render_markdown(result, "copyright_policy", "internal")
    assert "Applies whether model is integrated" not in text


def test_voluntary_sections_are_kept_and_rendered_after_the_measures(tmp_path: Path) -> None:
    sections = [
        {"title": "Supplier due diligence", "text": "Data suppliers warrant lawful collection."},
        {"title": "Compensation and attribution", "text": "We pay licensed sources."},
        {"title": "Output marking", "text": "Generated images carry C2PA credentials."},
    ]
    result = _validate(tmp_path, {"voluntary_sections": sections})
    assert _schema_problems(result) == []
    kept = _policy(result).voluntary_sections
    assert [(s.title, s.text) for s in kept] == [(s["title"], s["text"]) for s in sections]
    text = render_markdown(result, "copyright_policy", "internal")
    last_measure = text.index("Measure 1.5")
    for section in sections:
        assert text.index(section["text"]) > last_measure
