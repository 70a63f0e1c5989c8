"""Words and short YAML examples for schema findings, built from a field's type.

``expected`` says in words what a field takes, ``given`` what was written instead, and
``example`` writes one line of YAML (flow style, so that it fits on a report's line) that
a person can copy: ``top_domains: {source: <domain statistics file>}``. Everything is read
from the field's :class:`~gpai_docs.models.shapes.Shape` and its declared example, so a
new field gets its words and example without a list here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from pydantic import BaseModel

from gpai_docs.models.choices import YesNo
from gpai_docs.models.dates import MonthYear
from gpai_docs.models.numbers import Quantity
from gpai_docs.models.shapes import Shape
from gpai_docs.models.walk import FieldSpec, fields_of

MAPPING = "a group of named answers (a mapping)"
YES_NO_EXAMPLE = '{answer: other, qualification: "Other (see below): ..."}'

_SCALAR_WORDS: dict[Any, str] = {
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    Quantity: "a number, such as 3.7*10^24",
    dt.date: "a date, such as 2025-08-02",
    MonthYear: "a month, such as 03/2025",
    str: "text",
}
_PLACEHOLDERS: dict[Any, str] = {
    bool: "true",
    int: "1200",
    float: "0.5",
    Quantity: "<number>",
    dt.date: "2025-08-02",
    MonthYear: '"03/2025"',
}
# A value YAML reads as written, in flow style (no comma, bracket, colon or quote).
_PLAIN = re.compile(r"[A-Za-z0-9<][A-Za-z0-9 _.()/+<>-]*[A-Za-z0-9.)>]")
# What YAML could read as a number even with a letter in it (1e5, 0x1F, 0o17).
_NUMBER_LIKE = re.compile(r"[-+]?(?:[0-9._]*[eE][-+]?[0-9]+|0[xXoObB][0-9a-fA-F_]+)")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAX_EXAMPLE = 48  # a declared example longer than this is shown as a placeholder
_MAX_FIELDS = 3  # a record's example shows at most this many of its fields


def flow_scalar(value: object) -> str:
    """``value`` as a YAML flow scalar that reads back as the same text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    read_as_text = re.search("[A-Za-z]", text) and not _NUMBER_LIKE.fullmatch(text)
    if _PLAIN.fullmatch(text) and read_as_text and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def expected(shape: Shape | None) -> str:
    """What a value of ``shape`` is, in words."""
    if shape is None:
        return "a value"
    if shape.kind == "answer":
        return expected(shape.inner)
    if shape.kind == "list":
        return "a list (one `- item` per line)"
    if shape.kind == "model":
        return "a Yes/No answer" if shape.model is YesNo else MAPPING
    if shape.choices:
        return "one of " + ", ".join(shape.choices)
    return _SCALAR_WORDS.get(shape.base, "text")


def given(value: object) -> str:
    """What was written, in words."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return "a value of another kind"


def _placeholder(spec: FieldSpec | None) -> str:
    label = (spec.label if spec is not None else "text").replace("(s)", "s")
    words = re.sub(r"[^A-Za-z0-9 '-]+", " ", label).lower().split()[:5]
    return f"<{' '.join(words) or 'text'}>"


def _declared(spec: FieldSpec | None, shape: Shape) -> str | None:
    """The field's declared example, when it is short and fits its scalar shape."""
    example = spec.example if spec is not None else None
    if example is None or isinstance(example, list | dict) or len(str(example)) > _MAX_EXAMPLE:
        return None
    if shape.choices and str(example) not in shape.choices:
        return None
    if shape.base is dt.date and _ISO_DATE.fullmatch(str(example)):
        return str(example)  # unquoted, as a date is written
    return flow_scalar(example)


def _record(model: type[BaseModel], depth: int) -> str:
    if depth > 0:
        return "{...}"  # one level is enough to show the form
    fields = fields_of(model)
    shown = [f for f in fields if f.required][:_MAX_FIELDS] or list(fields[:2])
    inner = ", ".join(f"{f.name}: {example_value(f.shape, f, depth + 1)}" for f in shown)
    more = ", ..." if len(shown) < len(fields) and depth == 0 else ""
    return f"{{{inner}{more}}}"


def example_value(shape: Shape | None, spec: FieldSpec | None = None, depth: int = 0) -> str:
    """A short YAML flow value of ``shape``, from the field's example where it has one."""
    if shape is None:
        return "..."
    if shape.kind == "answer":
        return example_value(shape.inner, spec, depth)
    if shape.kind == "list":
        if spec is not None and isinstance(spec.example, list) and spec.example:
            return "[" + ", ".join(flow_scalar(v) for v in spec.example[:3]) + "]"
        return f"[{example_value(shape.inner, spec, depth)}]"
    if shape.kind == "model" and shape.model is not None:
        if shape.model is YesNo:
            return YES_NO_EXAMPLE if depth == 0 else "Yes"
        return _record(shape.model, depth)
    if isinstance(shape.base, type) and issubclass(shape.base, YesNo):
        return YES_NO_EXAMPLE if depth == 0 else "Yes"
    declared = _declared(spec, shape)
    if declared is not None:
        return declared
    if shape.choices:
        return flow_scalar(shape.choices[0])
    return _PLACEHOLDERS.get(shape.base) or _placeholder(spec)


def example(name: str, shape: Shape | None, spec: FieldSpec | None = None) -> str:
    """One line of YAML for the field ``name``: ``name: value``."""
    return f"{name}: {example_value(shape, spec)}"
