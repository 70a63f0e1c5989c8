"""The YAML of one scaffold field, written from its place in the model walk.

Answers (yes/no facts included) start as ``to_be_provided: true``, their shape offered
below, commented out; nothing starts as an example or a default, so nothing is decided
before the provider answers. Examples are comments (``e.g.``); optional blocks are
written commented out, with placeholders that fit the field.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence

from gpai_docs.errors import InternalError
from gpai_docs.law.catalogue import entry
from gpai_docs.models.dates import MonthYear
from gpai_docs.models.numbers import Quantity
from gpai_docs.models.shapes import Shape
from gpai_docs.models.walk import TypeNode
from gpai_docs.scaffold.comments import comment_lines
from gpai_docs.scaffold.yaml_lines import Lines, as_item, commented, yaml_scalar

_TBP = "{to_be_provided: true}"
# Above each block of rows the template asks for only when its Yes/No question is Yes.
UNCOMMENT_WHEN_YES = "uncomment when `used` is Yes"

# The facts every document repeats (requirements §8): written once from `init`'s options so
# that a scaffold is consistent across documents from the start. Paths are the walk's.
IDENTITY_FIELDS: dict[tuple[str, tuple[str, ...]], str] = {
    ("model-documentation", ("general", "model_name", "name")): "model_name",
    ("model-documentation", ("general", "legal_name")): "provider",
    ("training-data-summary", ("section_1", "versioned_model_names")): "model_name",
    ("training-data-summary", ("section_1", "provider", "name")): "provider",
    ("copyright-policy", ("document", "models_covered")): "model_name",
}

# Guidance the Form or template gives beyond a field's label, as extra comment lines.
GUIDANCE: dict[tuple[str, tuple[str, ...]], str] = {
    ("training-data-summary", ("section_2", "crawled_data", "top_domains")): (
        "The top 10 % of crawled domain names by size of content (SMEs: 5 % or 1,000 "
        "domains, whichever is lower). Run `gpai-docs domains` on the crawl logs and give "
        "the JSON file it writes as `source:`."
    ),
    ("training-data-summary", ("section_1", "modalities")): (
        "Answer each modality: its size and types of content, or `not_applicable: <reason>` "
        "when the training data holds none of it."
    ),
}

# Placeholders of commented-out numbers, by what the field counts (read from its name).
_NUMBER_PLACEHOLDERS = (
    ("_eur", "<amount in euros, such as 250000000>"),
    ("days", "<number of days, such as 90>"),
    ("count", "<number in the template's unit, such as 2.4*10^12>"),
)


class FieldWriter:
    """Writes the fields of one document; ``shaping`` writes a block's shape, not its answer."""

    def __init__(self, stem: str, identity: dict[str, str | None], today: dt.date) -> None:
        self.stem = stem
        self.identity = identity
        self.today = today

    def body(self, nodes: Sequence[TypeNode], indent: int, parent: str | None,
             shaping: bool) -> Lines:  # fmt: skip
        """The fields ``nodes``; ``parent`` is the catalogue id of the field holding them."""
        out = Lines([])
        asked = any(node.field.name == "used" for node in nodes)  # a template Yes/No question
        for node in nodes:
            out.extend(self.field(node, indent, parent, shaping, asked))
        return out

    def field(self, node: TypeNode, indent: int, parent: str | None, shaping: bool,
              asked: bool = False) -> Lines:  # fmt: skip
        shape = node.field.shape
        optional = not node.field.required
        # The template asks for the rows below a Yes/No question when the answer is Yes.
        condition = "required when `used` is Yes" if asked and _conditional(node) else None
        pad = " " * indent
        out = Lines(
            comment_lines(node, parent, optional and shape.kind != "answer", pad, condition)
        )
        guidance = GUIDANCE.get((self.stem, node.path))
        if guidance:
            out.lines += textwrap.wrap(guidance, 92, initial_indent=f"{pad}#   ",
                                       subsequent_indent=f"{pad}#   ")  # fmt: skip
        if shape.kind == "answer":
            out.extend(self.answer(node, indent, shaping))
        elif optional and not shaping:
            block = self.value(shape, node, indent, True)
            if condition:  # written commented out, so that an answer No leaves it out
                out.lines.append(f"{pad}# {UNCOMMENT_WHEN_YES}")
            out.lines.extend(commented(block.lines, indent))
        else:
            out.extend(self.value(shape, node, indent, shaping))
        return out

    def answer(self, node: TypeNode, indent: int, shaping: bool) -> Lines:
        inner = node.field.shape.inner
        if shaping and ((inner and inner.kind != "scalar") or node.field.example is not None):
            return self.value(inner, node, indent, True)
        given = self.identity_value(node.path)
        out = Lines([f"{' ' * indent}{node.field.name}: {yaml_scalar(given) if given else _TBP}"])
        out.pending += 0 if given or shaping else 1
        if not shaping and inner and inner.kind != "scalar":
            alternative = self.value(inner, node, indent, True)
            out.lines.extend(commented(alternative.lines, indent))
        return out

    def value(self, shape: Shape | None, node: TypeNode, indent: int, shaping: bool) -> Lines:
        pad, name = " " * indent, node.field.name
        if shape is None:  # fields without a shape never reach here: the caller skips them
            raise InternalError(f"the scaffold has no shape for {name!r}")
        if shape.kind == "model" and shape.model is not None:
            body = self.body(node.children(), indent + 2, node.catalogue_id, shaping)
            # A mapping whose every field is optional (so commented out) must still be a mapping.
            empty = all(line.lstrip().startswith("#") for line in body.lines)
            out = Lines([f"{pad}{name}:{' {}' if empty and not shaping else ''}"])
            out.extend(body)
            return out
        if shape.kind == "list" and shape.inner is not None:
            out = Lines([f"{pad}{name}:"])
            item = shape.inner
            if item.kind == "model" and item.model is not None:
                inner = self.body(node.children(), indent + 4, node.catalogue_id, shaping)
                out.extend(as_item(inner, indent + 2))
            elif isinstance(node.field.example, list) and node.field.example:
                out.lines += [f"{pad}  - {yaml_scalar(one)}" for one in node.field.example]
            else:
                given = self.identity_value(node.path)
                text = yaml_scalar(given) if given else self.example(item, node, shaping)
                out.lines.append(f"{pad}  - {text}")
            return out
        if shape.kind == "answer":
            return self.value(shape.inner, node, indent, shaping)
        given = self.identity_value(node.path)
        text = yaml_scalar(given) if given else self.example(shape, node, shaping)
        return Lines([f"{pad}{name}: {text}"])

    def example(self, shape: Shape, node: TypeNode, shaping: bool) -> str:
        title, example = node.field.title, node.field.example
        if shape.base is bool:  # only a plain yes/no with a default reaches here
            default = node.field.info.default
            return yaml_scalar(default) if isinstance(default, bool) else "<true or false>"
        if shape.base is dt.date and not shaping:
            return self.today.isoformat()  # a scaffold's "last updated" is the day it is made
        if example is not None and shape.kind == "scalar":
            if shape.base is dt.date and isinstance(example, str):
                return yaml_scalar(dt.date.fromisoformat(example))
            return yaml_scalar(example)
        if shape.choices:
            return yaml_scalar(shape.choices[0])
        if shape.base is dt.date:
            return self.today.isoformat()
        if shape.base is MonthYear:
            return yaml_scalar(f"{self.today.month:02d}/{self.today.year}")
        if shape.base is Quantity:
            name = node.field.name
            fits = [text for part, text in _NUMBER_PLACEHOLDERS if part in name]
            return yaml_scalar(fits[0] if fits else "<number, such as 1.5*10^13>")
        hint = {int: "whole number", float: "0 to 1"}
        return yaml_scalar(f"<{hint.get(shape.base, title or 'text')}>")

    def identity_value(self, path: tuple[str, ...]) -> str | None:
        """What `init`'s options give for the field at ``path``, if it repeats one."""
        role = IDENTITY_FIELDS.get((self.stem, path))
        return self.identity.get(role) if role else None


def _conditional(node: TypeNode) -> bool:
    """Whether the catalogue asks for the field only in some cases ("if Yes")."""
    if node.field.catalogue_id is None:
        return False
    try:
        return entry(node.field.catalogue_id).required == "conditional"
    except KeyError:
        return False
