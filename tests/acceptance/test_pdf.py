"""PDF artifacts: PDF/A-3b, metadata, attachments, text, determinism, no fetching."""

from __future__ import annotations

import http.server
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from gpai_docs.render.build import build_project
from tests.conftest import FIXED_DATE, SAMPLES
from tests.render.canary import may_appear, plant

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("weasyprint")
pytestmark = pytest.mark.pdf


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
        ).stdout
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


@pytest.fixture(scope="module")
def minimal_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    build_project(SAMPLES / "minimal", out, as_of=FIXED_DATE)
    return out


def test_metadata_and_pdfa_identification(minimal_pdfs: Path) -> None:
    reader = pypdf.PdfReader(minimal_pdfs / "model-documentation.downstream.pdf")
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Model documentation for downstream providers: Lumen-Base-2"
    assert meta.author == "Lumen AI B.V."
    assert "Downstream providers" in (meta.subject or "")
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert "<xmp:CreateDate>2026-11-21T00:00:00Z</xmp:CreateDate>" in xmp  # SOURCE_DATE_EPOCH
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged


def test_attachments_are_the_audience_view_of_the_source(minimal_pdfs: Path) -> None:
    dp = pypdf.PdfReader(minimal_pdfs / "model-documentation.downstream.pdf").attachments
    assert list(dp) == ["model-documentation.downstream.source.json"]
    source = dp["model-documentation.downstream.source.json"][0].decode()
    assert "parameter_range" in source and "training_flop_aio" not in source
    tds = pypdf.PdfReader(minimal_pdfs / "training-data-summary.public.pdf").attachments
    assert set(tds) == {
        "training-data-summary.public.source.json",
        "training-data-summary.public.links.json",  # the documentation link it shows
    }
    assert (
        b"https://lumen-ai.example/ai-act/documentation"
        in tds["training-data-summary.public.links.json"][0]
    )
    report = pypdf.PdfReader(minimal_pdfs / "validation-report.provider.pdf").attachments
    assert set(report) == {
        "model-documentation.yaml",
        "training-data-summary.yaml",
        "copyright-policy.yaml",
    }


def test_text_markings_audience_columns_and_check_boxes(minimal_pdfs: Path) -> None:
    aio = pdf_text(minimal_pdfs / "model-documentation.ai-office.pdf")
    pages = aio.split("\f")
    assert "Model documentation: Lumen-Base-2" in pages[0]
    assert "Contents" not in aio  # no cover and no contents page unless asked for
    assert all("CONFIDENTIAL" in page for page in pages if page.strip())
    flat = " ".join(aio.replace("\u00a0", " ").split())
    assert "Item Information AIO NCA DP" in flat
    # 2.3*10^23 FLOP (the sample's training compute), typeset, with the unit in the label.
    # (The label wraps in its column; the value sits beside its first line.)
    assert re.search(r"Amount of computation used 2\.3 × 10²³ ☒ ☐ ☐ for training \(FLOP\)", flat)
    assert "*10^" not in aio and "(AIO row)" not in aio
    tds = " ".join(pdf_text(minimal_pdfs / "training-data-summary.public.pdf").split())
    assert "☒ Yes ☐ No" in tds.replace("\u00a0", " ")
    assert "2.1 Publicly available datasets" in tds
    assert "Public Summary of Training Content for lumen-base-2-2025-10" in tds
    assert "CONFIDENTIAL" not in tds


def test_same_project_gives_identical_bytes(minimal_pdfs: Path, tmp_path: Path) -> None:
    build_project(SAMPLES / "minimal", tmp_path, as_of=FIXED_DATE, jobs=1)
    for pdf in minimal_pdfs.glob("*.pdf"):
        assert (tmp_path / pdf.name).read_bytes() == pdf.read_bytes(), pdf.name


