"""Read YAML or JSON documents into plain data plus a source map, reporting every problem.

YAML goes through libyaml's composer (``yaml.compose`` with the C loader): its nodes carry
line and column at C speed, and walking them ourselves lets us report duplicate keys,
refuse custom tags and bound alias expansion, which a constructing loader cannot.
Scalars are resolved with the YAML 1.2 core schema, so ``no`` stays the word "no" and
``2025-08-02`` stays text for pydantic to parse. JSON is parsed by the standard library and
indexed for positions by a small scanner.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from gpai_docs.diagnostics import Diagnostic, JsonPath, Location, Severity
from gpai_docs.fileio import NotRegularFile, read_regular
from gpai_docs.load.source_map import Position, SourceMap
from gpai_docs.yamlio.aliases import alias_problem
from gpai_docs.yamlio.core import plain_value
from gpai_docs.yamlio.tags import explicit_tags

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000
# libyaml's C composer recurses once per nesting level and overflows the C stack (a
# segfault, not an exception) somewhere past 20,000 levels, and builds every node before
# we can count it. Flow nesting needs one bracket per level and block nesting at least one
# column per two levels, so a text with few brackets, short lines and few entries cannot
# reach either limit and skips the event pre-scan.
_SAFE_COMPOSE_DEPTH = 5_000
_MERGE_TAG = "tag:yaml.org,2002:merge"

_IMPLICIT = yaml.resolver.Resolver()
_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq")
} | {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:merge"}


@dataclass(frozen=True)
class LoadedDocument:
    """One document as read from disk: its data (None if unreadable) and what went wrong."""

    file: str
    data: Any
    source_map: SourceMap
    diagnostics: tuple[Diagnostic, ...]
    sha256: str

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(
            d.severity is Severity.ERROR for d in self.diagnostics
        )


def _diag(code: str, file: str, message: str, hint: str | None, pos: Position | None) -> Diagnostic:
    line, column = pos if pos else (None, None)
    return Diagnostic(
        code=code,
        severity=Severity.ERROR,
        message=message,
        location=Location(file, (), line, column),
        hint=hint,
        reference="gpai-docs document format",
    )


def _line_col(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def decode_document(raw: bytes, file: str) -> tuple[str | None, Diagnostic | None]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, _diag(
            "DL007", file, "The file is UTF-16 encoded.", "Save it as UTF-8.", (1, 1)
        )
    if b"\x00" in raw[:8192]:
        return None, _diag(
            "DL007",
            file,
            "The file is binary, not YAML or JSON text.",
            "Point gpai-docs at the YAML or JSON document.",
            (1, 1),
        )
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", errors="replace")
        return None, _diag(
            "DL007",
            file,
            f"The file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}).",
            "Save the file as UTF-8; retype the character at this position.",
            _line_col(prefix, len(prefix)),
        )


class _YamlWalker:
    """Turn a libyaml node graph into plain data, recording positions and problems."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.keys: dict[JsonPath, Position] = {}
        self.values: dict[JsonPath, Position] = {}
        self.problems: list[Diagnostic] = []
        self.visited = 0
        self.halted = False

    @staticmethod
    def _pos(node: yaml.Node) -> Position:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _stop(self, code: str, message: str, hint: str, node: yaml.Node) -> None:
        if not self.halted:
            self.problems.append(_diag(code, self.file, message, hint, self._pos(node)))
        self.halted = True

    def value(self, node: yaml.Node, path: JsonPath) -> Any:
        self.visited += 1
        if self.halted:
            return None
        if self.visited > MAX_NODES:
            self._stop(
                "DL006",
                f"The document expands to more than {MAX_NODES:,} values.",
                "Remove YAML aliases that multiply content; documents are small.",
                node,
            )
            return None
        if len(path) >= MAX_DEPTH and isinstance(node, yaml.CollectionNode):
            # the top-level mapping is the first level, so a collection at path length n
            # is level n + 1: the same count as the text pre-scan and the JSON check
            self._stop(
                "DL006",
                f"The document nests deeper than {MAX_DEPTH} levels.",
                "Flatten the structure; no gpai-docs field nests this deep.",
                node,
            )
            return None
        self.values.setdefault(path, self._pos(node))
        if node.tag not in _STANDARD_TAGS:
            self.problems.append(
                _diag(
                    "DL005",
                    self.file,
                    f"The YAML tag {node.tag!r} is not supported.",
                    "Remove the tag; gpai-docs reads plain YAML values only.",
                    self._pos(node),
                )
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: JsonPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    _diag(
                        "DL005",
                        self.file,
                        "A mapping key is not a plain text key.",
                        "Use simple names as keys.",
                        self._pos(key_node),
                    )
                )
                continue
            if key_node.tag == _MERGE_TAG:
                self.problems.append(
                    _diag(
                        "DL005",
                        self.file,
                        "YAML merge keys (`<<`) are not supported.",
                        "Write the fields out in full; merged fields hide where a value came from.",
                        self._pos(key_node),
                    )
                )
                continue
            key = str(key_node.value)
            if key in out:  # the first is kept, as in JSON (see _first_wins)
                first = self.keys.get((*path, key))
                self.problems.append(_duplicate_key(self.file, key, first, self._pos(key_node)))
                continue
            self.keys[(*path, key)] = self._pos(key_node)
            out[key] = self.value(value_node, (*path, key))
        return out

    @staticmethod
    def _scalar(node: yaml.ScalarNode) -> Any:
        text: str = node.value
        if node.style:  # quoted or block scalars are always text
            return text
        implicit = _IMPLICIT.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
        if node.tag != implicit:
            return text if node.tag == "tag:yaml.org,2002:str" else None
        return plain_value(text)


