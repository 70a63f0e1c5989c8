"""`import docx` of the shapes real filings use (issue 12), edited in Word as a legal team
would: the YAML changes exactly at the edited entry, every other byte kept; a cell that
cannot be read back unambiguously is refused at its Word row, nothing guessed.

The filings are tests/migration/documents; each expected line below is the filing's own
YAML with the edit typed in, not what the import produced.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from gpai_docs.integrations.docx.importing import DocxImport, import_docx
from gpai_docs.models.kinds import KIND_BY_KEY
from tests.docx import _edit as E

MIGRATED = Path("tests/migration/documents")


class Filing:
    """A migrated filing exported to Word, ready for edits."""

    def __init__(self, tmp_path: Path, folder: str, document: str, audience: str) -> None:
        self.project = E.copy_tree(MIGRATED / folder, tmp_path / folder)
        self.yaml = self.project / f"{KIND_BY_KEY[document].stem}.yaml"
        self.before = self.yaml.read_text(encoding="utf-8")
        self.word = E.export(self.project, document, audience, tmp_path / "export.docx")
        self.doc = docx.Document(str(self.word))

    def cell(self, question: str) -> Any:
        """The answer cell of the one row whose question starts so."""
        rows = [r for t in self.doc.tables for r in t.rows if r.cells[0].text.startswith(question)]
        assert len(rows) == 1, question
        return rows[0].cells[1]

    def shown(self, question: str) -> list[str]:
        """The cell's paragraphs as read (the print's no-break spaces as spaces)."""
        return _seen(self.cell(question))

    def edit(self, question: str, paragraphs: list[str]) -> None:
        E.set_cell(self.cell(question), paragraphs)

    def imported(self) -> DocxImport:
        self.doc.save(str(self.word))
        return import_docx(self.word, self.project, as_of=E.AS_OF)

    @property
    def after(self) -> str:
        return self.yaml.read_text(encoding="utf-8")


def _seen(cell: Any) -> list[str]:
    return [p.text.replace("\xa0", " ").replace("\u202f", " ") for p in cell.paragraphs]


def _changes(result: DocxImport) -> list[tuple[str, str, Any]]:
    assert result.errors == () and result.unmapped == ()
    return [(c.kind, c.path, c.new) for c in result.diff.changes]


# --- the Form for several models (halcyon-two-sizes) ----------------------------------------

SIZE = "Total model size (parameters)"
SIZES = [
    "70 billion and 8 billion parameters respectively",
    "halcyon-3-70b: 7.0 × 10¹⁰",
    "halcyon-3-8b: 8.0 × 10⁹",
]


def _halcyon(tmp_path: Path) -> Filing:
    filing = Filing(tmp_path, "halcyon-two-sizes", "model_documentation", "aio")
    assert filing.shown(SIZE) == SIZES
    return filing


def test_one_models_size_changed_in_word(tmp_path: Path) -> None:
    filing = _halcyon(tmp_path)
    filing.edit(SIZE, [SIZES[0], "halcyon-3-70b: 7.1 × 10¹⁰", SIZES[2]])

    result = filing.imported()

    assert _changes(result) == [
        ("changed", "properties.total_model_size_variants[#1].value", "7.1*10^10")
    ]
    assert filing.after == filing.before.replace(
        '    - {model: halcyon-3-70b, value: "7.0*10^10"}\n',
        "    - {model: halcyon-3-70b, value: 7.1*10^10}\n",
    )


def test_a_model_added_and_the_size_as_written_rewritten(tmp_path: Path) -> None:
    filing = _halcyon(tmp_path)
    written = "70 billion, 8 billion and 1 billion parameters respectively"
    filing.edit(SIZE, [written, *SIZES[1:], "halcyon-3-1b: 1.2 × 10⁹"])

    result = filing.imported()

    assert _changes(result) == [
        ("changed", "properties.size_as_written", written),
        ("added", "properties.total_model_size_variants[#3].model", "halcyon-3-1b"),
        ("added", "properties.total_model_size_variants[#3].value", "1.2*10^9"),
    ]
    assert filing.after == filing.before.replace(
        "  size_as_written: 70 billion and 8 billion parameters respectively\n",
        f"  size_as_written: {written}\n",
    ).replace(
        '    - {model: halcyon-3-8b, value: "8.0*10^9"}\n',
        '    - {model: halcyon-3-8b, value: "8.0*10^9"}\n'
        "    - {model: halcyon-3-1b, value: 1.2*10^9}\n",
    )


def test_a_model_and_the_size_as_written_cleared(tmp_path: Path) -> None:
    filing = _halcyon(tmp_path)
    filing.edit(SIZE, [SIZES[1]])

    result = filing.imported()

    assert _changes(result) == [
        ("removed", "properties.size_as_written", None),
        ("removed", "properties.total_model_size_variants[#2].model", None),
        ("removed", "properties.total_model_size_variants[#2].value", None),
    ]
    assert filing.after == filing.before.replace(
        "  size_as_written: 70 billion and 8 billion parameters respectively\n", ""
    ).replace('    - {model: halcyon-3-8b, value: "8.0*10^9"}\n', "")
    # The 8B model has no size any more: the rule says so at the Word row.
    assert any(f.startswith("error MD030: Table 4 (section 2), row 6") for f in result.findings)


def test_the_ai_offices_compute_per_model_and_the_documents_own(tmp_path: Path) -> None:
    filing = _halcyon(tmp_path)
    flop = "Amount of computation used for training (FLOP)"
    assert filing.shown(flop) == [
        "6.3 × 10²⁴",
        "halcyon-3-70b: 5.6 × 10²⁴",
        "halcyon-3-8b: 7.0 × 10²³",
    ]
    filing.edit(flop, ["6.4 × 10²⁴", "halcyon-3-70b: 5.6 × 10²⁴", "halcyon-3-8b: 8.0 × 10²³"])

    result = filing.imported()

    assert _changes(result) == [
        ("changed", "compute.training_flop_aio", "6.4*10^24"),
        ("changed", "compute.training_flop_aio_variants[#2].value", "8.0*10^23"),
    ]
    assert filing.after == filing.before.replace(
        '  training_flop_aio: "6.3*10^24"\n', "  training_flop_aio: 6.4*10^24\n"
    ).replace(
        '    - {model: halcyon-3-8b, value: "7.0*10^23"}\n',
        "    - {model: halcyon-3-8b, value: 8.0*10^23}\n",
    )


def test_a_line_after_the_models_lines_is_refused_at_its_row(tmp_path: Path) -> None:
    """Text after the models' lines could be the size as written or a model's: never
    guessed. The row is not imported, the others are."""
    filing = _halcyon(tmp_path)
    filing.edit(SIZE, [*SIZES[1:], "about 78 billion in all"])
    filing.edit("Decision rationale", ["Two sizes for two kinds of deployment."])

    result = filing.imported()

    assert result.errors == ()
    assert len(result.unmapped) == 1
    refused = result.unmapped[0]
    assert refused.startswith("Table 4 (section 2), row 6 'Total model size (parameters)': ")
    assert "write the document's own value first, then one line per model" in refused
    assert [(c.path, c.new) for c in result.diff.changes] == [
        ("training.decision_rationale", "Two sizes for two kinds of deployment.")
    ]
    assert "size_as_written: 70 billion and 8 billion" in filing.after


# --- the summary's 2.1 list (quillon-grouped-datasets) -------------------------------------

LIST = "List of large publicly available datasets"
INTRO = (
    "Most of Quillon-2's public data is web text that third parties compiled from Common "
    "Crawl snapshots; the datasets below each hold more than 3 % of the public text data, "
    "grouped as we report them internally."
)
EDU = "English: FineWeb-Edu — v1.2.0 — https://huggingface.co/datasets/HuggingFaceFW/fineweb-edu — Text"
FW2 = (
    "Multilingual: FineWeb-2 — v2.0.1 — https://huggingface.co/datasets/HuggingFaceFW/fineweb-2"
    " — Text — Filtering: German, French, Spanish, Italian and Portuguese subsets."
)
STACK = "Code & math: https://huggingface.co/datasets/bigcode/the-stack-v2-dedup — Text"
MATH = "Code & math: https://huggingface.co/datasets/open-web-math/open-web-math — Text"
INTRO_YAML = (
    "    intro: >-\n"
    "      Most of Quillon-2's public data is web text that third parties compiled from Common\n"
    "      Crawl snapshots; the datasets below each hold more than 3 % of the public text data,\n"
    "      grouped as we report them internally.\n"
)


def _quillon(tmp_path: Path) -> Filing:
    filing = Filing(tmp_path, "quillon-grouped-datasets", "training_data_summary", "public")
    assert filing.shown(LIST) == [INTRO, EDU, FW2, STACK, MATH]
    return filing


def test_the_text_before_the_list_and_a_version_edited(tmp_path: Path) -> None:
    filing = _quillon(tmp_path)
    filing.edit(
        LIST,
        ["Most of the public data is web text.", EDU.replace("v1.2.0", "v1.3.0"), FW2, STACK, MATH],
    )

    result = filing.imported()

    assert _changes(result) == [
        ("changed", "section_2.public_datasets.intro", "Most of the public data is web text."),
        ("changed", "section_2.public_datasets.large_datasets[FineWeb-Edu].version", "v1.3.0"),
    ]
    assert filing.after == filing.before.replace(
        INTRO_YAML, "    intro: Most of the public data is web text.\n"
    ).replace("        version: v1.2.0\n", "        version: v1.3.0\n")


def test_a_dataset_by_link_added_under_a_group_and_one_removed(tmp_path: Path) -> None:
    filing = _quillon(tmp_path)
    finemath = "https://huggingface.co/datasets/HuggingFaceTB/finemath"
    filing.edit(LIST, [INTRO, EDU, FW2, STACK, f"Code & math: {finemath} — Text"])

    result = filing.imported()

    assert result.errors == () and result.unmapped == ()
    assert filing.after == filing.before.replace(
        "      - group: Code & math\n"
        "        link: https://huggingface.co/datasets/open-web-math/open-web-math\n"
        "        modality: Text\n",
        f"      - group: Code & math\n        link: {finemath}\n        modality: Text\n",
    )
    # Given by its link only: no name is written (the address is published as its name).
    assert "name: https://" not in filing.after
    assert {c.path.split("]")[0] for c in result.diff.changes} == {
        "section_2.public_datasets.large_datasets[https://huggingface.co/datasets/open-web-math/open-web-math",
        f"section_2.public_datasets.large_datasets[{finemath}",
    }


def test_the_text_after_the_list_added_and_the_text_before_it_cleared(tmp_path: Path) -> None:
    filing = _quillon(tmp_path)
    outro = "These four datasets make up 70 % of the public data."
    filing.edit(LIST, [EDU, FW2, STACK, MATH, outro])

    result = filing.imported()

    assert sorted(_changes(result)) == [
        ("added", "section_2.public_datasets.outro", outro),
        ("removed", "section_2.public_datasets.intro", None),
    ]
    # A key the YAML did not have is added after the last key of its mapping.
    last = (
        "    other_description: Smaller public corpora of encyclopaedias and public-domain books.\n"
    )
    assert filing.after == filing.before.replace(INTRO_YAML, "").replace(
        last, last + f"    outro: {outro}\n"
    )


def test_a_dataset_in_place_of_the_text_before_the_list_is_refused(tmp_path: Path) -> None:
    """The first paragraph is the text before the list; written like a dataset (and not
    one of the list's), it is neither read as the text nor as a dataset."""
    filing = _quillon(tmp_path)
    filing.edit(LIST, ["The Pile — v1 — Text", EDU, FW2, STACK, MATH])

    result = filing.imported()

    assert result.errors == () and len(result.unmapped) == 1
    assert result.unmapped[0].startswith(
        "Table 6 (section 2.1), row 3 'List of large publicly available datasets': "
        "'The Pile — v1 — Text' is read as the text before the list"
    )
    assert result.written == () and filing.after == filing.before


def test_the_latest_collection_date_as_month_and_explanation(tmp_path: Path) -> None:
    filing = _quillon(tmp_path)
    question = "Latest date of data acquisition"
    assert filing.shown(question) == ["03/2026 (Up to March 2026)"]
    filing.edit(question, ["04/2026 (Up to April 2026)"])

    result = filing.imported()

    assert _changes(result) == [
        ("changed", "section_1.latest_collection_date", "04/2026 (Up to April 2026)")
    ]
    assert filing.after == filing.before.replace(
        "  latest_collection_date: {month: 03/2026, text: Up to March 2026}\n",
        "  latest_collection_date: {month: 04/2026, text: Up to April 2026}\n",
    )
    assert not any("DT003" in f for f in result.findings)  # the month is given, not read


def test_the_provider_block_edited_line_by_line(tmp_path: Path) -> None:
    filing = _quillon(tmp_path)
    question = "Provider name and contact details"
    block = [
        "Quillon AI Inc.",
        "500 Howard Street, San Francisco, CA 94105, United States",
        "eu-compliance@quillon.example",
    ]
    assert [line for p in filing.shown(question) for line in p.split("\n")] == block
    filing.edit(question, [block[0], block[1].replace("500", "501"), block[2]])

    result = filing.imported()

    new = "\n".join([block[0], block[1].replace("500", "501"), block[2]])
    assert _changes(result) == [("changed", "section_1.provider.block", new)]
    # Still the block as written, as a block: the one line edited, every other byte kept.
    assert filing.after == filing.before.replace(
        "    500 Howard Street, San Francisco", "    501 Howard Street, San Francisco"
    )


# --- sizes as written (tessera-printed-bands) ----------------------------------------------

TEXT_BANDS = [
    "☐ Less than 1 billion tokens",
    "☒ 1 billion to 10 trillion tokens",
    "☐ More than 10 trillion tokens",
]
CUSTOM = (
    "Alternatively, specify the approximate size in a different measurement unit: "
    "19.2 billion tokens as counted by our own tokenizer"
)


def _tessera(tmp_path: Path) -> tuple[Filing, Any, Any]:
    """The filing, and the size cells of its text and audio rows in the 1.3 table."""
    filing = Filing(tmp_path, "tessera-printed-bands", "training_data_summary", "public")
    table = next(t for t in filing.doc.tables if t.rows[0].cells[0].text == "Modality")
    text, audio = table.rows[1].cells[1], table.rows[3].cells[1]
    assert _seen(text) == [*TEXT_BANDS, "Up to 19.2 billion tokens", CUSTOM]
    return filing, text, audio


def test_the_size_as_written_edited_the_printed_band_kept(tmp_path: Path) -> None:
    filing, text, _ = _tessera(tmp_path)
    E.set_cell(text, [*TEXT_BANDS, "Up to 20 billion tokens", CUSTOM])

    result = filing.imported()

    assert _changes(result) == [
        (
            "changed",
            "section_1.modalities.text.size",
            "1 billion to 10 trillion tokens (Up to 20 billion tokens)",
        )
    ]
    assert filing.after == filing.before.replace(
        "text: Up to 19.2 billion tokens}", "text: Up to 20 billion tokens}"
    )


def test_the_custom_size_cleared_and_an_amount_added_beside_a_band(tmp_path: Path) -> None:
    filing, text, audio = _tessera(tmp_path)
    E.set_cell(text, [*TEXT_BANDS, "Up to 19.2 billion tokens"])
    E.set_cell(
        audio,
        [
            "☐ Less than 10,000 hours",
            "☐ 10,000 to 1 million hours",
            "☒ More than 1 million hours",
            "About 1.2 million hours",
        ],
    )

    result = filing.imported()

    assert _changes(result) == [
        (
            "changed",
            "section_1.modalities.audio.size",
            "More than 1 million hours (About 1.2 million hours)",
        ),
        ("removed", "section_1.modalities.text.custom_size", None),
    ]
    assert filing.after == filing.before.replace(
        "      custom_size: 19.2 billion tokens as counted by our own tokenizer\n", ""
    ).replace(
        "      size: More than 1 million hours\n",
        "      size:\n        band: More than 1 million hours\n        text: About 1.2 million hours\n",
    )


def test_the_language_codes_beside_the_linguistic_text(tmp_path: Path) -> None:
    filing, _, _ = _tessera(tmp_path)
    question = "Description of the linguistic characteristics"
    text = "Norwegian Bokmål and Nynorsk (61 %), Swedish (21 %), Danish (12 %) and English (6 %)."
    codes = (
        "Languages (ISO 639-1 codes): nb (Norwegian Bokmål), nn (Norwegian Nynorsk), "
        "sv (Swedish), da (Danish), en (English)"
    )
    assert filing.shown(question) == [text, codes]
    filing.edit(question, ["Norwegian (82 %), Swedish (12 %) and English (6 %).", codes + ", fi"])

    result = filing.imported()

    assert sorted(_changes(result)) == [
        ("changed", "section_1.languages", ["nb", "nn", "sv", "da", "en", "fi"]),
        ("changed", "section_1.linguistic", "Norwegian (82 %), Swedish (12 %) and English (6 %)."),
    ]
    assert filing.after == filing.before.replace(
        f"  linguistic: {text}\n",
        "  linguistic: Norwegian (82 %), Swedish (12 %) and English (6 %).\n",
    ).replace("  languages: [nb, nn, sv, da, en]\n", "  languages: [nb, nn, sv, da, en, fi]\n")


# --- the policy's fields (borealis-policy) --------------------------------------------------


def _borealis(tmp_path: Path) -> Filing:
    return Filing(tmp_path, "borealis-policy", "copyright_policy", "internal")


def test_the_policys_opening_statement_and_version(tmp_path: Path) -> None:
    filing = _borealis(tmp_path)
    question = "Draw up, keep up to date"
    shown = filing.shown(question)
    assert shown[1:] == [
        "Policy version: 1.3",
        "Last updated: 26/06/2026",
        "Models covered: Borealis-Nordic-34B; Borealis-Nordic-9B",
    ]
    filing.edit(
        question,
        ["Opening statement: Borealis AI respects copyright.", "Policy version: 1.4", *shown[2:]],
    )

    result = filing.imported()

    assert _changes(result) == [
        ("changed", "document.opening_statement", "Borealis AI respects copyright."),
        ("changed", "document.version", "1.4"),
    ]
    assert filing.after.split("  last_updated:")[1] == filing.before.split("  last_updated:")[1]
    assert filing.after.startswith(filing.before.split("  opening_statement:")[0])
    assert (
        "  opening_statement: Borealis AI respects copyright.\n  version: '1.4'\n" in filing.after
    )


def test_complaints_by_post_the_robots_statement_and_the_prohibition(tmp_path: Path) -> None:
    filing = _borealis(tmp_path)
    complaints = "Electronic mechanism for sufficiently precise"
    assert filing.shown(complaints) == [
        "E-mail: info@borealis.example",
        "Postal address: Borealis AI Oy, Legal, Mannerheimintie 12, 00100 Helsinki, Finland",
        "How it works: Send your complaint by e-mail or by post, naming the work and the model concerned.",
    ]
    filing.edit(
        complaints,
        [
            "E-mail: complaints@borealis.example",
            "How it works: Send your complaint by e-mail, naming the work and the model concerned.",
        ],
    )
    filing.edit(
        "Crawlers read and follow robots.txt",
        ["Commitment as written: BorealisBot follows robots.txt, including disallow rules."],
    )
    filing.edit(
        "Prohibit copyright-infringing uses",
        ["Wording of the prohibition: Users may not infringe copyright with Borealis models."],
    )
    filing.edit(
        "Applies whether model is integrated",
        ["Committed: Yes", "As written: This applies however the model is integrated."],
    )

    result = filing.imported()

    assert sorted(_changes(result)) == sorted(
        [
            ("changed", "contact.complaints.email", "complaints@borealis.example"),
            ("removed", "contact.complaints.postal_address", None),
            (
                "changed",
                "contact.complaints.description",
                "Send your complaint by e-mail, naming the work and the model concerned.",
            ),
            (
                "changed",
                "rights_reservation.robots_txt.statement",
                "BorealisBot follows robots.txt, including disallow rules.",
            ),
            (
                "changed",
                "output_safeguards.aup_prohibition.text",
                "Users may not infringe copyright with Borealis models.",
            ),
            (
                "changed",
                "output_safeguards.applies_irrespective.text",
                "This applies however the model is integrated.",
            ),
        ]
    )
    expected = (
        filing.before.replace(
            "    email: info@borealis.example\n    postal_address: Borealis AI Oy, Legal, "
            "Mannerheimintie 12, 00100 Helsinki, Finland\n    description: Send your complaint "
            "by e-mail or by post,",
            "    email: complaints@borealis.example\n    description: Send your complaint by e-mail,",
        )
        .replace(
            "    statement: Our crawler respects robots.txt directives, including disallow rules for BorealisBot.\n",
            "    statement: BorealisBot follows robots.txt, including disallow rules.\n",
        )
        .replace(
            "    text: Users may not use Borealis models to infringe copyright or related rights.\n",
            "    text: Users may not infringe copyright with Borealis models.\n",
        )
        .replace(
            "    text: This applies irrespective of how the model is integrated, by us or by our customers.\n",
            "    text: This applies however the model is integrated.\n",
        )
    )
    assert filing.after == expected


def test_the_downstream_providers_ranges_per_model(tmp_path: Path) -> None:
    """The DP version shows the ranges per model only (the document has none of its own)."""
    filing = Filing(tmp_path, "halcyon-two-sizes", "model_documentation", "dp")
    question = "Total model size (range of parameters)"
    assert filing.shown(question) == ["halcyon-3-70b: 50B-100B", "halcyon-3-8b: 5B-15B"]
    filing.edit(question, ["halcyon-3-70b: 50B-100B", "halcyon-3-8b: 500M-5B"])

    result = filing.imported()

    assert _changes(result) == [
        ("changed", "properties.parameter_range_variants[#2].value", "500M-5B")
    ]
    assert filing.after == filing.before.replace(
        "    - {model: halcyon-3-8b, value: 5B-15B}\n",
        "    - {model: halcyon-3-8b, value: 500M-5B}\n",
    )


def test_a_range_that_is_not_one_of_the_forms_is_said_at_its_row(tmp_path: Path) -> None:
    filing = Filing(tmp_path, "halcyon-two-sizes", "model_documentation", "dp")
    question = "Total model size (range of parameters)"
    filing.edit(question, ["halcyon-3-70b: 50B-100B", "halcyon-3-8b: 1B-5B"])

    result = filing.imported()

    assert len(result.errors) == 1
    assert result.errors[0].startswith(
        "Table 4 (section 2), row 5 'Total model size (range of parameters)': '1B-5B' is not "
        "one of the allowed values"
    )
    assert result.written == () and filing.after == filing.before


def test_the_authorities_order_of_magnitude_per_model(tmp_path: Path) -> None:
    filing = Filing(tmp_path, "halcyon-two-sizes", "model_documentation", "nca")
    question = "Amount of computation used for training (FLOP, order of magnitude)"
    assert filing.shown(question) == ["10²⁵", "halcyon-3-70b: 10²⁴", "halcyon-3-8b: 10²³"]
    filing.edit(question, ["10²⁵", "halcyon-3-70b: 10²⁵", "halcyon-3-8b: 10²³"])

    result = filing.imported()

    assert _changes(result) == [
        ("changed", "compute.training_flop_nca_variants[#1].value", "10^25")
    ]
    assert filing.after == filing.before.replace(
        '    - {model: halcyon-3-70b, value: "10^24"}\n',
        "    - {model: halcyon-3-70b, value: 10^25}\n",
    )


def test_each_models_input_modalities(tmp_path: Path) -> None:
    """``input_modalities_variants`` (a list of modalities per model): the filing with
    each size's context length given per model."""
    filing = Filing(tmp_path, "halcyon-two-sizes", "model_documentation", "aio")
    per_model = (
        "  input_modalities_variants:\n"
        "    - model: halcyon-3-70b\n"
        '      modalities: [{modality: Text, max_size: "131,072 tokens"}]\n'
        "    - model: halcyon-3-8b\n"
        '      modalities: [{modality: Text, max_size: "32,768 tokens"}]\n'
    )
    anchor = "  parameter_range_variants:\n"
    filing.yaml.write_text(filing.before.replace(anchor, per_model + anchor), encoding="utf-8")
    filing.before = filing.yaml.read_text(encoding="utf-8")
    filing.word = E.export(filing.project, "model_documentation", "aio", filing.word)
    filing.doc = docx.Document(str(filing.word))
    assert filing.shown("Input modalities") == [
        "Text: 131,072 tokens",
        "halcyon-3-70b: Text: 131,072 tokens",
        "halcyon-3-8b: Text: 32,768 tokens",
    ]
    filing.edit(
        "Input modalities",
        [
            "Text: 131,072 tokens",
            "halcyon-3-70b: Text: 131,072 tokens",
            "halcyon-3-8b: Text: 65,536 tokens",
            "halcyon-3-1b: Text: 16,384 tokens",
        ],
    )

    result = filing.imported()

    at = "properties.input_modalities_variants"
    assert _changes(result) == [
        ("changed", f"{at}[#2].modalities[#1].max_size", "65,536 tokens"),
        ("added", f"{at}[#3].model", "halcyon-3-1b"),
        ("added", f"{at}[#3].modalities[#1].modality", "Text"),
        ("added", f"{at}[#3].modalities[#1].max_size", "16,384 tokens"),
    ]
    assert filing.after == filing.before.replace(
        '      modalities: [{modality: Text, max_size: "32,768 tokens"}]\n',
        "      modalities:\n      - modality: Text\n        max_size: 65,536 tokens\n"
        "    - model: halcyon-3-1b\n"
        "      modalities:\n      - modality: Text\n        max_size: 16,384 tokens\n",
    )


def test_the_policys_date_and_a_commitment_withdrawn(tmp_path: Path) -> None:
    filing = _borealis(tmp_path)
    question = "Draw up, keep up to date"
    shown = filing.shown(question)
    filing.edit(question, [shown[0], shown[1], "Last updated: 27/06/2026", shown[3]])
    filing.edit(
        "Applies whether model is integrated",
        ["Committed: No", "As written: This applies to our own products only."],
    )

    result = filing.imported()

    assert sorted(_changes(result)) == [
        ("changed", "document.last_updated", "2026-06-27"),
        ("changed", "output_safeguards.applies_irrespective.committed", False),
        (
            "changed",
            "output_safeguards.applies_irrespective.text",
            "This applies to our own products only.",
        ),
    ]
    assert filing.after == filing.before.replace(
        "  last_updated: 26 June 2026\n", "  last_updated: '2026-06-27'\n"
    ).replace(
        "    committed: true\n"
        "    text: This applies irrespective of how the model is integrated, by us or by our customers.\n",
        "    committed: false\n    text: This applies to our own products only.\n",
    )


def test_the_prohibitions_link_cleared_and_one_added(tmp_path: Path) -> None:
    """aurora's prohibition says where it is stated; borealis' has no link yet."""
    question = "Prohibit copyright-infringing uses"
    aurora = Filing(tmp_path / "a", "aurora-official-layout", "copyright_policy", "internal")
    assert aurora.shown(question) == [
        "Wording of the prohibition: You must not use Aurora models to infringe copyright or "
        "related rights.",
        "Where it is stated (AUP, terms or model documentation): "
        "https://aurora-lingua.example/acceptable-use",
    ]
    aurora.edit(question, aurora.shown(question)[:1])
    cleared = aurora.imported()
    assert _changes(cleared) == [("removed", "output_safeguards.aup_prohibition.location", None)]
    assert aurora.after == aurora.before.replace(
        "    location: https://aurora-lingua.example/acceptable-use\n", ""
    )

    borealis = _borealis(tmp_path / "b")
    link = "Where it is stated (AUP, terms or model documentation): https://borealis.example/terms"
    borealis.edit(question, [*borealis.shown(question), link])
    added = borealis.imported()
    assert _changes(added) == [
        ("added", "output_safeguards.aup_prohibition.location", "https://borealis.example/terms")
    ]
    text = "    text: Users may not use Borealis models to infringe copyright or related rights.\n"
    assert borealis.after == borealis.before.replace(
        text, text + "    location: https://borealis.example/terms\n"
    )


def test_a_line_added_to_the_representatives_block_keeps_it_a_block(tmp_path: Path) -> None:
    filing = _quillon(tmp_path)
    question = "Authorised representative name and contact details"
    lines = [line for p in filing.shown(question) for line in p.split("\n")]
    assert lines == [
        "Quillon AI Ireland Ltd",
        "2 Grand Canal Square, Dublin 2, Ireland",
        "eu-rep@quillon.example",
    ]
    filing.edit(question, [*lines, "+353 1 555 0100"])

    result = filing.imported()

    assert _changes(result) == [
        (
            "changed",
            "section_1.authorised_representative.block",
            "\n".join([*lines, "+353 1 555 0100"]),
        )
    ]
    assert filing.after == filing.before.replace(
        "    eu-rep@quillon.example\n", "    eu-rep@quillon.example\n    +353 1 555 0100\n"
    )


def test_a_models_line_in_a_document_for_one_model_is_refused(tmp_path: Path) -> None:
    """legacy-2024 documents one model: a line per model is not a form of its size, and the
    row says how to give each model's (the rest of the document still imports)."""
    filing = Filing(tmp_path, "legacy-2024", "model_documentation", "aio")
    own = filing.shown(SIZE)
    filing.edit(SIZE, [*own, "legacy-mini: 1.3 × 10⁹"])

    result = filing.imported()

    assert result.errors == ()
    assert len(result.unmapped) == 1
    assert f"'{SIZE}': the document gives one value for all its models" in result.unmapped[0]
    assert "`total_model_size_variants:`" in result.unmapped[0]
    assert result.written == () and filing.after == filing.before


def test_a_text_before_the_list_typed_where_there_was_none(tmp_path: Path) -> None:
    """aurora's 2.1 list has no text of its own: a sentence typed as the first paragraph
    (no ' — ', a full stop) is that text, the entries after it the datasets as they were."""
    filing = Filing(tmp_path, "aurora-official-layout", "training_data_summary", "public")
    listed = filing.shown(LIST)
    assert len(listed) == 2 and listed[1].startswith("The Stack v2 — https://")
    intro = "Two public datasets each hold more than 3 % of the public text data."
    filing.edit(LIST, [intro, *listed])

    result = filing.imported()

    assert _changes(result) == [("added", "section_2.public_datasets.intro", intro)]
    last = "    other_description: >-\n"
    tail = filing.before.split(last)[1].split("\n  licensed_data:")[0]
    assert filing.after == filing.before.replace(
        last + tail + "\n", last + tail + f"\n    intro: {intro}\n", 1
    )
