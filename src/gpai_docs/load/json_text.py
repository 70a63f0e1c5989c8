"""Read a JSON document into plain data plus the positions of its keys and values.

JSON is parsed by the standard library, held to the YAML reader's rules (the first of two
equal keys wins, no NaN, the same depth limit, every number keeps the text it was written
as), and indexed for positions by a small
scanner that runs only over text the parser has already accepted.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from typing import Any

from gpai_docs.diagnostics import Diagnostic, JsonPath
from gpai_docs.load.source_map import SourceMap
from gpai_docs.yamlio.limits import MAX_DEPTH, too_deep
from gpai_docs.yamlio.nesting import nesting_beyond
from gpai_docs.yamlio.problems import Position, document_problem, duplicate_key, line_col
from gpai_docs.yamlio.written import WrittenFloat, WrittenInt

_JSON_TOKEN = re.compile(r'\s*(?:("(?:[^"\\]|\\.)*")|([{}\[\]:,])|([^\s{}\[\]:,"]+))', re.S)


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
        return line_col(text, match.start(match.lastindex or 0))

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
                    problems.append(duplicate_key(file, key, keys.get((*path, key)), pos(tok)))
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
        return WrittenInt(int(text), text)
    except ValueError:  # more digits than Python converts; keep the text, as YAML does
        return text


def _json_float(text: str) -> float:
    """A JSON number with a point or an exponent, keeping how it was written (``1.10``)."""
    return WrittenFloat(float(text), text)


def _constant_position(text: str) -> Position | None:
    for match in _JSON_TOKEN.finditer(text):
        if match.group(3) in ("NaN", "Infinity", "-Infinity"):
            return line_col(text, match.start(3))
    return None


def depth_exceeds(data: Any, limit: int) -> bool:
    """Whether parsed JSON nests deeper than ``limit`` (checked without recursion)."""
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
    return too_deep(file, nesting_beyond(text, MAX_DEPTH))


def load_json(text: str, file: str) -> tuple[Any, SourceMap, list[Diagnostic]]:
    """The data of the JSON document ``text``, where it was written, and what went wrong."""
    empty = SourceMap(file)
    try:
        data = json.loads(
            text,
            object_pairs_hook=_first_wins,
            parse_constant=_reject_constant,
            parse_int=_json_int,
            parse_float=_json_float,
        )
    except json.JSONDecodeError as exc:
        return (
            None,
            empty,
            [
                document_problem(
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
                document_problem(
                    "DL002",
                    file,
                    f"JSON could not be read: {exc}.",
                    "Write numbers as plain digits; NaN and Infinity are not JSON.",
                    _constant_position(text),
                )
            ],
        )
    if depth_exceeds(data, MAX_DEPTH):  # a container at depth 64 is the 65th level
        return None, empty, [_json_too_deep(text, file)]
    smap, problems = _json_positions(text, file)
    return data, smap, problems
