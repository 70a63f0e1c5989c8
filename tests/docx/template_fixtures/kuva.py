"""Kuva Video 1: an image and video model by a Swiss SME, legacy, with a representative."""

from __future__ import annotations

from tests.docx.commission_template import (
    Bar,
    Blank,
    Block,
    Header,
    Modality,
    Rows,
    Sub,
    Ticks,
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

KUVA_GAP = (
    "Cannot be provided: the collection logs of the 2024 training run were not retained; "
    "collection ended before the model was placed on the market."
)


def blocks() -> list[Block]:
    """Image and video, SME, legacy, authorised representative, check-box controls."""

    def box(answer: bool) -> Ticks:
        return yes_no(answer, controls=True)

    return [
        Title("Kuva Video 1"),
        Header("1.1", "20/05/2025", as_table=False),
        Bar("1. General information", shaded=False),
        Sub("1.1. Provider identification"),
        Rows(
            [
                (
                    "Provider name and contact details:",
                    [
                        "Bildwerk Vision AG",
                        "Hardturmstrasse 161, 8005 Zürich, Switzerland; eu-ai@bildwerk.example",
                    ],
                ),
                (
                    "Authorised representative name and contact details:",
                    [
                        "EU-Rep Services GmbH",
                        "Friedrichstraße 68, 10117 Berlin, Germany; bildwerk@eu-rep.example",
                    ],
                ),
            ]
        ),
        Sub("1.2. Model identification"),
        Rows(
            [
                ("Versioned model name(s):", "kuva-video-1.0"),
                ("Model dependencies:", "N/A"),
                ("Date of placement of the model on the Union market:", "12/05/2025"),
            ]
        ),
        Sub("1.3. Modalities, overall training data size and other characteristics"),
        modalities(
            Modality("Text", False, TEXT_BANDS, None),
            Modality(
                "Image",
                True,
                IMAGE_BANDS,
                IMAGE_BANDS[1],
                ["Photography, stock photography and illustrations, each with a caption.", ""],
            ),
            Modality(
                "Video",
                True,
                HOUR_BANDS,
                HOUR_BANDS[1],
                "Stock footage, nature documentaries and short social-media videos.",
            ),
            Modality("Audio", False, HOUR_BANDS, None, footnote=AUDIO_NOTE),
        ),
        Blank(),
        Rows(
            [
                ("Latest date of data acquisition/collection for model training:", KUVA_GAP),
                ("Is the model continuously trained on new data after this date?", box(False)),
                (
                    "Description of the linguistic characteristics of the overall training data:",
                    "Captions are in English (90 %) and German (10 %).",
                ),
            ]
        ),
        Blank(),
        Bar("2. List of data sources", shaded=False),
        Sub("2.1. Publicly available datasets"),
        Rows(
            [
                ("Have you used publicly available datasets to train the model?", box(True)),
                (MODALITY_ROWS, ticks("Image", "Video", controls=True)),
                (
                    "List of large publicly available datasets:",
                    [
                        "DataComp-1B — https://huggingface.co/datasets/mlfoundations/datacomp_1b",
                        "Panda-70M — https://snap-research.github.io/Panda-70M",
                    ],
                ),
            ]
        ),
        Sub("2.2.1. Datasets commercially licensed by rightsholders or their representatives"),
        Rows(
            [
                (
                    "Have you concluded transactional commercial licensing agreement(s) with "
                    "rightsholder(s) or with their representatives?",
                    box(True),
                ),
                (MODALITY_ROWS, ticks("Image", "Video", controls=True)),
                (
                    "Additional comments (optional):",
                    "A licence with a stock-footage agency, concluded in 2024.",
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
                    box(False),
                ),
            ]
        ),
        Sub("2.3. Data crawled and scraped from online sources"),
        Rows([("Were crawlers used by the provider or on its behalf?", box(False))]),
        Sub("2.4. User data"),
        Rows(
            [
                (
                    "Was data from user interactions with the AI model (e.g. user input and prompts) "
                    "used to train the model?",
                    box(False),
                ),
                (
                    "Was data collected from user interactions with the provider's other services or "
                    "products used to train the model?",
                    box(False),
                ),
            ]
        ),
        Sub("2.5. Synthetic data"),
        Rows(
            [
                (
                    "Was synthetic AI-generated data created by the provider or on their behalf to "
                    "train the model?",
                    box(True),
                ),
                ("If yes, specify the modality(ies):", ticks("Text", controls=True)),
                (
                    "Information about other AI models, including provider's own models not on the "
                    "market, used to generate synthetic data:",
                    "Our own captioning model, not on the market, rewrote short image captions.",
                ),
            ]
        ),
        Sub("2.6. Other sources of data"),
        Rows(
            [
                (
                    "Have data sources other than those described in Sections 2.1 to 2.5 been used to "
                    "train the model?",
                    box(False),
                ),
            ]
        ),
        Bar("3. Data processing aspects", shaded=False),
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
                    box(False),
                ),
                (
                    "Describe the measures implemented before model training to respect reservations "
                    "of rights from the TDM exception or limitation before and during data "
                    "collection, including the opt-out protocols and solutions honoured by the "
                    "provider or, as applicable, by third parties from which datasets have been "
                    "obtained:",
                    "Images and videos whose IPTC data-mining property or C2PA assertions reserve "
                    "training were removed from the public datasets.",
                ),
            ]
        ),
        Sub("3.2. Removal of illegal content"),
        Rows(
            [
                (
                    "General description of measures taken:",
                    "CSAM hash matching on every image and video frame, and NSFW classifiers.",
                )
            ]
        ),
    ]
