"""A layout's cell lines as Word paragraphs of runs: what each line says, before Word.

The text is the text the Markdown and the HTML show (``render.environment`` and
``render.typeset`` make it): N/A and pending marks in bold, numbers typeset, dates as the
layout gives them, labelled parts as "label: value", entry parts joined by their
separator. Each line of a cell is one paragraph; provider text with blank lines is
several paragraphs, and a single line break stays a line break inside its paragraph.

Ticks are written as the glyph, one plain space and the label (``☒ Yes``), inline ticks
two spaces apart (``☒ Yes  ☐ No``), stacked ticks one per paragraph: the DOCX import
reads exactly this text back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from gpai_docs.escaping import safe_href
from gpai_docs.models.answers import FORM_NA, NotApplicable, ToBeProvided
from gpai_docs.render import cells, typeset
from gpai_docs.render.environment import (
    NA_MARK,
    NOT_GIVEN,
    PENDING_MARK,
    answer_plain,
    is_url,
)

TICK_GAP = "  "  # between inline ticks
_PARAGRAPHS = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of a paragraph: its text, and how Word shows it."""

    text: str
    url: str | None = None  # a hyperlink target (http, https or mailto only)
    bold: bool = False
    italic: bool = False
    symbol: bool = False  # a check box glyph, set in a font that has it
    muted: bool = False  # "—" for an answer not given, a withheld row


Paragraph = tuple[Run, ...]


def tick(checked: bool) -> Run:
    return Run(typeset.CHECKED if checked else typeset.UNCHECKED, symbol=True)


def _tick_runs(checked: bool, label: str) -> Paragraph:
    return (tick(checked), Run(f" {label}"))


def text_paragraphs(text: str) -> list[Paragraph]:
    """Provider text: one paragraph per block between blank lines, line breaks kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = [p.strip() for p in _PARAGRAPHS.split(text) if p.strip()]
    if not blocks:
        return [(Run(NOT_GIVEN, muted=True),)]
    return [(Run(block),) for block in blocks]


def value_paragraphs(value: Any) -> list[Paragraph]:
    """One answer, as ``render.html_body.html_value`` shows it."""
    if value is None or value == []:
        return [(Run(NOT_GIVEN, muted=True),)]
    if isinstance(value, ToBeProvided):
        note = value.to_be_provided
        extra = () if note is True else (Run(f" ({note})"),)
        return [(Run(PENDING_MARK, bold=True), *extra)]
    if isinstance(value, NotApplicable) and value.reason:
        reason = typeset.numbers(value.reason)
        return [(Run(NA_MARK, bold=True), Run(f": {reason}"))]
    if value == FORM_NA or isinstance(value, NotApplicable):
        return [(Run(NA_MARK, bold=True),)]
    if is_url(value):
        url = str(value).strip()
        return [(Run(url, url=safe_href(url)),)]
    if isinstance(value, str):
        return text_paragraphs(typeset.numbers(value))
    return [(Run(answer_plain(value)),)]


def _join(pieces: list[list[Paragraph]], sep: str) -> list[Paragraph]:
    """Inline pieces one after the other: each piece's first paragraph continues the
    previous piece's last one, after ``sep``."""
    out: list[Paragraph] = []
    for piece in pieces:
        if not piece:
            continue
        if out:
            out[-1] = (*out[-1], Run(sep), *piece[0]) if sep else (*out[-1], *piece[0])
            out.extend(piece[1:])
        else:
            out.extend(piece)
    return out


def line_paragraphs(line: Any) -> list[Paragraph]:
    """One line of a cell (see ``render.cells``) as one paragraph, or several for
    stacked ticks and provider text with blank lines."""
    if isinstance(line, cells.Ticks):
        items = [_tick_runs(checked, label) for checked, label in line.items]
        if line.stacked:
            return items
        return _join([[item] for item in items], TICK_GAP)
    if isinstance(line, cells.Labelled):
        return _join([[(Run(f"{line.label}:", italic=True),)], line_paragraphs(line.value)], " ")
    if isinstance(line, cells.Entry):
        parts = [line_paragraphs(part) for part in line.given]
        return _join(parts, line.sep) if parts else value_paragraphs(None)
    if isinstance(line, cells.FileRef):
        return [(Run(line.name, bold=True),)]
    return value_paragraphs(line)


def cell_paragraphs(lines: Any) -> list[Paragraph]:
    """A cell: its lines one after the other, each its own paragraph(s)."""
    out = [p for line in lines for p in line_paragraphs(line)]
    return out or value_paragraphs(None)


def plain_text(paragraph: Paragraph) -> str:
    return "".join(run.text for run in paragraph)
