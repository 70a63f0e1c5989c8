"""The exported DOCX as a reader's office suite lays it out: LibreOffice's PDF of it asks
the template's questions in the same order as the PDF artifact does.

Skipped where LibreOffice (soffice), poppler (pdftotext) or WeasyPrint is missing. The
questions are the template's (requirements §6, tests/render/test_layout_summary.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLES
from tests.render.test_layout_summary import QUESTIONS

pytestmark = [
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler is not installed"),
]


def _words(pdf: Path) -> str:
    """A PDF's text as one line of words (line breaks and hyphenation wraps folded)."""
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(text.replace("\u00a0", " ").split())


def _in_order(text: str, questions: list[str]) -> list[str]:
    """The questions not found in ``text`` after the previous one (in a two-column page,
    a question may be split by its answer's lines: compare word by word)."""
    missing, at = [], 0
    for question in dict.fromkeys(questions):
        pattern = r"\W+(?:\S+\s+){0,40}?".join(re.escape(w) for w in question.split()[:6])
        match = re.compile(pattern).search(text, at)
        if match is None:
            missing.append(question)
        else:
            at = match.start()
    return missing


def test_libreoffice_lays_out_the_questions_of_the_pdf_artifact(
    tmp_path: Path, run_cli: Any
) -> None:
    pytest.importorskip("weasyprint")
    build = tmp_path / "build"
    result = run_cli("build", SAMPLES / "minimal", "--out", build)
    assert result.exit_code == 0, result.output
    out = tmp_path / "summary.docx"
    result = run_cli(
        "export", "docx", SAMPLES / "minimal", "--document", "training-data-summary", "--out", out
    )
    assert result.exit_code == 0, result.output
    converted = tmp_path / "office"
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
         "--convert-to", "pdf", "--outdir", str(converted), str(out)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    office = _words(converted / "summary.pdf")
    artifact = _words(build / "training-data-summary.public.pdf")
    assert _in_order(artifact, QUESTIONS) == []  # the reference finds them all
    assert _in_order(office, QUESTIONS) == []
    for glyph in ("☒", "☐"):
        assert glyph in office  # the check boxes survive the font LibreOffice chose
