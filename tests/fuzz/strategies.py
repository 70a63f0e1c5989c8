"""Hypothesis strategies: documents drawn from the JSON Schemas, and mutations of samples.

The schema strategy follows the keywords our schemas use (type, properties, required,
items, enum, const, anyOf, $ref, minLength, format); optional fields are sometimes left
out and, with a small probability, any value is swapped for one of the wrong type.
"""

from __future__ import annotations

import functools
import json
import math
import os
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
SCHEMA_FILES = {
    "model_documentation": "model-documentation.schema.json",
    "training_data_summary": "training-data-summary.schema.json",
    "copyright_policy": "copyright-policy.schema.json",
}


def examples(share: float) -> int:
    """This test's share of the run's examples: GPAI_DOCS_FUZZ_EXAMPLES in all (default 200)."""
    total = int(os.environ.get("GPAI_DOCS_FUZZ_EXAMPLES", "200"))
    return max(1, math.ceil(total * share))


# Text that stresses every layer: templates, Markdown, HTML, bidi, control characters,
# numbers and dates written as text, and placeholders.
TRICKY = [
    "{{ 7*7 }}",
    "{% raw %}",
    "{#",
    "<script>alert(1)</script>",
    "![x](file:///etc/passwd)",
    "[a](javascript:alert(1))",
    "# heading",
    "| a | b |",
    "\u202eevil",
    "a\u200bb",
    "\x00",
    "../../etc/passwd",
    "N/A",
    "TBD",
    "10^400",
    "1" + " " * 200 + "x",
    "2025-02-30",
    "31/04/2025",
    "yes",
    "no",
    ".nan",
    "-",
    "`code`",
    "&amp;",
    "\\",
    "\r\n",
    "\t",
]
text = st.one_of(
    st.text(max_size=40), st.sampled_from(TRICKY), st.text("0123456789.*^e, ", max_size=12)
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    text,
)
anything = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(text, children, max_size=3),
    max_leaves=4,
)


def load_schema(document: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((SCHEMAS / SCHEMA_FILES[document]).read_text("utf-8"))
    return schema


def from_schema(
    schema: dict[str, Any], root: dict[str, Any], depth: int = 0
) -> st.SearchStrategy[Any]:
    """Values that mostly follow ``schema``; wrong types now and then."""
    right = _follow(schema, root, depth)
    return st.one_of(right, right, right, right, right, right, right, right, right, anything)


def _follow(schema: dict[str, Any], root: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        target = root["$defs"][name]
        return st.deferred(lambda: _follow(target, root, depth + 1))
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "anyOf" in schema or "oneOf" in schema:
        options = schema.get("anyOf") or schema["oneOf"]
        return st.one_of([_follow(option, root, depth) for option in options])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([_follow({**schema, "type": k}, root, depth) for k in kind])
    if kind == "object":
        return _object(schema, root, depth)
    if kind == "array":
        items = schema.get("items", {})
        return st.lists(
            from_schema(items, root, depth + 1) if items else anything,
            max_size=2 if depth < 4 else 1,
        )
    if kind == "string":
        if schema.get("format") == "date":
            return st.dates().map(str) | text
        return text
    if kind == "integer":
        return st.integers(min_value=-5, max_value=10**6)
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False) | st.integers()
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    return anything


def _object(schema: dict[str, Any], root: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
    properties: dict[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    if not properties:
        return st.dictionaries(text, scalars, max_size=2)
    fields = {name: from_schema(sub, root, depth + 1) for name, sub in properties.items()}

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, strategy in fields.items():
            # Required fields are nearly always present; optional ones half the time.
            keep = draw(st.integers(0, 19)) > 0 if name in required else draw(st.booleans())
            if keep:
                out[name] = draw(strategy)
        if draw(st.integers(0, 9)) == 0:
            out[draw(text)] = draw(scalars)  # an unknown field
        return out

    return build()


@functools.cache
def document(name: str) -> st.SearchStrategy[dict[str, Any]]:
    schema = load_schema(name)
    return _object(schema, schema, 0)


# --- mutations of real documents ---------------------------------------------------


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            out.extend(_paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out.extend(_paths(value, (*prefix, index)))
    return out


@st.composite
def mutated(draw: st.DrawFn, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with a few fields dropped, replaced, retyped or given random unicode."""
    result: dict[str, Any] = json.loads(json.dumps(data))
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(result) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent: Any = result
        for part in path[:-1]:
            parent = parent[part]
        key = path[-1]
        action = draw(st.sampled_from(["drop", "replace", "retype", "unicode", "wrap"]))
        if action == "drop":
            if isinstance(parent, dict):
                del parent[key]
            else:
                parent.pop(key)
        elif action == "replace":
            parent[key] = draw(anything)
        elif action == "retype":
            parent[key] = draw(
                st.sampled_from(
                    [[parent[key]], {"value": parent[key]}, str(parent[key]), None, 0, True]
                )
            )
        elif action == "unicode":
            parent[key] = draw(st.text(st.characters(codec="utf-8"), min_size=1, max_size=30))
        else:
            parent[key] = {
                draw(st.sampled_from(["not_applicable", "to_be_provided"])): draw(
                    text | st.just(True)
                )
            }
    return result
