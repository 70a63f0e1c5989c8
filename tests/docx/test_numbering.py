"""Word's automatic numbering read as the label Word shows before a paragraph's text.

The expected labels are those Word displays for the numbering definitions written here
(ECMA-376 Part 1, 17.9: levels, start values, overrides, lvlRestart, isLgl, numFmt),
not values taken from the reader.
"""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from docx.document import Document

from docx import Document as DocxDocument
from gpai_docs.errors import DocxRefused
from gpai_docs.integrations.docx.located import located_tables
from gpai_docs.integrations.docx.numbering import formatted
from gpai_docs.integrations.docx.reading import WordDocument, WordParagraph, read_word_bytes
from gpai_docs.load.documents import load_file, load_text
from tests.docx._numbering import (
    abstract,
    instance,
    level,
    number,
    number_style,
    numbered_docx,
    numbering_part,
)
from tests.docx._word import (
    add_tracked_deletion,
    add_tracked_insertion,
    mark_paragraph,
    parts,
    rezip,
)
from tests.docx.commission_template import Bar, Block, Sub, build
from tests.docx.template_fixtures import aurore
from tests.docx.test_commission_template import AURORE, differences
from tests.docx.test_libreoffice import resave_with_libreoffice

# Headings 1-3 linked to one multi-level list, as Word's "1 / 1.1 / 1.1.1" heading list is.
HEADINGS = [
    abstract(
        1,
        [
            level(0, "%1.", style="Heading1"),
            level(1, "%1.%2.", style="Heading2"),
            level(2, "%1.%2.%3.", style="Heading3"),
        ],
    ),
    instance(1, 1),
]


def _read(data: bytes, tracked: str = "accept") -> WordDocument:
    return read_word_bytes(data, name="summary.docx", tracked=tracked)


def _labels(document: WordDocument) -> list[tuple[str | None, str]]:
    return [(b.label, b.text) for b in document.blocks if isinstance(b, WordParagraph)]


def _headings(document: Document) -> None:
    number_style(document.styles["Heading 1"], 1)  # the level comes from the lvl's pStyle
    number_style(document.styles["Heading 2"], 1)
    number_style(document.styles["Heading 3"], 1, 2)  # the level given in the style
    document.add_heading("General information", 1)
    document.add_heading("Provider identification", 2)
    document.add_paragraph("Body text between the headings.")
    document.add_heading("Model identification", 2)
    document.add_heading("Dependencies", 3)
    document.add_heading("Data", 1)
    document.add_heading("Public datasets", 2)
    document.add_heading("Sources", 3)


def test_multi_level_headings_numbered_through_their_styles() -> None:
    document = _read(numbered_docx(HEADINGS, _headings))
    assert _labels(document) == [
        ("1.", "General information"),
        ("1.1.", "Provider identification"),
        (None, "Body text between the headings."),
        ("1.2.", "Model identification"),
        ("1.2.1.", "Dependencies"),
        ("2.", "Data"),
        ("2.1.", "Public datasets"),  # level 2 started again when level 1 advanced
        ("2.1.1.", "Sources"),
    ]
    first = document.blocks[0]
    assert first == WordParagraph("General information", "Heading 1", 1, True, "1.")


def test_a_start_override_and_a_restart() -> None:
    definitions = [
        abstract(2, [level(0, "%1)"), level(1, "%1.%2")]),
        instance(2, 2),
        instance(3, 2, {0: 5}),  # "Set numbering value: 5"
        instance(4, 2, {0: 1}),  # "Restart at 1"
        instance(5, 2),  # the list again: instances of one definition count together
    ]

    def build(document: Document) -> None:
        for text, num_id, ilvl in [
            ("first", 2, 0),
            ("second", 2, 0),
            ("from five", 3, 0),
            ("six", 3, 0),
            ("six, one", 3, 1),
            ("restarted", 4, 0),
            ("restarted, two", 4, 0),
            ("continued", 5, 0),
            ("first list again", 2, 0),
        ]:
            number(document.add_paragraph(text), num_id, ilvl)

    assert _labels(_read(numbered_docx(definitions, build))) == [
        ("1)", "first"),
        ("2)", "second"),
        ("5)", "from five"),
        ("6)", "six"),
        ("6.1", "six, one"),
        ("1)", "restarted"),
        ("2)", "restarted, two"),
        ("3)", "continued"),  # LibreOffice writes "restart" as one instance with the
        ("4)", "first list again"),  # override for its first paragraph, one without after
    ]


