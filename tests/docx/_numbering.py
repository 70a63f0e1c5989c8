"""Building DOCX inputs with Word's automatic numbering for the reader's tests.

python-docx writes paragraphs and styles but no numbering definitions: ``numbering_part``
writes word/numbering.xml by hand (``abstract``, ``level``, ``instance``), and ``number``
and ``number_style`` put a ``w:numPr`` on a paragraph or a style, as Word does when a
list or a numbered heading style is applied.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from docx.document import Document as DocumentObject
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph

from tests.docx._word import make_docx, parts, rezip

HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def level(
    ilvl: int,
    text: str,
    fmt: str = "decimal",
    *,
    start: int | None = 1,
    style: str | None = None,
    legal: bool = False,
    restart: int | None = None,
) -> str:
    """One ``w:lvl``: its start, format, text ("%1.%2."), linked style, isLgl, lvlRestart."""
    inner = f'<w:start w:val="{start}"/>' if start is not None else ""
    inner += f'<w:numFmt w:val="{fmt}"/>'
    inner += f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    inner += f'<w:pStyle w:val="{style}"/>' if style else ""
    inner += "<w:isLgl/>" if legal else ""
    inner += f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
    return f'<w:lvl w:ilvl="{ilvl}">{inner}</w:lvl>'


def abstract(key: int, levels: Sequence[str], *, link: str = "", style_link: str = "") -> str:
    """A ``w:abstractNum``; ``link`` a numbering style it takes its levels from
    (``w:numStyleLink``), ``style_link`` the numbering style it defines (``w:styleLink``)."""
    inner = '<w:multiLevelType w:val="multilevel"/>'
    inner += f'<w:styleLink w:val="{style_link}"/>' if style_link else ""
    inner += f'<w:numStyleLink w:val="{link}"/>' if link else ""
    return f'<w:abstractNum w:abstractNumId="{key}">{inner}{"".join(levels)}</w:abstractNum>'


def instance(
    key: int, abstract_id: int, starts: Mapping[int, int] | None = None, *, whole: str = ""
) -> str:
    """A ``w:num``: its abstract definition, start overrides by level, a whole level."""
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in (starts or {}).items()
    )
    overrides += whole
    return f'<w:num w:numId="{key}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def numbering_part(definitions: Sequence[str]) -> str:
    """word/numbering.xml: abstract definitions first, then instances, as Word orders them."""
    ordered = sorted(definitions, key=lambda xml: not xml.startswith("<w:abstractNum"))
    return f"{HEAD}<w:numbering {nsdecls('w')}>{''.join(ordered)}</w:numbering>"


def _num_pr(num_id: int, ilvl: int | None) -> object:
    inner = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    return parse_xml(f'<w:numPr {nsdecls("w")}>{inner}<w:numId w:val="{num_id}"/></w:numPr>')


def _set_num_pr(ppr: Any, num_id: int, ilvl: int | None) -> None:
    """``ppr`` is python-docx's CT_PPr, which keeps its children in schema order."""
    if ppr.numPr is not None:
        ppr.remove(ppr.numPr)
    ppr._insert_numPr(_num_pr(num_id, ilvl))


def number(paragraph: Paragraph, num_id: int, ilvl: int | None = 0) -> Paragraph:
    """The paragraph numbered by instance ``num_id`` at level ``ilvl`` (direct numPr)."""
    _set_num_pr(paragraph._p.get_or_add_pPr(), num_id, ilvl)
    return paragraph


def number_style(style: BaseStyle, num_id: int, ilvl: int | None = None) -> None:
    """The paragraph style numbered, as a heading style linked to a list is."""
    element: Any = style.element
    _set_num_pr(element.get_or_add_pPr(), num_id, ilvl)


def numbered_docx(
    definitions: Sequence[str],
    build: Callable[[DocumentObject], object],
    *,
    extra_styles: str = "",
) -> bytes:
    """A .docx built by ``build`` whose numbering.xml holds ``definitions``;
    ``extra_styles`` is raw ``w:style`` XML added to styles.xml (numbering styles)."""
    data = make_docx(build)
    replace: dict[str, bytes | str | None] = {"word/numbering.xml": numbering_part(definitions)}
    if extra_styles:
        styles = parts(data)["word/styles.xml"].decode("utf-8")
        replace["word/styles.xml"] = styles.replace("</w:styles>", f"{extra_styles}</w:styles>")
    return rezip(data, replace)
