"""JSON from untrusted hands, read with limits and with positions for every complaint.

The standard library reads JSON quickly but quietly: it keeps the last of two equal keys,
turns ``1e999`` into infinity, accepts ``NaN``, fails on 5,000-digit numbers and recurses
once per nesting level. Here each of those is either refused or kept exact, and every
problem is a ``JsonProblem`` with the line and column where it is written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from gpai_docs.errors import InternalError
from gpai_docs.load.json_text import depth_exceeds

JsonPath = tuple[str | int, ...]
Position = tuple[int, int]


class JsonProblem(Exception):
    """Why the text is not acceptable JSON, and where (None when it is everywhere)."""

    def __init__(self, what: str, position: Position | None = None) -> None:
        super().__init__(what)
        self.what = what
        self.position = position


def dotted(path: tuple[str | int, ...] | list[str | int]) -> str:
    """A path the way people write it: ``files[2].size``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the document"


def decode(raw: bytes, what: str) -> str:
    """UTF-8 text without byte-order mark; ``what`` names the file kind in the message."""
    if raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        raise JsonProblem(f"starts with a byte-order mark; {what} is plain UTF-8", (1, 1))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8", errors="replace")
        where = (before.count("\n") + 1, len(before) - before.rfind("\n"))
        bad = raw[error.start]
        raise JsonProblem(f"is not valid UTF-8 (byte 0x{bad:02x})", where) from None


class _Duplicate(Exception):
    pass


class _Constant(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Duplicate
    return out


def _no_constant(name: str) -> Any:
    raise _Constant(name)


def _integer(digits: str) -> int | Decimal:
    # Python refuses to convert more than 4,300 digits; a Decimal keeps the value for a
    # schema to refuse as out of range instead.
    return int(digits) if len(digits) <= 30 else Decimal(digits)


def load(text: str, max_depth: int) -> Any:
    """The data of ``text``: numbers that are not whole as ``Decimal`` (so 1e999 stays a
    number), no two equal keys in one object, no NaN or Infinity, at most ``max_depth``
    levels of nesting."""
    deep = JsonProblem(f"nests deeper than {max_depth} levels")
    try:
        data = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_float=Decimal,
            parse_int=_integer,
        )
    except json.JSONDecodeError as error:
        at = (error.lineno, error.colno)
        raise JsonProblem(f"is not valid JSON: {error.msg}", at) from None
    except RecursionError:
        raise deep from None
    except _Constant as error:
        raise JsonProblem(f"{error} is not a JSON number", _constant(text)) from None
    except _Duplicate:
        path, position = _first_duplicate(text)
        raise JsonProblem(f"the key {dotted(path)} is written twice", position) from None
    if depth_exceeds(data, max_depth):
        raise deep
    return data


_TOKEN = re.compile(r'\s*(?:("(?:[^"\\]|\\.)*")|([{}\[\]:,])|([^\s{}\[\]:,"]+))', re.S)


def _line_col(text: str, offset: int) -> Position:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _walk(text: str) -> Iterator[tuple[bool, JsonPath, int]]:
    """(is a key, path, offset) of every key and value of valid JSON, without recursion."""
    stack: list[list[Any]] = []  # [path, next key or index, is an object, expecting a key]
    for match in _TOKEN.finditer(text):
        string, punct, _bare = match.groups()
        offset = match.start(match.lastindex or 0)
        top = stack[-1] if stack else None
        if punct in ("}", "]"):
            stack.pop()
            continue
        if punct == ",":
            if top is None:  # the regex admits a comma only inside a container
                raise InternalError("a comma outside any JSON container")
            if top[2]:
                top[3] = True
            else:
                top[1] += 1
            continue
        if punct == ":":
            continue
        if top is not None and top[2] and top[3]:
            top[1], top[3] = json.loads(string), False
            yield True, (*top[0], top[1]), offset
            continue
        path: JsonPath = (*top[0], top[1]) if top is not None else ()
        yield False, path, offset
        if punct == "{":
            stack.append([path, None, True, True])
        elif punct == "[":
            stack.append([path, 0, False, False])


def locate(text: str, path: JsonPath, *, key: bool = False) -> Position | None:
    """Where ``path`` is written (its key, or its value); else its nearest written parent."""
    found: dict[JsonPath, int] = {}
    prefixes = {path[:end] for end in range(len(path) + 1)}
    for is_key, where, offset in _walk(text):
        if where not in prefixes or (where == path and is_key and not key):
            continue  # for a wrong value, wait for the value rather than its key
        found.setdefault(where, offset)
        if where == path:
            break
    for end in range(len(path), -1, -1):
        if path[:end] in found:
            return _line_col(text, found[path[:end]])
    return None


def _first_duplicate(text: str) -> tuple[JsonPath, Position | None]:
    seen: set[JsonPath] = set()
    for is_key, path, offset in _walk(text):
        if is_key:
            if path in seen:
                return path, _line_col(text, offset)
            seen.add(path)
    return (), None


def _constant(text: str) -> Position | None:
    for match in _TOKEN.finditer(text):
        if match.group(3) in ("NaN", "Infinity", "-Infinity"):
            return _line_col(text, match.start(3))
    return None
