"""Fjord-Med-8B: a fine-tuned modification with model dependencies."""

from __future__ import annotations

from tests.docx.commission_template import (
    Bar,
    Block,
    Header,
    Modality,
    Rows,
    Sub,
    Title,
    yes_no,
)
from tests.docx.template_fixtures import (
    AUDIO_NOTE,
    HOUR_BANDS,
    IMAGE_BANDS,
    MODALITY_ROWS,
    TEXT_BANDS,
    modalities,
    ticks,
)


def blocks() -> list[Block]:
    """A fine-tuned modification: model dependencies, synthetic data from a market model."""
    return [
        Title("Fjord-Med-8B"),
        Header("1.0", "2026-07-20"),
        Bar("1. General information"),
        Sub("1.1. Provider identification"),
        Rows(
            [
                (
                    "Provider name and contact details:",
                    [
                        "Fjord Health ApS",
                        "Njalsgade 76, 2300 København S, Denmark; ai@fjord.example",
                    ],
                ),
                (
                    "Authorised representative name and contact details:",
                    "Not applicable: Fjord Health ApS is established in the Union (Denmark).",
                ),
            ]
        ),
        Sub("1.2. Model identification"),
        Rows(
            [
                ("Versioned model name(s):", "fjord-med-8b-2026-07"),
                (
                    "Model dependencies:",
                    "Atlas-8B — atlas-8b-2025-11 — "
                    "https://northwind-ai.example/atlas-8b/training-content-summary",
                ),
                ("Date of placement of the model on the Union market:", "2026-07-20"),
            ]
        ),
        Sub("1.3. Modalities, overall training data size and other characteristics"),
        modalities(
            Modality(
                "Text",
                True,
                TEXT_BANDS,
                TEXT_BANDS[0],
                "Medical guidelines, package leaflets and synthetic clinical dialogues.",
            ),
            Modality("Image", False, IMAGE_BANDS, None),
            Modality("Video", False, HOUR_BANDS, None),
            Modality("Audio", False, HOUR_BANDS, None, footnote=AUDIO_NOTE),
        ),
        Rows(
            [
                ("Latest date of data acquisition/collection for model training:", "04/2026"),
                ("The model is continuously trained on new data after this date:", yes_no(False)),
                (
                    "Description of the linguistic characteristics of the overall training data:",
                    "Danish 55 %, English 30 %, Swedish and Norwegian 15 %.",
                ),
                (
                    "Additional comments (optional):",
                    "Only the content used to fine-tune Atlas-8B is summarised here.",
                ),
            ]
        ),
        Bar("2. List of data sources"),
        Sub("2.1. Publicly available datasets"),
        Rows(
            [
                ("Have you used publicly available datasets to train the model?", yes_no(True)),
                (MODALITY_ROWS, ticks("Text")),
                (
                    "List of large publicly available datasets:",
                    "EMA product information — https://www.ema.europa.eu/en/medicines",
                ),
            ]
        ),
        Sub("2.2.1. Datasets commercially licensed by rightsholders or their representatives"),
        Rows(
            [
                (
                    "Have you concluded transactional commercial licensing agreement(s) with "
                    "rightsholder(s) or with their representatives?",
                    yes_no(False),
                ),
            ]
        ),
        Sub("2.2.2. Private datasets obtained from other third parties"),
        Rows(
            [
                (
                    "Have you obtained private datasets from third parties that are not licensed as "
                    "described in Section 2.2.1, such as data obtained from providers of private "
                    "databases, or data intermediaries?",
                    yes_no(False),
                ),
            ]
        ),
        Sub("2.3. Data crawled and scraped from online sources"),
        Rows([("Were crawlers used by the provider or on its behalf?", yes_no(False))]),
        Sub("2.4. User data"),
        Rows(
            [
                (
                    "Was data from user interactions with the AI model (e.g. user input and prompts) "
                    "used to train the model?",
                    yes_no(False),
                ),
                (
                    "Was data collected from user interactions with the provider's other services or "
                    "products used to train the model?",
                    yes_no(False),
                ),
            ]
        ),
        Sub("2.5. Synthetic data"),
        Rows(
            [
                (
                    "Was synthetic AI-generated data created by the provider or on their behalf to "
                    "train the model?",
                    yes_no(True),
                ),
                ("If yes, specify the modality(ies):", ticks("Text")),
                (
                    "General-purpose AI model(s) used to generate the synthetic data, if available on "
                    "the market (with links to their Summaries):",
                    "Atlas-70B-Instruct — https://northwind-ai.example/atlas-70b/training-content-summary",
                ),
            ]
        ),
        Sub("2.6. Other sources of data"),
        Rows(
            [
                (
                    "Have data sources other than those described in Sections 2.1 to 2.5 been used to "
                    "train the model?",
                    yes_no(False),
                ),
            ]
        ),
        Bar("3. Data processing aspects"),
        Sub(
            "3.1. Respect of reservation of rights from text and data mining exception or "
            "limitation"
        ),
        Rows(
            [
                (
                    "Are you a Signatory to the Code of Practice for general-purpose AI models that "
                    "includes commitments to respect reservations of rights from the TDM exception or "
                    "limitation?",
                    yes_no(True),
                ),
                (
                    "Describe the measures implemented before model training to respect reservations "
                    "of rights from the TDM exception or limitation before and during data "
                    "collection, including the opt-out protocols and solutions honoured by the "
                    "provider or, as applicable, by third parties from which datasets have been "
                    "obtained:",
                    "We did not crawl; EMA product information is published for re-use.",
                ),
                ("Additional comments (optional):", ""),
            ]
        ),
        Sub("3.2. Removal of illegal content"),
        Rows(
            [
                (
                    "General description of measures taken:",
                    "Sources are official publications; synthetic dialogues were reviewed by "
                    "clinicians.",
                )
            ]
        ),
    ]
