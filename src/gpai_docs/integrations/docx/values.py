"""A Word cell read back into the value its field holds, by the field's declared type.

Yes/No ticks (and a qualification), choice ticks, a list (a paragraph per item), a list
of records (``entries``), a record ("Label: value" lines, or a period), or one value
(``cells.scalar``). The data is what a provider would type in the YAML; the schema then
checks it as usual.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from gpai_docs.integrations.docx.cells import (
    _LABELLED,
    _PERIOD,
    REMOVE,
    CellError,
    choices,
    period_of,
    scalar,
    special,
    unwrap,
    yes_no,
)
from gpai_docs.integrations.docx.entries import entries, split_entry
from gpai_docs.integrations.docx.text import fold, inline
from gpai_docs.models.choices import YesNo
from gpai_docs.models.walk import FieldSpec, fields_of
from gpai_docs.render import cells
from gpai_docs.render.environment import NOT_GIVEN, row_label


def _labels(model: type[BaseModel]) -> dict[str, FieldSpec]:
    out: dict[str, FieldSpec] = {}
    for spec in fields_of(model):
        for label in (row_label(spec.label), spec.label, spec.name, spec.name.replace("_", " ")):
            out.setdefault(fold(label).casefold(), spec)
    return out


def readable(spec: FieldSpec, lines: tuple[Any, ...]) -> bool:
    """Whether a cell can be read back into its field: not a record the layout words in
    sentences of its own (the 2.3 domain list's introduction)."""
    record = unwrap(spec.shape).record if not spec.shape.is_list else None
    if record is None:
        return True
    names = [s.name for s in fields_of(record)]
    worded = any(
        isinstance(line, str) or (isinstance(line, cells.Entry) and not line.keys) for line in lines
    )
    return names[:2] == ["start", "end"] or bool(shown_keys(lines)) or not worded


def shown_keys(lines: tuple[Any, ...]) -> set[str]:
    """The sub-fields a reference cell shows (its labelled lines' and entries' keys)."""
    keys: set[str] = set()
    for line in lines:
        if isinstance(line, cells.Labelled) and line.key:
            keys.add(line.key)
        elif isinstance(line, cells.Entry):
            keys.update(k for k in line.keys if k)
    return keys


def value_of(spec: FieldSpec, paragraphs: list[str], raw: Any, lines: tuple[Any, ...]) -> Any:
    """The field's new value from its cell's paragraphs: ``raw`` is what the YAML holds,
    ``lines`` the cell as the project renders it now (which sub-fields it shows)."""
    shape = spec.shape
    inner = unwrap(shape)
    texts = [p for p in paragraphs if fold(p)]
    if inner.model is YesNo or inner.base is YesNo:
        return yes_no(texts or [NOT_GIVEN])
    first = special(" ".join(texts)) if len(texts) <= 1 else None
    if inner.kind == "list" and inner.inner is not None and inner.inner.choices:
        return choices(texts, inner.inner.choices)
    if first is not None:
        return first
    if inner.kind == "list" and inner.inner is not None:
        if inner.inner.record is not None:
            return entries(inner.inner.record, texts, raw if isinstance(raw, list) else [], lines)
        lead = next(
            (e.sep for e in lines if isinstance(e, cells.Entry) and e.keys[:1] == ("",)), None
        )
        items = [t.split(lead)[0] if lead else t for t in texts]  # "name — documentation: …"
        return [scalar(inner.inner, t) for t in items]
    if inner.record is not None:
        held = raw if isinstance(raw, dict) else {}
        entry = next((e for e in lines if isinstance(e, cells.Entry) and e.keys), None)
        if entry is not None and len(texts) == 1:  # "name — contact" on one line
            parsed = split_entry(inner.record, texts[0], entry.keys, entry.sep)
            shown = {k for k in entry.keys if k}
            return {**{k: v for k, v in held.items() if k not in shown}, **parsed}
        return record(inner.record, texts, held, lines)
    own = _without_beside(spec, texts, lines)
    return scalar(shape, "\n\n".join(_unlabelled(spec, t.strip(), lines) for t in own))


def _without_beside(spec: FieldSpec, texts: list[str], lines: tuple[Any, ...]) -> list[str]:
    """The paragraphs of a one-value cell without the labelled lines that print another
    field beside it (the summary's language codes under its linguistic text): such a
    line as printed is left out; an edited one is refused, as it is not read back."""
    beside = [
        line
        for line in lines
        if isinstance(line, cells.Labelled) and line.key and line.key != spec.name
    ]
    own: list[str] = []
    for text in texts:
        line = next((b for b in beside if fold(text).startswith(fold(f"{b.label}:"))), None)
        if line is None:
            own.append(text)
        elif fold(text) != fold(inline(line)):
            raise CellError(
                f"the line '{line.label}: …' is written from the field '{line.key}' and "
                f"is not read back from Word; put it back as it was and edit '{line.key}' "
                "in the YAML"
            )
    return own


def _unlabelled(spec: FieldSpec, text: str, lines: tuple[Any, ...]) -> str:
    """A value the cell shows labelled ("Standard: RFC 9309") without its label."""
    for line in lines:
        if isinstance(line, cells.Labelled) and line.key == spec.name:
            prefix = f"{line.label}:"
            if text.startswith(prefix):
                return text[len(prefix) :].strip()
    return text


def record(
    model: type[BaseModel], texts: list[str], raw: dict[str, Any], lines: tuple[Any, ...]
) -> Any:
    """A record from "Label: value" lines (or a period, "From X to Y"). Sub-fields the
    cell did not show (other readers' fields), and lines that read as before, stay as the
    YAML holds them."""
    shown = shown_keys(lines)
    same = {
        line.key: fold(inline(line))
        for line in lines
        if isinstance(line, cells.Labelled) and line.key
    }
    names = [s.name for s in fields_of(model)]
    if names[:2] == ["start", "end"] and len(texts) == 1 and _PERIOD.match(fold(texts[0])):
        return {**raw, **period_of(model, texts[0], "start", "end")}
    labels = _labels(model)
    out: dict[str, Any] = {}
    for text in texts:
        match = _LABELLED.match(text.strip())
        spec = labels.get(fold(match.group(1)).casefold()) if match else None
        if match is None or spec is None:
            raise CellError(
                f"{fold(text)!r} names no part of this answer; write each part as "
                f"'Label: value' ({', '.join(row_label(s.label) for s in fields_of(model))})"
            )
        if spec.name in raw and same.get(spec.name) == fold(text):
            out[spec.name] = raw[spec.name]
            continue
        said = match.group(2)
        listed = unwrap(spec.shape).inner if spec.shape.is_list else None
        if listed is not None and listed.record is not None:
            raise CellError(f"the list '{match.group(1)}' cannot be edited here; edit the YAML")
        parts = [p for p in said.split("; ") if fold(p)] if listed is not None else [said]
        value = value_of(spec, parts, raw.get(spec.name), ())
        if value is not REMOVE:
            out[spec.name] = value
    kept = {k: v for k, v in raw.items() if k not in shown and k not in out}
    return {**kept, **out} if kept or out else REMOVE
