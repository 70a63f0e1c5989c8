"""Walk a validated document into its field values, each with catalogue id, label and audience.

The semantic diff and the changelog compare these values, so a change is reported in the
terms of the Form and the template (catalogue id, label, audience), not as a text diff.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from gpai_docs.models._types import MonthYear, NotApplicable, Quantity, ToBeProvided, YesNo

JsonValue = str | int | float | bool | list[Any] | None


@dataclass(frozen=True, slots=True)
class FieldValue:
    """One answered field of a document."""

    document: str
    path: str
    catalogue_id: str
    label: str
    audience: tuple[str, ...]
    value: JsonValue


@dataclass(frozen=True, slots=True)
class _Context:
    path: str
    catalogue_id: str
    audience: tuple[str, ...]
    label: str
    keys: tuple[str, ...]


def flatten(document: str, model: BaseModel) -> dict[str, FieldValue]:
    """Every answered leaf of ``model``, keyed by its path (list items keyed by name)."""
    root = _Context("", "", (), "", ())
    return {value.path: value for value in _walk(document, model, root)}


def _walk(document: str, obj: Any, ctx: _Context) -> Iterator[FieldValue]:
    if obj is None:
        return
    if isinstance(obj, BaseModel) and not _is_leaf_model(obj):
        for name, info in type(obj).model_fields.items():
            yield from _walk(document, getattr(obj, name), _child(ctx, name, info))
        return
    if isinstance(obj, list | tuple) and obj and all(_is_record(item) for item in obj):
        keys = _item_keys(obj)
        for key, item in zip(keys, obj, strict=True):
            item_ctx = _Context(
                f"{ctx.path}[{key}]", ctx.catalogue_id, ctx.audience, ctx.label, (*ctx.keys, key)
            )
            yield from _walk(document, item, item_ctx)
        return
    if isinstance(obj, list | tuple) and not obj:
        return
    label = ctx.label + (f" [{' / '.join(ctx.keys)}]" if ctx.keys else "")
    yield FieldValue(document, ctx.path, ctx.catalogue_id, label, ctx.audience, _plain(obj))


def _child(ctx: _Context, name: str, info: FieldInfo) -> _Context:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    catalogue_id = extra.get("x-catalogue-id", ctx.catalogue_id)
    # A subtree inherits the nearest ancestor's audience (models/_base.py).
    audience = extra.get("x-audience", ctx.audience)
    return _Context(
        f"{ctx.path}.{name}" if ctx.path else name,
        str(catalogue_id),
        tuple(str(a) for a in audience) if isinstance(audience, list | tuple) else ctx.audience,
        info.title or name.replace("_", " ").capitalize(),
        ctx.keys,
    )


def _is_leaf_model(obj: BaseModel) -> bool:
    return isinstance(obj, NotApplicable | ToBeProvided | YesNo)


def _is_record(item: Any) -> bool:
    return isinstance(item, BaseModel) and not _is_leaf_model(item)


def _item_keys(items: list[Any] | tuple[Any, ...]) -> list[str]:
    """Key records by name (or version) so a reordered list is not a change; else by position."""
    for attribute in ("name", "version", "role", "title"):
        keys = [getattr(item, attribute, None) for item in items]
        if all(isinstance(k, str) for k in keys) and len(set(keys)) == len(keys):
            return [str(k) for k in keys]
    return [f"#{index}" for index in range(1, len(items) + 1)]


def _plain(value: Any) -> JsonValue:
    if isinstance(value, NotApplicable):
        return f"not applicable: {value.not_applicable}"
    if isinstance(value, ToBeProvided):
        return "to be provided"
    if isinstance(value, YesNo | MonthYear | Quantity):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, BaseModel):
        return str(value.model_dump(mode="json"))
    return str(value)
