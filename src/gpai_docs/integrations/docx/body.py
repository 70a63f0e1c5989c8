"""The body of a Word document as paragraphs and tables, in order.

Block-level content controls and custom XML are looked through; tables keep their rows
and cells, a merged cell once where it starts. A paragraph whose mark is deleted (or,
when rejecting, inserted) runs on into the next one, as Word shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from gpai_docs.errors import DocxRefused
from gpai_docs.integrations.docx.inline import DELETED, INSERTED, Inline
from gpai_docs.integrations.docx.limits import DocxLimits
from gpai_docs.integrations.docx.model import WordCell, WordParagraph, WordRow, WordTable
from gpai_docs.integrations.docx.names import in_w, val, w
from gpai_docs.integrations.docx.numbering import Numbering
from gpai_docs.integrations.docx.styles import Styles, outline_level

_LOOK_THROUGH = {"sdt": "sdtContent", "customXml": None}


def _flat(parent: Element, wanted: set[str]) -> list[Element]:
    """The ``wanted`` children of ``parent``, looking through content controls."""
    found: list[Element] = []
    for child in parent:
        name = in_w(child)
        if name in wanted:
            found.append(child)
        elif name in _LOOK_THROUGH:
            inner = _LOOK_THROUGH[name]
            content = child.find(w(inner)) if inner else child
            if content is not None:
                found.extend(_flat(content, wanted))
    return found


def _tracked(props: Element | None) -> str | None:
    """ "ins" or "del" when ``props`` (pPr/rPr or trPr) marks the element as tracked."""
    if props is None:
        return None
    names = {in_w(child) for child in props}
    return "del" if names & DELETED else "ins" if names & INSERTED else None


@dataclass(slots=True)
class Body:
    file: str
    styles: Styles
    inline: Inline
    limits: DocxLimits
    numbering: Numbering
    paragraphs: int = 0
    rows: int = 0
    carried: list[WordParagraph] = field(default_factory=list)

    def _refuse(self, what: str) -> DocxRefused:
        return DocxRefused(
            f"{self.file} has more than {what}, the most gpai-docs reads from one document; "
            "it was not read.",
            hint="Split the document into smaller ones and import each.",
        )

    def blocks(self, container: Element) -> list[WordParagraph | WordTable]:
        out: list[WordParagraph | WordTable] = []
        for element in _flat(container, {"p", "tbl"}):
            if in_w(element) == "tbl":
                self._flush(out)
                tables = sum(isinstance(block, WordTable) for block in out)
                out.append(self.table(element, tables + 1))
            else:
                paragraph = self.paragraph(element)
                if paragraph is not None:
                    out.append(paragraph)
        self._flush(out)
        return out

    def _flush(self, out: list[WordParagraph | WordTable]) -> None:
        """Paragraphs that ran on into nothing (a table or the end follows) stand as one."""
        if self.carried:
            out.append(_joined(self.carried))
            self.carried = []

    def paragraph(self, p: Element) -> WordParagraph | None:
        self.paragraphs += 1
        if self.paragraphs > self.limits.paragraphs:
            raise self._refuse(f"{self.limits.paragraphs:,} paragraphs")
        ppr = p.find(w("pPr"))
        sid = self.styles.paragraph_style(val(ppr.find(w("pStyle"))) if ppr is not None else None)
        self.inline.paragraph_style = sid
        self.inline.walk(p)
        text, bold = self.inline.take()
        direct = outline_level(ppr)
        level = self.styles.heading_level(sid) if direct is None else direct or None
        mark = _tracked(ppr.find(w("rPr")) if ppr is not None else None)
        if mark == ("del" if self.inline.accept else "ins"):
            # Runs on into the next paragraph, whose mark (and numbering) it takes.
            self.carried.append(WordParagraph(text, self.styles.name(sid), level, bold))
            return None
        label = self.numbering.paragraph(ppr, sid)
        own = WordParagraph(text, self.styles.name(sid), level, bold, label)
        if self.carried:
            own, self.carried = _joined([*self.carried, own]), []
        return own

    def table(self, tbl: Element, number: int) -> WordTable:
        rows: list[WordRow] = []
        for tr in _flat(tbl, {"tr"}):
            if _tracked(tr.find(w("trPr"))) == ("del" if self.inline.accept else "ins"):
                continue
            self.rows += 1
            if self.rows > self.limits.rows:
                raise self._refuse(f"{self.limits.rows:,} table rows")
            cells = tuple(self.cell(tc) for tc in _flat(tr, {"tc"}) if not _continued(tc))
            rows.append(WordRow(len(rows) + 1, cells))
        return WordTable(number, tuple(rows))

    def cell(self, tc: Element) -> WordCell:
        blocks = self.blocks(tc)
        return WordCell(
            paragraphs=tuple(b.text for b in blocks if isinstance(b, WordParagraph)),
            nested=tuple(b for b in blocks if isinstance(b, WordTable)),
        )


def _joined(parts: list[WordParagraph]) -> WordParagraph:
    """Paragraphs run together: the text of all, the style of the last (whose mark stays)."""
    texts = [part for part in parts if part.text.strip()]
    bold = bool(texts) and all(part.bold for part in texts)
    last = parts[-1]
    text = "".join(p.text for p in parts)
    return WordParagraph(text, last.style, last.heading_level, bold, last.label)


def _continued(tc: Element) -> bool:
    """A cell that continues a merge from above (vMerge) or the left (legacy hMerge)."""
    props = tc.find(w("tcPr"))
    if props is None:
        return False
    for name in ("vMerge", "hMerge"):
        merge = props.find(w(name))
        if merge is not None and val(merge) != "restart":
            return True
    return False
