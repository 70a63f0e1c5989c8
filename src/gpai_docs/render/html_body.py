"""A layout's parts as HTML, for the PDF and for the publishable web page.

The same parts as the Markdown (``render.cells``), laid out with real table structure:
question cells are row headers, the Form's audience columns have column headers, ticks
stay with their labels, and band ticks stack one per line as in the template. Every value
is escaped by jinja2's autoescape; only http(s) and mailto URLs become links.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup, escape

from gpai_docs.models.answers import FORM_NA, NotApplicable, ToBeProvided
from gpai_docs.render import cells, typeset
from gpai_docs.render.environment import NA_MARK, NOT_GIVEN, PENDING_MARK, answer_plain, is_url

_PARAGRAPHS = re.compile(r"\n\s*\n")


def _text(text: str) -> Markup:
    paragraphs = [p.strip() for p in _PARAGRAPHS.split(text.replace("\r\n", "\n")) if p.strip()]
    if len(paragraphs) <= 1:
        return Markup("<br>").join(escape(line) for line in text.strip().split("\n"))
    return Markup("").join(
        Markup("<p>{}</p>").format(Markup("<br>").join(escape(x) for x in p.split("\n")))
        for p in paragraphs
    )


def html_value(value: Any) -> Markup:
    """One answer: marked when N/A or pending, linked when a safe URL, else escaped text."""
    if value is None or value == []:
        return Markup('<span class="empty">{}</span>').format(NOT_GIVEN)
    if isinstance(value, ToBeProvided):
        note = value.to_be_provided
        extra = "" if note is True else f" ({note})"
        return Markup('<strong class="pending">{}</strong>{}').format(PENDING_MARK, extra)
    if isinstance(value, NotApplicable) and value.reason:
        return Markup('<strong class="na">{}</strong>: {}').format(
            NA_MARK, typeset.numbers(value.reason)
        )
    if value == FORM_NA or isinstance(value, NotApplicable):
        return Markup('<strong class="na">{}</strong>').format(NA_MARK)
    if is_url(value):
        url = str(value).strip()
        return Markup('<a class="url" href="{}">{}</a>').format(url, url)
    if isinstance(value, str):
        return _text(typeset.numbers(value))
    return escape(answer_plain(value))


def html_line(line: Any, web: bool = False) -> Markup:
    """One line of a cell: ticks, a labelled value, an entry, a file reference or a value."""
    if isinstance(line, cells.Ticks):
        css = "tick stacked" if line.stacked else "tick"
        return Markup(" ").join(
            Markup('<span class="{}">{}</span>').format(css, typeset.box(checked, label))
            for checked, label in line.items
        )
    if isinstance(line, cells.Labelled):
        return Markup('<span class="part-label">{}:</span> {}').format(
            line.label, html_line(line.value, web)
        )
    if isinstance(line, cells.Entry):
        parts = [html_line(part, web) for part in line.given]
        return Markup(escape(line.sep)).join(parts) if parts else html_value(None)
    if isinstance(line, cells.FileRef):
        if web:
            return Markup('<a class="file-ref" href="{}">{}</a>').format(line.name, line.name)
        return Markup('<span class="file-ref">{}</span>').format(line.name)
    return html_value(line)


def html_lines(lines: Any, web: bool = False) -> Markup:
    """A cell: one block per line."""
    parts = [Markup('<div class="line">{}</div>').format(html_line(x, web)) for x in lines]
    return Markup("").join(parts) if parts else html_value(None)


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("gpai_docs", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(hlines=html_lines, box=lambda checked: typeset.box(checked, "")[0])
    return env


def render_body(
    cover: Any, header: cells.Block | None, parts: list[cells.Part], *, web: bool = False
) -> str:
    """The document's title block and parts as an HTML fragment."""
    return (
        _environment()
        .get_template("html/body.html.j2")
        .render(cover=cover, header=header, parts=parts, web=web)
    )
