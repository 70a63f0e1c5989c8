"""The rows of a Word document, each with its place: table, section heading, row.

The section of a table is that of the nearest heading before it: a paragraph in a
Heading style or with an outline level, or a bold or numbered paragraph that opens with
a section number ("2.3.", "Section 2.3"). The shapes read are those of
``integrations.docx.reading`` (``WordDocument``), seen here only through what they hold.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from gpai_docs.integrations.docx.questions import section_key
from gpai_docs.integrations.docx.text import fold, fold_question


class WordCellLike(Protocol):
    @property
    def paragraphs(self) -> Sequence[Any]: ...


class WordRowLike(Protocol):
    @property
    def number(self) -> int: ...
    @property
    def cells(self) -> Sequence[WordCellLike]: ...


class WordTableLike(Protocol):
    @property
    def number(self) -> int: ...
    @property
    def rows(self) -> Sequence[WordRowLike]: ...


@dataclass(frozen=True)
class LocatedRow:
    """One Word row: its table, the section the table is in, and its cells' paragraphs."""

    table: int
    section: str | None
    heading: str | None
    number: int
    cells: tuple[tuple[str, ...], ...]

    @property
    def question(self) -> str:
        return fold(" ".join(self.cells[0])) if self.cells else ""

    @property
    def answer(self) -> list[str]:
        return list(self.cells[1]) if len(self.cells) > 1 else []

    def place(self) -> str:
        where = f"Table {self.table}"
        if self.section and self.section[0].isdigit():
            where += f" (section {self.section})"
        elif self.heading:
            where += f" (under '{self.heading}')"
        label = self.question
        shown = label if len(label) <= 70 else label[:67] + "..."
        return f"{where}, row {self.number} '{shown}'" if shown else f"{where}, row {self.number}"


@dataclass(frozen=True)
class LocatedTable:
    number: int
    section: str | None
    heading: str | None
    rows: tuple[LocatedRow, ...]


def paragraph_text(paragraph: Any) -> str:
    return paragraph if isinstance(paragraph, str) else str(getattr(paragraph, "text", ""))


def _heading(block: Any) -> str | None:
    """The section a paragraph opens, if it is a heading."""
    text = fold(paragraph_text(block))
    if not text:
        return None
    level = getattr(block, "heading_level", None)
    label = getattr(block, "label", None)  # Word's automatic number ("2.3."), not in the text
    if label and (level or getattr(block, "bold", False) or "." in label.strip(".")):
        text = fold(f"{label} {text}")  # a plain "1." list item is no section heading
    style = str(getattr(block, "style", "") or "")
    if style.casefold().startswith("toc"):
        return None  # a line of the table of contents
    if level or style.casefold().startswith(("heading", "title")):
        return text
    if getattr(block, "bold", False) and section_key(text):
        return text
    if section_key(text) and len(text) < 160 and text[0].isdigit() and text.count(".") >= 1:
        return text if text.split()[0].rstrip(".").replace(".", "").isdigit() else None
    return None


def _cells(row: WordRowLike) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(paragraph_text(p) for p in cell.paragraphs) for cell in row.cells)


def _bar(block: Any) -> str | None:
    rows = getattr(block, "rows", None)
    if not rows or len(rows) != 1 or len(rows[0].cells) != 1:
        return None
    text = fold(" ".join(paragraph_text(p) for p in rows[0].cells[0].paragraphs))
    return text if section_key(text) and len(text) < 160 else None


def located_tables(blocks: Sequence[Any]) -> Iterator[LocatedTable]:
    """Every table of the document body with the section heading above it."""
    section: str | None = None
    heading: str | None = None
    for block in blocks:
        bar = _bar(block)
        if bar is not None:  # a section bar drawn as a one-cell table
            heading, section = bar, section_key(bar) or fold_question(bar)
            continue
        if hasattr(block, "rows"):
            rows = tuple(
                LocatedRow(block.number, section, heading, row.number, _cells(row))
                for row in block.rows
            )
            yield LocatedTable(block.number, section, heading, rows)
            continue
        text = _heading(block)
        if text is not None:
            heading = text
            section = section_key(text) or fold_question(text)
