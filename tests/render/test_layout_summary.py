"""The public summary in the template's layout: every row, in order, in the template's words.

The expected questions are copied from requirements §6 (the template's wording where it
is quoted there, the catalogue's labels otherwise) and from the template's pages in
shared/design/official-layout/, not from the code under test.
"""

from __future__ import annotations

import re

import pytest

from gpai_docs.render.artifacts import spec_for
from gpai_docs.render.markdown import RenderedArtifact, render_artifact
from gpai_docs.render.publication import ChangesSince
from gpai_docs.validate.pipeline import ValidationResult, validate_project
from tests.conftest import FIXED_DATE, SAMPLES

HEADINGS = [
    "1. General information",
    "1.1 Provider identification",
    "1.2 Model identification",
    "1.3 Modalities, overall training data size and other characteristics",
    "2. List of data sources",
    "2.1 Publicly available datasets",
    "2.2 Private non-publicly available datasets obtained from third parties",
    "2.2.1 Datasets commercially licensed by rightsholders or their representatives",
    "2.2.2 Private datasets obtained from other third parties",
    "2.3 Data crawled and scraped from online sources",
    "2.4 User data",
    "2.5 Synthetic data",
    "2.6 Other sources of data",
    "3. Data processing aspects",
    "3.1 Respect of reservation of rights from text and data mining exception or limitation",
    "3.2 Removal of illegal content",
    "3.3 Other information (optional)",
]
IF_YES = "If yes, specify the modality(ies) of the content covered by the datasets concerned"
COMMENTS = "Additional comments (optional)"
QUESTIONS = [
    "Version of the Summary",
    "Last update",
    "Status of this version",
    "Canonical URL",
    "Earlier versions",
    "Notice of updates",
    "Legal basis",
    "Provider name and contact details",
    "Authorised representative name and contact details",
    "Versioned model name(s)",
    "Model dependencies",
    "Date of placement of the model on the Union market",
    "Latest date of data acquisition/collection for model training",
    "Model continuously trained on new data after that date",
    "Description of the linguistic characteristics of the overall training data",
    "Other relevant characteristics of the overall training data",
    COMMENTS,
    "Have you used publicly available datasets to train the model?",
    IF_YES,
    "List of large publicly available datasets",
    "General description of other publicly available datasets not listed above",
    COMMENTS,
    "Have you concluded transactional commercial licensing agreement(s) with rightsholder(s) "
    "or with their representatives?",
    IF_YES,
    COMMENTS,
    "Have you obtained private datasets from third parties that are not licensed as described "
    "in Section 2.2.1, such as data obtained from providers of private databases, or data "
    "intermediaries?",
    IF_YES,
    "If publicly known, list private datasets obtained from other third parties",
    "General description of non-publicly known private datasets obtained from third parties",
    COMMENTS,
    "Were crawlers used by the provider or on its behalf?",
    "If yes, specify crawler name(s)/identifier(s)",
    "Purposes of the crawler(s)",
    "General description of crawler behaviour",
    "Period of data collection",
    "Comprehensive description of the type of content and online sources crawled",
    "Type of modality covered",
    "Summary of the most relevant domain names crawled",
    COMMENTS,
    "Was data from user interactions with the AI model (e.g. user input and prompts) used to "
    "train the model?",
    "Was data collected from user interactions with the provider's other services or products "
    "used to train the model?",
    "General description of the provider's services or products used to collect the user data",
    "Modality(ies) of the user data",
    COMMENTS,
    "Was synthetic AI-generated data created by the provider or on their behalf to train the "
    "model?",
    "Modality of the synthetic data",
    "General-purpose AI model(s) used to generate the synthetic data, if available on the "
    "market (with links to their Summaries)",
    "Information about other AI models, including provider's own models not on the market, "
    "used to generate synthetic data",
    COMMENTS,
    "Have data sources other than those described in Sections 2.1 to 2.5 been used to train "
    "the model?",
    "Narrative description of these data sources and the data",
    COMMENTS,
    "Are you a Signatory to the Code of Practice for general-purpose AI models that includes "
    "commitments to respect reservations of rights from the TDM exception or limitation?",
    "Describe the measures implemented before model training to respect reservations of rights "
    "from the TDM exception or limitation before and during data collection, including the "
    "opt-out protocols and solutions honoured by the provider or, as applicable, by third "
    "parties from which datasets have been obtained",
    "Link to public summary of Art 53(1)(c) copyright policy",
    COMMENTS,
    "General description of measures taken",
    "Other relevant information about data processing",
]
SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir())
NB = "\u00a0"


def _summary(sample: str, **options: object) -> RenderedArtifact:
    result: ValidationResult = validate_project(SAMPLES / sample, as_of=FIXED_DATE)
    rendered = render_artifact(result, spec_for("training_data_summary", "public"), **options)  # type: ignore[arg-type]
    assert rendered is not None
    return rendered


