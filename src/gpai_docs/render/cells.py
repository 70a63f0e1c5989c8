"""The pieces a layout puts into a table cell, shared by the Markdown and HTML templates.

A layout (the summary's, the Form's, the policy's) decides once what each row says; the
two templates only format these pieces, so the Markdown, the HTML page and the PDF show
the same rows with the same wording in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

JsonPath = tuple[str | int, ...]  # a field's place in its document (as models.walk)


@dataclass(frozen=True, slots=True)
class Ticks:
    """Check boxes with their labels: inline ("☒ Yes ☐ No") or one per line (bands)."""

    items: tuple[tuple[bool, str], ...]
    stacked: bool = False


@dataclass(frozen=True, slots=True)
class Labelled:
    """A labelled part of an answer: "Label: value"."""

    label: str
    value: Any
    key: str | None = None  # the sub-field the value is (for reading a cell back)
    label_key: str | None = None  # the sub-field the label is, when the label is a value


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a list answer, its parts joined by dashes ("name — link — modality").

    Parts that are None are left out; ``sep=" "`` makes a sentence of the parts.
    ``keys`` names the sub-field each part shows (None: no field, or several), so that
    an edited cell can be split back into its fields.
    """

    parts: tuple[Any, ...]
    sep: str = " — "
    keys: tuple[str | None, ...] = ()

    @property
    def given(self) -> tuple[Any, ...]:
        return tuple(p for p in self.parts if p is not None and p != [])


@dataclass(frozen=True, slots=True)
class FileRef:
    """A file published beside the artifact (a link in the HTML page, plain in the PDF)."""

    name: str


Line = Any  # a value, Ticks, Labelled, Entry or FileRef: one line of a cell


@dataclass(frozen=True, slots=True)
class Row:
    """A question (or Form item) and its answer lines."""

    label: str
    lines: tuple[Line, ...]
    marks: tuple[bool, ...] = ()  # the Form's audience columns (AIO, NCA, DP)
    note: str | None = None  # said instead of a value: withheld, given elsewhere
    field: JsonPath | None = None  # the field the answer shows (None: a layout row)


@dataclass(slots=True)
class Block:
    """Rows of questions and answers (``qa``) or a table with a header (``table``)."""

    kind: str
    rows: list[Row] = field(default_factory=list)
    columns: tuple[str, ...] = ()
    cells: list[tuple[tuple[Line, ...], ...]] = field(default_factory=list)
    css: str = ""
    caption: str | None = None
    note: str | None = None  # a sentence under the block (what is withheld)


@dataclass(slots=True)
class Part:
    """A numbered part: level 1 is a shaded section bar, 2 and 3 are sub-headings."""

    number: str
    title: str
    level: int
    blocks: list[Block] = field(default_factory=list)

    @property
    def heading(self) -> str:
        if not self.number:
            return self.title
        return f"{self.number}. {self.title}" if self.level == 1 else f"{self.number} {self.title}"


def lines_of(value: Any) -> tuple[Line, ...]:
    """A list answer as one line per element; anything else as one line."""
    if isinstance(value, list) and value:
        return tuple(value)
    return (value,)


def qa(*rows: Row, css: str = "") -> Block:
    return Block("qa", rows=list(rows), css=css)
