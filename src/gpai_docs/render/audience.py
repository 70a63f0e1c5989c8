"""Project a validated document onto one audience, following the fields' ``x-audience``.

This is the only place that decides what an audience sees. A field's effective audience
is its own ``x-audience`` or, when it has none, the nearest ancestor's; a field without
any audience on its path is shown to nobody. Templates receive only the projection, so
a value the field metadata keeps from an audience cannot reach that audience's artifact.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from gpai_docs.models.shapes import is_record
from gpai_docs.models.walk import (
    Audiences,
    JsonPath,
    ValueNode,
    children,
    field_spec,
    start,
    walk_values,
)


@dataclass(frozen=True, slots=True)
class Item:
    """One visible field: its key, its label, where it comes from, and its value."""

    key: str
    title: str
    catalogue_id: str | None
    section: str | None
    audience: tuple[str, ...]
    value: Any  # a leaf value, a Record, or a list of either
    # Where the value is in its document (field names, list indices); not part of what
    # the item says, so two projections of one value compare equal wherever they sit.
    path: JsonPath = field(default=(), compare=False)


class Record(Mapping[str, Any]):
    """The visible part of one model instance: an ordered mapping of key to value.

    Templates read values as attributes or keys (a hidden field is simply absent, so
    StrictUndefined makes any attempt to show it an error); generic layouts walk
    :meth:`entries`.
    """

    __slots__ = ("_by_key", "_entries")

    def __init__(self, entries: tuple[Item, ...]) -> None:
        self._entries = entries
        self._by_key = {item.key: item for item in entries}

    def entries(self) -> tuple[Item, ...]:
        return self._entries

    def __getitem__(self, key: str) -> Any:
        return self._by_key[key].value

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_key)

    def __len__(self) -> int:
        return len(self._by_key)

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self._by_key[key].value
        except KeyError:
            raise AttributeError(key) from None

    def item(self, key: str) -> Item:
        return self._by_key[key]

    def __repr__(self) -> str:
        return f"Record({', '.join(self._by_key)})"


def field_audience(model: type[BaseModel], name: str) -> Audiences:
    """The field's own ``x-audience``, or None when it declares none."""
    return field_spec(model, name).audience


def _project_value(node: ValueNode, audience: str) -> tuple[bool, Any]:
    """(visible, projected value); containers without an audience are visible if any part is."""
    if is_record(node.value):
        record = _record(node, audience)
        return bool(record) or node.audience is not None, record
    if isinstance(node.value, list):
        parts = [_project_value(item, audience) for item in children(node)]
        return (node.audience is not None or any(seen for seen, _ in parts)), [
            v for seen, v in parts if seen
        ]
    return node.audience is not None, node.value


def _record(node: ValueNode, audience: str) -> Record:
    items: list[Item] = []
    for child in children(node):
        if child.audience is not None and audience not in child.audience:
            continue
        visible, value = _project_value(child, audience)
        if not visible or child.field is None:
            continue
        items.append(
            Item(
                key=child.field.name,
                title=child.field.label,
                catalogue_id=child.field.catalogue_id,
                section=child.field.section,
                audience=child.audience or (),
                value=value,
                path=child.path,
            )
        )
    return Record(tuple(items))


def project(model: BaseModel, audience: str, inherited: Audiences = None) -> Record:
    """The part of ``model`` that ``audience`` may see, as a :class:`Record`."""
    return _record(start(model, audience=inherited), audience)


def text_leaves(
    model: BaseModel, inherited: Audiences = None, path: JsonPath = ()
) -> Iterator[tuple[JsonPath, tuple[str, ...], str]]:
    """Every text value in ``model`` with its path and effective audience (for canary tests)."""
    for node in walk_values(model, path=path, audience=inherited):
        if isinstance(node.value, str):
            yield node.path, node.audience or (), node.value
