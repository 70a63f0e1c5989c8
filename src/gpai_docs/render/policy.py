"""The copyright policy by the Copyright chapter's Measures 1.1 to 1.5.

Each row sets a commitment of the Code (its catalogue wording) beside the provider's
implementation. The public summary is the same layout cut to the public projection, so
the two read alike and the summary shows only what the Code asks to make public.
"""

from __future__ import annotations

from typing import Any

from gpai_docs.law.catalogue import entry
from gpai_docs.render.audience import Item, Record
from gpai_docs.render.cells import Block, Labelled, Part, Row, qa
from gpai_docs.render.form import cell_lines, compact

POLICY_COLUMNS = ("Commitment", "Implementation")
# Top-level fields that belong to a measure without being inside its section.
_MEASURE_OF = {"responsibilities": "1.1"}
# Commitments a policy may state that the Code does not ask it to write down: a row only
# when the policy states them (so that a policy without them reads as before).
_ROW_WHEN_GIVEN = {"COP.C.1.4.applies_irrespective"}


def _commitment(catalogue_id: str | None, fallback: str) -> str:
    return entry(catalogue_id).label if catalogue_id else fallback


def _served(catalogue_id: str | None) -> str | None:
    """The commitment a field implements: its id, or the one its derived id serves (the
    natural-language reservations are part of the 'any appropriate means' commitment)."""
    return (entry(catalogue_id).derived_from or catalogue_id) if catalogue_id else None


def _lines(item: Item, commitment_id: str | None) -> tuple[Any, ...]:
    value = item.value
    if isinstance(value, list) and value and isinstance(value[0], Record):
        return tuple(compact(v) for v in value)
    if isinstance(value, Record):
        return cell_lines(value)
    if commitment_id and item.title == entry(commitment_id).label:
        return (value,)  # the field is the commitment itself: its value is the implementation
    return (Labelled(item.title, value, item.key),)


def _rows(items: tuple[Item, ...]) -> list[Row]:
    """One row per commitment: the fields that implement it, in field order; a commitment
    none of whose fields is filled shows a dash."""
    groups: list[tuple[str | None, str, list[Any], list[Item]]] = []
    for item in items:
        served = _served(item.catalogue_id)
        if not groups or groups[-1][0] != served:
            groups.append((served, item.title, [], []))
        groups[-1][3].append(item)
        if item.value is not None and item.value != []:
            groups[-1][2].extend(_lines(item, served))
    return [
        Row(_commitment(catalogue_id, title), tuple(lines) or (None,), field=_field(members))
        for catalogue_id, title, lines, members in groups
        if lines or catalogue_id not in _ROW_WHEN_GIVEN
    ]


def _field(members: list[Item]) -> tuple[str | int, ...]:
    """A row's field: its one field, else the record its fields are in (each line then
    names its own field)."""
    return members[0].path if len(members) == 1 else members[0].path[:-1]


def policy_parts(view: Record) -> list[Part]:
    """The measures the projection holds, each a table of commitments and implementations."""
    parts: dict[str, Part] = {}
    extra: list[Part] = []
    for item in view.entries():
        number = item.section or _MEASURE_OF.get(item.key)
        if number is None:  # the voluntary sections: a title and a text each
            sections = item.value if isinstance(item.value, list) else []
            rows = [
                Row(str(v.get("title")), (v.get("text"),), field=(*item.path, i, "text"))
                for i, v in enumerate(sections)
            ]
            if rows:
                extra.append(Part("", item.title, 1, [qa(*rows)]))
            continue
        part = parts.get(number)
        if part is None:
            title = item.title[len(number) :].strip() if item.title.startswith(number) else ""
            part = Part("", f"Measure {number}: {title}".rstrip(": "), 1)
            part.blocks.append(Block("form", columns=POLICY_COLUMNS, css="policy"))
            parts[number] = part
        children = item.value.entries() if isinstance(item.value, Record) else (item,)
        part.blocks[0].rows.extend(_rows(children))
    return [*parts.values(), *extra]
