"""The jinja2 environment and the filters that turn values into safe Markdown.

Provider text is data: it reaches templates as values, never as template source, and
every filter escapes what CommonMark, GitHub and Hugging Face would read as syntax
(emphasis, links, HTML, tables, math, block markers at the start of a line). N/A and
to-be-provided answers get a visible marker so that a reader never mistakes them for
answers.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

import jinja2

from gpai_docs.escaping import (
    escape_inline,
    md_escape_line,
    md_inline,
    relative_uri,
    safe_href,
)
from gpai_docs.models.answers import FORM_NA, NotApplicable, ToBeProvided
from gpai_docs.models.choices import YesNo
from gpai_docs.models.dates import AmbiguousDate, MonthYear
from gpai_docs.models.numbers import Quantity
from gpai_docs.models.written_months import WrittenMonth
from gpai_docs.models.written_sizes import WrittenMeasure, WrittenSize
from gpai_docs.render import typeset
from gpai_docs.render.audience import Record

NOT_GIVEN = "—"
PENDING_MARK = "⚠ TO BE PROVIDED"
NA_MARK = "N/A"
CHECKED = typeset.CHECKED
UNCHECKED = typeset.UNCHECKED
# The catalogue tells apart the Form's rows split by audience; the audience columns do that
# in the artifacts, so the internal suffix is never printed.
_ROW_SUFFIX = re.compile(r"\s*\((?:AIO|NCA|DP)(?:/(?:AIO|NCA|DP))* row\)")


def md_text(value: object) -> str:
    """Provider text as Markdown paragraphs that render exactly as written."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    out = []
    for paragraph in paragraphs:
        lines = [md_escape_line(line) for line in paragraph.split("\n") if line.strip()]
        out.append("\\\n".join(lines))
    return "\n\n".join(out) if out else ""


def md_cell(value: object) -> str:
    """Provider text inside a table cell: one line, pipes escaped, never empty."""
    return md_inline(value) or NOT_GIVEN


def md_link(value: object) -> str:
    """A URL as an autolink when it is a plain http(s) or mailto URL, else literal text."""
    href = safe_href(value)
    return md_inline(value) if href is None else f"<{href}>"


def plain(value: Any) -> str:
    """Any answer as plain (unescaped) text; the filters escape it afterwards."""
    if value is None:
        return NOT_GIVEN
    if isinstance(value, ToBeProvided):
        note = value.to_be_provided
        return PENDING_MARK if note is True else f"{PENDING_MARK} ({note})"
    if isinstance(value, NotApplicable):
        return f"{NA_MARK}: {value.reason}" if value.reason else NA_MARK
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return typeset.date(value)
    if isinstance(value, Quantity):
        return typeset.quantity(value)
    if isinstance(
        value, MonthYear | YesNo | AmbiguousDate | WrittenMonth | WrittenSize | WrittenMeasure
    ):
        return str(value)  # a date or month as written: the provider's text
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, Record):
        return "; ".join(
            f"{item.title}: {plain(item.value)}"
            for item in value.entries()
            if item.value is not None and item.value != []
        )
    if isinstance(value, list):
        return "; ".join(plain(v) for v in value) if value else NOT_GIVEN
    return str(value)


def _marked(value: Any, body: str) -> str:
    """Bold the marker of N/A and pending answers so they stand out on every page."""
    if isinstance(value, ToBeProvided):
        return body.replace(escape_inline(PENDING_MARK), f"**{PENDING_MARK}**", 1)
    if (isinstance(value, NotApplicable) or value == FORM_NA) and body.startswith(NA_MARK):
        return f"**{NA_MARK}**{body[len(NA_MARK) :]}"
    return body


def is_url(value: Any) -> bool:
    return isinstance(value, str) and safe_href(value) is not None


def answer_plain(value: Any) -> str:
    """An answer as plain text with its numbers typeset (URLs are left as written)."""
    if is_url(value):
        return str(value).strip()
    return typeset.numbers(plain(value))


def answer_cell(value: Any) -> str:
    """An answer inside a table cell."""
    if isinstance(value, str) and value != FORM_NA:
        return md_link(value) if is_url(value) else md_cell(typeset.numbers(value))
    return _marked(value, md_cell(answer_plain(value)))


def answer_text(value: Any) -> str:
    """An answer as a paragraph (long provider text keeps its paragraphs)."""
    if isinstance(value, str) and value != FORM_NA:
        return md_link(value) if is_url(value) else md_text(typeset.numbers(value)) or NOT_GIVEN
    return _marked(value, md_text(answer_plain(value)) or NOT_GIVEN)


def row_label(title: str) -> str:
    """A field's title as a row label: without the catalogue's internal row suffix."""
    return _ROW_SUFFIX.sub("", title)


def is_pending(value: Any) -> bool:
    return isinstance(value, ToBeProvided)


def is_given(value: Any) -> bool:
    """A real answer: not absent, not N/A, not pending, not an empty list."""
    return value is not None and value != [] and not isinstance(value, NotApplicable | ToBeProvided)


def is_yes_no(value: Any) -> bool:
    return isinstance(value, YesNo)


def dmy(value: Any) -> str:
    """A date the way the summary template prints it (DD/MM/YYYY)."""
    return typeset.date(value) if isinstance(value, dt.date) else plain(value)


def checkbox(checked: bool) -> str:
    return CHECKED if checked else UNCHECKED


def ticks(items: Any) -> str:
    """Check boxes with their labels, each box kept with its label."""
    return " ".join(md_inline(typeset.box(bool(checked), str(label))) for checked, label in items)


def md_line(line: Any) -> str:
    """One line of a layout cell (see ``render.cells``) as inline Markdown."""
    from gpai_docs.render import cells

    if isinstance(line, cells.Ticks):
        return ticks(line.items)
    if isinstance(line, cells.Labelled):
        return f"{md_inline(line.label)}: {md_line(line.value)}"
    if isinstance(line, cells.Entry):
        return line.sep.join(md_line(part) for part in line.given) or NOT_GIVEN
    if isinstance(line, cells.FileRef):
        return f"[{md_inline(line.name)}]({relative_uri(line.name)})"
    return answer_cell(value=line)


def md_lines(lines: Any) -> str:
    """A layout cell: its lines on one Markdown line (table cells cannot break lines).

    Lines are joined by "; ". A line that ends a sentence is followed by a space instead,
    so that a provider's "… English (12 %)." is not followed by ".;", unless the next line is
    another entry of a list, whose start the "; " marks.
    """
    from gpai_docs.render import cells  # as md_line: cells imports this module

    out = ""
    for line in lines:
        text = md_line(line)
        sentence_ended = out.endswith(_SENTENCE_ENDS) and not isinstance(line, cells.Entry)
        out += ("" if not out else " " if sentence_ended else "; ") + text
    return out or NOT_GIVEN


_SENTENCE_ENDS = (".", "!", "?", ";", ":")


@cache
def environment() -> jinja2.Environment:
    """The one environment: package templates, strict undefined, no autoescape (Markdown)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("gpai_docs", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters.update(
        text=md_text,
        inline=md_inline,
        cell=md_cell,
        link=md_link,
        answer=answer_text,
        answer_cell=answer_cell,
        plain=plain,
        dmy=dmy,
        box=checkbox,
        ticks=ticks,
        lines=md_lines,
        heading=escape_inline,  # after "## ", "1." cannot start a list: no block escape
        row_label=row_label,
        dates=typeset.dates,
        prose=lambda text: typeset.numbers(typeset.dates(str(text))),
        version_label=typeset.version_label,
    )
    env.tests.update(pending=is_pending, given=is_given, yesno=is_yes_no)
    return env
