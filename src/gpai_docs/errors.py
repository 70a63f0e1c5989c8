"""The one exception hierarchy of gpai-docs.

Problems *in a document* are never exceptions: they are diagnostics in a report.
Exceptions are for the tool failing to do its job (bad arguments, unwritable output).
"""

from __future__ import annotations


class GpaiDocsError(Exception):
    """Base class of every error gpai-docs raises on purpose."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if self.hint is None else f"{self.message}\n  hint: {self.hint}"


class UserError(GpaiDocsError):
    """The user asked for something that cannot be done (missing folder, bad option)."""


class OutputError(GpaiDocsError):
    """An output could not be written (read-only or full disk, locked folder)."""


class InternalError(GpaiDocsError):
    """A bug in gpai-docs itself."""
