"""Each escaper of escaping.py, fed every hostile string, checked by a parser of
its own format: the csv module, html.parser, expat, markdown-it-py, urllib.

Expected values are written from the format's rules, never taken from the escapers.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import xml.etree.ElementTree as ET
from urllib.parse import unquote_to_bytes, urlsplit

import pytest
from markdown_it import MarkdownIt

from gpai_docs.escaping import (
    csv_cell,
    csv_line,
    html_attr,
    html_text,
    md_code,
    relative_uri,
    safe_href,
    text_line,
    xml_chars,
)
from gpai_docs.render import cells
from gpai_docs.render.environment import md_cell, md_line, md_link
from tests.hostile.parsed import Elements, elements
from tests.hostile.strings import ALL, FORMULA_START, FORMULAS

CASES = pytest.mark.parametrize("text", [t for _, t in ALL], ids=[n for n, _ in ALL])
FORMULA_IDS = {name for name, _ in FORMULAS}


# --- CSV ---------------------------------------------------------------------


@pytest.mark.parametrize(("name", "text"), ALL, ids=[n for n, _ in ALL])
def test_csv_cell_reads_back_as_text_never_as_a_formula(name: str, text: str) -> None:
    line = csv_line([1, text, "end"])
    assert line.endswith("\n")
    [row] = list(csv.reader(io.StringIO(line, newline="")))
    assert row[0] == "1" and row[2] == "end"  # the cell did not spill into its neighbours
    assert not row[1].startswith(FORMULA_START)
    assert not row[1].lstrip().startswith(FORMULA_START)
    # A spreadsheet shows the value after the quote it treats as the text marker.
    assert row[1] == ("'" + text if name in FORMULA_IDS else text)


def test_csv_cell_leaves_domain_names_alone() -> None:
    assert csv_cell("news.example") == "news.example"
    assert csv_cell("xn--bcher-kva.example") == "xn--bcher-kva.example"


def test_csv_line_quotes_only_what_needs_it() -> None:
    assert csv_line([3, "news.example", 120]) == "3,news.example,120\n"
    assert csv_line(["a,b", 'say "x"', " pad", "a\rb"]) == ('"a,b","say ""x"""," pad","a\rb"\n')
    assert csv_line(["=1+1", "-2+3"]) == "'=1+1,'-2+3\n"


# --- HTML --------------------------------------------------------------------


@CASES
def test_html_text_adds_no_element_and_keeps_the_text(text: str) -> None:
    page = elements(f"<p>{html_text(text)}</p>")
    assert page.tags == [("p", {})]
    assert "".join(page.text) == text


@CASES
def test_html_attr_stays_one_attribute_with_the_value(text: str) -> None:
    page = elements(f'<a title="{html_attr(text)}">x</a>')
    assert page.tags == [("a", {"title": text})]
    assert "".join(page.text) == "x"


# What each URL-looking hostile string may become as a link: percent-encoding makes
# ( ) | inert; anything with a blank, or not http(s)/mailto, is no link at all.
HREFS = {
    "autolink-break": "https://a.example/x%7C![i]%28https://evil.example/p.png%29",
    "paren-break": "https://a.example/x%29![i]%28https://evil.example/p.png",
}


@pytest.mark.parametrize(("name", "text"), ALL, ids=[n for n, _ in ALL])
def test_safe_href_links_only_plain_web_urls(name: str, text: str) -> None:
    href = safe_href(text)
    assert href == HREFS.get(name)
    if href is not None:
        [(_, attrs)] = elements(f'<a href="{html_attr(href)}">x</a>').tags
        assert urlsplit(attrs["href"] or "").scheme == "https"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "file:///etc/passwd",
        "//evil.example/x",
        "https://",
        "http:/x",
        "\x01http://a.example",
    ],
)
def test_safe_href_refuses_scripts_local_files_and_hostless_urls(url: str) -> None:
    assert safe_href(url) is None


def test_safe_href_keeps_ordinary_links() -> None:
    assert safe_href("https://lumen-ai.example/bot?x=1&y=2#top") == (
        "https://lumen-ai.example/bot?x=1&y=2#top"
    )
    assert safe_href("mailto:legal@lumen-ai.example") == "mailto:legal@lumen-ai.example"
    assert safe_href("mailto:legal@lumen-ai.example", schemes=("http", "https")) is None


# --- XML ---------------------------------------------------------------------

# XML 1.0 cannot hold these; each becomes U+FFFD.
XML_SHOWN = {
    "ansi-escape": "\ufffd[31mred\ufffd[0m",
    "nul": "a\ufffdb",
    "bell-and-backspace": "a\ufffd\ufffdb",
    "u-fffe": "a\ufffdb",
    "u-ffff": "a\ufffdb",
    "lone-surrogate": "a\ufffdb",
}


@pytest.mark.parametrize(("name", "text"), ALL, ids=[n for n, _ in ALL])
def test_xml_chars_gives_a_document_every_parser_reads(name: str, text: str) -> None:
    root = ET.Element("feed", {"title": xml_chars(text)})
    ET.SubElement(root, "content").text = xml_chars(text)
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    parsed = ET.fromstring(data)  # expat: refuses what XML 1.0 does not allow
    expected = XML_SHOWN.get(name, text)
    assert parsed.get("title") == expected
    # XML parsers turn CR and CRLF in text into LF (XML 1.0, section 2.11).
    assert parsed[0].text == expected.replace("\r\n", "\n").replace("\r", "\n")
    assert [child.tag for child in parsed] == ["content"]