def test_a_level_linked_to_the_style_comes_before_the_styles_ilvl() -> None:
    """ECMA-376 17.9.23: when a paragraph style carries numbering, the level whose
    ``w:pStyle`` names it is the paragraph's level, whatever ``w:ilvl`` the style has."""

    def build(document: Document) -> None:
        number_style(document.styles["Heading 1"], 1, 0)
        number_style(document.styles["Heading 2"], 1, 0)  # ilvl 0, but linked to level 1
        document.add_heading("General information", 1)
        document.add_heading("Provider identification", 2)
        number(document.add_heading("Demoted by hand", 2), 1, 2)  # direct: level 3
        document.add_heading("Model identification", 2)

    assert _labels(_read(numbered_docx(HEADINGS, build))) == [
        ("1.", "General information"),
        ("1.1.", "Provider identification"),
        ("1.1.1.", "Demoted by hand"),
        ("1.2.", "Model identification"),
    ]


def test_letters_romans_a_start_value_and_legal_numbering() -> None:
    definitions = [
        abstract(5, [level(0, "(%1)", "lowerLetter")]),
        instance(5, 5),
        abstract(6, [level(0, "%1.", "upperRoman", start=3), level(1, "%1.%2", legal=True)]),
        instance(6, 6),
        abstract(7, [level(0, "Annex %1", "upperLetter"), level(1, "%1-%2", "lowerRoman")]),
        instance(7, 7),
    ]

    def build(document: Document) -> None:
        for text, num_id, ilvl in [
            ("crawled", 5, 0),
            ("licensed", 5, 0),
            ("synthetic", 5, 0),
            ("Third part", 6, 0),
            ("Fourth part", 6, 0),
            ("legal", 6, 1),
            ("Sources", 7, 0),
            ("one", 7, 1),
            ("two", 7, 1),
        ]:
            number(document.add_paragraph(text), num_id, ilvl)

    assert _labels(_read(numbered_docx(definitions, build))) == [
        ("(a)", "crawled"),
        ("(b)", "licensed"),
        ("(c)", "synthetic"),
        ("III.", "Third part"),
        ("IV.", "Fourth part"),
        ("4.1", "legal"),  # isLgl: the roman level shown as a decimal number
        ("Annex A", "Sources"),
        ("A-i", "one"),
        ("A-ii", "two"),
    ]


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (27, "lowerLetter", "aa"),  # after z comes aa, bb, ...
        (53, "upperLetter", "AAA"),
        (1999, "upperRoman", "MCMXCIX"),
        (14, "lowerRoman", "xiv"),
        (7, "decimalZero", "07"),
        (12, "decimalZero", "12"),
        (3, "none", ""),
        (3, "ordinalText", "3"),  # formats not known are shown as decimal numbers
    ],
)
def test_number_formats(value: int, fmt: str, shown: str) -> None:
    assert formatted(value, fmt) == shown


