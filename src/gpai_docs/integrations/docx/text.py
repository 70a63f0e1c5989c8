"""A layout cell as the paragraphs Word shows, and Word text folded for comparing.

The paragraphs are the export's own (``render.docx.text``): each line of a cell one
paragraph (provider text with blank lines several), ticks as "☒ Label". The import
compares a Word cell with the same paragraphs built from the current project: a cell
that reads the same is not an edit, whatever the value's type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from gpai_docs.render.docx import text as word

_SPACES = re.compile(r"\s+")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_POWER = re.compile(r"10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+)")
_TIMES = re.compile(r"\s*×\s*10\^")
_QUESTION_NOISE = re.compile(r"[^\w]+")


def line_paragraphs(line: Any) -> list[str]:
    """The paragraphs one line of a cell becomes, as the export writes them."""
    return [word.plain_text(p) for p in word.line_paragraphs(line)]


def inline(line: Any) -> str:
    """A line of a cell as one text (an entry, a labelled part)."""
    return " ".join(line_paragraphs(line))


def cell_paragraphs(lines: Sequence[Any]) -> list[str]:
    """A cell's paragraphs, in order, as the export writes them (an empty cell: the dash)."""
    return [word.plain_text(p) for p in word.cell_paragraphs(lines)]


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
    plain = _POWER.sub(lambda m: "10^" + m.group(1).translate(_SUPERSCRIPTS), plain)
    return _TIMES.sub("*10^", plain)
