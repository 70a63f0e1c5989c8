"""Read YAML text into plain data, the positions of its keys and values, and its problems.

YAML goes through libyaml's composer (``yaml.compose`` with the C loader): its nodes carry
line and column at C speed, and walking them ourselves (``yamlio.values``) lets us report
duplicate keys, refuse custom tags and bound alias expansion, which a constructing loader
cannot. Before composing, the text is checked for nesting and size that libyaml would not
survive or would report as a mere syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from gpai_docs.diagnostics import Diagnostic, JsonPath
from gpai_docs.yamlio.aliases import alias_problem
from gpai_docs.yamlio.limits import MAX_DEPTH, MAX_NODES, needs_event_scan, over_limits, too_deep
from gpai_docs.yamlio.nesting import nesting_beyond
from gpai_docs.yamlio.problems import Position, document_problem
from gpai_docs.yamlio.tags import explicit_tags
from gpai_docs.yamlio.values import ValueWalker


@dataclass(frozen=True)
class ParsedYaml:
    """One YAML document: its data (None if unreadable), where each key and value was
    written, and what went wrong."""

    data: Any
    keys: dict[JsonPath, Position] = field(default_factory=dict)
    values: dict[JsonPath, Position] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()


def parse_yaml(text: str, file: str, *, dates: bool = False) -> ParsedYaml:
    """Parse the YAML document ``text`` (named ``file`` in diagnostics) by YAML 1.2 rules.

    With ``dates``, plain ``YYYY-MM-DD`` scalars are read as dates, as the data gpai-docs
    ships needs; a user's document keeps them as text.
    """
    composed = _compose(text, file)
    if isinstance(composed, Diagnostic):
        return ParsedYaml(None, diagnostics=(composed,))
    refused = _document_count(text, file, composed) or _refused_markup(text, file)
    if refused:
        return ParsedYaml(None, diagnostics=tuple(refused))
    walker = ValueWalker(file, dates=dates)
    data = walker.value(composed[0], ())
    return ParsedYaml(
        None if walker.halted else data, walker.keys, walker.values, tuple(walker.problems)
    )


def parse_data(text: str, file: str) -> Any:
    """YAML data shipped with gpai-docs (the rule pack, the protocol vocabulary), read by the
    rules of a document, with dates; a problem in it is a bug, raised as ValueError."""
    parsed = parse_yaml(text, file, dates=True)
    if parsed.diagnostics:
        problems = "; ".join(f"{d.location}: {d.code} {d.message}" for d in parsed.diagnostics)
        raise ValueError(f"{file} cannot be read: {problems}")
    return parsed.data


def _compose(text: str, file: str) -> list[yaml.Node] | Diagnostic:
    """The documents libyaml composes from ``text``, or why it cannot (safely)."""
    deep = nesting_beyond(text, MAX_DEPTH)
    if deep is not None:
        return too_deep(file, deep)
    try:
        over = over_limits(text, file) if needs_event_scan(text) else None
        if over is not None:
            return over
        return list(yaml.compose_all(text, Loader=yaml.CSafeLoader))
    except yaml.MarkedYAMLError as exc:
        return _syntax_error(text, file, exc)
    except (yaml.YAMLError, RecursionError) as exc:
        return document_problem(
            "DL002",
            file,
            f"YAML could not be read: {exc}.",
            "Check that this is a YAML document.",
            None,
        )


def _syntax_error(text: str, file: str, exc: yaml.MarkedYAMLError) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    pos = (mark.line + 1, mark.column + 1) if mark else None
    problem = (exc.problem or "syntax error").rstrip(".")
    context = f" ({exc.context})" if exc.context else ""
    at_tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
    empty = _empty_flow_above(text, mark.line) if mark else None
    hint = (
        "Indent with spaces: YAML does not allow tabs here."
        if at_tab
        else f"`{empty[0]} {{}}` on line {empty[1]} is an empty mapping, so nothing can be "
        f"nested below it: remove the `{{}}` and keep `{empty[0]}`."
        if empty
        else "Check the indentation and quoting around this position."
    )
    return document_problem("DL002", file, f"YAML syntax error: {problem}{context}.", hint, pos)


def _empty_flow_above(text: str, line: int) -> tuple[str, int] | None:
    """The `key:` and 1-based line of a `key: {}` that the line ``line`` (0-based) is
    indented under: a key below an empty flow mapping (a scaffold's `modalities: {}` was)."""
    lines = text.splitlines()
    below = lines[line] if line < len(lines) else ""
    for index in range(min(line, len(lines)) - 1, -1, -1):
        above = lines[index]
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        deeper = len(below) - len(below.lstrip()) > len(above) - len(above.lstrip())
        found = re.fullmatch(r"\s*([^#\s][^#]*?:)\s*\{\s*\}\s*(#.*)?", above)
        return (found.group(1).strip(), index + 1) if found and deeper else None
    return None


def _document_count(text: str, file: str, nodes: list[yaml.Node]) -> list[Diagnostic]:
    """DL003 unless the text holds exactly one document."""
    if len(nodes) > 1:
        return [
            document_problem(
                "DL003",
                file,
                "The file holds more than one YAML document.",
                "Keep one document per file; remove the extra '---'.",
                _second_document_start(text, nodes[1]),
            )
        ]
    if not nodes:
        return [
            document_problem(
                "DL003",
                file,
                "The document is empty.",
                "Run `gpai-docs init` for a filled-in scaffold.",
                (1, 1),
            )
        ]
    return []


def _second_document_start(text: str, second: yaml.Node) -> Position:
    """Where the second document starts: its `---` when written, which the hint names."""
    starts = (
        event
        for event in yaml.parse(text, Loader=yaml.CSafeLoader)
        if isinstance(event, yaml.DocumentStartEvent)
    )
    next(starts, None)
    event = next(starts, None)
    mark = event.start_mark if event is not None and event.explicit else None
    mark = mark or second.start_mark
    return mark.line + 1, mark.column + 1


def _refused_markup(text: str, file: str) -> list[Diagnostic]:
    """Tags and directives (DL005), or aliases that explode or contain themselves (DL006)."""
    tags = explicit_tags(text)
    if tags:  # a tagged value means different things to different readers: not read at all
        return [
            document_problem("DL005", file, t.message, t.hint, (t.line, t.column)) for t in tags
        ]
    aliased = alias_problem(text, MAX_NODES) if "&" in text and "*" in text else None
    if aliased is not None:  # located at the alias, which the composed graph has lost
        where = (aliased.line, aliased.column)
        return [document_problem("DL006", file, aliased.message, aliased.hint, where)]
    return []
