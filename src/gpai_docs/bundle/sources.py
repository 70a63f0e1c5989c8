"""The documents of a project folder or of a release, loaded as validated models.

A release keeps the exact source files it was built from under ``sources/``, so the
semantic diff, the changelog and the crawler feed read old releases the same way as a
working project.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from gpai_docs.errors import UserError
from gpai_docs.load.project import load_project
from gpai_docs.models import CopyrightPolicy, ModelDocumentation, TrainingDataSummary

MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.sig"
SOURCES_DIR = "sources"


@dataclass(frozen=True)
class LoadedProject:
    """The three validated documents of one side, and the files they came from."""

    root: Path
    models: dict[str, BaseModel]
    files: dict[str, Path]

    @property
    def model_documentation(self) -> ModelDocumentation:
        md = self.models["model_documentation"]
        assert isinstance(md, ModelDocumentation)
        return md

    @property
    def training_data_summary(self) -> TrainingDataSummary:
        tds = self.models["training_data_summary"]
        assert isinstance(tds, TrainingDataSummary)
        return tds

    @property
    def copyright_policy(self) -> CopyrightPolicy:
        cp = self.models["copyright_policy"]
        assert isinstance(cp, CopyrightPolicy)
        return cp

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


def _versioned(version: str, date: dt.date) -> dict[str, str]:
    return {"version": version, "date": date.isoformat()}


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
    folder = documents_folder(path)
    project = load_project(folder)
    broken = [
        doc.kind.title
        for doc in project.documents.values()
        if doc.model is None or doc.path is None
    ]
    if broken:
        raise UserError(
            f"{path}: {', '.join(broken)} missing or not valid.",
            hint=f"Run `gpai-docs validate {folder}` and fix the errors it reports.",
        )
    models = {key: doc.model for key, doc in project.documents.items() if doc.model is not None}
    files = {key: doc.path for key, doc in project.documents.items() if doc.path is not None}
    return LoadedProject(folder, models, files)


def load_models(path: Path) -> dict[str, BaseModel]:
    """Just the validated models of a project or release."""
    return load_side(path).models
