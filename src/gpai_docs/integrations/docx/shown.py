"""Rows that show more than their own field, read back field by field.

Some rows of the layout show other fields beside the row's own (``render.form``,
``render.summary``, ``render.summary_sources``):

- the Form's per-model items: the size as written first ("70 billion and 8 billion
  parameters respectively", ``properties.size_as_written``), then the document's own
  value, then one line per model ("halcyon-3-70b: 7.0 × 10¹⁰", ``<item>_variants``);
- the summary's 2.1 list between the summary's own text before and after it
  (``intro``, ``outro``);
- a line labelled as a sibling field after the row's own text ("Languages (ISO 639-1
  codes): nb (Norwegian Bokmål), …", ``section_1.languages``).

Each paragraph of the edited cell goes to the field the row shows it for, by its form as
the row prints it: a model's line starts with a model's name, the size as written is the
text that is no number, the text before the list is its first paragraph (a sentence, not
an entry). The row's own paragraphs are then read as usual; the other fields' values are
edits of their own. A cell whose paragraphs cannot be told apart is refused
(:class:`RowRefused`, with how to write it), never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from gpai_docs.integrations.docx.apply import Edit, get_in
from gpai_docs.integrations.docx.cells import _LABELLED, REMOVE, CellError, scalar, special
from gpai_docs.integrations.docx.entries import labelled_item
from gpai_docs.integrations.docx.text import fold, inline, untypeset
from gpai_docs.models.walk import FieldSpec, field_at, fields_of
from gpai_docs.render import cells
from gpai_docs.render.environment import NA_MARK
from gpai_docs.render.form import _PER_MODEL, _SHOWN_IN

JsonPath = tuple[str | int, ...]
_AS_WRITTEN = {(part, to): own for (part, own), to in _SHOWN_IN.items()}
_NUMBER = re.compile(
    r"^(?:about|approximately|~|≈)?\s*[\d.,\u00a0\u202f ]+"
    r"(?:\s*[×x*]\s*10\^?[-+]?\d+|[eE][-+]?\d+)?\s*[BMKT]?$"
)
_SEP = " — "
_CODE_NAME = re.compile(r"^(\S+)\s*\([^)]*\)$")  # "nb (Norwegian Bokmål)": the code


class RowRefused(Exception):
    """A cell whose paragraphs cannot be told apart: what to write instead."""


@dataclass
class Split:
    """A cell divided between the row's own field and the fields shown beside it."""

    own: list[str]  # the paragraphs of the row's own field
    lines: tuple[Any, ...]  # the own field's lines as the project renders them now
    edits: list[Edit] = field(default_factory=list)  # the other fields' changed values


def split(
    model: type[BaseModel],
    path: JsonPath,
    lines: tuple[Any, ...],
    paragraphs: list[str],
    data: dict[str, Any],
) -> Split | None:
    """The cell of the row for ``path`` divided by field; None when the row shows its own
    field only (``data``: the YAML as it is, ``lines``: the row as rendered now)."""
    if len(path) < 1 or not isinstance(path[-1], str):
        return None
    held = get_in(data, path[:-1]) if len(path) > 1 else data
    held = held if isinstance(held, dict) else {}
    node = field_at(model, path[:-1]) if len(path) > 1 else None
    parent = node.field.shape.record if node is not None else model
    if parent is None:
        return None
    texts = [p.strip() for p in paragraphs if fold(p)]  # matched folded, kept as typed
    key = path[-1]
    names = {s.name for s in fields_of(parent)}
    if len(path) == 2 and (path[0], key) in _PER_MODEL:
        return _per_model(parent, path, lines, texts, held)
    own = next((s for s in fields_of(parent) if s.name == key), None)
    listed = own is not None and own.shape.is_list and own.shape.record is not None
    if {"intro", "outro"} <= names and listed:
        return _around(path, lines, texts, held)
    return _siblings(parent, path, lines, texts, held)


# --- the Form's items for several models ---------------------------------------------------


