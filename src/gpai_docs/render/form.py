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
# The items that also hold one entry per model, for a document for several models: the
# row shows one line per model ("vela-70b: 7.0 × 10¹⁰") after the document's own value.
_PER_MODEL = {
    ("properties", "total_model_size"),
    ("properties", "parameter_range"),
    ("properties", "input_modalities"),
    ("compute", "training_flop_nca"),
    ("compute", "training_flop_aio"),
}
# Fields shown in another field's row, before its value: the text as written.
_SHOWN_IN = {("properties", "size_as_written"): "total_model_size"}
_IN_ROWS = {*_SHOWN_IN, *((s, f"{i}_variants") for s, i in _PER_MODEL)}


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
        rows = _add_models(rows, field.name, seen)
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


def _model_lines(key: str, entries: Any) -> list[Labelled]:
    """One line per model of a document for several models: "vela-70b: 7.0 × 10¹⁰"."""
    lines = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, Record):
            continue
        value = entry.get("value")
        if value is None and isinstance(entry.get("modalities"), list):
            value = Entry(tuple(compact(v) for v in entry["modalities"]), sep="; ")
        if value is not None:
            lines.append(Labelled(str(entry.get("model")), value, key))
    return lines


def _add_models(rows: list[Row], section: str, seen: Any) -> list[Row]:
    """The rows with the text kept as written first and a line for each model after."""
    if not isinstance(seen, Record):
        return rows
    out: list[Row] = []
    for row in rows:
        key = row.field[-1] if row.field and not row.note else None
        if isinstance(key, str):
            before = [
                seen.get(own)
                for (part, own), to in _SHOWN_IN.items()
                if part == section and to == key
            ]
            after = (
                _model_lines(key, seen.get(f"{key}_variants"))
                if (section, key) in _PER_MODEL
                else []
            )
            before = [b for b in before if b is not None]
            if before or after:
                own = tuple(line for line in row.lines if line is not None)
                row = Row(row.label, (*before, *own, *after), row.marks, field=row.field)
        out.append(row)
    return out


def _rows(
    section: str, model: type[BaseModel], seen: Any, audience: str, *, full: bool
) -> tuple[list[Row], list[str]]:
    rows: list[Row] = []
    withheld: list[str] = []
    for field in fields_of(model):
        readers = _readers(field.audience)
        if not readers or (section, field.name) in _IN_ROWS:
            continue  # the provider's own facts, never a Form row; or shown in another
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
