"""Dates as providers write them, read through dateutil with explicit day-first control.

ISO (``2026-06-26``), the template's own day-first form (``26/06/2026``), dotted
(``26.06.2026``, read day first) and words (``26 June 2026``, ``Sept 2nd, 2025``,
``24-Nov-2025``) are read as dates. A numeric date whose day and month could swap
(``03/04/2026``, ``7/8/26``) is never guessed: unless the document declares its date order
(``date_order: day-first`` or ``month-first``), it is kept as written, as an
:class:`AmbiguousDate`, and rule DT001 asks which day and which month it is.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass
from typing import Annotated, Any

from dateutil import parser as dateutil_parser
from pydantic import PlainSerializer, PlainValidator, TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from gpai_docs.models.date_order import DateOrder, current_order

_MAX_CHARS = 60  # no date is longer; dateutil is never handed a paragraph
_ISO = re.compile(r"^\s*[+-]?\d{4,}-")
_NUMERIC = re.compile(r"^\s*(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})\s*$")
_NO_LETTERS = re.compile(r"^[\d\s./,-]*$")
# A date with its month in words: day, month, year (26 June 2026, 24-Nov-2025, 2nd of
# June 2025) or month, day, year (Sept 2nd, 2025). Only this shape goes to dateutil,
# which reads the words; any other text is no date, however lenient dateutil would be.
_DAY, _MONTH_WORD, _YEAR4 = r"\d{1,2}(?:st|nd|rd|th)?", r"[A-Za-z]{3,9}\.?", r"\d{4}"
_SEP = r"(?:\s*[\s,./-]\s*|\s+of\s+)"
_WORD_DATE = re.compile(
    rf"^\s*(?:{_DAY}{_SEP}{_MONTH_WORD}{_SEP}{_YEAR4}|{_MONTH_WORD}{_SEP}{_DAY},?{_SEP}?{_YEAR4})\s*$",
    re.IGNORECASE,
)
_PLAIN_DATE: TypeAdapter[dt.date] = TypeAdapter(dt.date)
# Two defaults that differ in day, month and year: a part dateutil filled in from the
# default differs between the two readings, so it was not written.
_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2004, 2, 2))
MONTH_NAMES = (
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


class NotADate(ValueError):
    """Text that is not a date at all (a date that does not exist is a plain ValueError)."""


def words(date: dt.date) -> str:
    """``3 April 2026``: a date no reader can take the wrong way round."""
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}"


@dataclass(frozen=True, slots=True)
class AmbiguousDate:
    """A date whose day and month could swap, kept as written; never used as a date."""

    text: str
    day_first: dt.date
    month_first: dt.date

    def __str__(self) -> str:
        return self.text

    @property
    def question(self) -> str:
        """Both readings, for the finding that asks which one is meant."""
        return (
            f"{self.text!r} could be {words(self.day_first)} (day first, as the template "
            f"prints dates) or {words(self.month_first)} (month first)"
        )


def _dateutil(text: str, *, dayfirst: bool, yearfirst: bool = False) -> dt.date | None:
    """The date dateutil reads, or None when a part is missing or it reads none."""
    readings = []
    for default in _DEFAULTS:
        # dateutil warns of a word it takes for a time zone ("26 June 2026 QA"): such text
        # is no date, and the library never lets a warning reach the user.
        with warnings.catch_warnings(record=True) as warned:
            warnings.simplefilter("always")
            try:
                found = dateutil_parser.parse(
                    text, dayfirst=dayfirst, yearfirst=yearfirst, default=default
                )
            except (ValueError, OverflowError):
                return None
        if warned or found.tzinfo is not None or found.time() != dt.time():
            return None  # a time or a time zone: not a date as the template asks
        readings.append(found)
    first, second = readings
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None
    return first.date()


def _numeric(text: str, written: str, separator: str) -> dt.date | AmbiguousDate:
    order = current_order() or ("day-first" if separator == "." else None)
    day_first = _dateutil(text, dayfirst=True)
    month_first = _dateutil(text, dayfirst=False)
    if order is not None:
        meant = day_first if order == "day-first" else month_first
        leading = None if meant is None else meant.day if order == "day-first" else meant.month
        if meant is None or leading != _first_number(text):
            raise ValueError(_not_in_order(written, order, day_first, month_first))
        return meant
    if day_first is not None and month_first is not None and day_first != month_first:
        return AmbiguousDate(written, day_first, month_first)
    found = day_first or month_first
    if found is None:
        raise ValueError(f"{written!r} is not a date: {_why_not(text)}")
    return found


def _first_number(text: str) -> int:
    """The number written first in a numeric date (``03`` of ``03/04/2026``)."""
    match = _NUMERIC.match(text)
    return int(match[1]) if match else 0


def _not_in_order(
    written: str, order: DateOrder, day_first: dt.date | None, month_first: dt.date | None
) -> str:
    other = month_first if order == "day-first" else day_first
    reading = order.replace("-", " ")
    if other is not None:
        return (
            f"{written!r} cannot be read {reading}, as the document declares its dates "
            f"(date_order: {order}); write {other.isoformat()} if you meant {words(other)}"
        )
    return f"{written!r} is not a date: {_why_not(written)}"


def _why_not(text: str) -> str:
    match = _NUMERIC.match(text)
    if not match:
        return "write it as YYYY-MM-DD, e.g. 2026-06-26"
    first, second = int(match[1]), int(match[3])
    if first > 12 and second > 12:
        return f"neither {first} nor {second} is a month; write it as YYYY-MM-DD"
    if 1 <= second <= 12:
        year = f" {match[4]}" if len(match[4]) == 4 else ""
        return f"{MONTH_NAMES[second - 1]}{year} has no day {first}; write it as YYYY-MM-DD"
    return "that day does not exist in that month; write it as YYYY-MM-DD"


def read_date(raw: str) -> dt.date | AmbiguousDate:
    """A date as written: ISO, numeric with ``/``, ``.`` or ``-``, or with the month in words.

    Raises ValueError, saying how to write it, for text that is not one date.
    """
    written = raw.strip()
    if len(written) > _MAX_CHARS:
        raise NotADate(f"{written[:40]!r}… is not a date: write it as YYYY-MM-DD")
    match = _NUMERIC.match(written)
    if match:
        if int(match[4]) == 0 and len(match[4]) == 4:
            raise ValueError(f"{written!r} is not a date: there is no year 0")
        return _numeric(written, written, match[2])
    if _NO_LETTERS.match(written):
        raise NotADate(f"{written!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-06-26")
    found = _dateutil(written, dayfirst=True) if _WORD_DATE.match(written) else None
    if found is None or found != _dateutil(written, dayfirst=False):
        month = month_in_words(written)
        if found is None and month is not None:
            raise NotADate(
                f"{written!r} gives a month but no day: this field asks for a date; write "
                f"it as YYYY-MM-DD, e.g. {month.year}-{month.month:02d}-01"
            )
        raise NotADate(f"{written!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-06-26")
    return found


def parse_date(raw: Any) -> dt.date | AmbiguousDate:
    """The validator of a date field: ISO and non-text values as pydantic reads them."""
    if isinstance(raw, AmbiguousDate | dt.date) and not isinstance(raw, dt.datetime):
        return raw
    if isinstance(raw, str) and not _ISO.match(raw):
        try:
            return read_date(raw)
        except NotADate as error:  # not a date at all: SC003, as pydantic's own date errors
            raise PydanticCustomError("date_parsing", str(error)) from None
    try:
        return _PLAIN_DATE.validate_python(raw)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        raise PydanticCustomError(first["type"], first["msg"]) from None


def _date_out(value: dt.date | AmbiguousDate) -> Any:
    return value.text if isinstance(value, AmbiguousDate) else value


Date = Annotated[
    dt.date | AmbiguousDate,
    PlainValidator(parse_date, json_schema_input_type=str),
    PlainSerializer(_date_out),
]
"""A calendar date: ``2025-08-02``, ``02/08/2025`` (day first, as the template prints it),
``2 August 2025``; a date whose day and month could swap is kept as an AmbiguousDate."""


def known(value: object) -> dt.date | None:
    """The date a deadline may use: None for an ambiguous date (never a guessed one)."""
    if isinstance(value, dt.date):
        return value
    return None


@dataclass(frozen=True, slots=True, order=True)
class MonthYear:
    """A month, as the template's ``MM/YYYY`` fields ask."""

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.month:02d}/{self.year}"


