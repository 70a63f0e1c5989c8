"""Months and periods as providers write them: the month beside the provider's own text.

The template asks for the latest collection date and for collection periods as
``MM/YYYY``. Published summaries answer with sentences ("Up to June 2026", "The knowledge
cut-off date is 01/2025; we may update…", "Data collection is ongoing"). Such an answer is
kept verbatim as a :class:`WrittenMonth`; the month is held beside it when one is clearly
in the text, and rules DT002 and DT003 say what is missing or was read from the text.
Rules that use these dates read the structured month only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Self

from pydantic import PlainSerializer, PlainValidator, model_validator

from gpai_docs.models._base import StrictModel, spec
from gpai_docs.models.answers import Text
from gpai_docs.models.dates import MonthYear, month_in_words, parse_month

_MAX_CHARS = 2000
# A month in a sentence: MM/YYYY, YYYY-MM, or a month name (or its abbreviation) followed
# by a four-digit year. Each candidate is read by parse_month (dateutil for the names);
# a bare word ("we may update") is never a month, and neither is a year alone.
_CANDIDATE = re.compile(
    r"(?<![\d/.-])(\d{1,2}/\d{4}|\d{4}-\d{2})(?![\d/.-])|\b([A-Za-z]{3,9}\.?,?\s+\d{4})\b"
)
_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/.-])")
PUBLIC = ("public",)
_RANGE = re.compile(r"\s+(?:-|–|—|to|until|till)\s+|\s*[–—]\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class WrittenMonth:
    """A month answer as written: the text, and the month when one is clearly in it.

    ``given`` is True when the provider gave the month themselves (``{month:, text:}``),
    False when it was read from the text. ``found`` lists every month the text names.
    """

    text: str
    month: MonthYear | None
    given: bool
    found: tuple[MonthYear, ...] = ()

    def __str__(self) -> str:
        return f"{self.month} ({self.text})" if self.given and self.month else self.text


class MonthWithText(StrictModel):
    """The JSON Schema's picture of a month with its explanation (what the validator takes)."""

    month: str | None = None
    text: Text


def months_in(text: str) -> tuple[MonthYear, ...]:
    """Every month the text clearly names, in order, each once."""
    out: list[MonthYear] = []
    for match in _CANDIDATE.finditer(text[:_MAX_CHARS]):
        found = parse_month_or_none(match[1] or match[2])
        if found is not None and found not in out:
            out.append(found)
    return tuple(out)


def parse_month_or_none(text: str) -> MonthYear | None:
    if not re.search(r"[A-Za-z]", text):
        try:
            return parse_month(text)
        except ValueError:
            return None
    return month_in_words(text)


def years_in(text: str) -> tuple[int, ...]:
    """The four-digit years a text names (a period written in years only)."""
    return tuple(int(y) for y in _YEAR.findall(text[:_MAX_CHARS]))


def _from_text(text: str) -> WrittenMonth:
    found = months_in(text)
    return WrittenMonth(text, found[0] if len(found) == 1 else None, False, found)


def parse_month_text(raw: Any) -> MonthYear | WrittenMonth:
    """``03/2025``; ``{month: 03/2025, text: …}``; or a sentence, kept with its month."""
    if isinstance(raw, MonthYear | WrittenMonth):
        return raw
    if isinstance(raw, dict):
        return _from_mapping(raw)
    if isinstance(raw, str):
        written = raw.strip()
        if not written:
            raise ValueError("the answer is blank: write the month as MM/YYYY")
        month = parse_month_or_none(written)
        return month if month is not None else _from_text(written)
    return parse_month(raw)


def _from_mapping(raw: dict[Any, Any]) -> MonthYear | WrittenMonth:
    unknown = set(raw) - {"month", "text"}
    if unknown:
        names = ", ".join(sorted(str(k) for k in unknown))
        raise ValueError(f"unknown field(s) {names}: a month answer takes `month:` and `text:`")
    text = raw.get("text")
    month = raw.get("month")
    if not isinstance(text, str) or not text.strip():
        if month is None:
            raise ValueError("give `month:` (MM/YYYY), `text:` (the answer as written) or both")
        return parse_month(month)
    if month is None:
        return _from_text(text.strip())
    return WrittenMonth(text.strip(), parse_month(month), True, months_in(text))


def _month_text_out(value: MonthYear | WrittenMonth) -> Any:
    if isinstance(value, MonthYear):
        return str(value)
    if value.given and value.month is not None:
        return {"month": str(value.month), "text": value.text}
    return value.text


MonthText = Annotated[
    MonthYear | WrittenMonth,
    PlainValidator(parse_month_text, json_schema_input_type=str | MonthWithText),
    PlainSerializer(_month_text_out),
]
"""A month the template asks as MM/YYYY, or the provider's text with the month beside it."""


def structured_month(value: object) -> MonthYear | None:
    """The month a rule may use: the structured month, never one guessed from prose."""
    if isinstance(value, MonthYear):
        return value
    if isinstance(value, WrittenMonth):
        return value.month
    return None


def read_period(text: str) -> dict[str, Any]:
    """A period written as one text, as ``Period`` fields: the text, and the start and end
    months where each side of it names one ("Approximately 2018 – December 2025")."""
    written = text.strip()
    parts = _RANGE.split(written, maxsplit=1)
    if len(parts) == 2:
        starts, ends = months_in(parts[0]), months_in(parts[1])
        return {"text": written, "start": starts[0] if starts else None, "end": _last(ends)}
    found = months_in(written)
    if re.match(r"\s*(up to|until|till|to|before)\b", written, re.IGNORECASE):
        return {"text": written, "end": _last(found)}
    if re.match(r"\s*(from|since|after)\b", written, re.IGNORECASE):
        return {"text": written, "start": found[0] if found else None}
    return {"text": written}


def _last(found: tuple[MonthYear, ...]) -> MonthYear | None:
    return found[-1] if found else None


class Period(StrictModel):
    """A collection period: from and to (MM/YYYY), or the provider's text with them."""

    start: MonthText | None = spec(
        "TDS.2.3.period", audience=PUBLIC, section="2.3", default=None, title="From (MM/YYYY)"
    )
    end: MonthText | None = spec(
        "TDS.2.3.period", audience=PUBLIC, section="2.3", default=None, title="To (MM/YYYY)"
    )
    text: Text | None = spec(
        "TDS.2.3.period",
        audience=PUBLIC,
        section="2.3",
        default=None,
        title="The period as written",
        description="The period in the provider's words, shown where the template shows "
        "it; `start:` and `end:` (MM/YYYY) beside it are what rules read.",
        example="Approximately 2018 – December 2025",
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        return read_period(data) if isinstance(data, str) else data

    @model_validator(mode="after")
    def _says_something(self) -> Self:
        if self.start is None and self.end is None and self.text is None:
            raise ValueError("a period needs `start:` and `end:` (MM/YYYY) or its `text:`")
        return self
