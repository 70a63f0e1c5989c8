"""The diagnostics a document's text earns, and the positions they point at.

YAML and JSON documents are refused with the same codes (DL001 to DL007), all citing the
gpai-docs document format, so both readers build them here.
"""

from __future__ import annotations

from gpai_docs.diagnostics import Diagnostic, Location, Severity

Position = tuple[int, int]  # 1-based line and column


def line_col(text: str, offset: int) -> Position:
    """The line and column of the character at ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def document_problem(
    code: str, file: str, message: str, hint: str | None, pos: Position | None
) -> Diagnostic:
    """An error in the document ``file``, at ``pos`` when it is known."""
    line, column = pos if pos else (None, None)
    return Diagnostic(
        code=code,
        severity=Severity.ERROR,
        message=message,
        location=Location(file, (), line, column),
        hint=hint,
        reference="gpai-docs document format",
    )


def duplicate_key(file: str, key: str, first: Position | None, at: Position) -> Diagnostic:
    """DL004 for the second ``key`` of a mapping; readers disagree on which one counts."""
    where = f" (first written on line {first[0]})" if first else ""
    return document_problem(
        "DL004",
        file,
        f"The key {key!r} is written twice{where}.",
        "Keep one of the two entries; gpai-docs reads the first, other readers often the last.",
        at,
    )
