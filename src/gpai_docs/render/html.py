"""Markdown to a printable HTML page: cover, table of contents and body.

markdown-it-py parses CommonMark with tables and with raw HTML off, so HTML in the
documents is shown as text. Links are limited to http, https, mailto, in-page anchors
and file names beside the artifact (shown as plain text in the PDF, since a relative
link would point into the machine that built it). Images are never emitted: their alt
text is printed instead, so nothing in a document can make the PDF engine fetch a file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup

from gpai_docs.render.markdown import RenderedArtifact

_SAFE_SCHEMES = ("http:", "https:", "mailto:")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True, slots=True)
class TocEntry:
    level: int
    text: str
    anchor: str


def validate_link(url: str) -> bool:
    """Safe schemes, in-page anchors and relative file names only."""
    text = url.strip()
    lowered = text.lower()
    if lowered.startswith(_SAFE_SCHEMES) or text.startswith("#"):
        return True
    return not _SCHEME.match(text) and not text.startswith(("//", "\\"))


def _is_relative(href: str) -> bool:
    return not href.lower().startswith(_SAFE_SCHEMES) and not href.startswith("#")


def _slug(text: str, seen: dict[str, int]) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "section"
    count = seen.get(slug, 0)
    seen[slug] = count + 1
    return f"s-{slug}" if count == 0 else f"s-{slug}-{count}"


def _is_label(inline: Token) -> bool:
    """A paragraph that is only bold text: a question or caption, kept with what follows."""
    children = inline.children or []
    return (
        len(children) >= 3
        and children[0].type == "strong_open"
        and children[-1].type == "strong_close"
    )


def _anchor_headings(state: StateCore) -> None:
    seen: dict[str, int] = {}
    toc: list[TocEntry] = []
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type == "paragraph_open" and _is_label(tokens[index + 1]):
            token.attrSet("class", "label")
        if token.type != "heading_open":
            continue
        inline = tokens[index + 1]
        text = "".join(
            child.content
            for child in inline.children or []
            if child.type in ("text", "code_inline")
        )
        anchor = _slug(text, seen)
        token.attrSet("id", anchor)
        toc.append(TocEntry(int(token.tag[1]), text, anchor))
    state.env["toc"] = toc


def _render_image(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    alt = self.renderInlineAsText(tokens[idx].children or [], options, env)
    return f'<span class="image-alt">[{escapeHtml(alt)}]</span>'


def _render_link_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    href = str(tokens[idx].attrGet("href") or "")
    if _is_relative(href):
        return '<span class="file-ref">'
    return self.renderToken(tokens, idx, options, env)


def _render_link_close(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    opener = next(
        (
            t
            for t in reversed(tokens[:idx])
            if t.type == "link_open" and t.level == tokens[idx].level
        ),
        None,
    )
    if opener is not None and _is_relative(str(opener.attrGet("href") or "")):
        return "</span>"
    return self.renderToken(tokens, idx, options, env)


@cache
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    md.validateLink = validate_link  # type: ignore[method-assign]
    md.core.ruler.push("heading_anchors", _anchor_headings)
    md.add_render_rule("image", _render_image)
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule("link_close", _render_link_close)
    return md


def to_html(markdown: str) -> tuple[str, list[TocEntry]]:
    """Body HTML and the table of contents (headings of level 2 and 3)."""
    env: dict[str, Any] = {}
    html = parser().render(markdown, env)
    return html, [entry for entry in env.get("toc", []) if entry.level in (2, 3)]


@cache
def _page_environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("gpai_docs", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def page(rendered: RenderedArtifact, *, stamp: str, generator: str) -> str:
    """The whole HTML page for WeasyPrint; ``stamp`` is the ISO date-time of the document.

    The body is the layout's HTML where the document has one, else its Markdown converted.
    A cover and a contents page come first only when the build asked for them.
    """
    cover = rendered.cover
    if rendered.html_body is not None:
        body, toc = rendered.html_body, _toc_of(rendered.html_body)
    else:
        body, toc = to_html(rendered.body if cover.cover_page else rendered.markdown)
    return (
        _page_environment()
        .get_template("page.html.j2")
        .render(
            cover=cover,
            spec=rendered.spec,
            body=Markup(body),
            toc=toc if cover.cover_page else [],
            stamp=stamp,
            generator=generator,
            attachments=[name for name, _, _ in rendered.attachments],
        )
    )


_HEADING = re.compile(r'<h([23])[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)


def _toc_of(body: str) -> list[TocEntry]:
    """The contents of a layout's HTML: its section bars and sub-headings (with ids)."""
    return [
        TocEntry(int(level), re.sub(r"<[^>]+>", "", text), anchor)
        for level, anchor, text in _HEADING.findall(body)
    ]
