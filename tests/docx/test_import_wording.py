"""How Word rows are found: light edits of a question, bold numbered headings instead of
Heading styles, questions that match two rows, and JSON projects."""

from __future__ import annotations

import json
from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE

import docx
from gpai_docs.integrations.docx.importing import import_docx
from gpai_docs.load.documents import load_text
from tests.docx import _edit as E

SUMMARY = "training-data-summary"


def _project(tmp_path: Path) -> tuple[Path, Path]:
    project = E.copy_tree(Path("samples/minimal"), tmp_path / "minimal")
    return project, E.export(project, "training_data_summary", "public", tmp_path / "s.docx")


def test_a_lightly_edited_question_still_finds_its_row(tmp_path: Path) -> None:
    project, word = _project(tmp_path)
    doc = docx.Document(str(word))
    row = E.row_of(doc, "1.3", "Description of the linguistic")
    assert row.cells[0].text == (
        "Description of the linguistic characteristics of the overall training data"
    )
    row.cells[0].paragraphs[
        0
    ].text = "Description of linguistic characteristics of the overall training data:"
    E.set_cell(row.cells[1], ["English only."])
    doc.save(str(word))

    result = import_docx(word, project, as_of=E.AS_OF)

    assert result.unmapped == ()
    assert [(c.path, c.new) for c in result.diff.changes] == [
        ("section_1.linguistic", "English only.")
    ]


def test_a_rewritten_question_is_reported_not_guessed(tmp_path: Path) -> None:
    project, word = _project(tmp_path)
    doc = docx.Document(str(word))
    row = E.row_of(doc, "1.3", "Description of the linguistic")
    row.cells[0].paragraphs[0].text = "Which languages?"
    E.set_cell(row.cells[1], ["English only."])
    doc.save(str(word))

    result = import_docx(word, project, as_of=E.AS_OF)

    assert result.diff.changes == ()
    [said] = result.unmapped
    assert said.endswith(
        "'Which languages?': no question of the summary has this wording; nothing was "
        "imported from it"
    )
    assert "(section 1.3)" in said


def test_headings_written_as_bold_numbered_paragraphs(tmp_path: Path) -> None:
    project, word = _project(tmp_path)
    doc = docx.Document(str(word))
    plain = doc.styles.add_style("Legal Team", WD_STYLE_TYPE.PARAGRAPH)
    for paragraph in doc.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            paragraph.style = plain
            for run in paragraph.runs:
                run.bold = True
    row = next(
        r
        for t in doc.tables
        for r in t.rows
        if r.cells[0].text.startswith("Description of the ling")
    )
    E.set_cell(row.cells[1], ["English only."])
    doc.save(str(word))

    result = import_docx(word, project, as_of=E.AS_OF)

    assert result.unmapped == ()
    assert [c.path for c in result.diff.changes] == ["section_1.linguistic"]


def test_a_json_project_is_rewritten_with_its_key_order(tmp_path: Path) -> None:
    project, _ = _project(tmp_path)
    yaml_file = project / f"{SUMMARY}.yaml"
    data = load_text(yaml_file.read_text(encoding="utf-8"), "x").data
    yaml_file.unlink()
    (project / f"{SUMMARY}.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    word = E.export(project, "training_data_summary", "public", tmp_path / "j.docx")
    doc = docx.Document(str(word))
    E.set_cell(E.row_of(doc, "1.3", "Description of the linguistic").cells[1], ["English only."])
    doc.save(str(word))

    result = import_docx(word, project, as_of=E.AS_OF)

    assert result.written == (project / f"{SUMMARY}.json",)
    after = json.loads((project / f"{SUMMARY}.json").read_text(encoding="utf-8"))
    data["section_1"]["linguistic"] = "English only."
    assert after == data
    assert list(after) == list(data) and list(after["section_1"]) == list(data["section_1"])
