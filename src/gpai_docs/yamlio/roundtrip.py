"""Edit YAML text that a user owns through ruamel.yaml's round-trip tree, every other byte kept.

The text is composed into ruamel's node tree (which key and value is written where), never
constructed: no tag can build an object, and a tag written in the text is refused
(RoundTripError, which the caller turns into a diagnostic), as is nesting deeper than the
loader allows (``yamlio.limits``). Aliases are not expanded: an alias is the one node its
anchor names. What the values mean is decided by gpai-docs' YAML 1.2 loader, not by this
tree, so that one reader decides what a file says (``no`` stays "no", ``010`` stays 10).

ruamel's dump of a whole tree re-spaces what it writes back (``~`` became an empty value,
``[a,  b]`` became ``[a, b]``, indentation was made uniform), so only the entries that
change are dumped by ruamel and put where the tree says the old ones were written; every
other byte stays, Windows line breaks included. Strings are quoted where a YAML 1.2 reader
(gpai-docs) or a YAML 1.1 one (the Hub's PyYAML: ``no``, ``010``) would misread them.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import CollectionStartEvent
from ruamel.yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import LiteralScalarString

from gpai_docs.yamlio.core import reads_as_text
from gpai_docs.yamlio.emit import needs_escapes
from gpai_docs.yamlio.limits import MAX_DEPTH
from gpai_docs.yamlio.written import WrittenFloat, WrittenInt

_STR = "tag:yaml.org,2002:str"
# What the loader's libyaml reads as blanks and line breaks, as ruamel's scanner reads them:
# it refuses a tab after a plain value (`a: x<TAB># c`) and takes NEL, U+2028 and U+2029
# for text. Each swap is one character for one, so every mark still points into the text.
_AS_LIBYAML_READS = str.maketrans({"\t": " ", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
_YAML_1_1 = VersionedResolver(version=(1, 1))


class RoundTripError(Exception):
    """Text the tree does not hold: a tag, nesting past the limit, a YAML error."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line  # from 1, in the text given
        self.column = column  # from 1


@dataclass(frozen=True)
class Entry:
    """One key of a block mapping and where its text is (offsets into the text)."""

    key: str
    start: int  # where the key is written
    end: int  # where the value's own text ends
    line: int  # the key's line, from 1
    column: int  # the key's column, from 0
    items_at: int | None  # the column of a block list's `-`, else None
    aliased: bool  # the value is a `*` alias, written where its anchor is


@dataclass(frozen=True)
class Mapping:
    """A mapping of the tree: its entries, and the text it spans (leading comments in)."""

    entries: dict[str, Entry]
    flow: bool  # written as `{...}`
    column: int  # where its keys start
    start: int
    end: int


class _Composer(Composer):
    """ruamel's composer, refusing a tag before it is resolved onto a node, and nesting
    deeper than ``max_collections`` before its recursion goes there."""

    def __init__(self, loader: Any = None) -> None:
        super().__init__(loader)
        self.warn_double_anchors = False  # YAML allows a reused anchor; no warning printed
        self.max_collections = 0
        self._open = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        mark = event.start_mark
        tag = getattr(event, "ctag", None)  # set only where the text writes a tag
        if tag is not None:
            shown = f"{tag.handle}{tag.suffix}" if tag.handle else str(tag)
            raise RoundTripError(
                f"The YAML tag `{shown}` is not supported.", mark.line + 1, mark.column + 1
            )
        if not isinstance(event, CollectionStartEvent):
            return super().compose_node(parent, index)
        self._open += 1
        if self._open > self.max_collections:
            raise RoundTripError(
                f"The text nests deeper than {self.max_collections} levels.",
                mark.line + 1,
                mark.column + 1,
            )
        node = super().compose_node(parent, index)
        self._open -= 1
        return node


def _compose(text: str) -> Node | None:
    yaml = YAML(typ="rt", pure=True)
    yaml.Composer = _Composer
    yaml.composer.max_collections = MAX_DEPTH
    try:
        root: Node | None = yaml.compose(text.translate(_AS_LIBYAML_READS))
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise RoundTripError(str(error.problem or error.context), line, column) from None
    except YAMLError as error:  # the reader's refusals carry no mark
        raise RoundTripError(str(error), 1, 1) from None
    return root


