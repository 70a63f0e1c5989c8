"""Provider text comes out literally: no template code, no HTML, no links, no images."""

from __future__ import annotations

import pytest

from gpai_docs.models.answers import NotApplicable, ToBeProvided
from gpai_docs.render.environment import answer_cell, environment, md_cell, md_text
from gpai_docs.render.html import to_html, validate_link

HOSTILE = [
    "{{ 7*7 }}",
    "{% raw %}x{% endraw %}",
    "<script>alert(1)</script>",
    "<style>@import url(http://127.0.0.1/x.css)</style>",
    "![x](http://127.0.0.1/x.png)",
    "[click](javascript:alert(1))",
    "<http://127.0.0.1/auto>",
    "# not a heading",
    "1. not a list",
    "- not a list",
    "a | b | c",
    "**not bold** _not em_ `not code` ~~not struck~~",
    "$x^2$ is not math",
    "&lt;b&gt; stays an entity",
    "    not a code block",
    "---",
]


def _text_of(html: str) -> str:
    import html as html_lib
    import re

    return html_lib.unescape(re.sub(r"<[^>]+>", "", html)).strip()


@pytest.mark.parametrize("text", HOSTILE)
def test_paragraph_text_renders_literally(text: str) -> None:
    html, _ = to_html(md_text(text))
    assert _text_of(html) == text.strip()
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<h1" not in html and "<li" not in html and "<code" not in html


@pytest.mark.parametrize("text", HOSTILE)
def test_table_cell_text_renders_literally(text: str) -> None:
    html, _ = to_html(f"| A |\n|---|\n| {md_cell(text)} |\n")
    cell = html.split("<td>", 1)[1].split("</td>", 1)[0]
    assert _text_of(cell) == " ".join(text.split())
    assert "<a " not in cell and "<img" not in cell


def test_template_syntax_in_values_is_never_compiled() -> None:
    rendered = environment().from_string("{{ value | text }}").render(value="{{ 7*7 }}")
    assert "49" not in rendered and "7\\*7" in rendered


def test_line_breaks_and_paragraphs_are_kept() -> None:
    html, _ = to_html(md_text("first line\nsecond line\n\nnext paragraph"))
    assert html.count("<p>") == 2 and "<br" in html


def test_markers_for_missing_answers_are_visible() -> None:
    assert answer_cell(ToBeProvided(to_be_provided=True)).startswith("**⚠ TO BE PROVIDED**")
    assert answer_cell(NotApplicable(not_applicable="no crawler")) == "**N/A**: no crawler"
    assert answer_cell("N/A") == "**N/A**"
    assert answer_cell(None) == "—"


def test_urls_become_links_only_for_safe_schemes() -> None:
    assert answer_cell("https://example.com/aup") == "<https://example.com/aup>"
    assert "<" not in answer_cell("javascript:alert(1)").replace("\\<", "")
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "//evil"):
        assert not validate_link(bad)
    for good in ("https://a.example", "mailto:x@a.example", "#s-1", "list.csv"):
        assert validate_link(good)


def test_images_are_never_emitted_and_relative_links_are_not_links() -> None:
    html, _ = to_html("![alt text](https://example.com/x.png) and [list.csv](list.csv)")
    assert "<img" not in html and "[alt text]" in html
    assert "<a " not in html and "list.csv" in html


def test_headings_get_unique_anchors_for_the_table_of_contents() -> None:
    html, toc = to_html("## 1 General\n\n### Same\n\n### Same\n")
    assert [(e.level, e.anchor) for e in toc] == [
        (2, "s-1-general"),
        (3, "s-same"),
        (3, "s-same-1"),
    ]
    assert 'id="s-same-1"' in html
