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

from gpai_docs.models._number_text import (
    ENERGY_MWH,
    FLOP,
    Unit,
    negative_problem,
    separator_problem,
    split_unit,
    unit_problem,
)
from gpai_docs.yamlio.written import written_text

# Digits are ASCII only: `\d` would take the Arabic-Indic or full-width digits as well.
# Separators other than `_` never get here (see _number_text).
_SCI = re.compile(
    r"^\s*(?P<mant>[-+]?([0-9]+(?:_[0-9]+)*)?(\.[0-9]+)?)\s*"
    r"(?:(?:[*x×·]\s*10\s*\^\s*|e|E)(?P<exp>[-+]?[0-9]+)"
    r"|\s*[*x×·]?\s*10\s*\^\s*(?P<exp_only>[-+]?[0-9]+))?\s*$"
)
_POWER_ONLY = re.compile(r"^\s*10\s*\^\s*(?P<exp>[-+]?[0-9]+)\s*$")
_NOT_DECIMAL = re.compile(r"[-+]?0[oOxX]")  # YAML 1.2 reads 0o17 and 0x1F as integers


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


def parse_quantity(raw: Any, *, unit: Unit | None = None) -> Quantity:
    """Read ``7.3*10^10``, ``7.3e10``, ``10^24``, ``73_000_000_000`` or a plain number.

    A number read from a document is read from the text it was written as, so ``3.0e23``
    keeps two significant figures and ``010`` its zero. A field with a ``unit`` also takes
    the number followed by that unit (``3.8e25 FLOP``). Commas, spaces, apostrophes, a
    second dot and a minus sign are refused (see ``_number_text``); the ValueError says
    what is wrong and how to write it.
    """
    try:
        return _parse_quantity(raw, unit)
    except OverflowError:  # float() of a 400-digit int, 10.0 ** 400: a finding, not a crash
        raise ValueError(f"{_shorten(raw)} is too large for a number") from None


def measured_in(unit: Unit) -> Any:
    """The validator of a number field whose answers are in ``unit``."""

    def parse(raw: Any) -> Quantity:
        return parse_quantity(raw, unit=unit)

    return parse


def _shorten(raw: Any) -> str:
    try:
        text = written_text(raw) or str(raw)
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


def _parse_quantity(raw: Any, unit: Unit | None) -> Quantity:
    if isinstance(raw, Quantity):
        return raw
    if isinstance(raw, bool):
        raise ValueError("expected a number such as 3.7*10^24, not true/false")
    text = written_text(raw)
    if text is not None:  # an unquoted number of a document: read what was written
        if text.lstrip("+-").lower() in (".inf", ".nan"):  # 1e400 is infinite too: too large
            raise ValueError("expected a finite number")
        if _NOT_DECIMAL.match(text):
            raise ValueError(f"{text!r} is not written in decimal digits; write {int(raw)}")
        return _parse_text(text, unit)
    if isinstance(raw, int):
        if raw < 0:
            raise ValueError(negative_problem(str(raw)))
        return Quantity(float(raw), _significant(str(abs(raw))), str(raw), Fraction(raw))
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise ValueError("expected a finite number")
        if math.copysign(1.0, raw) < 0:  # -0.0 too: the writer typed a minus sign
            raise ValueError(negative_problem(repr(raw)))
        # A float made in code, not read from a document: its shortest repr is the
        # decimal it was made from whenever that had at most 15 digits.
        mantissa = repr(raw).split("e")[0]
        return Quantity(raw, _significant(mantissa), repr(raw), Fraction(repr(raw)))
    if not isinstance(raw, str):
        raise ValueError("expected a number such as 3.7*10^24")
    return _parse_text(raw, unit)


def _parse_text(raw: str, unit: Unit | None) -> Quantity:
    text = raw.strip()
    # Long runs of spaces make _SCI backtrack for minutes; no real number is this long.
    if len(text) > _MAX_NUMBER_CHARS:
        raise ValueError(f"{text[:40]!r}… is too long to be a number")
    problem = negative_problem(text) or separator_problem(text)
    if problem is not None:
        raise ValueError(problem)
    number, written_unit = split_unit(text)
    quantity = _number(number)
    if written_unit is not None:
        problem = unit_problem(text, quantity, written_unit, unit)
        if problem is not None:
            raise ValueError(problem)
    return quantity


def _number(text: str) -> Quantity:
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

Flop = Annotated[
    Quantity,
    PlainValidator(measured_in(FLOP), json_schema_input_type=float | str),
    PlainSerializer(lambda q: q.text, return_type=str),
]
"""An amount of computation in FLOP: ``3.7*10^24``, also ``3.7*10^24 FLOP`` or ``3.7e24 FLOPs``."""

EnergyMWh = Annotated[
    Quantity,
    PlainValidator(measured_in(ENERGY_MWH), json_schema_input_type=float | str),
    PlainSerializer(lambda q: q.text, return_type=str),
]
"""An amount of energy in MWh: ``2.1*10^3``, also ``2.1*10^3 MWh`` (kWh, GWh… are refused
with the figure in MWh: the document prints what the provider wrote, never a conversion)."""
