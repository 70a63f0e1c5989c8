"""The question index: every row a document's layout has, by section and wording.

The layouts are those the build renders (``render.markdown.render_artifact``), for every
audience the document has, so that each field has its row whoever it is shown to. A
Word row is found by the section of the heading above its table and by its question's
wording, never by where the table or the row is: a re-ordered document reads the same.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from gpai_docs.integrations.docx.text import fold_question
from gpai_docs.integrations.docx.wording import alternative_wordings
from gpai_docs.models.walk import field_at
from gpai_docs.render.artifacts import SPECS
from gpai_docs.render.cells import Block, JsonPath, Part, Row
from gpai_docs.render.markdown import render_artifact
from gpai_docs.validate.pipeline import ValidationResult

LIGHT_EDIT = 0.85  # difflib ratio a lightly edited question still has to its row
_NUMBER = re.compile(r"^\s*(?:section|measure|part)?\s*(\d+(?:\.\d+)*)\.?(?=[\s:]|$)", re.I)

# The titles a Word file of each document opens with: the template's and the export's.
DOCUMENT_TITLES: dict[str, tuple[str, ...]] = {
    "training_data_summary": ("Public Summary of Training Content",),
    "model_documentation": ("Model Documentation Form", "Model documentation"),
    "copyright_policy": ("Copyright policy",),
}


def section_key(heading: str) -> str | None:
    """The section number a heading opens ("2.3", "Section 2.3.", "Measure 1.2: ...")."""
    match = _NUMBER.match(heading)
    return match.group(1) if match else None


@dataclass
class Question:
    """One row of the layout: where, its wording, and the row as each audience has it."""

    section: str
    label: str
    rows: list[tuple[str, Row]] = field(default_factory=list)

    @property
    def field(self) -> JsonPath | None:
        return next((row.field for _, row in self.rows if row.field is not None), None)


@dataclass
class LayoutTable:
    """A table the layout writes with a header row (modalities, domains)."""

    section: str
    columns: tuple[str, ...]
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class Match:
    question: Question | None
    ambiguous: tuple[Question, ...] = ()


@dataclass
class QuestionIndex:
    """The rows of one document's layouts, by section number and folded wording."""

    document: str
    sections: dict[str, dict[str, Question]] = field(default_factory=dict)
    tables: list[LayoutTable] = field(default_factory=list)
    headers: set[tuple[str, ...]] = field(default_factory=set)  # header rows, folded
    loose: dict[str, Question] = field(default_factory=dict)  # layout rows outside sections

    def add(self, section: str, row: Row, audience: str) -> None:
        wording = fold_question(row.label)
        if not section:
            self.loose.setdefault(wording, Question(section, row.label)).rows.append(
                (audience, row)
            )
            return
        questions = self.sections.setdefault(section, {})
        questions.setdefault(wording, Question(section, row.label)).rows.append((audience, row))

    def find(self, section: str | None, label: str) -> Match:
        """The row with this wording in this section: exact first, else one light edit."""
        wording = fold_question(label)
        questions = self.sections.get(section or "", {})
        if wording in questions:
            return Match(questions[wording])
        if wording in self.loose:
            return Match(self.loose[wording])
        close = [
            q
            for w, q in questions.items()
            if difflib.SequenceMatcher(None, wording, w).ratio() >= LIGHT_EDIT
        ]
        if len(close) == 1:
            return Match(close[0])
        return Match(None, tuple(close))

    def table(self, section: str | None, header: tuple[str, ...]) -> LayoutTable | None:
        folded = tuple(fold_question(c) for c in header)
        for table in self.tables:
            if tuple(fold_question(c) for c in table.columns) == folded and (
                section is None or table.section == section
            ):
                return table
        return None


def _add_block(index: QuestionIndex, section: str, block: Block, audience: str) -> None:
    if block.columns:
        index.headers.add(tuple(fold_question(c) for c in block.columns))
    if block.kind == "table":
        known = index.table(section, block.columns)
        if known is None:
            known = LayoutTable(section, block.columns)
            index.tables.append(known)
        known.blocks.append(block)
        return
    for row in block.rows:
        index.add(section, row, audience)


def _add_parts(index: QuestionIndex, parts: tuple[Any, ...], audience: str) -> None:
    for part in parts:
        if not isinstance(part, Part):
            continue
        section = section_key(part.heading) or fold_question(part.heading)
        for block in part.blocks:
            _add_block(index, section, block, audience)


def question_index(
    result: ValidationResult, document: str, *, draft: bool = False
) -> QuestionIndex:
    """The index of ``document``'s rows, every audience's layout merged (``draft``: as a
    draft export words them)."""
    index = QuestionIndex(document)
    for spec in SPECS:
        if spec.document != document:
            continue
        rendered = render_artifact(result, spec, draft=draft)
        if rendered is None:
            continue
        cover = rendered.cover
        facts = (
            ("Provider", cover.provider),
            ("Model", cover.model),
            ("Version", cover.version),
            ("Date", cover.date_text),
            ("Audience", cover.audience),
        )  # the title block the export writes above the Form and the policy
        for label, value in facts:
            index.add("", Row(label, (value,)), spec.audience)
        if isinstance(rendered.header_block, Block):
            _add_block(index, "", rendered.header_block, spec.audience)
        _add_parts(index, rendered.parts, spec.audience)
    return index


def add_wordings(index: QuestionIndex, model: type[BaseModel]) -> None:
    """The Commission template's own wordings of rows, each in its row's section."""
    for questions in index.sections.values():
        for question in list(questions.values()):
            path = question.field
            node = field_at(model, path) if path is not None else None
            if node is None or node.catalogue_id is None:
                continue
            for wording in alternative_wordings(node.catalogue_id):
                questions.setdefault(fold_question(wording), question)
