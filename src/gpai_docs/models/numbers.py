"""Numbers as written: the exact value, the digits and the significant figures of each."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Annotated, Any

from pydantic import (
    PlainSerializer,
    PlainValidator,
)

from gpai_docs.models._number_text import negative_problem, separator_problem

# Digits are ASCII only: `\d` would take the Arabic-Indic or full-width digits as well.
# Separators other than `_` never get here (see _number_text).
_SCI = re.compile(
    r"^\s*(?P<mant>[-+]?([0-9]+(?:_[0-9]+)*)?(\.[0-9]+)?)\s*"
    r"(?:(?:[*x×·]\s*10\s*\^\s*|e|E)(?P<exp>[-+]?[0-9]+)"
    r"|\s*[*x×·]?\s*10\s*\^\s*(?P<exp_only>[-+]?[0-9]+))?\s*$"
)
_POWER_ONLY = re.compile(r"^\s*10\s*\^\s*(?P<exp>[-+]?[0-9]+)\s*$")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as the Form writes it (``3.7*10^24``), keeping its significant figures.

    ``exact`` is the written number itself, read from the mantissa digits and the exponent;
    legal thresholds are compared with it, because ``value`` (the nearest float) cannot
    tell ``10^23`` from the next number above it. ``value`` serves measurements only.
    """

    value: float
    significant_figures: int
    text: str
    exact: Fraction

    @property
    def exponent(self) -> int:
        return decimal_exponent(self.exact)

    def __str__(self) -> str:
        return self.text


def decimal_exponent(number: Fraction) -> int:
    """The power of ten of a number's leading digit, computed exactly (0 for zero)."""
    if not number:
        return 0
    size = abs(number)
    guess = len(str(size.numerator)) - len(str(size.denominator))
    return guess if Fraction(10) ** guess <= size else guess - 1


def power_text(number: Fraction, figures: int) -> str:
    """``number`` as ``m×10^e`` with ``figures`` significant figures, rounded exactly."""
    if not number:
        return "0"
    exponent = decimal_exponent(number)
    digits = round(abs(number) / Fraction(10) ** (exponent - figures + 1))
    if digits == 10**figures:  # 9.96 to two figures is 1.0×10^1, not 10×10^0
        exponent, digits = exponent + 1, digits // 10
    text = str(digits)
    sign = "-" if number < 0 else ""
    return f"{sign}{text[0]}{'.' + text[1:] if len(text) > 1 else ''}×10^{exponent}"


def _significant(mantissa: str) -> int:
    digits = mantissa.replace("_", "").lstrip("+-")
    if "." in digits:
        whole, frac = digits.split(".", 1)
        return len((whole + frac).lstrip("0")) or 1
    return len(digits.lstrip("0").rstrip("0")) or 1


_MAX_NUMBER_CHARS = 100
# Beyond any float; refusing larger exponents keeps 10 ** exponent from running for hours.
_MAX_EXPONENT = 400


def parse_quantity(raw: Any) -> Quantity:
    """Read ``7.3*10^10``, ``7.3e10``, ``10^24``, ``73_000_000_000`` or a plain number.

    Commas, spaces, apostrophes, a second dot and a minus sign are refused (see
    ``_number_text``); the ValueError says what is ambiguous and how to write it.
    """
    try:
        return _parse_quantity(raw)
    except OverflowError:  # float() of a 400-digit int, 10.0 ** 400: a finding, not a crash
        raise ValueError(f"{_shorten(raw)} is too large for a number") from None


def _shorten(raw: Any) -> str:
    try:
        text = str(raw)
    except ValueError:  # str() of an int beyond Python's 4,300-digit limit
        return "a number of more than 4,300 digits"
    return repr(text) if len(text) <= 40 else f"{text[:40]!r}…"


def _written(text: str, mantissa: str, exponent: int, significant: int) -> Quantity:
    if exponent > _MAX_EXPONENT:
        raise ValueError(f"{text!r} is too large")
    if exponent < -_MAX_EXPONENT:
        raise ValueError(f"{text!r} is too small to be a count or measurement")
    exact = Fraction(mantissa) * Fraction(10) ** exponent
    return Quantity(float(exact), significant, text, exact)


def _parse_quantity(raw: Any) -> Quantity:
    if isinstance(raw, Quantity):
        return raw
    if isinstance(raw, bool):
        raise ValueError("expected a number such as 3.7*10^24, not true/false")
    if isinstance(raw, int):
        if raw < 0:
            raise ValueError(negative_problem(str(raw)))
        return Quantity(float(raw), _significant(str(abs(raw))), str(raw), Fraction(raw))
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise ValueError("expected a finite number")
        if math.copysign(1.0, raw) < 0:  # -0.0 too: the writer typed a minus sign
            raise ValueError(negative_problem(repr(raw)))
        # The loader has already turned unquoted YAML such as 1.0e+23 into a float; its
        # shortest repr is the written decimal whenever that had at most 15 digits.
        mantissa = repr(raw).split("e")[0]
        return Quantity(raw, _significant(mantissa), repr(raw), Fraction(repr(raw)))
    if not isinstance(raw, str):
        raise ValueError("expected a number such as 3.7*10^24")
    text = raw.strip()
    # Long runs of spaces make _SCI backtrack for minutes; no real number is this long.
    if len(text) > _MAX_NUMBER_CHARS:
        raise ValueError(f"{text[:40]!r}… is too long to be a number")
    problem = negative_problem(text) or separator_problem(text)
    if problem is not None:
        raise ValueError(problem)
    compact = re.sub(r"\s+", " ", text)
    power = _POWER_ONLY.match(compact)
    if power:
        return _written(text, "1", int(power["exp"]), 1)
    match = _SCI.match(compact)
    if not match or not match["mant"] or match["mant"] in "+-":
        raise ValueError(f"{text!r} is not a number; write it like 3.7*10^24 or 7.3e10")
    exponent = match["exp"] or match["exp_only"] or "0"
    mantissa = match["mant"].replace("_", "")
    return _written(text, mantissa, int(exponent), _significant(match["mant"]))


Number = Annotated[
    Quantity,
    PlainValidator(parse_quantity, json_schema_input_type=float | str),
    PlainSerializer(lambda q: q.text, return_type=str),
]
"""A count or measurement written with its precision, e.g. ``3.7*10^24``."""
