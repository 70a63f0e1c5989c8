"""Turn the nodes libyaml composed into plain data, by the YAML 1.2 core schema.

Walking the nodes ourselves, rather than letting a constructing loader build objects,
lets us report duplicate keys, merge keys and non-text keys where they are written, and
stop at MAX_NODES values or MAX_DEPTH levels. ``no`` stays the word "no" and
``2025-08-02`` stays text for pydantic to parse; only the data gpai-docs ships asks for
its dates as dates. A number keeps the text it was written as (``yamlio.written``):
``3.0e23`` has two significant figures, and the float 3e23 no longer says so.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from gpai_docs.diagnostics import Diagnostic, JsonPath
from gpai_docs.errors import InternalError
from gpai_docs.yamlio.core import plain_value
from gpai_docs.yamlio.limits import MAX_DEPTH, MAX_NODES, too_deep
from gpai_docs.yamlio.problems import Position, document_problem, duplicate_key
from gpai_docs.yamlio.written import written

_CORE = "tag:yaml.org,2002:"
_MERGE_TAG = _CORE + "merge"
_TIMESTAMP_TAG = _CORE + "timestamp"
_IMPLICIT = yaml.resolver.Resolver()
_STANDARD_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq")} | {
    _TIMESTAMP_TAG,
    _CORE + "binary",
    _MERGE_TAG,
}
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")


class ValueWalker:
    """Turn a libyaml node graph into plain data, recording positions and problems."""

    def __init__(self, file: str, *, dates: bool = False) -> None:
        self.file = file
        self.dates = dates  # plain `YYYY-MM-DD` scalars become dates
        self.keys: dict[JsonPath, Position] = {}
        self.values: dict[JsonPath, Position] = {}
        self.problems: list[Diagnostic] = []
        self.visited = 0
        self.halted = False

    @staticmethod
    def _pos(node: yaml.Node) -> Position:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _stop(self, problem: Diagnostic) -> None:
        if not self.halted:
            self.problems.append(problem)
        self.halted = True

    def value(self, node: yaml.Node, path: JsonPath) -> Any:
        self.visited += 1
        if self.halted:
            return None
        if self.visited > MAX_NODES:
            self._stop(
                document_problem(
                    "DL006",
                    self.file,
                    f"The document expands to more than {MAX_NODES:,} values.",
                    "Remove YAML aliases that multiply content; documents are small.",
                    self._pos(node),
                )
            )
            return None
        if len(path) >= MAX_DEPTH and isinstance(node, yaml.CollectionNode):
            # the top-level mapping is the first level, so a collection at path length n
            # is level n + 1: the same count as the text pre-scan and the JSON check
            self._stop(too_deep(self.file, self._pos(node)))
            return None
        self.values.setdefault(path, self._pos(node))
        if node.tag not in _STANDARD_TAGS:
            self._refuse(f"The YAML tag {node.tag!r} is not supported.", node)
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        if not isinstance(node, yaml.ScalarNode):  # libyaml composes only these three
            raise InternalError(f"unknown YAML node {type(node).__name__}")
        return self._scalar(node)

    def _refuse(self, message: str, node: yaml.Node, hint: str | None = None) -> None:
        hint = hint or "Remove the tag; gpai-docs reads plain YAML values only."
        self.problems.append(document_problem("DL005", self.file, message, hint, self._pos(node)))

    def _mapping(self, node: yaml.MappingNode, path: JsonPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._refuse(
                    "A mapping key is not a plain text key.", key_node, "Use simple names as keys."
                )
                continue
            if key_node.tag == _MERGE_TAG:
                self._refuse(
                    "YAML merge keys (`<<`) are not supported.",
                    key_node,
                    "Write the fields out in full; merged fields hide where a value came from.",
                )
                continue
            key = str(key_node.value)
            if key in out:  # the first is kept, as in JSON (see load.json_text)
                first = self.keys.get((*path, key))
                self.problems.append(duplicate_key(self.file, key, first, self._pos(key_node)))
                continue
            self.keys[(*path, key)] = self._pos(key_node)
            out[key] = self.value(value_node, (*path, key))
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        text: str = node.value
        if node.style:  # quoted or block scalars are always text
            return text
        implicit = _IMPLICIT.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
        if node.tag != implicit:
            return text if node.tag == "tag:yaml.org,2002:str" else None
        date = _DATE.match(text) if self.dates and implicit == _TIMESTAMP_TAG else None
        if date is not None:
            return dt.date(*map(int, date.groups()))
        return written(plain_value(text), text)
