"""Word files for the import tests: a layout written as the export writes it, and edits
made with python-docx the way Word makes them (cell text, ticks, paragraphs, tables moved,
comments, tracked changes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table

from gpai_docs.integrations.docx.text import cell_paragraphs
from gpai_docs.models.kinds import KIND_BY_KEY
from gpai_docs.render.cells import Block

AS_OF = dt.date(2026, 6, 1)


def _cell(cell: Any, paragraphs: list[str]) -> None:
    cell.paragraphs[0].text = paragraphs[0] if paragraphs else ""
    for text in paragraphs[1:]:
        cell.add_paragraph(text)


def _block(doc: Document, block: Block) -> None:
    if block.kind == "table":
        table = doc.add_table(rows=1, cols=len(block.columns))
        for cell, name in zip(table.rows[0].cells, block.columns, strict=True):
            _cell(cell, [name])
        for cells in block.cells:
            row = table.add_row()
            for cell, lines in zip(row.cells, cells, strict=True):
                _cell(cell, cell_paragraphs(lines))
        return
    extra = len(block.columns) - 2 if block.kind == "form" else 0
    table = doc.add_table(rows=0, cols=2 + max(extra, 0))
    if block.columns:
        row = table.add_row()
        for cell, name in zip(row.cells, block.columns, strict=True):
            _cell(cell, [name])
    for entry in block.rows:
        row = table.add_row()
        _cell(row.cells[0], [entry.label])
        _cell(row.cells[1], [entry.note] if entry.note else cell_paragraphs(entry.lines))
        for cell, mark in zip(row.cells[2:], entry.marks, strict=False):
            _cell(cell, ["☒" if mark else "☐"])


def export(project: Path, document: str, audience: str, out: Path) -> Path:
    """The document for ``audience`` as ``gpai-docs export docx`` writes it."""
    from gpai_docs.render.docx import export_docx

    stem = KIND_BY_KEY[document].stem
    out.write_bytes(export_docx(project, stem, audience, draft=True, as_of=AS_OF))
    return out


def tables_under(doc: Document, heading: str) -> list[Table]:
    """The tables between the heading that starts with ``heading`` and the next heading."""
    found: list[Table] = []
    inside = False
    for element in doc.element.body.iterchildren():
        if element.tag == qn("w:p") and _is_heading(element):
            inside = _text(element).startswith(heading)
        elif element.tag == qn("w:tbl") and inside:
            found.append(Table(element, doc))
    return found


def row_of(doc: Document, section: str, question: str) -> Any:
    """The row of ``question`` (its first words) in the tables of ``section``."""
    for table in tables_under(doc, section):
        for row in table.rows:
            if row.cells[0].text.startswith(question):
                return row
    raise LookupError(f"no row {question!r} under {section!r}")


def set_cell(cell: Any, paragraphs: list[str]) -> None:
    """The cell's paragraphs replaced, as typing over them in Word does."""
    for paragraph in cell.paragraphs[1:]:
        paragraph._element.getparent().remove(paragraph._element)
    cell.paragraphs[0].text = paragraphs[0]
    for text in paragraphs[1:]:
        cell.add_paragraph(text)


def swap_tables(doc: Document, first: Table, second: Table) -> None:
    """Two tables moved past each other (cut and paste in Word)."""
    a, b = first._element, second._element
    marker = OxmlElement("w:p")
    a.addprevious(marker)
    b.addprevious(a)
    marker.addprevious(b)
    marker.getparent().remove(marker)


def move_section_before(doc: Document, moved: str, before: str) -> None:
    """The heading starting ``moved`` and its tables moved before the heading ``before``
    (a section cut and pasted elsewhere in Word)."""
    body = list(doc.element.body.iterchildren())

    def heading_at(text: str) -> int:
        for i, element in enumerate(body):
            if (
                element.tag == qn("w:p")
                and _is_heading(element)
                and _text(element).startswith(text)
            ):
                return i
        raise LookupError(text)

    start = heading_at(moved)
    end = next(
        (
            i
            for i in range(start + 1, len(body))
            if body[i].tag == qn("w:p") and _is_heading(body[i])
        ),
        len(body),
    )
    target = body[heading_at(before)]
    for element in body[start:end]:
        target.addprevious(element)


def swap_rows(table: Table, first: int, second: int) -> None:
    """Two rows of a table moved past each other."""
    a, b = table.rows[first]._tr, table.rows[second]._tr
    marker = OxmlElement("w:tr")
    a.addprevious(marker)
    b.addprevious(a)
    marker.addprevious(b)
    marker.getparent().remove(marker)


def add_row(table: Table, cells: list[str]) -> None:
    row = table.add_row()
    for cell, text in zip(row.cells, cells, strict=False):
        cell.paragraphs[0].text = text


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _is_heading(element: Any) -> bool:
    style = element.find(qn("w:pPr"))
    name = style.find(qn("w:pStyle")) if style is not None else None
    return name is not None and "Heading" in (name.get(qn("w:val")) or "")


def copy_tree(source: Path, target: Path) -> Path:
    import shutil

    shutil.copytree(source, target)
    return target
