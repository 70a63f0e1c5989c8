"""The neutral, typed shape of a Word document that the importer maps to fields.

Nothing here knows about gpai-docs documents: paragraphs with their style, heading level
and boldness, and tables of rows of cells, in body order.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WordParagraph:
    text: str
    """Tracked changes resolved; tabs as "\\t"; line breaks as "\\n"."""
    style: str | None
    """The paragraph style's name as Word shows it ("Heading 2", "Normal")."""
    heading_level: int | None
    """1-9 from a Heading N or Title style or an outline level; None for body text."""
    bold: bool
    """Every run with visible text is bold (False for a paragraph without text)."""
    label: str | None = None
    """The list number Word shows before the text from its automatic numbering ("2.3.",
    "(a)"), which is not part of ``text``; None when not numbered or a bullet."""


@dataclass(frozen=True, slots=True)
class WordCell:
    paragraphs: tuple[str, ...]
    """One string per paragraph, text as in :class:`WordParagraph`; check boxes "☒"/"☐"."""
    nested: tuple[WordTable, ...] = ()
    """Tables inside the cell, numbered from 1 within the cell."""


@dataclass(frozen=True, slots=True)
class WordRow:
    number: int
    """1-based within its table."""
    cells: tuple[WordCell, ...]
    """A merged cell (across columns or down rows) appears once, where it starts."""


@dataclass(frozen=True, slots=True)
class WordTable:
    number: int
    """1-based in document order (top-level tables), or within the cell (nested)."""
    rows: tuple[WordRow, ...]


@dataclass(frozen=True, slots=True)
class WordDocument:
    blocks: tuple[WordParagraph | WordTable, ...]
    """The body in order: paragraphs and top-level tables."""
    title: str | None
    author: str | None
    version: str | None
    subject: str | None
    tracked_changes: int
    """w:ins, w:del, w:moveFrom and w:moveTo elements in the body (text, paragraph marks, rows)."""
    tracked_mode: str
    """"accept" or "reject": what was done with them."""
    comments: int
    """Comments found; never part of any text."""
    ignored: tuple[str, ...]
    """Sentences for the report: what the document holds that was not read."""