class RoundTripText:
    """YAML text and its tree; edits are collected, then ``dump`` writes them in."""

    def __init__(self, text: str, *, max_bytes: int) -> None:
        if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
            raise RoundTripError(f"The text is larger than {max_bytes:,} bytes.", 1, 1)
        self.text = text
        self._root = _compose(text)
        self._newline = "\r\n" if "\r\n" in text else "\n"
        self._cuts: list[tuple[int, int, str]] = []
        self._tail = ""

    def mapping(self, *path: str) -> Mapping | None:
        """The mapping at ``path`` (block mappings' keys from the top), None if there is none."""
        node, start, end = self._root, 0, len(self.text)
        for key in path:
            if not isinstance(node, MappingNode):
                return None
            found = next(((k, v) for k, v in node.value if str(k.value) == key), None)
            if found is None:
                return None
            node, start, end = found[1], found[0].end_mark.index, found[1].end_mark.index
        if not isinstance(node, MappingNode):
            return None
        entries = {str(key.value): self._entry(key, value) for key, value in node.value}
        return Mapping(entries, bool(node.flow_style), node.start_mark.column, start, end)

    def node(self, *path: str) -> Node | None:
        """The node of the value at ``path`` (mapping keys from the top), if there is one."""
        node = self._root
        for key in path:
            if not isinstance(node, MappingNode):
                return None
            node = next((v for k, v in node.value if str(k.value) == key), None)
        return node

    def _entry(self, key: Node, value: Node) -> Entry:
        block_list = isinstance(value, SequenceNode) and not value.flow_style and value.value
        # An alias's node is the anchored one, written elsewhere: its end says nothing here.
        aliased = value.start_mark.index < key.end_mark.index
        end = key.end_mark.index if aliased else content_end(value, self.text)
        mark = key.start_mark
        items_at = value.start_mark.column if block_list else None
        return Entry(str(key.value), mark.index, end, mark.line + 1, mark.column, items_at, aliased)

    def replace(self, entry: Entry, value: Any, *, flow: bool = False) -> None:
        """The entry written anew with ``value``. A comment after a one-line value stays
        after the new one; a value over several lines is replaced with its last line's."""
        end = entry.end
        if "\n" in self.text[entry.start : end]:
            end = line_end(self.text, end)
        if _literal(value) and self.text[entry.start : end].split(":", 1)[-1].lstrip()[:1] in (
            "|",
            ">",
        ):
            value = LiteralScalarString(value)  # a block of lines stays a block (`|-`)
        text = _entry_text(entry.key, value, entry.column, flow)
        if not flow and isinstance(value, list) and entry.items_at is not None:
            pad = " " * max(entry.items_at - entry.column, 0)  # its items' `-` where they were
            text = text.replace("\n", "\n" + pad)
        self._cut(entry.start, end, text)

    def extend(self, entry: Entry, items: list[Any]) -> bool:
        """``items`` written after the last item of the block list ``entry`` holds, each on a
        line of its own (False, and nothing done, where that cannot be)."""
        if entry.items_at is None:
            return False
        lines = dump_block({entry.key: items}).rstrip("\n").split("\n")[1:]
        if len(lines) != len(items):  # an item the emitter spread over lines
            return False
        at = line_end(self.text, entry.end)  # after the last item's comment, which stays with it
        self._cut(at, at, "".join("\n" + " " * entry.items_at + line for line in lines))
        return True

    def insert(self, mapping: Mapping, key: str, value: Any) -> bool:
        """A new ``key: value`` after the last entry of the block mapping ``mapping``
        (False, and nothing done, for a flow or an empty mapping)."""
        if mapping.flow or not mapping.entries:
            return False
        last = max(mapping.entries.values(), key=lambda e: e.end)
        at = line_end(self.text, last.end)
        text = _entry_text(key, value, mapping.column, flow=False)
        self._cut(at, at, "\n" + " " * mapping.column + text)
        return True

    def remove(self, entry: Entry) -> None:
        """The entry gone, with the comment on its last line and its line break (and the
        blanks before its key, when the key starts its line)."""
        start = entry.start
        line_start = self.text.rfind("\n", 0, start) + 1
        if not self.text[line_start:start].strip(" "):
            start = line_start
        self._cut(start, _break_after(self.text, line_end(self.text, entry.end)), "")

    def write(self, start: int, end: int, key: str, value: Any, *, column: int) -> None:
        """A new ``key: value`` line, its value in flow style, in place of text[start:end]
        (the lines of a commented-out example of the key, say)."""
        self._cut(start, end, " " * column + _entry_text(key, value, column, flow=True))

    def drop(self, start: int, end: int) -> None:
        """text[start:end] gone: lines of comments, which the tree does not hold."""
        self._cut(start, end, "")

    def append(self, values: dict[str, Any]) -> None:
        """New top-level entries, after everything else the text holds."""
        if values:
            self._tail += dump_block(values).replace("\n", self._newline)

    def dump(self) -> str:
        """The text with every edit made; all other bytes as they were."""
        out = self.text
        for start, end, new in sorted(self._cuts, reverse=True):
            out = out[:start] + new + out[end:]
        if self._tail:
            out += ("" if not out or out.endswith("\n") else "\n") + self._tail
        return out

    def cut(self, start: int, end: int, new: str) -> None:
        """text[start:end] replaced by ``new`` (its line breaks the text's own)."""
        self._cut(start, end, new)

    def _cut(self, start: int, end: int, new: str) -> None:
        self._cuts.append((start, end, new.replace("\n", self._newline)))


