"""Imported values written into the project's document text, every other byte kept.

YAML goes through ``yamlio.roundtrip``: each changed field is replaced where it is
written, or added after the last key of its block mapping; a field inside a flow mapping
(``{not_applicable: …}``) or a list item is written with the nearest block-mapping entry
that holds it. Comments, key order, quoting and the fields not imported stay as they
were. A JSON document is written anew with its keys in their order.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from typing import Any

from gpai_docs.integrations.docx.cells import REMOVE
from gpai_docs.render.cells import JsonPath
from gpai_docs.yamlio.roundtrip import Entry, RoundTripText
from gpai_docs.yamlio.roundtrip_lists import Kept, item_texts, replace_items

MAX_BYTES = 8 * 1024 * 1024
Edit = tuple[JsonPath, Any]  # a field's path and its new value (REMOVE: the field goes)


def get_in(data: Any, path: JsonPath) -> Any:
    """The value at ``path`` in plain data, REMOVE when there is none."""
    for step in path:
        if isinstance(step, int):
            if not isinstance(data, list) or not -len(data) <= step < len(data):
                return REMOVE
            data = data[step]
        elif isinstance(data, dict) and step in data:
            data = data[step]
        else:
            return REMOVE
    return data


def set_in(data: dict[str, Any], path: JsonPath, value: Any) -> None:
    """``value`` put at ``path``, creating the mappings on the way (REMOVE deletes)."""
    node: Any = data
    for step in path[:-1]:
        if isinstance(step, int):
            node = node[step]
            continue
        if not isinstance(node.get(step), dict | list):
            node[step] = {}
        node = node[step]
    last = path[-1]
    if value is REMOVE:
        if isinstance(node, dict):
            node.pop(last, None)
    else:
        node[last] = value


def expanded(path: JsonPath, value: Any, old: Any) -> list[Edit]:
    """A record's edit as the edits of the sub-fields that changed, so that each is
    written in its own place and the record's other lines stay."""
    if not (isinstance(value, dict) and isinstance(old, dict)):
        return [(path, value)]
    out: list[Edit] = [((*path, key), REMOVE) for key in old if key not in value]
    for key, new in value.items():
        before = old.get(key, REMOVE)
        if before != new:
            out += expanded((*path, key), new, before)
    return out


def applied(data: dict[str, Any], edits: Sequence[Edit]) -> dict[str, Any]:
    out = copy.deepcopy(data)
    for path, value in edits:
        set_in(out, path, value)
    return out


def _anchor(text: RoundTripText, path: JsonPath) -> tuple[tuple[str, ...], str]:
    """The deepest block-mapping entry on ``path`` (its mapping's path and its key)."""
    anchor: tuple[tuple[str, ...], str] | None = None
    keys: list[str] = []
    for step in path:
        if not isinstance(step, str):
            break
        mapping = text.mapping(*keys)
        if mapping is None or mapping.flow:
            break
        anchor = (tuple(keys), step)
        if step not in mapping.entries:
            break
        keys.append(step)
    if anchor is None:
        raise ValueError(f"no block mapping holds {path!r}")
    return anchor


def _was_flow(text: str, start: int, end: int) -> bool:
    value = text[start:end].split(":", 1)[-1].lstrip()
    return value.startswith(("[", "{"))


def _by_item(text: RoundTripText, whole: tuple[str, ...], entry: Entry, old: Any, new: Any) -> bool:
    """A list of records rewritten item by item, the unchanged items' text kept."""
    if not (isinstance(old, list) and isinstance(new, list)) or not all(
        isinstance(item, dict) for item in new
    ):
        return False
    texts = item_texts(text, *whole)
    if texts is None or len(texts) != len(old):
        return False
    free = list(range(len(old)))
    items: list[Any] = []
    for item in new:
        index = next((i for i in free if old[i] == item), None)
        if index is not None:
            free.remove(index)
        items.append(Kept(texts[index]) if index is not None else item)
    flow = any(t.lstrip().startswith("- {") for t in texts)  # new items written alike
    return replace_items(text, entry, items, flow=flow)


def yaml_applied(
    source: str, new_data: dict[str, Any], edits: Sequence[Edit], old_data: dict[str, Any]
) -> str:
    """The YAML text with each edited field written in, the rest as it was."""
    text = RoundTripText(source, max_bytes=MAX_BYTES)
    anchors: list[tuple[tuple[str, ...], str]] = []
    for path, _ in edits:
        found = _anchor(text, path)
        if found not in anchors:
            anchors.append(found)
    full = [(*keys, key) for keys, key in anchors]
    for (keys, key), whole in zip(anchors, full, strict=True):
        if any(other != whole and whole[: len(other)] == other for other in full):
            continue  # written with the entry that holds it
        mapping = text.mapping(*keys)
        if mapping is None:
            raise ValueError(f"no block mapping at {keys!r}")
        value = get_in(new_data, whole)
        entry = mapping.entries.get(key)
        if entry is None:
            if value is not REMOVE and not text.insert(mapping, key, value):
                raise ValueError(f"cannot add {key!r} at {keys!r}")
        elif value is REMOVE:
            text.remove(entry)
        elif not _by_item(text, whole, entry, get_in(old_data, whole), value):
            text.replace(entry, value, flow=_was_flow(source, entry.start, entry.end))
    return text.dump()


def json_applied(new_data: dict[str, Any]) -> str:
    return json.dumps(new_data, indent=2, ensure_ascii=False) + "\n"
