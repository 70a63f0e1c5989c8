"""Plain values shared by every stage: severity, location, diagnostic and report."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

JsonPath = tuple[str | int, ...]


class Severity(enum.IntEnum):
    """How bad a finding is; ordered so that ``max()`` gives the worst."""

    INFO = 10
    WARNING = 20
    ERROR = 30

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding points: a file, a field path and, when known, line and column (1-based)."""

    file: str
    path: JsonPath = ()
    line: int | None = None
    column: int | None = None

    @property
    def dotted_path(self) -> str:
        """The field path as ``a.b[0].c``, the way people read it."""
        out = ""
        for part in self.path:
            if isinstance(part, int):
                out += f"[{part}]"
            else:
                out += f".{part}" if out else part
        return out

    @property
    def pointer(self) -> str:
        """The field path as an RFC 6901 JSON Pointer, the way machines read it."""
        return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in self.path)

    def __str__(self) -> str:
        pos = self.file
        if self.line is not None:
            pos += f":{self.line}"
            if self.column is not None:
                pos += f":{self.column}"
        return pos


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: a stable code, a severity, a one-sentence message, where, how to fix, why."""

    code: str
    severity: Severity
    message: str
    location: Location
    hint: str | None = None
    reference: str | None = None
    rule: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.file, loc.line or 0, loc.column or 0, self.code, self.message)


@dataclass(frozen=True, slots=True)
class Report:
    """Every diagnostic of one run, sorted by file, line and code."""

    diagnostics: tuple[Diagnostic, ...] = field(default_factory=tuple)

    @classmethod
    def of(cls, diagnostics: Iterable[Diagnostic]) -> Report:
        unique = dict.fromkeys(diagnostics)
        return cls(tuple(sorted(unique, key=Diagnostic.sort_key)))

    def with_severity(self, severity: Severity) -> Sequence[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == severity]

    @property
    def errors(self) -> Sequence[Diagnostic]:
        return self.with_severity(Severity.ERROR)

    @property
    def warnings(self) -> Sequence[Diagnostic]:
        return self.with_severity(Severity.WARNING)

    @property
    def infos(self) -> Sequence[Diagnostic]:
        return self.with_severity(Severity.INFO)

    @property
    def worst(self) -> Severity | None:
        return max((d.severity for d in self.diagnostics), default=None)

    def fails(self, *, strict: bool = False) -> bool:
        """Whether the run should count as failed: errors, or warnings too when strict."""
        threshold = Severity.WARNING if strict else Severity.ERROR
        worst = self.worst
        return worst is not None and worst >= threshold
