"""A documentation project: the folder holding the three documents, found by file name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from gpai_docs.diagnostics import Diagnostic, Location, Severity
from gpai_docs.errors import UserError
from gpai_docs.load.documents import LoadedDocument, load_file
from gpai_docs.load.domain_file import DomainsFile, domains_file_of
from gpai_docs.models import TrainingDataSummary
from gpai_docs.validate.schema import diagnostics_from


@dataclass(frozen=True, slots=True)
class DocumentKind:
    """One of the three documents: its key, file stem, title and model."""

    key: str
    stem: str
    title: str
    reference: str

    @property
    def model(self) -> type[BaseModel]:
        from gpai_docs import models

        by_key: dict[str, type[BaseModel]] = {
            "model_documentation": models.ModelDocumentation,
            "training_data_summary": models.TrainingDataSummary,
            "copyright_policy": models.CopyrightPolicy,
        }
        return by_key[self.key]


KINDS: tuple[DocumentKind, ...] = (
    DocumentKind(
        "model_documentation",
        "model-documentation",
        "Model documentation",
        "AI Act Art 53(1)(a)-(b); CoP Transparency Measure 1.1",
    ),
    DocumentKind(
        "training_data_summary",
        "training-data-summary",
        "Public summary of training content",
        "AI Act Art 53(1)(d)",
    ),
    DocumentKind(
        "copyright_policy",
        "copyright-policy",
        "Copyright policy",
        "AI Act Art 53(1)(c); CoP Copyright Measure 1.1",
    ),
)
KIND_BY_KEY = {kind.key: kind for kind in KINDS}
SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class ProjectDocument:
    """One document of the project: as loaded, and as validated (None if it did not validate)."""

    kind: DocumentKind
    path: Path | None
    loaded: LoadedDocument | None
    model: BaseModel | None
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class Project:
    """The loaded and schema-validated documents of one project folder."""

    root: Path
    documents: dict[str, ProjectDocument]
    domains: DomainsFile | None = None  # the file the summary's top-domain list names

    def model(self, key: str) -> BaseModel | None:
        return self.documents[key].model

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for doc in self.documents.values() for d in doc.diagnostics]


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.parent if root.parent != root else root).as_posix()
    except ValueError:
        return path.as_posix()


def find_document(root: Path, kind: DocumentKind) -> tuple[Path | None, list[Diagnostic]]:
    candidates = [root / f"{kind.stem}{suffix}" for suffix in SUFFIXES]
    present = [p for p in candidates if p.exists()]
    if len(present) > 1:
        names = ", ".join(p.name for p in present)
        return present[0], [
            Diagnostic(
                "DL008",
                Severity.ERROR,
                f"{kind.title} exists in more than one file ({names}).",
                Location(_display(present[1], root)),
                hint="Keep one file per document.",
                reference="gpai-docs project layout",
            )
        ]
    if not present:
        return None, [
            Diagnostic(
                "DL001",
                Severity.ERROR,
                f"{kind.title} is missing: no {kind.stem}.yaml in the project.",
                Location(_display(root / f"{kind.stem}.yaml", root)),
                hint="Run `gpai-docs init` for a scaffold, or add the file.",
                reference=kind.reference,
            )
        ]
    return present[0], []


def validate_document(kind: DocumentKind, loaded: LoadedDocument) -> ProjectDocument:
    """Schema-validate one loaded document."""
    diagnostics = list(loaded.diagnostics)
    model: BaseModel | None = None
    if loaded.data is not None:
        try:
            model = kind.model.model_validate(loaded.data)
        except ValidationError as error:
            diagnostics.extend(diagnostics_from(error, kind.model, loaded.source_map))
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


def _outside(path: Path, root: Path) -> Diagnostic | None:
    """A finding if ``path`` is a link that leads out of the project folder.

    A project checked out from a pull request could link model-documentation.yaml to
    ~/.aws/credentials; its keys and values would then surface in findings and artifacts.
    """
    try:
        inside = path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a link loop
        inside = False
    if inside:
        return None
    return Diagnostic(
        "DL001",
        Severity.ERROR,
        f"{path.name} is a link to a file outside the project folder; it is not read.",
        Location(_display(path, root)),
        hint="Copy the document into the project folder instead of linking to it.",
        reference="gpai-docs project layout",
    )


def load_project(root: Path) -> Project:
    """Find, read and schema-validate the three documents of a project folder."""
    if not root.exists():
        raise UserError(
            f"{root} does not exist.",
            hint="Give the folder holding the documents, or create one with `gpai-docs init`.",
        )
    if not root.is_dir():
        raise UserError(f"{root} is not a folder.", hint="Give the project folder, not a file.")
    documents: dict[str, ProjectDocument] = {}
    for kind in KINDS:
        path, problems = find_document(root, kind)
        if path is None:
            documents[kind.key] = ProjectDocument(kind, None, None, None, tuple(problems))
            continue
        outside = _outside(path, root)
        if outside is not None:
            documents[kind.key] = ProjectDocument(kind, None, None, None, (*problems, outside))
            continue
        loaded = load_file(path, _display(path, root))
        validated = validate_document(kind, loaded)
        documents[kind.key] = ProjectDocument(
            kind, path, loaded, validated.model, (*problems, *validated.diagnostics)
        )
    summary = documents["training_data_summary"].model
    typed = summary if isinstance(summary, TrainingDataSummary) else None
    return Project(root, documents, domains_file_of(root, typed))
