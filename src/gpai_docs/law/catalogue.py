"""The requirement catalogue, as carried in the package (see scripts/sync_catalogue.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

AUDIENCES = ("aio", "nca", "dp", "public", "internal")


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """One requirement: its id, where it comes from, its label and how sure we are of it."""

    id: str
    document: str
    section: str
    label: str
    audience: tuple[str, ...]
    allowed_values: tuple[Any, ...] | None
    required: str
    confidence: str
    derived_from: str | None = None  # the shared entry a derived id serves (derived_ids.json)


@cache
def _entries() -> dict[str, CatalogueEntry]:
    raw = json.loads(
        resources.files("gpai_docs").joinpath("data/catalogue.json").read_text(encoding="utf-8")
    )
    out: dict[str, CatalogueEntry] = {}
    for cid, item in raw["entries"].items():
        values = item["allowed_values"]
        out[cid] = CatalogueEntry(
            id=cid,
            document=item["document"],
            section=item["section"],
            label=item["label"],
            audience=tuple(a.lower() for a in item["audience"]),
            allowed_values=tuple(values) if values is not None else None,
            required=item["required"],
            confidence=item["confidence"],
        )
    return out


@cache
def derived_entries() -> dict[str, CatalogueEntry]:
    """Ids the shared catalogue lacks, each derived from the entry it serves (derived_ids.json).

    A derived entry takes its parent's document, section, audience, requirement and
    confidence; only its id and label are its own, and its requirement when it says one
    (``"required": "optional"``: a text the parent's row may hold, never asked for).
    """
    raw = json.loads(
        resources.files("gpai_docs").joinpath("data/derived_ids.json").read_text(encoding="utf-8")
    )
    parents = _entries()
    out: dict[str, CatalogueEntry] = {}
    for cid, item in raw["derived"].items():
        parent = parents[item["from"]]
        out[cid] = CatalogueEntry(
            id=cid,
            document=parent.document,
            section=parent.section,
            label=item["label"],
            audience=parent.audience,
            allowed_values=None,
            required=item.get("required", parent.required),
            confidence=parent.confidence,
            derived_from=parent.id,
        )
    return out


def entry(catalogue_id: str) -> CatalogueEntry:
    """Return the catalogue entry for an id; unknown ids are a bug in gpai-docs."""
    try:
        return _entries().get(catalogue_id) or derived_entries()[catalogue_id]
    except KeyError:
        raise KeyError(
            f"catalogue id {catalogue_id!r} is not in the requirement catalogue"
        ) from None


def all_entries() -> dict[str, CatalogueEntry]:
    """Every entry of the shared catalogue, keyed by id (the derived ones apart)."""
    return dict(_entries())
