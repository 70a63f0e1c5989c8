"""A summary written in the Commission's own template, read into a project's summary.

Providers who filed before using gpai-docs hold their summary as a DOCX filled in from the
Commission's editable template. Its rows carry the template's questions, which the
question index matches like the export's (``wording.py`` holds the template's own
wordings), but some answers are laid out as a legal team writes them, not as the export
prints them. Before the rows are mapped, this module:

- reads the header, "Version of the Summary:" and "Last update:", written as table rows
  or as paragraphs, into ``header.version`` and ``header.last_update``;
- reads the 1.3 table (Modality | Training data size | Types of content; ``written``): a ticked
  modality gets the ticked band (the template's printed labels, such as "1billion to 10
  trillions tokens", read as the catalogue's) and its types of content, kept sub-fields
  (count, custom size) stay; an unticked, empty modality is not in the summary;
- reads the provider or the representative written as a name paragraph and contact
  paragraphs (the export writes "name — contact" on one line);
- rewrites the answers the mapper reads in the export's form: a date written out ("14
  July 2026", the template's DD/MM/YYYY otherwise), "Not applicable" and "Not
  applicable: <reason>" (the export's "N/A"),
  a legacy "Cannot be provided: <why>" (TDS.rule.legacy_gaps: a justified gap, kept as
  ``not_applicable`` with the statement as its reason), and the 2.3 domain names one per
  paragraph ("Domains, ranked by content size: a; b").

A cell already in the export's form is left as it is, so an exported summary reads the same.
A project without a summary gets the scaffold `gpai-docs init` writes, which the filing
then fills (``with_new_summary``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from gpai_docs.integrations.docx.apply import get_in
from gpai_docs.integrations.docx.cells import REMOVE, CellError, special, ticks
from gpai_docs.integrations.docx.located import LocatedRow, LocatedTable, paragraph_text
from gpai_docs.integrations.docx.mapping import Mapped
from gpai_docs.integrations.docx.questions import QuestionIndex
from gpai_docs.integrations.docx.tables import _rows_of
from gpai_docs.integrations.docx.text import fold, fold_cell, fold_question
from gpai_docs.integrations.docx.values import value_of
from gpai_docs.integrations.docx.written import banded, party_block, texts
from gpai_docs.integrations.docx.written_dates import as_printed, iso_if_date
from gpai_docs.load.documents import load_text
from gpai_docs.load.project import display_path
from gpai_docs.models.kinds import KIND_BY_KEY
from gpai_docs.models.walk import field_at
from gpai_docs.scaffold.documents import scaffold
from gpai_docs.scaffold.project import schema_references
from gpai_docs.validate.pipeline import ValidationResult, validate_loaded
from gpai_docs.validate.project import ProjectDocument, validate_document

SUMMARY = "training_data_summary"
_TITLE = re.compile(r"^Public Summary of Training Content for (.+)$", re.I)
MODALITIES = ("section_1", "modalities")
MODALITY_COLUMNS = ("modality", "training data size", "types of content")
_BANDED = ("text", "image", "audio", "video")
_HEADER = {
    fold_question("Version of the Summary"): ("header", "version"),
    fold_question("Last update"): ("header", "last_update"),
}
_HEADER_LINE = re.compile(r"^(Version of the Summary|Last update)\s*:\s*(.+)$", re.I)
_PARTIES = {
    fold_question("Provider name and contact details"): ("section_1", "provider"),
    fold_question("Authorised representative name and contact details"): (
        "section_1",
        "authorised_representative",
    ),
}
_DOMAIN_QUESTION = fold_question("Summary of the most relevant domain names crawled")
_HOST = re.compile(r"^(?:\d+[.)]\s*)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})$", re.I)
_NOT_APPLICABLE = re.compile(r"^not applicable\s*(?:[:.,;—–-]\s*(.*))?$", re.I | re.S)
# The template filing's own gap statement ("Cannot be provided: <why>"); a sentence that
# merely starts so ("Cannot be provided in full for …") is an answer, kept as written.
_CANNOT = re.compile(r"^(?:this information )?cannot be provided\s*[:.;—–-]", re.I)
_AMOUNT = re.compile(r"^([\d.,\s]+(?:[×x*]\s*10\^?\d+)?)\s+(\S.*)$")
_DATE_QUESTIONS = {
    fold_question("Last update"),
    fold_question("Date of placement of the model on the Union market"),
}
Claimed = set[tuple[int, int]]  # (table, row) numbers read here, skipped by the mapper


def _header_lines(blocks: Sequence[Any], tables: list[LocatedTable]) -> list[tuple[Any, ...]]:
    """(path, text, place, row) of each header answer, before the first section."""
    found: list[tuple[Any, ...]] = []
    for block in blocks:
        if hasattr(block, "rows"):
            break
        match = _HEADER_LINE.match(fold(paragraph_text(block)))
        if match:
            said = f"the paragraph '{match.group(1)}:'"
            found.append((_HEADER[fold_question(match.group(1))], match.group(2), said, None))
    for table in tables:
        if table.section and table.section[0].isdigit():  # the title is no section
            break
        for row in table.rows:
            header = _HEADER.get(fold_question(row.question))
            if header is not None and row.answer:
                found.append((header, " ".join(row.answer), row.place(), (row.table, row.number)))
    return found


def read_header(
    blocks: Sequence[Any],
    tables: list[LocatedTable],
    model: type[BaseModel],
    data: Any,
    out: Mapped,
) -> Claimed:
    """The header's edits into ``out``; the rows read."""
    claimed: Claimed = set()
    for path, text, place, row in _header_lines(blocks, tables):
        if row is not None:
            claimed.add(row)
        node = field_at(model, path)
        if node is None:
            continue
        raw = get_in(data, path)
        if raw is not REMOVE and fold(text) in (fold(str(raw)), as_printed(raw)):
            continue  # the cell says what the YAML says, as written or as the export prints it
        try:
            value = value_of(node.field, [iso_if_date(text)], None if raw is REMOVE else raw, ())
        except CellError as error:
            out.errors.append(f"{place}: {error}")
            continue
        if value != raw:
            out.edits.append((path, value))
            out.places[path] = place
    return claimed


