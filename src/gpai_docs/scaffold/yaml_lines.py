"""YAML text for the scaffold: scalars that read back as written, and blocks of lines."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from gpai_docs.yamlio.emit import dump_flow, needs_escapes

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 _.,()/+-]*[A-Za-z0-9.)]")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def yaml_scalar(value: object) -> str:
    """A scalar as YAML text that every YAML version reads back as the same value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED and ": " not in text:
        return text
    if needs_escapes(text):  # JSON leaves NEL, U+2028, DEL and C1 controls raw: YAML does not
        return dump_flow(text)
    return json.dumps(text, ensure_ascii=False)


@dataclass
class Lines:
    """Scaffold lines, and how many answers among them are left to be provided."""

    lines: list[str]
    pending: int = 0

    def extend(self, other: Lines) -> None:
        self.lines.extend(other.lines)
        self.pending += other.pending


def commented(lines: list[str], indent: int) -> list[str]:
    return [f"{line[:indent]}# {line[indent:]}" for line in lines]


def as_item(inner: Lines, indent: int) -> Lines:
    """Turn a mapping written at ``indent + 2`` into one list item at ``indent``."""
    lines, first = [], True
    for line in inner.lines:
        stripped = line[indent + 2 :]
        if first and not stripped.startswith("#"):
            lines.append(f"{' ' * indent}- {stripped}")
            first = False
        else:
            lines.append(f"{' ' * (indent + 2)}{stripped}")
    return Lines(lines, inner.pending)
