"""Project a validated document onto one audience, following the fields' ``x-audience``.

This is the only place that decides what an audience sees. A field's effective audience
is its own ``x-audience`` or, when it has none, the nearest ancestor's; a field without
any audience on its path is shown to nobody. Templates receive only the projection, so
a value the field metadata keeps from an audience cannot reach that audience's artifact.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from gpai_docs.models._types import NotApplicable, ToBeProvided, YesNo

#: Answer wrappers and Yes/No answers are values, not nested records.
VALUE_MODELS: tuple[type[BaseModel], ...] = (NotApplicable, ToBeProvided, YesNo)

Audiences = tuple[str, ...] | None
JsonPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Item:
    """One visible field: its key, its label, where it comes from, and its value."""

    key: str
    title: str
    catalogue_id: str | None
    section: str | None
    audience: tuple[str, ...]
    value: Any  # a leaf value, a Record, or a list of either


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


def field_audience(model: type[BaseModel], name: str) -> tuple[str, ...] | None:
    """The field's own ``x-audience``, or None when it declares none."""
    extra = model.model_fields[name].json_schema_extra
    if isinstance(extra, dict):
        audience = extra.get("x-audience")
        if isinstance(audience, list):
            return tuple(str(a) for a in audience)
    return None


def _extra(model: type[BaseModel], name: str, key: str) -> str | None:
    extra = model.model_fields[name].json_schema_extra
    value = extra.get(key) if isinstance(extra, dict) else None
    return str(value) if value is not None else None


def _is_record(value: object) -> bool:
    return isinstance(value, BaseModel) and not isinstance(value, VALUE_MODELS)


def _project_value(value: Any, audience: str, inherited: Audiences) -> tuple[bool, Any]:
    """(visible, projected value); containers without an audience are visible if any part is."""
    if _is_record(value):
        record = project(value, audience, inherited)
        return bool(record) or inherited is not None, record
    if isinstance(value, list):
        parts = [_project_value(v, audience, inherited) for v in value]
        return (inherited is not None or any(seen for seen, _ in parts)), [
            v for seen, v in parts if seen
        ]
    return inherited is not None, value


def project(model: BaseModel, audience: str, inherited: Audiences = None) -> Record:
    """The part of ``model`` that ``audience`` may see, as a :class:`Record`."""
    cls = type(model)
    items: list[Item] = []
    for name, info in cls.model_fields.items():
        own = field_audience(cls, name)
        effective = own if own is not None else inherited
        if effective is not None and audience not in effective:
            continue
        visible, value = _project_value(getattr(model, name), audience, effective)
        if not visible:
            continue
        items.append(
            Item(
                key=name,
                title=info.title or name.replace("_", " ").capitalize(),
                catalogue_id=_extra(cls, name, "x-catalogue-id"),
                section=_extra(cls, name, "x-section"),
                audience=effective or (),
                value=value,
            )
        )
    return Record(tuple(items))


def text_leaves(
    model: BaseModel, inherited: Audiences = None, path: JsonPath = ()
) -> Iterator[tuple[JsonPath, tuple[str, ...], str]]:
    """Every text value in ``model`` with its path and effective audience (for canary tests)."""
    cls = type(model)
    for name in cls.model_fields:
        own = field_audience(cls, name)
        effective = own if own is not None else inherited
        yield from _leaves(getattr(model, name), effective, (*path, name))


def _leaves(
    value: Any, audience: Audiences, path: JsonPath
) -> Iterator[tuple[JsonPath, tuple[str, ...], str]]:
    if isinstance(value, BaseModel):
        yield from text_leaves(value, audience, path)
    elif isinstance(value, list):
        for index, element in enumerate(value):
            yield from _leaves(element, audience, (*path, index))
    elif isinstance(value, str):
        yield path, audience or (), value
