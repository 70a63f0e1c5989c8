"""The documents of a project folder or of a release, loaded as validated models.

A release keeps the exact source files it was built from under ``sources/``: the three
documents and every file they name (the domain statistics file of summary section 2.3),
at the same relative path, so the semantic diff, the changelog, the crawler feed and
`gpai-docs validate` read an old release the same way as a working project.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pydantic import BaseModel

from gpai_docs.bundle.manifest import path_problem
from gpai_docs.errors import UserError
from gpai_docs.models import CopyrightPolicy, ModelDocumentation, TrainingDataSummary
from gpai_docs.models.dates import AmbiguousDate
from gpai_docs.validate.pipeline import typed_documents
from gpai_docs.validate.project import Project, load_project

MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.sig"
SOURCES_DIR = "sources"


@dataclass(frozen=True)
class LoadedProject:
    """The three validated documents of one side, and the files they came from."""

    root: Path
    model_documentation: ModelDocumentation
    training_data_summary: TrainingDataSummary
    copyright_policy: CopyrightPolicy
    files: dict[str, Path]
    sources: dict[str, bytes]  # each document's bytes as validated, for the release to archive
    # Every other file the documents name, by the path they give, with its bytes as
    # validated (None: it could not be read, so it cannot be archived).
    referenced: dict[str, Referenced] = field(default_factory=dict)

    @property
    def models(self) -> dict[str, BaseModel]:
        return {
            "model_documentation": self.model_documentation,
            "training_data_summary": self.training_data_summary,
            "copyright_policy": self.copyright_policy,
        }

    @property
    def model_name(self) -> str:
        return self.model_documentation.general.model_name.name

    def document_versions(self) -> dict[str, dict[str, str]]:
        """The public documents' own version and date, as the manifest records them.

        The manifest is public (anyone who verifies a public file reads it), while the model
        documentation's version and date (MDF.doc.version) are for the AI Office, the
        authorities and downstream providers only, so they stay in its restricted files."""
        tds, cp = self.training_data_summary, self.copyright_policy
        return {
            "training_data_summary": _versioned(tds.header.version, tds.header.last_update),
            "copyright_policy": _versioned(cp.document.version, cp.document.last_updated),
        }


@dataclass(frozen=True)
class Referenced:
    """A file a document names: which document and field, and its bytes as validated."""

    document: str
    at: str  # the field naming it, e.g. section_2.crawled_data.top_domains.source
    data: bytes | None

    def archive_name(self, source: str) -> str | None:
        """Where under ``sources/`` the file goes (the path the document gives), or None
        when that path cannot name a file inside the release."""
        name = PurePosixPath(source).as_posix()
        if PurePosixPath(source).is_absolute() or path_problem(name) is not None:
            return None
        return name


def _referenced(project: Project) -> dict[str, Referenced]:
    if project.domains is None:
        return {}
    where = "section_2.crawled_data.top_domains.source"
    return {
        project.domains.source: Referenced("training_data_summary", where, project.domains.data)
    }


def _versioned(version: object, date: dt.date | AmbiguousDate) -> dict[str, str]:
    # A release refuses answers still to be provided, so a version is text by now; a date
    # whose day and month could swap is recorded as written, never as a guessed date.
    shown = date.isoformat() if isinstance(date, dt.date) else date.text
    return {"version": version if isinstance(version, str) else "", "date": shown}


def is_release(path: Path) -> bool:
    """Whether ``path`` is a release folder (it holds a manifest)."""
    return (path / MANIFEST).is_file()


def documents_folder(path: Path) -> Path:
    """The folder holding the documents: the project itself, or a release's ``sources/``."""
    return path / SOURCES_DIR if is_release(path) else path


def load_side(path: Path) -> LoadedProject:
    """The three documents of a project or release, schema-validated.

    Raises ``UserError`` naming the documents that are missing or do not validate: a
    semantic comparison needs every value typed.
    """
    return side_of(load_project(documents_folder(path)), path)


def side_of(project: Project, path: Path) -> LoadedProject:
    """The loaded ``project`` as one side; ``path`` is what the user named, for messages."""
    md, tds, cp = typed_documents(project)
    files = {key: doc.path for key, doc in project.documents.items() if doc.path is not None}
    sources = {
        key: doc.loaded.raw
        for key, doc in project.documents.items()
        if doc.loaded is not None and doc.loaded.raw is not None
    }
    if md is None or tds is None or cp is None or len(sources) < len(project.documents):
        broken = [
            doc.kind.title
            for doc in project.documents.values()
            if doc.model is None or doc.path is None
        ]
        raise UserError(
            f"{path}: {', '.join(broken)} missing or not valid.",
            hint=f"Run `gpai-docs validate {project.root}` and fix the errors it reports.",
        )
    return LoadedProject(project.root, md, tds, cp, files, sources, _referenced(project))


def load_models(path: Path) -> dict[str, BaseModel]:
    """Just the validated models of a project or release."""
    return load_side(path).models
