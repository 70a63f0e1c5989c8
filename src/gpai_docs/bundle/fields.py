"""Walk a validated document into its field values, each with catalogue id, label and audience.

The semantic diff and the changelog compare these values, so a change is reported in the
terms of the Form and the template (catalogue id, label, audience), not as a text diff.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from gpai_docs.models.answers import NotApplicable, ToBeProvided
from gpai_docs.models.choices import YesNo
from gpai_docs.models.dates import AmbiguousDate, MonthYear
from gpai_docs.models.numbers import Quantity
from gpai_docs.models.shapes import is_record
from gpai_docs.models.walk import AnswerState, JsonPath, walk_values
from gpai_docs.models.written_months import WrittenMonth
from gpai_docs.models.written_sizes import WrittenMeasure, WrittenSize

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


def flatten(document: str, model: BaseModel) -> dict[str, FieldValue]:
    """Every answered leaf of ``model``, keyed by its path (list items keyed by name)."""
    keys: dict[JsonPath, list[str]] = {}
    values: dict[str, FieldValue] = {}
    for node in walk_values(model, into=_opened):
        if _opened(node.value):
            if isinstance(node.value, list):
                keys[node.path] = _item_keys(node.value)
            continue
        empty = isinstance(node.value, list) and not node.value
        if node.field is None or node.state is AnswerState.ABSENT or empty:
            continue
        path, item_keys = _keyed(node.path, keys)
        label = node.field.label + (f" [{' / '.join(item_keys)}]" if item_keys else "")
        audience = node.audience or ()
        values[path] = FieldValue(
            document, path, node.catalogue_id or "", label, audience, _plain(node.value)
        )
    return values


def _opened(value: Any) -> bool:
    """Records are opened, and lists of records (each keyed); anything else is a leaf."""
    if isinstance(value, list):
        return bool(value) and all(is_record(item) for item in value)
    return is_record(value)


def _keyed(path: JsonPath, keys: dict[JsonPath, list[str]]) -> tuple[str, tuple[str, ...]]:
    """``path`` as text (``a.b[key].c``) with each list index replaced by its item's key."""
    text = ""
    used: tuple[str, ...] = ()
    for end, step in enumerate(path):
        if isinstance(step, int):
            key = keys[path[:end]][step]
            text, used = f"{text}[{key}]", (*used, key)
        else:
            text = f"{text}.{step}" if text else step
    return text, used


def _item_keys(items: list[Any] | tuple[Any, ...]) -> list[str]:
    """Key records by name (or version) so a reordered list is not a change; else by position."""
    for attribute in ("name", "version", "role", "title"):
        keys = [getattr(item, attribute, None) for item in items]
        if all(isinstance(k, str) for k in keys) and len(set(keys)) == len(keys):
            return [str(k) for k in keys]
    return [f"#{index}" for index in range(1, len(items) + 1)]


def _plain(value: Any) -> JsonValue:
    if isinstance(value, NotApplicable):
        return "not applicable" + (f": {value.reason}" if value.reason else "")
    if isinstance(value, ToBeProvided):
        return "to be provided"
    as_text = YesNo | MonthYear | Quantity | AmbiguousDate | WrittenMonth
    if isinstance(value, as_text | WrittenSize | WrittenMeasure):
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