# The nesting pre-scan reads YAML text with these; every star is possessive, so no pattern
# ever backtracks, and each one is used from a position the scan has not passed yet.
_BLANKS = re.compile(r"[ \t\r\n]*+")
_INLINE_BLANKS = re.compile(r"[ \t\r]*+")
_SPACES = re.compile(r" *+")
_FLOW_STOP = re.compile(r"[][{},:#]")
_QUOTED_SCALAR = {
    "'": re.compile(r"'(?:[^']|'')*+'"),
    '"': re.compile(r'"(?:[^"\\]|\\.)*+"', re.S),
}
_BLOCK_PLAIN_STOP = re.compile(r":(?=[ \t\r]|\Z)|[ \t]#")
_COMMENT_AFTER_TEXT = re.compile(r"[ \t]#")
_PROPERTY_END = re.compile(r"[ \t\r\n,\[\]{}]")
# Fast paths for the common lines: runs of `key: value` or `- value` siblings whose value
# is a plain or quoted scalar or a flat flow collection on the line, the body of a block
# scalar, and flow lists of plain items. Anything else goes the careful way.
_PLAIN = r"[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:[^\n:#]|:(?=\S)|(?<=\S)#)*+"
_QUOTED = r"(?:'(?:[^'\n]|'')*+'|\"(?:[^\"\\\n]|\\.)*+\")[ \t\r]*+"
_FLAT_FLOW = r"(?:\[[^\n\[\]{}'\"#]*+\]|\{[^\n\[\]{}'\"#]*+\})[ \t\r]*+"
_END = r"(?:(?<=\s)#[^\n]*+)?\n"
_OTHER_LINE = r"[ \t\r]*+(?:#[^\n]*+)?\n"


def _sibling_runs(value: str) -> tuple[re.Pattern[str], ...]:
    """Runs of keys, of entries, and of mappings as entries (``- a: 1`` then ``  b: 2``)."""
    key = rf"(?:{_PLAIN}|{_QUOTED}):[ \t]++(?:{value}){_END}"
    entry = rf"-[ \t]++(?:{value}){_END}"
    return (
        re.compile(rf"( *+){key}(?:\1{key}|{_OTHER_LINE})*+"),
        re.compile(rf"( *+){entry}(?:\1{entry}|{_OTHER_LINE})*+"),
        re.compile(rf"( *+)-( ++){key}(?:\1-\2{key}|\1 \2{key}|{_OTHER_LINE})*+"),
    )


_RUNS = _sibling_runs(f"{_PLAIN}|{_QUOTED}|{_FLAT_FLOW}")
_RUNS_AT_LIMIT = _sibling_runs(f"{_PLAIN}|{_QUOTED}")  # a flow value would be one too deep
_BLOCK_SCALAR_BODY = re.compile(r"( ++)[^\n]*+\n(?:\1[^\n]*+\n|[ \t\r]*+\n)*+")
_FLOW_ITEM = r"[ \t\r\n]*+[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\[\]{},:#\n]*+"
_FLAT_ITEM = r"[ \t\r\n]*+(?:\[[^\n\[\]{}'\"#]*+\]|\{[^\n\[\]{}'\"#]*+\})[ \t\r]*+"
_FLOW_RUN = re.compile(rf"(?:{_FLOW_ITEM},)++")
_FLOW_RUN_WITH_FLAT = re.compile(rf"(?:(?:{_FLOW_ITEM}|{_FLAT_ITEM}),)++")
_BLOCK_PREFIX_CHARS = "[ \t\r?:-]"
_MAP, _SEQ, _INDENTLESS_SEQ = 0, 1, 2


