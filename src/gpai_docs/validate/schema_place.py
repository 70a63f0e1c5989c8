"""Where a pydantic error points, in the document's terms: the field, and what it takes there.

pydantic's error location mixes field names and list indices with the labels of union
branches (``~value``, ``literal[True]``, ``function-after[…]``). :func:`place_of` follows
it through the model walk, so that a message can say which answer is wrong, what that
answer takes (its :class:`~gpai_docs.models.shapes.Shape`) and whether it accepts
``not_applicable`` and ``to_be_provided`` (read from the field's annotation).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from gpai_docs.diagnostics import JsonPath
from gpai_docs.models.answers import NotApplicable, ToBeProvided
from gpai_docs.models.choices import YesNo
from gpai_docs.models.shapes import Shape
from gpai_docs.models.walk import FieldSpec, fields_of

#: The branch tags of an answer and the wrapper each one stands for.
_WRAPPERS: dict[str, type[BaseModel]] = {
    "~not_applicable": NotApplicable,
    "~to_be_provided": ToBeProvided,
}


@dataclass(frozen=True, slots=True)
class Place:
    """What an error's location means."""

    path: JsonPath  # field names and list indices only
    field: FieldSpec | None  # the innermost declared field on the path
    answer: FieldSpec | None  # the document's field being answered (not a wrapper's)
    parent: type[BaseModel] | None  # the model holding the last name of the path
    shape: Shape | None  # what the value at the path takes; None below an unknown key
    wrapper: type[BaseModel] | None = None  # NotApplicable or ToBeProvided, when inside one
    branch: str | None = None  # the plain-union branch the error comes from

    @property
    def name(self) -> str:
        names = [p for p in self.path if isinstance(p, str)]
        return names[-1] if names else "document"

    @property
    def accepts_answers(self) -> bool:
        """Whether the answered field takes `not_applicable:` and `to_be_provided:`."""
        return self.answer is not None and ToBeProvided in self.answer.models

    @property
    def form_na(self) -> bool:
        """Whether the answered field also takes the Form's literal ``N/A``."""
        return self.answer is not None and self.answer.shape.form_na

    @property
    def yes_no(self) -> bool:
        """Whether the answered field is a template Yes/No question."""
        return self.answer is not None and YesNo in self.answer.models


def _field(model: type[BaseModel], name: str) -> FieldSpec | None:
    return next((spec for spec in fields_of(model) if spec.name == name), None)


def _opened(shape: Shape | None) -> Shape | None:
    """A value model read through a validator (a Yes/No answer) as the model it is."""
    base = shape.base if shape is not None and shape.kind == "scalar" else None
    if isinstance(base, type) and issubclass(base, BaseModel):
        return Shape("model", model=base)
    return shape


def place_of(model: type[BaseModel], loc: tuple[int | str, ...]) -> Place:
    """Follow ``loc`` from ``model``: names, indices, and the branches between them."""
    path: list[str | int] = []
    shape: Shape | None = Shape("model", model=model)
    field = answer = None
    parent: type[BaseModel] | None = model
    wrapper: type[BaseModel] | None = None
    branch: str | None = None
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        tag = isinstance(part, str) and part.startswith("~")
        if shape is not None and shape.kind == "answer" and not tag:
            shape = _opened(shape.inner)  # an answer's location may skip its "~value" tag
        if isinstance(part, int):
            path.append(part)
            shape = _opened(shape.inner) if shape is not None and shape.kind == "list" else shape
        elif shape is not None and shape.kind == "model" and shape.model is not None:
            found = _field(shape.model, part)
            if found is None and not last and part.startswith(("function-", "~")):
                continue  # a validator's label, not a key someone wrote
            path.append(part)
            parent = shape.model
            field = found or field
            if found is not None and wrapper is None and shape.model is not YesNo:
                answer = found
            shape = _opened(found.shape) if found is not None else None
        elif part in _WRAPPERS:
            wrapper = _WRAPPERS[part]
            shape = Shape("model", model=wrapper)
        elif part == "~form_na":
            shape = Shape("scalar", base=str, choices=("N/A",))
        elif part.startswith("~"):
            if shape is not None and shape.kind == "answer":
                shape = _opened(shape.inner)
        elif shape is None:
            path.append(part)  # below an unknown key: keep what was written
        else:
            branch = part  # a plain union's branch label, never a field name
    return Place(tuple(path), field, answer, parent, shape, wrapper, branch)
