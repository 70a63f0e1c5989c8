"""One rendered artifact as a Word document: title block, contents, parts, page marks.

The same layout as the PDF (``render.html_body``): the draft note, the title, the
marking or notice, the facts table (the summary has its version block instead), then
each part under a real Word heading (Heading 1 to 3 by the part's level, with the part's
numbered heading as its text), so Word's navigation pane and its table of contents work.
Every page carries the running header and the marking, as the PDF's do.
"""

from __future__ import annotations

from typing import Any

from docx.api import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Mm

from gpai_docs.render import cells
from gpai_docs.render.cover import Cover
from gpai_docs.render.docx import ooxml, styles
from gpai_docs.render.docx.tables import CONTENT_WIDTH_MM, add_block, write_paragraph
from gpai_docs.render.docx.text import Run

DRAFT_NOTE = "Built with --draft: answers may be missing, pending or unchecked."
CONTENTS = "Contents"
TOC_FIELD = 'TOC \\o "1-3" \\h \\z \\u'


def _page(document: Any) -> None:
    """A4 with the PDF's margins."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    section.left_margin = section.right_margin = Mm(20)
    section.header_distance = section.footer_distance = Mm(10)


def _running(document: Any, cover: Cover) -> None:
    """The PDF's running header (model, title, version; the audience) and footer (the
    marking; the page number)."""
    section = document.sections[0]
    head = section.header.paragraphs[0]
    head.paragraph_format.tab_stops.add_tab_stop(Mm(CONTENT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    draft = "DRAFT · " if cover.draft else ""
    left = f"{draft}{cover.short_model} · {cover.title} · {cover.version_label}"
    write_paragraph(head, (Run(left), Run("\t"), Run(cover.audience)))
    foot = section.footer.paragraphs[0]
    foot.paragraph_format.tab_stops.add_tab_stop(Mm(CONTENT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    marks = [m for m in (cover.marking, "DRAFT" if cover.draft else None) if m]
    write_paragraph(foot, (Run(" · ".join(marks), bold=True), Run("\tPage ")))
    ooxml.simple_field(foot, "PAGE", "1")
    write_paragraph(foot, (Run(" of "),))
    ooxml.simple_field(foot, "NUMPAGES", "1")
    for run in foot.runs:
        if run.bold:
            run.font.color.rgb = styles.RED


def _title_block(document: Any, cover: Cover, header: cells.Block | None) -> None:
    if cover.draft:
        note = document.add_paragraph(style=styles.NOTE)
        write_paragraph(note, (Run("DRAFT — not for release.", bold=True), Run(f" {DRAFT_NOTE}")))
        note.runs[0].font.color.rgb = styles.RED
    title = document.add_paragraph(style="Title")
    write_paragraph(title, (Run(cover.heading),))
    if cover.marking:
        marking = document.add_paragraph(style=styles.NOTE)
        write_paragraph(marking, (Run(f"{cover.marking}.", bold=True), Run(f" {cover.notice}")))
        marking.runs[0].font.color.rgb = styles.RED
    elif cover.spec_document != "training_data_summary":
        write_paragraph(document.add_paragraph(style=styles.NOTE), (Run(cover.notice),))
    if cover.spec_document != "training_data_summary":
        facts = [
            ("Provider", cover.provider),
            ("Model", cover.model),
            ("Version", cover.version),
            ("Date", cover.date_text),
            ("Audience", cover.audience),
        ]
        block = cells.qa(*(cells.Row(label, (value,)) for label, value in facts))
        add_block(document, block, question_share=25)
    if header is not None:
        add_block(document, header, question_share=32)


def _contents(document: Any, parts: tuple[cells.Part, ...]) -> None:
    """A table of contents field after the title block. Its entries are written out, so
    the headings show before Word first updates the field (which adds page numbers)."""
    if not parts:
        return
    heading = document.add_paragraph(style="TOC Heading")
    write_paragraph(heading, (Run(CONTENTS),))
    for index, part in enumerate(parts):
        level = min(max(part.level, 1), 3)
        entry = document.add_paragraph(style=styles.TOC_LEVELS[level - 1])
        if index == 0:
            ooxml.field_start(entry, TOC_FIELD)
        write_paragraph(entry, (Run(part.heading),))
        if index == len(parts) - 1:
            ooxml.field_end(entry)


def _parts(document: Any, parts: tuple[cells.Part, ...]) -> None:
    for part in parts:
        level = min(max(part.level, 1), 3)
        write_paragraph(document.add_paragraph(style=f"Heading {level}"), (Run(part.heading),))
        for block in part.blocks:
            add_block(document, block)


def build_document(cover: Cover, header: cells.Block | None, parts: tuple[cells.Part, ...]) -> Any:
    """The python-docx document of one artifact (not yet saved)."""
    document = Document()
    styles.set_up(document)
    _page(document)
    _running(document, cover)
    _title_block(document, cover, header)
    _contents(document, parts)
    _parts(document, parts)
    return document
