"""The model documentation in the layout of the Code's Model Documentation Form.

One table per Form section, one row per item, with the AIO, NCA and DP columns ticked as
the fields' ``x-audience`` marks them. The rows come from the model's fields (so every
row of the Form is known, whoever reads), their values only from the reader's
projection: a row the reader may not see is said to be withheld and carries no value.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from gpai_docs.models.model_documentation import ModelDocumentation
from gpai_docs.models.walk import FieldSpec, fields_of
from gpai_docs.render.audience import Record
from gpai_docs.render.cells import Block, Entry, Labelled, Part, Row
from gpai_docs.render.environment import row_label

FORM_AUDIENCES = ("aio", "nca", "dp")
AUDIENCE_COLUMNS = ("AIO", "NCA", "DP")
FORM_COLUMNS = ("Item", "Information", *AUDIENCE_COLUMNS)
READERS = {
    "aio": "the AI Office",
    "nca": "national competent authorities",
    "dp": "downstream providers",
}

# The Form's units in its row labels (requirements §4.2, §4.7, §4.8).
LABELS = {
    "MDF.properties.total_model_size": "Total model size (parameters)",
    "MDF.properties.parameter_range": "Total model size (range of parameters)",
    "MDF.compute.training_time.nca": "Training time (range)",
    "MDF.compute.training_time.aio": "Training time (days)",
    "MDF.compute.training_flop.nca": "Amount of computation used for training "
    "(FLOP, order of magnitude)",
    "MDF.compute.training_flop.aio": "Amount of computation used for training (FLOP)",
    "MDF.energy.training": "Amount of energy used for training (MWh)",
    "MDF.energy.inference_compute": "Benchmarked amount of computation used for inference (FLOP)",
}
_QUANTITY = ("value unit", "modality")  # "256,000 tokens — Text": value and unit, modality
_SKIPPED = ("document",)  # the version block at the top, not a Form section


def _readers(audience: tuple[str, ...] | None) -> tuple[str, ...]:
    return tuple(a for a in FORM_AUDIENCES if audience and a in audience)


def label(field: FieldSpec) -> str:
    return LABELS.get(field.catalogue_id or "") or row_label(field.title or field.name)


def compact(value: Any) -> Any:
    """A record inside a list as one line: "Text: 256,000 tokens", "1.4 × 10¹³ tokens"."""
    if not isinstance(value, Record):
        return value
    keys = set(value)
    if {"value", "unit"} <= keys:
        modality = value.get("modality")
        return Entry((f"{value['value'].text} {value['unit']}", modality), keys=_QUANTITY)
    if {"modality", "max_size"} <= keys:
        named = "other_name" if value.get("other_name") else "modality"
        return Labelled(str(value[named]), value["max_size"], "max_size", named)
    given = [item for item in value.entries() if item.value is not None and item.value != []]
    return Entry(
        tuple(Labelled(row_label(item.title), item.value, item.key) for item in given),
        keys=tuple(item.key for item in given),
    )


def cell_lines(value: Any) -> tuple[Any, ...]:
    """A projected value as the lines of its cell."""
    if isinstance(value, Record):
        return tuple(
            Labelled(row_label(item.title), compact_list(item.value), item.key)
            for item in value.entries()
            if item.value is not None and item.value != []
        ) or (None,)
    if isinstance(value, list) and value:
        return tuple(compact(v) for v in value)
    return (value,)


def compact_list(value: Any) -> Any:
    if isinstance(value, list) and value and not isinstance(value[0], Record):
        return "; ".join(str(v) for v in value)
    return value


def _withheld(readers: tuple[str, ...]) -> str:
    names = " and ".join(READERS[r] for r in readers)
    return f"Not in this version: given to {names} only."


def form_parts(view: Record, audience: str) -> list[Part]:
    """The Form's sections as ``audience`` reads them: its rows filled, the others noted."""
    parts: list[Part] = []
    for field in fields_of(ModelDocumentation):
        section_model = field.shape.record
        if field.name in _SKIPPED or section_model is None:
            continue
        seen = view.get(field.name)
        number = field.section or ""
        title = field.title or field.name
        if number and title.startswith(number):
            title = title[len(number) :].strip()
        if not number and seen is None:
            continue  # not a Form section, and nothing of it for this reader
        rows, withheld = _rows(field.name, section_model, seen, audience, full=audience == "aio")
        if not rows and not withheld:
            continue
        block = Block("form", rows=rows, columns=FORM_COLUMNS, css="form")
        if withheld:
            block.note = (
                "Withheld from this version (the Form gives these items to other readers): "
                + "; ".join(withheld)
                + "."
            )
        parts.append(Part(number, title, 1, [block]))
    return parts


def _rows(
    section: str, model: type[BaseModel], seen: Any, audience: str, *, full: bool
) -> tuple[list[Row], list[str]]:
    rows: list[Row] = []
    withheld: list[str] = []
    for field in fields_of(model):
        readers = _readers(field.audience)
        if not readers:
            continue  # the provider's own facts, never a Form row
        marks = tuple(a in readers for a in FORM_AUDIENCES)
        text = label(field)
        if audience in readers:
            value = seen.get(field.name) if isinstance(seen, Record) else None
            rows.append(Row(text, cell_lines(value), marks, field=(section, field.name)))
        elif full:
            rows.append(Row(text, (), marks, note=_withheld(readers), field=(section, field.name)))
        else:
            withheld.append(text)
    return rows, withheld
