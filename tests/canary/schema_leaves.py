"""The free-text leaves of a document and who may read each one, from the JSON Schema alone.

This walker reads the published schemas in ``schemas/`` (``x-audience``,
``x-catalogue-id``) and the requirement catalogue, never the package's models or its
audience projection: the canary must not trust the code it checks.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
SPEC_FIELDS = ROOT.parent / "shared" / "spec" / "fields.json"
VENDORED = ROOT / "src" / "gpai_docs" / "data" / "catalogue.json"
# Fields the catalogue has no id of its own for: each names the entry it serves ("from"),
# whose ticks it must keep to. Only the link is read here; the ticks are the catalogue's.
DERIVED = ROOT / "src" / "gpai_docs" / "data" / "derived_ids.json"
# Document key -> schema file; the keys are the ones the project files are named for.
DOCUMENTS = {
    "model_documentation": "model-documentation",
    "training_data_summary": "training-data-summary",
    "copyright_policy": "copyright-policy",
}
FIELD_AUDIENCES = frozenset({"aio", "nca", "dp", "public", "internal"})
Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Leaf:
    """A free-text value of a document: where it is, who may read it, which requirement."""

    document: str
    path: Path_
    audience: frozenset[str]
    catalogue_id: str | None


@cache
def schema(document: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        (SCHEMAS / f"{DOCUMENTS[document]}.schema.json").read_text(encoding="utf-8")
    )
    return loaded


@cache
def catalogue_audiences() -> dict[str, frozenset[str]]:
    """Catalogue id -> the audiences the requirement catalogue ticks (AIO/NCA/DP), lower
    case; a derived id (``derived_ids.json``) has the ticks of the entry it serves."""
    ticks = dict(spec_audiences())
    derived = json.loads(DERIVED.read_text(encoding="utf-8"))["derived"]
    ticks.update({str(k): ticks[str(v["from"])] for k, v in derived.items() if v["from"] in ticks})
    return ticks


@cache
def spec_audiences() -> dict[str, frozenset[str]]:
    """The catalogue's own entries: the shared spec when it is there, else the copy
    vendored into the package."""
    if SPEC_FIELDS.is_file():
        entries = json.loads(SPEC_FIELDS.read_text(encoding="utf-8"))["fields"]
        pairs = [(e["id"], e["audience"]) for e in entries]
    else:
        vendored = json.loads(VENDORED.read_text(encoding="utf-8"))["entries"]
        pairs = [(k, v["audience"]) for k, v in vendored.items()]
    return {str(k): frozenset(str(a).lower() for a in v) for k, v in pairs}


def _resolve(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        name = str(node["$ref"]).removeprefix("#/$defs/")
        node = {**root["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _branches(root: dict[str, Any], node: dict[str, Any]) -> list[dict[str, Any]]:
    """The alternatives of ``node`` with ``anyOf`` flattened, each resolved."""
    node = _resolve(root, node)
    if "anyOf" not in node:
        return [node]
    out: list[dict[str, Any]] = []
    for option in node["anyOf"]:
        out.extend(_branches(root, option))
    return out


def _object_fits(branch: dict[str, Any], data: dict[str, Any]) -> bool:
    properties = branch.get("properties", {})
    return (
        branch.get("type") == "object"
        and set(data) <= set(properties)
        and set(branch.get("required", ())) <= set(data)
    )


def is_free_text(branch: dict[str, Any]) -> bool:
    """A string the schema does not pin down (no enum, no constant)."""
    return branch.get("type") == "string" and "enum" not in branch and "const" not in branch


def _takes(branch: dict[str, Any], text: str) -> bool:
    """Whether a string branch takes ``text``: a pattern (the bare N/A's) narrows it."""
    return "pattern" not in branch or re.search(branch["pattern"], text) is not None


def _walk(
    root: dict[str, Any],
    node: dict[str, Any],
    data: Any,
    audience: frozenset[str] | None,
    catalogue_id: str | None,
    path: Path_,
    document: str,
) -> list[Leaf]:
    if "x-audience" in node:
        audience = frozenset(node["x-audience"])
    catalogue_id = node.get("x-catalogue-id", catalogue_id)
    branches = _branches(root, node)
    if isinstance(data, dict):
        fitting = [b for b in branches if _object_fits(b, data)]
        if not fitting:
            return []
        branch = fitting[0]
        if "x-audience" in branch:
            audience = frozenset(branch["x-audience"])
        out: list[Leaf] = []
        for key, value in data.items():
            child = branch["properties"][key]
            out += _walk(root, child, value, audience, catalogue_id, (*path, key), document)
        return out
    if isinstance(data, list):
        arrays = [b for b in branches if b.get("type") == "array" and "items" in b]
        if not arrays:
            return []
        items = arrays[0]["items"]
        return [
            leaf
            for index, value in enumerate(data)
            for leaf in _walk(root, items, value, audience, catalogue_id, (*path, index), document)
        ]
    if isinstance(data, str) and any(is_free_text(b) and _takes(b, data) for b in branches):
        return [Leaf(document, path, audience or frozenset(), catalogue_id)]
    return []


def text_leaves(document: str, data: dict[str, Any]) -> list[Leaf]:
    """Every free-text value of ``data`` (a document as plain data), in document order.

    A leaf with an empty audience has no ``x-audience`` anywhere on its path.
    """
    root = schema(document)
    return _walk(root, root, data, None, None, (), document)


def audience_marks(document: str) -> list[tuple[str, str, frozenset[str]]]:
    """(schema location, catalogue id, x-audience) of every node marked with both."""
    out: list[tuple[str, str, frozenset[str]]] = []

    def visit(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if "x-catalogue-id" in node and "x-audience" in node:
                out.append((where, node["x-catalogue-id"], frozenset(node["x-audience"])))
            for key, value in node.items():
                visit(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                visit(value, f"{where}/{index}")

    visit(schema(document), "")
    return out
