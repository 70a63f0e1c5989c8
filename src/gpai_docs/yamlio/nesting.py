"""Where a YAML text first nests deeper than a limit, found before libyaml composes it.

libyaml stops at nesting limits of its own (a syntax error that would hide our DL006)
and older releases overflowed the C stack, so the loader asks this scan first.
"""

from __future__ import annotations

import re

from gpai_docs.yamlio.flow_nesting import (
    INLINE_BLANKS,
    PROPERTY_END,
    after_quoted,
    flow_end,
    is_indicator,
    past,
)
from gpai_docs.yamlio.problems import Position, line_col

# Every star is possessive, so no pattern ever backtracks, and each one is used from a
# position the scan has not passed yet.
_SPACES = re.compile(r" *+")
_BLOCK_PLAIN_STOP = re.compile(r":(?=[ \t\r]|\Z)|[ \t]#")
_COMMENT_AFTER_TEXT = re.compile(r"[ \t]#")
# Fast paths for the common lines: runs of `key: value` or `- value` siblings whose value
# is a plain or quoted scalar or a flat flow collection on the line, and the body of a
# block scalar (flow lists of plain items have theirs in flow_nesting). Anything else goes
# the careful way.
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
_BLOCK_PREFIX_CHARS = "[ \t\r?:-]"
_MAP, _SEQ, _INDENTLESS_SEQ = 0, 1, 2


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


_OTHER_BREAKS = re.compile("\r(?!\n)|[\x85\u2028\u2029]")


class Nesting:
    """Find where block and flow collections first nest deeper than ``limit``, from the text.

    libyaml stops at nesting limits of its own (a syntax error that would hide our DL006)
    and older releases overflowed the C stack, so this reads only as much YAML as nesting
    needs: indentation and the ``-``, ``?`` and ``key:`` indicators for block collections,
    brackets for flow ones, skipping quoted, plain and block scalars and comments. Each
    character is looked at a bounded number of times. In text that is not valid YAML it
    may count fewer levels than libyaml would, never more, so readable documents pass.
    """

    def __init__(self, text: str, limit: int) -> None:
        # YAML breaks lines at a lone CR, NEL, LS and PS too; one character for one keeps
        # every index the scan reports an index of the text it was given.
        self.text = _OTHER_BREAKS.sub("\n", text)
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
        indent = past(_SPACES, text, start, len(text)) - start
        if indent == column:
            run = (keys if kind == _MAP else entries).match(text, start)
        elif (
            kind == _MAP
            and len(blocks) > 1
            and blocks[-2][0] == indent
            and blocks[-2][1] != _MAP
            and text.startswith("-", start + indent)
            and past(_SPACES, text, start + indent + 1, len(text)) - start == column
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
        first = past(INLINE_BLANKS, text, start, end)
        if first == end:  # blank lines belong to whatever scalar they are in
            return end + 1
        if text.startswith(("---", "..."), start) and is_indicator(text, start + 2):
            self.blocks.clear()
            self.owned_above = self.pending = None
            if text[start] == ".":
                return end + 1
            return self._tokens(past(INLINE_BLANKS, text, start + 3, end), start, end, False)
        if self.owned_above is not None:
            continues = past(_SPACES, text, start, end) - start > self.owned_above
            if continues and not self.owned_by_plain:  # the rest of a block scalar at once
                body = past(_BLOCK_SCALAR_BODY, text, start, len(text))
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

    def _flow(self, i: int, at: int) -> int:
        """Read the flow collection opening at ``i`` (reported at ``at``); the index after it."""
        after, self.found = flow_end(self.text, i, at, len(self.blocks), self.limit)
        return after

    def _tokens(self, i: int, start: int, end: int, key_allowed: bool) -> int:
        """Read the block-context nodes of one line from ``i``; the index of the next line."""
        text = self.text
        properties: int | None = None  # where the anchor or tag of the coming node starts
        while i < end and self.found is None:
            char = text[i]
            if char in "&!":
                properties = i if properties is None else properties
                stop = PROPERTY_END.search(text, i, end)
                i = past(INLINE_BLANKS, text, end if stop is None else stop.start(), end)
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
            if char in "-?:" and compact and is_indicator(text, i):
                self._open(column, _SEQ if char == "-" else _MAP, at)
                i = past(INLINE_BLANKS, text, i + 1, end)
                continue
            if char in "|>":
                self.owned_above = self.blocks[-1][0] if self.blocks else -1
                self.owned_by_plain = False
                return end + 1
            if char in "[{'\"":
                after = self._flow(i, at) if char in "[{" else after_quoted(text, i)
                if after > end:  # the node went on over more lines
                    start = text.rfind("\n", 0, after) + 1
                    found = text.find("\n", after)
                    end = len(text) if found < 0 else found
                i = past(INLINE_BLANKS, text, after, end)
                if key_allowed and i < end and text[i] == ":" and is_indicator(text, i):
                    self._open(column, _MAP, at)
                    key_allowed = False
                    i = past(INLINE_BLANKS, text, i + 1, end)
                    continue
                return end + 1
            stop = (_BLOCK_PLAIN_STOP if key_allowed else _COMMENT_AFTER_TEXT).search(text, i, end)
            if stop is not None and text[stop.start()] == ":":
                self._open(column, _MAP, at)
                key_allowed = False
                i = past(INLINE_BLANKS, text, stop.start() + 1, end)
                continue
            if stop is None:  # a plain scalar may go on over deeper lines
                self.owned_above = self.blocks[-1][0] if self.blocks else -1
                self.owned_by_plain = True
            return end + 1
        self.pending = properties
        return end + 1


def nesting_beyond(text: str, limit: int) -> Position | None:
    """Where ``text`` first nests deeper than ``limit`` collections, or None."""
    if not _may_nest_deeper(text, limit):
        return None
    found = Nesting(text, limit).first_too_deep()
    return None if found is None else line_col(text, found)
