"""What a file handed in as a DOCX really is, and its ZIP checked before anything is inflated.

The ZIP's end record and central directory say how many entries there are and how big
each one becomes; both are checked here before a single byte is inflated, and each part
is read again under the same bound (a directory may lie about sizes). Entry names that
climb out (``../``, absolute, drive letters) are refused although nothing is ever
extracted: a real Word file never has them.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

from gpai_docs.errors import DocxRefused
from gpai_docs.integrations.docx.limits import MIB, DocxLimits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = b"PK\x05\x06"
_END_FORMAT = "<4s4H2LH"
_END_SIZE = struct.calcsize(_END_FORMAT)
_CHUNK = 1 << 16
RESAVE = "Open it in Word or LibreOffice, save it as a Word document (.docx) and import that file."
FRESH = "A Word file never looks like this: ask the sender for a copy saved again from Word."
# Entry reading fails in these ways on a damaged or hand-made ZIP (zipfile's own errors).
UNPACK_ERRORS: tuple[type[Exception], ...] = (zipfile.BadZipFile, zlib.error, EOFError, OSError)
UNPACK_ERRORS += (ValueError, RuntimeError, NotImplementedError, struct.error)


def not_word(file: str, kind: str) -> DocxRefused:
    return DocxRefused(f"{file} is not a Word document (it is {kind}).", hint=RESAVE)


def damaged(file: str, what: str) -> DocxRefused:
    return DocxRefused(f"{file} is damaged: {what}; open and re-save it in Word.", hint=RESAVE)


def _ole_kind(file: str, data: bytes) -> DocxRefused:
    if "EncryptedPackage".encode("utf-16-le") in data:
        return DocxRefused(
            f"{file} is a password-protected Word document; it cannot be read without "
            "the password, and gpai-docs does not ask for one.",
            hint="Open it in Word, remove the password (File > Info > Protect Document > "
            "Encrypt with Password, leave it empty), save it and import that copy.",
        )
    if "WordDocument".encode("utf-16-le") in data:
        return not_word(file, "an old .doc binary file: save it as .docx")
    return not_word(file, "an older Office binary file, not a .docx")


def sniff(file: str, data: bytes) -> None:
    """Refuse, naming what the file is, anything that is not a ZIP."""
    if not data:
        raise not_word(file, "an empty file")
    if data.startswith(b"PK\x03\x04") or data.startswith(_END):
        return
    if data.startswith(OLE_MAGIC):
        raise _ole_kind(file, data)
    if data.startswith(b"%PDF-"):
        raise not_word(file, "a PDF file")
    if data.startswith(b"{\\rtf"):
        raise not_word(file, "an RTF file: save it as .docx")
    head = data[:4096]
    try:
        text = head.decode("utf-8") if b"\0" not in head else None
    except UnicodeDecodeError:
        text = None
    if text is not None and text.lstrip("\ufeff \t\r\n").startswith("<"):
        raise not_word(file, "an XML or HTML text file, not a .docx package")
    raise not_word(file, "a plain text file" if text is not None else "not a ZIP package")


def _directory(file: str, data: bytes, limits: DocxLimits) -> None:
    """The end record's entry count and directory size, read before zipfile reads them."""
    at = data.rfind(_END, max(0, len(data) - _END_SIZE - 0xFFFF))
    if at < 0 or len(data) - at < _END_SIZE:
        raise damaged(file, "its ZIP directory is missing (the file may be cut short)")
    fields = struct.unpack(_END_FORMAT, data[at : at + _END_SIZE])
    entries, size = fields[4], fields[5]
    if entries > limits.entries:
        raise DocxRefused(
            f"{file} holds {entries:,} ZIP entries, more than the {limits.entries:,} a Word "
            "document could need; it was not read.",
            hint=FRESH,
        )
    if size > limits.directory_bytes:
        raise DocxRefused(
            f"{file} has a ZIP directory of {size:,} bytes, more than the "
            f"{limits.directory_bytes:,} a Word document could need; it was not read.",
            hint=FRESH,
        )


