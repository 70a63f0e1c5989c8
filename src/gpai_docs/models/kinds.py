"""The three documents of a project: each one's key, file stem, title, legal basis and model."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from gpai_docs.models.copyright_policy import CopyrightPolicy
from gpai_docs.models.model_documentation import ModelDocumentation
from gpai_docs.models.training_data_summary import TrainingDataSummary


@dataclass(frozen=True, slots=True)
class DocumentKind:
    """One of the three documents: its key, file stem, title and model."""

    key: str
    stem: str
    title: str
    reference: str

    @property
    def model(self) -> type[BaseModel]:
        return _MODELS[self.key]


_MODELS: dict[str, type[BaseModel]] = {
    "model_documentation": ModelDocumentation,
    "training_data_summary": TrainingDataSummary,
    "copyright_policy": CopyrightPolicy,
}

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
