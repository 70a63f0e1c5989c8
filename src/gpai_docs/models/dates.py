"""Dates and months, as ISO dates or as the template prints them (25/12/2026, 06/2026).

A slash date the template prints day first is read day first only when it cannot be read
the other way: ``03/04/2026`` (and the template's own ``02/08/25``) asks for the ISO form.
"""

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
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _words(date: dt.date) -> str:
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def _month_first(year: int, month: int, day: int) -> str:
    """How to write a date written month first (``12/25/2026``), if it is one."""
    try:
        meant = dt.date(year, month, day)
    except ValueError:
        return ""
    return f"; write {meant.isoformat()} if you meant {_words(meant)}"


def _parse_date(raw: Any) -> Any:
    """A date as the template prints it, day first (``25/12/2026``), as an ISO date.

    A slash date whose day and month could swap (``03/04/2026``) is refused: the template
    reads it day first, much of the world month first, and a deadline computed from the
    wrong one is months off. The message shows both readings and the ISO form of each.
    """
    if not isinstance(raw, str):
        return raw
    match = _DMY.match(raw)
    if not match:
        return raw
    day, month, year = (int(g) for g in match.groups())
    year += 2000 if len(match[3]) == 2 else 0  # the template's 02/08/25 is 2025
    written = raw.strip()
    if year == 0:
        raise ValueError(f"{written!r} is not a date: there is no year 0")
    if day != month and 1 <= day <= 12 and 1 <= month <= 12:
        first, second = dt.date(year, month, day), dt.date(year, day, month)
        raise ValueError(
            f"{written!r} could be {_words(first)} or {_words(second)}: day and month "
            f"can be read either way; write the date as YYYY-MM-DD: {first.isoformat()} "
            f"for {_words(first)}, {second.isoformat()} for {_words(second)}"
        )
    if not 1 <= month <= 12:
        raise ValueError(
            f"{written!r} has no month {month}: a slash date is read day first "
            f"(DD/MM/YYYY){_month_first(year, day, month)}; or write it as YYYY-MM-DD"
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(
            f"{written!r} is not a date: {_MONTHS[month - 1]} {year} has no day {day}"
        ) from None


Date = Annotated[dt.date, BeforeValidator(_parse_date, json_schema_input_type=str)]
"""A calendar date: ``2025-08-02``; also day first as the template prints it (``25/12/2026``,
``02/02/25``), unless day and month could swap (``03/04/2026`` asks for ``2026-04-03``)."""


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
