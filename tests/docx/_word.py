"""Building DOCX inputs for the reader's tests: python-docx for the ordinary parts, raw
XML and zipfile edits for what python-docx cannot write (tracked changes, check-box
controls, legacy form fields, external links) and for hostile packages.

``make_docx`` gives a document to build on; the ``add_*`` helpers append raw
WordprocessingML to a python-docx paragraph; ``rezip`` replaces, adds or drops parts;
``raw_zip`` writes a ZIP byte by byte, so that its directory can state sizes that are
not true; ``zip_bomb`` is about 1 MB of deflate that inflates to 1 GiB.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import count

from docx.document import Document as DocumentObject
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.table import _Row
from docx.text.paragraph import Paragraph

from docx import Document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MIB = 1 << 20
_ids = count(100)


def make_docx(build: Callable[[DocumentObject], object] | None = None) -> bytes:
    """A .docx from python-docx's default template, after ``build(document)``."""
    document = Document()
    if build is not None:
        build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _append(paragraph: Paragraph, xml: str) -> None:
    paragraph._p.append(parse_xml(xml))


def _mark(kind: str) -> str:
    return f'<w:{kind} {nsdecls("w")} w:id="{next(_ids)}" w:author="Legal" w:date="2026-11-02T10:00:00Z">'


def run_xml(text: str, *, deleted: bool = False) -> str:
    tag = "w:delText" if deleted else "w:t"
    return f'<w:r {nsdecls("w")}><{tag} xml:space="preserve">{text}</{tag}></w:r>'


def add_tracked_insertion(paragraph: Paragraph, text: str) -> None:
    _append(paragraph, f"{_mark('ins')}{run_xml(text)}</w:ins>")


def add_tracked_deletion(paragraph: Paragraph, text: str) -> None:
    _append(paragraph, f"{_mark('del')}{run_xml(text, deleted=True)}</w:del>")


def add_move(paragraph: Paragraph, text: str, *, to: bool) -> None:
    """Half of a tracked move: where the text went (``to``) or where it came from."""
    kind = "moveTo" if to else "moveFrom"
    _append(paragraph, f"{_mark(kind)}{run_xml(text, deleted=not to)}</w:{kind}>")


def mark_paragraph(paragraph: Paragraph, kind: str) -> None:
    """Track the paragraph mark itself as inserted or deleted (``kind`` "ins" / "del")."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = parse_xml(f"<w:rPr {nsdecls('w')}>{_mark(kind)}</w:{kind}></w:rPr>")
    ppr.append(rpr)


def mark_row(row: _Row, kind: str) -> None:
    """Track a table row as inserted or deleted."""
    tr = row._tr
    trpr = tr.get_or_add_trPr()
    trpr.append(parse_xml(f"{_mark(kind)}</w:{kind}>"))


def add_comment(document: DocumentObject, paragraph: Paragraph, text: str) -> None:
    """A comment anchored on the paragraph's runs, through python-docx's own comments part."""
    document.add_comment(paragraph.runs, text=text, author="Reviewer", initials="RV")


def add_content_control_checkbox(paragraph: Paragraph, checked: bool) -> None:
    """Word's check-box content control (Developer > Check Box), glyph in MS Gothic."""
    glyph = "☒" if checked else "☐"
    _append(
        paragraph,
        f'<w:sdt {nsdecls("w", "w14")}><w:sdtPr><w:id w:val="{next(_ids)}"/>'
        f'<w14:checkbox><w14:checked w14:val="{int(checked)}"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
        f'<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>'
        f"<w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>",
    )


def _fld(kind: str, inner: str = "") -> str:
    return f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="{kind}">{inner}</w:fldChar></w:r>'


def _instr(text: str) -> str:
    return f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'


def add_legacy_checkbox(paragraph: Paragraph, checked: bool) -> None:
    """A legacy form check box (Developer > Legacy Tools), as Word writes it."""
    state = "<w:checked/>" if checked else ""
    form = (
        f'<w:ffData><w:name w:val="Check{next(_ids)}"/><w:enabled/><w:calcOnExit w:val="0"/>'
        f'<w:checkBox><w:sizeAuto/><w:default w:val="0"/>{state}</w:checkBox></w:ffData>'
    )
    for xml in (_fld("begin", form), _instr(" FORMCHECKBOX "), _fld("end")):
        _append(paragraph, xml)


def add_field(paragraph: Paragraph, instruction: str, result: str) -> None:
    """A complex field (begin, instruction, separate, displayed result, end)."""
    for xml in (_fld("begin"), _instr(instruction), _fld("separate"), run_xml(result), _fld("end")):
        _append(paragraph, xml)


