"""The text of a paragraph's runs: tracked changes resolved, fields shown as displayed.

What is kept: ``w:t`` (and ``w:delText`` of a rejected deletion), tabs as "\\t", breaks
as "\\n", the displayed result of fields (never their instruction, ``w:instrText``),
hyperlink text, and check boxes as "☒" / "☐" where they stand: Word's check-box content
controls (``w14:checkbox``), legacy form check boxes (``w:ffData/w:checkBox``) and the
Wingdings box symbols. Left out: comments, images, embedded objects, text boxes and
footnote text (counted, for the report), and a content control's placeholder text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from gpai_docs.integrations.docx.names import in_w, local, on, small_int, val, w, w14
from gpai_docs.integrations.docx.styles import Styles

CHECKED, UNCHECKED = "☒", "☐"
# Wingdings code points of boxes: Word's Insert > Symbol writes them as w:sym w:char, older
# templates as text ("þ", or U+F0FE in the private use area) in a Wingdings run.
_SYMBOLS = {"A8": UNCHECKED, "6F": UNCHECKED, "71": UNCHECKED, "78": CHECKED, "FD": CHECKED}
_SYMBOLS |= {"FE": CHECKED}
_CONTAINERS = {"hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo"}
INSERTED, DELETED = {"ins", "moveTo"}, {"del", "moveFrom"}
_PICTURES = {"drawing": "images", "pict": "images", "object": "objects"}
_NOTES = {"footnoteReference", "endnoteReference"}


@dataclass(slots=True)
class Inline:
    """Walks runs for one document; the field stack spans paragraphs (a TOC does)."""

    accept: bool
    styles: Styles
    paragraph_style: str | None = None
    fields: list[bool] = field(default_factory=list)  # per open field: in its result yet?
    counts: dict[str, int] = field(default_factory=dict)
    pieces: list[tuple[str, bool | None]] = field(default_factory=list)

    def count(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1

    def shown(self) -> bool:
        return all(self.fields)

    def emit(self, text: str, bold: bool | None) -> None:
        if text and self.shown():
            self.pieces.append((text, bold))

    def walk(self, parent: Element) -> None:
        """Every inline child of ``parent`` (a paragraph or a container within one)."""
        for child in parent:
            name = in_w(child)
            if name == "r":
                self.run(child)
            elif name in _CONTAINERS:
                self.walk(child)
            elif name in INSERTED or name in DELETED:
                if (name in DELETED) != self.accept:
                    self.walk(child)
            elif name == "sdt":
                self.content_control(child)
            elif local(child.tag) == "AlternateContent":
                self.picture(child, "images")

    def picture(self, element: Element, kind: str) -> None:
        """Count a drawing, picture or object: a text box if it holds text, else ``kind``."""
        boxed = any(True for _ in element.iter(w("txbxContent")))
        self.count("text boxes" if boxed else kind)

    def content_control(self, sdt: Element) -> None:
        props = sdt.find(w("sdtPr"))
        box = props.find(w14("checkbox")) if props is not None else None
        if box is not None:
            checked = box.find(w14("checked"))
            state = checked is not None and checked.get(w14("val"), "1") in ("1", "true")
            self.emit(CHECKED if state else UNCHECKED, None)
            return
        if props is not None and props.find(w("showingPlcHdr")) is not None:
            return  # "Click or tap here to enter text.": Word's prompt, not the author's
        content = sdt.find(w("sdtContent"))
        if content is not None:
            self.walk(content)

    def run(self, run: Element) -> None:
        rpr = run.find(w("rPr"))
        bold = on(rpr.find(w("b"))) if rpr is not None else None
        if bold is None:
            run_style = val(rpr.find(w("rStyle"))) if rpr is not None else None
            bold = self.styles.bold(self.paragraph_style, run_style)
        fonts = rpr.find(w("rFonts")) if rpr is not None else None
        boxes = _wingdings(val(fonts, "ascii")) or _wingdings(val(fonts, "hAnsi"))
        for child in run:
            name = in_w(child)
            if name in ("t", "delText"):
                text = child.text or ""
                self.emit("".join(map(_box, text)) if boxes else text, bold)
            elif name in ("tab", "ptab"):
                self.emit("\t", bold)
            elif name in ("br", "cr"):
                self.emit("\n", bold)
            elif name == "noBreakHyphen":
                self.emit("-", bold)
            elif name == "sym" and _wingdings(val(child, "font")):
                self.emit(_SYMBOLS.get((val(child, "char") or "").upper()[-2:], ""), bold)
            elif name == "fldChar":
                self.field_char(child)
            elif name in _PICTURES and self.shown():
                self.picture(child, _PICTURES[name])
            elif name in _NOTES and self.shown():
                self.count("footnotes")
            elif local(child.tag) == "AlternateContent" and self.shown():
                self.picture(child, "images")

    def field_char(self, char: Element) -> None:
        kind = val(char, "fldCharType")
        if kind == "begin":
            form = char.find(w("ffData"))
            if form is not None:
                self.emit(_form_field(form), None)
            self.fields.append(False)
        elif kind == "separate" and self.fields:
            self.fields[-1] = True
        elif kind == "end" and self.fields:
            self.fields.pop()

    def take(self) -> tuple[str, bool]:
        """The text gathered since the last call, and whether every piece of it is bold."""
        pieces, self.pieces = self.pieces, []
        text = "".join(text for text, _ in pieces)
        bolds = [bold for text, bold in pieces if text.strip() and bold is not None]
        return text, bool(bolds) and all(bolds)


def _wingdings(font: str | None) -> bool:
    return font is not None and font.strip().lower() == "wingdings"


def _box(char: str) -> str:
    """A character of a Wingdings run: a box glyph if it is one, else itself."""
    code = ord(char) - 0xF000 if 0xF000 <= ord(char) <= 0xF0FF else ord(char)
    return _SYMBOLS.get(f"{code:02X}", char)


def _form_field(form: Element) -> str:
    """What a legacy form field shows by itself: a check box's state, a list's choice."""
    box = form.find(w("checkBox"))
    if box is not None:
        checked = box.find(w("checked"))
        state = on(checked) if checked is not None else on(box.find(w("default")))
        return CHECKED if state else UNCHECKED
    choices = form.find(w("ddList"))
    if choices is not None:
        entries = [val(e) or "" for e in choices.findall(w("listEntry"))]
        picked = val(choices.find(w("result"))) or val(choices.find(w("default")))
        index = small_int(picked) or 0
        return entries[index] if index < len(entries) else ""
    return ""