def test_bullets_and_numid_zero_have_no_label() -> None:
    definitions = [
        *HEADINGS,
        abstract(8, [level(0, "•", "bullet"), level(1, "%2.")]),
        instance(8, 8),
    ]

    def build(document: Document) -> None:
        number_style(document.styles["Heading 1"], 1)
        document.add_heading("Numbered", 1)
        number(document.add_heading("Not numbered (numId 0)", 1), 0, 0)
        document.add_heading("Numbered again", 1)
        number(document.add_paragraph("a bullet"), 8, 0)
        number(document.add_paragraph("numbered under the bullet"), 8, 1)
        number(document.add_paragraph("a numbered item of an unknown list"), 99, 0)
        number(document.add_paragraph("a level the list does not define"), 1, 7)

    assert _labels(_read(numbered_docx(definitions, build))) == [
        ("1.", "Numbered"),
        (None, "Not numbered (numId 0)"),
        ("2.", "Numbered again"),  # the paragraph with numId 0 did not count
        (None, "a bullet"),
        ("1.", "numbered under the bullet"),
        (None, "a numbered item of an unknown list"),
        (None, "a level the list does not define"),
    ]


def test_lvl_restart_zero_keeps_counting_across_a_higher_level() -> None:
    definitions = [abstract(9, [level(0, "%1."), level(1, "%1.%2", restart=0)]), instance(9, 9)]

    def build(document: Document) -> None:
        for text, ilvl in [("One", 0), ("a", 1), ("Two", 0), ("b", 1)]:
            number(document.add_paragraph(text), 9, ilvl)

    labels = [label for label, _ in _labels(_read(numbered_docx(definitions, build)))]
    assert labels == ["1.", "1.1", "2.", "2.2"]


def test_a_numbering_style_link_and_numbered_paragraphs_in_a_table() -> None:
    """``w:numStyleLink``: the list's levels are those of the numbering style's list; the
    paragraphs of a table cell are counted in document order (their text is unchanged)."""
    definitions = [
        abstract(10, [], link="SectionList"),
        abstract(11, [level(0, "Section %1:")], style_link="SectionList"),
        instance(10, 10),
        instance(11, 11),
    ]
    style = (
        '<w:style w:type="numbering" w:styleId="SectionList"><w:name w:val="Section List"/>'
        '<w:pPr><w:numPr><w:numId w:val="11"/></w:numPr></w:pPr></w:style>'
    )

    def build(document: Document) -> None:
        number(document.add_paragraph("General"), 10)
        cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
        number(cell.paragraphs[0], 10).add_run("In a table")
        number(document.add_paragraph("Data"), 10)

    document = _read(numbered_docx(definitions, build, extra_styles=style))
    assert _labels(document) == [("Section 1:", "General"), ("Section 3:", "Data")]


def test_tracked_paragraphs_count_as_word_shows_them() -> None:
    definitions = [abstract(12, [level(0, "%1.")]), instance(12, 12)]

    def build(document: Document) -> None:
        number(document.add_paragraph("kept"), 12)
        deleted = number(document.add_paragraph(), 12)
        add_tracked_deletion(deleted, "deleted")
        mark_paragraph(deleted, "del")
        number(document.add_paragraph("kept too"), 12)
        inserted = number(document.add_paragraph(), 12)
        add_tracked_insertion(inserted, "inserted")
        mark_paragraph(inserted, "ins")
        number(document.add_paragraph("last"), 12)

    data = numbered_docx(definitions, build)
    assert _labels(_read(data, "accept")) == [
        ("1.", "kept"),
        ("2.", "kept too"),  # the deleted paragraph, accepted, is gone and not counted
        ("3.", "inserted"),
        ("4.", "last"),
    ]
    assert _labels(_read(data, "reject")) == [
        ("1.", "kept"),
        ("2.", "deleted"),
        ("3.", "kept too"),
        ("4.", "last"),  # the inserted paragraph, rejected, is gone and not counted
    ]


def test_a_document_without_numbering_xml_reads_without_labels() -> None:
    data = numbered_docx(HEADINGS, _headings)
    data = rezip(data, {"word/numbering.xml": None})
    labels = {label for label, _ in _labels(_read(data))}
    assert labels == {None}


