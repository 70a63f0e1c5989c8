"""How one row of the summary template is built from an answer: question, ticks, lines.

The questions are the template's: the catalogue's labels, or the template's full wording
where the catalogue shortens it (requirements §6 quotes it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gpai_docs.law.catalogue import entry
from gpai_docs.models.choices import YesNo
from gpai_docs.render.audience import Record
from gpai_docs.render.cells import Row, Ticks, lines_of
from gpai_docs.render.environment import NOT_GIVEN, row_label

# The template's wording where the catalogue's label is shorter or lacks the "If yes".
QUESTIONS = {
    "TDS.2.1.modalities": "If yes, specify the modality(ies) of the content covered by the "
    "datasets concerned",
    "TDS.2.2.1.modalities": "If yes, specify the modality(ies) of the content covered by the "
    "datasets concerned",
    "TDS.2.2.2.modalities": "If yes, specify the modality(ies) of the content covered by the "
    "datasets concerned",
    "TDS.2.2.2.obtained": "Have you obtained private datasets from third parties that are not "
    "licensed as described in Section 2.2.1, such as data obtained from providers of private "
    "databases, or data intermediaries?",
    "TDS.2.3.crawler_names": "If yes, specify crawler name(s)/identifier(s)",
    "TDS.3.1.measures": "Describe the measures implemented before model training to respect "
    "reservations of rights from the TDM exception or limitation before and during data "
    "collection, including the opt-out protocols and solutions honoured by the provider or, "
    "as applicable, by third parties from which datasets have been obtained",
}


def question(record: Record, key: str) -> str:
    """The template's question for a field: its catalogue label, or the fuller wording."""
    item = record.item(key)
    if item.catalogue_id is None:
        return row_label(item.title)
    return QUESTIONS.get(item.catalogue_id) or entry(item.catalogue_id).label


def yes_no_lines(value: Any) -> tuple[Any, ...]:
    if not isinstance(value, YesNo):
        return (value,)
    boxes = [(value.answer == "yes", "Yes"), (value.answer == "no", "No")]
    if value.answer == "other":
        boxes.append((True, "Other"))
    ticks = Ticks(tuple(boxes))
    return (ticks, value.qualification) if value.qualification else (ticks,)


def row(record: Record, key: str, lines: Sequence[Any] | None = None) -> Row:
    shown = tuple(lines) if lines is not None else lines_of(record[key])
    return Row(question(record, key), shown, field=record.item(key).path)


def choice_lines(chosen: Any, options: Sequence[str]) -> tuple[Any, ...]:
    if chosen is not None and not isinstance(chosen, list):
        return (chosen,)  # N/A or to be provided
    picked = set(chosen or [])
    return (Ticks(tuple((option in picked, option) for option in options)),)


def period(start: Any, end: Any, text: Any = None) -> str | None:
    """The template's period: "From 01/2024 to 06/2026"; a period the provider wrote in
    words is shown as written, after both months when both are given."""
    if start is None and end is None:
        return None if text is None else str(text)
    months = f"From {start or NOT_GIVEN} to {end or NOT_GIVEN}"
    if text is None:
        return months
    return f"{months} ({text})" if start is not None and end is not None else str(text)


class Rows:
    """The rows whose ticks depend on the template's modalities."""

    def __init__(self, modalities: Sequence[str]) -> None:
        self.modalities = tuple(modalities)

    def yes_no(self, record: Record, key: str) -> Row:
        return row(record, key, yes_no_lines(record[key]))

    def choose(self, record: Record, key: str) -> Row:
        return row(record, key, choice_lines(record[key], self.modalities))