def _past(pattern: re.Pattern[str], text: str, i: int, end: int) -> int:
    match = pattern.match(text, i, end)
    return i if match is None else match.end()


def _after_quoted(text: str, i: int) -> int:
    """The index just after the quoted scalar opening at ``i`` (the end if it never closes)."""
    quoted = _QUOTED_SCALAR[text[i]].match(text, i)
    return len(text) if quoted is None else quoted.end()


def _indicator(text: str, i: int) -> bool:
    """Whether the ``-``, ``?`` or ``:`` at ``i`` is an indicator (followed by a blank)."""
    return text[i + 1 : i + 2] in ("", " ", "\t", "\r", "\n")


def _may_nest_deeper(text: str, limit: int) -> bool:
    """Whether nesting beyond ``limit`` is possible at all, from two counts made at C speed.

    Flow nesting needs a bracket per level. Block collections open at the columns where a
    line's indentation and its ``- ``, ``? `` and ``: `` indicators end, at most two per
    column (a mapping and the sequence written at its keys' column), so block nesting is
    at most twice the widest such line prefix plus one.
    """
    brackets = text.count("[") + text.count("{")
    widest = (limit - brackets - 2) // 2 + 1  # the narrowest prefix that could go deeper
    return widest <= 0 or re.search(f"^{_BLOCK_PREFIX_CHARS}{{{widest}}}", text, re.M) is not None