def test_numbering_xml_is_parsed_as_safely_as_the_body() -> None:
    data = numbered_docx(HEADINGS, _headings)
    xml = parts(data)["word/numbering.xml"].decode("utf-8")
    hostile = xml.replace(
        "<w:numbering ",
        '<!DOCTYPE w:numbering [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:numbering ',
    )
    with pytest.raises(DocxRefused, match=r"word/numbering.xml declares a document type"):
        _read(rezip(data, {"word/numbering.xml": hostile}))


def test_a_numbering_style_link_loop_ends() -> None:
    definitions = [
        abstract(13, [], link="Loop"),
        instance(13, 13),
    ]
    style = (
        '<w:style w:type="numbering" w:styleId="Loop"><w:name w:val="Loop"/>'
        '<w:pPr><w:numPr><w:numId w:val="13"/></w:numPr></w:pPr></w:style>'
    )

    def build(document: Document) -> None:
        number(document.add_paragraph("points at itself"), 13)

    document = _read(numbered_docx(definitions, build, extra_styles=style))
    assert _labels(document) == [(None, "points at itself")]


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="soffice (LibreOffice) is not installed"
)
def test_a_libreoffice_resave_keeps_the_labels(tmp_path: Path) -> None:
    """LibreOffice rewrites numbering.xml (its own definitions, a restart split in two
    instances) and the numPr of every paragraph; the labels stay. (LibreOffice 7.4 drops
    ``w:isLgl`` and does not follow a style's ``w:pStyle`` link when the style has no
    ``w:ilvl``, so the styles carry their level here, as Word writes them.)"""
    definitions = [
        *HEADINGS,
        abstract(5, [level(0, "(%1)", "lowerLetter")]),
        instance(5, 5),
        instance(6, 5, {0: 1}),
        abstract(8, [level(0, "•", "bullet")]),
        instance(8, 8),
        abstract(2, [level(0, "%1.", "upperRoman", start=3)]),
        instance(2, 2),
    ]

    def build(document: Document) -> None:
        for heading, ilvl in (("Heading 1", 0), ("Heading 2", 1), ("Heading 3", 2)):
            number_style(document.styles[heading], 1, ilvl)
        for text, depth in [("General", 1), ("Provider", 2), ("Model", 2), ("Deps", 3)]:
            document.add_heading(text, depth)
        document.add_heading("Data", 1)
        document.add_heading("Public", 2)
        for text, num_id in [("crawled", 5), ("licensed", 5), ("again", 6), ("again b", 6)]:
            number(document.add_paragraph(text), num_id)
        for text, num_id in [("a bullet", 8), ("roman", 2), ("roman too", 2)]:
            number(document.add_paragraph(text), num_id)
        number(document.add_heading("not numbered", 1), 0, 0)
        document.add_heading("Last", 1)
        cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
        cell.paragraphs[0].style = document.styles["Heading 2"]
        cell.paragraphs[0].add_run("in a table")
        document.add_heading("After the table", 2)

    source = tmp_path / "numbered.docx"
    source.write_bytes(numbered_docx(definitions, build))
    expected = [
        ("1.", "General"),
        ("1.1.", "Provider"),
        ("1.2.", "Model"),
        ("1.2.1.", "Deps"),
        ("2.", "Data"),
        ("2.1.", "Public"),
        ("(a)", "crawled"),
        ("(b)", "licensed"),
        ("(a)", "again"),
        ("(b)", "again b"),
        (None, "a bullet"),
        ("III.", "roman"),
        ("IV.", "roman too"),
        (None, "not numbered"),
        ("3.", "Last"),
        ("3.2.", "After the table"),  # 3.1. is the heading in the table
    ]
    assert _labels(_read(source.read_bytes())) == expected
    resaved = resave_with_libreoffice(source, tmp_path / "out", tmp_path / "profile")
    assert (
        parts(resaved.read_bytes())["word/numbering.xml"]
        != parts(source.read_bytes())["word/numbering.xml"]
    )  # rewritten, not copied
    assert _labels(_read(resaved.read_bytes())) == expected


