"""The Word styles of an exported document: the PDF's look, as named styles a person can
change (Normal, Title, Heading 1 to 3, the two table styles, the check box font).

The text face is a serif as in the Commission's template and the PDF (Times New Roman,
which LibreOffice shows as Liberation Serif); level-1 headings are the template's shaded
section bar; sub-headings are dark blue. Check boxes are set in Segoe UI Symbol, which
Word has on Windows; where it is missing, Word and LibreOffice take the glyph from a
font that has it (DejaVu Sans on Linux).
"""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

from gpai_docs.render.docx import ooxml

SERIF = "Times New Roman"
SYMBOLS = "Segoe UI Symbol"
BLUE = RGBColor(0x1F, 0x38, 0x64)
RED = RGBColor(0xA4, 0x00, 0x00)
GREY = RGBColor(0x4D, 0x4D, 0x4D)
BAR_FILL = "D9D9D9"  # the section bar
HEAD_FILL = "F2F2F2"  # a table's header row
LANGUAGE = "en-GB"

GRID_TABLE = "GPAI Grid Table"  # the Form, the policy, the 1.3 and domain tables
QA_TABLE = "GPAI Question Table"  # question | answer rows
TICK = "GPAI Check Box"  # the ☒ and ☐ glyphs
LINK = "Hyperlink"
NOTE = "GPAI Note"  # a sentence under a table; the notice and marking lines
TOC_LEVELS = ("toc 1", "toc 2", "toc 3")


def _paragraph_style(styles: Any, name: str, base: str = "Normal") -> Any:
    if name in [s.name for s in styles]:
        return styles[name]
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    return style


def _body(styles: Any) -> None:
    normal = styles["Normal"]
    ooxml.set_fonts(normal.element, SERIF)
    ooxml.set_language(normal.element, LANGUAGE)
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(2)
    normal.paragraph_format.line_spacing = 1.1
    title = styles["Title"]
    ooxml.set_fonts(title.element, SERIF)
    title.font.size, title.font.bold, title.font.color.rgb = Pt(16), True, RGBColor(0, 0, 0)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(14)
    ooxml.drop_border(title.element)  # the default template underlines it
    note = _paragraph_style(styles, NOTE)
    note.font.size = Pt(9.5)
    note.paragraph_format.space_after = Pt(6)


def _headings(styles: Any) -> None:
    sizes = {1: 13, 2: 12.5, 3: 11.5}
    for level, size in sizes.items():
        style = styles[f"Heading {level}"]
        ooxml.set_fonts(style.element, SERIF)
        style.font.size, style.font.bold = Pt(size), True
        style.font.color.rgb = RGBColor(0, 0, 0) if level == 1 else BLUE
        style.paragraph_format.space_before = Pt(14 if level == 1 else 10)
        style.paragraph_format.space_after = Pt(6 if level == 1 else 4)
        style.paragraph_format.keep_with_next = True
    bar = styles["Heading 1"]
    bar.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ooxml.section_bar(bar.element, BAR_FILL)
    contents = styles["TOC Heading"]  # not a section bar, and not in the contents itself
    contents.base_style = styles["Normal"]
    ooxml.set_fonts(contents.element, SERIF)
    contents.font.size, contents.font.bold = Pt(13), True
    contents.font.color.rgb = RGBColor(0, 0, 0)
    contents.paragraph_format.space_before = Pt(12)
    contents.paragraph_format.space_after = Pt(4)
    for level, name in enumerate(TOC_LEVELS):
        toc = _paragraph_style(styles, name)
        toc.paragraph_format.left_indent = Pt(14 * level)
        toc.paragraph_format.space_after = Pt(1)


def _page_marks(styles: Any) -> None:
    """The running header and footer: small grey text, their own tab stops only."""
    for name in ("Header", "Footer"):
        style = styles[name]
        style.paragraph_format.tab_stops.clear_all()
        style.font.size = Pt(8)
        style.font.color.rgb = GREY


def _tables(styles: Any) -> None:
    grid = styles.add_style(GRID_TABLE, WD_STYLE_TYPE.TABLE)
    grid.base_style = styles["Table Grid"]
    questions = styles.add_style(QA_TABLE, WD_STYLE_TYPE.TABLE)
    questions.base_style = styles["Normal Table"]


def _characters(styles: Any) -> None:
    tick = styles.add_style(TICK, WD_STYLE_TYPE.CHARACTER)
    ooxml.set_fonts(tick.element, SYMBOLS)
    if LINK not in [s.name for s in styles]:
        link = styles.add_style(LINK, WD_STYLE_TYPE.CHARACTER)
        link.font.color.rgb = BLUE
        link.font.underline = True


def set_up(document: Any) -> None:
    """Every style the export uses, added to (or adjusted in) ``document``."""
    styles = document.styles
    _body(styles)
    _headings(styles)
    _page_marks(styles)
    _tables(styles)
    _characters(styles)
