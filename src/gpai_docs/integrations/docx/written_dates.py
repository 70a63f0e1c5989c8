"""Dates in Word cells, read by the loader's own date reader (``models.dates``: dateutil
with day-first control), so that Word and YAML never read one date two ways."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gpai_docs.integrations.docx.text import fold
from gpai_docs.models.dates import AmbiguousDate, read_date
from gpai_docs.render import typeset


def _read(text: str) -> dt.date | AmbiguousDate | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return read_date(text)
    except ValueError:
        return None


def iso_if_date(text: str) -> str:
    """A date written out ("8 July 2026", "Sept 2nd, 2025", "01.09.2025") in ISO form,
    which cannot be misread; a date whose day and month could swap, and any other text,
    as written (the loader then asks which is meant)."""
    read = _read(fold(text))
    return read.isoformat() if isinstance(read, dt.date) else text


def as_printed(raw: Any) -> str:
    """A YAML value as the export prints it: a date as DD/MM/YYYY, anything else as is."""
    read = _read(str(raw).strip())
    return typeset.date(read) if isinstance(read, dt.date) else fold(str(raw))
