"""Hugging Face model cards: export, update in place, import, and the round trip.

Cards are read back with huggingface_hub's own parser (`ModelCard`, `metadata_load`),
from local files only.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from huggingface_hub import ModelCard, ModelCardData, metadata_load

from gpai_docs.integrations.export_project import documents_for_export
from gpai_docs.integrations.hf_card import END, START, export_card
from gpai_docs.integrations.hf_card_import import import_card
from gpai_docs.models import ModelDocumentation
from gpai_docs.render.audience import text_leaves
from gpai_docs.validate.pipeline import validate_project
from tests.conftest import SAMPLES
from tests.integrations._projects import edited_copy

Run = Callable[..., Result]
MINIMAL = SAMPLES / "minimal"


def _export(project: Path, existing: str | None = None, **links: str | None) -> str:
    md, tds = documents_for_export(project)
    return export_card(
        md,
        tds,
        existing=existing,
        summary_link=links.get("summary_link", "https://lumen-ai.example/tds"),
        copyright_link=links.get("copyright_link"),
    )


def _only_pending(project: Path) -> None:
    # The scaffold dates the documents today, so check as of today. A card names its
    # datasets without the revision used, and its base models without a link to their
    # summaries, which TS033 and TS032 ask for (warnings).
    allowed = ("PJ001", "TS032", "TS033")
    result = validate_project(project)
    codes = {d.code for d in result.report.diagnostics}
    assert codes <= set(allowed), [
        str(d.location) + " " + d.message
        for d in result.report.diagnostics
        if d.code not in allowed
    ]


def test_export_is_a_card_the_hub_library_reads(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(_export(MINIMAL), encoding="utf-8")
    card = ModelCard.load(path)
    assert card.data.model_name == "Lumen-Base-2"
    assert card.data.license == "other"
    assert card.data.license_link == "https://lumen-ai.example/terms"
    assert card.data.pipeline_tag == "text-generation"
    assert card.data.datasets == ["HuggingFaceFW/fineweb"]
    assert card.data.language == ["en", "nl"]
    assert "eu-ai-act" in card.data.tags
    assert metadata_load(path) == card.data.to_dict()
    assert card.text.count(START) == card.text.count(END) == 1
    assert "[https://lumen-ai.example/tds](<https://lumen-ai.example/tds>)" in card.text


def test_card_holds_only_downstream_provider_items() -> None:
    text = _export(MINIMAL)
    md, _ = documents_for_export(MINIMAL)
    leaves = list(text_leaves(md))
    shown = {value for _, audience, value in leaves if "dp" in audience}
    # Short values ("tokens", "NL") occur inside other words; sentences must not appear.
    hidden = {v for _, audience, v in leaves if "dp" not in audience and len(v) > 12} - shown
    assert hidden, "the sample has values kept from downstream providers"
    for value in hidden:
        assert value not in text, value
    assert "2.3*10^23" not in text  # training compute: AI Office only
    assert "Paid API at api.lumen-ai.example." in text  # the DP distribution row


def test_update_keeps_what_the_user_wrote() -> None:
    existing = (
        "---\nlicense: mit\nlibrary_name: transformers\ntags:\n- llm\ncustom: {keep: me}\n---\n"
        "# Lumen\n\nOur intro.\n\n"
        + START
        + "\nold generated text\n"
        + END
        + "\n\n## Citation\n\nCite us.\n"
    )
    updated = _export(MINIMAL, existing)
    card = ModelCard(updated)
    assert card.data.library_name == "transformers"
    assert card.data.to_dict()["custom"] == {"keep": "me"}
    assert card.data.tags == ["llm", "eu-ai-act"]
    assert card.data.license == "other"  # the documentation's licence wins
    body = card.text
    assert body.startswith("\n# Lumen\n\nOur intro.\n\n" + START)
    assert body.endswith(END + "\n\n## Citation\n\nCite us.\n")
    assert "old generated text" not in body
    assert _export(MINIMAL, updated) == updated  # idempotent


def test_base_model_from_a_hub_documentation_link(tmp_path: Path) -> None:
    project = edited_copy(
        tmp_path / "p",
        {
            "model-documentation.yaml": [
                (
                    "  model_dependencies: N/A",
                    "  model_dependencies:\n    - name: Atlas 7B\n"
                    "      documentation_url: https://huggingface.co/northwind/atlas-7b",
                )
            ]
        },
    )
    assert ModelCard(_export(project)).data.base_model == "northwind/atlas-7b"


def test_card_without_markers_gets_the_section_appended() -> None:
    updated = _export(MINIMAL, "# Lumen\n\nHand-written card.\n")
    assert updated.split("---\n", 2)[2].startswith("\n# Lumen\n\nHand-written card.\n\n" + START)


def test_values_cannot_break_out_of_the_section(tmp_path: Path) -> None:
    project = edited_copy(
        tmp_path / "p",
        {
            "model-documentation.yaml": [
                (
                    "  intended_uses: Drafting and summarising business text in English and Dutch.",
                    '  intended_uses: "Drafting <script>x</script> ' + END + '"',
                )
            ]
        },
    )
    text = _export(project)
    assert text.count(END) == 1
    assert "<script>" not in text
    # the project's Markdown escaper: a backslash before each `<` and `>`
    assert "Drafting \\<script\\>x\\</script\\>" in text


def test_round_trip_keeps_what_a_card_can_hold(tmp_path: Path) -> None:
    card_path = tmp_path / "README.md"
    card_path.write_text(_export(MINIMAL), encoding="utf-8")
    imported = tmp_path / "imported"
    import_card(card_path, imported)
    _only_pending(imported)
    md, tds = documents_for_export(imported)
    assert isinstance(md, ModelDocumentation)
    assert md.general.model_name.name == "Lumen-Base-2"
    assert md.distribution.license_link == "https://lumen-ai.example/terms"
    assert tds is not None
    assert tds.section_1.linguistic == "English, Dutch"
    again = ModelCard(_export(imported)).data.to_dict()
    first = ModelCard.load(card_path).data.to_dict()
    for key in ("model_name", "license", "license_link", "pipeline_tag", "datasets", "language"):
        assert again[key] == first[key], key


def test_import_from_a_card_written_with_the_hub_library(tmp_path: Path) -> None:
    data = ModelCardData(
        license="apache-2.0",
        base_model=["meta-llama/Llama-3.1-8B", "mistralai/Mistral-7B-v0.1"],
        language=["fr", "de"],
        datasets=["HuggingFaceFW/fineweb-2"],
        pipeline_tag="image-text-to-text",
        library_name="transformers",
    )
    card_path = tmp_path / "README.md"
    ModelCard(f"---\n{data.to_yaml()}\n---\n\n# Aurora 7B\n\nA model.\n").save(card_path)
    imported = tmp_path / "aurora"
    result = import_card(card_path, imported)
    assert "general.model_dependencies" in result.filled
    _only_pending(imported)
    md, _ = documents_for_export(imported)
    assert md.general.model_name.name == "Aurora 7B"
    assert md.distribution.license_link == "https://www.apache.org/licenses/LICENSE-2.0"
    exported = ModelCard(_export(imported)).data
    assert exported.license == "apache-2.0"
    assert exported.base_model == ["meta-llama/Llama-3.1-8B", "mistralai/Mistral-7B-v0.1"]
    assert exported.language == ["fr", "de"]
    assert exported.datasets == ["HuggingFaceFW/fineweb-2"]
    assert exported.pipeline_tag == "image-text-to-text"
    # The imported files keep the scaffold's comments around the filled values.
    text = (imported / "model-documentation.yaml").read_text(encoding="utf-8")
    assert "# License (link) · MDF.distribution.license_link" in text


def test_cli_export_and_import(tmp_path: Path, run_cli: Run) -> None:
    out = tmp_path / "hf" / "README.md"
    first = run_cli("export", "hf-card", MINIMAL, "--out", out)
    assert first.exit_code == 0, first.output
    # No --summary-link: the summary's own canonical address (samples/minimal header).
    assert (
        "- **Public summary of training content:** [https://lumen-ai.example/ai-act/"
        "lumen-base-2/training-content-summary]"
    ) in out.read_text(encoding="utf-8")
    assert "not published yet" not in out.read_text(encoding="utf-8")
    assert "https://lumen-ai.example/copyright-policy" in out.read_text(encoding="utf-8")
    again = run_cli("export", "hf-card", MINIMAL, "--out", out, "--summary-link", "tds.md")
    assert again.exit_code == 0
    assert "updated" in again.output
    assert "[tds.md](<tds.md>)" in out.read_text(encoding="utf-8")
    imported = run_cli("import", "hf-card", out, "--out", tmp_path / "new")
    assert imported.exit_code == 0, imported.output
    clash = run_cli("import", "hf-card", out, "--out", tmp_path / "new")
    assert clash.exit_code == 2
    assert "already holds" in clash.output


def test_export_refuses_an_invalid_project(tmp_path: Path, run_cli: Run) -> None:
    project = tmp_path / "bad"
    shutil.copytree(MINIMAL, project)
    path = project / "model-documentation.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "surprise: 1\n", encoding="utf-8")
    result = run_cli("export", "hf-card", project, "--out", tmp_path / "README.md")
    assert result.exit_code == 2
    assert "gpai-docs validate" in result.output
    assert not (tmp_path / "README.md").exists()


@pytest.mark.parametrize("front", ["---\n- a list\n---\n", "---\nkey: [unclosed\n---\n"])
def test_broken_front_matter_is_a_user_error(front: str, tmp_path: Path, run_cli: Run) -> None:
    out = tmp_path / "README.md"
    out.write_text(front + "# Card\n", encoding="utf-8")
    result = run_cli("export", "hf-card", MINIMAL, "--out", out)
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == front + "# Card\n"
