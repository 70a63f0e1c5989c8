"""The one walk over the document models: every field with its requirement and its schema.

``fields_of`` reads a model class's fields once: the catalogue id, audiences and section
that ``models._base.spec()`` and ``section()`` attach, the label, example and description,
and the field's :class:`~gpai_docs.models.shapes.Shape`. Two walks are built on it:

* over a model *type* (:func:`type_nodes`, :func:`walk_type`, :func:`node_at`): the field
  tree as declared, ``EACH`` standing for every item of a list;
* over a model *instance* (:func:`children`, :func:`walk_values`): the values, with list
  indices, each with its answer state.

A field's effective audience and catalogue id are its own or, when it declares none, the
nearest ancestor's; a field without any audience on its path has none (``None``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any, Final

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from gpai_docs.models.answers import FORM_NA, NotApplicable, ToBeProvided
from gpai_docs.models.shapes import Shape, models_named, shape_of

JsonPath = tuple[str | int, ...]
Audiences = tuple[str, ...] | None

#: In a type path, the step into "each item" of a list.
EACH: Final = "[]"


class AnswerState(Enum):
    """What an answer holds. A new answer form is added here and in :func:`answer_state`."""

    VALUE = "value"
    NOT_APPLICABLE = "not_applicable"
    TO_BE_PROVIDED = "to_be_provided"
    ABSENT = "absent"


def answer_state(value: object, *, form_na: bool = False) -> AnswerState:
    """The state of ``value``; ``form_na`` when the field also takes the Form's literal N/A."""
    if value is None:
        return AnswerState.ABSENT
    if isinstance(value, NotApplicable) or (form_na and value == FORM_NA):
        return AnswerState.NOT_APPLICABLE
    if isinstance(value, ToBeProvided):
        return AnswerState.TO_BE_PROVIDED
    return AnswerState.VALUE


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of a model class, its metadata read once."""

    name: str
    info: FieldInfo
    catalogue_id: str | None  # its own x-catalogue-id
    audience: Audiences  # its own x-audience (a declared list), else None
    section: str | None
    label: str  # the title, else the name spaced and capitalised
    example: Any  # the first example, None without one
    description: str | None
    shape: Shape
    models: tuple[type[BaseModel], ...]  # every model its annotation names, in order

    @property
    def title(self) -> str | None:
        return self.info.title

    @property
    def required(self) -> bool:
        return self.info.is_required()


def _text(extra: dict[str, Any], key: str) -> str | None:
    value = extra.get(key)
    return str(value) if value is not None else None


def _spec(name: str, info: FieldInfo) -> FieldSpec:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    audience = extra.get("x-audience")
    return FieldSpec(
        name=name,
        info=info,
        catalogue_id=_text(extra, "x-catalogue-id"),
        audience=tuple(str(a) for a in audience) if isinstance(audience, list) else None,
        section=_text(extra, "x-section"),
        label=info.title or name.replace("_", " ").capitalize(),
        example=info.examples[0] if info.examples else None,
        description=info.description,
        shape=shape_of(info.annotation, info.metadata),
        models=models_named(info.annotation),
    )


@cache
def fields_of(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    """The fields of ``model`` in declaration order."""
    return tuple(_spec(name, info) for name, info in model.model_fields.items())


@cache
def _by_name(model: type[BaseModel]) -> dict[str, FieldSpec]:
    return {spec.name: spec for spec in fields_of(model)}


def field_spec(model: type[BaseModel], name: str) -> FieldSpec:
    """The field ``name`` of ``model`` (KeyError when it has none)."""
    return _by_name(model)[name]


def _own_or(own: Any, inherited: Any) -> Any:
    return own if own is not None else inherited


# --- over a model type -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TypeNode:
    """A declared field at its place in the tree."""

    path: tuple[str, ...]  # field names, EACH after a list field
    field: FieldSpec
    audience: Audiences  # effective
    catalogue_id: str | None  # effective

    def children(self) -> tuple[TypeNode, ...]:
        """The fields of the record this field holds (of each item, for a list)."""
        record = self.field.shape.record
        if record is None:
            return ()
        below = (*self.path, EACH) if self.field.shape.is_list else self.path
        return type_nodes(record, below, self.audience, self.catalogue_id)


def type_nodes(
    model: type[BaseModel],
    path: tuple[str, ...] = (),
    audience: Audiences = None,
    catalogue_id: str | None = None,
) -> tuple[TypeNode, ...]:
    """The fields of ``model`` as nodes below ``path``, inheriting what is given."""
    return tuple(
        TypeNode(
            (*path, spec.name),
            spec,
            _own_or(spec.audience, audience),
            _own_or(spec.catalogue_id, catalogue_id),
        )
        for spec in fields_of(model)
    )


def walk_type(model: type[BaseModel]) -> Iterator[TypeNode]:
    """Every declared field of ``model``, depth first, each before the fields below it."""
    stack = list(reversed(type_nodes(model)))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children()))


@cache
def _index(model: type[BaseModel]) -> dict[tuple[str, ...], TypeNode]:
    return {tuple(p for p in n.path if p != EACH): n for n in walk_type(model)}


def node_at(model: type[BaseModel], path: JsonPath) -> TypeNode | None:
    """The innermost declared field on ``path`` (list indices skipped), if any."""
    names = tuple(p for p in path if isinstance(p, str))
    index = _index(model)
    for end in range(len(names), 0, -1):
        if names[:end] in index:
            return index[names[:end]]
    return None


def field_at(model: type[BaseModel], path: JsonPath) -> TypeNode | None:
    """The declared field at exactly ``path`` (list indices skipped), if there is one."""
    return _index(model).get(tuple(p for p in path if isinstance(p, str)))


# --- over a model instance ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ValueNode:
    """A value in a document: a field's value or a list item, and what it answers."""

    path: JsonPath  # field names and list indices
    value: Any
    state: AnswerState
    field: FieldSpec | None  # the field it is the value (or an item) of; None at the start
    audience: Audiences  # effective
    catalogue_id: str | None  # effective


def start(
    value: Any, path: JsonPath = (), audience: Audiences = None, catalogue_id: str | None = None
) -> ValueNode:
    """The node a walk starts from: ``value`` at ``path``, inheriting what is given."""
    return ValueNode(path, value, answer_state(value), None, audience, catalogue_id)


def children(node: ValueNode) -> Iterator[ValueNode]:
    """The values one step below ``node``: a model's fields (whatever the model, answer
    wrappers included), a list's items (which inherit the list field's metadata)."""
    value = node.value
    if isinstance(value, BaseModel):
        for spec in fields_of(type(value)):
            held = getattr(value, spec.name)
            yield ValueNode(
                (*node.path, spec.name),
                held,
                answer_state(held, form_na=spec.shape.form_na),
                spec,
                _own_or(spec.audience, node.audience),
                _own_or(spec.catalogue_id, node.catalogue_id),
            )
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield ValueNode(
                (*node.path, index),
                item,
                answer_state(item),
                node.field,
                node.audience,
                node.catalogue_id,
            )


def _always(value: Any) -> bool:
    return True


def walk_values(
    value: Any,
    *,
    into: Callable[[Any], bool] = _always,
    path: JsonPath = (),
    audience: Audiences = None,
) -> Iterator[ValueNode]:
    """Every value from ``value`` (at ``path``, for ``audience``) down, depth first, each
    before the values below it. ``into`` decides which values are opened (every model and
    list by default)."""
    stack = [start(value, path, audience)]
    while stack:
        node = stack.pop()
        yield node
        if into(node.value):
            stack.extend(reversed(list(children(node))))
