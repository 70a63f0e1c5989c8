"""A layout cell as the paragraphs Word shows, and Word text folded for comparing.

The export writes each line of a cell (``render.cells``) as one paragraph: a value as the
templates print it, ticks as "☒ Label" (inline ticks two spaces apart, stacked ones a
paragraph each), an entry's parts joined by its separator, a labelled part as
"label: value". The import compares a Word cell with the same paragraphs built from the
current project: a cell that reads the same is not an edit, whatever the value's type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from gpai_docs.render import cells, typeset
from gpai_docs.render.environment import NOT_GIVEN, answer_plain

_SPACES = re.compile(r"\s+")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_POWER = re.compile(r"10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+)")
_QUESTION_NOISE = re.compile(r"[^\w]+")


def value_text(value: Any) -> str:
    """One value as a cell prints it (numbers typeset, N/A and pending marked)."""
    return answer_plain(value)


def inline(part: Any) -> str:
    """A line, or a part of an entry, as text on one line."""
    if isinstance(part, cells.Ticks):
        return "  ".join(typeset.box(bool(on), str(label)) for on, label in part.items)
    if isinstance(part, cells.Labelled):
        return f"{part.label}: {inline(part.value)}"
    if isinstance(part, cells.Entry):
        return part.sep.join(inline(p) for p in part.given) or NOT_GIVEN
    if isinstance(part, cells.FileRef):
        return part.name
    return value_text(part)


def line_paragraphs(line: Any) -> list[str]:
    """The paragraphs one line of a cell becomes."""
    if isinstance(line, cells.Ticks) and line.stacked:
        return [typeset.box(bool(on), str(label)) for on, label in line.items]
    return [inline(line)]


def cell_paragraphs(lines: Sequence[Any]) -> list[str]:
    """A cell's paragraphs, in order; an empty cell reads as the dash."""
    return [p for line in lines for p in line_paragraphs(line)] or [NOT_GIVEN]


def fold(text: str) -> str:
    """Text with every run of blanks (no-break spaces and line breaks too) as one space."""
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def fold_cell(paragraphs: Iterable[str]) -> str:
    """A whole cell folded: what two cells must share to read the same."""
    return fold(" ".join(paragraphs))


def fold_question(text: str) -> str:
    """A question's wording as compared: case, blanks and punctuation folded away."""
    return _QUESTION_NOISE.sub(" ", text.casefold()).strip()


def untypeset(text: str) -> str:
    """A number as typed back from its print: ``3.8 × 10²⁵`` is ``3.8 × 10^25``."""
    plain = text.replace("\u00a0", " ")
    return _POWER.sub(lambda m: "10^" + m.group(1).translate(_SUPERSCRIPTS), plain)
