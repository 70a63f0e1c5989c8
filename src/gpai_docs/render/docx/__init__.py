"""Word (DOCX) output: one artifact in the official layout, as a document people edit.

Public API: :func:`export_docx` (validate a project and export one document for one
audience) and :func:`artifact_docx` (the bytes of an already rendered artifact).
"""

from __future__ import annotations

from gpai_docs.render.docx.export import (
    AUDIENCES,
    DOCUMENTS,
    artifact_docx,
    export_docx,
)

__all__ = ["AUDIENCES", "DOCUMENTS", "artifact_docx", "export_docx"]
