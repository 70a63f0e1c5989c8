"""Export one document of a project, for one audience, as Word: validated as a build is.

The document is refused while it has errors or answers still to be provided (unless it
is a draft), as `gpai-docs build` refuses; only the exported document's findings count,
so a summary can be exported while the model documentation is still being written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path, PurePosixPath

from gpai_docs.diagnostics import Report
from gpai_docs.errors import UserError
from gpai_docs.models.kinds import KINDS
from gpai_docs.render.artifacts import SPECS, spec_for
from gpai_docs.render.build import refuse_unless_buildable
from gpai_docs.render.docx.document import build_document
from gpai_docs.render.docx.package import document_bytes, set_properties
from gpai_docs.render.markdown import RenderedArtifact, render_artifact
from gpai_docs.render.reference_date import default_as_of
from gpai_docs.validate.pipeline import ValidationResult, validate_loaded
from gpai_docs.validate.project import load_project

# The documents by the names the command line uses, and the audiences each is made for.
DOCUMENTS = {kind.stem: kind.key for kind in KINDS}
AUDIENCES: dict[str, tuple[str, ...]] = {
    name: tuple(spec.audience for spec in SPECS if spec.document == key)
    for name, key in DOCUMENTS.items()
}


def artifact_docx(rendered: RenderedArtifact) -> bytes:
    """The DOCX bytes of one rendered artifact (its cover, header block and parts)."""
    document = build_document(rendered.cover, rendered.header_block, rendered.parts)
    set_properties(document, rendered.cover)
    return document_bytes(document, rendered.cover.date)


def check_choice(document: str, audience: str) -> str:
    """The document's key; a clear error for a document or audience there is none of."""
    if document not in DOCUMENTS:
        raise UserError(
            f"There is no document {document!r} to export.",
            hint=f"Use one of: {', '.join(DOCUMENTS)}.",
        )
    if audience not in AUDIENCES[document]:
        raise UserError(
            f"The {document} is not made for the audience {audience!r}.",
            hint=f"Use --audience {' or '.join(AUDIENCES[document])}.",
        )
    return DOCUMENTS[document]


def _files_of(result: ValidationResult, key: str) -> set[str]:
    """The file names whose findings concern document ``key``: its own file, and for the
    summary the domain statistics its section 2.3 is computed from."""
    kind = next(k for k in KINDS if k.key == key)
    doc = result.project.documents.get(key)
    names = {doc.path.name} if doc is not None and doc.path is not None else set()
    if key == "training_data_summary" and result.project.domains is not None:
        names.add(PurePosixPath(result.project.domains.source).name)
    return names | {f"{kind.stem}{suffix}" for suffix in (".yaml", ".yml", ".json")}


def findings_of(result: ValidationResult, key: str) -> ValidationResult:
    """The validation result cut to one document's findings (and gpai-docs's own)."""
    files = _files_of(result, key)
    kept = [
        d
        for d in result.report.diagnostics
        if d.internal or PurePosixPath(d.location.file).name in files
    ]
    return dataclasses.replace(result, report=Report.of(kept))


def export_docx(
    project_dir: Path,
    document: str,
    audience: str,
    *,
    draft: bool = False,
    as_of: dt.date | None = None,
) -> bytes:
    """Validate ``project_dir`` and return ``document`` for ``audience`` as DOCX bytes.

    Raises :class:`~gpai_docs.render.build.BuildRefused` (holding the document's
    findings) when the document has errors or answers to be provided and ``draft`` is
    not set, and :class:`~gpai_docs.errors.UserError` for an unknown document or audience.
    """
    key = check_choice(document, audience)
    project = load_project(project_dir)
    result = validate_loaded(project, as_of=as_of or default_as_of(project))
    refuse_unless_buildable(findings_of(result, key), draft=draft)
    rendered = render_artifact(result, spec_for(key, audience), draft=draft)
    if rendered is None:
        raise UserError(
            f"The {document} in {project_dir} did not load, so there is nothing to export.",
            hint=f"Run `gpai-docs validate {project_dir}` and fix its errors first.",
        )
    return artifact_docx(rendered)
