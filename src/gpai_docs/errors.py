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
        # Messages may quote document text or file names: shown escaped on one line each,
        # so that a printed error cannot write a CI workflow command or drive a terminal.
        from gpai_docs.escaping import text_line

        message = text_line(self.message)
        return message if self.hint is None else f"{message}\n  hint: {text_line(self.hint)}"


class UserError(GpaiDocsError):
    """The user asked for something that cannot be done (missing folder, bad option)."""


class OutputError(GpaiDocsError):
    """An output could not be written (read-only or full disk, locked folder)."""


class InternalError(GpaiDocsError):
    """A bug in gpai-docs itself."""


class DocxRefused(UserError):
    """A Word file that is not read: not a DOCX, damaged, too big or built to do harm."""
