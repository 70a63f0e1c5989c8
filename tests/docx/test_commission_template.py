"""Summaries written in the Commission's own template layout, imported into a project.

The DOCX files come from tests/docx/commission_template.py (the template's layout, not
gpai-docs' export); the answers each holds are written out below as the YAML values the
import must produce.
"""

from __future__ import annotations

import zipfile

from docx import Document
from tests.conftest import ROOT
from tests.docx.commission_template import build
from tests.docx.template_fixtures import aurore

COMMITTED = ROOT / "tests" / "data" / "docx" / "commission-template-aurore.docx"


def test_committed_fixture_is_a_fresh_generation() -> None:
    assert COMMITTED.read_bytes() == build(aurore.blocks()), (
        "tests/data/docx/commission-template-aurore.docx is stale: regenerate it with "
        "tests.docx.commission_template.write(aurore.blocks(), path)"
    )


def test_fixture_uses_the_templates_layout_not_word_headings() -> None:
    doc = Document(str(COMMITTED))
    styles = {p.style.name for p in doc.paragraphs}
    assert not any(name.startswith("Heading") for name in styles)
    assert doc.paragraphs[0].text == "Public Summary of Training Content for Aurore-2"
    assert "1.1. Provider identification" in [p.text for p in doc.paragraphs]
    bar = doc.tables[1].rows[0].cells[0]
    assert bar.text == "1. General information"
    assert 'w:fill="D9E2F3"' in bar._tc.xml
    with zipfile.ZipFile(COMMITTED) as package:
        assert "word/footnotes.xml" in package.namelist()
        assert "Excluding audio that is part of video" in package.read("word/footnotes.xml").decode(
            "utf-8"
        )