class _Nesting:
    """Find where block and flow collections first nest deeper than ``limit``, from the text.

    libyaml stops at nesting limits of its own (a syntax error that would hide our DL006)
    and older releases overflowed the C stack, so this reads only as much YAML as nesting
    needs: indentation and the ``-``, ``?`` and ``key:`` indicators for block collections,
    brackets for flow ones, skipping quoted, plain and block scalars and comments. Each
    character is looked at a bounded number of times. In text that is not valid YAML it
    may count fewer levels than libyaml would, never more, so readable documents pass.
    """

    def __init__(self, text: str, limit: int) -> None:
        self.text = text
        self.limit = limit
        self.blocks: list[tuple[int, int]] = []  # (column, kind) of the open block collections
        self.found: int | None = None
        # A block scalar, or a plain scalar that may go on, owns the lines indented deeper.
        self.owned_above: int | None = None
        self.owned_by_plain = False
        self.pending: int | None = None  # an anchor or tag ended the line above

    def first_too_deep(self) -> int | None:
        """The index where the first collection beyond the limit starts, or None."""
        start = 0
        while start < len(self.text) and self.found is None:
            after = self._siblings(start)
            start = self._line(start) if after == start else after
        return self.found

    def _siblings(self, start: int) -> int:
        """Skip lines that go on with the innermost block collection; they nest nothing.

        These are keys of the innermost mapping, entries of the innermost sequence and,
        for a mapping that is a sequence entry, next entries that are mappings like it,
        each with a value that ends on its line.
        """
        blocks = self.blocks
        if not blocks or self.owned_above not in (None, blocks[-1][0]):
            return start
        text = self.text
        column, kind = blocks[-1]
        keys, entries, records = _RUNS if len(blocks) < self.limit else _RUNS_AT_LIMIT
        # The columns are checked before matching: matching a run of lines only to refuse
        # it, again from each of its lines, would be quadratic.
        indent = _past(_SPACES, text, start, len(text)) - start
        if indent == column:
            run = (keys if kind == _MAP else entries).match(text, start)
        elif (
            kind == _MAP
            and len(blocks) > 1
            and blocks[-2][0] == indent
            and blocks[-2][1] != _MAP
            and text.startswith("-", start + indent)
            and _past(_SPACES, text, start + indent + 1, len(text)) - start == column
        ):
            run = records.match(text, start)
        else:
            return start
        if run is None:
            return start
        self.owned_above, self.owned_by_plain, self.pending = column, True, None
        return run.end()

    def _line(self, start: int) -> int:
        text = self.text
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        first = _past(_INLINE_BLANKS, text, start, end)
        if first == end:  # blank lines belong to whatever scalar they are in
            return end + 1
        if text.startswith(("---", "..."), start) and _indicator(text, start + 2):
            self.blocks.clear()
            self.owned_above = self.pending = None
            if text[start] == ".":
                return end + 1
            return self._tokens(_past(_INLINE_BLANKS, text, start + 3, end), start, end, False)
        if self.owned_above is not None:
            continues = _past(_SPACES, text, start, end) - start > self.owned_above
            if continues and not self.owned_by_plain:  # the rest of a block scalar at once
                body = _past(_BLOCK_SCALAR_BODY, text, start, len(text))
                return body if body > start else end + 1  # unindented, or the last line
            if continues and self.owned_by_plain:
                # a comment ends a plain scalar: the lines after it are new nodes
                continues = text[first] != "#"
                if continues and _COMMENT_AFTER_TEXT.search(text, first, end):
                    self.owned_above = None
                    return end + 1
            if continues:
                return end + 1
            self.owned_above = None
        if text[first] == "#" or (first == start and text[first] == "%"):
            return end + 1
        while self.blocks and self.blocks[-1][0] > first - start:
            self.blocks.pop()
        return self._tokens(first, start, end, True)

    def _open(self, column: int, kind: int, at: int) -> None:
        """A block collection of ``kind`` whose first indicator or key is at ``column``."""
        blocks = self.blocks
        if blocks and blocks[-1][0] == column:
            top = blocks[-1][1]
            if kind == _SEQ:
                if top != _MAP:
                    return  # the next entry of the same sequence
                kind = _INDENTLESS_SEQ  # `key:` then `- item` at the key's own column
            else:
                if top == _INDENTLESS_SEQ:
                    blocks.pop()
                if blocks and blocks[-1][0] == column:
                    return  # the next key of the same mapping
        elif blocks and blocks[-1][0] > column:
            return
        blocks.append((column, kind))
        if len(blocks) > self.limit and self.found is None:
            self.found = at

    def _tokens(self, i: int, start: int, end: int, key_allowed: bool) -> int:
        """Read the block-context nodes of one line from ``i``; the index of the next line."""
        text = self.text
        properties: int | None = None  # where the anchor or tag of the coming node starts
        while i < end and self.found is None:
            char = text[i]
            if char in "&!":
                properties = i if properties is None else properties
                stop = _PROPERTY_END.search(text, i, end)
                i = _past(_INLINE_BLANKS, text, end if stop is None else stop.start(), end)
                continue
            if char == "#":
                break
            # a node starts where its properties do, even on the line above
            node = i if properties is None else properties
            column = node - start
            at = node if self.pending is None else self.pending
            self.pending = None
            # `- `, `? ` and a complex key's `: ` may each start a compact collection, but
            # not after an anchor or tag on the same line
            compact = key_allowed and properties is None
            properties = None
            if char in "-?:" and compact and _indicator(text, i):
                self._open(column, _SEQ if char == "-" else _MAP, at)
                i = _past(_INLINE_BLANKS, text, i + 1, end)
                continue
            if char in "|>":
                self.owned_above = self.blocks[-1][0] if self.blocks else -1
                self.owned_by_plain = False
                return end + 1
            if char in "[{'\"":
                after = self._flow(i, at) if char in "[{" else _after_quoted(text, i)
                if after > end:  # the node went on over more lines
                    start = text.rfind("\n", 0, after) + 1
                    found = text.find("\n", after)
                    end = len(text) if found < 0 else found
                i = _past(_INLINE_BLANKS, text, after, end)
                if key_allowed and i < end and text[i] == ":" and _indicator(text, i):
                    self._open(column, _MAP, at)
                    key_allowed = False
                    i = _past(_INLINE_BLANKS, text, i + 1, end)
                    continue
                return end + 1
            stop = (_BLOCK_PLAIN_STOP if key_allowed else _COMMENT_AFTER_TEXT).search(text, i, end)
            if stop is not None and text[stop.start()] == ":":
                self._open(column, _MAP, at)
                key_allowed = False
                i = _past(_INLINE_BLANKS, text, stop.start() + 1, end)
                continue
            if stop is None:  # a plain scalar may go on over deeper lines
                self.owned_above = self.blocks[-1][0] if self.blocks else -1
                self.owned_by_plain = True
            return end + 1
        self.pending = properties
        return end + 1

    def _flow(self, i: int, at: int) -> int:
        """Read the flow collection opening at ``i`` (reported at ``at``); the index after it."""
        text = self.text
        base = len(self.blocks)
        level = 0
        properties: int | None = at
        at_token = True  # where a quote or `#` starts something rather than being text
        while i < len(text):
            if not at_token:
                stop = _FLOW_STOP.search(text, i)
                if stop is None:
                    break
                i = stop.start()
                after = text[i + 1 : i + 2]
                if (text[i] == ":" and after not in ",[]{}" and not _indicator(text, i)) or (
                    text[i] == "#" and text[i - 1] not in " \t\r\n"
                ):
                    i += 1  # `a:b` and `a#b` are plain text in flow too
                    continue
                at_token = True
            i = _past(_BLANKS, text, i, len(text))
            if i >= len(text):
                break
            char = text[i]
            if char in "&!":
                properties = i if properties is None else properties
                stop = _PROPERTY_END.search(text, i)
                i = len(text) if stop is None else stop.start()
                continue
            node = i if properties is None else properties
            properties = None
            if char in "[{":
                level += 1
                if base + level > self.limit:
                    self.found = node
                    return len(text)
                i += 1
            elif char in "]}":
                level -= 1
                i += 1
                if level <= 0:
                    return i
            elif char == ",":
                run = _FLOW_RUN_WITH_FLAT if base + level < self.limit else _FLOW_RUN
                i = _past(run, text, i + 1, len(text))
            elif char in "'\"":
                i = _after_quoted(text, i)
            elif char == "#":
                found = text.find("\n", i)
                i = len(text) if found < 0 else found
            elif char == ":" or (char in "?-" and _indicator(text, i)):
                i += 1
            elif char == "*":
                stop = _PROPERTY_END.search(text, i)
                i = len(text) if stop is None else stop.start()
            else:
                at_token = False
                i += 1
        return len(text)


