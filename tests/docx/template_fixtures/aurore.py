"""Aurore-2: a large text model by a French provider, with crawling and top domains."""

from __future__ import annotations

from tests.docx.commission_template import (
    Bar,
    Blank,
    Block,
    Bullets,
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

AURORE_DOMAINS = (
    "lemonde.fr",
    "wikipedia.org",
    "service-public.fr",
    "hal.science",
    "legifrance.gouv.fr",
    "lefigaro.fr",
    "europa.eu",
    "francetvinfo.fr",
    "larousse.fr",
    "cnrs.fr",
    "liberation.fr",
    "ouest-france.fr",
)


def blocks() -> list[Block]:
    text_types = (
        "Non-fiction and fiction web text, news, encyclopaedic and scientific "
        "articles, public-sector documents and source code."
    )
    return [
        Title("Aurore-2"),
        Header("2.0", "8 July 2026"),
        Blank(),
        Bar("1. General information"),
        Sub("1.1. Provider identification"),
        Rows(
            [
                (
                    "Provider name and contact details:",
                    [
                        "Aurore Labs SAS",
                        "12 rue de la Paix, 75002 Paris, France; ai-act@aurore.example",
                    ],
                ),
                (
                    "Authorised representative name and contact details:",
                    "Not applicable: Aurore Labs SAS is established in the Union (France).",
                ),
            ]
        ),
        Sub("1.2. Model identification"),
        Rows(
            [
                ("Versioned model name(s):", ["aurore-2-2026-06", "aurore-2-instruct-2026-06"]),
                ("Model dependencies:", "Not applicable"),
                ("Date of placement of the model on the Union market:", "14 July 2026"),
            ]
        ),
        Blank(),
        Sub("1.3 Modalities, overall training data size and other characteristics"),
        modalities(
            Modality("Text", True, TEXT_BANDS, TEXT_BANDS[2], text_types),
            Modality("Image", False, IMAGE_BANDS, None),
            Modality("Video", False, HOUR_BANDS, None),
            Modality("Audio", False, HOUR_BANDS, None, footnote=AUDIO_NOTE),
        ),
        Rows(
            [
                ("Latest date of data acquisition/collection for model training:", "05/2026"),
                ("The model is continuously trained on new data after this date:", yes_no(False)),
                (
                    "Description of the linguistic characteristics of the overall training data:",
                    "French 41 %, English 38 %, German, Spanish and Italian 15 %, source code 6 %.",
                ),
                (
                    "Other relevant characteristics of the overall training data:",
                    "Public-sector and legal text from France and Belgium is over-represented.",
                ),
                ("Additional comments (optional):", ""),
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
                    Bullets(
                        [
                            "Common Crawl — https://commoncrawl.org",
                            "FineWeb-2 — https://huggingface.co/datasets/HuggingFaceFW/fineweb-2",
                        ]
                    ),
                ),
                (
                    "General description of other publicly available datasets not listed above:",
                    [
                        "Wikipedia dumps in five languages (2025) and the French open legal data of "
                        "Légifrance.",
                        "",
                    ],
                ),
            ]
        ),
        Sub("2.2 Private non-publicly available datasets obtained from third parties"),
        Sub("2.2.1. Datasets commercially licensed by rightsholders or their representatives"),
        Rows(
            [
                (
                    "Have you concluded transactional commercial licensing agreement(s) with "
                    "rightsholder(s) or with their representatives?",
                    yes_no(True),
                ),
                (MODALITY_ROWS, ticks("Text")),
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
                (MODALITY_ROWS, ticks()),
            ]
        ),
        Sub("2.3 Data crawled and scraped from online sources"),
        Rows(
            [
                ("Were crawlers used by the provider or on its behalf?", yes_no(True)),
                ("If yes, specify crawler name(s)/identifier(s):", "AuroreBot"),
                (
                    "Purposes of the crawler(s):",
                    "Collecting publicly accessible web pages in European languages to train Aurore "
                    "models.",
                ),
                (
                    "General description of crawler behaviour:",
                    "AuroreBot follows robots.txt (RFC 9309) and TDMRep, does not log in or pass "
                    "paywalls or CAPTCHAs, and limits its request rate per host.",
                ),
                ("Period of data collection:", "From 01/2025 to 05/2026"),
                (
                    "Comprehensive description of the type of content and online sources crawled:",
                    "News, public administrations, universities, encyclopaedias and forums.",
                ),
                ("Type of modality covered:", ticks("Text")),
                ("Summary of the most relevant domain names crawled:", list(AURORE_DOMAINS)),
            ]
        ),
        Sub("2.4 User data"),
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
        Sub("2.5 Synthetic data"),
        Rows(
            [
                (
                    "Was synthetic AI-generated data created by the provider or on their behalf to "
                    "train the model?",
                    yes_no(False),
                ),
            ]
        ),
        Sub("2.6 Other sources of data"),
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
                    "AuroreBot follows robots.txt and TDMRep; for Common Crawl we removed pages whose "
                    "robots.txt disallows CCBot or AuroreBot.",
                ),
            ]
        ),
        Sub("3.2. Removal of illegal content"),
        Rows(
            [
                (
                    "General description of measures taken:",
                    "Domain blocklists, CSAM hash matching and classifiers for terrorist content.",
                )
            ]
        ),
        Sub("3.3. Other information (optional)"),
        Rows([("Other relevant information about data processing:", "")]),
    ]