def test_large_domain_list_goes_to_csv_and_attachment(tmp_path: Path) -> None:
    sample = SAMPLES / "large-closed"
    if not sample.is_dir():
        pytest.skip("large-closed sample not present")
    out = tmp_path / "out"
    build_project(sample, out, as_of=FIXED_DATE, formats=("md", "pdf"))
    csv_rows = (out / "training-data-summary.public.domains.csv").read_text().splitlines()
    attached = pypdf.PdfReader(out / "training-data-summary.public.pdf").attachments
    assert attached["training-data-summary.public.domains.csv"][0].decode().splitlines() == csv_rows
    text = pdf_text(out / "training-data-summary.public.pdf")
    assert csv_rows[1].split(",")[1] in text  # rank 1 is shown
    if len(csv_rows) > 101:
        assert csv_rows[101].split(",")[1] not in re.findall(r"\S+", text)  # rank 101 is not


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def loopback() -> Iterator[str]:
    _Recorder.hits = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    server.timeout = 0.2
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_hostile_document_makes_no_request(loopback: str, tmp_path: Path) -> None:
    project = tmp_path / "hostile"
    shutil.copytree(SAMPLES / "minimal", project)
    hostile = (
        f"![x]({loopback}/md-image.png) <img src='{loopback}/html-image.png'> "
        f"<link rel=stylesheet href='{loopback}/link.css'> "
        f"<style>@import url({loopback}/import.css); body {{ background: url({loopback}/bg.png) }}</style> "
        f"[link]({loopback}/link) <{loopback}/autolink> file:///etc/passwd"
    )
    md = project / "model-documentation.yaml"
    md.write_text(
        md.read_text().replace(
            "architecture: Decoder-only transformer with grouped-query attention.",
            f"architecture: {hostile!r}",
        )
    )
    tds = project / "training-data-summary.yaml"
    tds.write_text(
        tds.read_text().replace("linguistic: English", f"linguistic: {hostile!r} English")
    )
    build_project(project, tmp_path / "out", as_of=FIXED_DATE, draft=True)
    assert _Recorder.hits == []
    text = pdf_text(tmp_path / "out" / "model-documentation.downstream.draft.pdf")
    assert "<img src=" in " ".join(text.split())  # shown as text, not loaded


def test_fetcher_blocks_urls_even_in_raw_html(loopback: str) -> None:
    import datetime as dt

    from gpai_docs.render.pdf import PdfJob, write_pdf

    html = (
        f"<html lang=en><head><link rel=stylesheet href='{loopback}/a.css'>"
        f"<style>@import url({loopback}/b.css); body {{ background: url({loopback}/c.png) }}"
        f"@font-face {{ font-family: X; src: url({loopback}/d.ttf) }}</style></head>"
        f"<body><img src='{loopback}/e.png'><img src='file:///etc/hostname'>x</body></html>"
    )
    write_pdf(PdfJob(html, (), dt.datetime(2026, 1, 1)))
    assert _Recorder.hits == []


def test_canary_values_stay_with_their_audience_in_pdfs(tmp_path: Path) -> None:
    sample = SAMPLES / ("large-closed" if (SAMPLES / "large-closed").is_dir() else "minimal")
    markers = plant(sample, tmp_path / "project")
    result = build_project(
        tmp_path / "project", tmp_path / "out", draft=True, formats=("pdf",), as_of=FIXED_DATE
    )
    leaks, seen = [], set()
    for artifact in result.artifacts:
        if artifact.media_type != "application/pdf":
            continue
        reader = pypdf.PdfReader(artifact.path)
        blobs = [re.sub(r"\s+", "", pdf_text(artifact.path)), artifact.path.name]
        blobs += [str(v) for v in (reader.metadata or {}).values()]
        blobs += [
            b.decode("utf-8", "replace") for files in reader.attachments.values() for b in files
        ]
        found = set(re.findall(r"ZQX\d{5}QZ", " ".join(blobs)))
        seen |= found
        leaks += [
            (artifact.path.name, m.path, m.audience)
            for m in markers
            if m.text in found and not may_appear(m, artifact.audience)
        ]
    assert leaks == []
    assert {m.text for m in markers if m.audience == ("aio",)} & seen
