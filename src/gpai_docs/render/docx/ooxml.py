"""The few WordprocessingML details python-docx has no API for, in one place.

Cell and paragraph shading, paragraph borders (the section bar), header rows that repeat
on each page, rows kept whole, hyperlinks, fields (the table of contents, page numbers)
and fonts set without the theme's. Each helper builds its elements with python-docx's
``OxmlElement`` and sets attributes through ``qn``: no XML text is ever parsed, so no
provider value can become markup.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# Where each child of a paragraph's or a cell's properties must go (the schema's order).
_PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
    "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
_TCPR_ORDER = (
    "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd",
    "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
)  # fmt: skip


def _element(tag: str, **attributes: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _put(parent: Any, child: Any, order: tuple[str, ...]) -> None:
    """Insert ``child`` into ``parent`` at its schema place, replacing one of its kind."""
    tag = child.tag
    for old in parent.findall(tag):
        parent.remove(old)
    name = next(n for n in order if qn(n) == tag)
    later = {qn(n) for n in order[order.index(name) + 1 :]}
    for index, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(index, child)
            return
    parent.append(child)


def shade_cell(cell: Any, fill: str) -> None:
    """A table cell's background colour (``fill`` as hex, e.g. ``F2F2F2``)."""
    _put(
        cell._tc.get_or_add_tcPr(),
        _element("w:shd", val="clear", color="auto", fill=fill),
        _TCPR_ORDER,
    )


def section_bar(owner: Any, fill: str) -> None:
    """The template's section bar on a paragraph style (or a paragraph's ``_p``): shaded,
    with a thin black border around it."""
    ppr = owner.get_or_add_pPr()
    borders = _element("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        borders.append(_element(f"w:{side}", val="single", sz="6", space="1", color="000000"))
    _put(ppr, borders, _PPR_ORDER)
    _put(ppr, _element("w:shd", val="clear", color="auto", fill=fill), _PPR_ORDER)


def drop_border(owner: Any) -> None:
    """A paragraph style without its border (the default template's Title has one)."""
    ppr = owner.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


def under_rule(cell: Any) -> None:
    """A rule under an answer cell, as the template draws question | answer rows."""
    borders = _element("w:tcBorders")  # the sides in the schema's order
    for side in ("top", "left", "bottom", "right"):
        if side == "bottom":
            borders.append(_element("w:bottom", val="single", sz="4", space="0", color="000000"))
        else:
            borders.append(_element(f"w:{side}", val="nil"))
    _put(cell._tc.get_or_add_tcPr(), borders, _TCPR_ORDER)


def no_borders(cell: Any) -> None:
    borders = _element("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        borders.append(_element(f"w:{side}", val="nil"))
    _put(cell._tc.get_or_add_tcPr(), borders, _TCPR_ORDER)


def repeat_header(row: Any) -> None:
    """The table's header row repeats at the top of each page the table runs onto."""
    row._tr.get_or_add_trPr().append(_element("w:tblHeader"))


def keep_row_whole(row: Any) -> None:
    """A question stays with its answer: the row is never split across pages."""
    row._tr.get_or_add_trPr().append(_element("w:cantSplit"))


def hyperlink(paragraph: Any, url: str, text: str, style: str) -> Any:
    """An external hyperlink (http, https or mailto: the caller checks) whose text is
    ``text``; returns the run inside it for its font."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    link.set(qn("w:history"), "1")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rpr.append(_element("w:rStyle", val=style))
    run.append(rpr)
    run.append(_text_element(text))
    link.append(run)
    paragraph._p.append(link)
    return run


def _text_element(text: str) -> Any:
    element = OxmlElement("w:t")
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    element.text = text
    return element


def _field_char(kind: str) -> Any:
    run = OxmlElement("w:r")
    run.append(_element("w:fldChar", fldCharType=kind))
    return run


def field_start(paragraph: Any, instruction: str) -> None:
    """Begin a field (``TOC \\o "1-3" \\h``, ``PAGE``): its result follows, then field_end."""
    paragraph._p.append(_field_char("begin"))
    run = OxmlElement("w:r")
    code = OxmlElement("w:instrText")
    code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    code.text = f" {instruction} "
    run.append(code)
    paragraph._p.append(run)
    paragraph._p.append(_field_char("separate"))


def field_end(paragraph: Any) -> None:
    paragraph._p.append(_field_char("end"))


def simple_field(paragraph: Any, instruction: str, shown: str) -> None:
    """A field Word computes when it lays out the page (``PAGE``, ``NUMPAGES``)."""
    field_start(paragraph, instruction)
    run = OxmlElement("w:r")
    run.append(_text_element(shown))
    paragraph._p.append(run)
    field_end(paragraph)


def set_fonts(rpr_owner: Any, name: str) -> None:
    """Every script of a style or run in the font ``name``, without the theme's fonts
    (which Word prefers to an explicit name)."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), name)


def set_language(rpr_owner: Any, tag: str) -> None:
    """The proofing language of a style (``en-GB``)."""
    rpr = rpr_owner.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
