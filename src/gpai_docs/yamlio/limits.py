"""How deep and how big a document may be, and the event scan that checks it before compose.

libyaml's C composer recurses once per nesting level and overflows the C stack (a
segfault, not an exception) somewhere past 20,000 levels, and builds every node before
we can count it. Flow nesting needs one bracket per level and block nesting at least one
column per two levels, so a text with few brackets, short lines and few entries cannot
reach either limit and skips the event scan.
"""

from __future__ import annotations

import yaml

from gpai_docs.diagnostics import Diagnostic
from gpai_docs.yamlio.problems import Position, document_problem

MAX_DEPTH = 64  # nesting levels; the top-level mapping is the first
MAX_NODES = 200_000  # values, YAML aliases expanded
_SAFE_COMPOSE_DEPTH = 5_000


def too_deep(file: str, pos: Position | None) -> Diagnostic:
    return document_problem(
        "DL006",
        file,
        f"The document nests deeper than {MAX_DEPTH} levels.",
        "Flatten the structure; no gpai-docs field nests this deep.",
        pos,
    )


def needs_event_scan(text: str) -> bool:
    """Whether ``text`` could nest or expand past what libyaml's composer survives."""
    if text.count("[") + text.count("{") > _SAFE_COMPOSE_DEPTH:
        return True
    if text.count("\n") + text.count(",") > MAX_NODES:
        return True
    return max(map(len, text.split("\n"))) > _SAFE_COMPOSE_DEPTH // 2


def over_limits(text: str, file: str) -> Diagnostic | None:
    """Find nesting or size beyond the limits with libyaml's parser (its stack is on the heap).

    Every key has a value, so more than 2 * MAX_NODES nodes means more than MAX_NODES values.
    """
    depth = nodes = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.NodeEvent):
            nodes += 1
            if nodes > 2 * MAX_NODES:
                mark = event.start_mark
                return document_problem(
                    "DL006",
                    file,
                    f"The document expands to more than {MAX_NODES:,} values.",
                    "Documents are small; move long lists (such as domains) to a CSV file.",
                    (mark.line + 1, mark.column + 1) if mark is not None else None,
                )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                return too_deep(file, (mark.line + 1, mark.column + 1) if mark else None)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None
