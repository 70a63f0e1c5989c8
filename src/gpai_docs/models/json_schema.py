"""Render the JSON Schemas of the three documents from the pydantic models.

The schema says what the models take, so that an editor does not flag a valid file: the
shapes "as written" of issue 12 are read by validators that run before the model's own
fields, and are added here beside the model's picture (see ``schema_shapes``).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from gpai_docs.models.kinds import KINDS
from gpai_docs.models.schema_shapes import as_written

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class _EditorFriendly(GenerateJsonSchema):
    """Use ``anyOf`` for answers: ``"N/A"`` is also a string, so ``oneOf`` would reject it."""

    def generate(self, schema: Any, mode: Any = "validation") -> JsonSchemaValue:
        out = super().generate(schema, mode=mode)
        return _any_of(out)  # type: ignore[no-any-return]

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        return as_written(schema["cls"], super().model_schema(schema))


def _any_of(node: Any) -> Any:
    if isinstance(node, dict):
        return {("anyOf" if k == "oneOf" else k): _any_of(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_any_of(v) for v in node]
    return node


def schema_file_name(stem: str) -> str:
    return f"{stem}.schema.json"


def json_schemas() -> dict[str, str]:
    """File name -> schema text for each document, deterministic (sorted keys, LF endings)."""
    out: dict[str, str] = {}
    for kind in KINDS:
        schema = kind.model.model_json_schema(schema_generator=_EditorFriendly)
        schema = {"$schema": SCHEMA_DIALECT, "$id": schema_file_name(kind.stem), **schema}
        out[schema_file_name(kind.stem)] = (
            json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        )
    return out
