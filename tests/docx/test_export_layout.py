"""`export docx`: every sample, every audience, read back with python-docx as Word would.

The expected headings and questions of the summary are the template's (requirements §6,
as tests/render/test_layout_summary.py quotes them); the Form's rows and their AIO, NCA
and DP ticks are the catalogue's (shared/spec/fields.json, its MDF entries' audiences);
the policy's commitments are the catalogue's COP labels. None comes from the exporter.
"""

from __future__ import annotations

import io
import json
import re
from functools import cache
from typing import Any

import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

import docx
from gpai_docs.law.catalogue import all_entries
from gpai_docs.render.artifacts import SPECS, spec_for
from gpai_docs.render.docx import artifact_docx
from gpai_docs.render.markdown import render_artifact
from gpai_docs.validate.pipeline import ValidationResult, validate_project
from tests.conftest import FIXED_DATE, ROOT, SAMPLES
from tests.render.test_layout_summary import HEADINGS, QUESTIONS

X, E = "☒", "☐"
SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir())
DOCUMENTS = ("model_documentation", "training_data_summary", "copyright_policy")
CASES = [
    (sample, spec.document, spec.audience)
    for sample in SAMPLE_NAMES
    for spec in SPECS
    if spec.document in DOCUMENTS
]
FORM_HEADER = ["Item", "Information", "AIO", "NCA", "DP"]
# The shared catalogue; its vendored copy when ../shared is not beside the checkout (the
# two are the same: tests/test_generated_files.py).
_SHARED = ROOT.parent / "shared" / "spec" / "fields.json"
FIELDS: list[dict[str, Any]] = (
    json.loads(_SHARED.read_text(encoding="utf-8"))["fields"]
    if _SHARED.exists()
    else [
        {"id": e.id, "label": e.label, "audience": [a.upper() for a in e.audience]}
        for e in all_entries().values()
    ]
)


@cache
def validated(sample: str) -> ValidationResult:
    return validate_project(SAMPLES / sample, as_of=FIXED_DATE)


@cache
def exported(sample: str, document: str, audience: str, draft: bool = False) -> bytes:
    rendered = render_artifact(validated(sample), spec_for(document, audience), draft=draft)
    assert rendered is not None
    return artifact_docx(rendered)


