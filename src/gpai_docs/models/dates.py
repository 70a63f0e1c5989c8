"""Dates and months, as ISO dates or as the template prints them (02/08/25, 06/2026)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    PlainSerializer,
    PlainValidator,
)

_DMY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\s*$")


def _parse_date(raw: Any) -> Any:
    if isinstance(raw, str):
        match = _DMY.match(raw)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year + 2000 if year < 100 else year, month, day)
    return raw


Date = Annotated[dt.date, BeforeValidator(_parse_date, json_schema_input_type=str)]
"""A calendar date: ``2025-08-02`` (also ``02/08/25`` as printed in the template)."""


@dataclass(frozen=True, slots=True, order=True)
class MonthYear:
    """A month, as the template's ``MM/YYYY`` fields ask."""

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.month:02d}/{self.year}"


_MONTH = re.compile(r"^\s*(?:(\d{1,2})/(\d{4})|(\d{4})-(\d{1,2}))\s*$")


def parse_month(raw: Any) -> MonthYear:
    if isinstance(raw, MonthYear):
        return raw
    if isinstance(raw, dt.date):
        return MonthYear(raw.year, raw.month)
    match = _MONTH.match(str(raw)) if isinstance(raw, str) else None
    if not match:
        raise ValueError(f"{raw!r} is not a month; write it as MM/YYYY, e.g. 03/2025")
    month, year = (match[1], match[2]) if match[1] else (match[4], match[3])
    if not 1 <= int(month) <= 12:
        raise ValueError(f"{raw!r} has no month {int(month)}; months run from 01 to 12")
    return MonthYear(int(year), int(month))


Month = Annotated[
    MonthYear,
    PlainValidator(parse_month, json_schema_input_type=str),
    PlainSerializer(str, return_type=str),
]
