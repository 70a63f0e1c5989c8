"""`import docx`: edits made in Word come back as exactly those changes to the YAML.

Each test exports a sample with the real export, edits the DOCX with python-docx as
Word would, imports it, and checks the semantic diff (what ``gpai-docs diff`` reports)
and the YAML text: the expected changes are written here from the edit made.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import docx
from gpai_docs.bundle.diff import diff_paths
from gpai_docs.cli import cli
from gpai_docs.integrations.docx.importing import DocxImport, import_docx
from tests.docx import _edit as E
from tests.docx._word import add_comment, add_tracked_insertion

SUMMARY = "training-data-summary.yaml"
LINGUISTIC = (
    "  linguistic: >-\n"
    "    40 languages. English makes up about 58 % of the text, the 24 official EU languages\n"
    "    together about 27 % (German, French, Spanish, Italian and Polish the largest), "
    "Japanese,\n"
    "    Chinese, Korean, Portuguese (Brazil), Arabic, Hindi and others the remaining 15 %. "
    "About\n"
    "    9 % of the tokens are source code.\n"
)


@pytest.fixture
def closed(tmp_path: Path) -> tuple[Path, Path, str]:
    """large-closed copied, its public summary exported, and the YAML as it was."""
    project = E.copy_tree(Path("samples/large-closed"), tmp_path / "large-closed")
    word = E.export(project, "training_data_summary", "public", tmp_path / "summary.docx")
    return project, word, (project / SUMMARY).read_text(encoding="utf-8")


def _changes(result: DocxImport) -> list[tuple[str, str, object, object]]:
    return [(c.kind, c.path, c.old, c.new) for c in result.diff.changes]


def _import(word: Path, project: Path, **options: object) -> DocxImport:
    return import_docx(word, project, as_of=E.AS_OF, **options)  # type: ignore[arg-type]  # options are the keywords


def test_an_edited_answer_changes_that_field_only(closed: tuple[Path, Path, str]) -> None:
    project, word, before = closed
    doc = docx.Document(str(word))
    E.set_cell(
        E.row_of(doc, "1.3", "Description of the linguistic").cells[1], ["About 40 languages."]
    )
    doc.save(str(word))

    result = _import(word, project)

    assert result.errors == () and result.unmapped == ()
    assert _changes(result) == [
        (
            "changed",
            "section_1.linguistic",
            "40 languages. English makes up about 58 % of the text, the 24 official EU "
            "languages together about 27 % (German, French, Spanish, Italian and Polish the "
            "largest), Japanese, Chinese, Korean, Portuguese (Brazil), Arabic, Hindi and "
            "others the remaining 15 %. About 9 % of the tokens are source code.",
            "About 40 languages.",
        )
    ]
    assert LINGUISTIC in before
    after = (project / SUMMARY).read_text(encoding="utf-8")
    assert after == before.replace(LINGUISTIC, "  linguistic: About 40 languages.\n")
    assert result.written == (project / SUMMARY,)
    assert [
        (c.kind, c.path) for c in diff_paths(Path("samples/large-closed"), project).changes
    ] == [("changed", "section_1.linguistic")]


def test_ticks_ticked_and_unticked(closed: tuple[Path, Path, str]) -> None:
    project, word, before = closed
    doc = docx.Document(str(word))
    yes_no = E.row_of(doc, "1.3", "Model continuously trained").cells[1]
    E.set_cell(yes_no, ["☒ Yes  ☐ No"])
    modalities = E.row_of(doc, "2.1", "If yes, specify the modality").cells[1]
    E.set_cell(modalities, ["☒ Text  ☐ Image  ☐ Audio  ☐ Video  ☐ Other"])
    doc.save(str(word))

    result = _import(word, project)

    assert _changes(result) == [
        ("changed", "section_1.continuous_training", "No", "Yes"),
        ("changed", "section_2.public_datasets.modalities", ["Text", "Image"], ["Text"]),
    ]
    after = (project / SUMMARY).read_text(encoding="utf-8")
    expected = before.replace("  continuous_training: No\n", "  continuous_training: 'Yes'\n")
    expected = expected.replace(
        "    used: Yes\n    modalities: [Text, Image]\n    large_datasets:",
        "    used: Yes\n    modalities: [Text]\n    large_datasets:",
    )
    assert after == expected


def test_datasets_and_crawlers_added_and_removed(closed: tuple[Path, Path, str]) -> None:
    project, word, before = closed
    doc = docx.Document(str(word))
    cell = E.row_of(doc, "2.1", "List of large publicly available").cells[1]
    stack = cell.paragraphs[1]
    assert stack.text.startswith("The Stack v2 — ")
    stack._element.getparent().remove(stack._element)
    cell.add_paragraph(
        "LAION-5B — https://laion.ai/blog/laion-5b/ — Image — Filtering: English captions only"
    )
    E.row_of(doc, "2.3", "If yes, specify crawler").cells[1].add_paragraph("MeridianBot-News")
    doc.save(str(word))

    result = _import(word, project)

    laion = "section_2.public_datasets.large_datasets[LAION-5B]"
    stack_v2 = "section_2.public_datasets.large_datasets[The Stack v2]"
    assert sorted(_changes(result), key=str) == sorted(
        [
            ("added", f"{laion}.name", None, "LAION-5B"),
            ("added", f"{laion}.link", None, "https://laion.ai/blog/laion-5b/"),
            ("added", f"{laion}.modality", None, "Image"),
            ("added", f"{laion}.filtering", None, "English captions only"),
            (
                "changed",
                "section_2.crawled_data.crawler_names",
                ["MeridianBot", "MeridianBot-Image"],
                ["MeridianBot", "MeridianBot-Image", "MeridianBot-News"],
            ),
            ("removed", f"{stack_v2}.name", "The Stack v2", None),
            (
                "removed",
                f"{stack_v2}.link",
                "https://huggingface.co/datasets/bigcode/the-stack-v2",
                None,
            ),
            ("removed", f"{stack_v2}.modality", "Text", None),
            (
                "removed",
                f"{stack_v2}.filtering",
                "Only files under permissive licences, after de-duplication against the code "
                "pages collected by MeridianBot.",
                None,
            ),
        ],
        key=str,
    )
    stack_text = (
        "      - name: The Stack v2\n"
        "        link: https://huggingface.co/datasets/bigcode/the-stack-v2\n"
        "        modality: Text\n"
        "        filtering: >-\n"
        "          Only files under permissive licences, after de-duplication against the code pages\n"
        "          collected by MeridianBot.\n"
    )
    datacomp_end = "about 62 % of the pairs.\n"
    laion_text = (
        "      - name: LAION-5B\n"
        "        link: https://laion.ai/blog/laion-5b/\n"
        "        modality: Image\n"
        "        filtering: English captions only\n"
    )
    expected = before.replace(stack_text, "").replace(datacomp_end, datacomp_end + laion_text, 1)
    expected = expected.replace(
        "crawler_names: [MeridianBot, MeridianBot-Image]",
        "crawler_names: [MeridianBot, MeridianBot-Image, MeridianBot-News]",
    )
    assert (project / SUMMARY).read_text(encoding="utf-8") == expected


def test_moved_sections_and_rows_import_the_same(closed: tuple[Path, Path, str]) -> None:
    project, word, before = closed
    doc = docx.Document(str(word))
    E.move_section_before(doc, "2.4", "1.1")
    E.swap_rows(E.tables_under(doc, "2.3")[0], 1, 3)
    doc.save(str(word))

    result = _import(word, project)

    assert result.errors == () and result.unmapped == () and result.diff.changes == ()
    assert (project / SUMMARY).read_text(encoding="utf-8") == before


def test_comments_ignored_and_tracked_changes_accepted_or_rejected(
    closed: tuple[Path, Path, str],
) -> None:
    project, word, before = closed
    doc = docx.Document(str(word))
    cell = E.row_of(doc, "3.2", "").cells[1]
    add_tracked_insertion(cell.paragraphs[-1], " Reviewed quarterly.")
    add_comment(
        doc, E.row_of(doc, "1.3", "Description of the linguistic").cells[1].paragraphs[0], "ok?"
    )
    doc.save(str(word))

    rejected = _import(word, project, tracked="reject", dry_run=True)
    assert rejected.diff.changes == ()
    assert "tracked changes rejected: 1" in rejected.notes
    assert "comments ignored: 1" in rejected.notes

    accepted = _import(word, project)
    [change] = accepted.diff.changes
    assert change.path == "section_3.illegal_content"
    assert str(change.new).endswith(" Reviewed quarterly.")
    assert str(change.new).removesuffix(" Reviewed quarterly.") == change.old
    assert "tracked changes accepted: 1" in accepted.notes
    assert "comments ignored: 1" in accepted.notes
    assert (project / SUMMARY).read_text(encoding="utf-8") != before


def test_a_row_no_question_has_is_reported_and_strict_refuses(
    closed: tuple[Path, Path, str],
) -> None:
    project, word, before = closed
    doc = docx.Document(str(word))
    table = E.tables_under(doc, "1.2")[0]
    E.add_row(table, ["Foo bar", "Something the template does not ask"])
    E.set_cell(
        E.row_of(doc, "1.3", "Description of the linguistic").cells[1], ["About 40 languages."]
    )
    doc.save(str(word))
    number = next(i for i, t in enumerate(doc.tables, 1) if t._tbl is table._tbl)
    said = (
        f"Table {number} (section 1.2), row {len(table.rows)} 'Foo bar': no question of the "
        "summary has this wording; nothing was imported from it"
    )

    strict = _import(word, project, strict=True)
    assert strict.errors == (said + " (--strict)",)
    assert strict.written == ()
    assert (project / SUMMARY).read_text(encoding="utf-8") == before

    lenient = _import(word, project)
    assert lenient.unmapped == (said,)
    assert [c.path for c in lenient.diff.changes] == ["section_1.linguistic"]


def test_a_schema_invalid_answer_writes_nothing_and_names_the_word_row(
    closed: tuple[Path, Path, str],
) -> None:
    project, word, before = closed
    doc = docx.Document(str(word))
    row = E.row_of(doc, "1.2", "Date of placement")
    E.set_cell(row.cells[1], ["2026-13-01"])
    E.set_cell(
        E.row_of(doc, "1.3", "Description of the linguistic").cells[1], ["About 40 languages."]
    )
    doc.save(str(word))
    number = next(i for i, t in enumerate(doc.tables, 1) if row._tr in t._tbl.tr_lst)
    index = [r._tr for r in doc.tables[number - 1].rows].index(row._tr) + 1

    result = _import(word, project)

    assert not result.ok and result.written == ()
    [error] = result.errors
    assert error.startswith(
        f"Table {number} (section 1.2), row {index} 'Date of placement of the model on the "
        "Union market': "
    )
    assert "date" in error.split("': ", 1)[1]  # then what the schema found wrong
    assert (project / SUMMARY).read_text(encoding="utf-8") == before


def test_a_rule_finding_on_an_imported_field_names_the_word_row(
    closed: tuple[Path, Path, str],
) -> None:
    project, word, _ = closed
    doc = docx.Document(str(word))
    row = E.row_of(doc, "2.3", "If yes, specify crawler")
    row.cells[1].add_paragraph("MeridianBot-News")
    doc.save(str(word))

    result = _import(word, project)

    assert result.written == (project / SUMMARY,)
    place = "(section 2.3), row 2 'If yes, specify crawler name(s)/identifier(s)': "
    found = [f for f in result.findings if place in f and "MeridianBot-News" in f]
    assert found, result.findings


def test_the_domain_table_edits_the_inline_list(closed: tuple[Path, Path, str]) -> None:
    project, word, before = closed
    doc = docx.Document(str(word))
    table = next(t for t in E.tables_under(doc, "2.3") if t.rows[0].cells[0].text == "Rank")
    assert table.rows[1].cells[1].text == "civicinsights.net"
    E.set_cell(table.rows[1].cells[1], ["civic-insights.net"])
    doc.save(str(word))

    result = _import(word, project)

    [change] = result.diff.changes
    assert change.path.startswith("section_2.crawled_data.top_domains.domains")
    after = (project / SUMMARY).read_text(encoding="utf-8")
    assert after == before.replace(
        "        - civicinsights.net\n", "        - civic-insights.net\n"
    )


def test_domains_from_a_statistics_file_are_regenerated_not_imported(tmp_path: Path) -> None:
    project = E.copy_tree(Path("samples/large-closed"), tmp_path / "large-closed")
    crawl = tmp_path / "crawl.csv"
    rows = [f"https://site{i}.example/page,{(40 - i) * 1000}" for i in range(40)]
    crawl.write_text("url,size\n" + "\n".join(rows) + "\n", encoding="utf-8")
    ran = CliRunner().invoke(cli, ["domains", str(crawl), "--out", str(project / "domains.csv")])
    assert ran.exit_code == 0, ran.output
    text = (project / SUMMARY).read_text(encoding="utf-8")
    text = re.sub(
        r"    top_domains:\n(?:      .*\n)+",
        "    top_domains:\n      source: domains.summary.json\n",
        text,
    )
    (project / SUMMARY).write_text(text, encoding="utf-8")
    word = E.export(project, "training_data_summary", "public", tmp_path / "summary.docx")
    doc = docx.Document(str(word))
    table = next(t for t in E.tables_under(doc, "2.3") if t.rows[0].cells[0].text == "Rank")
    assert table.rows[1].cells[1].text == "site0.example"
    E.set_cell(table.rows[1].cells[1], ["elsewhere.example"])
    doc.save(str(word))

    result = _import(word, project)

    assert result.diff.changes == () and result.written == ()
    [said] = result.unmapped
    assert "the domains come from the statistics file domains.summary.json" in said
    assert "regenerate it with `gpai-docs domains`" in said
    assert (project / SUMMARY).read_text(encoding="utf-8") == text