def _too_deep(file: str, pos: Position | None) -> Diagnostic:
    return _diag(
        "DL006",
        file,
        f"The document nests deeper than {MAX_DEPTH} levels.",
        "Flatten the structure; no gpai-docs field nests this deep.",
        pos,
    )


def _nesting_too_deep(text: str) -> Position | None:
    """Where the text first nests deeper than MAX_DEPTH collections, or None."""
    if not _may_nest_deeper(text, MAX_DEPTH):
        return None
    found = _Nesting(text, MAX_DEPTH).first_too_deep()
    return None if found is None else _line_col(text, found)


def _needs_prescan(text: str) -> bool:
    if text.count("[") + text.count("{") > _SAFE_COMPOSE_DEPTH:
        return True
    if text.count("\n") + text.count(",") > MAX_NODES:
        return True
    return max(map(len, text.split("\n"))) > _SAFE_COMPOSE_DEPTH // 2


def _over_limits(text: str, file: str) -> Diagnostic | None:
    """Find nesting or size beyond the limits with libyaml's parser (its stack is on the heap).

    Every key has a value, so more than 2 * MAX_NODES nodes means more than MAX_NODES values.
    """
    depth = nodes = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.NodeEvent):
            nodes += 1
            if nodes > 2 * MAX_NODES:
                mark = event.start_mark
                return _diag(
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
                return _too_deep(file, (mark.line + 1, mark.column + 1) if mark else None)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _second_document_start(text: str, second: yaml.Node) -> tuple[int, int]:
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


def _load_yaml(text: str, file: str) -> tuple[Any, SourceMap, list[Diagnostic]]:
    empty = SourceMap(file)
    deep = _nesting_too_deep(text)
    if deep is not None:
        return None, empty, [_too_deep(file, deep)]
    try:
        over = _over_limits(text, file) if _needs_prescan(text) else None
        if over is not None:
            return None, empty, [over]
        nodes = list(yaml.compose_all(text, Loader=yaml.CSafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = (mark.line + 1, mark.column + 1) if mark else None
        problem = (exc.problem or "syntax error").rstrip(".")
        context = f" ({exc.context})" if exc.context else ""
        at_tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
        hint = (
            "Indent with spaces: YAML does not allow tabs here."
            if at_tab
            else "Check the indentation and quoting around this position."
        )
        return (
            None,
            empty,
            [_diag("DL002", file, f"YAML syntax error: {problem}{context}.", hint, pos)],
        )
    except (yaml.YAMLError, RecursionError) as exc:
        return (
            None,
            empty,
            [
                _diag(
                    "DL002",
                    file,
                    f"YAML could not be read: {exc}.",
                    "Check that this is a YAML document.",
                    None,
                )
            ],
        )
    if len(nodes) > 1:
        return (
            None,
            empty,
            [
                _diag(
                    "DL003",
                    file,
                    "The file holds more than one YAML document.",
                    "Keep one document per file; remove the extra '---'.",
                    _second_document_start(text, nodes[1]),
                )
            ],
        )
    if not nodes:
        return (
            None,
            empty,
            [
                _diag(
                    "DL003",
                    file,
                    "The document is empty.",
                    "Run `gpai-docs init` for a filled-in scaffold.",
                    (1, 1),
                )
            ],
        )
    tags = explicit_tags(text)
    if tags:  # a tagged value means different things to different readers: not read at all
        return (
            None,
            empty,
            [_diag("DL005", file, t.message, t.hint, (t.line, t.column)) for t in tags],
        )
    aliased = alias_problem(text, MAX_NODES) if "&" in text and "*" in text else None
    if aliased is not None:  # located at the alias, which the composed graph has lost
        where = (aliased.line, aliased.column)
        return None, empty, [_diag("DL006", file, aliased.message, aliased.hint, where)]
    walker = _YamlWalker(file)
    data = walker.value(nodes[0], ())
    smap = SourceMap(file, walker.keys, walker.values)
    if walker.halted:
        data = None
    return data, smap, walker.problems


_JSON_TOKEN = re.compile(r'\s*(?:("(?:[^"\\]|\\.)*")|([{}\[\]:,])|([^\s{}\[\]:,"]+))', re.S)


def _duplicate_key(file: str, key: str, first: Position | None, at: Position) -> Diagnostic:
    where = f" (first written on line {first[0]})" if first else ""
    return _diag(
        "DL004",
        file,
        f"The key {key!r} is written twice{where}.",
        "Keep one of the two entries; gpai-docs reads the first, other readers often the last.",
        at,
    )


def _json_positions(text: str, file: str) -> tuple[SourceMap, list[Diagnostic]]:
    """Index keys and values of already-valid JSON; report duplicate keys.

    As in YAML the first of two equal keys is the one read (see ``_first_wins``), so the
    positions are those of the first, and nothing inside the ignored value is indexed.
    """
    keys: dict[JsonPath, Position] = {}
    values: dict[JsonPath, Position] = {}
    problems: list[Diagnostic] = []
    tokens: Iterator[re.Match[str]] = _JSON_TOKEN.finditer(text)

    def pos(match: re.Match[str]) -> Position:
        return _line_col(text, match.start(match.lastindex or 0))

    def parse(first: re.Match[str], path: JsonPath, depth: int, kept: bool) -> None:
        if kept:
            values.setdefault(path, pos(first))
        if depth > MAX_DEPTH:
            raise RecursionError
        if first.group(2) == "{":
            seen: set[str] = set()
            tok = next(tokens)
            while tok.group(2) != "}":
                if tok.group(2) == ",":
                    tok = next(tokens)
                key = json.loads(tok.group(1))
                duplicate = key in seen
                if duplicate and kept:
                    problems.append(_duplicate_key(file, key, keys.get((*path, key)), pos(tok)))
                elif kept:
                    keys[(*path, key)] = pos(tok)
                seen.add(key)
                next(tokens)  # the colon
                parse(next(tokens), (*path, key), depth + 1, kept and not duplicate)
                tok = next(tokens)
        elif first.group(2) == "[":
            tok = next(tokens)
            index = 0
            while tok.group(2) != "]":
                if tok.group(2) == ",":
                    tok = next(tokens)
                parse(tok, (*path, index), depth + 1, kept)
                index += 1
                tok = next(tokens)

    with contextlib.suppress(StopIteration, RecursionError):  # best effort after json.loads
        parse(next(tokens), (), 0, True)
    return SourceMap(file, keys, values), problems


def _first_wins(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object keeping the first of two equal keys, as the YAML reader does."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        out.setdefault(key, value)
    return out


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _json_int(text: str) -> int | str:
    try:
        return int(text)
    except ValueError:  # more digits than Python converts; keep the text, as YAML does
        return text


def _constant_position(text: str) -> Position | None:
    for match in _JSON_TOKEN.finditer(text):
        if match.group(3) in ("NaN", "Infinity", "-Infinity"):
            return _line_col(text, match.start(3))
    return None


def _depth_exceeds(data: Any, limit: int) -> bool:
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth >= limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


def _json_too_deep(text: str, file: str) -> Diagnostic:
    return _too_deep(file, _nesting_too_deep(text))


def _load_json(text: str, file: str) -> tuple[Any, SourceMap, list[Diagnostic]]:
    empty = SourceMap(file)
    try:
        data = json.loads(
            text,
            object_pairs_hook=_first_wins,
            parse_constant=_reject_constant,
            parse_int=_json_int,
        )
    except json.JSONDecodeError as exc:
        return (
            None,
            empty,
            [
                _diag(
                    "DL002",
                    file,
                    f"JSON syntax error: {exc.msg}.",
                    "Check for a missing comma, quote or bracket here.",
                    (exc.lineno, exc.colno),
                )
            ],
        )
    except RecursionError:
        return None, empty, [_json_too_deep(text, file)]
    except ValueError as exc:
        return (
            None,
            empty,
            [
                _diag(
                    "DL002",
                    file,
                    f"JSON could not be read: {exc}.",
                    "Write numbers as plain digits; NaN and Infinity are not JSON.",
                    _constant_position(text),
                )
            ],
        )
    if _depth_exceeds(data, MAX_DEPTH):  # a container at depth 64 is the 65th level
        return None, empty, [_json_too_deep(text, file)]
    smap, problems = _json_positions(text, file)
    return data, smap, problems


def load_text(text: str, file: str, *, json_syntax: bool = False) -> LoadedDocument:
    """Parse document text (YAML unless ``json_syntax``) into a loaded document."""
    encoded = text.encode("utf-8", errors="surrogatepass")
    digest = hashlib.sha256(encoded).hexdigest()
    if len(encoded) > MAX_BYTES:
        return LoadedDocument(file, None, SourceMap(file), (_too_big(file, len(encoded)),), digest)
    loader = _load_json if json_syntax else _load_yaml
    data, smap, problems = loader(text, file)
    if data is not None and not isinstance(data, dict):
        problems.append(
            _diag(
                "DL003",
                file,
                "The document's top level is not a mapping of fields.",
                "Start the document with field names such as `general:`.",
                (1, 1),
            )
        )
        data = None
    return LoadedDocument(file, data, smap, tuple(problems), digest)


def _too_big(file: str, size: int) -> Diagnostic:
    return _diag(
        "DL006",
        file,
        f"The file is {size:,} bytes; documents are limited to {MAX_BYTES:,}.",
        "Move large lists (such as crawled domains) to a CSV file and point to it.",
        None,
    )


def read_regular_file(path: Path) -> bytes | str:
    """The file's bytes (at most MAX_BYTES + 1), or why it is not a readable document.

    Read through fileio, which never opens a FIFO or a device (a pipe or /dev/zero
    reached through a link would block or never end). A document may be a link: where it
    leads is checked by the project, not here.
    """
    try:
        return read_regular(path, MAX_BYTES, follow=True)
    except NotRegularFile:
        return "it is not a regular file"


def load_file(path: Path, display: str | None = None) -> LoadedDocument:
    """Read one document from disk; every problem becomes a diagnostic, never an exception."""
    file = display or path.as_posix()
    empty = SourceMap(file)
    try:
        size = path.stat().st_size
        raw = b"" if size > MAX_BYTES else read_regular_file(path)
    except OSError as exc:
        raw = str(exc.strerror or exc)
    if isinstance(raw, str):
        problem = _diag(
            "DL001",
            file,
            f"The file cannot be read: {raw[:1].lower()}{raw[1:]}.",
            "Check that the file exists, is a regular file and is readable.",
            None,
        )
        return LoadedDocument(file, None, empty, (problem,), "")
    if size > MAX_BYTES or len(raw) > MAX_BYTES:
        return LoadedDocument(file, None, empty, (_too_big(file, max(size, len(raw))),), "")
    text, bad = decode_document(raw, file)
    if text is None:
        assert bad is not None
        return LoadedDocument(file, None, empty, (bad,), hashlib.sha256(raw).hexdigest())
    document = load_text(text, file, json_syntax=path.suffix.lower() == ".json")
    return LoadedDocument(
        document.file,
        document.data,
        document.source_map,
        document.diagnostics,
        hashlib.sha256(raw).hexdigest(),
    )
