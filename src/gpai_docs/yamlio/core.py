"""The YAML 1.2 core schema: what an unquoted scalar means to gpai-docs.

Kept apart from the loader so that the card export can ask the same question of text it
is about to write: a value that YAML 1.2 would read as a number, a boolean or null must
be quoted, whatever PyYAML's YAML 1.1 rules think of it (``0o7``, ``1e3``).
"""

from __future__ import annotations

import math
import re
from typing import Any

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")


def plain_value(text: str) -> Any:
    """The value of ``text`` written as an unquoted, untagged YAML 1.2 scalar."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    try:
        if _INT.match(text):
            return int(text)
        if _OCT.match(text):
            return int(text[2:], 8)
        if _HEX.match(text):
            return int(text[2:], 16)
    except ValueError:  # more digits than Python converts; keep the text
        return text
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.match(text):
        return math.nan
    return text


def reads_as_text(text: str) -> bool:
    """Whether ``text`` written unquoted is read back by YAML 1.2 as that same text."""
    return isinstance(plain_value(text), str)
