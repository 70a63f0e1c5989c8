"""Load the documents an export needs, refusing ones that do not match their schema."""

from __future__ import annotations

from pathlib import Path

from gpai_docs.errors import UserError
from gpai_docs.models import ModelDocumentation, TrainingDataSummary
from gpai_docs.validate.project import load_project


def documents_for_export(root: Path) -> tuple[ModelDocumentation, TrainingDataSummary | None]:
    """The model documentation (required) and the training-content summary (if valid).

    Exports are published: a document with schema errors would publish guesses, so it is
    refused with a pointer to `gpai-docs validate`.
    """
    project = load_project(root)
    md_doc = project.documents["model_documentation"]
    md = md_doc.model
    if not isinstance(md, ModelDocumentation):
        count = sum(1 for d in md_doc.diagnostics if d.severity.label == "error")
        raise UserError(
            f"The model documentation in {root} does not validate ({count} errors).",
            hint=f"Run `gpai-docs validate {root}` and fix the errors first.",
        )
    tds_doc = project.documents["training_data_summary"]
    if tds_doc.loaded is not None and tds_doc.model is None:
        raise UserError(
            f"The training-content summary in {root} does not validate.",
            hint=f"Run `gpai-docs validate {root}` and fix the errors first.",
        )
    tds = tds_doc.model
    return md, tds if isinstance(tds, TrainingDataSummary) else None