# --- End to end: the Commission template's sub-headings numbered by Word ------------------

_TYPED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+")
TEMPLATE_LIST = [
    abstract(
        20,
        [
            level(0, "%1."),
            level(1, "%1.%2.", style="TemplateSubheading"),
            level(2, "%1.%2.%3."),
        ],
    ),
    instance(20, 20),
]


def _auto_numbered(blocks: list[Block]) -> bytes:
    """The filing with every section bar and sub-heading numbered by Word, not typed: bars
    as bold paragraphs at level 1, sub-headings through their style at level 2, and the
    2.2.x ones demoted to level 3 by hand (Tab), as a legal team does."""
    depth: dict[str, int] = {}
    untyped: list[Block] = []
    for block in blocks:
        match = _TYPED.match(block.text) if isinstance(block, Bar | Sub) else None
        if isinstance(block, Bar | Sub) and match is not None:
            text = block.text[match.end() :]
            depth[text] = match.group(1).count(".")
            block = Bar(text, shaded=False) if isinstance(block, Bar) else Sub(text)
        untyped.append(block)
    document = DocxDocument(io.BytesIO(build(untyped)))
    number_style(document.styles["Template Subheading"], 20)
    for paragraph in document.paragraphs:
        if paragraph.text in depth and (depth[paragraph.text] != 1):
            number(paragraph, 20, depth[paragraph.text])
    out = io.BytesIO()
    document.save(out)
    return rezip(out.getvalue(), {"word/numbering.xml": numbering_part(TEMPLATE_LIST)})


def test_a_template_filing_with_auto_numbered_headings_imports(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    filing = tmp_path / "filing.docx"
    filing.write_bytes(_auto_numbered(aurore.blocks()))
    headings = [b for b in _read(filing.read_bytes()).blocks if isinstance(b, WordParagraph)]
    shown = {b.text: b.label for b in headings if b.label}
    assert not any(_TYPED.match(b.text) for b in headings)  # no number is typed
    assert shown["General information"] == "1."
    assert shown["Modalities, overall training data size and other characteristics"] == "1.3."
    assert shown["Private non-publicly available datasets obtained from third parties"] == "2.2."
    assert shown["Private datasets obtained from other third parties"] == "2.2.2."
    assert shown["Data crawled and scraped from online sources"] == "2.3."
    assert shown["Removal of illegal content"] == "3.2."
    project = tmp_path / "aurore-2"
    result = run_cli("init", project, "--provider", "Aurore Labs SAS", "--model-name", "aurore-2")
    assert result.exit_code == 0, result.output
    result = run_cli("import", "docx", filing, "--into", project)
    assert result.exit_code == 0, result.output
    got = load_file(project / "training-data-summary.yaml")
    assert got.ok, got.diagnostics
    assert differences(load_text(AURORE, "expected.yaml").data, got.data) == []


def test_the_section_of_a_table_comes_from_its_headings_automatic_number() -> None:
    definitions = [*HEADINGS, abstract(3, [level(0, "%1.")]), instance(3, 3)]

    def build(document: Document) -> None:
        _headings(document)  # ends in 2.1.1. Sources
        number(document.add_paragraph("A numbered list item, not a heading"), 3)
        document.add_table(rows=1, cols=2).rows[0].cells[0].text = "Question:"
        paragraph = number(document.add_paragraph("Other sources of data"), 1, 1)
        paragraph.style = document.styles["Normal"]  # not bold, no Heading style: 2.2.
        document.add_table(rows=1, cols=2).rows[0].cells[0].text = "Question:"

    blocks = _read(numbered_docx(definitions, build)).blocks
    sections = [(t.section, t.heading) for t in located_tables(blocks)]
    assert sections == [
        ("2.1.1", "2.1.1. Sources"),
        ("2.2", "2.2. Other sources of data"),
    ]
