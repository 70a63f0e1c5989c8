"""How a determination is worded: the record the report prints, and its numbers in words.

Every determination names its legal basis (``reference``) and the rule-pack facts it rests
on (``facts``), so that "Law applied" can say when the oldest of them was verified.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from gpai_docs.models.numbers import Quantity, power_text


@dataclass(frozen=True, slots=True)
class Determination:
    """One conclusion the report states, with its basis."""

    key: str
    title: str
    outcome: str
    statement: str
    reference: str
    date: dt.date | None = None
    facts: tuple[str, ...] = ()  # the rule-pack facts it rests on, by key


def euros(amount: Fraction) -> str:
    """EUR with thousands separators, cents only when there are any (rounded half up)."""
    cents = int(amount * 100 + Fraction(1, 2))
    whole, rest = divmod(cents, 100)
    return f"EUR {whole:,}" + (f".{rest:02d}" if rest else "")


def number_text(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{float(value):g}"


def flop_text(value: Quantity | Fraction) -> str:
    """A written figure keeps its own precision; so 1.000001×10^25 never prints as 1×10^25."""
    if isinstance(value, Quantity):
        return power_text(value.exact, value.significant_figures)
    return power_text(value, len(str(value.numerator).rstrip("0")) or 1)
