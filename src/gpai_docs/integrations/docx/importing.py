"""`gpai-docs import docx`: a Word document's answers back into the project, as one call.

The Word file is read safely (``reading.read_word``); its rows are mapped onto the
document's questions (``questions``, ``mapping``) and only the answers that changed are
read back. The edited document text is loaded and validated in memory first: a schema
error writes nothing and is reported at its row in Word; rule findings on the imported
fields are reported there too, and the import still writes, as an edit of the YAML
would. The changes are listed as ``gpai-docs diff`` lists them. Nothing is printed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gpai_docs.bundle.diff import SemanticDiff, diff_models
from gpai_docs.diagnostics import Diagnostic, Severity
from gpai_docs.errors import UserError
from gpai_docs.fileio import write_text_atomic
from gpai_docs.integrations.docx.apply import (
    applied,
    expanded,
    get_in,
    json_applied,
    yaml_applied,
)
from gpai_docs.integrations.docx.located import LocatedTable, located_tables
from gpai_docs.integrations.docx.mapping import Mapped, RowMapper, audience_of
from gpai_docs.integrations.docx.model import WordDocument, WordParagraph
from gpai_docs.integrations.docx.new_document import SUMMARY, template_filing, with_new_summary
from gpai_docs.integrations.docx.questions import (
    DOCUMENT_TITLES,
    add_wordings,
    question_index,
)
from gpai_docs.integrations.docx.tables import read_table
from gpai_docs.integrations.docx.text import fold_question
from gpai_docs.load.documents import load_text
from gpai_docs.models.kinds import KIND_BY_KEY
from gpai_docs.validate.pipeline import ValidationResult, validate_loaded, validate_project
from gpai_docs.validate.project import ProjectDocument, validate_document

DOCUMENT_OPTIONS = {
    "summary": "training_data_summary",
    "training-data-summary": "training_data_summary",
    "model-documentation": "model_documentation",
    "form": "model_documentation",
    "copyright-policy": "copyright_policy",
    "policy": "copyright_policy",
}
_BOM = "\ufeff"
DRAFT_MARK = "DRAFT — not for release"  # the export's first line of a --draft document


@dataclass(frozen=True)
class DocxImport:
    """What one import found and did."""

    source: str
    document: str
    target: Path
    diff: SemanticDiff
    written: tuple[Path, ...] = ()
    errors: tuple[str, ...] = ()  # at their place in Word; nothing was written
    findings: tuple[str, ...] = ()  # rule findings on imported fields (written anyway)
    unmapped: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # tracked changes, comments, what the reader ignored
    audience: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Run:
    result: ValidationResult
    document: str
    word: WordDocument
    mapped: Mapped = field(default_factory=Mapped)


def document_of(word: WordDocument, option: str | None) -> str:
    """The project document the Word file is: ``--document``, else its title or headings."""
    if option:
        key = DOCUMENT_OPTIONS.get(option.casefold(), option.replace("-", "_"))
        if key not in KIND_BY_KEY:
            known = ", ".join(sorted(DOCUMENT_OPTIONS))
            raise UserError(f"--document {option!r} names no document.", hint=f"Use {known}.")
        return key
    texts = [word.title or "", word.subject or ""]
    texts += [getattr(b, "text", "") for b in word.blocks[:40]]
    for text in texts:
        folded = fold_question(text)
        for key, titles in DOCUMENT_TITLES.items():
            if any(folded.startswith(fold_question(title)) for title in titles):
                return key
    raise UserError(
        "The Word file does not say which document it is (no title or heading "
        "'Public Summary of Training Content', 'Model Documentation Form' or 'Copyright "
        "policy').",
        hint="Pass --document summary, model-documentation or copyright-policy.",
    )


def _first_text(word: WordDocument) -> str | None:
    return next((b.text for b in word.blocks if isinstance(b, WordParagraph) and b.text), None)


def _notes(word: WordDocument) -> tuple[str, ...]:
    notes = []
    if word.tracked_changes:
        done = "accepted" if word.tracked_mode == "accept" else "rejected"
        notes.append(f"tracked changes {done}: {word.tracked_changes}")
    if word.comments:
        notes.append(f"comments ignored: {word.comments}")
    notes.extend(f"ignored: {what}" for what in word.ignored)
    return tuple(notes)


def _map(run: _Run) -> str | None:
    doc = run.result.project.documents[run.document]  # present: import_word checked
    model = doc.kind.model
    draft = any(getattr(b, "text", "").startswith(DRAFT_MARK) for b in run.word.blocks[:10])
    index = question_index(run.result, run.document, draft=draft)
    add_wordings(index, model)
    tables: list[LocatedTable] = list(located_tables(run.word.blocks))
    audience = audience_of(tables, index)
    data = doc.loaded.data if doc.loaded is not None else {}
    if run.document == "training_data_summary":  # a filing in the Commission's template
        tables = template_filing(run.word.blocks, tables, index, model, data, run.mapped)
    mapper = RowMapper(index, model, data, audience)
    mapper.out = run.mapped
    for table in tables:
        header = tuple(" ".join(c) for c in table.rows[0].cells) if table.rows else ()
        layout = index.table(None, header)
        if layout is not None:
            read_table(table, layout, data, run.mapped)
            continue
        for located in table.rows:
            mapper.row(located)
    return audience


def _place(diagnostic: Diagnostic, places: dict[tuple[str | int, ...], str]) -> str:
    path = diagnostic.location.path
    for edited, place in sorted(places.items(), key=lambda kv: -len(kv[0])):
        if tuple(path[: len(edited)]) == edited:
            return place
    return diagnostic.location.dotted_path or diagnostic.location.file


def _said(diagnostic: Diagnostic, places: dict[tuple[str | int, ...], str]) -> str:
    hint = f" {diagnostic.hint}" if diagnostic.hint else ""
    return f"{_place(diagnostic, places)}: {diagnostic.message}{hint}"


def _touches(diagnostic: Diagnostic, places: dict[tuple[str | int, ...], str]) -> bool:
    path = tuple(diagnostic.location.path)
    return any(path[: len(edited)] == edited for edited in places)


def _new_text(doc: ProjectDocument, new_data: dict[str, Any], run: _Run) -> str:
    raw = doc.loaded.raw if doc.loaded is not None else None
    source = raw.decode("utf-8") if raw is not None else ""
    bom = source.startswith(_BOM)
    if doc.path is not None and doc.path.suffix == ".json":
        return json_applied(new_data)
    old_data = doc.loaded.data if doc.loaded is not None else {}
    text = yaml_applied(source.removeprefix(_BOM), new_data, run.mapped.edits, old_data)
    return _BOM + text if bom else text


def import_word(
    word: WordDocument,
    source: str,
    root: Path,
    *,
    document: str | None = None,
    dry_run: bool = False,
    strict: bool = False,
    as_of: dt.date | None = None,
) -> DocxImport:
    """Import the answers of ``word`` (read from ``source``) into the project ``root``."""
    result = validate_project(root, as_of=as_of)
    key = document_of(word, document)
    doc = result.project.documents.get(key)
    if key == SUMMARY and (doc is None or doc.path is None):  # none yet: from the scaffold
        result = with_new_summary(result, root, word.title or _first_text(word))
        doc = result.project.documents[key]
    if doc is None or doc.model is None or doc.loaded is None or doc.path is None:
        raise UserError(
            f"{KIND_BY_KEY[key].title} in {root} is missing or does not validate, so the "
            "Word file cannot be compared with it.",
            hint=f"Fix it first: `gpai-docs validate {root}`.",
        )
    run = _Run(result, key, word)
    audience = _map(run)
    mapped = run.mapped
    errors = list(mapped.errors)
    if strict:
        errors += [f"{u} (--strict)" for u in mapped.unmapped]
    base = DocxImport(source, key, doc.path, SemanticDiff(str(root), source, ()))
    base = dataclasses.replace(
        base, unmapped=tuple(mapped.unmapped), notes=_notes(word), audience=audience
    )
    if errors or not mapped.edits:
        return dataclasses.replace(base, errors=tuple(errors))
    old_data = doc.loaded.data
    mapped.edits = [e for p, v in mapped.edits for e in expanded(p, v, get_in(old_data, p))]
    new_data = applied(old_data, mapped.edits)
    text = _new_text(doc, new_data, run)
    loaded = load_text(text, doc.loaded.file, json_syntax=doc.path.suffix == ".json")
    checked = validate_document(doc.kind, loaded)
    problems = [d for d in checked.diagnostics if d.severity is Severity.ERROR]
    if checked.model is None or problems:
        said = [_said(d, mapped.places) for d in problems] or ["the imported values do not load"]
        return dataclasses.replace(base, errors=tuple(said))
    new_doc = ProjectDocument(doc.kind, doc.path, loaded, checked.model, checked.diagnostics)
    project = dataclasses.replace(
        result.project, documents={**result.project.documents, key: new_doc}
    )
    after = validate_loaded(project, as_of=result.as_of, pack=result.pack)
    before = {(d.code, d.message) for d in result.report.diagnostics}
    findings = tuple(
        f"{d.severity.name.lower()} {d.code}: {_said(d, mapped.places)}"
        for d in after.report.diagnostics
        if _touches(d, mapped.places) and (d.code, d.message) not in before
    )
    old_models = {k: d.model for k, d in result.project.documents.items() if d.model}
    new_models = {k: d.model for k, d in project.documents.items() if d.model}
    diff = SemanticDiff(str(doc.path), source, diff_models(old_models, new_models))
    written: tuple[Path, ...] = ()
    if not dry_run and diff.changes:
        write_text_atomic(doc.path, text)
        written = (doc.path,)
    return dataclasses.replace(base, diff=diff, written=written, findings=findings)


def import_docx(
    path: Path,
    root: Path,
    *,
    document: str | None = None,
    tracked: str = "accept",
    dry_run: bool = False,
    strict: bool = False,
    as_of: dt.date | None = None,
) -> DocxImport:
    """Read the Word file at ``path`` safely and import it into the project ``root``."""
    from gpai_docs.integrations.docx.reading import read_word

    word = read_word(path, tracked=tracked)
    return import_word(
        word, str(path), root, document=document, dry_run=dry_run, strict=strict, as_of=as_of
    )
