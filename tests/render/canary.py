"""Plant unique markers in every text field of a project, to trace where values end up."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from gpai_docs.loading import load_file
from gpai_docs.project import KINDS, SUFFIXES
from gpai_docs.render.audience import text_leaves


@dataclass(frozen=True)
class Marker:
    text: str
    document: str
    path: tuple[str | int, ...]
    audience: tuple[str, ...]


def _set(data: Any, path: tuple[str | int, ...], value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _get(data: Any, path: tuple[str | int, ...]) -> Any:
    """The raw value at ``path``, or None where the source is shaped differently
    (``used: Yes`` is a string in the source and a record in the model)."""
    for part in path:
        if (isinstance(data, dict) and isinstance(part, str) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and part < len(data)
        ):
            data = data[part]
        else:
            return None
    return data


def plant(sample: Path, target: Path) -> list[Marker]:
    """Copy ``sample`` to ``target`` (as JSON) with a marker appended to every text value.

    Values whose schema refuses the change (choices, dates, N/A literals) keep their text.
    """
    target.mkdir(parents=True, exist_ok=True)
    markers: list[Marker] = []
    counter = 0
    for extra in sample.iterdir():
        if extra.is_file() and not any(
            extra.name == f"{k.stem}{s}" for k in KINDS for s in SUFFIXES
        ):
            (target / extra.name).write_bytes(extra.read_bytes())
    for kind in KINDS:
        source = next(
            (sample / f"{kind.stem}{s}" for s in SUFFIXES if (sample / f"{kind.stem}{s}").exists()),
            None,
        )
        if source is None:
            continue
        data = load_file(source, source.name).data
        original = kind.model.model_validate(data)
        planted: dict[tuple[str | int, ...], Marker] = {}
        for path, audience, value in text_leaves(original):
            if value == "N/A" or _get(data, path) != value:
                continue
            counter += 1
            marker = Marker(f"ZQX{counter:05d}QZ", kind.key, path, audience)
            _set(data, path, f"{value} {marker.text}")
            planted[path] = marker
        while True:
            try:
                kind.model.model_validate(data)
                break
            except ValidationError as error:
                # Tagged unions add their tags ("~value") to locations; paths do not have them.
                refused = {
                    tuple(p for p in e["loc"] if not (isinstance(p, str) and p.startswith("~")))
                    for e in error.errors()
                }
                reverted = False
                for path in list(planted):
                    if any(loc[: len(path)] == path for loc in refused):
                        _set(data, path, _get(data, path).removesuffix(f" {planted[path].text}"))
                        del planted[path]
                        reverted = True
                if not reverted:
                    raise
        markers.extend(planted.values())
        (target / f"{kind.stem}.json").write_text(json.dumps(data, default=str), encoding="utf-8")
    return markers


def may_appear(marker: Marker, audience: str) -> bool:
    """A value may appear in an artifact for ``audience`` if its field names that audience.

    Public values may appear anywhere; the provider's own report may hold everything.
    """
    return audience == "provider" or audience in marker.audience or "public" in marker.audience
