"""A summary exported to Word, re-saved by LibreOffice, edited and imported back.

Legal teams work in Word or LibreOffice, and a re-save rewrites the whole package: styles,
runs, tables and check boxes come back in LibreOffice's own form. After such a re-save,
one changed answer and one ticked box are all that ``gpai-docs diff`` shows.

Needs ``soffice`` (Debian: libreoffice-writer-nogui, installed by scripts/setup.sh).
Each run uses its own LibreOffice profile, so parallel runs do not clash.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from docx import Document
from gpai_docs.load.documents import load_file, load_text
from tests.conftest import SAMPLES
from tests.docx.commission_template import write

Run = Callable[..., Result]
SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="soffice (LibreOffice) is not installed: apt install libreoffice-writer-nogui "
    "(scripts/setup.sh does)",
)

LINGUISTIC = "Description of the linguistic characteristics of the overall training data"
OLD_LINGUISTIC = "English (81 %) and Dutch (19 %)."
NEW_LINGUISTIC = "English (78 %), Dutch (19 %) and Frisian (3 %)."
MODALITIES = "If yes, specify the modality(ies) of the content covered by the datasets"


def resave_with_libreoffice(source: Path, outdir: Path, profile: Path) -> Path:
    """``source`` opened and saved again by LibreOffice as Word 2007-365 (.docx)."""
    outdir.mkdir()
    completed = subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(outdir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    resaved = outdir / source.name
    assert completed.returncode == 0 and resaved.exists(), (completed.stdout, completed.stderr)
    return resaved


def _rows(tables: list[Table]) -> list[tuple[str, list[Paragraph]]]:
    """Every two-column row: its question's text and its answer cell's paragraphs."""
    out = []
    for table in tables:
        for row in table.rows:
            cells = row.cells
            if len(cells) == 2:
                out.append((cells[0].text.strip(), cells[1].paragraphs))
            for cell in cells:
                out.extend(_rows(cell.tables))
    return out


def answer_cell(doc: DocxDocument, question: str, rows: int = 1, nth: int = 0) -> list[Paragraph]:
    """The answer cell of the ``nth`` of the ``rows`` rows that ask ``question``."""
    found = [cell for text, cell in _rows(doc.tables) if text.startswith(question)]
    assert len(found) == rows, f"{question!r}: {len(found)} rows"
    return found[nth]


def set_text(paragraph: Paragraph, text: str) -> None:
    """The paragraph's text replaced, in its first run's formatting."""
    runs = paragraph.runs
    assert runs, paragraph.text
    runs[0].text = text
    for run in runs[1:]:
        run._r.getparent().remove(run._r)


def tick(paragraphs: list[Paragraph], label: str) -> None:
    """Tick the ``☐`` box of ``label`` in these paragraphs, as a Word user does: the glyph."""
    for paragraph in paragraphs:
        runs = paragraph.runs
        for index, run in enumerate(runs):
            after = "".join(r.text for r in runs[index + 1 :]).lstrip()
            if run.text.rstrip().endswith("☐") and after.startswith(label):
                run.text = run.text.rstrip()[:-1] + "☒" + run.text[len(run.text.rstrip()) :]
                return
            if f"☐ {label}" in run.text:
                run.text = run.text.replace(f"☐ {label}", f"☒ {label}", 1)
                return
    raise AssertionError(f"no unticked box {label!r} in {[p.text for p in paragraphs]}")


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    """The minimal sample twice: the one the import writes into, and the one it started as."""
    before = tmp_path / "before"
    shutil.copytree(SAMPLES / "minimal", before)
    work = tmp_path / "lumen"
    shutil.copytree(SAMPLES / "minimal", work)
    return before, work


def test_resaved_by_libreoffice_then_edited_imports_exactly_the_edits(
    tmp_path: Path, run_cli: Run, project: tuple[Path, Path]
) -> None:
    before, work = project
    exported = tmp_path / "summary.docx"
    result = run_cli(
        "export", "docx", work, "--document", "training-data-summary", "--out", exported
    )
    assert result.exit_code == 0, result.output
    resaved = resave_with_libreoffice(exported, tmp_path / "resaved", tmp_path / "lo-profile")
    with zipfile.ZipFile(resaved) as package:  # LibreOffice's package, not the export's
        assert "LibreOffice" in package.read("docProps/app.xml").decode("utf-8")

    doc = Document(str(resaved))
    linguistic = answer_cell(doc, LINGUISTIC)
    # the export sets a no-break space before "%"
    assert [p.text.replace("\xa0", " ") for p in linguistic if p.text.strip()] == [OLD_LINGUISTIC]
    set_text(next(p for p in linguistic if p.text.strip()), NEW_LINGUISTIC)
    tick(answer_cell(doc, MODALITIES, rows=3, nth=0), "Image")  # 2.1's (2.2.1, 2.2.2 follow)
    edited = tmp_path / "edited.docx"
    doc.save(str(edited))

    result = run_cli("import", "docx", edited, "--into", work)
    assert result.exit_code == 0, result.output
    diff = run_cli("diff", before, work, "--format", "json")
    assert diff.exit_code == 0, diff.output
    changes = [
        (c["kind"], c["path"], c["old"], c["new"]) for c in json.loads(diff.output)["changes"]
    ]
    assert changes == [
        ("changed", "section_1.linguistic", OLD_LINGUISTIC, NEW_LINGUISTIC),
        ("changed", "section_2.public_datasets.modalities", ["Text"], ["Text", "Image"]),
    ]


@pytest.mark.parametrize("name", ["aurore", "kuva", "fjord"])
def test_a_template_filing_resaved_by_libreoffice_imports_the_same(
    tmp_path: Path, run_cli: Run, name: str
) -> None:
    """A filing in the Commission's layout, once LibreOffice has rewritten it (check-box
    controls, footnotes, shading and lists in its own form), imports every answer."""
    from tests.docx import test_commission_template as filings

    fixture, expected, provider, model = next(
        case for case in filings.CASES if case[0].__name__.endswith(f".{name}")
    )
    filing = write(fixture.blocks(), tmp_path / f"{name}.docx")
    resaved = resave_with_libreoffice(filing, tmp_path / "resaved", tmp_path / "lo-profile")
    project = tmp_path / model
    assert run_cli("init", project, "--provider", provider, "--model-name", model).exit_code == 0
    result = run_cli("import", "docx", resaved, "--into", project)
    assert result.exit_code == 0, result.output
    assert "not imported:" not in result.output  # every row found its question
    got = load_file(project / "training-data-summary.yaml")
    assert filings.differences(load_text(expected, "expected.yaml").data, got.data) == []
