"""`import docx` of the model documentation (the Form) and of the copyright policy: rows
with the reader columns, records shown as "Label: value" lines, lists of entries."""

from __future__ import annotations

from pathlib import Path

import docx
from gpai_docs.integrations.docx.importing import DocxImport, import_docx
from tests.docx import _edit as E

FORM = "model-documentation.yaml"
POLICY = "copyright-policy.yaml"


def _exported(tmp_path: Path, document: str, audience: str) -> tuple[Path, Path, str]:
    project = E.copy_tree(Path("samples/large-closed"), tmp_path / "large-closed")
    word = E.export(project, document, audience, tmp_path / "export.docx")
    stem = FORM if document == "model_documentation" else POLICY
    return project, word, (project / stem).read_text(encoding="utf-8")


def _cell(doc: object, section: str, question: str) -> object:
    return E.row_of(doc, section, question).cells[1]  # type: ignore[arg-type]  # a python-docx Document


def _texts(cell: object) -> list[str]:
    return [p.text for p in cell.paragraphs]  # type: ignore[attr-defined]  # a python-docx cell


def _changes(result: DocxImport) -> list[tuple[str, str, object, object]]:
    return [(c.kind, c.path, c.old, c.new) for c in result.diff.changes]


def test_form_rows_of_every_kind(tmp_path: Path) -> None:
    project, word, before = _exported(tmp_path, "model_documentation", "aio")
    doc = docx.Document(str(word))
    E.set_cell(_cell(doc, "2.", "Model architecture"), ["Dense decoder-only transformer."])
    name = _texts(_cell(doc, "1.", "Model name"))
    assert name[1] == "Model family: Vela"
    E.set_cell(_cell(doc, "1.", "Model name"), [name[0], "Model family: Vela X", *name[2:]])
    E.set_cell(_cell(doc, "1.", "Release date"), ["14/04/2026"])
    E.set_cell(_cell(doc, "2.", "Total model size (parameters)"), ["4.2 × 10¹¹"])
    E.set_cell(_cell(doc, "2.", "Output modalities"), ["Text: 32,768 tokens per response"])
    doc.save(str(word))

    result = import_docx(word, project, as_of=E.AS_OF)

    assert result.errors == () and result.unmapped == ()
    assert _changes(result) == [
        ("changed", "general.model_name.family", "Vela", "Vela X"),
        ("changed", "general.release_date", "2026-03-31", "2026-04-14"),
        (
            "changed",
            "properties.architecture",
            "Dense decoder-only transformer with a ViT image encoder, grouped-query "
            "attention and rotary position embeddings.",
            "Dense decoder-only transformer.",
        ),
        (
            "changed",
            "properties.output_modalities[#1].max_size",
            "16,384 tokens per response",
            "32,768 tokens per response",
        ),
        ("changed", "properties.total_model_size", "4.1*10^11", "4.2*10^11"),
    ]
    expected = (
        before.replace("    family: Vela\n", "    family: Vela X\n")
        .replace("  release_date: 2026-03-31\n", "  release_date: '2026-04-14'\n")
        .replace(
            "  architecture: >-\n    Dense decoder-only transformer with a ViT image encoder, "
            "grouped-query attention and\n    rotary position embeddings.\n",
            "  architecture: Dense decoder-only transformer.\n",
        )
        .replace(
            '    - {modality: Text, max_size: "16,384 tokens per response"}\n',
            "    - {modality: Text, max_size: '32,768 tokens per response'}\n",
        )
        .replace('  total_model_size: "4.1*10^11"\n', "  total_model_size: 4.2*10^11\n")
    )
    assert (project / FORM).read_text(encoding="utf-8") == expected


def test_a_form_wording_of_two_rows_goes_by_the_reader_ticks(tmp_path: Path) -> None:
    project, word, before = _exported(tmp_path, "model_documentation", "dp")
    doc = docx.Document(str(word))
    rows = [
        r
        for t in E.tables_under(doc, "3.")
        for r in t.rows
        if r.cells[0].text == "Distribution channels"
    ]
    [dp_row] = rows  # the downstream providers' version shows their row only
    assert [c.text for c in dp_row.cells[2:]] == ["☐", "☐", "☒"]
    E.set_cell(dp_row.cells[1], ["Paid API only."])
    doc.save(str(word))

    result = import_docx(word, project, as_of=E.AS_OF)

    assert [(c.kind, c.path, c.new) for c in result.diff.changes] == [
        ("changed", "distribution.channels_dp", "Paid API only.")
    ]
    after = (project / FORM).read_text(encoding="utf-8")
    assert after.count("\n") <= before.count("\n")
    assert "  channels_dp: Paid API only.\n" in after


