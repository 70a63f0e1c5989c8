"""A model card's YAML front matter: found, read with YAML 1.2, and updated key by key.

The front matter is the user's text. Re-emitting all of it, as the export once did with
PyYAML, rewrote ``no`` as ``false``, ``010`` as ``8`` and ``1_000`` as ``1000`` (YAML 1.1)
and dropped comments, order and quoting. So the text is kept byte for byte and only the
top-level keys gpai-docs owns are cut out and replaced, each emitted by the YAML library
(``yaml_emit``); the result is read back and must hold exactly the intended values.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from gpai_docs.errors import UserError
from gpai_docs.load.documents import MAX_BYTES, decode_document, load_text, read_regular_file
from gpai_docs.yamlio.emit import dump_block

_NOT_A_MAPPING_HINT = "Write it as `key: value` lines between the two `---` lines."


@dataclass(frozen=True)
class FrontMatter:
    """The front matter as written: its ``---`` lines and the YAML between them."""

    opening: str  # the opening line, without its newline (it may end in "\r")
    text: str  # the lines between, each with its newline
    closing: str
    first_line: int  # the line number of ``text``'s first line in the card


def read_card(path: Path) -> str:
    """A README.md's text; unreadable, oversized or non-UTF-8 files are a UserError."""
    try:
        raw = read_regular_file(path)
    except OSError as error:
        raise UserError(f"cannot read {path}: {error.strerror or error}") from None
    if isinstance(raw, str):
        raise UserError(f"cannot read {path}: {raw}.", hint="Give the card's README.md file.")
    if len(raw) > MAX_BYTES:
        raise UserError(
            f"{path} is larger than {MAX_BYTES:,} bytes; model cards are far smaller.",
            hint="Check that this is the model card's README.md.",
        )
    text, problem = decode_document(raw, str(path))
    if text is None:
        assert problem is not None
        where = f" (line {problem.location.line}, column {problem.location.column})"
        hint = (
            "Give the model card: README.md, a Markdown file."
            if "binary" in problem.message
            else problem.hint
        )
        raise UserError(f"{path}: {problem.message.rstrip('.')}{where}.", hint=hint)
    return text


def split_card(text: str) -> tuple[FrontMatter | None, str]:
    """The front matter (between ``---`` lines at the very top) and the Markdown body.

    Line by line, with string methods only: a regular expression here backtracked.
    """
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start == len(lines) or lines[start].strip() != "---":
        return None, text
    for end in range(start + 1, len(lines)):
        if lines[end].rstrip(" \t\r") == "---":
            between = "".join(line + "\n" for line in lines[start + 1 : end])
            front = FrontMatter(lines[start], between, lines[end], start + 2)
            return front, "\n".join(lines[end + 1 :])
    raise UserError(
        f"The card's front matter opens with `---` on line {start + 1} but never closes.",
        hint="End the front matter with a line holding only `---`, or remove the first one.",
    )


def read_front_matter(front: FrontMatter) -> dict[str, Any]:
    """The front matter's keys and values, read as gpai-docs reads documents (YAML 1.2)."""
    if not any(
        line.strip() and not line.lstrip().startswith("#") for line in front.text.split("\n")
    ):
        return {}  # empty, or comments only
    document = load_text(front.text, "README.md")
    problems = list(document.diagnostics)
    if problems and problems[0].code != "DL003":  # DL003: not a single mapping, below
        first = problems[0]
        line = (first.location.line or 1) + front.first_line - 1
        raise UserError(
            f"The card's front matter, line {line}, column {first.location.column or 1}: "
            f"{first.message}",
            hint=first.hint,
        )
    if not isinstance(document.data, dict) or problems:
        raise UserError(
            "The card's front matter is not one mapping of keys to values.",
            hint=_NOT_A_MAPPING_HINT,
        )
    return document.data


@dataclass(frozen=True)
class _Entry:
    start: int  # where the key is written
    end: int  # where the value's own text ends
    items_at: int | None  # the column of a block sequence's `-`, else None
    aliased: bool  # the value is a `*` alias


def _entries(text: str) -> dict[str, _Entry]:
    """Where each top-level entry is written."""
    root = yaml.compose(text, Loader=yaml.CSafeLoader)
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise UserError(
            "The card's front matter is one flow mapping (`{...}`); gpai-docs updates "
            "front matter written as `key: value` lines.",
            hint=_NOT_A_MAPPING_HINT,
        )
    entries = {}
    for key, value in root.value:
        if key.start_mark.column != 0:
            raise UserError(
                f"The card's front matter is indented (line {key.start_mark.line + 1}).",
                hint="Start each top-level key at the beginning of its line.",
            )
        block_list = isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value
        items_at = value.start_mark.column if block_list else None
        # An alias's node is the anchored one, written elsewhere: its end says nothing here.
        aliased = value.start_mark.index < key.end_mark.index
        end = key.end_mark.index if aliased else _content_end(value, text)
        entries[str(key.value)] = _Entry(key.start_mark.index, end, items_at, aliased)
    return entries


