"""Block lists edited item by item in a :class:`~gpai_docs.yamlio.roundtrip.RoundTripText`.

A list whose items change in part (an entry added, one removed, the others as they were)
is written with each kept item's own text, comments and folded lines in; only the new
items are dumped by ruamel.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ruamel.yaml.nodes import SequenceNode

from gpai_docs.yamlio.roundtrip import (
    Entry,
    RoundTripText,
    content_end,
    dump_block,
    flow_style,
    line_end,
)


@dataclass(frozen=True)
class Kept:
    """An item kept as written: its text, as :func:`item_texts` gives it."""

    text: str


def item_texts(text: RoundTripText, *path: str) -> list[str] | None:
    """The text of each item of the block list at ``path``, each from the start of its
    ``-`` line to the end of its value (None when no block list is there)."""
    node = text.node(*path)
    if not isinstance(node, SequenceNode) or node.flow_style or not node.value:
        return None
    source = text.text
    texts = []
    for item in node.value:
        dash = source.rfind("-", 0, item.start_mark.index + 1)
        begin = source.rfind("\n", 0, dash) + 1
        if source[begin:dash].strip(" ") or item.start_mark.index < dash:
            return None  # an item not on a line of its own, or an alias
        texts.append(source[begin : line_end(source, content_end(item, source))])
    return texts


def replace_items(
    text: RoundTripText, entry: Entry, items: list[Any], *, flow: bool = False
) -> bool:
    """The block list of ``entry`` written anew: a :class:`Kept` item as written, any
    other value dumped as a new item (``flow``: as ``- {a: 1}``). False, and nothing
    done, where ``entry`` holds no block list."""
    if entry.items_at is None:
        return False
    lines = [f"{entry.key}:"]
    for item in items:
        if isinstance(item, Kept):
            lines.append(item.text.replace("\r\n", "\n"))
            continue
        value = flow_style(item) if flow else item
        dumped = dump_block({entry.key: [value]}).rstrip("\n").split("\n")[1:]
        lines.append("\n".join(" " * entry.items_at + line for line in dumped))
    text.cut(entry.start, line_end(text.text, entry.end), "\n".join(lines))
    return True
