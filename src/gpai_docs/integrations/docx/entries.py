"""A list of records read back from its paragraphs, one entry each ("name — link — …").

An entry that reads as the project renders one of its items now is that item, unchanged
(with the fields this reader was not shown). An edited or new entry is split at its
separator, and each part goes to the sub-field ``Entry.keys`` names for it: in order,
a part going to the first field that takes it by its form (a link, a period "From … to
…", one of a field's choices, "Label: value"), else to the next free-text field. An
edited entry keeps the fields the cell does not show of the item with the same name.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import BaseModel

from gpai_docs.integrations.docx.cells import (
    _DMY,
    _LABELLED,
    _PERIOD,
    REMOVE,
    CellError,
    is_url,
    period_of,
    scalar,
    unwrap,
)
from gpai_docs.integrations.docx.text import fold, inline, untypeset
from gpai_docs.models.choices import _fold
from gpai_docs.models.walk import FieldSpec, fields_of
from gpai_docs.render import cells
from gpai_docs.render.environment import NOT_GIVEN, row_label

_HELD = "\x00"
_OPEN_END = re.compile(rf"From {NOT_GIVEN} to|From .+? to {NOT_GIVEN}(?= {NOT_GIVEN} |$)")
_AMOUNT = re.compile(r"^[-+]?\d[\d.,]*(?:\s*[×x*]\s*10\^?[-+]?\d+)?\s+\S.*$")
# A version as datasets give it ("v1.2.0", "2024-06", "CC-MAIN-2024-10"): one word with a
# digit. Any other text is a description, never taken for a version.
_VERSION = re.compile(r"^(?=\S*\d)[\w.+\-]{1,40}$")
_GROUP = "group"


def _names(key: str) -> list[str]:
    return [n for n in re.split(r"[| ]", key) if n]


def _labelled_as(spec: FieldSpec, part: str) -> str | None:
    """The part without its label, when it is labelled as this field."""
    match = _LABELLED.match(part.strip())
    if match is None:
        return None
    label = fold(match.group(1)).casefold()
    forms = {fold(f).casefold() for f in (row_label(spec.label), spec.label, spec.name)}
    forms.add(spec.name.replace("_", " "))
    forms.add(fold(row_label(spec.label)).split(",")[0].casefold())
    return match.group(2).strip() if label in forms else None


def _strict(key: str, part: str, by_name: dict[str, FieldSpec]) -> bool:
    """Whether the part has the form only this field takes."""
    if "|" in key:
        return bool(_PERIOD.match(fold(part)))
    if " " in key:
        return bool(_AMOUNT.match(fold(untypeset(part))))
    spec = by_name.get(key)
    if spec is None:
        return False
    if _labelled_as(spec, part) is not None:
        return True
    inner = unwrap(spec.shape)
    if inner.choices:
        return _fold(part) in {_fold(c) for c in inner.choices}
    if key == "version":
        return bool(_VERSION.match(fold(part)))
    if "url" in key or "link" in key:
        return is_url(part)
    if inner.base is dt.date:
        return bool(_DMY.match(fold(part)))
    return False


def _free(key: str, by_name: dict[str, FieldSpec]) -> bool:
    spec = by_name.get(key)
    if spec is None or "|" in key or " " in key:
        return False
    inner = unwrap(spec.shape)
    return not inner.choices and key != "version" and "url" not in key and "link" not in key


def _assign(
    model: type[BaseModel], key: str, part: str, by_name: dict[str, FieldSpec]
) -> dict[str, Any]:
    if fold(part) == NOT_GIVEN:
        return {}
    if "|" in key:
        start, end = _names(key)
        return period_of(model, part, start, end)
    if " " in key:
        value, unit = untypeset(fold(part)).rsplit(" ", 1)
        first, second = _names(key)
        return {first: value, second: unit}
    spec = by_name[key]
    text = _labelled_as(spec, part)
    return {key: scalar(spec.shape, text if text is not None else part)}


def split_entry(
    model: type[BaseModel], text: str, keys: tuple[str | None, ...], sep: str
) -> dict[str, Any]:
    """One entry's parts as its sub-fields (see the module's description)."""
    by_name = {s.name: s for s in fields_of(model)}
    # A period not given at one end prints its dash ("From 01/2019 to —"): kept whole.
    held = _OPEN_END.sub(lambda m: m.group(0).replace(NOT_GIVEN, _HELD), fold(text))
    pieces = re.split(rf"\s*{re.escape(sep.strip())}\s*", held)
    parts = [p.replace(_HELD, NOT_GIVEN) for p in pieces if p]
    named = [k or "" for k in keys]
    out: dict[str, Any] = {}
    at = 0
    for index, part in enumerate(parts):
        target = 0 if index == 0 else None
        if target is None:
            ahead = range(at, len(named))
            target = next((k for k in ahead if named[k] and _strict(named[k], part, by_name)), None)
        if target is None:
            target = next((k for k in range(at, len(named)) if _free(named[k], by_name)), None)
        if target is None:
            order = " — ".join(k.replace("|", " to ") for k in named if k)
            raise CellError(f"{part!r} does not fit this entry; write it as {order}")
        out.update(_assign(model, named[target], part, by_name))
        at = target + 1
    return out


def default_keys(model: type[BaseModel]) -> tuple[str, ...]:
    """An entry's parts when the cell shows none yet (the list was N/A or empty): the
    record's fields in order, a ``x_start``/``x_end`` pair as one period."""
    names = [s.name for s in fields_of(model)]
    keys: list[str] = []
    for name in names:
        if name.endswith("_end") and keys and keys[-1] == name.removesuffix("_end") + "_start":
            keys[-1] += f"|{name}"
        else:
            keys.append(name)
    return tuple(keys)