def _content_end(node: yaml.Node, text: str) -> int:
    """The end of the value's own text: a block collection's end mark reaches over the
    comments and blank lines after it, which belong to what follows."""
    while isinstance(node, yaml.CollectionNode) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    end = node.end_mark.index
    while end > 0 and text[end - 1] in "\r\n":  # a block scalar ends after its line break
        end -= 1
    return end


def _line_end(text: str, end: int) -> int:
    """Where the line holding ``end`` ends (before its line break) if only blanks or a
    comment follow ``end`` on it; else ``end``."""
    stop = text.find("\n", end)
    stop = len(text) if stop == -1 else stop - (text[stop - 1 : stop] == "\r" and stop > end)
    rest = text[end:stop].strip()
    return stop if not rest or rest.startswith("#") else end


def _break_after(text: str, at: int) -> int:
    return at + (2 if text.startswith("\r\n", at) else 1 if text.startswith("\n", at) else 0)


def _appended_items(key: str, old: Any, new: Any, entry: _Entry) -> str | None:
    """The lines to add after a block list that ``new`` only extends, else None."""
    if entry.items_at is None or not isinstance(old, list) or not isinstance(new, list):
        return None
    if len(new) <= len(old) or not _same(old, new[: len(old)]):
        return None
    lines = dump_block({key: new[len(old) :]}).rstrip("\n").split("\n")[1:]
    if len(lines) != len(new) - len(old):  # an entry the emitter spread over lines
        return None
    return "".join("\n" + " " * entry.items_at + line for line in lines)


def _touched(entries: dict[str, _Entry], key: str) -> _Entry:
    entry = entries[key]
    if entry.aliased:
        raise UserError(
            f"The card's `{key}` is a YAML alias (`*`), and gpai-docs updates this key.",
            hint=f"Write the value of `{key}` out in full instead of the alias.",
        )
    return entry


def updated_text(front: str, user: dict[str, Any], wanted: dict[str, Any]) -> str:
    """``front`` with each top-level key whose value differs from ``wanted`` rewritten.

    Keys of ``user`` missing from ``wanted`` are removed, new keys are appended, a block
    list that only gains entries gets them after its last one; every other byte of
    ``front`` is kept. The result must read back as ``wanted``.
    """
    entries = _entries(front) if user else {}
    cuts: list[tuple[int, int, str]] = []
    for key in user.keys() & wanted.keys():
        if _same(user[key], wanted[key]):
            continue
        entry = _touched(entries, key)
        added = _appended_items(key, user[key], wanted[key], entry)
        if added is not None:  # after the last entry's comment, which stays with it
            at = _line_end(front, entry.end)
            cuts.append((at, at, added))
            continue
        # A value over several lines is replaced with the comment on its last line.
        multi = "\n" in front[entry.start : entry.end]
        end = _line_end(front, entry.end) if multi else entry.end
        cuts.append((entry.start, end, dump_block({key: wanted[key]}).rstrip("\n")))
    for key in user.keys() - wanted.keys():
        entry = _touched(entries, key)
        cuts.append((entry.start, _break_after(front, _line_end(front, entry.end)), ""))
    crlf = "\r\n" in front
    out = front
    for start, end, new in sorted(cuts, reverse=True):
        out = out[:start] + (new.replace("\n", "\r\n") if crlf else new) + out[end:]
    appended = {k: v for k, v in wanted.items() if k not in user}
    if appended:
        block = dump_block(appended)
        out += ("" if not out or out.endswith("\n") else "\n") + (
            block.replace("\n", "\r\n") if crlf else block
        )
    _check(out, wanted)
    return out


def _same(a: Any, b: Any) -> bool:
    """Equal and of the same types (``1 == True`` in Python, not in YAML)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return bool(a == b) or (a != a and b != b)  # NaN, as `.nan` in the user's keys


def _check(text: str, wanted: dict[str, Any]) -> None:
    document = load_text(text, "README.md")
    back = document.data if document.diagnostics == () else None
    if not _same(back if text.strip() else {}, wanted):
        raise UserError(
            "The card's front matter cannot be updated without changing keys gpai-docs "
            "does not own (a YAML anchor or alias shared with one of its keys?).",
            hint="Write the front matter's values out in full, without anchors and aliases.",
        )
