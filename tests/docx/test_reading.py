"""The DOCX reader: text as Word shows it, tracked changes resolved either way, comments
left out, check boxes as glyphs, merged cells once, nested tables, field results, and a
LibreOffice re-save reading the same as the original."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx.document import Document

from gpai_docs.errors import UserError
from gpai_docs.integrations.docx.reading import (
    WordCell,
    WordDocument,
    WordParagraph,
    WordRow,
    WordTable,
    read_word,
    read_word_bytes,
)
from tests.docx._word import (
    add_comment,
    add_content_control_checkbox,
    add_field,
    add_hyperlink,
    add_legacy_checkbox,
    add_move,
    add_raw,
    add_simple_field,
    add_tracked_deletion,
    add_tracked_insertion,
    body_docx,
    make_docx,
    mark_paragraph,
    mark_row,
)


def _read(data: bytes, tracked: str = "accept") -> WordDocument:
    return read_word_bytes(data, name="summary.docx", tracked=tracked)


def _texts(document: WordDocument) -> list[str]:
    return [b.text for b in document.blocks if isinstance(b, WordParagraph)]


def _normal(text: str, *, bold: bool = False) -> WordParagraph:
    return WordParagraph(text, "Normal", None, bold)


def test_headings_by_style_and_title_body_text_and_bold_paragraphs() -> None:
    def build(document: Document) -> None:
        document.add_paragraph("Public summary", style="Title")
        document.add_heading("1. General information", 1)
        document.add_heading("1.1 Provider", 2)
        document.add_heading("Details", 3)
        document.add_paragraph("Body text.")
        bold = document.add_paragraph()
        bold.add_run("2.3. Data crawled").bold = True
        bold.add_run(" ").bold = False  # white space does not make a heading less bold
        mixed = document.add_paragraph()
        mixed.add_run("Partly ").bold = True
        mixed.add_run("bold")

    assert _read(make_docx(build)).blocks == (
        WordParagraph("Public summary", "Title", 1, False),
        WordParagraph("1. General information", "Heading 1", 1, True),
        WordParagraph("1.1 Provider", "Heading 2", 2, True),
        WordParagraph("Details", "Heading 3", 3, True),
        _normal("Body text."),
        _normal("2.3. Data crawled ", bold=True),
        _normal("Partly bold"),
    )


def test_outline_level_on_the_paragraph_makes_a_heading_and_9_is_body_text() -> None:
    body = (
        '<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Outlined</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:outlineLvl w:val="9"/></w:pPr>'
        "<w:r><w:t>Demoted</w:t></w:r></w:p>"
        '<w:p><w:pPr><w:pStyle w:val="NoSuchStyle"/></w:pPr><w:r><w:t>Unknown</w:t></w:r></w:p>'
    )
    assert _read(body_docx(body)).blocks == (
        WordParagraph("Outlined", "Normal", 2, False),
        WordParagraph("Demoted", "Heading 1", None, True),
        WordParagraph("Unknown", None, None, False),
    )


def test_core_properties_and_an_empty_document() -> None:
    def build(document: Document) -> None:
        core = document.core_properties
        core.title, core.author, core.subject = "Summary of Kuva-1", "Legal team", "Art. 53"
        core.version = "1.2"

    document = _read(make_docx(build))
    assert (document.title, document.author, document.subject, document.version) == (
        "Summary of Kuva-1",
        "Legal team",
        "Art. 53",
        "1.2",
    )
    assert document.blocks == ()
    assert (document.tracked_changes, document.tracked_mode, document.comments) == (0, "accept", 0)
    assert document.ignored == ()


def _tracked(document: Document) -> None:
    paragraph = document.add_paragraph("Data from ")
    add_tracked_deletion(paragraph, "2019")
    add_tracked_insertion(paragraph, "2021")
    paragraph.add_run(" onwards.")
    moved = document.add_paragraph("Sources: ")
    add_move(moved, "web, ", to=False)
    moved.add_run("licensed")
    add_move(moved, ", web", to=True)


def test_tracked_changes_accepted_give_the_edited_text() -> None:
    document = _read(make_docx(_tracked), "accept")
    assert _texts(document) == ["Data from 2021 onwards.", "Sources: licensed, web"]
    assert (document.tracked_changes, document.tracked_mode) == (4, "accept")


def test_tracked_changes_rejected_give_the_original_text() -> None:
    document = _read(make_docx(_tracked), "reject")
    assert _texts(document) == ["Data from 2019 onwards.", "Sources: web, licensed"]
    assert (document.tracked_changes, document.tracked_mode) == (4, "reject")


def test_a_tracked_paragraph_mark_joins_paragraphs_as_word_shows_them() -> None:
    def build(document: Document) -> None:
        first = document.add_paragraph("First half, ")
        mark_paragraph(first, "del")
        document.add_paragraph("second half.")
        inserted = document.add_paragraph("Added ")
        mark_paragraph(inserted, "ins")
        document.add_paragraph("line.")

    data = make_docx(build)
    assert _texts(_read(data, "accept")) == ["First half, second half.", "Added ", "line."]
    assert _texts(_read(data, "reject")) == ["First half, ", "second half.", "Added line."]
    assert _read(data).tracked_changes == 2


def test_a_paragraph_running_on_into_a_table_keeps_its_own_style() -> None:
    def build(document: Document) -> None:
        heading = document.add_heading("Provider", 2)
        mark_paragraph(heading, "del")
        document.add_table(rows=1, cols=1).cell(0, 0).text = "cell"

    blocks = _read(make_docx(build)).blocks
    assert blocks[0] == WordParagraph("Provider", "Heading 2", 2, True)
    assert isinstance(blocks[1], WordTable)


def test_tracked_table_rows_are_kept_or_dropped_with_the_mode() -> None:
    def build(document: Document) -> None:
        table = document.add_table(rows=3, cols=1)
        for row, text in zip(table.rows, ("kept", "inserted", "deleted"), strict=True):
            row.cells[0].text = text
        mark_row(table.rows[1], "ins")
        mark_row(table.rows[2], "del")

    def rows(document: WordDocument) -> list[tuple[int, str]]:
        table = document.blocks[0]
        assert isinstance(table, WordTable)
        return [(row.number, row.cells[0].paragraphs[0]) for row in table.rows]

    data = make_docx(build)
    assert rows(_read(data, "accept")) == [(1, "kept"), (2, "inserted")]
    assert rows(_read(data, "reject")) == [(1, "kept"), (2, "deleted")]


def test_tracked_mode_other_than_accept_or_reject_is_refused() -> None:
    with pytest.raises(UserError, match="either accepted or rejected, not 'keep'"):
        _read(make_docx(), "keep")


def test_comments_are_counted_and_never_part_of_the_text() -> None:
    def build(document: Document) -> None:
        paragraph = document.add_paragraph("Crawled until 2024.")
        add_comment(document, paragraph, "REVIEWER NOTE: check the date")
        other = document.add_paragraph("Licensed data.")
        add_comment(document, other, "REVIEWER NOTE: which licences?")

    document = _read(make_docx(build))
    assert _texts(document) == ["Crawled until 2024.", "Licensed data."]
    assert document.comments == 2
    assert "REVIEWER" not in repr(document.blocks)


def test_check_boxes_come_out_as_glyphs_where_they_stand() -> None:
    def build(document: Document) -> None:
        controls = document.add_paragraph("Text ")
        add_content_control_checkbox(controls, True)
        controls.add_run(" Images ")
        add_content_control_checkbox(controls, False)
        legacy = document.add_paragraph()
        add_legacy_checkbox(legacy, False)
        legacy.add_run(" Yes ")
        add_legacy_checkbox(legacy, True)
        legacy.add_run(" No")
        document.add_paragraph("☒ Audio ☐ Video")  # typed glyphs stay as they are

    assert _texts(_read(make_docx(build))) == [
        "Text ☒ Images ☐",
        "☐ Yes ☒ No",
        "☒ Audio ☐ Video",
    ]


def test_wingdings_box_symbols_become_glyphs_and_other_symbols_do_not() -> None:
    wingdings = '<w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr>'
    body = (
        '<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FE"/><w:t xml:space="preserve"> Yes </w:t>'
        '<w:sym w:font="Wingdings" w:char="F0A8"/><w:t xml:space="preserve"> No</w:t></w:r></w:p>'
        f'<w:p><w:r>{wingdings}<w:t>\u00fe</w:t></w:r><w:r><w:t xml:space="preserve"> Text </w:t></w:r>'
        f'<w:r>{wingdings}<w:t>\uf0a8</w:t></w:r><w:r><w:t xml:space="preserve"> Audio</w:t></w:r></w:p>'
        '<w:p><w:r><w:sym w:font="Symbol" w:char="F0A8"/><w:t>suit</w:t></w:r></w:p>'
    )
    assert _texts(_read(body_docx(body))) == ["☒ Yes ☐ No", "☒ Text ☐ Audio", "suit"]


def test_merged_cells_appear_once_where_they_start() -> None:
    def build(document: Document) -> None:
        table = document.add_table(rows=3, cols=3)
        table.cell(0, 0).merge(table.cell(0, 1)).text = "wide"
        table.cell(0, 2).text = "right"
        table.cell(1, 0).merge(table.cell(2, 0)).text = "tall"
        for row, col in ((1, 1), (1, 2), (2, 1), (2, 2)):
            table.cell(row, col).text = f"{row}{col}"

    table = _read(make_docx(build)).blocks[0]
    assert table == WordTable(
        1,
        (
            WordRow(1, (WordCell(("wide",)), WordCell(("right",)))),
            WordRow(2, (WordCell(("tall",)), WordCell(("11",)), WordCell(("12",)))),
            WordRow(3, (WordCell(("21",)), WordCell(("22",)))),
        ),
    )


def test_nested_tables_stay_in_their_cell_and_tables_are_numbered_in_order() -> None:
    def build(document: Document) -> None:
        document.add_paragraph("Before")
        outer = document.add_table(rows=1, cols=2)
        outer.cell(0, 0).text = "Modalities"
        inner = outer.cell(0, 1).add_table(rows=2, cols=1)
        inner.cell(0, 0).text = "Text"
        inner.cell(1, 0).text = "Audio"
        document.add_table(rows=1, cols=1).cell(0, 0).text = "second"

    blocks = _read(make_docx(build)).blocks
    inner = WordTable(1, (WordRow(1, (WordCell(("Text",)),)), WordRow(2, (WordCell(("Audio",)),))))
    assert blocks == (
        _normal("Before"),
        WordTable(1, (WordRow(1, (WordCell(("Modalities",)), WordCell(("", ""), (inner,)))),)),
        WordTable(2, (WordRow(1, (WordCell(("second",)),)),)),
    )


def test_hyperlink_text_is_kept_and_the_link_is_not_listed() -> None:
    def build(document: Document) -> None:
        paragraph = document.add_paragraph("Opt-out: ")
        add_hyperlink(paragraph, "https://provider.example/opt-out", "our opt-out page")
        paragraph.add_run(".")

    document = _read(make_docx(build))
    assert _texts(document) == ["Opt-out: our opt-out page."]
    assert document.ignored == ()


def test_field_results_are_kept_and_instructions_dropped() -> None:
    def build(document: Document) -> None:
        toc = document.add_paragraph()
        add_field(toc, ' TOC \\o "1-3" \\h ', "1. General information\t1")
        page = document.add_paragraph("Page ")
        add_field(page, " PAGE ", "3")
        page.add_run(" of ")
        add_simple_field(page, " NUMPAGES ", "12")

    assert _texts(_read(make_docx(build))) == ["1. General information\t1", "Page 3 of 12"]


def test_a_field_spanning_paragraphs_hides_its_instruction_only() -> None:
    body = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Entry one</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>Entry two</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        "<w:p><w:r><w:t>After</w:t></w:r></w:p>"
    )
    assert _texts(_read(body_docx(body))) == ["Entry one", "Entry two", "After"]


def test_a_field_that_never_ends_is_reported() -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">Before </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "x" </w:instrText></w:r></w:p>'
        "<w:p><w:r><w:t>swallowed</w:t></w:r></w:p>"
    )
    document = _read(body_docx(body))
    assert _texts(document) == ["Before ", ""]
    assert document.ignored == (
        "1 field without an end: text after it may be missing (re-save in Word)",
    )


def test_tabs_breaks_content_controls_and_placeholders() -> None:
    body = (
        "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r></w:p>"
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>inside a block control</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
        "<w:p><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r>"
        "<w:t>Click or tap here to enter text.</w:t></w:r></w:sdtContent></w:sdt></w:p>"
        "<w:p><w:smartTag><w:r><w:t>smart</w:t></w:r></w:smartTag>"
        "<w:customXml><w:r><w:t> custom</w:t></w:r></w:customXml></w:p>"
    )
    assert _texts(_read(body_docx(body))) == [
        "a\tb\nc",
        "inside a block control",
        "",
        "smart custom",
    ]


def test_images_embedded_objects_text_boxes_and_notes_are_listed_not_read() -> None:
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    boxed = "<w:txbxContent><w:p><w:r><w:t>BOXED</w:t></w:r></w:p></w:txbxContent>"

    def build(document: Document) -> None:
        paragraph = document.add_paragraph("Figure: ")
        add_raw(paragraph, "<w:r><w:drawing/></w:r>")
        add_raw(paragraph, "<w:r><w:object><w:t>OLE</w:t></w:object></w:r>")
        add_raw(paragraph, "<w:r><w:object/></w:r>")
        add_raw(paragraph, f"<w:r><w:pict>{boxed}</w:pict></w:r>")
        add_raw(
            paragraph,
            f"<w:r><mc:AlternateContent {mc}><mc:Choice Requires='wps'><w:drawing>{boxed}"
            f"</w:drawing></mc:Choice><mc:Fallback><w:pict>{boxed}</w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>",
        )
        add_raw(paragraph, '<w:r><w:footnoteReference w:id="1"/></w:r>')
        paragraph.add_run("end")

    document = _read(make_docx(build))
    assert _texts(document) == ["Figure: end"]
    assert document.ignored == (
        "2 embedded objects ignored",
        "1 image ignored",
        "2 text boxes ignored (their text is not imported)",
        "1 footnote or endnote not imported (only the body is read)",
    )


def test_read_word_reads_a_file_the_same_as_its_bytes(tmp_path: Path) -> None:
    data = make_docx(_tracked)
    path = tmp_path / "summary.docx"
    path.write_bytes(data)
    assert read_word(path, tracked="reject") == _read(data, "reject")


def _everything(document: Document) -> None:
    core = document.core_properties
    core.title, core.author, core.subject = "Summary", "Legal", "Training content"
    document.add_heading("1. General information", 1)
    document.add_heading("1.1 Provider", 2)
    _tracked(document)
    ticks = document.add_paragraph("Text ")
    add_content_control_checkbox(ticks, True)
    ticks.add_run(" Audio ")
    add_content_control_checkbox(ticks, False)
    legacy = document.add_paragraph("Legacy ")
    add_legacy_checkbox(legacy, True)
    link = document.add_paragraph("See ")
    add_hyperlink(link, "https://provider.example/", "the site")
    add_comment(document, link, "a remark")
    document.add_paragraph().add_run("2.3. Data crawled").bold = True
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "wide"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "tall"
    table.cell(1, 1).text = "x\ty"
    table.cell(2, 2).add_table(rows=1, cols=2).cell(0, 1).text = "nested"
    document.add_paragraph("☒ typed ☐")


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
@pytest.mark.parametrize("tracked", ["accept", "reject"])
def test_a_libreoffice_resave_reads_the_same_as_the_original(tmp_path: Path, tracked: str) -> None:
    original = tmp_path / "in.docx"
    original.write_bytes(make_docx(_everything))
    out = tmp_path / "out"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(original),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    resaved = out / "in.docx"
    assert resaved.read_bytes() != original.read_bytes()
    before, after = read_word(original, tracked=tracked), read_word(resaved, tracked=tracked)
    assert after.blocks == before.blocks
    assert (after.title, after.author, after.subject) == ("Summary", "Legal", "Training content")
    assert (after.tracked_changes, after.comments) == (before.tracked_changes, before.comments)
    expected = "Data from 2021 onwards." if tracked == "accept" else "Data from 2019 onwards."
    assert expected in _texts(after)
