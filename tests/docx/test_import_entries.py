"""`import docx`: entries split back into their sub-fields, and qualified Yes/No answers."""

from __future__ import annotations

from pathlib import Path

import docx
from gpai_docs.integrations.docx.importing import import_docx
from tests.docx import _edit as E

SUMMARY = "training-data-summary.yaml"


def test_a_dependency_entry_and_a_qualified_yes(tmp_path: Path) -> None:
    project = E.copy_tree(Path("samples/fine-tune"), tmp_path / "fine-tune")
    word = E.export(project, "training_data_summary", "public", tmp_path / "s.docx")
    before = (project / SUMMARY).read_text(encoding="utf-8")
    doc = docx.Document(str(word))
    deps = E.row_of(doc, "1.2", "Model dependencies").cells[1]
    assert [p.text for p in deps.paragraphs] == [
        "Atlas-70B — atlas-70b-2025-11 — "
        "https://northwind-ai.example/atlas-70b/training-content-summary"
    ]
    deps.add_paragraph("Mistral-7B — v0.3 — https://mistral.example/summary")
    other = E.row_of(doc, "2.6", "Have data sources other").cells[1]
    assert [p.text for p in other.paragraphs] == ["☐ Yes  ☒ No"]
    E.set_cell(other, ["☒ Yes  ☐ No", "Only for evaluation, not for training."])
    doc.save(str(word))

    result = import_docx(word, project, as_of=E.AS_OF)

    mistral = "section_1.model_dependencies[Mistral-7B]"
    assert [(c.kind, c.path, c.new) for c in result.diff.changes] == [
        ("added", f"{mistral}.name", "Mistral-7B"),
        ("added", f"{mistral}.version", "v0.3"),
        ("added", f"{mistral}.summary_url", "https://mistral.example/summary"),
        (
            "changed",
            "section_2.other_sources.used",
            "Yes (Only for evaluation, not for training.)",
        ),
    ]
    # The documentation names no Mistral-7B: the rule says so at the Word row, and the
    # import writes anyway, as an edit of the YAML would.
    assert any(
        f.startswith("error XD004: Table 3 (section 1.2), row 2 'Model dependencies': ")
        for f in result.findings
    )
    dependency = (
        "      summary_url: https://northwind-ai.example/atlas-70b/training-content-summary\n"
    )
    expected = before.replace(
        dependency,
        dependency + "    - name: Mistral-7B\n      version: v0.3\n"
        "      summary_url: https://mistral.example/summary\n",
        1,  # the dependency of section 1.2 (the same model is named in 2.5 too)
    ).replace(
        "  other_sources:\n    used: No\n",
        "  other_sources:\n    used:\n      answer: 'yes'\n"
        "      qualification: Only for evaluation, not for training.\n",
    )
    assert (project / SUMMARY).read_text(encoding="utf-8") == expected


def test_na_and_to_be_provided_marks_come_back_as_those_answers(tmp_path: Path) -> None:
    project = E.copy_tree(Path("samples/minimal"), tmp_path / "minimal")
    word = E.export(project, "training_data_summary", "public", tmp_path / "s.docx")
    before = (project / SUMMARY).read_text(encoding="utf-8")
    doc = docx.Document(str(word))
    linguistic = E.row_of(doc, "1.3", "Description of the linguistic").cells[1]
    E.set_cell(linguistic, ["⚠ TO BE PROVIDED (Legal to confirm the shares)"])
    representative = E.row_of(doc, "1.1", "Authorised representative").cells[1]
    assert [p.text for p in representative.paragraphs] == [
        "N/A: The provider is established in the Union."
    ]
    E.set_cell(representative, ["N/A: Established in the Netherlands."])
    doc.save(str(word))

    result = import_docx(word, project, as_of=E.AS_OF)

    assert result.errors == ()
    assert [(c.path, c.new) for c in result.diff.changes] == [
        ("section_1.authorised_representative", "not applicable: Established in the Netherlands."),
        ("section_1.linguistic", "to be provided"),
    ]
    expected = before.replace(
        "  authorised_representative: {not_applicable: The provider is established in the Union.}\n",
        "  authorised_representative: {not_applicable: Established in the Netherlands.}\n",
    ).replace(
        "  linguistic: English (81 %) and Dutch (19 %).\n",
        "  linguistic:\n    to_be_provided: Legal to confirm the shares\n",
    )
    assert (project / SUMMARY).read_text(encoding="utf-8") == expected


def test_the_provider_as_name_and_contact_on_one_line(tmp_path: Path) -> None:
    project = E.copy_tree(Path("samples/minimal"), tmp_path / "minimal")
    word = E.export(project, "training_data_summary", "public", tmp_path / "s.docx")
    before = (project / SUMMARY).read_text(encoding="utf-8")
    doc = docx.Document(str(word))
    provider = E.row_of(doc, "1.1", "Provider name and contact").cells[1]
    assert [p.text for p in provider.paragraphs] == [
        "Lumen AI B.V. — Keizersgracht 1, 1015 Amsterdam, Netherlands; ai-act@lumen-ai.example"
    ]
    E.set_cell(provider, ["Lumen AI B.V. — Herengracht 2, 1015 Amsterdam; ai-act@lumen-ai.example"])
    doc.save(str(word))

    result = import_docx(word, project, as_of=E.AS_OF)

    assert [(c.path, c.new) for c in result.diff.changes] == [
        ("section_1.provider.contact", "Herengracht 2, 1015 Amsterdam; ai-act@lumen-ai.example")
    ]
    assert (project / SUMMARY).read_text(encoding="utf-8") == before.replace(
        "    contact: Keizersgracht 1, 1015 Amsterdam, Netherlands; ai-act@lumen-ai.example\n",
        "    contact: Herengracht 2, 1015 Amsterdam; ai-act@lumen-ai.example\n",
    )
