"""How deep a flow collection (``[...]``, ``{...}``) nests, read from the brackets in the text.

Part of the nesting pre-scan (``yamlio.nesting``), which also uses the small skips over
blanks, quoted scalars and indicators defined here. Every star is possessive, so no
pattern ever backtracks, and each one is used from a position the scan has not passed yet.
"""

from __future__ import annotations

import re

INLINE_BLANKS = re.compile(r"[ \t\r]*+")
PROPERTY_END = re.compile(r"[ \t\r\n,\[\]{}]")
_BLANKS = re.compile(r"[ \t\r\n]*+")
_FLOW_STOP = re.compile(r"[][{},:#]")
_QUOTED_SCALAR = {
    "'": re.compile(r"'(?:[^']|'')*+'"),
    '"': re.compile(r'"(?:[^"\\]|\\.)*+"', re.S),
}
# Fast paths for flow lists of plain items (and of flat collections, below the limit).
_FLOW_ITEM = r"[ \t\r\n]*+[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\[\]{},:#\n]*+"
_FLAT_ITEM = r"[ \t\r\n]*+(?:\[[^\n\[\]{}'\"#]*+\]|\{[^\n\[\]{}'\"#]*+\})[ \t\r]*+"
_FLOW_RUN = re.compile(rf"(?:{_FLOW_ITEM},)++")
_FLOW_RUN_WITH_FLAT = re.compile(rf"(?:(?:{_FLOW_ITEM}|{_FLAT_ITEM}),)++")


def past(pattern: re.Pattern[str], text: str, i: int, end: int) -> int:
    """The index after what ``pattern`` matches at ``i`` (``i`` itself if nothing)."""
    match = pattern.match(text, i, end)
    return i if match is None else match.end()


def after_quoted(text: str, i: int) -> int:
    """The index just after the quoted scalar opening at ``i`` (the end if it never closes)."""
    quoted = _QUOTED_SCALAR[text[i]].match(text, i)
    return len(text) if quoted is None else quoted.end()


def is_indicator(text: str, i: int) -> bool:
    """Whether the ``-``, ``?`` or ``:`` at ``i`` is an indicator (followed by a blank)."""
    return text[i + 1 : i + 2] in ("", " ", "\t", "\r", "\n")


def flow_end(text: str, i: int, at: int, base: int, limit: int) -> tuple[int, int | None]:
    """Read the flow collection opening at ``i`` (reported at ``at``) inside ``base`` open
    collections: the index after it, and where nesting first goes beyond ``limit`` (or None).
    """
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
            if (text[i] == ":" and after not in ",[]{}" and not is_indicator(text, i)) or (
                text[i] == "#" and text[i - 1] not in " \t\r\n"
            ):
                i += 1  # `a:b` and `a#b` are plain text in flow too
                continue
            at_token = True
        i = past(_BLANKS, text, i, len(text))
        if i >= len(text):
            break
        char = text[i]
        if char in "&!":
            properties = i if properties is None else properties
            stop = PROPERTY_END.search(text, i)
            i = len(text) if stop is None else stop.start()
            continue
        node = i if properties is None else properties
        properties = None
        if char in "[{":
            level += 1
            if base + level > limit:
                return len(text), node
            i += 1
        elif char in "]}":
            level -= 1
            i += 1
            if level <= 0:
                return i, None
        elif char == ",":
            run = _FLOW_RUN_WITH_FLAT if base + level < limit else _FLOW_RUN
            i = past(run, text, i + 1, len(text))
        elif char in "'\"":
            i = after_quoted(text, i)
        elif char == "#":
            found = text.find("\n", i)
            i = len(text) if found < 0 else found
        elif char == ":" or (char in "?-" and is_indicator(text, i)):
            i += 1
        elif char == "*":
            stop = PROPERTY_END.search(text, i)
            i = len(text) if stop is None else stop.start()
        else:
            at_token = False
            i += 1
    return len(text), None
