"""Determinations a partial project cannot make: "Unknown: needs the model documentation".

A folder holding only the summary or only the copyright policy says nothing about the
model's scope, systemic risk, exemption or deadlines; guessing them (or leaving them out
without a word) would mislead. Each is then stated as unknown, naming the document it
needs, with its usual legal basis. Only a document that is not in the project counts: one
that is there but does not validate has findings of its own.
"""

from __future__ import annotations

from gpai_docs.models.kinds import KIND_BY_KEY
from gpai_docs.validate.determinations.wording import Determination

MD, TS = "model_documentation", "training_data_summary"

# key, title and legal basis of each determination, as the full report states it.
_NEEDS: dict[str, tuple[tuple[str, str, str], ...]] = {
    MD: (
        ("gpai_scope", "General-purpose AI model", "AI Act Art 3(63)"),
        ("systemic_risk", "Systemic risk", "AI Act Art 51(2), Art 52(1)"),
        (
            "open_source_exemption",
            "Open-source exemption",
            "AI Act Art 53(2), Art 54(6); recitals 103 and 104",
        ),
        ("authorised_representative", "Authorised representative", "AI Act Art 54(1), Art 54(6)"),
        ("documentation_due", "Documentation due", "AI Act Art 53(1), Art 111(3)"),
        (
            "retention_end",
            "Keep documentation until",
            "CoP Transparency Measure 1.1; AI Act Art 54(3)",
        ),
    ),
    TS: (
        (
            "next_summary_update",
            "Next update of the training-content summary",
            "Explanatory Notice to the summary template (TDS.rule.update_cadence)",
        ),
    ),
}


def unknown_without(document: str) -> list[Determination]:
    """The determinations that need ``document``, each stated as unknown."""
    title = KIND_BY_KEY[document].title.lower()
    return [
        Determination(
            key,
            name,
            f"Unknown: needs the {title}",
            f"The {title} is not in this project, so this is not determined. Add "
            f"{KIND_BY_KEY[document].stem}.yaml to the project to have it stated.",
            reference,
        )
        for key, name, reference in _NEEDS.get(document, ())
    ]
