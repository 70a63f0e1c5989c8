"""What a field holds, read from its annotation: an answer, a nested model, a list or a scalar.

pydantic keeps part of an annotation (validators, constraints) in ``FieldInfo.metadata``;
``shape_of`` reads both, so the choices a validator declares count as the field's choices.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import NoneType, UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from gpai_docs.models.answers import NotApplicable, ToBeProvided
from gpai_docs.models.choices import YesNo
from gpai_docs.models.dates import AmbiguousDate
from gpai_docs.models.written_months import WrittenMonth
from gpai_docs.models.written_sizes import WrittenMeasure, WrittenSize

#: The as-written fallbacks of a structured value: its field has the value's shape.
AS_WRITTEN: tuple[type, ...] = (AmbiguousDate, WrittenMonth, WrittenSize, WrittenMeasure)

#: Answer wrappers and Yes/No answers are values, not nested records.
VALUE_MODELS: tuple[type[BaseModel], ...] = (NotApplicable, ToBeProvided, YesNo)


def is_record(value: object) -> bool:
    """Whether ``value`` is a nested record (a model instance that is not a value model)."""
    return isinstance(value, BaseModel) and not isinstance(value, VALUE_MODELS)


@dataclass(frozen=True, slots=True)
class Shape:
    """What a field holds: an answer (wrapping a shape), a model, a list or a scalar."""

    kind: Literal["answer", "model", "list", "scalar"]
    inner: Shape | None = None
    model: type[BaseModel] | None = None
    base: Any = None
    choices: tuple[str, ...] = ()
    form_na: bool = False

    @property
    def record(self) -> type[BaseModel] | None:
        """The nested record the field holds, through an answer and a list, if any."""
        if self.kind == "model":
            is_record = self.model is not None and not issubclass(self.model, VALUE_MODELS)
            return self.model if is_record else None
        return self.inner.record if self.inner is not None else None

    @property
    def is_list(self) -> bool:
        """Whether the field holds a list (answered or not)."""
        shape = self.inner if self.kind == "answer" else self
        return shape is not None and shape.kind == "list"


def _strip(tp: Any) -> Any:
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    return tp


def _literal_choices(meta: Sequence[Any]) -> tuple[str, ...]:
    found: list[str] = []
    for item in meta:
        declared = getattr(item, "json_schema_input_type", None)
        for tp in get_args(declared) if get_origin(declared) in (Union, UnionType) else [declared]:
            if get_origin(tp) is Literal:
                found.extend(str(a) for a in get_args(tp))
    unique: dict[str, str] = {}
    for value in found:
        unique.setdefault(value.lower(), value)
    return tuple(unique.values())


def shape_of(tp: Any, meta: Sequence[Any] = ()) -> Shape:
    """Read a field's annotation (pydantic keeps part of it in ``FieldInfo.metadata``)."""
    collected = list(meta)
    while get_origin(tp) is Annotated:
        tp, *extra = get_args(tp)
        collected.extend(extra)
    if get_origin(tp) in (Union, UnionType):
        members = [m for m in get_args(tp) if m is not NoneType]
        bare = [_strip(m) for m in members]
        if ToBeProvided in bare:
            values = [
                m
                for m, b in zip(members, bare, strict=True)
                if b not in (NotApplicable, ToBeProvided) and get_origin(b) is not Literal
            ]
            form_na = any(get_origin(b) is Literal for b in bare)
            inner = shape_of(values[0]) if values else Shape("scalar")
            return Shape("answer", inner=inner, form_na=form_na)
        if len(members) == 1:
            return shape_of(members[0], collected)
        if len(members) == 2 and _strip(members[1]) in AS_WRITTEN:
            return shape_of(members[0], collected)  # a date, or a date as written
        return Shape("scalar", base=str, choices=_literal_choices(collected))
    choices = _literal_choices(collected)
    if get_origin(tp) is Literal:
        choices = tuple(str(a) for a in get_args(tp))
    if choices:
        return Shape("scalar", base=tp, choices=choices)
    if get_origin(tp) is list:
        return Shape("list", inner=shape_of(get_args(tp)[0]))
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return Shape("model", model=tp)
    return Shape("scalar", base=tp)


def models_named(tp: Any) -> tuple[type[BaseModel], ...]:
    """Every model class an annotation names, answer wrappers included, in written order."""
    return tuple(dict.fromkeys(_models_in(tp)))


def _models_in(tp: Any) -> Iterator[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        yield tp
        return
    for arg in get_args(tp):
        yield from _models_in(arg)