def _md_rows(markdown: str) -> dict[str, str]:
    rows = {}
    for line in markdown.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) == 2 and cells[0] not in ("Question", "Field", "---"):
            rows.setdefault(cells[0].replace("\\", ""), cells[1])
    return rows


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_every_question_of_the_template_in_its_order_in_markdown_and_html(sample: str) -> None:
    rendered = _summary(sample)
    markdown = rendered.markdown
    questions = [
        cells[0].replace("\\", "")
        for line in markdown.splitlines()
        if (cells := [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]])
        and len(cells) == 2
        and cells[0] not in ("Question", "Field", "---")
    ]
    assert questions == QUESTIONS
    headings = [
        line.lstrip("#").strip().replace("\\", "")
        for line in markdown.splitlines()
        if line.startswith("## ") or line.startswith("### ") or line.startswith("#### ")
    ]
    assert headings == HEADINGS
    assert markdown.startswith("# Public Summary of Training Content for ")
    assert rendered.html_body is not None
    html_questions = re.findall(r'<th scope="row">(.*?)</th>', rendered.html_body)
    assert [q.replace("&#39;", "'") for q in html_questions] == QUESTIONS


def test_na_pending_and_empty_optional_rows_are_shown_as_answered() -> None:
    rows = _md_rows(_summary("minimal").markdown)
    assert rows["Authorised representative name and contact details"] == (
        "**N/A**: The provider is established in the Union."
    )
    assert rows["Other relevant characteristics of the overall training data"] == "—"
    assert rows["If publicly known, list private datasets obtained from other third parties"] == "—"


def test_modality_table_has_a_row_per_modality_with_ticks_and_bands() -> None:
    markdown = _summary("minimal").markdown
    table = [
        line for line in markdown.splitlines() if line.startswith("| ☒") or line.startswith("| ☐")
    ]
    assert [row.split("|")[1].strip() for row in table] == [
        f"☒{NB}Text",
        f"☐{NB}Image",
        f"☐{NB}Audio",
        f"☐{NB}Video",
        f"☐{NB}Other",
    ]
    # The template's three text bands (requirements §6.1); the sample says "More than 10
    # trillion tokens", and gives its approximate size in another unit beside the band
    # (custom_size: 46 terabytes of deduplicated text), after the bands.
    assert table[0].split("|")[2].strip() == (
        f"☐{NB}Less than 1 billion tokens ☐{NB}1 billion to 10 trillion tokens "
        f"☒{NB}More than 10 trillion tokens; Alternatively, specify the approximate size in "
        "a different measurement unit: 46 terabytes of deduplicated text"
    )
    assert "| Modality | Training data size | Types of content |" in markdown


def test_version_block_names_where_the_summary_lives_and_each_model_links_its_documentation() -> (
    None
):
    rows = _md_rows(_summary("minimal").markdown)
    url = "https://lumen-ai.example/ai-act/lumen-base-2/training-content-summary"
    assert rows["Last update"] == "01/10/2025"
    assert rows["Status of this version"] == (
        f"Current version as of 01/10/2025; the latest version is always at <{url}>"
    )
    assert (
        rows["Earlier versions"]
        == f"None: this is the first version. All versions: <{url}/versions>"
    )
    assert rows["Notice of updates"] == "<https://lumen-ai.example/ai-act/updates.atom>"
    assert rows["Versioned model name(s)"] == (
        "lumen-base-2-2025-10 — documentation: <https://lumen-ai.example/ai-act/documentation>"
    )
    assert "Changes since" not in str(rows)


def test_earlier_versions_are_listed_with_their_dates_and_links() -> None:
    rows = _md_rows(_summary("large-closed").markdown)
    assert rows["Earlier versions"].startswith(
        "Version 1.0 — 14/04/2026 — <https://meridian-ai.example/eu/vela-2/training-content-summary/v1.0>"
    )


def test_changes_since_the_previous_release_when_built_within_a_release() -> None:
    changes = ChangesSince(
        "1.0", (("changed", "Versioned model name(s)"), ("added", "Additional comments (optional)"))
    )
    rows = _md_rows(_summary("large-closed", changes=changes).markdown)
    assert rows["Changes since version 1.0"] == (
        "Versioned model name(s) (changed); Additional comments (optional) (added)"
    )


def test_no_cover_or_contents_page_unless_asked() -> None:
    from gpai_docs.render.html import page

    plain = page(_summary("minimal"), stamp="2026-11-21T00:00:00Z", generator="test")
    assert 'class="cover"' not in plain and 'class="toc"' not in plain
    covered = page(_summary("minimal", cover=True), stamp="2026-11-21T00:00:00Z", generator="test")
    assert 'class="cover"' in covered and 'class="toc"' in covered
    assert "1. General information" in covered.split('class="toc"', 1)[1].split("</nav>", 1)[0]
