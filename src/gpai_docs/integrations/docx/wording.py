"""The Commission template's own wording, where it differs from the questions gpai-docs prints.

``gpai-docs export docx`` prints each question as render/template_rows.py words it (the
catalogue's label, or the template's fuller wording in ``QUESTIONS``). A summary a
provider's legal team wrote in the Commission's editable template words some rows
differently: the tick row of section 1.3 is a statement, not the catalogue's label; some
"If yes" rows name no dataset. The import accepts these wordings too, within the row's
section like any other (folded and fuzzy-matched as the printed question is).

Each entry is a catalogue id and the alternative wordings a filing uses for it, as written
in the template (requirements §6) or seen in published filings (§11). Trailing colons,
case and spacing do not matter: the import folds them away.
"""

from __future__ import annotations

TEMPLATE_WORDING: dict[str, tuple[str, ...]] = {
    "TDS.1.3.continuous_training": (
        "The model is continuously trained on new data after this date",
        "Is the model continuously trained on new data after this date?",
    ),
    "TDS.2.1.large_datasets": (
        "If yes, list the large publicly available datasets used",
        "List of large publicly available datasets used",
    ),
    "TDS.2.4.modalities": (
        "If yes, specify the modality(ies) of the user data",
        "If yes, specify the modality(ies)",
    ),
    "TDS.2.5.modalities": (
        "If yes, specify the modality(ies) of the synthetic data",
        "If yes, specify the modality(ies)",
    ),
    "TDS.2.2.2.known_datasets": ("If publicly known, list private datasets obtained",),
    "TDS.3.1.copyright_policy_link": (
        "Link to the public summary of the copyright policy",
        "Copyright policy",
    ),
    "TDS.3.3.other": ("Other information (optional)", "Other information"),
}


def alternative_wordings(catalogue_id: str) -> tuple[str, ...]:
    """The template's other wordings of a row, or ``()`` when it words it as gpai-docs does."""
    return TEMPLATE_WORDING.get(catalogue_id, ())
