"""Find where YAML aliases make a document too big, or make it contain itself (DL006).

libyaml's composer turns an alias into the very node it names, so a walk over the composed
graph meets the copy at the anchor's position: a billion-laughs bomb was reported on its
first line, a self-containing anchor on the anchor. The parser's events still carry each
alias where it is written, so this counts the values every alias adds, in document order,
and names the alias that crosses the limit, or the one inside its own anchor.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class AliasProblem:
    """Why the aliases make the document unreadable, and the alias that does it."""

    message: str
    hint: str
    line: int
    column: int


@dataclass
class _Open:
    """A collection being read: its anchor, the values it holds so far (itself included),
    and, for a mapping, whether the next node is a key (keys are not values)."""

    anchor: str | None
    values: int = 1
    mapping: bool = False
    key_next: bool = False


def _position(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def alias_problem(text: str, max_values: int) -> AliasProblem | None:
    """The first alias that takes the document past ``max_values`` values, counted as the
    loader counts them (every value node, aliases expanded, mapping keys not), or that
    names a collection it sits in; None when neither happens."""
    sizes: dict[str, int] = {}
    stack: list[_Open] = []
    total = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if not isinstance(event, yaml.NodeEvent | yaml.CollectionEndEvent):
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            done = stack.pop()
            if done.anchor is not None:
                sizes[done.anchor] = done.values
            if stack:
                stack[-1].values += done.values
            continue
        parent = stack[-1] if stack else None
        is_key = parent is not None and parent.mapping and parent.key_next
        if parent is not None and parent.mapping:
            parent.key_next = not parent.key_next
        if isinstance(event, yaml.AliasEvent):
            if any(frame.anchor == event.anchor for frame in stack):
                line, column = _position(event)
                return AliasProblem(
                    f"The alias *{event.anchor} stands inside the collection it names, so "
                    "the document would contain itself without end.",
                    f"Remove the alias *{event.anchor}, or write out the values it stands for.",
                    line,
                    column,
                )
            added = 0 if is_key else sizes.get(event.anchor or "", 1)
        elif isinstance(event, yaml.CollectionStartEvent):
            stack.append(
                _Open(
                    event.anchor, mapping=isinstance(event, yaml.MappingStartEvent), key_next=True
                )
            )
            added = 0 if is_key else 1
            total += added
            if total > max_values:
                return _too_many(event, max_values)
            if is_key:
                stack[-1].values = 0
            continue
        else:  # a scalar
            added = 0 if is_key else 1
            if event.anchor is not None:
                sizes[event.anchor] = added or 1
        total += added
        if parent is not None:
            parent.values += added
        if total > max_values:
            return _too_many(event, max_values)
    return None


def _too_many(event: yaml.Event, max_values: int) -> AliasProblem:
    line, column = _position(event)
    return AliasProblem(
        f"The document expands to more than {max_values:,} values.",
        "Remove YAML aliases that multiply content; documents are small.",
        line,
        column,
    )