# --- Markdown (rendered the way GitHub and the Hub read it: raw HTML allowed) -----------

GFM = MarkdownIt("commonmark", {"html": True}).enable("table")
TABLE_TAGS = ["table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td"]


def _row(cell: str) -> Elements:
    return elements(GFM.render(f"| A | B |\n|---|---|\n| {cell} | end |\n"))


def _shown(text: str) -> str:
    # Line breaks become spaces in a cell; other C0 controls show as U+FFFD.
    one_line = re.sub(r"[ \t\n\r\f\v]+", " ", text).strip()
    return re.sub(r"[\x00-\x1f\x7f]", "\ufffd", one_line)


@CASES
def test_md_cell_is_one_cell_of_literal_text(text: str) -> None:
    row = _row(md_cell(text))
    assert [tag for tag, _ in row.tags] == TABLE_TAGS
    assert row.cells == [_shown(text), "end"]


@CASES
def test_md_code_is_one_code_span_of_the_text(text: str) -> None:
    # In a list item, as the crawler page writes it: one paragraph holding one <code>
    # and nothing else, whose text is the provider's on one line.
    html = MarkdownIt("commonmark", {"html": True}).render(f"- token {md_code(text)} end\n")
    found = elements(html)
    assert [tag for tag, _ in found.tags] == ["ul", "li", "code"], html
    inner = re.search(r"<code>(.*)</code>", html, re.S)
    assert inner is not None
    shown = _shown(text)
    code = inner.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    assert code.replace("&amp;", "&") == (shown if shown else "")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Bot", "`Bot`"),
        ("a`b", "``a`b``"),
        ("a``b`c", "```a``b`c```"),
        ("`Bot", "`` `Bot ``"),
        ("Bot\n# head", "`Bot # head`"),
    ],
)
def test_md_code_examples(text: str, span: str) -> None:
    assert md_code(text) == span


@CASES
def test_md_link_is_at_most_one_web_link_and_never_an_image(text: str) -> None:
    row = _row(md_link(text))
    tags = [tag for tag, _ in row.tags]
    assert [t for t in tags if t != "a"] == TABLE_TAGS
    links = [attrs.get("href") or "" for tag, attrs in row.tags if tag == "a"]
    assert len(links) <= 1
    assert all(urlsplit(href).scheme in ("http", "https", "mailto") for href in links)
    assert row.cells[1] == "end"


@CASES
def test_a_file_reference_is_one_link_whatever_its_name(text: str) -> None:
    row = _row(md_line(cells.FileRef(text)))
    assert [tag for tag, _ in row.tags] == [*TABLE_TAGS[:8], "a", "td"]
    assert row.cells == [_shown(text), "end"]


# --- Text reports ------------------------------------------------------------

TEXT_SHOWN = {
    "formula-tab": "\\t=1+1",
    "formula-cr": "\\r=1+1",
    "formula-after-newline": "\\n=1+1",
    "javascript-url-tab": "java\\tscript:alert(1)",
    "newline-workflow-error": "ok\\n::error file=x::pwned",
    "crlf-workflow-error": "ok\\r\\n::error file=x::pwned",
    "cr-workflow-error": "ok\\r::warning::pwned",
    "stop-commands": "ok\\n::stop-commands::tok",
    "ansi-escape": "\\x1b[31mred\\x1b[0m",
    "nul": "a\\x00b",
    "bell-and-backspace": "a\\x07\\x08b",
    "u-fffe": "a\\ufffeb",
    "u-ffff": "a\\uffffb",
    "lone-surrogate": "a\\ud800b",
    "bidi-override": "Lumen\\u202e2-esaB",
    "line-separator": "a\\u2028::error::pwned",
}


@pytest.mark.parametrize(("name", "text"), ALL, ids=[n for n, _ in ALL])
def test_text_line_is_one_visible_line(name: str, text: str) -> None:
    line = f"model.yaml:3:5: error XX001 name: {text_line(text)}"
    assert line.splitlines() == [line]
    assert line.isprintable()
    assert text_line(text) == TEXT_SHOWN.get(name, text)


def test_text_line_keeps_non_breaking_spaces_and_backslashes() -> None:
    assert text_line("10\u00a0000 t\u202fCO2 in C:\\data") == "10\u00a0000 t\u202fCO2 in C:\\data"
    assert unicodedata.category("\u00a0") == "Zs"


# --- SARIF -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("my model/doc#1.yaml", "my%20model/doc%231.yaml"),
        ("100%/a?b.yaml", "100%25/a%3Fb.yaml"),
        ("a:b/c.yaml", "a%3Ab/c.yaml"),
        ("/abs/x y.yaml", "/abs/x%20y.yaml"),
        ("bücher/ü.yaml", "b%C3%BCcher/%C3%BC.yaml"),
        ("raw\udcff.yaml", "raw%FF.yaml"),
    ],
)
def test_relative_uri_examples(path: str, uri: str) -> None:
    assert relative_uri(path) == uri


@CASES
def test_relative_uri_is_a_path_that_round_trips(text: str) -> None:
    path = f"docs/{text}/model-documentation.yaml"
    uri = relative_uri(path)
    parts = urlsplit(uri)
    assert (parts.scheme, parts.netloc, parts.query, parts.fragment) == ("", "", "", "")
    assert parts.path == uri and uri.isascii() and " " not in uri
    if "\ud800" not in text:  # no file system hands out a lone high surrogate
        assert unquote_to_bytes(uri) == path.encode("utf-8", "surrogateescape")
