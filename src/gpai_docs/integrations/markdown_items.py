"""An audience projection as plain Markdown lists, for cards that other tools render.

Values are user text: each goes through the project's Markdown escaper
(``render.escaping``), so that no value can open HTML, close gpai-docs' comment marker,
become a link, an image or a heading; line breaks fold into spaces so that a value stays
inside its list item. Web addresses become autolinks with a percent-encoded target.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gpai_docs.escaping import md_inline, safe_href
from gpai_docs.models.answers import NotApplicable, ToBeProvided
from gpai_docs.render.audience import Record


def value_text(value: Any) -> str:
    """One value as inline Markdown text."""
    if isinstance(value, NotApplicable):
        return "Not applicable" + (f": {value_text(value.reason)}" if value.reason else "")
    if isinstance(value, ToBeProvided):
        return "To be provided"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return value.isoformat()
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if text.startswith(("https://", "http://")) and " " not in text:
        return f"<{text}>"
    return text


def card_text(value: Any) -> str:
    """One value as inline Markdown: escaped text, or an autolink for a web address."""
    if isinstance(value, NotApplicable):
        return "Not applicable" + (f": {card_text(value.reason)}" if value.reason else "")
    if isinstance(value, ToBeProvided | bool | dt.date):
        return value_text(value)
    text = " ".join(str(value).split())
    if text.startswith(("https://", "http://")) and (href := safe_href(text)) is not None:
        return f"<{href}>"
    return md_inline(text)


def _item_lines(title: str, value: Any, indent: str) -> list[str]:
    label = f"{indent}- **{card_text(title)}:**"
    if isinstance(value, Record):
        return [label, *_record_lines(value, indent + "  ")]
    if isinstance(value, list):
        if not value:
            return [f"{label} none"]
        if all(not isinstance(v, Record) for v in value):
            return [f"{label} {', '.join(card_text(v) for v in value)}"]
        lines = [label]
        for element in value:
            lines += _list_element(element, indent + "  ")
        return lines
    return [f"{label} {card_text(value)}"]


def _list_element(element: Any, indent: str) -> list[str]:
    if not isinstance(element, Record):
        return [f"{indent}- {card_text(element)}"]
    entries = tuple(item for item in element.entries() if item.value is not None)
    if len(entries) == 1:
        return _item_lines(entries[0].title, entries[0].value, indent)
    # A record in a list reads as one line: "Modality: Text; Maximum size: 32,768 tokens".
    parts = [
        f"{card_text(item.title)}: {card_text(item.value)}"
        for item in entries
        if item.value is not None and not isinstance(item.value, Record | list)
    ]
    lines = [f"{indent}- {'; '.join(parts)}"]
    for item in entries:
        if isinstance(item.value, Record | list):
            lines += _item_lines(item.title, item.value, indent + "  ")
    return lines


def _record_lines(record: Record, indent: str) -> list[str]:
    lines: list[str] = []
    for item in record.entries():
        if item.value is not None:  # an optional field left out
            lines += _item_lines(item.title, item.value, indent)
    return lines


def record_markdown(record: Record, *, level: int) -> list[str]:
    """Each top-level entry as a heading of ``level`` with its fields as a list."""
    lines: list[str] = []
    for item in record.entries():
        if item.value is None:
            continue
        if isinstance(item.value, Record):
            lines += [f"{'#' * level} {card_text(item.title)}", ""]
            lines += [*_record_lines(item.value, ""), ""]
        else:
            lines += [*_item_lines(item.title, item.value, ""), ""]
    return lines
