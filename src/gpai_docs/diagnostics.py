"""Plain values shared by every stage: severity, location, diagnostic and report."""

from __future__ import annotations

import enum
import os
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

JsonPath = tuple[str | int, ...]

# Codes of the GD family ("gpai-docs") report bugs in the tool, never problems in the
# documents: a run with one is a tool error (exit 2), whatever else it found.
INTERNAL_FAMILY = "GD"
INTERNAL_ERROR = "GD001"
# Set, internal errors propagate with their traceback instead of becoming GD001.
DEBUG_VARIABLE = "GPAI_DOCS_DEBUG"


def debugging() -> bool:
    return os.environ.get(DEBUG_VARIABLE, "") not in ("", "0")


class Severity(enum.IntEnum):
    """How bad a finding is; ordered so that ``max()`` gives the worst."""

    INFO = 10
    WARNING = 20
    ERROR = 30

    @property
    def label(self) -> str:
        return self.name.lower()


# The place of an internal error: no document. A project folder may well be named
# "(draft)", so a leading parenthesis alone does not mark a pseudo-location.
TOOL_LOCATION = "(gpai-docs)"


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding points: a file, a field path and, when known, line and column (1-based)."""

    file: str
    path: JsonPath = ()
    line: int | None = None
    column: int | None = None

    @property
    def names_a_file(self) -> bool:
        """False for a finding about gpai-docs itself, which points at no document."""
        return self.file != TOOL_LOCATION

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

    @property
    def internal(self) -> bool:
        """Whether this reports a bug in gpai-docs rather than a finding about the documents."""
        return self.code.startswith(INTERNAL_FAMILY)


def _raised_at(error: BaseException) -> str:
    """The innermost frame of gpai-docs the error came from, as ``rules/x.py:12``."""
    # The first frame is the one that caught the error, not one it went wrong in.
    frames = traceback.extract_tb(error.__traceback__)[1:]
    ours = [f for f in frames if "gpai_docs" in PurePath(f.filename).parts]
    if not ours:
        return ""
    parts = PurePath(ours[-1].filename).parts
    relative = "/".join(parts[len(parts) - parts[::-1].index("gpai_docs") :])
    return f" (raised at {relative}:{ours[-1].lineno})"


def internal_error(component: str, error: BaseException) -> Diagnostic:
    """The diagnostic for an exception inside gpai-docs: a bug to report, not a finding.

    It names the failing part, the exception's type and message and where it was raised;
    the traceback stays out of the report (``GPAI_DOCS_DEBUG=1`` shows it from the CLI).
    """
    detail = " ".join(str(error).split())
    if len(detail) > 160:
        detail = detail[:159] + "…"
    what = type(error).__name__ + (f": {detail}" if detail else "")
    return Diagnostic(
        INTERNAL_ERROR,
        Severity.ERROR,
        f"Internal error: {component} failed with {what}{_raised_at(error)}. This is a bug "
        "in gpai-docs, not a problem in your documents.",
        Location(TOOL_LOCATION),
        hint="Please report it to the gpai-docs maintainers with this message and the output "
        "of `gpai-docs --version`; run again with GPAI_DOCS_DEBUG=1 for the traceback.",
    )


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
    def internal_errors(self) -> Sequence[Diagnostic]:
        """Bugs of gpai-docs met during the run; with any, the report is incomplete."""
        return [d for d in self.diagnostics if d.internal]

    @property
    def worst(self) -> Severity | None:
        return max((d.severity for d in self.diagnostics), default=None)

    def fails(self, *, strict: bool = False) -> bool:
        """Whether the run should count as failed: errors, or warnings too when strict."""
        threshold = Severity.WARNING if strict else Severity.ERROR
        worst = self.worst
        return worst is not None and worst >= threshold