def by_name(model: type[BaseModel]) -> set[str]:
    return {s.name for s in fields_of(model)}


def labelled_item(model: type[BaseModel], text: str, like: cells.Labelled) -> dict[str, Any]:
    """ "Text: 16,384 tokens": the label one sub-field (a modality, or an other modality's
    name), the value another, as ``like`` (a line of the cell) shows them."""
    match = _LABELLED.match(fold(text))
    if match is None or not like.key:
        raise CellError(f"{fold(text)!r} is not 'Label: value'; write it as '{like.label}: …'")
    specs = {s.name: s for s in fields_of(model)}
    label, value = match.group(1).strip(), match.group(2).strip()
    out: dict[str, Any] = {like.key: scalar(specs[like.key].shape, value)}
    choices = unwrap(specs["modality"].shape).choices if "modality" in specs else ()
    folded = {_fold(c): c for c in choices}
    if _fold(label) in folded or "other_name" not in specs:
        out["modality"] = folded.get(_fold(label), label)
    else:
        out.update(modality=folded.get(_fold("Other"), "Other"), other_name=label)
    return out


def _grouped(model: type[BaseModel], text: str, keys: tuple[str | None, ...], sep: str) -> Any:
    """An entry perhaps under a sub-heading ("English: FineWeb-Edu — v1.2.0 — …"), and a
    dataset given by its address only (its link, shown once as its name)."""
    group = None
    match = _LABELLED.match(fold(text))
    names = by_name(model)
    if _GROUP in names and match and sep.strip() not in match.group(1):
        group, text = fold(match.group(1)), match.group(2)
    parsed = split_entry(model, text, keys, sep)
    if "link" in names and "link" not in parsed and is_url(str(parsed.get("name", ""))):
        parsed["link"] = parsed.pop("name")
    order = [_GROUP, *(n for k in keys if k for n in _names(k))]  # as the YAML lists them
    if group:
        parsed[_GROUP] = group
    return {
        k: parsed[k]
        for k in sorted(parsed, key=lambda k: order.index(k) if k in order else len(order))
    }


def _same_item(item: Any, parsed: dict[str, Any], first: str | None) -> bool:
    if not isinstance(item, dict) or not first:
        return False
    if parsed.get(first) is not None:
        return bool(item.get(first) == parsed.get(first))
    link = parsed.get("link")  # a dataset given by its address only
    return link is not None and item.get(first) is None and item.get("link") == link


def entries(
    model: type[BaseModel], texts: list[str], raw: list[Any], lines: tuple[Any, ...]
) -> Any:
    """The list's items from its paragraphs (``raw``: the YAML's items, ``lines``: the
    cell as rendered now, one line per item shown)."""
    under = [
        line.value
        for line in lines
        if isinstance(line, cells.Labelled) and line.label_key == _GROUP
    ]
    shown = [line for line in lines if isinstance(line, cells.Entry)] + under
    labelled = [
        line
        for line in lines
        if isinstance(line, cells.Labelled) and line.label_key and line.label_key != _GROUP
    ]
    keys = next((e.keys for e in shown if e.keys), ()) or default_keys(model)
    sep = shown[0].sep if shown else " — "
    same = {fold(inline(line)): i for i, line in enumerate(lines)}
    aligned = len(lines) == len(raw)
    visible = {n for k in keys if k for n in _names(k)} | ({_GROUP} & by_name(model))
    first = _names(keys[0] or "")[0] if keys and keys[0] else None
    if labelled:
        key, named = labelled[0].key or "", labelled[0].label_key or ""
        visible, first = {key, named, "modality", "other_name"} & by_name(model), named
    out: list[Any] = []
    for text in texts:
        index = same.get(fold(text))
        if index is not None and aligned:
            out.append(raw[index])
            continue
        parsed = (
            labelled_item(model, text, labelled[0])
            if labelled
            else _grouped(model, text, keys, sep)
        )
        old: dict[str, Any] = next((i for i in raw if _same_item(i, parsed, first)), {})
        kept = {k: v for k, v in old.items() if k not in visible}
        merged = {k: parsed.get(k, kept.get(k)) for k in old if k in parsed or k in kept}
        out.append({**merged, **{k: v for k, v in parsed.items() if k not in merged}})
    return out or REMOVE
