"""A layout's blocks as Word tables, with the PDF's column widths and shading.

Question | answer rows (``qa``) are two columns with a rule under the answer, as in the
template; the Form is Item | Information | AIO | NCA | DP with a check box in each
audience column; the policy is Commitment | Implementation; the 1.3 modality table and
the domain list are grids. Header rows are shaded and repeat on each page, and a row is
never split across pages.
"""

from __future__ import annotations

from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Length, Mm, Pt

from gpai_docs.escaping import docx_text
from gpai_docs.render import cells
from gpai_docs.render.docx import ooxml, styles
from gpai_docs.render.docx.text import Paragraph, Run, cell_paragraphs, tick

CONTENT_WIDTH_MM = 170.0  # A4 less the PDF's 20 mm side margins
MARK_MM = 13.0  # one audience column of the Form
# Column shares of the grids, by the layout's css class (print.css).
_GRID_SHARES = {"modalities": (18, 37, 45), "domains": (12, 38, 12, 38)}


def write_paragraph(paragraph: Any, runs: Paragraph) -> None:
    """One paragraph's runs; every text goes through ``docx_text``."""
    for run in runs:
        text = docx_text(run.text)
        if run.url is not None:
            ooxml.hyperlink(paragraph, docx_text(run.url), text, styles.LINK)
            continue
        written = paragraph.add_run(text, style=styles.TICK if run.symbol else None)
        if run.bold:
            written.bold = True
        if run.italic:
            written.italic = True
        if run.muted:
            written.font.color.rgb = styles.GREY


def fill(cell: Any, paragraphs: list[Paragraph]) -> None:
    """A cell's paragraphs: the cell's own first paragraph, then one more per paragraph."""
    for index, runs in enumerate(paragraphs):
        write_paragraph(cell.paragraphs[0] if index == 0 else cell.add_paragraph(), runs)


def _widths(shares: tuple[float, ...], fixed: tuple[float, ...] = ()) -> list[Length]:
    """Column widths: ``fixed`` millimetres at the end, the rest shared by ``shares``."""
    rest = CONTENT_WIDTH_MM - sum(fixed)
    total = sum(shares)
    return [Length(Mm(rest * share / total)) for share in shares] + [Length(Mm(mm)) for mm in fixed]


def _table(document: Any, widths: list[Length], style: str) -> Any:
    table = document.add_table(rows=0, cols=len(widths))
    table.style = document.styles[style]
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    return table


def _row(table: Any, widths: list[Length]) -> Any:
    row = table.add_row()
    ooxml.keep_row_whole(row)
    for cell, width in zip(row.cells, widths, strict=True):
        cell.width = width
    return row


def _header(table: Any, widths: list[Length], columns: tuple[str, ...]) -> None:
    row = _row(table, widths)
    ooxml.repeat_header(row)
    for cell, name in zip(row.cells, columns, strict=True):
        fill(cell, [(Run(name, bold=True),)])
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        ooxml.shade_cell(cell, styles.HEAD_FILL)


def _answer(row: cells.Row) -> list[Paragraph]:
    if row.note:
        return [(Run(row.note, italic=True, muted=True),)]
    return cell_paragraphs(row.lines)


def qa_table(document: Any, block: cells.Block, question_share: float = 40) -> Any:
    """Question | answer rows, the answer above a rule."""
    widths = _widths((question_share, 100 - question_share))
    table = _table(document, widths, styles.QA_TABLE)
    for item in block.rows:
        question, answer = _row(table, widths).cells
        fill(question, [(Run(item.label),)])
        fill(answer, _answer(item))
        ooxml.no_borders(question)
        ooxml.under_rule(answer)
    return table


def form_table(document: Any, block: cells.Block) -> Any:
    """The Form's items with their audience marks, or the policy's commitments."""
    marks = len(block.columns) - 2
    widths = _widths((30, 70 - 30), (MARK_MM,) * marks) if marks else _widths((38, 62))
    table = _table(document, widths, styles.GRID_TABLE)
    _header(table, widths, block.columns)
    bold = block.css == "policy"  # the policy's commitments are bold, the Form's items not
    for item in block.rows:
        row = _row(table, widths)
        fill(row.cells[0], [(Run(item.label, bold=bold),)])
        fill(row.cells[1], _answer(item))
        for cell, mark in zip(row.cells[2:], item.marks, strict=False):
            fill(cell, [(tick(mark),)])
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return table


def grid_table(document: Any, block: cells.Block) -> Any:
    """A table with a header row: the 1.3 modalities, the domain list."""
    shares = _GRID_SHARES.get(block.css, (1,) * len(block.columns))
    widths = _widths(tuple(float(s) for s in shares))
    table = _table(document, widths, styles.GRID_TABLE)
    _header(table, widths, block.columns)
    for row_cells in block.cells:
        row = _row(table, widths)
        for index, (cell, lines) in enumerate(zip(row.cells, row_cells, strict=True)):
            fill(cell, cell_paragraphs(lines))
            if block.css == "domains" and index % 2 == 0:  # the ranks, right-aligned
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif block.css == "modalities" and index == 0:
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return table


def add_block(document: Any, block: cells.Block, question_share: float = 40) -> None:
    """A block, then its note; a paragraph always follows a table, so that two tables in
    a row stay two tables."""
    if block.kind == "qa":
        qa_table(document, block, question_share)
    elif block.kind == "form":
        if not block.rows:
            return
        form_table(document, block)
    else:
        grid_table(document, block)
    after = document.add_paragraph(style=styles.NOTE)
    if block.note:
        write_paragraph(after, (Run(block.note, italic=True),))
    else:
        after.paragraph_format.space_after = Pt(4)