_MONTH = re.compile(r"^\s*(?:(\d{1,2})/(\d{4})|(\d{4})-(\d{1,2}))\s*$")


def parse_month(raw: Any) -> MonthYear:
    """``03/2025``, ``2025-03``, ``March 2025``, ``Sept 2025`` or a date, as its month."""
    if isinstance(raw, MonthYear):
        return raw
    if isinstance(raw, dt.date):
        return MonthYear(raw.year, raw.month)
    match = _MONTH.match(raw) if isinstance(raw, str) else None
    if match:
        month, year = (match[1], match[2]) if match[1] else (match[4], match[3])
        if not 1 <= int(month) <= 12:
            raise ValueError(f"{raw!r} has no month {int(month)}; months run from 01 to 12")
        return MonthYear(int(year), int(month))
    named = month_in_words(raw) if isinstance(raw, str) else None
    if named is None:
        raise ValueError(f"{raw!r} is not a month; write it as MM/YYYY, e.g. 03/2025")
    return named


_WORD_MONTH = re.compile(r"^\s*([A-Za-z]{3,9})\.?,?\s+(\d{4})\s*$")


def month_in_words(text: str) -> MonthYear | None:
    """``June 2026`` or ``Sept 2025``: a month name dateutil knows and a four-digit year."""
    match = _WORD_MONTH.match(text)
    if not match or dateutil_parser.parserinfo().month(match[1]) is None:
        return None
    found = _dateutil(f"1 {match[1]} {match[2]}", dayfirst=True)
    return MonthYear(found.year, found.month) if found else None


Month = Annotated[
    MonthYear,
    PlainValidator(parse_month, json_schema_input_type=str),
    PlainSerializer(str, return_type=str),
]
