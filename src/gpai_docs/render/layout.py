"""Lay out a projected document as numbered sections of Form-like tables.

The model documentation and the copyright policy follow their models' structure: each
top-level record is a section, its scalar items become rows of an "Item | Information"
table (nested records flattened as "Parent › Child"), and each list of records becomes a
table of its own. Everything shown comes from the projection, in field order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gpai_docs.models._types import ToBeProvided
from gpai_docs.render.audience import Item, Record


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    value: Any
    long: bool = False


@dataclass(slots=True)
class Block:
    """Either a run of rows (``kind == "rows"``) or a table of records (``"table"``)."""

    kind: str
    label: str | None = None
    rows: list[Row] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    cells: list[list[Any]] = field(default_factory=list)
    empty: Any = None


@dataclass(slots=True)
class Section:
    number: str | None
    title: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title


LONG_TEXT = 160


def _is_record_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Record) for v in value)


def _add_row(blocks: list[Block], row: Row, caption: str | None) -> None:
    if not blocks or blocks[-1].kind != "rows" or blocks[-1].label != caption:
        blocks.append(Block("rows", label=caption))
    blocks[-1].rows.append(row)


def _table(label: str, records: list[Record]) -> Block:
    keys: list[str] = []
    titles: dict[str, str] = {}
    for record in records:
        for item in record.entries():
            if item.key not in titles and any(r.get(item.key) is not None for r in records):
                keys.append(item.key)
                titles[item.key] = item.title
    cells = [[record.get(key) for key in keys] for record in records]
    return Block("table", label=label, columns=[titles[k] for k in keys], cells=cells)


def add_item(blocks: list[Block], item: Item, caption: str | None = None) -> None:
    """Add one projected item: a row, a captioned group of rows, or a table of records."""
    value = item.value
    if value is None:
        return
    if isinstance(value, Record):
        # A nested record becomes a captioned group; its parts keep their own labels.
        label = item.title if caption is None else f"{caption} › {item.title}"
        for child in value.entries():
            add_item(blocks, child, label)
    elif _is_record_list(value):
        blocks.append(_table(item.title if caption is None else caption, value))
    else:
        long = isinstance(value, str) and len(value) > LONG_TEXT
        _add_row(blocks, Row(item.title, value, long), caption)


def sections(document: Record) -> list[Section]:
    """Sections in field order; top-level scalars and lists get a section of their own."""
    out: list[Section] = []
    for item in document.entries():
        section = Section(item.section or None, _strip_number(item.title, item.section))
        if isinstance(item.value, Record):
            for child in item.value.entries():
                add_item(section.blocks, child)
        else:
            add_item(section.blocks, item, None)
        if section.blocks:
            out.append(section)
    return out


def _strip_number(title: str, number: str | None) -> str:
    if number and title.startswith(number):
        return title[len(number) :].strip()
    return title


def pending_answers(document: Record) -> bool:
    """Whether anything visible is still to be provided."""
    stack: list[Any] = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, ToBeProvided):
            return True
        if isinstance(value, Record):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False
