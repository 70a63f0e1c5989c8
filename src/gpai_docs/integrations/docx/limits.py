"""Every bound the DOCX reader puts on a file, in one place and named.

A DOCX is a ZIP of XML parts that anyone can write by hand. Each bound is checked before
the work it guards: the file size before reading, the ZIP's own directory (entry count,
inflated sizes, compression ratio) before inflating anything, the inflated bytes again
while reading (the directory may lie), and the XML's depth and size while parsing.
A real document, even a long one, stays far below every bound.
"""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1 << 20


@dataclass(frozen=True, slots=True)
class DocxLimits:
    """The bounds; :data:`LIMITS` holds the ones the tool uses."""

    file_bytes: int = 50 * MIB
    """The .docx file itself."""
    entries: int = 2_000
    """Entries in the ZIP (a long Word document has a few dozen)."""
    directory_bytes: int = 1 * MIB
    """The ZIP's central directory, read before any entry."""
    part_bytes: int = 32 * MIB
    """One XML part once inflated (document.xml of a 500-page report is about 10 MB)."""
    total_bytes: int = 512 * MIB
    """All entries once inflated, as the ZIP directory states them."""
    ratio: int = 200
    """Inflated size over compressed size, for entries above ``ratio_floor``."""
    ratio_floor: int = 1 * MIB
    """Small entries may compress better than ``ratio`` (a run of blank XML, say)."""
    xml_depth: int = 256
    """Elements nested in one another in an XML part."""
    xml_elements: int = 1_500_000
    """Elements in one XML part (about 90 bytes each once parsed: 135 MB at most)."""
    paragraphs: int = 100_000
    """Paragraphs in the document, in tables included."""
    rows: int = 20_000
    """Table rows in the document, nested tables included."""


LIMITS = DocxLimits()
