"""Map field paths to the line and column where the user wrote them."""

from __future__ import annotations

from dataclasses import dataclass, field

from gpai_docs.diagnostics import JsonPath, Location
from gpai_docs.yamlio.problems import Position


@dataclass(frozen=True)
class SourceMap:
    """Positions (1-based line, column) of every key and value of one document."""

    file: str
    keys: dict[JsonPath, Position] = field(default_factory=dict)
    values: dict[JsonPath, Position] = field(default_factory=dict)

    def position(self, path: JsonPath) -> Position | None:
        """Where ``path`` was written; a missing field points at its nearest written parent."""
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            found = self.keys.get(prefix) or self.values.get(prefix)
            if found is not None:
                return found
        return None

    def value_position(self, path: JsonPath) -> Position | None:
        """Where the value at ``path`` starts (for a wrong value rather than a wrong key)."""
        return self.values.get(path) or self.position(path)

    def locate(self, path: JsonPath, *, at_value: bool = False) -> Location:
        pos = self.value_position(path) if at_value else self.position(path)
        line, column = pos if pos is not None else (None, None)
        return Location(self.file, path, line, column)
