"""Summary answers kept as the provider wrote them, edited in Word.

- The 1.1 provider or representative held as one block (``provider: |``, or ``block:``
  beside the name; ``models.summary_parties``): the cell's lines are the new block, kept
  line for line, never split into a name and a contact.
- The 1.3 size of a modality (``models.written_sizes``): the band ticked, and the size as
  the provider wrote it beside or instead of a band (``{band:, text:}``, or the text
  alone); the band as the YAML writes it ("1billion to 10 trillions tokens") stays when
  the tick did not move. The line "Alternatively, specify …: …" is ``custom_size``: an
  amount and its unit, or the provider's sentence as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from gpai_docs.integrations.docx.cells import REMOVE, CellError, special, ticks, unwrap
from gpai_docs.integrations.docx.located import LocatedRow
from gpai_docs.integrations.docx.text import fold, untypeset
from gpai_docs.models.choices import _fold
from gpai_docs.models.training_data_summary import TrainingDataSummary
from gpai_docs.models.walk import field_at
from gpai_docs.render.environment import NOT_GIVEN
from gpai_docs.render.summary import CUSTOM_SIZE

_MEASURE = re.compile(r"^([\d.,\s]+(?:[×x*]\s*10\^?\d+)?)\s+(\S+)$")  # "4.2 million documents"


def texts(cell: Sequence[str]) -> list[str]:
    """What a cell says, without its ticks and without the "—" the export prints in an
    empty cell (that dash is the layout's, not an answer)."""
    return [fold(p) for p in cell if fold(p) not in ("", NOT_GIVEN) and not ticks([p])]


def party_block(answer: Sequence[str], held: Any) -> Any:
    """The new value of a provider or representative the YAML holds as a block, or None
    when it holds a name and contact (the cell is then read as those)."""
    block = held if isinstance(held, str) else None
    if isinstance(held, dict) and isinstance(held.get("block"), str):
        block = held["block"]
    if block is None:
        return None
    lines = [fold(line) for p in answer for line in p.split("\n") if fold(line)]
    if lines == [fold(line) for line in block.split("\n") if fold(line)]:
        return held
    if not lines:
        return REMOVE
    new = "\n".join(lines)
    return new if isinstance(held, str) else {**held, "block": new}


def bands(key: str) -> dict[str, str]:
    """The template's bands of a modality, by their folded wording."""
    node = field_at(TrainingDataSummary, ("section_1", "modalities", key, "size"))
    labels = unwrap(node.field.shape).choices if node is not None else ()
    return {_fold(label): label for label in labels}


def _size(picked: str | None, said: list[str], old: Any) -> Any:
    """The size from the band ticked and the text beside it (``old``: the YAML's)."""
    was = old.get("band") if isinstance(old, dict) else old
    band = was if isinstance(was, str) and picked and _fold(was) == _fold(picked) else picked
    text = "\n\n".join(said)
    found = special(text) if text else None
    if found is not None and found is not REMOVE:
        return found  # N/A or to be provided, as written
    if text and isinstance(old, dict) and fold(str(old.get("text", ""))) == fold(text):
        text = str(old["text"])  # the words as the YAML holds them
    if text:
        return {"band": band, "text": text} if band else text
    return band if band is not None else old


def _custom(said: str | None, old: Any) -> Any:
    """``custom_size`` from its line: kept when it reads as before, else the amount and
    its unit ("4.2 million documents" is not one: kept as the sentence)."""
    if said is None:
        return REMOVE
    if isinstance(old, str) and fold(old) == said:
        return old
    match = _MEASURE.match(untypeset(said))
    if match is not None:
        value = {"value": match.group(1).strip(), "unit": match.group(2)}
        return old if isinstance(old, dict) and value == old else value
    return said


def banded(key: str, row: LocatedRow, held: Any) -> Any:
    """A ticked modality of the 1.3 table: its band, size as written, custom size and
    types of content; its other sub-fields as the YAML holds them."""
    size = list(row.cells[1]) if len(row.cells) > 1 else []
    by_label = bands(key)
    picked = [by_label.get(_fold(label), label) for on, label in ticks(size) if on]
    if len(picked) > 1:
        raise CellError("tick one size band")
    said = texts(size)
    lead = f"{CUSTOM_SIZE}:"
    custom = next((t[len(lead) :].strip() for t in said if t.startswith(lead)), None)
    types = "\n\n".join(texts(row.cells[2]) if len(row.cells) > 2 else [])
    answered = isinstance(held, dict) and not {"to_be_provided", "not_applicable"} & set(held)
    value: dict[str, Any] = dict(held) if answered else {}
    new = _size(
        picked[0] if picked else None,
        [t for t in said if not t.startswith(lead)],
        value.get("size"),
    )
    if new is not None:
        value["size"] = new
    extra = _custom(custom, value.get("custom_size"))
    if extra is REMOVE:
        value.pop("custom_size", None)
    else:
        value["custom_size"] = extra
    if types:
        value["content_types"] = types
    return value
