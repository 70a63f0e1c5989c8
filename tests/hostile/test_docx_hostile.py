"""Hostile and broken .docx files: each refused with a DocxRefused that names the file,
says what is wrong and what to do, before anything big is inflated or parsed; nothing
outside the ZIP is ever opened, fetched or followed.

Memory is measured with tracemalloc around the read (the input bytes are built before
it starts): a 1 GiB zip bomb costs well under 1% of its size.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from docx.document import Document

from gpai_docs.errors import DocxRefused
from gpai_docs.integrations.docx.limits import MIB, DocxLimits
from gpai_docs.integrations.docx.reading import (
    WordDocument,
    WordParagraph,
    WordTable,
    read_word,
    read_word_bytes,
)
from tests.docx._word import (
    RawEntry,
    add_raw,
    add_relationship,
    body_docx,
    bomb_entry,
    docx_entries,
    make_docx,
    raw_zip,
    rezip,
)

NAME = "summary.docx"
W_DECL = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RESAVE = "Open it in Word or LibreOffice, save it as a Word document (.docx) and import that file."
FRESH = "A Word file never looks like this: ask the sender for a copy saved again from Word."
BOUND = 8 * MIB  # peak traced memory of a refused read; the bombs inflate to 1 GiB


def _good(document: Document) -> None:
    document.add_paragraph("Training data: public web crawl.")


GOOD = make_docx(_good)


def _refusal(data: bytes, **kwargs: object) -> DocxRefused:
    with pytest.raises(DocxRefused) as caught:
        read_word_bytes(data, name=NAME, **kwargs)  # type: ignore[arg-type]  # tracked / limits
    return caught.value


def _check(data: bytes, message: str, hint: str | None = None, **kwargs: object) -> None:
    refusal = _refusal(data, **kwargs)
    assert refusal.message == message
    if hint is not None:
        assert refusal.hint == hint


ODT = b"application/vnd.oasis.opendocument.text"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # a compound file's header block


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "a PDF file"),
        (OLE + "WordDocument".encode("utf-16-le"), "an old .doc binary file: save it as .docx"),
        (OLE + "Workbook".encode("utf-16-le"), "an older Office binary file, not a .docx"),
        (b"Summary of training content\nVersion 1\n", "a plain text file"),
        (b"<html><body>Summary</body></html>", "an XML or HTML text file, not a .docx package"),
        (b"{\\rtf1\\ansi Summary}", "an RTF file: save it as .docx"),
        (b"", "an empty file"),
        (bytes(range(256)) * 4, "not a ZIP package"),
        (
            rezip(GOOD, {"word/document.xml": None, "_rels/.rels": None}),
            "a ZIP without word/document.xml",
        ),
        (rezip(GOOD, {"word/document.xml": None, "xl/workbook.xml": b"<x/>"}), "an Excel workbook"),
        (
            raw_zip([RawEntry("mimetype", ODT, len(ODT), zlib.crc32(ODT), 0)]),
            "an OpenDocument file (.odt): save it as .docx",
        ),
    ],
    ids=["pdf", "doc", "xls", "text", "html", "rtf", "empty", "binary", "zip", "xlsx", "odt"],
)
def test_what_is_not_a_docx_is_named_for_what_it_is(data: bytes, kind: str) -> None:
    _check(data, f"{NAME} is not a Word document (it is {kind}).", RESAVE)


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_a_real_doc_saved_by_libreoffice_is_named_an_old_doc_file(tmp_path: Path) -> None:
    source = tmp_path / "summary.docx"
    source.write_bytes(GOOD)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "doc:MS Word 97",
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    doc = tmp_path / "out" / "summary.doc"
    with pytest.raises(DocxRefused) as caught:
        read_word(doc)
    assert caught.value.message == (
        f"{doc} is not a Word document (it is an old .doc binary file: save it as .docx)."
    )


def test_a_password_protected_docx_is_named_so() -> None:
    # An encrypted .docx is an OLE compound file whose streams include EncryptedPackage.
    data = OLE + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    refusal = _refusal(data)
    assert refusal.message == (
        f"{NAME} is a password-protected Word document; it cannot be read without the "
        "password, and gpai-docs does not ask for one."
    )
    assert refusal.hint is not None and "remove the password" in refusal.hint


def test_a_docx_cut_short_is_damaged() -> None:
    _check(
        GOOD[: len(GOOD) // 2],
        f"{NAME} is damaged: its ZIP directory is missing (the file may be cut short); "
        "open and re-save it in Word.",
        RESAVE,
    )


def test_a_file_over_the_size_bound_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / NAME
    with path.open("wb") as handle:
        handle.truncate(50 * MIB + 1)  # sparse: nothing is written, nothing is read
    tracemalloc.start()
    try:
        with pytest.raises(DocxRefused) as caught:
            read_word(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert caught.value.message == (
        f"{path} is larger than 50 MB, more than a Word document with text and tables needs; "
        "it was not read."
    )
    assert peak < BOUND


def test_too_many_zip_entries_are_refused_from_the_end_record() -> None:
    entries = docx_entries(GOOD) + [RawEntry(f"word/x{i}.xml", b"", 0, 0, 0) for i in range(2000)]
    count = len(entries)
    _check(
        raw_zip(entries),
        f"{NAME} holds {count:,} ZIP entries, more than the 2,000 a Word document could need; "
        "it was not read.",
        FRESH,
    )


def test_an_end_record_that_understates_the_entries_is_caught_after_all() -> None:
    entries = docx_entries(GOOD) + [RawEntry(f"word/x{i}.xml", b"", 0, 0, 0) for i in range(2000)]
    _check(
        raw_zip(entries, stated_entries=3),
        f"{NAME} holds more than 2,000 ZIP entries; it was not read.",
        FRESH,
    )


def _without_document() -> list[RawEntry]:
    return [e for e in docx_entries(GOOD) if e.name != "word/document.xml"]


@pytest.fixture(scope="module")
def bomb() -> RawEntry:
    """word/document.xml as 1 MB of deflate that inflates to 1 GiB of zeros."""
    return bomb_entry("word/document.xml", 1024)


def _peak(call: Callable[[], object]) -> tuple[BaseException | None, int]:
    tracemalloc.start()
    try:
        call()
    except DocxRefused as refusal:
        return refusal, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return None, 0


def test_a_zip_bomb_is_refused_from_its_directory_without_inflating(bomb: RawEntry) -> None:
    data = raw_zip([*_without_document(), bomb])
    refusal, peak = _peak(lambda: read_word_bytes(data, name=NAME))
    assert isinstance(refusal, DocxRefused)
    ratio = 1024 * MIB / len(bomb.payload)
    assert refusal.message == (
        f"{NAME}: its entry word/document.xml would expand {ratio:,.0f}-fold, to 1,024 MB. "
        "That is a file built to exhaust memory (a ZIP bomb), not a Word document; nothing "
        "was unpacked."
    )
    assert peak < BOUND


@pytest.mark.parametrize("stated", [5_000, 300_000])
def test_a_directory_that_understates_a_bomb_costs_only_what_it_states(
    bomb: RawEntry, stated: int
) -> None:
    lying = RawEntry(bomb.name, bomb.payload, stated, bomb.crc)
    data = raw_zip([*_without_document(), lying])
    refusal, peak = _peak(lambda: read_word_bytes(data, name=NAME))
    assert isinstance(refusal, DocxRefused)
    assert refusal.message == (
        f"{NAME} is damaged: its part word/document.xml cannot be unpacked; open and re-save "
        "it in Word."
    )
    assert peak < BOUND


def test_a_part_over_its_bound_is_refused_unread() -> None:
    big = RawEntry("word/document.xml", b"\0" * MIB, 40 * MIB, 0)  # 40-fold: under the ratio
    _check(
        raw_zip([*_without_document(), big]),
        f"{NAME}: its part word/document.xml is 40 MB once unpacked, more than the 32 MB "
        "gpai-docs reads.",
    )


def test_the_sum_of_stated_sizes_has_a_bound() -> None:
    media = [
        RawEntry(f"word/media/image{i}.png", b"\0" * (2 * MIB), 200 * MIB, 0, 0) for i in range(3)
    ]
    _check(
        raw_zip(media),
        f"{NAME} would expand to 600 MB, more than the 512 MB gpai-docs unpacks; nothing was "
        "unpacked.",
    )


@pytest.mark.parametrize(
    "name", ["../evil.xml", "/etc/cron.d/x", "word/../../x.xml", "C:/Windows/x.xml", "word\\..\\x"]
)
def test_entry_names_that_climb_out_are_refused(name: str) -> None:
    _check(
        raw_zip([*docx_entries(GOOD), RawEntry(name, b"", 0, 0, 0)]),
        f"{NAME} holds an entry named {name!r}, which points outside the document; it was not read.",
        FRESH,
    )


def test_two_entries_of_one_name_are_refused() -> None:
    doubled = [*docx_entries(GOOD), RawEntry("WORD/document.xml", b"", 0, 0, 0)]
    _check(
        raw_zip(doubled), f"{NAME} holds two entries named 'WORD/document.xml'; it was not read."
    )


def _document(body: str, prolog: str = "") -> bytes:
    xml = f'<?xml version="1.0"?>{prolog}<w:document {W_DECL}><w:body>{body}</w:body></w:document>'
    return rezip(GOOD, {"word/document.xml": xml})


LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i + 1} "{f"&lol{i};" * 10}">'.replace("&lol0;", "&lol;") for i in range(9)
    )
    + "]>"
)


@pytest.mark.parametrize(
    ("part", "prolog", "body"),
    [
        ("word/document.xml", LAUGHS, "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"),
        ("word/document.xml", '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "&x;"),
        ("word/document.xml", '<!DOCTYPE d SYSTEM "http://attacker.example/d.dtd">', ""),
    ],
    ids=["billion-laughs", "xxe-file", "external-dtd"],
)
def test_dtds_and_entities_are_refused_before_they_expand(
    part: str, prolog: str, body: str
) -> None:
    data = _document(body, prolog)
    refusal, peak = _peak(lambda: read_word_bytes(data, name=NAME))
    assert isinstance(refusal, DocxRefused)
    assert refusal.message == (
        f"{NAME}: its part {part} declares a document type (DTD). Word never writes one, and "
        f"it can make a file expand without end or read other files, so {NAME} was not read."
    )
    assert peak < BOUND


@pytest.mark.parametrize("part", ["word/styles.xml", "_rels/.rels", "docProps/core.xml"])
def test_a_dtd_in_any_part_read_is_refused(part: str) -> None:
    xml = '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]><s>&x;</s>'
    _check(
        rezip(GOOD, {part: xml}),
        f"{NAME}: its part {part} declares a document type (DTD). Word never writes one, and "
        f"it can make a file expand without end or read other files, so {NAME} was not read.",
    )


def test_malformed_xml_names_the_part_line_and_column() -> None:
    xml = f'<?xml version="1.0"?>\n<w:document {W_DECL}>\n<w:body><w:p></w:x>'
    # expat places a mismatched end tag at its name: "<w:body><w:p></" is 15 characters.
    _check(
        rezip(GOOD, {"word/document.xml": xml}),
        f"{NAME}: word/document.xml is damaged at line 3, column 16: mismatched tag; open and "
        "re-save it in Word.",
        RESAVE,
    )


def test_xml_nested_past_the_depth_bound_is_refused() -> None:
    _check(
        body_docx("<w:customXml>" * 300 + "</w:customXml>" * 300),
        f"{NAME}: its part word/document.xml nests XML elements more than 256 deep; a Word "
        "document never does, so it was not read.",
        FRESH,
    )


DEEP = 250  # just under the depth bound (256) once document/body/paragraph are counted
P_DEEP = "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"


@pytest.mark.parametrize(
    "body",
    [
        "<w:customXml>" * DEEP + P_DEEP + "</w:customXml>" * DEEP,
        "<w:p>"
        + "<w:hyperlink>" * DEEP
        + "<w:r><w:t>deep</w:t></w:r>"
        + "</w:hyperlink>" * DEEP
        + "</w:p>",
        "<w:tbl><w:tr><w:tc>" * (DEEP // 3) + P_DEEP + "</w:tc></w:tr></w:tbl>" * (DEEP // 3),
    ],
    ids=["custom-xml", "hyperlinks", "tables"],
)
def test_nesting_just_inside_the_bound_is_read_without_running_out_of_stack(body: str) -> None:
    document = read_word_bytes(body_docx(body), name=NAME)
    block = document.blocks[0]
    while isinstance(block, WordTable):
        cell = block.rows[0].cells[0]
        block = (
            cell.nested[0] if cell.nested else WordParagraph(cell.paragraphs[0], None, None, False)
        )
    assert block.text == "deep"


def test_more_xml_elements_than_the_bound_are_refused_while_parsing() -> None:
    _check(
        body_docx("<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 400),
        f"{NAME}: its part word/document.xml holds more than 1,000 XML elements, the most "
        "gpai-docs reads from one part, so it was not read.",
        "Split the document into smaller ones and import each.",
        limits=DocxLimits(xml_elements=1_000),
    )


def test_more_rows_than_the_bound_are_refused() -> None:
    rows = "<w:tr><w:tc><w:p/></w:tc></w:tr>" * 20_001
    _check(
        body_docx(f"<w:tbl>{rows}</w:tbl>"),
        f"{NAME} has more than 20,000 table rows, the most gpai-docs reads from one document; "
        "it was not read.",
    )


def test_more_paragraphs_than_the_bound_are_refused() -> None:
    _check(
        body_docx("<w:p/>" * 101),
        f"{NAME} has more than 100 paragraphs, the most gpai-docs reads from one document; "
        "it was not read.",
        limits=DocxLimits(paragraphs=100),
    )


def test_strict_open_xml_is_refused_with_what_to_do() -> None:
    strict = '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body/></w:document>'
    _check(
        rezip(GOOD, {"word/document.xml": strict}),
        f"{NAME} is saved as a Strict Open XML document, which gpai-docs does not read.",
    )


@contextmanager
def _watched() -> Iterator[list[str]]:
    """Every file opened and every network call made inside the block (audit events)."""
    events: list[str] = []
    active = [True]

    def hook(event: str, args: tuple[object, ...]) -> None:
        if not active[0]:
            return
        if event == "open" and not isinstance(args[0], int):  # an int: fdopen of one opened
            events.append(f"open {args[0]}")
        elif event.startswith("socket.") or event.startswith("urllib."):
            events.append(event)

    sys.addaudithook(hook)  # hooks cannot be removed: this one goes quiet after the block
    try:
        yield events
    finally:
        active[0] = False


EXTERNALS = {
    "image": "https://attacker.example/pixel.png",
    "attachedTemplate": "file://///attacker.example/share/template.dotm",
    "subDocument": "https://attacker.example/part2.docx",
    "aFChunk": "https://attacker.example/chunk.html",
    "oleObject": "file:///C:/finance/sheet.xlsx",
    "frame": "https://attacker.example/frame.html",
    "hyperlink": "https://provider.example/opt-out",
}


def _hostile_package() -> bytes:
    def build(document: Document) -> None:
        paragraph = document.add_paragraph("Summary ")
        add_raw(paragraph, "<w:r><w:object><w:t>OLE</w:t></w:object></w:r>")
        add_raw(paragraph, "<w:r><w:object/></w:r>")
        add_raw(
            paragraph, '<w:hyperlink r:id="rIdX7"><w:r><w:t>opt-out page</w:t></w:r></w:hyperlink>'
        )

    data = make_docx(build)
    for number, (kind, target) in enumerate(EXTERNALS.items()):
        source = "word/settings.xml" if kind == "attachedTemplate" else "word/document.xml"
        data = add_relationship(data, source, f"rIdX{number}", kind, target, external=True)
    data = add_relationship(
        data, "word/document.xml", "rIdC", "aFChunk", "chunk.htm", external=False
    )
    return rezip(
        data,
        {
            "word/vbaProject.bin": b"\0" * 64,
            "word/activeX/activeX1.xml": b"<ax/>",
            "word/activeX/activeX1.bin": b"\0",
            "word/chunk.htm": b"<html>IMPORTED</html>",
        },
    )


def test_external_links_macros_objects_are_listed_and_never_followed(tmp_path: Path) -> None:
    path = tmp_path / NAME
    path.write_bytes(_hostile_package())
    read_word(path)  # once, so that modules imported on first use are not counted below
    with _watched() as events:
        document = read_word(path)
    assert events == [f"open {path}"]
    assert document.ignored == (
        "a macro project (vbaProject.bin) ignored",
        "1 ActiveX control ignored",
        "1 imported document (altChunk) ignored",
        "1 linked image not fetched",
        "1 link to an attached template not followed",
        "1 linked subdocument not opened",
        "1 linked imported document (altChunk) not opened",
        "1 linked OLE object not opened",
        "1 other external link not followed",
        "2 embedded objects ignored",
    )
    assert [b.text for b in document.blocks] == ["Summary opt-out page"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [NAME]  # nothing written beside it


def test_embedded_files_without_an_object_in_the_text_are_listed() -> None:
    data = rezip(GOOD, {"word/embeddings/oleObject1.bin": b"\0" * 16})
    assert read_word_bytes(data, name=NAME).ignored == (
        "1 embedded file (word/embeddings) ignored",
    )


def test_a_relationship_that_climbs_out_of_the_package_is_not_followed() -> None:
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="../../../../etc/passwd"/></Relationships>'
    )
    document = read_word_bytes(rezip(GOOD, {"_rels/.rels": rels}), name=NAME)
    assert [b.text for b in document.blocks] == ["Training data: public web crawl."]


def test_what_is_not_a_regular_file_is_named(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    with pytest.raises(DocxRefused) as caught:
        read_word(fifo)
    assert caught.value.message == f"{fifo} is a named pipe (FIFO), not a file."
    with pytest.raises(DocxRefused) as caught:
        read_word(tmp_path)
    assert caught.value.message == f"{tmp_path} is a folder, not a file."
    with pytest.raises(DocxRefused) as caught:
        read_word(tmp_path / "missing.docx")
    assert caught.value.message == f"{tmp_path / 'missing.docx'} does not exist."


def _mutants() -> Iterator[tuple[str, bytes]]:
    rng = random.Random(14)
    for case in range(60):
        data = bytearray(GOOD)
        for _ in range(1 + case % 5):
            data[rng.randrange(len(data))] = rng.randrange(256)
        yield f"flip{case}", bytes(data)
    for cut in (30, 200, len(GOOD) // 3, len(GOOD) - 30, len(GOOD) - 1):
        yield f"cut{cut}", GOOD[:cut]


@pytest.mark.parametrize(
    ("label", "data"), list(_mutants()), ids=lambda v: v if isinstance(v, str) else ""
)
def test_damaged_bytes_give_a_document_or_a_refusal_and_nothing_else(
    label: str, data: bytes
) -> None:
    outcome: WordDocument | DocxRefused
    try:
        outcome = read_word_bytes(data, name=NAME)
    except DocxRefused as refusal:
        outcome = refusal
    if isinstance(outcome, DocxRefused):
        assert NAME in outcome.message, label
    else:
        assert isinstance(outcome.blocks, tuple), label
