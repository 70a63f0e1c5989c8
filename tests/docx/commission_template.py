"""Write a DOCX the way a provider's legal team fills in the Commission's template.

Not gpai-docs' own export: the layout of the Commission's editable template for the public
summary of training content (requirements §6, ../shared/design/official-layout/*.png).
The title and sub-headings use the template's own paragraph styles (never Word's Heading
styles), section bars are shaded one-cell tables or bold paragraphs, questions end with a
colon in a two-column question | answer table, tick boxes are ☒/☐ glyphs or Word check-box
content controls, the 1.3 table has a footnote on "Audio", and blank paragraphs sit where
a legal team leaves them.

A document is described as a plain list of blocks (``Title``, ``Bar``, ``Sub``, ``Rows``,
``ModalityTable``, ``Para``, ``Blank``); ``write`` turns it into bytes that are the same on
every run (fixed package dates, fixed zip entry times), so a committed file can be checked
against a fresh generation.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from docx import Document

CHECKED, UNCHECKED = "☒", "☐"
BLUE = RGBColor(0x1F, 0x38, 0x64)
FIXED = datetime(2026, 7, 8, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Ticks:
    """Tick boxes in one paragraph ("☒ Yes ☐ No"), as glyphs or as check-box controls."""

    options: Sequence[str]
    chosen: Sequence[str]
    controls: bool = False
    after: str = ""  # text after the boxes, in the same paragraph


def yes_no(answer: bool, *, controls: bool = False) -> Ticks:
    return Ticks(("Yes", "No"), ("Yes",) if answer else ("No",), controls)


@dataclass(frozen=True)
class Bullets:
    """A bulleted list in one cell (Word's List Bullet style)."""

    items: Sequence[str]


# An answer cell: one paragraph, several (a list of str, "" is a blank line), ticks, bullets,
# or a sequence of those.
Cell = str | Ticks | Bullets | Sequence["str | Ticks | Bullets"]


@dataclass(frozen=True)
class Title:
    model: str


@dataclass(frozen=True)
class Header:
    """The "Version of the Summary:" / "Last update:" lines, as a table or as paragraphs."""

    version: str
    last_update: str
    as_table: bool = True


@dataclass(frozen=True)
class Bar:
    """A section bar ("1. General information"): shaded one-cell table or bold paragraph."""

    text: str
    shaded: bool = True


@dataclass(frozen=True)
class Sub:
    """A numbered sub-heading in the template's own style ("1.1. Provider identification")."""

    text: str


@dataclass(frozen=True)
class Rows:
    """A two-column question | answer table."""

    rows: Sequence[tuple[str, Cell]]


@dataclass(frozen=True)
class Modality:
    name: str
    used: bool
    bands: Sequence[str]
    band: str | None
    content_types: Cell = ""
    footnote: str | None = None


@dataclass(frozen=True)
class ModalityTable:
    rows: Sequence[Modality]


@dataclass(frozen=True)
class Para:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Blank:
    pass


Block = Title | Header | Bar | Sub | Rows | ModalityTable | Para | Blank


@dataclass
class _Writer:
    doc: DocxDocument
    footnotes: list[str] = field(default_factory=list)


def _styles(doc: DocxDocument) -> None:
    styles = doc.styles
    title = styles.add_style("Template Title", WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = styles["Normal"]
    title.font.bold, title.font.size = True, Pt(16)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub = styles.add_style("Template Subheading", WD_STYLE_TYPE.PARAGRAPH)
    sub.base_style = styles["Normal"]
    sub.font.bold, sub.font.size, sub.font.color.rgb = True, Pt(13), BLUE
    question = styles.add_style("Template Question", WD_STYLE_TYPE.PARAGRAPH)
    question.base_style = styles["Normal"]
    question.font.size = Pt(10)


def _ticks(paragraph: Paragraph, ticks: Ticks) -> None:
    for index, option in enumerate(ticks.options):
        checked = option in ticks.chosen
        if index:
            paragraph.add_run("   ")
        if ticks.controls:
            paragraph._p.append(_checkbox(checked))
        else:
            paragraph.add_run(CHECKED if checked else UNCHECKED)
        paragraph.add_run(f" {option}")
    if ticks.after:
        paragraph.add_run(f" {ticks.after}")


def _checkbox(checked: bool) -> object:
    glyph = CHECKED if checked else UNCHECKED
    return parse_xml(
        f"<w:sdt {nsdecls('w', 'w14')}><w:sdtPr><w14:checkbox>"
        f'<w14:checked w14:val="{int(checked)}"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
        "</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr>"
        '<w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>'
        f"<w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"
    )


def _fill(cell: _Cell, content: Cell) -> None:
    parts: Sequence[str | Ticks | Bullets]
    parts = [content] if isinstance(content, str | Ticks | Bullets) else content
    first = cell.paragraphs[0]
    for index, part in enumerate(parts):
        if isinstance(part, Bullets):
            for number, item in enumerate(part.items):
                target = first if index == 0 and number == 0 else cell.add_paragraph()
                target.style = cell.part.document.styles["List Bullet"]
                target.add_run(item)
            continue
        paragraph = first if index == 0 else cell.add_paragraph()
        if isinstance(part, Ticks):
            _ticks(paragraph, part)
        elif part:
            paragraph.add_run(part)


def _borders(cell: _Cell, *, shade: str | None = None) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    tc_pr.append(
        parse_xml(
            f"<w:tcBorders {nsdecls('w')}>"
            + "".join(
                f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                for side in ("top", "left", "bottom", "right")
            )
            + "</w:tcBorders>"
        )
    )
    if shade:
        tc_pr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:fill="{shade}"/>'))


def _footnote_ref(writer: _Writer, paragraph: Paragraph, text: str) -> None:
    writer.footnotes.append(text)
    run = paragraph.add_run()
    run.font.superscript = True
    run._r.append(
        parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{len(writer.footnotes)}"/>')
    )


def _modality_table(writer: _Writer, block: ModalityTable) -> None:
    doc = writer.doc
    table = doc.add_table(rows=1, cols=3)
    for cell, heading in zip(
        table.rows[0].cells, ("Modality", "Training data size", "Types of content"), strict=True
    ):
        cell.paragraphs[0].add_run(heading).bold = True
        _borders(cell, shade="F2F2F2")
    for modality in block.rows:
        cells = table.add_row().cells
        name = cells[0].paragraphs[0]
        name.add_run(f"{CHECKED if modality.used else UNCHECKED} {modality.name}")
        if modality.footnote:
            _footnote_ref(writer, name, modality.footnote)
        _fill(
            cells[1],
            [Ticks((band,), (modality.band,) if modality.band else ()) for band in modality.bands],
        )
        _fill(cells[2], modality.content_types)
        for cell in cells:
            _borders(cell)


def _rows(doc: DocxDocument, block: Rows) -> None:
    table = doc.add_table(rows=0, cols=2)
    for question, answer in block.rows:
        cells = table.add_row().cells
        cells[0].paragraphs[0].style = doc.styles["Template Question"]
        cells[0].paragraphs[0].add_run(question)
        _fill(cells[1], answer)
        bottom = '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        cells[1]._tc.get_or_add_tcPr().append(
            parse_xml(f"<w:tcBorders {nsdecls('w')}>{bottom}</w:tcBorders>")
        )


def _after_table(doc: DocxDocument) -> bool:
    body = [e for e in doc.element.body if not e.tag.endswith("}sectPr")]
    return bool(body) and body[-1].tag.endswith("}tbl")


def _block(writer: _Writer, block: Block) -> None:
    doc = writer.doc
    tables = (Header, Bar, Rows, ModalityTable)
    if isinstance(block, tables) and _after_table(doc):
        # Word keeps a paragraph between two tables (it would join them into one), and so
        # does LibreOffice on saving: the template's spacing paragraph.
        doc.add_paragraph().paragraph_format.space_after = Pt(0)
    if isinstance(block, Title):
        doc.add_paragraph(
            f"Public Summary of Training Content for {block.model}", style="Template Title"
        )
    elif isinstance(block, Header):
        lines = [("Version of the Summary:", block.version), ("Last update:", block.last_update)]
        if block.as_table:
            _rows(doc, Rows(lines))
        else:
            doc.add_paragraph(f"Version of the Summary: {block.version}")
            doc.add_paragraph(f"Last update: {block.last_update}")
    elif isinstance(block, Bar):
        if block.shaded:
            cell = doc.add_table(rows=1, cols=1).rows[0].cells[0]
            run = cell.paragraphs[0].add_run(block.text)
            run.bold, run.font.size = True, Pt(14)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            _borders(cell, shade="D9E2F3")
        else:
            doc.add_paragraph().add_run(block.text).bold = True
    elif isinstance(block, Sub):
        doc.add_paragraph(block.text, style="Template Subheading")
    elif isinstance(block, Rows):
        _rows(doc, block)
    elif isinstance(block, ModalityTable):
        _modality_table(writer, block)
    elif isinstance(block, Para):
        doc.add_paragraph().add_run(block.text).bold = block.bold
    else:
        doc.add_paragraph()


def _footnotes_part(writer: _Writer) -> None:
    if not writer.footnotes:
        return
    body = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for number, text in enumerate(writer.footnotes, start=1)
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {nsdecls("w")}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:footnote>{body}</w:footnotes>"
    )
    document_part = writer.doc.part
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        xml.encode("utf-8"),
        document_part.package,
    )
    document_part.relate_to(part, RT.FOOTNOTES)


def build(blocks: Sequence[Block]) -> bytes:
    """The DOCX for ``blocks``: the same bytes on every run."""
    doc = Document()
    page = doc.sections[0]
    page.page_width, page.page_height = Mm(210), Mm(297)
    page.left_margin = page.right_margin = Mm(25)
    _styles(doc)
    writer = _Writer(doc)
    for block in blocks:
        _block(writer, block)
    _footnotes_part(writer)
    props = doc.core_properties
    props.author = props.last_modified_by = "Legal team"
    props.created = props.modified = FIXED.replace(tzinfo=None)
    props.revision = 1
    raw = io.BytesIO()
    doc.save(raw)
    return _stable_zip(raw.getvalue())


def _stable_zip(data: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            stable = zipfile.ZipInfo(info.filename, date_time=(2026, 7, 8, 9, 0, 0))
            stable.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(stable, source.read(info.filename))
    return out.getvalue()


def write(blocks: Sequence[Block], path: Path) -> Path:
    path.write_bytes(build(blocks))
    return path
