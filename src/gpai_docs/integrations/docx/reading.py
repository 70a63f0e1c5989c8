"""Reading a DOCX safely into a neutral, typed structure (:class:`WordDocument`).

The file is read through :mod:`gpai_docs.fileio` under a size bound, its ZIP checked
before anything is inflated (:mod:`.package`), every XML part parsed without DTDs or
entities (:mod:`.safexml`), and the body walked by hand (:mod:`.body`, :mod:`.inline`)
so that tracked changes are resolved the way the caller asks. Nothing outside the file
is ever opened: external relationships are counted, not followed. Every refusal is a
:class:`~gpai_docs.errors.DocxRefused` naming the file, what is wrong and what to do.
"""

from __future__ import annotations

import os
from pathlib import Path
from xml.etree.ElementTree import Element

from gpai_docs.errors import DocxRefused, UserError
from gpai_docs.fileio import NotRegularFile, open_regular
from gpai_docs.integrations.docx.body import Body
from gpai_docs.integrations.docx.inline import Inline
from gpai_docs.integrations.docx.limits import LIMITS, MIB, DocxLimits
from gpai_docs.integrations.docx.model import (
    WordCell,
    WordDocument,
    WordParagraph,
    WordRow,
    WordTable,
)
from gpai_docs.integrations.docx.names import STRICT_NS, w
from gpai_docs.integrations.docx.numbering import Numbering
from gpai_docs.integrations.docx.package import Package, damaged, not_word, open_package
from gpai_docs.integrations.docx.parts import (
    Rel,
    core_properties,
    counted,
    package_ignored,
    read_xml,
    relationships,
)
from gpai_docs.integrations.docx.styles import Styles

__all__ = [
    "DocxLimits",
    "WordCell",
    "WordDocument",
    "WordParagraph",
    "WordRow",
    "WordTable",
    "read_word",
    "read_word_bytes",
]

TRACKED = {w("ins"), w("del"), w("moveFrom"), w("moveTo")}
_BODY_IGNORED = {
    "objects": "embedded object{s} ignored",
    "images": "image{s} ignored",
    "text boxes": "text box{es} ignored (their text is not imported)",
    "footnotes": "footnote{s} or endnote{s} not imported (only the body is read)",
    "unended fields": "field{s} without an end: text after it may be missing (re-save in Word)",
}


def _too_big(file: str, limits: DocxLimits) -> DocxRefused:
    return DocxRefused(
        f"{file} is larger than {limits.file_bytes // MIB} MB, more than a Word document "
        "with text and tables needs; it was not read.",
        hint="Remove large images or embedded files from it, save it and import that copy.",
    )


def read_word(path: Path, *, tracked: str = "accept", limits: DocxLimits = LIMITS) -> WordDocument:
    """The document in the .docx file at ``path``; see :func:`read_word_bytes`."""
    file = str(path)
    try:
        with open_regular(path, follow=True) as handle:
            if os.fstat(handle.fileno()).st_size > limits.file_bytes:
                raise _too_big(file, limits)
            data = handle.read(limits.file_bytes + 1)
    except NotRegularFile as refused:
        raise DocxRefused(
            f"{file} is {refused.kind}, not a file.", hint="Give the .docx file itself."
        ) from None
    except FileNotFoundError:
        raise DocxRefused(f"{file} does not exist.", hint="Check the file name.") from None
    except OSError as error:
        raise DocxRefused(f"Cannot read {file}: {error.strerror or error}.") from None
    return read_word_bytes(data, name=file, tracked=tracked, limits=limits)


def _zip_kind(package: Package) -> str:
    if package.has("xl/workbook.xml"):
        return "an Excel workbook"
    if package.has("ppt/presentation.xml"):
        return "a PowerPoint presentation"
    if package.has("mimetype") and b"opendocument" in (package.read("mimetype") or b""):
        return "an OpenDocument file (.odt): save it as .docx"
    return "a ZIP without word/document.xml"


def _main_part(package: Package, rels: list[Rel]) -> str:
    main = next((r.target for r in rels if r.type == "officeDocument" and not r.external), None)
    if main is not None and package.has(main):
        return main
    if package.has("word/document.xml"):
        return "word/document.xml"
    raise not_word(package.file, _zip_kind(package))


def _document(package: Package, main: str) -> Element:
    root = read_xml(package, main)
    if root is not None and root.tag == f"{{{STRICT_NS}}}document":
        raise DocxRefused(
            f"{package.file} is saved as a Strict Open XML document, which gpai-docs does not "
            "read.",
            hint="In Word, save it again as 'Word Document (*.docx)' and import that copy.",
        )
    if root is None or root.tag != w("document"):
        raise damaged(package.file, f"its main part {main} is not a Word document body")
    return root


def _target(rels: list[Rel], kind: str) -> str | None:
    return next((r.target for r in rels if r.type == kind and not r.external), None)


def _comments(package: Package, rels: list[Rel], body: Element) -> int:
    root = read_xml(package, _target(rels, "comments"))
    listed = len(root.findall(w("comment"))) if root is not None else 0
    marked = len({e.get(w("id")) for e in body.iter(w("commentReference"))})
    return max(listed, marked)


def read_word_bytes(
    data: bytes, *, name: str, tracked: str = "accept", limits: DocxLimits = LIMITS
) -> WordDocument:
    """The document in ``data``, a .docx file called ``name`` in every message.

    ``tracked`` is "accept" (the text as it reads with every tracked change accepted) or
    "reject" (the text as it was before them). Raises :class:`DocxRefused` for anything
    that is not a readable Word document.
    """
    if tracked not in ("accept", "reject"):
        raise UserError(f"Tracked changes are either accepted or rejected, not {tracked!r}.")
    if len(data) > limits.file_bytes:
        raise _too_big(name, limits)
    package = open_package(name, data, limits)
    rels = relationships(package, "")
    main = _main_part(package, rels)
    root = _document(package, main)
    body = root.find(w("body"))
    body = body if body is not None else Element(w("body"))
    doc_rels = relationships(package, main)
    settings = _target(doc_rels, "settings")
    settings_rels = relationships(package, settings) if settings else []
    styles = Styles(read_xml(package, _target(doc_rels, "styles")))
    numbering = Numbering(read_xml(package, _target(doc_rels, "numbering")), styles)
    walker = Body(name, styles, Inline(tracked == "accept", styles), limits, numbering)
    blocks = tuple(walker.blocks(body))
    counts = walker.inline.counts
    if walker.inline.fields:
        counts["unended fields"] = len(walker.inline.fields)
    ignored = package_ignored(package, rels + doc_rels + settings_rels, counts.get("objects", 0))
    ignored += [counted(counts[k], s) for k, s in _BODY_IGNORED.items() if counts.get(k)]
    core = core_properties(read_xml(package, _target(rels, "core-properties")))
    return WordDocument(
        blocks=blocks,
        title=core["title"],
        author=core["author"],
        version=core["version"],
        subject=core["subject"],
        tracked_changes=sum(1 for e in body.iter() if e.tag in TRACKED),
        tracked_mode=tracked,
        comments=_comments(package, doc_rels, body),
        ignored=tuple(ignored),
    )