def content_end(node: Node, text: str) -> int:
    """The end of the value's own text: a block collection's end mark reaches over the
    comments and blank lines after it, which belong to what follows."""
    seen: set[int] = set()
    while isinstance(node, CollectionNode) and not node.flow_style and node.value:
        if id(node) in seen:  # an alias inside its own anchor: no end to find
            raise RoundTripError(
                "A YAML alias stands inside the collection it names.",
                node.start_mark.line + 1,
                node.start_mark.column + 1,
            )
        seen.add(id(node))
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    end: int = node.end_mark.index
    while end > 0 and text[end - 1] in "\r\n":  # a block scalar (or empty value) ends past it
        end -= 1
    return end


def line_end(text: str, end: int) -> int:
    """Where the line holding ``end`` ends (before its line break) if only blanks or a
    comment follow ``end`` on it; else ``end``."""
    stop = text.find("\n", end)
    stop = len(text) if stop == -1 else stop - (text[stop - 1 : stop] == "\r" and stop > end)
    rest = text[end:stop].strip()
    return stop if not rest or rest.startswith("#") else end


def _break_after(text: str, at: int) -> int:
    return at + (2 if text.startswith("\r\n", at) else 1 if text.startswith("\n", at) else 0)


class _Representer(RoundTripRepresenter):
    """ruamel's round-trip representer, with strings quoted for both YAML versions."""


def _represent_str(representer: RoundTripRepresenter, data: str) -> ScalarNode:
    if needs_escapes(data):
        style: str | None = '"'
    elif reads_as_text(data) and _YAML_1_1.resolve(ScalarNode, data, (True, False)) == _STR:
        style = None
    else:
        style = "'"
    node: ScalarNode = representer.represent_scalar(_STR, data, style=style)
    return node


def _represent_none(representer: RoundTripRepresenter, data: None) -> ScalarNode:
    node: ScalarNode = representer.represent_scalar("tag:yaml.org,2002:null", "null")
    return node  # written out: ruamel's round trip would leave the value empty


_Representer.add_representer(str, _represent_str)
_Representer.add_representer(type(None), _represent_none)
_Representer.add_representer(WrittenInt, RoundTripRepresenter.represent_int)  # as before
_Representer.add_representer(WrittenFloat, RoundTripRepresenter.represent_float)


def _literal(value: Any) -> bool:
    """Whether a text of several lines can be written as a literal block, byte for byte."""
    lines = value.split("\n") if isinstance(value, str) and "\n" in value else []
    plain = all(line == line.strip(" \t") for line in lines)
    return bool(lines) and plain and not needs_escapes(value.replace("\n", ""))


def flow_style(value: Any) -> Any:
    """``value`` with every list and mapping in it marked for flow style (`[...]`, `{...}`)."""
    if isinstance(value, dict):
        mapping = CommentedMap((key, flow_style(v)) for key, v in value.items())
        mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        sequence = CommentedSeq(flow_style(v) for v in value)
        sequence.fa.set_flow_style()
        return sequence
    return value


def dump_block(values: dict[str, Any]) -> str:
    """``values`` as block-style YAML lines, keys in their order, each ending in a newline."""
    yaml = YAML(typ="rt", pure=True)
    yaml.Representer = _Representer
    yaml.width = sys.maxsize  # a folded line would still read back alike, but stays one line
    yaml.brace_single_entry_mapping_in_flow_sequence = True  # `[{name: x}]`, not `[name: x]`
    stream = io.StringIO()
    yaml.dump(values, stream)
    return stream.getvalue()


def _entry_text(key: str, value: Any, column: int, flow: bool) -> str:
    """``key: value`` as ruamel writes it, its later lines indented to ``column``."""
    text = dump_block({key: flow_style(value) if flow else value}).rstrip("\n")
    return text.replace("\n", "\n" + " " * column)
