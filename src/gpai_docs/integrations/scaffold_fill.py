"""Fill fields of a scaffold `gpai-docs init` wrote, in its own lines, its comments kept.

The values go in through the round-trip tree (``yamlio.roundtrip``), written by ruamel.yaml
in flow style on the field's line. The scaffold writes an optional field as a commented-out
example (``# key:`` and lines below it): a filled field takes the example's place. Comments
are not in the tree, so they are found and dropped as lines of text.
"""

from __future__ import annotations

import copy
from typing import Any

from gpai_docs.errors import UserError
from gpai_docs.load.documents import MAX_BYTES, load_text
from gpai_docs.yamlio.roundtrip import Mapping, RoundTripError, RoundTripText, dump_block


def _next_break(text: str, at: int) -> int:
    """Where the first line break at or after ``at`` is (the text's end if none)."""
    found = text.find("\n", at)
    return len(text) if found == -1 else found


def _example_end(text: str, at: int, indent: str, key: str) -> int:
    """The end of the commented-out example of ``key`` that the scaffold writes on the
    lines after the one ending at ``at`` (``at`` when there is none)."""
    while at < len(text):
        stop = _next_break(text, at + 1)
        if not text.startswith((f"{indent}#   ", f"{indent}# {key}:"), at + 1, stop):
            break
        at = stop
    return at


def _commented_key(text: str, mapping: Mapping, key: str) -> int | None:
    """Where the scaffold's commented-out line for an optional ``key`` (``# key:``) of
    ``mapping`` starts, if it writes one."""
    needle = f"\n{' ' * mapping.column}# {key}:"
    at = text.find(needle, mapping.start, mapping.end)
    while at != -1 and text[at + len(needle) : at + len(needle) + 1] not in ("", *" \t\r\n"):
        at = text.find(needle, at + 1, mapping.end)
    return None if at == -1 else at + 1


def _fill(document: RoundTripText, path: tuple[str, ...], value: Any) -> bool:
    """The field at ``path`` set in the scaffold's own line, the commented-out example of
    it gone; False where the scaffold has no line for it."""
    text = document.text
    *parents, key = path
    mapping = document.mapping(*parents)
    if mapping is None:
        return False
    indent = " " * mapping.column
    entry = mapping.entries.get(key)
    if entry is not None:
        document.replace(entry, value, flow=True)
        line_end = _next_break(text, entry.end)
        document.drop(line_end, _example_end(text, line_end, indent, key))
        return True
    start = _commented_key(text, mapping, key)
    if start is None:
        return False
    line_end = _next_break(text, start)
    document.write(start, _example_end(text, line_end, indent, key), key, value, column=len(indent))
    return True


def _filled(text: str, patches: dict[tuple[str, ...], Any]) -> str | None:
    """``text`` with every field of ``patches`` set, or None where the scaffold has no line
    for one of them."""
    document = RoundTripText(text, max_bytes=MAX_BYTES)
    if all(_fill(document, path, value) for path, value in patches.items()):
        return document.dump()
    return None


def read_back(text: str) -> Any:
    """The data of ``text`` as gpai-docs reads documents, None if it is not readable."""
    document = load_text(text, "imported.yaml")
    return document.data if document.ok else None


def fill_scaffold(text: str, patches: dict[tuple[str, ...], Any]) -> str:
    """The scaffold ``text`` with each field path of ``patches`` set to its value."""
    expected = read_back(text)
    if not isinstance(expected, dict):
        raise UserError("The scaffold for the import could not be read back.")
    for path, value in patches.items():
        node = expected
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = copy.deepcopy(value)
    try:
        patched = _filled(text, patches)
    except RoundTripError:
        patched = None
    if patched is not None and read_back(patched) == expected:
        return patched
    # The scaffold's layout changed under us: keep the values, lose the comments.
    header = "\n".join(line for line in text.split("\n")[:2] if line.startswith("#"))
    return f"{header}\n{dump_block(expected)}"
