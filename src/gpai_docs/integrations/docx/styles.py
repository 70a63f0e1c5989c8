"""Paragraph and character styles from word/styles.xml: names, outline levels, bold.

A style is referred to by its id (``Heading2``; localised Word writes ``berschrift2``)
but reported by its name; Word stores the built-in heading names in lower case
(``heading 2``) and shows them as ``Heading 2``, which is what is reported. Outline
levels, bold and list numbering (``w:numPr``) are inherited along ``w:basedOn``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from gpai_docs.integrations.docx.names import in_w, on, small_int, val, w

_HEADING = re.compile(r"heading ([1-9])", re.IGNORECASE)
_SHOWN = {"title": "Title", "caption": "Caption", "header": "Header", "footer": "Footer"}
_CHAIN = 32  # basedOn steps followed at most (a loop in a hand-made file ends here)


@dataclass(frozen=True, slots=True)
class _Style:
    name: str | None
    based_on: str | None
    outline: int | None
    bold: bool | None
    num_id: str | None = None
    num_level: int | None = None


def shown_name(name: str) -> str:
    """The name Word shows for a style name as stored ("heading 2" -> "Heading 2")."""
    match = _HEADING.fullmatch(name.strip())
    if match:
        return f"Heading {match.group(1)}"
    return _SHOWN.get(name.strip().lower(), name)


def outline_level(ppr: Element | None) -> int | None:
    """1-9 from ``w:outlineLvl`` (stored 0-8; 9 means body text), None if absent."""
    value = small_int(val(ppr.find(w("outlineLvl")))) if ppr is not None else None
    if value is None:
        return None
    level = value + 1
    return level if 1 <= level <= 9 else 0


def numbering_properties(ppr: Element | None) -> tuple[str | None, int | None]:
    """The numbering instance (``w:numId``) and level (``w:ilvl``) of ``w:numPr``."""
    props = ppr.find(w("numPr")) if ppr is not None else None
    if props is None:
        return None, None
    return val(props.find(w("numId"))), small_int(val(props.find(w("ilvl"))))


def _style(element: Element) -> _Style:
    ppr = element.find(w("pPr"))
    rpr = element.find(w("rPr"))
    name = val(element.find(w("name")))
    numbered = numbering_properties(ppr)
    return _Style(
        name=shown_name(name) if name is not None else None,
        based_on=val(element.find(w("basedOn"))),
        outline=outline_level(ppr),
        bold=on(rpr.find(w("b"))) if rpr is not None else None,
        num_id=numbered[0],
        num_level=numbered[1],
    )


class Styles:
    """The styles of one document (an empty set when it has no styles.xml)."""

    def __init__(self, root: Element | None) -> None:
        self._styles: dict[tuple[str, str], _Style] = {}
        self._default: str | None = None
        self._bold = False
        if root is None:
            return
        for element in root:
            if in_w(element) != "style":
                continue
            kind, sid = element.get(w("type"), "paragraph"), element.get(w("styleId"))
            if sid is None:
                continue
            self._styles[kind, sid] = _style(element)
            if kind == "paragraph" and element.get(w("default")) in ("1", "true", "on"):
                self._default = sid
        rpr = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self._bold = bool(on(rpr.find(w("b")))) if rpr is not None else False

    def _chain(self, kind: str, sid: str | None) -> list[_Style]:
        chain: list[_Style] = []
        while sid is not None and len(chain) < _CHAIN:
            style = self._styles.get((kind, sid))
            if style is None:
                break
            chain.append(style)
            sid = style.based_on
        return chain

    def paragraph_style(self, sid: str | None) -> str | None:
        """The paragraph style's id, the default paragraph style when none is given."""
        return sid if sid is not None else self._default

    def name(self, sid: str | None) -> str | None:
        chain = self._chain("paragraph", sid)
        return chain[0].name if chain else None

    def heading_level(self, sid: str | None) -> int | None:
        """From the style's name (Heading N, Title) or the outline level it inherits."""
        chain = self._chain("paragraph", sid)
        for style in chain:
            match = _HEADING.fullmatch(style.name or "")
            if match:
                return int(match.group(1))
            if style.name == "Title":
                return 1
            if style.outline is not None:
                return style.outline or None
        return None

    def numbering(
        self, sid: str | None, kind: str = "paragraph"
    ) -> tuple[str | None, int | None, str | None]:
        """The numbering a style gives (numId, level), each inherited along its chain,
        and the id of the style whose numId it is."""
        num_id: str | None = None
        level: int | None = None
        source: str | None = None
        for _ in range(_CHAIN):
            style = self._styles.get((kind, sid)) if sid is not None else None
            if style is None:
                break
            if num_id is None and style.num_id is not None:
                num_id, source = style.num_id, sid
            level = style.num_level if level is None else level
            sid = style.based_on
        return num_id, level, source

    def bold(self, paragraph_sid: str | None, run_sid: str | None) -> bool:
        """Whether a run without direct bold is bold through its styles."""
        for style in [*self._chain("character", run_sid), *self._chain("paragraph", paragraph_sid)]:
            if style.bold is not None:
                return style.bold
        return self._bold
