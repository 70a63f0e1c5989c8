"""A Word cell's paragraphs read back into the value its field holds, as YAML data.

What a cell means is decided by the field's declared type (``models.walk``): Yes/No
ticks (and a qualification), choice ticks, a list (a paragraph per item), a list of
records (each paragraph an entry split back into its sub-fields by ``Entry.keys``), a
record ("Label: value" lines), or one value (a date as the template prints it, a number
as typeset). "N/A: reason" and "⚠ TO BE PROVIDED" read back as those answers. The data
is what a provider would type in the YAML; the schema then checks it as usual.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

from pydantic import BaseModel

from gpai_docs.integrations.docx.text import fold, untypeset
from gpai_docs.models.choices import _fold
from gpai_docs.models.dates import MonthYear
from gpai_docs.models.numbers import Quantity
from gpai_docs.models.shapes import Shape
from gpai_docs.models.walk import fields_of
from gpai_docs.render.environment import NA_MARK, NOT_GIVEN, PENDING_MARK

REMOVE: Final = object()  # the field left empty: its entry goes
_CHECKED = "☒☑✓✔■"
_BOX = re.compile(rf"([{_CHECKED}☐□])\s*([^{_CHECKED}☐□]*)")
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_PERIOD = re.compile(r"^From (.+?) to (.+)$")
_MONTH_TEXT = re.compile(r"^(\d{1,2}/\d{4}) \((.+)\)$")  # "06/2026 (up to June 2026)"
_URL = re.compile(r"^(?:https?://|mailto:|www\.)\S+$", re.I)
_ANSWERS = ("yes", "no", "other")
_LISTED = re.compile(r"\s*[,;]\s*|\s+and\s+")  # "Text, Image and Audio"
_LABELLED = re.compile(r"^([^:]{1,80}):\s+(.*)$", re.S)


class CellError(Exception):
    """A cell that does not read as its field: what is wrong and how to write it."""


def ticks(paragraphs: list[str]) -> list[tuple[bool, str]]:
    """Every check box in the paragraphs, ticked or not, with its label."""
    return [
        (box in _CHECKED, fold(label))
        for text in paragraphs
        for box, label in _BOX.findall(text)
        if fold(label)
    ]


def special(text: str) -> Any:
    """N/A, to be provided, or empty, as YAML data; None when the text is a value."""
    text = fold(text)
    if text in ("", NOT_GIVEN):
        return REMOVE
    if text == NA_MARK:  # a bare N/A: the Form's (and model_dependencies'), else a schema error
        return NA_MARK
    if text.startswith(f"{NA_MARK}:"):
        return {"not_applicable": text[len(NA_MARK) + 1 :].strip()}
    pending = text.lstrip("⚠ ").strip()
    mark = PENDING_MARK.lstrip("⚠ ")
    if pending.upper().startswith(mark):
        note = pending[len(mark) :].strip()
        note = note[1:-1].strip() if note.startswith("(") and note.endswith(")") else note
        return {"to_be_provided": note or True}
    return None


def unwrap(shape: Shape) -> Shape:
    return shape.inner if shape.kind == "answer" and shape.inner is not None else shape


def scalar(shape: Shape, text: str) -> Any:
    """One value typed back: a date in ISO form, yes/no as a boolean, a number as written."""
    text = text.strip()
    base = unwrap(shape).base
    if base is dt.date:
        match = _DMY.match(fold(text))
        if match:
            day, month, year = (int(g) for g in match.groups())
            if day != month and day <= 12 and month <= 12:
                # Day and month could swap: kept as written, so that the loader asks
                # which is meant (DT001) or reads it by the document's date_order.
                return fold(text)
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                raise CellError(f"{text!r} is not a date; write it as DD/MM/YYYY") from None
        return text
    if base is MonthYear:  # the month beside the provider's words, as the cell shows it
        match = _MONTH_TEXT.match(fold(text))
        if match:
            return {"month": match.group(1), "text": match.group(2).strip()}
        return fold(text)
    if base is bool:
        word = fold(text).casefold()
        if word in ("yes", "no"):
            return word == "yes"
        raise CellError(f"{text!r} is not Yes or No; write Yes or No")
    if base is Quantity or ("10" in text and "×" in text):
        return untypeset(text)
    if base in (int, float):
        return text.replace("\u00a0", "").replace(" ", "")
    return untypeset(text).replace("\u202f", " ")  # the print's no-break spaces: spaces


def yes_no(paragraphs: list[str]) -> Any:
    """Ticked Yes, No or Other (or the word typed instead), then a qualification."""
    boxes = ticks(paragraphs[:1])
    ticked = [label for on, label in boxes if on]
    typed = fold(paragraphs[0]).rstrip(".").casefold() if paragraphs and not boxes else ""
    if typed in _ANSWERS:
        ticked = [typed]
    words = [w for w in ticked if w.casefold() in _ANSWERS]
    if len(words) != 1:
        found = special(paragraphs[0]) if paragraphs else REMOVE
        if found is not None and not ticked:
            return found
        raise CellError("tick exactly one box (☒ Yes or ☒ No)")
    answer = words[0].casefold()
    rest = "\n\n".join(p.strip() for p in paragraphs[1:] if fold(p))
    return {"answer": answer, "qualification": rest} if rest else answer.capitalize()


def choices(paragraphs: list[str], allowed: tuple[str, ...]) -> Any:
    """Ticked choices, or (in a cell that lists them) one choice per paragraph."""
    boxes = ticks(paragraphs)
    folded = {_fold(a): a for a in allowed}
    if not boxes:
        found = special(" ".join(paragraphs)) if len(paragraphs) <= 1 else None
        if found is not None:
            return found
        named = [p for text in paragraphs for p in _LISTED.split(fold(text)) if p]
        return [folded.get(_fold(text), text) for text in named] or REMOVE
    picked = [folded.get(_fold(label), label) for on, label in boxes if on]
    return picked or REMOVE


def period_of(model: type[BaseModel], text: str, start: str, end: str) -> dict[str, Any]:
    """ "From 01/2024 to 06/2026" as its two fields (a dash: not given)."""
    match = _PERIOD.match(fold(text))
    if match is None:
        raise CellError(f"{fold(text)!r} is not a period; write 'From MM/YYYY to MM/YYYY'")
    out: dict[str, Any] = {}
    by_name = {s.name: s for s in fields_of(model)}
    for name, part in ((start, match.group(1)), (end, match.group(2))):
        if fold(part) != NOT_GIVEN:
            out[name] = scalar(by_name[name].shape, part)
    return out


def is_url(text: str) -> bool:
    return bool(_URL.match(fold(text)))