def _unticked(row: LocatedRow) -> Any:
    """An unticked modality: N/A or to be provided as written, else not in the summary."""
    said = [t for cell in row.cells[1:] for t in texts(cell)]
    found = special(" ".join(said)) if said else REMOVE
    if found is None:
        raise CellError("an unticked modality has no size or content; tick its box")
    return found


def _other(row: LocatedRow, label: str) -> dict[str, Any]:
    name = fold(label.partition(":")[2]) or "Other"
    size = " ".join(texts(row.cells[1]) if len(row.cells) > 1 else [])
    amount = _AMOUNT.match(size)
    if amount is None:
        raise CellError("give the other modality's size as a number and a unit")
    types = "\n\n".join(texts(row.cells[2]) if len(row.cells) > 2 else [])
    out: dict[str, Any] = {
        "name": name,
        "size": {"value": amount.group(1).strip(), "unit": amount.group(2)},
    }
    return {**out, "content_types": types} if types else out


def _modality_rows(
    table: LocatedTable, held: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Each modality's value, and the Word row it was read from (for findings)."""
    values: dict[str, Any] = {}
    places: dict[str, str] = {}
    others: list[dict[str, Any]] = []
    for row in table.rows[1:]:
        boxes = ticks(list(row.cells[0])) if row.cells else []
        if not boxes:
            continue
        on, label = boxes[0]
        key = label.split(":")[0].strip().casefold()
        places.setdefault(key, row.place())
        try:
            if key in _BANDED:
                values[key] = banded(key, row, held.get(key)) if on else _unticked(row)
            elif key == "other":
                if on:
                    others.append(_other(row, label))
                elif "other" not in values:
                    values["other"] = _unticked(row)
        except CellError as error:
            raise CellError(f"{row.place()}: {error}") from None
    if others:
        values["other"] = others
    return values, places


def read_modalities(table: LocatedTable, index: QuestionIndex, data: Any, out: Mapped) -> bool:
    """The 1.3 table's edits into ``out``; False when ``table`` is not that table, or when
    it reads as the project renders it (the mapper's table reader counts it unchanged)."""
    cells = [" ".join(c) for c in table.rows[0].cells] if table.rows else []
    if tuple(fold_question(c) for c in cells) != MODALITY_COLUMNS:
        return False
    layout = index.table(None, tuple(cells))
    body = [tuple(fold_cell(c) for c in row.cells) for row in table.rows[1:]]
    if layout is not None and all(row in _rows_of(layout) for row in body):
        return False
    held = get_in(data, MODALITIES)
    held = held if isinstance(held, dict) else {}
    try:
        values, places = _modality_rows(table, held)
    except CellError as error:
        out.errors.append(str(error))
        return True
    for key, value in values.items():
        old = held.get(key, REMOVE)
        if value is REMOVE and (old is REMOVE or old == []):
            continue
        if value != old:
            out.edits.append(((*MODALITIES, key), value))
            out.places[(*MODALITIES, key)] = places[key]
    return True


def _answer(question: str, answer: list[str]) -> list[str]:
    """A cell as the mapper reads it: the export's forms of N/A, parties and domain lists."""
    said = [fold(p) for p in answer if fold(p)]
    if question in _DATE_QUESTIONS and len(said) == 1:
        return [iso_if_date(said[0])]
    if len(said) == 1:
        na = _NOT_APPLICABLE.match(said[0])
        if na:
            return [f"N/A: {na.group(1)}" if na.group(1) else "N/A"]
        if _CANNOT.match(said[0]):
            return [f"N/A: {said[0]}"]
    hosts = [m.group(1) for m in (_HOST.match(t) for t in said) if m]
    if question == _DOMAIN_QUESTION and len(said) > 1 and len(hosts) == len(said):
        return ["Domains, ranked by content size: " + "; ".join(hosts)]
    return answer


def read_party(row: LocatedRow, data: Any, out: Mapped) -> bool:
    """A provider or representative written as a name paragraph and contact paragraphs."""
    path = _PARTIES.get(fold_question(row.question)) if len(row.cells) == 2 else None
    said = [fold(p) for p in row.answer if fold(p)]
    block = party_block(row.answer, get_in(data, path)) if path is not None else None
    if path is None or (block is None and (len(said) < 2 or ":" in said[0])):
        return False
    value = block if block is not None else {"name": said[0], "contact": "; ".join(said[1:])}
    if value != get_in(data, path):
        out.edits.append((path, value))
        out.places[path] = row.place()
    return True


def _rewritten(row: LocatedRow) -> LocatedRow:
    if len(row.cells) != 2:
        return row
    answer = _answer(fold_question(row.question), list(row.answer))
    if answer == list(row.answer):
        return row
    return dataclasses.replace(row, cells=(row.cells[0], tuple(answer)))


def template_filing(
    blocks: Sequence[Any],
    tables: list[LocatedTable],
    index: QuestionIndex,
    model: type[BaseModel],
    data: Any,
    out: Mapped,
) -> list[LocatedTable]:
    """The parts of a template filing read into ``out``; the tables left for the mapper."""
    claimed = read_header(blocks, tables, model, data, out)
    left: list[LocatedTable] = []
    for table in tables:
        if read_modalities(table, index, data, out):
            continue
        rows = tuple(
            _rewritten(r)
            for r in table.rows
            if (r.table, r.number) not in claimed and not read_party(r, data, out)
        )
        if rows:
            left.append(dataclasses.replace(table, rows=rows))
    return left


def with_new_summary(result: ValidationResult, root: Path, title: str | None) -> ValidationResult:
    """``result`` with the summary `gpai-docs init` would write, where the project has none.

    The import then fills that scaffold from the Word file, and writes the summary only if
    it imports (never on a dry run). The model's name comes from the filing's title ("Public
    Summary of Training Content for <model>"), else from the folder's name.
    """
    kind = KIND_BY_KEY[SUMMARY]
    named = _TITLE.match(fold(title or ""))
    refs, _ = schema_references(root)
    files = scaffold(refs, model_name=named.group(1) if named else root.name, today=result.as_of)
    path = root / f"{kind.stem}.yaml"
    text = files.files[path.name]
    loaded = dataclasses.replace(load_text(text, display_path(path, root)), raw=text.encode())
    checked = validate_document(kind, loaded)
    doc = ProjectDocument(kind, path, loaded, checked.model, checked.diagnostics)
    documents = {**result.project.documents, SUMMARY: doc}
    project = dataclasses.replace(result.project, documents=documents)
    return validate_loaded(project, as_of=result.as_of, pack=result.pack)