def _bad_name(name: str) -> bool:
    parts = name.rstrip("/").split("/")
    return (
        not name
        or name.startswith("/")
        or "\\" in name
        or ":" in name
        or any(ord(c) < 32 for c in name)
        or any(p in ("", ".", "..") for p in parts)
    )


def _check_entry(file: str, info: zipfile.ZipInfo, limits: DocxLimits) -> None:
    name = info.filename
    if _bad_name(name):
        raise DocxRefused(
            f"{file} holds an entry named {name!r}, which points outside the document; "
            "it was not read.",
            hint=FRESH,
        )
    if info.flag_bits & 0x1:
        raise DocxRefused(
            f"{file} has encrypted ZIP entries ({name}); it was not read.", hint=FRESH
        )
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise damaged(file, f"its entry {name} is packed in a way Word never uses")
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > limits.ratio_floor and ratio > limits.ratio:
        raise DocxRefused(
            f"{file}: its entry {name} would expand {ratio:,.0f}-fold, to "
            f"{info.file_size / MIB:,.0f} MB. That is a file built to exhaust memory "
            "(a ZIP bomb), not a Word document; nothing was unpacked.",
            hint=FRESH,
        )


@dataclass(slots=True)
class Package:
    """A checked DOCX ZIP; parts are looked up case-insensitively, as OPC names are."""

    file: str
    archive: zipfile.ZipFile
    entries: dict[str, zipfile.ZipInfo]
    limits: DocxLimits

    def has(self, part: str) -> bool:
        return part.lower() in self.entries

    def names(self) -> list[str]:
        return [info.filename for info in self.entries.values()]

    def read(self, part: str) -> bytes | None:
        """The inflated part (None if absent), never more than ``limits.part_bytes``."""
        info = self.entries.get(part.lower())
        if info is None:
            return None
        limit = self.limits.part_bytes
        if info.file_size > limit:
            raise DocxRefused(
                f"{self.file}: its part {info.filename} is {info.file_size / MIB:,.0f} MB "
                f"once unpacked, more than the {limit // MIB} MB gpai-docs reads.",
                hint="Split the document, or remove large pasted content, and save it again.",
            )
        chunks: list[bytes] = []
        size = 0
        try:
            with self.archive.open(info) as handle:
                # Small reads: zipfile inflates about as much as asked for each time, so a
                # directory that understates a part never costs more than the part's bound.
                while chunk := handle.read(_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise damaged(self.file, f"its part {info.filename} is larger than it says")
                    chunks.append(chunk)
        except UNPACK_ERRORS:
            raise damaged(self.file, f"its part {info.filename} cannot be unpacked") from None
        return b"".join(chunks)


def open_package(file: str, data: bytes, limits: DocxLimits) -> Package:
    """The checked ZIP of ``data``; refused before anything is inflated."""
    sniff(file, data)
    _directory(file, data, limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except UNPACK_ERRORS:
        raise damaged(file, "its ZIP directory cannot be read") from None
    infos = archive.infolist()
    if len(infos) > limits.entries:
        raise DocxRefused(
            f"{file} holds more than {limits.entries:,} ZIP entries; it was not read.", hint=FRESH
        )
    entries: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        _check_entry(file, info, limits)
        key = info.filename.lower()
        if key in entries:
            raise DocxRefused(
                f"{file} holds two entries named {info.filename!r}; it was not read.", hint=FRESH
            )
        entries[key] = info
    total = sum(info.file_size for info in infos)
    if total > limits.total_bytes:
        raise DocxRefused(
            f"{file} would expand to {total / MIB:,.0f} MB, more than the "
            f"{limits.total_bytes // MIB} MB gpai-docs unpacks; nothing was unpacked.",
            hint="Remove large embedded files or images from the document and save it again.",
        )
    return Package(file, archive, entries, limits)
