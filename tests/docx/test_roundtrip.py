"""Export to Word and import straight back: no change at all, for every sample project
and every artifact of every document (the import's first promise)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpai_docs.integrations.docx.importing import import_docx
from tests.docx._edit import AS_OF, copy_tree, export

SAMPLES = sorted(p.name for p in Path("samples").iterdir() if p.is_dir())
ARTIFACTS = [
    ("training_data_summary", "public"),
    ("model_documentation", "aio"),
    ("model_documentation", "nca"),
    ("model_documentation", "dp"),
    ("copyright_policy", "internal"),
    ("copyright_policy", "public"),
]
FILES = ("training-data-summary.yaml", "model-documentation.yaml", "copyright-policy.yaml")


def test_every_sample_is_covered() -> None:
    assert SAMPLES == ["fine-tune", "large-closed", "minimal", "open-weights-sme"]


@pytest.mark.parametrize("sample", SAMPLES)
@pytest.mark.parametrize(("document", "audience"), ARTIFACTS)
def test_an_unedited_export_imports_as_no_change(
    tmp_path: Path, sample: str, document: str, audience: str
) -> None:
    project = copy_tree(Path("samples") / sample, tmp_path / sample)
    before = {name: (project / name).read_bytes() for name in FILES}
    word = export(project, document, audience, tmp_path / "export.docx")

    result = import_docx(word, project, as_of=AS_OF)

    assert result.document == document
    assert result.errors == ()
    assert result.unmapped == ()
    assert result.diff.changes == ()
    assert result.written == ()
    assert {name: (project / name).read_bytes() for name in FILES} == before
