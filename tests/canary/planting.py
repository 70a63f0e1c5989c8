"""Plant a unique marker in every text value that only the AI Office or the national
authorities (or only the provider) may see, keeping the project valid."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from gpai_docs.project import KIND_BY_KEY, KINDS
from gpai_docs.schema_errors import _model_in
from gpai_docs.validation import validate_project
from tests.conftest import FIXED_DATE
from tests.rules.patching import sample_data, write_project

DOWNSTREAM = {"dp", "public"}
Path_ = tuple[str | int, ...]


def _audience(
    model: type[BaseModel], name: str, inherited: tuple[str, ...] | None
) -> tuple[str, ...] | None:
    extra = model.model_fields[name].json_schema_extra
    audience = extra.get("x-audience") if isinstance(extra, dict) else None
    if isinstance(audience, list):
        return tuple(str(a) for a in audience)
    return inherited


def _restricted(
    model: type[BaseModel] | None, data: Any, inherited: tuple[str, ...] | None, path: Path_
) -> list[Path_]:
    """Paths of string values whose audience excludes downstream providers and the public."""
    out: list[Path_] = []
    if isinstance(data, dict):
        for key, value in data.items():
            audience, sub = inherited, None
            if model is not None and key in model.model_fields:
                audience = _audience(model, key, inherited)
                info = model.model_fields[key]
                sub = _model_in(info.annotation)
            out.extend(_restricted(sub, value, audience, (*path, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out.extend(_restricted(model, value, inherited, (*path, index)))
    elif isinstance(data, str) and inherited is not None and not DOWNSTREAM & set(inherited):
        out.append(path)
    return out


def _set(data: Any, path: Path_, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def plant(sample: str, target: Path) -> tuple[Path, dict[str, str]]:
    """Write the sample with markers to ``target``; marker -> "document:path" it stands in."""
    documents = sample_data(sample)
    planted: dict[tuple[str, Path_], str] = {}
    originals: dict[tuple[str, Path_], str] = {}
    for kind in KINDS:
        for path in _restricted(kind.model, documents[kind.key], None, ()):
            marker = f"CANARY{len(planted):04d}Q{sample.replace('-', '')[:6].upper()}"
            node: Any = documents[kind.key]
            for part in path:
                node = node[part]
            originals[(kind.key, path)] = node
            # Keep any words the rules look for (a URL stays a URL), add the marker.
            _set(
                documents[kind.key],
                path,
                f"{node} {marker}" if "://" not in node else f"{node}#{marker}",
            )
            planted[(kind.key, path)] = marker
    # A marker that makes a value invalid (a choice, a date) is taken back.
    for _ in range(5):
        write_project(target, json.loads(json.dumps(documents)))
        result = validate_project(target, as_of=FIXED_DATE)
        broken = {
            (key, tuple(d.location.path))
            for d in result.report.errors
            for key in KIND_BY_KEY
            if KIND_BY_KEY[key].stem in d.location.file
        }
        undo = [
            k for k in planted if any(k[0] == b[0] and k[1][: len(b[1])] == b[1] for b in broken)
        ]
        if not undo:
            break
        for key in undo:
            _set(documents[key[0]], key[1], originals[key])
            del planted[key]
    write_project(target, json.loads(json.dumps(documents)))
    return target, {m: f"{k}:{'.'.join(map(str, p))}" for (k, p), m in planted.items()}