def _variant_line(text: str, key: str, models: set[str]) -> tuple[str, str] | None:
    """A model's line, "halcyon-3-70b: 7.0 × 10¹⁰", as (model, value)."""
    match = _LABELLED.match(text)
    if match is None:
        return None
    name, value = fold(match.group(1)), fold(match.group(2))
    if name in models:
        return name, value
    if name.upper() == NA_MARK or special(text) is not None:
        return None
    if key == "input_modalities":  # own lines are "Text: 131,072 tokens"; a model's, more
        return (name, value) if _LABELLED.match(value) else None
    return name, value  # a number is never labelled: a new model's line


def _variant_value(item: type[BaseModel], key: str, text: str) -> dict[str, Any]:
    specs = {s.name: s for s in fields_of(item)}
    if "modalities" in specs:
        record = specs["modalities"].shape.record
        if record is None:
            raise CellError("the model's input modalities cannot be read here; edit the YAML")
        like = cells.Labelled("", "", "max_size", "modality")
        parts = [p for p in re.split(r"\s*;\s*", text) if p]
        order = [s.name for s in fields_of(record)]  # the sub-fields as the YAML lists them
        items = [labelled_item(record, p, like) for p in parts]
        return {"modalities": [{k: i[k] for k in order if k in i} for i in items]}
    return {"value": scalar(specs["value"].shape, text)}


def _item_model(parent: type[BaseModel], name: str) -> type[BaseModel] | None:
    spec = next((s for s in fields_of(parent) if s.name == name), None)
    return spec.shape.record if spec is not None else None


def _per_model(
    parent: type[BaseModel],
    path: JsonPath,
    lines: tuple[Any, ...],
    texts: list[str],
    held: dict[str, Any],
) -> Split | None:
    section, key = str(path[0]), str(path[1])
    variants, written_key = f"{key}_variants", _AS_WRITTEN.get((section, key))
    listed = [v for v in held.get(variants) or [] if isinstance(v, dict)]
    written = held.get(written_key) if written_key else None
    item = _item_model(parent, variants)
    if not listed and written is None:
        # A document for one model: the row is its own value only. A model's line typed
        # in is not one of its forms: each model's value is kept in `<item>_variants`.
        if item is not None and any(_variant_line(t, key, set()) for t in texts):
            raise RowRefused(
                "the document gives one value for all its models, so a model's line "
                f"('model: value') is not read here; add each model's under "
                f"`{variants}:` in the YAML, then edit them in Word"
            )
        return None
    models = {str(v.get("model")) for v in listed}
    shown = {
        fold(inline(line)): line
        for line in lines
        if isinstance(line, cells.Labelled) and line.key == key and line.label in models
    }
    own_lines = tuple(line for line in lines if fold(inline(line)) not in shown and line != written)
    own, said, per_model = [], [], []
    for text in texts:
        found = _variant_line(text, key, models) if item is not None else None
        if found is not None:
            per_model.append((text, *found))
        elif per_model:
            raise RowRefused(
                f"{fold(text)!r} comes after the models' lines ('model: value'); write the "
                "document's own value first, then one line per model"
            )
        elif written_key and not _own_form(text, own_lines):
            said.append(text)
        else:
            own.append(text)
    out = Split(own, own_lines)
    if written_key:
        new = "\n\n".join(said) if said else REMOVE
        if new != (written if written is not None else REMOVE):
            out.edits.append(((section, written_key), new))
    if item is not None:
        entries = _entries(item, key, per_model, listed, shown)
        if entries != listed:
            out.edits.append(((section, variants), entries or REMOVE))
    return out


def _own_form(text: str, own_lines: tuple[Any, ...]) -> bool:
    """Whether a paragraph is the item's own value: as shown, N/A, or a number."""
    if fold(text) in {fold(inline(line)) for line in own_lines if line is not None}:
        return True
    return special(text) is not None or bool(_NUMBER.match(untypeset(fold(text))))