def test_policy_rows_records_lists_and_voluntary_sections(tmp_path: Path) -> None:
    project, word, before = _exported(tmp_path, "copyright_policy", "internal")
    doc = docx.Document(str(word))
    E.set_cell(_cell(doc, "Measure 1.2", "Crawl only lawfully"), ["Only public pages are crawled."])
    robots = _texts(_cell(doc, "Measure 1.3", "Crawlers read and follow"))
    assert robots[1] == "Standard followed: RFC 9309"
    robots[1] = "Standard followed: RFC 9309 (2022)"
    E.set_cell(_cell(doc, "Measure 1.3", "Crawlers read and follow"), robots)
    crawlers = _texts(_cell(doc, "Measure 1.3", "Publish information about crawlers"))
    assert crawlers[-1].startswith("Crawler: MeridianBot-Image — ")
    E.set_cell(_cell(doc, "Measure 1.3", "Publish information about crawlers"), crawlers[:-1])
    roles = _texts(_cell(doc, "Measure 1.1", "Assign internal"))
    roles.append("Role or unit: Data Protection Officer — Responsibility: Reviews personal data.")
    E.set_cell(_cell(doc, "Measure 1.1", "Assign internal"), roles)
    E.set_cell(_cell(doc, "Voluntary", "Supplier due diligence"), ["Licensors warrant rights."])
    doc.save(str(word))

    result = import_docx(word, project, as_of=E.AS_OF)

    assert result.errors == () and result.unmapped == ()
    paths = {(c.kind, c.path) for c in result.diff.changes}
    image = "rights_reservation.crawlers[MeridianBot-Image]"
    assert paths == {
        ("added", "responsibilities[Data Protection Officer].role"),
        ("added", "responsibilities[Data Protection Officer].responsibility"),
        ("changed", "lawful_access.lawful_access"),
        ("changed", "rights_reservation.robots_txt.standard"),
        ("changed", "voluntary_sections[Supplier due diligence].text"),
        *{
            ("removed", f"{image}.{key}")
            for key in ("name", "user_agent", "robots_token", "purpose", "info_url", "in_use_since")
        },
    }
    image_text = (
        "    - name: MeridianBot-Image\n"
        '      user_agent: "Mozilla/5.0 (compatible; MeridianBot-Image/1.3; '
        '+https://meridian-ai.example/bots)"\n'
        "      robots_token: MeridianBot-Image\n"
        "      purpose: Collects publicly accessible images with their alt text and captions "
        "to train Meridian's image understanding.\n"
        "      info_url: https://meridian-ai.example/bots#image\n"
        "      in_use_since: 2024-06-17\n"
    )
    counsel = "keeps the EU lists of infringing websites current.\n"
    assert image_text in before and counsel in before
    after = (project / POLICY).read_text(encoding="utf-8")
    assert image_text not in after
    assert "    standard: RFC 9309 (2022)\n" in after
    assert "  lawful_access: Only public pages are crawled.\n" in after
    assert (
        counsel
        + ("  - role: Data Protection Officer\n    responsibility: Reviews personal data.\n")
        in after
    )
    assert "    text: Licensors warrant rights.\n" in after
    untouched = before.split("natural_language_reservations:")[1].split("crawlers:")[0]
    assert untouched in after  # entries between the edits keep their bytes


def test_a_wording_of_two_rows_without_its_ticks_is_reported(tmp_path: Path) -> None:
    project, word, before = _exported(tmp_path, "model_documentation", "aio")
    doc = docx.Document(str(word))
    rows = [
        r
        for t in E.tables_under(doc, "3.")
        for r in t.rows
        if r.cells[0].text == "Distribution channels"
    ]
    assert len(rows) == 2  # the AI Office's version has both readers' rows
    E.set_cell(rows[0].cells[1], ["Paid API only."])
    for cell in rows[0].cells[2:]:
        E.set_cell(cell, [""])
    doc.save(str(word))

    result = import_docx(word, project, as_of=E.AS_OF)

    assert result.diff.changes == ()
    [said] = result.unmapped
    assert "row 2 'Distribution channels': this wording is 2 rows of the Form" in said
    assert said.endswith("nothing was imported from it")
    assert (project / FORM).read_text(encoding="utf-8") == before


def test_changed_reader_ticks_are_reported_not_imported(tmp_path: Path) -> None:
    project, word, before = _exported(tmp_path, "model_documentation", "aio")
    doc = docx.Document(str(word))
    row = E.row_of(doc, "2.", "Model architecture")
    assert [c.text for c in row.cells[2:]] == ["☒", "☒", "☒"]
    E.set_cell(row.cells[4], ["☐"])
    doc.save(str(word))

    result = import_docx(word, project, as_of=E.AS_OF)

    assert result.diff.changes == () and result.written == ()
    [said] = result.unmapped
    assert "row 2 'Model architecture': the AIO, NCA and DP ticks are the Form's" in said
    assert (project / FORM).read_text(encoding="utf-8") == before
