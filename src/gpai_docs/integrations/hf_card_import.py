"""Pre-fill a new project from a Hugging Face model card, offline, from the README.md alone.

The project starts as `gpai-docs init`'s scaffold (every answer to be provided, each field
commented) and takes from the card only what the card states: model name, licence, base
models, task modalities, languages and datasets, written into the scaffold's own lines
(``scaffold_fill``) so that its comments survive. Each file is read back with gpai-docs'
own YAML 1.2 loader before it is written: a model name holding a line break, ``: ``,
``#`` or ``---`` stays one value and adds no key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gpai_docs.errors import UserError
from gpai_docs.fileio import write_user_file
from gpai_docs.integrations import hub_vocabulary as hub
from gpai_docs.integrations.front_matter import read_card
from gpai_docs.integrations.hf_card import parse_card
from gpai_docs.integrations.scaffold_fill import fill_scaffold, read_back
from gpai_docs.load.project import SUFFIXES
from gpai_docs.models.json_schema import json_schemas
from gpai_docs.models.kinds import KINDS
from gpai_docs.scaffold.documents import scaffold
from gpai_docs.scaffold.project import SCHEMA_FOLDER, schema_references

TBP = {"to_be_provided": True}
Patch = dict[str, dict[tuple[str, ...], Any]]


@dataclass(frozen=True)
class ImportResult:
    written: tuple[Path, ...]
    filled: tuple[str, ...]  # dotted paths taken from the card


def _list(value: Any) -> list[str]:
    """The text entries of a card key: a lone text, or the texts of a list.

    Other shapes (`[[x]]`, a mapping, numbers) name nothing the documents can take.
    """
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def card_model_name(metadata: dict[str, Any], body: str) -> str | None:
    """The card's model name: ``model_name``, the model-index name, or the first heading."""
    for candidate in (metadata.get("model_name"), _index_name(metadata)):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip()
    return first_heading(body)


def first_heading(body: str) -> str | None:
    """The text of the first ATX level-one heading (``# Title``, ``# Title #``).

    With string methods, each line looked at once: the regular expression this replaces
    backtracked quadratically on a long heading ending in blanks or ``#``.
    """
    for line in body.split("\n"):
        if not line.startswith("#") or line[1:2] not in (" ", "\t"):
            continue
        text = line[1:].strip(" \t\r")
        closed = text.rstrip("#")  # a closing run of `#` counts after a blank only
        if not closed or closed[-1] in " \t":
            text = closed.rstrip(" \t")
        if text:
            return text
    return None


def _index_name(metadata: dict[str, Any]) -> Any:
    index = metadata.get("model-index")
    return (
        index[0].get("name")
        if isinstance(index, list) and index and isinstance(index[0], dict)
        else None
    )


def card_patches(metadata: dict[str, Any]) -> Patch:
    """What the card states, as document -> field path -> value."""
    md: dict[tuple[str, ...], Any] = {}
    tds: dict[tuple[str, ...], Any] = {}
    bases = [i for b in _list(metadata.get("base_model")) if (i := hub.repo_id(b))]
    if bases:
        md["general", "model_dependencies"] = [{"name": b} for b in bases]
        tds["section_1", "model_dependencies"] = [{"name": b} for b in bases]
        # A model built on another is a modification: the guidelines' compute test applies.
        md["modification",] = {
            "modification_flop": dict(TBP),
            "base_model_flop": dict(TBP),
            "base_model_systemic_risk": False,
        }
    license_id = metadata.get("license")
    link = metadata.get("license_link")
    if isinstance(link, str) and link.strip():
        md["distribution", "license_link"] = link.strip()
    elif isinstance(license_id, str) and license_id not in ("other", "unknown"):
        md["distribution", "license_link"] = hub.LICENSE_URLS.get(license_id, license_id)
    tag = metadata.get("pipeline_tag")
    pair = hub.pipeline_modalities(tag) if isinstance(tag, str) else None
    if pair is not None:
        for key, names in zip(("input_modalities", "output_modalities"), pair, strict=True):
            md["properties", key] = [{"modality": n, "max_size": dict(TBP)} for n in names]
    codes = list(dict.fromkeys(c.lower() for c in _list(metadata.get("language"))))
    languages = hub.language_text(codes)
    if languages:
        tds["section_1", "linguistic"] = languages
        tds["section_1", "languages"] = [c for c in codes if c in hub.LANGUAGES]
    datasets = [i for d in _list(metadata.get("datasets")) if (i := hub.repo_id(d))]
    if datasets:
        # Datasets on the Hub are not all public, and the card gives no modalities: the
        # answer stays open, with the card's list ready below it.
        tds["section_2", "public_datasets", "used"] = {
            "to_be_provided": "The model card names these datasets: confirm they are publicly "
            "available and give their modalities."
        }
        tds["section_2", "public_datasets", "large_datasets"] = [
            {"name": d, "link": hub.dataset_url(d)} for d in datasets
        ]
    return {"model-documentation": md, "training-data-summary": tds}


def _check_identity(files: dict[str, str], name: str) -> None:
    """Each document reads back with the model name as given, and nothing else beside it."""
    for relative, text in files.items():
        if not relative.endswith(".yaml"):
            continue
        data = read_back(text)
        if not isinstance(data, dict) or name not in _texts(data):
            raise UserError(
                f"The model name {name!r} cannot be written into {relative} faithfully.",
                hint="Pass a simpler --model-name.",
            )


def _texts(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [t for v in data.values() for t in _texts(v)]
    if isinstance(data, list):
        return [t for v in data for t in _texts(v)]
    return [data] if isinstance(data, str) else []


def import_card(card_path: Path, out: Path, *, model_name: str | None = None) -> ImportResult:
    """Write a new project into ``out`` pre-filled from the card at ``card_path``."""
    card = parse_card(read_card(card_path))
    name = model_name or card_model_name(card.metadata, card.body)
    if not name:
        raise UserError(
            f"{card_path} names no model (no model_name, model-index or heading).",
            hint="Pass --model-name.",
        )
    if any(0xD800 <= ord(c) <= 0xDFFF for c in name):
        raise UserError(  # undecodable bytes in --model-name: no UTF-8 file can hold them
            "The model name is not valid text.", hint="Pass --model-name in UTF-8."
        )
    clashes = [
        out / f"{k.stem}{s}" for k in KINDS for s in SUFFIXES if (out / f"{k.stem}{s}").exists()
    ]
    if clashes:
        raise UserError(
            f"{out} already holds {', '.join(p.name for p in clashes)}; nothing was written.",
            hint="Import into a new folder.",
        )
    refs, write_schemas = schema_references(out)
    files = dict(scaffold(refs, model_name=name).files)
    patches = card_patches(card.metadata)
    for stem, fields in patches.items():
        files[f"{stem}.yaml"] = fill_scaffold(files[f"{stem}.yaml"], fields)
    _check_identity(files, name)
    if write_schemas:
        files.update({f"{SCHEMA_FOLDER}/{n}": t for n, t in json_schemas().items()})
    written = []
    for relative, content in files.items():
        target = out / relative
        write_user_file(target, content)
        written.append(target)
    filled = tuple(".".join(p) for fields in patches.values() for p in fields)
    return ImportResult(tuple(written), ("general.model_name.name", *filled))
