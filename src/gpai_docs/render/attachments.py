"""The files each PDF embeds: its projection as JSON, the model links, the source documents."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from gpai_docs.models.answers import NotApplicable, ToBeProvided
from gpai_docs.models.choices import YesNo
from gpai_docs.models.dates import AmbiguousDate, MonthYear
from gpai_docs.models.numbers import Quantity
from gpai_docs.models.written_months import WrittenMonth
from gpai_docs.models.written_sizes import WrittenMeasure, WrittenSize
from gpai_docs.render.artifacts import ArtifactSpec
from gpai_docs.render.audience import Record
from gpai_docs.render.cover import get_path, names_of
from gpai_docs.validate.pipeline import ValidationResult


def to_jsonable(value: Any) -> Any:
    """The projection as plain JSON data, for the attachment of each artifact."""
    if isinstance(value, Record):
        return {key: to_jsonable(value[key]) for key in value}
    if isinstance(value, list):
        return [to_jsonable(v) for v in value]
    if isinstance(value, NotApplicable | ToBeProvided | YesNo):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(
        value, Quantity | MonthYear | AmbiguousDate | WrittenMonth | WrittenSize | WrittenMeasure
    ):
        return str(value)
    return value


def source_attachment(spec: ArtifactSpec, view: Record) -> tuple[str, bytes, str]:
    data = json.dumps(to_jsonable(view), indent=2, ensure_ascii=False) + "\n"
    return (
        f"{spec.stem}.source.json",
        data.encode("utf-8"),
        f"The source document as the {spec.audience_name} audience sees it",
    )


def links_attachment(spec: ArtifactSpec, view: Any, link: str) -> tuple[str, bytes, str]:
    """What the summary shows from another document: the public documentation link."""
    names = names_of(get_path(view, "section_1", "versioned_model_names"))
    data = {"documentation": dict.fromkeys(names, link)}
    return (
        f"{spec.stem}.links.json",
        (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
        "The documentation link shown beside each versioned model name (from the public "
        "part of the model documentation)",
    )


def raw_sources(result: ValidationResult) -> tuple[tuple[str, bytes, str], ...]:
    """The source documents as they were validated: the bytes read then, not the file now."""
    out = []
    for doc in result.project.documents.values():
        if doc.loaded is None or doc.loaded.raw is None:
            continue
        name = doc.path.name if doc.path is not None else Path(doc.loaded.file).name
        out.append((name, doc.loaded.raw, f"Source document {name}"))
    return tuple(out)
