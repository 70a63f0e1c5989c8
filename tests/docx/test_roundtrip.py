"""Export to Word and import straight back: no change at all, for every sample project
and every artifact of every document (the import's first promise); and one answer
edited in Word changes that one YAML entry, every other line kept."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest

import docx
from gpai_docs.integrations.docx.importing import import_docx
from gpai_docs.models.kinds import KIND_BY_KEY
from gpai_docs.models.walk import field_at
from gpai_docs.render.artifacts import spec_for
from gpai_docs.render.markdown import render_artifact
from gpai_docs.validate.pipeline import validate_project
from tests.docx._edit import AS_OF, copy_tree, export, set_cell

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


def _text_rows(project: Path, document: str, audience: str) -> list[tuple[str, tuple[str, ...]]]:
    """(question, field path) of every row that shows one text value of its own."""
    result = validate_project(project, as_of=AS_OF)
    rendered = render_artifact(result, spec_for(document, audience), draft=True)
    assert rendered is not None
    model = KIND_BY_KEY[document].model
    out = []
    for part in rendered.parts:
        for block in part.blocks:
            for row in block.rows:
                node = field_at(model, row.field) if row.field else None
                shape = node.field.shape if node else None
                inner = shape.inner if shape and shape.kind == "answer" else shape
                if (
                    node is not None
                    and all(isinstance(p, str) for p in row.field or ())
                    and inner is not None
                    and inner.kind == "scalar"
                    and inner.base is str
                    and not inner.choices
                    and len(row.lines) == 1
                    and isinstance(row.lines[0], str)
                    and not isinstance(row.lines[0], dt.date)
                    and not row.lines[0].startswith("http")
                ):
                    out.append((row.label, tuple(str(p) for p in row.field or ())))
    return out


def _entry_lines(text: str, path: tuple[str, ...]) -> range:
    """The lines of the YAML entry at ``path`` (its key line and the deeper lines below)."""
    lines = text.split("\n")
    at, indent = 0, 0
    for depth, key in enumerate(path):
        indent = 2 * depth
        at = next(i for i in range(at, len(lines)) if lines[i].startswith(" " * indent + f"{key}:"))
    end = at + 1
    while end < len(lines) and (
        lines[end].startswith(" " * (indent + 1)) or not lines[end].strip()
    ):
        end += 1
    return range(at, end)


@pytest.mark.parametrize("sample", SAMPLES)
@pytest.mark.parametrize(("document", "audience"), ARTIFACTS[::2])
def test_one_answer_edited_in_word_changes_that_entry_only(
    tmp_path: Path, sample: str, document: str, audience: str
) -> None:
    project = copy_tree(Path("samples") / sample, tmp_path / sample)
    found = _text_rows(project, document, audience)
    labels = [label for label, _ in found]
    rows = [(label, path) for label, path in found if labels.count(label) == 1]
    assert rows, "every document has a text answer with a question of its own"
    question, path = rows[len(rows) // 2]
    stem = {"training_data_summary": FILES[0], "model_documentation": FILES[1]}.get(
        document, FILES[2]
    )
    before = (project / stem).read_text(encoding="utf-8")
    word = export(project, document, audience, tmp_path / "export.docx")
    doc = docx.Document(str(word))
    row = next(r for t in doc.tables for r in t.rows if r.cells[0].text == question)
    set_cell(row.cells[1], ["Edited in Word."])
    doc.save(str(word))

    result = import_docx(word, project, as_of=AS_OF)

    assert result.errors == () and result.unmapped == ()
    assert [(c.kind, c.path, c.new) for c in result.diff.changes] == [
        ("changed", ".".join(path), "Edited in Word.")
    ]
    after = (project / stem).read_text(encoding="utf-8")
    entry = _entry_lines(before, path)
    old_lines, new_lines = before.split("\n"), after.split("\n")
    added = [line[2:] for line in difflib.ndiff(old_lines, new_lines) if line.startswith("+ ")]
    assert added == [" " * (2 * (len(path) - 1)) + f"{path[-1]}: Edited in Word."]
    assert new_lines[: entry.start] == old_lines[: entry.start]
    assert new_lines[entry.start + 1 :] == old_lines[entry.stop :]


def _modality_row(doc: docx.document.Document, modality: str) -> docx.table._Row:
    table = next(t for t in doc.tables if t.rows[0].cells[0].text.strip() == "Modality")
    return next(r for r in table.rows[1:] if r.cells[0].text.strip().endswith(modality))


def test_the_modality_table_edited_in_word_changes_those_answers_only(tmp_path: Path) -> None:
    """The 1.3 table: a band ticked anew and a types-of-content cell rewritten. The other
    rows, whose empty cells the export fills with "—", are no answers and no edits."""
    project = copy_tree(Path("samples") / "large-closed", tmp_path / "large-closed")
    word = export(project, "training_data_summary", "public", tmp_path / "export.docx")
    doc = docx.Document(str(word))
    text = _modality_row(doc, "Text")
    bands = [p.text for p in text.cells[1].paragraphs]
    assert bands == [
        "☐ Less than 1 billion tokens",
        "☐ 1 billion to 10 trillion tokens",
        "☒ More than 10 trillion tokens",
    ]
    set_cell(
        text.cells[1],
        [b.replace("☒", "☐") for b in bands[:1]]
        + [
            "☒ 1 billion to 10 trillion tokens",
            "☐ More than 10 trillion tokens",
        ],
    )
    set_cell(text.cells[2], ["Web text and source code."])
    doc.save(str(word))

    result = import_docx(word, project, as_of=AS_OF)

    assert result.errors == () and result.unmapped == ()
    assert [(c.path, c.new) for c in result.diff.changes] == [
        ("section_1.modalities.text.content_types", "Web text and source code."),
        ("section_1.modalities.text.size", "1 billion to 10 trillion tokens"),
    ]
    # The sample counts 14 trillion tokens, so the new band contradicts it: TS002, placed
    # at the Word row the band was read from.
    placed = [f for f in result.findings if "TS002" in f]
    assert placed and all("Table 4 (section 1.3), row 2 '☒ Text'" in f for f in placed)


def test_a_date_whose_day_and_month_could_swap_is_never_guessed(tmp_path: Path) -> None:
    """A date kept as written (03/04/2026: 3 April or 4 March?) goes out to Word and back
    as written; a date typed in Word that reads both ways is written as typed, so the
    loader asks which is meant (DT001), at its Word row."""
    project = copy_tree(Path("samples") / "open-weights-sme", tmp_path / "sme")
    summary = project / FILES[0]
    text = summary.read_text(encoding="utf-8")
    assert "  last_update: 2026-05-12\n" in text
    summary.write_text(text.replace("  last_update: 2026-05-12\n", "  last_update: 03/04/2026\n"))
    word = export(project, "training_data_summary", "public", tmp_path / "export.docx")

    unchanged = import_docx(word, project, as_of=AS_OF)
    assert unchanged.errors == () and unchanged.diff.changes == ()

    doc = docx.Document(str(word))
    row = next(r for t in doc.tables for r in t.rows if r.cells[0].text == "Last update")
    assert row.cells[1].text == "03/04/2026"
    set_cell(row.cells[1], ["05/06/2026"])
    doc.save(str(word))
    edited = import_docx(word, project, as_of=AS_OF)

    assert [(c.path, c.new) for c in edited.diff.changes] == [("header.last_update", "05/06/2026")]
    assert "  last_update: 05/06/2026\n" in summary.read_text(encoding="utf-8")
    asked = [f for f in edited.findings if "DT001" in f]
    assert len(asked) == 1 and "row 2 'Last update'" in asked[0]


MIGRATED = Path("tests/migration/documents")
_AUDIENCES = {"training_data_summary": ("public",), "copyright_policy": ("internal", "public")}
_AUDIENCES["model_documentation"] = ("aio", "nca", "dp")
FILINGS = [
    (folder.name, kind.key, audience)
    for folder in sorted(MIGRATED.iterdir())
    if folder.name != "nimbus-bare-na"  # refused on load today: tests/migration says why
    for kind in KIND_BY_KEY.values()
    if (folder / f"{kind.stem}.yaml").is_file()
    for audience in _AUDIENCES[kind.key]
]


def test_the_migrated_filings_are_covered() -> None:
    assert len(FILINGS) >= 20


@pytest.mark.parametrize(("folder", "document", "audience"), FILINGS)
def test_a_migrated_filing_goes_to_word_and_back_unchanged(
    tmp_path: Path, folder: str, document: str, audience: str
) -> None:
    """Filings as providers publish them (dates in words, kept sentences, per-model
    values, gap statements) survive an unedited trip through Word."""
    project = copy_tree(MIGRATED / folder, tmp_path / folder)
    stem = KIND_BY_KEY[document].stem
    before = (project / f"{stem}.yaml").read_bytes()
    word = export(project, document, audience, tmp_path / "export.docx")

    result = import_docx(word, project, as_of=AS_OF)

    assert (result.errors, result.unmapped, result.diff.changes) == ((), (), ())
    assert (project / f"{stem}.yaml").read_bytes() == before
