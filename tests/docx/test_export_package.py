"""`export docx`: check boxes, links, properties, markings, reproducible bytes, the command.

Expected values are the samples' own answers (their YAML) and the contract the DOCX
import reads back: "☒ Label" / "☐ Label", inline ticks two spaces apart, stacked ticks
one per paragraph.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx.opc.constants import RELATIONSHIP_TYPE

from tests.conftest import SAMPLES
from tests.docx.test_export_layout import E, X, exported, opened, rows_of, tables
from tests.rules.patching import sample_data, write_project

TICK = re.compile(r"^[☒☐] \S")


def _answers(document: Any) -> dict[str, Any]:
    """Question -> its answer cell, for the two-column tables."""
    return {
        row.cells[0].text: row.cells[1]
        for table in tables(document)
        if len(table.columns) == 2
        for row in table.rows
    }


def test_yes_no_ticks_are_inline_two_spaces_apart() -> None:
    data = sample_data("large-closed")["training_data_summary"]
    answer = str(data["section_1"]["continuous_training"]).lower()
    cell = _answers(opened(exported("large-closed", "training_data_summary", "public")))[
        "Model continuously trained on new data after that date"
    ]
    yes, no = (X, E) if answer == "yes" else (E, X)
    assert cell.paragraphs[0].text == f"{yes} Yes  {no} No"


def test_band_ticks_are_stacked_one_per_paragraph() -> None:
    document = opened(exported("large-closed", "training_data_summary", "public"))
    (modalities,) = [t for t in tables(document) if rows_of(t)[0][0] == "Modality"]
    text_row = next(row for row in modalities.rows if row.cells[0].text.endswith(" Text"))
    assert text_row.cells[0].text == f"{X} Text"
    bands = [p.text for p in text_row.cells[1].paragraphs]
    assert len(bands) == 3 and all(TICK.match(band) for band in bands), bands
    assert sum(band.startswith(X) for band in bands) == 1
    # The glyphs are set in the check box style, whose font has them.
    glyphs = [r for p in text_row.cells[1].paragraphs for r in p.runs if r.text in (X, E)]
    assert glyphs and all(r.style.name == "GPAI Check Box" for r in glyphs)
    assert glyphs[0].style.font.name == "Segoe UI Symbol"


def test_urls_are_external_hyperlinks_whose_text_is_the_url() -> None:
    data = sample_data("large-closed")["training_data_summary"]
    canonical = data["header"]["canonical_url"]
    document = opened(exported("large-closed", "training_data_summary", "public"))
    cell = _answers(document)["Canonical URL"]
    (link,) = cell.paragraphs[0].hyperlinks
    assert link.address == canonical and link.text == canonical
    links = [r for r in document.part.rels.values() if r.reltype == RELATIONSHIP_TYPE.HYPERLINK]
    assert links and all(r.is_external for r in links)
    assert all(r.target_ref.startswith(("https://", "http://", "mailto:")) for r in links)
    rels = zipfile.ZipFile(io.BytesIO(exported("large-closed", "training_data_summary", "public")))
    xml = rels.read("word/_rels/document.xml.rels").decode()
    assert xml.count('TargetMode="External"') == len(links)


def test_properties_say_what_the_document_is_and_carry_its_own_date() -> None:
    data = sample_data("minimal")
    md = data["model_documentation"]
    props = opened(exported("minimal", "model_documentation", "nca")).core_properties
    model = md["general"]["model_name"]["name"]
    assert props.title == f"Model documentation: {model}"
    assert props.author == md["general"]["legal_name"]
    assert props.version == str(md["document"]["version"])
    assert props.language == "en-GB"
    assert "National competent authorities" in props.keywords
    assert "National competent authorities" in props.subject
    day = dt.date.fromisoformat(str(md["document"]["last_updated"]))
    stamp = dt.datetime.combine(day, dt.time(0, 0))
    assert props.created.replace(tzinfo=None) == stamp == props.modified.replace(tzinfo=None)
    summary = data["training_data_summary"]
    props = opened(exported("minimal", "training_data_summary", "public")).core_properties
    assert props.author == summary["section_1"]["provider"]["name"]
    assert props.version == str(summary["header"]["version"])
    assert props.created.date() == dt.date.fromisoformat(str(summary["header"]["last_update"]))


def test_the_package_names_gpai_docs_and_carries_nothing_of_the_default_template() -> None:
    data = exported("minimal", "training_data_summary", "public")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode()
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
    assert "<Application>gpai-docs</Application>" in app
    assert "Microsoft" not in app and "Normal.dotm" not in app
    assert [n for n in names if n.startswith("customXml/") or "thumbnail" in n] == []
    assert "customXml" not in types and "customXml" not in rels
    # Still a document Word and python-docx open, with its properties.
    assert opened(data).core_properties.title.startswith("Public Summary of Training Content")


def test_confidential_versions_carry_their_marking_and_drafts_say_draft() -> None:
    document = opened(exported("minimal", "model_documentation", "aio"))
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("CONFIDENTIAL — AI Office.") for t in texts)
    footer = document.sections[0].footer.paragraphs[0].text
    assert footer.startswith("CONFIDENTIAL — AI Office")
    internal = opened(exported("minimal", "copyright_policy", "internal"))
    assert internal.sections[0].footer.paragraphs[0].text.startswith("INTERNAL — provider only")
    public = opened(exported("minimal", "copyright_policy", "public"))
    assert "INTERNAL" not in public.sections[0].footer.paragraphs[0].text
    draft = opened(exported("minimal", "copyright_policy", "public", draft=True))
    assert draft.paragraphs[0].text.startswith("DRAFT — not for release.")
    assert draft.sections[0].header.paragraphs[0].text.startswith("DRAFT · ")
    assert "DRAFT" in draft.sections[0].footer.paragraphs[0].text
    assert draft.core_properties.content_status == "Draft"


def test_headings_are_followed_by_a_table_of_contents_field() -> None:
    document = opened(exported("minimal", "training_data_summary", "public"))
    styles = [p.style.name for p in document.paragraphs]
    assert "TOC Heading" in styles
    assert styles.index("TOC Heading") < styles.index("Heading 1")
    xml = document.element.body.xml
    assert 'TOC \\o "1-3"' in xml and xml.count('w:fldCharType="begin"') == 1


@pytest.mark.parametrize("sample", ["minimal", "large-closed"])
def test_two_exports_of_the_same_project_are_byte_identical(
    sample: str, tmp_path: Path, run_cli: Any
) -> None:
    outs = [tmp_path / "a.docx", tmp_path / "b.docx"]
    for out in outs:
        args = ("export", "docx", SAMPLES / sample, "--document", "model-documentation")
        result = run_cli(*args, "--audience", "dp", "--out", out)
        assert result.exit_code == 0, result.output
        assert result.output == f"wrote {out}\n"
    first, second = (out.read_bytes() for out in outs)
    assert first == second
    day = dt.date.fromisoformat(
        str(sample_data(sample)["model_documentation"]["document"]["last_updated"])
    )
    members = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert {m.date_time for m in members} == {(day.year, day.month, day.day, 0, 0, 0)}


def _broken(tmp_path: Path, document: str) -> Path:
    data = sample_data("minimal")
    if document == "training_data_summary":
        del data[document]["section_1"]["provider"]["name"]
    else:
        del data[document]["general"]["legal_name"]
    return write_project(tmp_path / "project", data)


def test_a_document_with_errors_is_refused_with_its_findings(tmp_path: Path, run_cli: Any) -> None:
    project = _broken(tmp_path, "training_data_summary")
    out = tmp_path / "summary.docx"
    out.write_bytes(b"earlier")
    result = run_cli("export", "docx", project, "--document", "training-data-summary", "--out", out)
    assert result.exit_code == 1
    assert "training-data-summary.yaml" in result.stdout
    assert "Export refused: 1 error" in result.stderr
    assert "--draft" in result.stderr
    assert out.read_bytes() == b"earlier"  # nothing half-written, nothing replaced
    drafted = run_cli(
        "export", "docx", project, "--document", "training-data-summary", "--out", out, "--draft"
    )
    assert drafted.exit_code == 2  # the summary did not load: nothing to export, even a draft
    assert "did not load" in drafted.stderr


def test_errors_in_another_document_do_not_stop_the_export(tmp_path: Path, run_cli: Any) -> None:
    project = _broken(tmp_path, "model_documentation")
    out = tmp_path / "summary.docx"
    result = run_cli("export", "docx", project, "--document", "training-data-summary", "--out", out)
    assert result.exit_code == 0, result.output
    assert opened(out.read_bytes()).paragraphs[0].text.startswith("Public Summary")
    refused = run_cli(
        "export", "docx", project, "--document", "model-documentation", "--audience", "dp",
        "--out", tmp_path / "md.docx",
    )  # fmt: skip
    assert refused.exit_code == 1
    assert not (tmp_path / "md.docx").exists()


@pytest.mark.parametrize(
    ("document", "audience", "message"),
    [
        ("model-documentation", None, "--audience is required for the model-documentation"),
        ("training-data-summary", "dp", "not made for the audience 'dp': use public"),
        ("copyright-policy", "aio", "use internal or public"),
        ("model-documentation", "public", "use aio or nca or dp"),
    ],
)
def test_an_audience_the_document_is_not_made_for_is_a_usage_error(
    document: str, audience: str | None, message: str, tmp_path: Path, run_cli: Any
) -> None:
    chosen = ["--audience", audience] if audience else []
    out = tmp_path / "x.docx"
    result = run_cli("export", "docx", SAMPLES / "minimal", "--document", document, *chosen,
                     "--out", out)  # fmt: skip
    assert result.exit_code == 2
    assert message in result.output
    assert not out.exists()


def test_default_audiences_are_public(tmp_path: Path, run_cli: Any) -> None:
    for document in ("training-data-summary", "copyright-policy"):
        out = tmp_path / f"{document}.docx"
        result = run_cli("export", "docx", SAMPLES / "minimal", "--document", document,
                         "--out", out)  # fmt: skip
        assert result.exit_code == 0, result.output
        props = opened(out.read_bytes()).core_properties
        assert props.subject.endswith("(Public)"), props.subject
