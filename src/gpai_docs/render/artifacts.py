"""Which artifacts a build writes: document, audience, file name, title and markings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Document = Literal[
    "model_documentation", "training_data_summary", "copyright_policy", "validation_report"
]
Audience = Literal["aio", "nca", "dp", "public", "internal", "provider"]

AUDIENCE_NAMES: dict[str, str] = {
    "aio": "AI Office",
    "nca": "National competent authorities",
    "dp": "Downstream providers",
    "public": "Public",
    "internal": "Internal (provider only)",
    "provider": "Provider (internal)",
}


@dataclass(frozen=True, slots=True)
class ArtifactSpec:
    """One artifact kind. ``projection`` is the field audience its content is cut to."""

    stem: str
    document: Document
    audience: Audience
    source: str | None  # the project document it renders (None: the validation result)
    projection: str | None
    title: str
    template: str
    marking: str | None  # printed on every page; None for public documents
    notice: str

    @property
    def audience_name(self) -> str:
        return AUDIENCE_NAMES[self.audience]

    def filename(self, extension: str, *, draft: bool = False) -> str:
        return f"{self.stem}{'.draft' if draft else ''}.{extension}"


_CONFIDENTIAL = (
    "Contains information the provider treats as confidential. It is shared under "
    "Art 53(7) and Art 78 of the AI Act and must not be passed on."
)

SPECS: tuple[ArtifactSpec, ...] = (
    ArtifactSpec(
        "model-documentation.ai-office",
        "model_documentation",
        "aio",
        "model_documentation",
        "aio",
        "Model documentation",
        "model-documentation.md.j2",
        "CONFIDENTIAL — AI Office",
        f"For the AI Office only (AI Act Art 53(1)(a), Annex XI). {_CONFIDENTIAL}",
    ),
    ArtifactSpec(
        "model-documentation.national-authorities",
        "model_documentation",
        "nca",
        "model_documentation",
        "nca",
        "Model documentation",
        "model-documentation.md.j2",
        "CONFIDENTIAL — National competent authorities",
        "For national competent authorities only (AI Act Art 53(1)(a), Annex XI). " + _CONFIDENTIAL,
    ),
    ArtifactSpec(
        "model-documentation.downstream",
        "model_documentation",
        "dp",
        "model_documentation",
        "dp",
        "Model documentation for downstream providers",
        "model-documentation.md.j2",
        None,
        "Information for providers of AI systems who integrate the model "
        "(AI Act Art 53(1)(b), Annex XII).",
    ),
    ArtifactSpec(
        "training-data-summary.public",
        "training_data_summary",
        "public",
        "training_data_summary",
        "public",
        "Public Summary of Training Content",
        "training-data-summary.md.j2",
        None,
        "Summary of the content used to train the model, following the Commission's "
        "template (AI Act Art 53(1)(d)).",
    ),
    ArtifactSpec(
        "copyright-policy.internal",
        "copyright_policy",
        "internal",
        "copyright_policy",
        "internal",
        "Copyright policy",
        "copyright-policy.md.j2",
        "INTERNAL — provider only",
        "The provider's copyright policy (AI Act Art 53(1)(c); Code of Practice, Copyright "
        "chapter). Internal document.",
    ),
    ArtifactSpec(
        "copyright-policy-summary.public",
        "copyright_policy",
        "public",
        "copyright_policy",
        "public",
        "Copyright policy summary",
        "copyright-policy.md.j2",
        None,
        "What the provider makes public about its copyright policy: crawlers, the "
        "rights reservations it honours, its point of contact and its complaint mechanism "
        "(Code of Practice, Copyright chapter, Measures 1.3 and 1.5).",
    ),
    ArtifactSpec(
        "validation-report.provider",
        "validation_report",
        "provider",
        None,
        None,
        "Validation report",
        "validation-report.md.j2",
        "INTERNAL — provider only",
        "What gpai-docs found in the project: findings, determinations, deadlines and the "
        "answers still to be provided. For the provider only.",
    ),
)

SPEC_BY_STEM = {spec.stem: spec for spec in SPECS}


def spec_for(document: str, audience: str) -> ArtifactSpec:
    """The artifact of ``document`` for ``audience`` (aio, nca, dp, public, internal, provider)."""
    for spec in SPECS:
        if spec.document == document and spec.audience == audience:
            return spec
    known = ", ".join(f"{s.document}/{s.audience}" for s in SPECS)
    raise KeyError(f"no artifact {document}/{audience}; known: {known}")
