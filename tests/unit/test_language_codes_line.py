"""The summary's ISO 639-1 codes (section_1.languages) printed in the 1.3 linguistic row.

Every format prints the row from the same render model (Markdown, HTML, PDF, DOCX), so
the row is checked in Markdown and in the DOCX export; in Word the codes line is not read
back into the linguistic answer: as printed it is left out of it, and an edited one is
refused with its place (or read as the codes it lists), never added to the answer.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import docx
from gpai_docs.integrations.docx.importing import import_docx
from gpai_docs.models.language_names import named_codes
from gpai_docs.render.build import build_project
from tests.docx import _edit as E

FILING = Path("tests/migration/documents/quillon-grouped-datasets")
SUMMARY = "training-data-summary.yaml"
# As the filing writes them: section_1.languages [en, de, fr, es, it, pt].
CODES_LINE = (
    "Languages (ISO 639-1 codes): en (English), de (German), fr (French), es (Spanish), "
    "it (Italian), pt (Portuguese)"
)
LINGUISTIC = (
    "English (64 %), German, French, Spanish, Italian and Portuguese (30 % together), code (6 %)."
)


def test_codes_are_printed_as_written_with_their_english_names() -> None:
    assert named_codes(["es", "ca", "en"]) == "es (Spanish), ca (Catalan), en (English)"
    assert named_codes(["en", "xx"]) == "en (English), xx"  # no name known: the code alone
    assert named_codes(["no", "sv"]) == "no (Norwegian), sv (Swedish)"


def test_the_linguistic_row_prints_the_codes_after_the_free_text(tmp_path: Path) -> None:
    build_project(FILING, tmp_path, draft=True, formats=["md"], complete=False)
    text = (tmp_path / "training-data-summary.public.draft.md").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if "linguistic characteristics" in line)
    answer = " ".join(row.split("|")[2].replace("\u00a0", " ").split())
    # after a sentence the next line follows a space, not "; " (environment.md_lines)
    joined = " " if LINGUISTIC.endswith(".") else "; "
    assert answer == f"{LINGUISTIC}{joined}{CODES_LINE}"


def _exported(tmp_path: Path) -> tuple[Path, Path, str, docx.document.Document]:
    project = E.copy_tree(FILING, tmp_path / "filing")
    word = E.export(project, "training_data_summary", "public", tmp_path / "summary.docx")
    return project, word, (project / SUMMARY).read_text(encoding="utf-8"), docx.Document(str(word))


def _linguistic_cell(doc: docx.document.Document) -> Any:
    return E.row_of(doc, "1.3", "Description of the linguistic").cells[1]


def test_the_docx_export_prints_the_codes_as_their_own_paragraph(tmp_path: Path) -> None:
    _, _, _, doc = _exported(tmp_path)
    paragraphs = [p.text.replace("\u00a0", " ") for p in _linguistic_cell(doc).paragraphs]
    assert paragraphs == [LINGUISTIC, CODES_LINE]


def test_an_edited_linguistic_text_imports_without_the_codes_line(tmp_path: Path) -> None:
    project, word, before, doc = _exported(tmp_path)
    E.set_cell(_linguistic_cell(doc), ["English and five other European languages.", CODES_LINE])
    doc.save(str(word))

    result = import_docx(word, project, as_of=E.AS_OF)

    assert result.errors == () and result.unmapped == ()
    assert [(c.kind, c.path, c.new) for c in result.diff.changes] == [
        ("changed", "section_1.linguistic", "English and five other European languages.")
    ]
    after = (project / SUMMARY).read_text(encoding="utf-8")
    assert "languages: [en, de, fr, es, it, pt]" in after
    assert "Languages (ISO 639-1" not in after and after != before


def test_an_edited_codes_line_never_changes_the_linguistic_answer(tmp_path: Path) -> None:
    """The brief's floor: an edited codes line need not be imported, but it must not end
    up in the linguistic answer. It is either refused at its place (nothing written) or
    read as the codes it now lists."""
    project, word, before, doc = _exported(tmp_path)
    E.set_cell(_linguistic_cell(doc), [LINGUISTIC, "Languages (ISO 639-1 codes): en (English), de"])
    doc.save(str(word))

    result = import_docx(word, project, as_of=E.AS_OF)

    changes = [(c.path, c.new) for c in result.diff.changes]
    assert all(path != "section_1.linguistic" for path, _ in changes)
    if result.errors:
        assert "section 1.3" in result.errors[0]
        assert "written from the field 'languages'" in result.errors[0]
        assert result.written == ()
        assert (project / SUMMARY).read_text(encoding="utf-8") == before
    else:
        assert changes == [("section_1.languages", ["en", "de"])]


def test_the_pdf_prints_the_codes_line(tmp_path: Path) -> None:
    """The PDF (typeset from the HTML page) has the line too, wherever it breaks it."""
    build_project(FILING, tmp_path, draft=True, formats=["pdf"], complete=False)
    pdf = tmp_path / "training-data-summary.public.draft.pdf"
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    squeezed = "".join(text.split())
    assert "".join(CODES_LINE.split()) in squeezed