def opened(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def body(document: Any) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def style_of(item: Any) -> tuple[str, str]:
    """An item's style name and its base style's name ("" for none)."""
    style = item.style
    base = style.base_style if style is not None else None
    return (style.name if style is not None else "", base.name if base is not None else "")


def headings(document: Any) -> list[tuple[str, str]]:
    return [
        (style_of(item)[0], item.text)
        for item in body(document)
        if isinstance(item, Paragraph) and style_of(item)[0].startswith("Heading")
    ]


def rows_of(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def tables(document: Any) -> list[Table]:
    return [item for item in body(document) if isinstance(item, Table)]


def _level(heading: str) -> int:
    number = heading.split(" ", 1)[0].rstrip(".")
    return number.count(".") + 1


def test_every_document_and_audience_exports(sample_names: list[str]) -> None:
    assert sample_names == SAMPLE_NAMES and len(CASES) == 6 * len(SAMPLE_NAMES)


@pytest.mark.parametrize(("sample", "document", "audience"), CASES)
def test_headings_are_word_headings_in_the_layouts_order(
    sample: str, document: str, audience: str
) -> None:
    rendered = render_artifact(validated(sample), spec_for(document, audience))
    assert rendered is not None
    found = headings(opened(exported(sample, document, audience)))
    # The Markdown's headings, level by level: ## is Heading 1, ### 2 and #### 3.
    expected = [
        (f"Heading {len(m[1]) - 1}", m[2].replace("\\", ""))
        for m in re.finditer(r"^(#{2,4}) (.+)$", rendered.markdown, re.MULTILINE)
    ]
    assert found == expected and found


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_summary_has_the_templates_headings_and_questions_in_order(sample: str) -> None:
    document = opened(exported(sample, "training_data_summary", "public"))
    found = headings(document)
    assert [text for _, text in found] == HEADINGS
    assert [style for style, _ in found] == [f"Heading {_level(h)}" for h in HEADINGS]
    questions = [
        row[0] for table in tables(document) if len(table.columns) == 2 for row in rows_of(table)
    ]
    assert questions == QUESTIONS
    for table in tables(document):
        if len(table.columns) == 2:
            assert style_of(table) == ("GPAI Question Table", "Normal Table")


def _catalogue_label(label: str) -> str:
    """A Form row's label reduced to what the catalogue and the Form share: without a
    parenthesised unit or row suffix, or the catalogue's "— parameter range"."""
    return re.sub(r"\s*(\([^)]*\)|—.*)$", "", label).strip()


def _form_audiences() -> dict[str, list[set[str]]]:
    out: dict[str, list[set[str]]] = {}
    for item in FIELDS:
        if item["id"].startswith("MDF.") and item["audience"]:
            out.setdefault(_catalogue_label(item["label"]), []).append(set(item["audience"]))
    return out


def _form_rows(document: Any) -> list[tuple[str, str, set[str]]]:
    rows = []
    for table in tables(document):
        if len(table.columns) != 5:
            continue
        header, *items = rows_of(table)
        assert header == FORM_HEADER
        assert style_of(table) == ("GPAI Grid Table", "Table Grid")
        for item, information, *marks in items:
            assert all(m in (X, E) for m in marks), (item, marks)
            ticked = {name for name, m in zip(FORM_HEADER[2:], marks, strict=True) if m == X}
            rows.append((item, information, ticked))
    return rows


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
@pytest.mark.parametrize("audience", ["aio", "nca", "dp"])
def test_form_rows_carry_the_catalogues_audience_ticks(sample: str, audience: str) -> None:
    catalogue = _form_audiences()
    rows = _form_rows(opened(exported(sample, "model_documentation", audience)))
    labels = {_catalogue_label(item) for item, _, _ in rows}
    for item, information, ticked in rows:
        known = catalogue.get(_catalogue_label(item))
        if known is not None:  # the catalogue's rows; the provider block has no entry
            assert ticked in known, (item, ticked, known)
        if audience != "aio":
            assert audience.upper() in ticked, item  # only the reader's own rows
        elif audience.upper() not in ticked:
            assert information.startswith("Not in this version: given to "), item
    expected = {
        label for label, sets in catalogue.items() if any(audience.upper() in s for s in sets)
    }
    if audience == "aio":
        expected = set(catalogue)  # the AI Office's version lists every row of the Form
    assert expected <= labels, expected - labels


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
@pytest.mark.parametrize("audience", ["internal", "public"])
def test_policy_rows_are_the_codes_commitments(sample: str, audience: str) -> None:
    commitments = {item["label"] for item in FIELDS if item["id"].startswith("COP.")}
    derived = ROOT / "src" / "gpai_docs" / "data" / "derived_ids.json"  # ids the catalogue lacks
    if derived.exists():
        entries = json.loads(derived.read_text(encoding="utf-8"))["derived"].items()
        commitments |= {e["label"] for cid, e in entries if cid.startswith("COP.")}
    document = opened(exported(sample, "copyright_policy", audience))
    measures = [text for style, text in headings(document) if text.startswith("Measure ")]
    expected = ["Measure 1.1", "Measure 1.2", "Measure 1.3", "Measure 1.4", "Measure 1.5"]
    if audience == "public":
        expected = ["Measure 1.1", "Measure 1.3", "Measure 1.5"]
    assert [m.split(":")[0] for m in measures] == expected
    grids = [t for t in tables(document) if rows_of(t)[0] == ["Commitment", "Implementation"]]
    assert len(grids) == len(measures)
    for table in grids:
        for commitment, _ in rows_of(table)[1:]:
            assert commitment in commitments, commitment


def test_answers_read_as_the_layout_prints_them() -> None:
    document = opened(exported("large-closed", "model_documentation", "aio"))
    info = {item: information for item, information, _ in _form_rows(document)}
    # requirements §4.7: two significant figures for the AI Office, typeset as 10²⁵.
    assert info["Amount of computation used for training (FLOP)"] == "3.8\u00a0×\u00a010²⁵"
    assert info["Release date"] == "31/03/2026"
    summary = opened(exported("minimal", "training_data_summary", "public"))
    answers = {row[0]: row[1] for t in tables(summary) if len(t.columns) == 2 for row in rows_of(t)}
    assert answers["Authorised representative name and contact details"].startswith("N/A: ")
