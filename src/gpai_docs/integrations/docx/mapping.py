"""Word rows mapped onto the layout's questions, and the edits they make.

A row whose answer reads as the project renders it now is no edit. Any other answer is
read back by its field's type (``cells``) into the value the YAML is to hold. Rows that
name no question, name two, or show a layout row (not a field) that was changed are
reported with their place; none is dropped silently.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from gpai_docs.integrations.docx.apply import Edit, get_in
from gpai_docs.integrations.docx.cells import REMOVE, CellError
from gpai_docs.integrations.docx.located import LocatedRow, LocatedTable
from gpai_docs.integrations.docx.questions import Question, QuestionIndex
from gpai_docs.integrations.docx.shown import RowRefused, split
from gpai_docs.integrations.docx.text import cell_paragraphs, fold_cell, fold_question
from gpai_docs.integrations.docx.values import readable, value_of
from gpai_docs.models.walk import field_at
from gpai_docs.render.cells import Row

DOCUMENT_NAMES = {
    "training_data_summary": "the summary",
    "model_documentation": "the model documentation",
    "copyright_policy": "the copyright policy",
}


@dataclass
class Mapped:
    """What the rows of one Word document come to."""

    edits: list[Edit] = field(default_factory=list)
    places: dict[tuple[str | int, ...], str] = field(default_factory=dict)  # field -> row
    errors: list[str] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    unchanged: int = 0


def _reads_as(row: Row, answer: list[str]) -> bool:
    said = fold_cell(answer)
    if row.note is not None and said == fold_cell([row.note]):
        return True
    return said == fold_cell(cell_paragraphs(row.lines))


def audience_of(tables: list[LocatedTable], index: QuestionIndex) -> str | None:
    """The audience whose layout reads like the most rows of the document."""
    votes: Counter[str] = Counter()
    for table in tables:
        for located in table.rows:
            question = index.find(located.section, located.question).question
            for audience, row in question.rows if question else ():
                if _reads_as(row, located.answer):
                    votes[audience] += 1
    return votes.most_common(1)[0][0] if votes else None


def _header(located: LocatedRow, index: QuestionIndex) -> bool:
    return tuple(fold_question(" ".join(c)) for c in located.cells) in index.headers


def _reference(rows: list[tuple[str, Row]], audience: str | None) -> Row | None:
    shown = [(a, r) for a, r in rows if r.note is None]
    return next((r for a, r in shown if a == audience), shown[0][1] if shown else None)


def _marks(located: LocatedRow) -> tuple[bool, ...] | None:
    """The AIO, NCA and DP ticks of a Form row, if the row has them."""
    marks = []
    for cell in located.cells[2:]:
        text = "".join(cell)
        if "☒" not in text and "☐" not in text:
            return None
        marks.append("☒" in text)
    return tuple(marks) if marks else None


def narrowed(question: Question, located: LocatedRow) -> list[tuple[str, Row]]:
    """The question's rows for this Word row: where one wording is two fields (the Form's
    rows split by reader), the one whose reader ticks the Word row has."""
    if len({row.field for _, row in question.rows}) <= 1:
        return question.rows
    marks = _marks(located)
    same = [(a, r) for a, r in question.rows if marks is not None and r.marks == marks]
    return same or question.rows


class RowMapper:
    """Maps each Word row of one document onto its question and reads its answer."""

    def __init__(
        self,
        index: QuestionIndex,
        model: type[BaseModel],
        data: dict[str, Any],
        audience: str | None,
    ) -> None:
        self.index = index
        self.model = model
        self.data = data
        self.audience = audience
        self.out = Mapped()
        self.name = DOCUMENT_NAMES.get(index.document, "the document")

    def row(self, located: LocatedRow) -> None:
        if _header(located, self.index) or (
            not located.question and not any(fold_cell(c) for c in located.cells)
        ):
            return
        match = self.index.find(located.section, located.question)
        if match.question is None:
            self._unmapped(located, match.ambiguous)
            return
        rows = narrowed(match.question, located)
        self._check_marks(located, rows)
        if any(_reads_as(row, located.answer) for _, row in rows):
            self.out.unchanged += 1
            return
        fields = {row.field for _, row in rows if row.field is not None}
        if len(fields) > 1:
            self.out.unmapped.append(
                f"{located.place()}: this wording is {len(fields)} rows of the Form; tick "
                "the AIO, NCA and DP columns as exported so the row can be told apart; "
                "nothing was imported from it"
            )
            return
        path = next(iter(fields), None)
        reference = _reference(rows, self.audience)
        if path is None or reference is None:
            self.out.unmapped.append(
                f"{located.place()}: this row is written by gpai-docs, not answered in the "
                "project; the change was not imported (edit the project instead)"
            )
            return
        self._read(located, path, reference)

    def _check_marks(self, located: LocatedRow, rows: list[tuple[str, Row]]) -> None:
        """The reader ticks of a Form row say who the Code gives the item to: an edit of
        them is not the project's to import, and is said so."""
        marks = _marks(located)
        known = {row.marks for _, row in rows if row.marks}
        if marks is not None and known and marks not in known:
            self.out.unmapped.append(
                f"{located.place()}: the AIO, NCA and DP ticks are the Form's, not answers; "
                "their change was not imported"
            )

    def _unmapped(self, located: LocatedRow, ambiguous: tuple[Question, ...]) -> None:
        if ambiguous:
            names = " and ".join(f"'{q.label}'" for q in ambiguous)
            self.out.unmapped.append(
                f"{located.place()}: the question matches {names}; nothing was imported "
                "from it (write the question as the template words it)"
            )
            return
        self.out.unmapped.append(
            f"{located.place()}: no question of {self.name} has this wording; nothing was "
            "imported from it"
        )

    def _read(self, located: LocatedRow, path: tuple[str | int, ...], reference: Row) -> None:
        node = field_at(self.model, path)
        if node is None:
            self.out.unmapped.append(f"{located.place()}: no field of the project holds it")
            return
        if not readable(node.field, reference.lines):
            self.out.unmapped.append(
                f"{located.place()}: gpai-docs writes this answer from other fields; the "
                "change was not imported (edit the project instead)"
            )
            return
        try:
            parts = split(self.model, path, reference.lines, located.answer, self.data)
        except RowRefused as refused:
            self.out.unmapped.append(f"{located.place()}: {refused}; nothing was imported from it")
            return
        except CellError as error:
            self.out.errors.append(f"{located.place()}: {error}")
            return
        answer, lines = (parts.own, parts.lines) if parts else (located.answer, reference.lines)
        raw = get_in(self.data, path)
        try:
            if parts is not None and fold_cell(answer) == fold_cell(cell_paragraphs(lines)):
                value = raw  # the row's own value as it was: only the fields beside it changed
            else:
                value = value_of(node.field, answer, None if raw is REMOVE else raw, lines)
        except CellError as error:
            self.out.errors.append(f"{located.place()}: {error}")
            return
        for edited, new in [*(parts.edits if parts else []), (path, value)]:
            self._edit(located, edited, new)

    def _edit(self, located: LocatedRow, path: tuple[str | int, ...], value: Any) -> None:
        raw = get_in(self.data, path)
        if value == raw or (value is REMOVE and raw is REMOVE):
            self.out.unchanged += 1
            return
        self.out.edits.append((path, value))
        self.out.places[path] = located.place()