def add_simple_field(paragraph: Paragraph, instruction: str, result: str) -> None:
    _append(
        paragraph,
        f'<w:fldSimple {nsdecls("w")} w:instr="{instruction}">{run_xml(result)}</w:fldSimple>',
    )


def add_hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    rid = paragraph.part.relate_to(url, f"{RT}/hyperlink", is_external=True)
    _append(
        paragraph, f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}">{run_xml(text)}</w:hyperlink>'
    )


def add_raw(paragraph: Paragraph, xml: str) -> None:
    """Any run-level XML; ``w:`` ``w14:`` ``r:`` prefixes are declared on it."""
    element = parse_xml(re.sub(r"^<([\w:]+)", rf"<\1 {nsdecls('w', 'w14', 'r')}", xml, count=1))
    paragraph._p.append(element)


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(
    data: bytes,
    replace: Mapping[str, bytes | str | None] | None = None,
    *,
    names: Sequence[str] | None = None,
) -> bytes:
    """``data`` with parts replaced, added (a new name) or dropped (None)."""
    entries: dict[str, bytes | str | None] = dict(parts(data))
    entries.update(replace or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names or list(entries):
            content = entries[name]
            if content is not None:
                archive.writestr(name, content)
    return out.getvalue()


def document_xml(data: bytes) -> str:
    return parts(data)["word/document.xml"].decode("utf-8")


def with_body(data: bytes, body: str) -> bytes:
    """``data`` with the body of document.xml replaced by ``body`` (raw XML)."""
    xml = document_xml(data)
    xml = re.sub(r"<w:body>.*</w:body>", lambda _: f"<w:body>{body}</w:body>", xml, flags=re.S)
    return rezip(data, {"word/document.xml": xml})


def body_docx(body: str) -> bytes:
    """A document whose body is ``body``, raw WordprocessingML."""
    return with_body(make_docx(), body)


def add_relationship(
    data: bytes, source: str, rid: str, kind: str, target: str, *, external: bool
) -> bytes:
    """A relationship added to the .rels of part ``source`` (e.g. "word/document.xml")."""
    folder, _, name = source.rpartition("/")
    rels = f"{folder}/_rels/{name}.rels" if folder else "_rels/.rels"
    existing = parts(data).get(
        rels,
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
    )
    mode = ' TargetMode="External"' if external else ""
    entry = f'<Relationship Id="{rid}" Type="{RT}/{kind}" Target="{target}"{mode}/>'
    return rezip(
        data, {rels: existing.decode().replace("</Relationships>", f"{entry}</Relationships>")}
    )


@dataclass(frozen=True)
class RawEntry:
    """One ZIP entry written as given: ``payload`` already compressed (raw deflate) or not."""

    name: str
    payload: bytes
    size: int  # the inflated size the directory states
    crc: int
    method: int = zipfile.ZIP_DEFLATED


def deflated(content: bytes) -> RawEntry:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    payload = compressor.compress(content) + compressor.flush()
    return RawEntry("", payload, len(content), zlib.crc32(content))


def raw_zip(entries: Sequence[RawEntry], *, stated_entries: int | None = None) -> bytes:
    """A ZIP with exactly the stated sizes and CRCs, true or not."""
    out, directory = io.BytesIO(), io.BytesIO()
    for entry in entries:
        name = entry.name.encode("utf-8")
        offset = out.tell()
        fields = (20, 0x800, entry.method, 0, 0x21, entry.crc, len(entry.payload), entry.size)
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields, len(name), 0) + name)
        out.write(entry.payload)
        directory.write(
            struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, *fields, len(name), 0, 0, 0, 0, 0, offset)
            + name
        )
    listing = directory.getvalue()
    total = len(entries) if stated_entries is None else stated_entries
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, total, total, len(listing), out.tell(), 0)
    return out.getvalue() + listing + end


def bomb_entry(name: str, mebibytes: int = 1024, *, stated: int | None = None) -> RawEntry:
    """Deflate of ``mebibytes`` MiB of zeros in about 1 KiB per MiB: one compressed MiB,
    fully flushed (so it refers to nothing before it), repeated. ``stated`` is the size
    the directory states (the true size unless given)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(MIB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    payload = block * mebibytes + b"\x03\x00"  # an empty final block ends the stream
    crc = 0
    zeros = bytes(MIB)
    for _ in range(mebibytes):
        crc = zlib.crc32(zeros, crc)
    size = mebibytes * MIB
    return RawEntry(name, payload, size if stated is None else stated, crc)


def docx_entries(data: bytes) -> list[RawEntry]:
    """The entries of a real .docx, as RawEntry (to rebuild it with one entry changed)."""
    return [
        RawEntry(name, entry.payload, entry.size, entry.crc)
        for name, content in parts(data).items()
        for entry in [deflated(content)]
    ]
