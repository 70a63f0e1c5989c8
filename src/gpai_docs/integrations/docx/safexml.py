"""Parsing one XML part of a DOCX: no DTD, no entities, bounded depth and size.

Every part goes through defusedxml with DTDs forbidden, so "billion laughs" entity
expansion and external entities (XXE, a file or URL read through the parser) are
refused before they expand. The tree builder counts elements and depth as they arrive
and stops at the bounds in :mod:`.limits`, and keeps only the attributes the reader
looks at: Word puts revision ids (``w:rsidR``...) on nearly every element, and dropping
them takes a parsed element from about 470 bytes to 90.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import DefusedXMLParser

from gpai_docs.errors import DocxRefused
from gpai_docs.integrations.docx.limits import DocxLimits
from gpai_docs.integrations.docx.names import w, w14
from gpai_docs.integrations.docx.package import FRESH, RESAVE

_WHERE = re.compile(r":\s*line \d+, column \d+$")
KEPT = frozenset(
    [w(name) for name in ("val", "fldCharType", "char", "font", "type", "styleId", "default")]
    + [w("id"), w("ascii"), w("hAnsi"), w("abstractNumId"), w("numId"), w("ilvl")]
    + [w14("val"), "Id", "Type", "Target", "TargetMode"]
)
"""The attributes kept: the ``w:`` ones the reader uses, and those of relationships."""


class _Bound(Exception):
    """The part went past a bound; ``what`` says which, in words."""

    def __init__(self, what: str, hint: str = FRESH) -> None:
        super().__init__(what)
        self.what = what
        self.hint = hint


class _Builder(ET.TreeBuilder):
    def __init__(self, limits: DocxLimits) -> None:
        super().__init__()
        self._limits = limits
        self._depth = 0
        self._count = 0

    def start(self, tag: str, attrs: dict[str, str], /) -> Element:
        self._depth += 1
        self._count += 1
        if self._depth > self._limits.xml_depth:
            raise _Bound(
                f"nests XML elements more than {self._limits.xml_depth} deep; a Word "
                "document never does"
            )
        if self._count > self._limits.xml_elements:
            raise _Bound(
                f"holds more than {self._limits.xml_elements:,} XML elements, the most "
                "gpai-docs reads from one part",
                "Split the document into smaller ones and import each.",
            )
        return super().start(tag, {k: v for k, v in attrs.items() if k in KEPT})

    def end(self, tag: str, /) -> Element:
        self._depth -= 1
        return super().end(tag)


def _declares(file: str, part: str, what: str) -> DocxRefused:
    return DocxRefused(
        f"{file}: its part {part} declares {what}. Word never writes one, and it can make a "
        f"file expand without end or read other files, so {file} was not read.",
        hint=FRESH,
    )


def parse_part(data: bytes, *, part: str, file: str, limits: DocxLimits) -> Element:
    """The root element of ``data``, the part ``part`` of ``file``, parsed safely."""
    parser = DefusedXMLParser(
        target=_Builder(limits), forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    try:
        parser.feed(data)
        root: Element = parser.close()
    except DTDForbidden:
        raise _declares(file, part, "a document type (DTD)") from None
    except EntitiesForbidden:
        raise _declares(file, part, "entities") from None
    except DefusedXmlException:
        raise _declares(file, part, "a reference to an external file") from None
    except _Bound as bound:
        raise DocxRefused(
            f"{file}: its part {part} {bound.what}, so it was not read.",
            hint=bound.hint,
        ) from None
    except LookupError:  # expat meets an encoding declaration Python does not know
        raise DocxRefused(
            f"{file}: {part} is damaged: it declares an unknown text encoding; open and "
            "re-save it in Word.",
            hint=RESAVE,
        ) from None
    except ET.ParseError as error:
        line, column = error.position
        reason = _WHERE.sub("", str(error)) or "not well-formed XML"
        raise DocxRefused(
            f"{file}: {part} is damaged at line {line}, column {column + 1}: {reason}; "
            "open and re-save it in Word.",
            hint=RESAVE,
        ) from None
    return root
