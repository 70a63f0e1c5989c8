"""The laid-out pages, rendered to PNG and read back as text: the typography rules hold.

Each sample's public summary (and the widest tables: the AI Office documentation with
its sha256 and the policy summary) is laid out by WeasyPrint, rasterised with pdftoppm
and checked: nothing inks the page margins, no cover or contents page, one date format,
no caret numbers, no question left at the foot of a page without its answer, no box or
unit split from its label or number by a line break.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from gpai_docs.render.artifacts import spec_for
from gpai_docs.render.html import page
from gpai_docs.render.markdown import render_artifact
from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE, SAMPLES
from tests.render.test_layout_summary import HEADINGS, QUESTIONS

pytest.importorskip("weasyprint")
Image = pytest.importorskip("PIL.Image")
pytestmark = pytest.mark.pdf

SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir())
DPI = 60
MARGIN_MM = 20  # print.css: @page margin 22mm 20mm 20mm 20mm
STRIP_PX = int((MARGIN_MM - 3) / 25.4 * DPI)  # the outer 17 mm of each side margin
ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")


def _pdf(tmp_path: Path, sample: str, document: str, audience: str) -> Path:
    from gpai_docs.render.pdf import PdfJob, write_pdf

    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftoppm, pdftotext) not installed")
    result = validate_project(SAMPLES / sample, as_of=FIXED_DATE)
    rendered = render_artifact(result, spec_for(document, audience))
    assert rendered is not None
    html = page(rendered, stamp="2026-11-21T00:00:00Z", generator="test")
    path = tmp_path / f"{sample}-{document}-{audience}.pdf"
    path.write_bytes(write_pdf(PdfJob(html, (), dt.datetime(2026, 11, 21))))
    return path


def _pages_text(pdf: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [p for p in out.split("\f") if p.strip()]


def _margins_are_blank(pdf: Path, tmp_path: Path) -> list[str]:
    prefix = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(prefix)], check=True)
    inked = []
    for png in sorted(tmp_path.glob(f"{pdf.stem}-*.png")):
        image = Image.open(png).convert("L")
        width, height = image.size
        for box in ((0, 0, STRIP_PX, height), (width - STRIP_PX, 0, width, height)):
            darkest = image.crop(box).getextrema()[0]
            if darkest < 250:
                inked.append(f"{png.name} {box}")
    return inked


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_public_summary_pages_follow_the_template(sample: str, tmp_path: Path) -> None:
    pdf = _pdf(tmp_path, sample, "training_data_summary", "public")
    pages = _pages_text(pdf)
    flat = [" ".join(p.replace("\u00a0", " ").split()) for p in pages]
    everything = " ".join(flat)
    assert flat[0].split(" Public Summary of Training Content for ", 1)[1]  # title on page 1
    assert "Contents" not in everything and "EU AI Act · General-purpose AI model" not in everything
    assert 3 <= len(pages) <= 9
    positions = [everything.find(h) for h in HEADINGS]
    assert -1 not in positions and positions == sorted(positions)
    assert "*10^" not in everything and "^" not in everything
    assert not ISO_DATE.search(everything)
    assert _margins_are_blank(pdf, tmp_path) == []
    _check_line_breaks(pages)


def _check_line_breaks(pages: list[str]) -> None:
    starts = {q[:28] for q in QUESTIONS}
    for number, text in enumerate(pages, start=1):
        lines = [ln for ln in text.splitlines() if ln.strip()]
        body = [ln for ln in lines if not re.search(r"Page \d+ of \d+", ln)]
        # The last line above the footer is never a question standing alone.
        last = body[-1].strip() if body else ""
        alone = len(body[-1]) - len(body[-1].lstrip()) < 5 and len(last) < 60
        assert not (alone and any(last.startswith(s[: len(last)]) for s in starts if last)), (
            f"page {number} ends with a question without its answer: {last!r}"
        )
        for line in lines:
            assert not re.search(r"[☐☒]\s*$", line), f"a box ends a line on page {number}"
            assert not re.match(r"\s*(%|MWh|FLOP)\b", line), (
                f"a unit starts a line on page {number}"
            )


@pytest.mark.parametrize(
    ("document", "audience"),
    [
        ("model_documentation", "aio"),
        ("copyright_policy", "public"),
        ("validation_report", "provider"),
    ],
)
def test_wide_values_wrap_inside_the_margins(document: str, audience: str, tmp_path: Path) -> None:
    pdf = _pdf(tmp_path, "large-closed", document, audience)
    text = " ".join(" ".join(p.split()) for p in _pages_text(pdf))
    if document == "model_documentation":
        # The sha256 of the sample's weights, split over lines, all of it on the page.
        assert "sha256:4e1f9c07" in text.replace(" ", "")
        assert "Item Information AIO NCA DP" in text
    assert _margins_are_blank(pdf, tmp_path) == []
    assert not ISO_DATE.search(text) and "*10^" not in text


def test_the_stylesheet_keeps_the_typography_rules() -> None:
    from gpai_docs.render.pdf import assets_dir

    css = (assets_dir() / "styles" / "print.css").read_text(encoding="utf-8")
    compact = " ".join(css.split())
    assert "size: A4;" in compact
    assert 'font-family: "GPAI Docs Superscripts", "GPAI Docs Serif"' in compact
    assert (
        "tr { page-break-inside: avoid; break-inside: avoid; }" in compact
    )  # question with answer
    assert "h2, h3, h4 { page-break-after: avoid; break-after: avoid; }" in compact
    assert compact.count("orphans: 3; widows: 3;") >= 2  # paragraphs and table cells
    assert ".tick { white-space: nowrap;" in compact
    assert "overflow-wrap: anywhere;" in compact and "table-layout: fixed;" in compact
