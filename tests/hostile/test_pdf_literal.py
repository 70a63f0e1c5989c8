"""The markup and SSRF cases through the PDF engine: built, fetching nothing, text literal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXED_DATE
from tests.hostile._isolate import run_isolated
from tests.hostile.test_catalogue import CASES, _patch_values, import_optional, prepare

PDF_CASES = [
    c for c in CASES if c["expect"].get("renders") == "literally" and c["id"] not in ("value-1mb",)
]


def _pdf_build(project: Path, out: Path) -> dict[str, Any]:
    from pypdf import PdfReader

    from gpai_docs.render.build import build_project

    build_project(project, out, draft=True, formats=("pdf",), jobs=1, as_of=FIXED_DATE)
    texts = {}
    for path in sorted(out.glob("*.pdf")):
        reader = PdfReader(path)
        texts[path.name] = " ".join((page.extract_text() or "") for page in reader.pages)
    return texts


@pytest.mark.pdf
@pytest.mark.parametrize("case", PDF_CASES, ids=[c["id"] for c in PDF_CASES])
def test_hostile_text_in_pdfs_is_literal_and_fetches_nothing(
    case: dict[str, Any], tmp_path: Path
) -> None:
    import_optional("weasyprint")
    import_optional("pypdf")
    project, _ = prepare(case, tmp_path / "work")
    outcome = run_isolated(lambda: _pdf_build(project, tmp_path / "out"), timeout=300)
    assert outcome.error is None, outcome.error
    assert outcome.fetches == []
    texts = outcome.value
    assert texts, "no PDF was written"
    everything = " ".join(" ".join(t.split()) for t in texts.values())
    squashed = everything.replace(" ", "")
    for value in _patch_values(case):
        for line in (raw.strip() for raw in value.split("\n")):
            # PDF text extraction re-flows lines and may drop spaces; compare without them.
            assert "".join(line.split()) in squashed, f"{line[:60]!r} not found in the PDF text"
