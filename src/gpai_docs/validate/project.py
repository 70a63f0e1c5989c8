"""The project as validated against the schema: the three documents as typed models.

Each document that was read is checked against its pydantic model; what does not fit
becomes a diagnostic located at the user's line and column (validate/schema.py). The
domain statistics file that the summary names is read here too, once, with the documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from gpai_docs.diagnostics import Diagnostic, Location, Severity
from gpai_docs.load.documents import LoadedDocument
from gpai_docs.load.domain_file import DomainsFile, domains_file_of
from gpai_docs.load.project import read_documents
from gpai_docs.models import TrainingDataSummary
from gpai_docs.models.kinds import DocumentKind
from gpai_docs.validate.schema import diagnostics_from


@dataclass(frozen=True)
class ProjectDocument:
    """One document of the project: as loaded, and as validated (None if it did not validate)."""

    kind: DocumentKind
    path: Path | None
    loaded: LoadedDocument | None
    model: BaseModel | None
    diagnostics: tuple[Diagnostic, ...]
    absent: bool = False  # not in this partial project (noted, not an error)


@dataclass(frozen=True)
class Project:
    """The loaded and schema-validated documents of one project folder."""

    root: Path
    documents: dict[str, ProjectDocument]
    domains: DomainsFile | None = None  # the file the summary's top-domain list names

    def model(self, key: str) -> BaseModel | None:
        return self.documents[key].model

    @property
    def absent(self) -> frozenset[str]:
        """The documents this partial project does not hold (empty for a full project, and
        whenever the project had to be complete: a missing document is then DL001)."""
        return frozenset(key for key, doc in self.documents.items() if doc.absent)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for doc in self.documents.values() for d in doc.diagnostics]


def validate_document(kind: DocumentKind, loaded: LoadedDocument) -> ProjectDocument:
    """Schema-validate one loaded document."""
    diagnostics = list(loaded.diagnostics)
    model: BaseModel | None = None
    if loaded.data is not None:
        try:
            model = kind.model.model_validate(loaded.data)
        except ValidationError as error:
            # The text lets a hint quote what was written (`version: 1.0`: quote it).
            source = loaded.raw.decode("utf-8-sig", "replace") if loaded.raw else None
            diagnostics.extend(diagnostics_from(error, kind.model, loaded.source_map, source))
        except RecursionError:
            diagnostics.append(
                Diagnostic(
                    "DL006",
                    Severity.ERROR,
                    "The document nests too deeply to validate.",
                    Location(loaded.file),
                    hint="Flatten the structure.",
                    reference="gpai-docs document format",
                )
            )
    return ProjectDocument(kind, None, loaded, model, tuple(diagnostics))


def load_project(root: Path, *, complete: bool = True) -> Project:
    """Find, read and schema-validate the documents of a project folder.

    ``complete=False`` accepts a folder holding one or two of the three documents (see
    load/project.py): the missing ones are then ``absent``, not errors."""
    documents: dict[str, ProjectDocument] = {}
    for key, read in read_documents(root, complete=complete).items():
        if read.loaded is None or read.path is None:
            documents[key] = ProjectDocument(
                read.kind, None, None, None, read.problems, absent=read.absent
            )
            continue
        validated = validate_document(read.kind, read.loaded)
        documents[key] = ProjectDocument(
            read.kind,
            read.path,
            read.loaded,
            validated.model,
            (*read.problems, *validated.diagnostics),
        )
    summary = documents["training_data_summary"].model
    typed = summary if isinstance(summary, TrainingDataSummary) else None
    return Project(root, documents, domains_file_of(root, typed))
