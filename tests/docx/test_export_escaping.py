"""Provider text in a DOCX: the characters XML 1.0 cannot hold are removed, nothing else.

XML 1.0 (section 2.2, Char) allows tab, line feed, carriage return and U+0020 upwards,
less the surrogates, U+FFFE and U+FFFF; python-docx raises on the rest. Bidi overrides,
zero-width characters and markup-looking text are text and stay as the provider wrote it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx.api import Document

from gpai_docs.escaping import docx_text
from gpai_docs.render.artifacts import spec_for
from gpai_docs.render.docx import artifact_docx
from gpai_docs.render.markdown import render_artifact
from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE
from tests.docx.test_export_layout import opened, tables
from tests.rules.patching import sample_data, write_project

RLO, PDF_, ZWSP = "\u202e", "\u202c", "\u200b"


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("a\x00b\x07c\x1bd\x1fe", "abcde"),  # C0 controls but tab, LF and CR
        ("x\ud800y\udfffz", "xyz"),  # lone surrogates
        ("\ufffe\uffffend", "end"),  # the two non-characters XML excludes
        ("\x7f\x85\x9f", "\x7f\x85\x9f"),  # C1 controls are XML 1.0 characters
        ("tab\tline\nreturn\r", "tab\tline\nreturn\r"),
        (f"{RLO}evil.exe{PDF_} {ZWSP}", f"{RLO}evil.exe{PDF_} {ZWSP}"),  # shown as written
        ("<w:t>&amp; ]]> \"'", "<w:t>&amp; ]]> \"'"),  # markup is text (python-docx escapes)
        ("😀 \U0010fffd \ufffd", "😀 \U0010fffd \ufffd"),  # astral planes and U+FFFD
        ("", ""),
    ],
)
def test_docx_text_removes_only_what_xml_cannot_hold(written: str, kept: str) -> None:
    assert docx_text(written) == kept
    paragraph = Document().add_paragraph()
    paragraph.add_run(docx_text(written))  # python-docx takes it
    assert docx_text(kept) == kept  # and it is a fixed point


def test_python_docx_refuses_the_raw_text() -> None:
    for raw in ("a\x00b", "\ufffe"):
        with pytest.raises(ValueError, match="must be XML compatible"):
            Document().add_paragraph().add_run(raw)
    with pytest.raises(UnicodeEncodeError, match="surrogates not allowed"):
        Document().add_paragraph().add_run("x\ud800y")


def test_hostile_provider_values_reach_the_document_as_text(tmp_path: Path) -> None:
    data = sample_data("minimal")
    section_1 = data["training_data_summary"]["section_1"]
    section_1["other_characteristics"] = f"Bell\x07 NUL\x00 {RLO}txt.exe{PDF_} <b>not bold</b>"
    section_1["comments"] = "javascript:alert(1)"
    section_1["provider"]["name"] = "Lumen\x00 AI B.V."
    project = write_project(tmp_path / "project", data)
    rendered = render_artifact(
        validate_project(project, as_of=FIXED_DATE), spec_for("training_data_summary", "public")
    )
    assert rendered is not None
    document = opened(artifact_docx(rendered))
    answers: dict[str, Any] = {}
    for table in tables(document):
        for row in table.rows if len(table.columns) == 2 else ():
            answers.setdefault(row.cells[0].text, row.cells[1])  # the first of each question
    other = answers["Other relevant characteristics of the overall training data"]
    assert other.text == f"Bell NUL {RLO}txt.exe{PDF_} <b>not bold</b>"
    assert [r.bold for r in other.paragraphs[0].runs] == [None]  # no markup became formatting
    comments = answers["Additional comments (optional)"]
    assert comments.text == "javascript:alert(1)" and not comments.paragraphs[0].hyperlinks
    assert document.core_properties.author == "Lumen AI B.V."