def _entries(
    item: type[BaseModel],
    key: str,
    lines: list[tuple[str, str, str]],
    listed: list[dict[str, Any]],
    shown: dict[str, Any],
) -> list[dict[str, Any]]:
    by_model = {str(v.get("model")): v for v in listed}
    out: list[dict[str, Any]] = []
    for text, name, value in lines:
        old = by_model.get(name, {})
        if fold(text) in shown and old:
            out.append(old)
            continue
        out.append({**old, "model": name, **_variant_value(item, key, value)})
    return out


# --- the 2.1 list between the summary's own texts ------------------------------------------


def _sentence(text: str) -> bool:
    """A paragraph that reads as the summary's own text, not a dataset's entry."""
    return _SEP.strip() not in text and text.rstrip().endswith((".", ":")) and " " in text


def _edge(text: str | None, was: Any, forms: set[str], many: bool, where: str) -> Any:
    """The text before (or after) the list from the cell's first (or last) paragraph:
    REMOVE when that paragraph is a dataset's entry or there is none."""
    if text is None or fold(text) in forms:
        return REMOVE
    if isinstance(was, str) and fold(was) == fold(text):
        return was
    if _SEP.strip() in text:
        if was is None:
            return REMOVE  # an entry: the list has no text of its own there
        raise RowRefused(
            f"{fold(text)!r} is read as the text {where} the list, but it is written like a "
            "dataset ('name — link — …'); keep that text as its own paragraph "
            f"{where} the datasets, or clear it"
        )
    return text if was is not None or (many and _sentence(text)) else REMOVE


def _around(
    path: JsonPath, lines: tuple[Any, ...], texts: list[str], held: dict[str, Any]
) -> Split:
    intro, outro = held.get("intro"), held.get("outro")
    listed = tuple(
        line for line in lines if not isinstance(line, str) or line not in (intro, outro)
    )
    forms = {fold(inline(line)) for line in listed}
    out = Split(list(texts), listed)
    parent = tuple(path[:-1])
    for name, at, where in (("intro", 0, "before"), ("outro", -1, "after")):
        was = held.get(name)
        text = out.own[at] if out.own else None
        new = _edge(text, was, forms, len(out.own) > 1, where)
        if new is not REMOVE:
            out.own.pop(at)
        if new != (was if was is not None else REMOVE):
            out.edits.append(((*parent, name), new))
    return out


# --- a sibling field's labelled line ---------------------------------------------------------


def _siblings(
    parent: type[BaseModel],
    path: JsonPath,
    lines: tuple[Any, ...],
    texts: list[str],
    held: dict[str, Any],
) -> Split | None:
    specs = {s.name: s for s in fields_of(parent)}
    own = specs.get(str(path[-1]))
    if own is None or own.shape.record is not None:
        return None  # a record's labelled lines are its own sub-fields
    others = [
        line
        for line in lines
        if isinstance(line, cells.Labelled)
        and line.key in specs
        and line.key != path[-1]
        and line.label_key is None
    ]
    if not others:
        return None
    out = Split([], tuple(line for line in lines if line not in others))
    said: dict[str, str] = {}
    for text in texts:
        line = next((o for o in others if fold(text).startswith(f"{fold(o.label)}:")), None)
        if line is None:
            out.own.append(text)
        else:
            said[str(line.key)] = text
    for line in others:
        name = str(line.key)
        given = said.get(name)
        if given is not None and fold(given) == fold(inline(line)):
            continue
        value = REMOVE if given is None else _sibling_value(specs[name], given, line)
        if value != held.get(name, REMOVE):
            out.edits.append(((*path[:-1], name), value))
    return out


def _sibling_value(spec: FieldSpec, text: str, line: cells.Labelled) -> Any:
    said = fold(text)[len(fold(line.label)) + 1 :].strip()
    if special(said) is not None:
        return special(said)
    if spec.shape.is_list:  # "nb (Norwegian Bokmål), sv (Swedish)": the codes as written
        items = [fold(i) for i in said.split(",") if fold(i)]
        return [m.group(1) if (m := _CODE_NAME.match(i)) else i for i in items]
    return scalar(spec.shape, said)
