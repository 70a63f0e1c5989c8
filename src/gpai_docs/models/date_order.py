"""The order a document writes its numeric dates in: ``date_order: day-first|month-first``.

Declared once per document (the summary's ``header``, the others' ``document``), it
settles dates such as ``03/04/2026`` that read both ways; models/dates.py reads it while
the document is validated.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ClassVar, Literal, Self

from pydantic import ModelWrapValidatorHandler, model_validator

from gpai_docs.models._base import StrictModel

DateOrder = Literal["day-first", "month-first"]
DATE_ORDERS: tuple[DateOrder, ...] = ("day-first", "month-first")

_ORDER: ContextVar[DateOrder | None] = ContextVar("gpai_docs_date_order", default=None)


def current_order() -> DateOrder | None:
    """The order declared by the document being validated, if it declares one."""
    return _ORDER.get()


@contextmanager
def date_order(order: DateOrder | None) -> Iterator[None]:
    """Read the slash dates validated inside this block in the document's declared order."""
    token = _ORDER.set(order)
    try:
        yield
    finally:
        _ORDER.reset(token)


DATE_ORDER_FIELD: dict[str, Any] = {
    "default": None,
    "title": "Order of day and month in numeric dates",
    "description": "How this document writes numeric dates such as 03/04/2026: `day-first` "
    "(3 April, as the template prints dates) or `month-first` (4 March). Without it, a "
    "date that reads both ways is kept as written and DT001 asks which one is meant.",
    "example": "day-first",
}


def declared_order(raw: Any) -> DateOrder | None:
    """The declared order if ``raw`` is one (the document's field is validated on its own)."""
    return raw if isinstance(raw, str) and raw in DATE_ORDERS else None


class DatedDocument(StrictModel):
    """A document that may declare the order of its slash dates, at ``DATE_ORDER_AT``."""

    DATE_ORDER_AT: ClassVar[tuple[str, str]] = ("document", "date_order")

    @model_validator(mode="wrap")
    @classmethod
    def _in_declared_order(cls, data: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        section, key = cls.DATE_ORDER_AT
        part = data.get(section) if isinstance(data, dict) else None
        order = declared_order(part.get(key)) if isinstance(part, dict) else None
        with date_order(order):
            return handler(data)
