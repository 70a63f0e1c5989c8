"""How a number may be written, and why separators and signs are refused.

Documents are written across the EU, where ``3,7`` is three point seven and ``1.000`` a
thousand, and read by tools that take a comma for a thousands separator: ``3,7*10^24``
was read as 3.7×10^25 and the report presumed systemic risk. So a number is digits with
at most one decimal point, which is always a dot, as in YAML, JSON and the Form's own
examples (``2.500`` is two and a half); underscores may group the digits before it
(``73_000_000_000``), since no convention reads them as a decimal mark. Commas, spaces
and apostrophes are refused wherever they stand, even where the grouping could only mean
one thing (``1,000,000``): these figures are compared with legal thresholds, and a rule
with exceptions is one more thing a reader gets wrong. Every field that takes a number
is a size, count, duration, energy, compute or turnover, so none may be below zero.

A field measured in a unit (compute in FLOP, energy in MWh) also takes the number followed
by that unit, since people write it (``3.8e25 FLOPs``, ``29 MWh``). Another unit is refused
and never converted: the artifacts print the figure as the provider wrote it, and a figure
converted by the tool (``29 kWh`` as ``0.029``) is one nobody wrote; the message gives the
converted figure to copy.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Protocol

# A mantissa with every separator a writer might use; a space counts only between
# digits, and not before `10^`, where it sets off the power (`3 10^24`). Each character
# is consumed once, so the match is linear.
_MANTISSA = re.compile(r"[+-]?[0-9](?:[0-9,.'’_]|\s(?=[0-9])(?!10\s*\^))*")
_ASCII_DIGITS = frozenset("0123456789")
_MINUS = ("-", "\u2212")  # hyphen-minus and the typographic minus sign
_KINDS = {",": "commas", ".": "dots", "'": "apostrophes", "’": "apostrophes"}


def _kinds(body: str) -> list[str]:
    kinds = {_KINDS.get(c, "spaces") for c in body if c in _KINDS or c.isspace()}
    return sorted(kinds)


def _with_point(body: str, rest: str, sign: str) -> str:
    """The digits of ``body`` with its last separator as the decimal point, if it is one."""
    seps = [i for i, c in enumerate(body) if not c.isdigit() and c != "_"]
    last = seps[-1]
    digits_before = "".join(c for c in body[:last] if c.isdigit())
    if body[last] in ",." and body.count(body[last]) == 1:
        return f"{sign}{digits_before}.{body[last + 1 :]}{rest}"
    return f"{sign}{''.join(c for c in body if c.isdigit())}{rest}"


def separator_problem(text: str) -> str | None:
    """Why ``text`` (a stripped number) is written ambiguously, with how to write it; or None."""
    if any(c.isdigit() and c not in _ASCII_DIGITS for c in text):
        return f"{text!r} uses digits other than 0-9; write the number with the digits 0-9"
    match = _MANTISSA.match(text)
    if match is None:
        return None
    sign = match[0][0] if match[0][0] in "+-" else ""
    body, rest = match[0][len(sign) :], text[match.end() :]
    kinds = _kinds(body)
    digits = "".join(c for c in body if c.isdigit())
    plain = f"{sign}{digits}{rest}"
    if not kinds or (kinds == ["dots"] and body.count(".") == 1):
        return None
    if len(kinds) > 1:
        return (
            f"{text!r} mixes digit separators ({' and '.join(kinds)}), and readers disagree "
            "on which one marks the decimals (1,000.5 or 1.000,5); write digits with one "
            f"decimal point: {_with_point(body, rest, sign)} if the last one marks them"
        )
    if kinds == ["commas"] and body.count(",") == 1:
        whole, fraction = body.split(",")
        point = f"{sign}{whole}.{fraction}{rest}"
        if len(fraction) == 3:
            return (
                f"{text!r} is ambiguous: the comma may separate thousands ({plain}) or "
                f"decimals ({point}); numbers take no commas: write {plain} or {point}, "
                "as meant"
            )
        return (
            f"{text!r} has a decimal comma, which other readers take for a thousands "
            f"separator ({plain}); numbers take a decimal point: write {point}"
        )
    why = {
        "commas": "in much of the EU a comma is the decimal separator, so numbers take none",
        "dots": "a dot is the decimal point, so it may appear only once",
        "spaces": "numbers take no spaces between digits",
        "apostrophes": "numbers take no apostrophes",
    }[kinds[0]]
    return f"{text!r} groups digits with {kinds[0]}; {why}: write {plain}"


def negative_problem(text: str) -> str | None:
    """Why a number written as ``text`` cannot be a size, count or measurement; or None."""
    if text.startswith(_MINUS):
        return (
            f"{text!r} has a minus sign; sizes, counts, durations, energy, compute and turnover "
            "cannot be below zero (write 0 for none, or the figure without the sign)"
        )
    return None


@dataclass(frozen=True, slots=True)
class Unit:
    """The unit a number field is answered in, and the units people confuse it with."""

    symbol: str
    words: str  # how a message names it
    spellings: frozenset[str]  # what may follow the number: the unit itself
    scaled: Mapping[str, tuple[str, Fraction]] = field(
        default_factory=dict
    )  # unit: (words, factor)


FLOP = Unit(
    "FLOP",
    "floating-point operations (FLOP)",
    # "FLOPS" is strictly a rate, but an amount of computation cannot be one: people mean FLOP
    frozenset({"FLOP", "FLOPs", "FLOPS", "flop", "flops"}),
)
ENERGY_MWH = Unit(
    "MWh",
    "megawatt-hours (MWh)",
    frozenset({"MWh"}),  # case matters: mWh is a milliwatt-hour
    {
        "Wh": ("watt-hours", Fraction(1, 10**6)),
        "kWh": ("kilowatt-hours", Fraction(1, 10**3)),
        "GWh": ("gigawatt-hours", Fraction(10**3)),
        "TWh": ("terawatt-hours", Fraction(10**6)),
    },
)

# The number, then a unit: a word that starts with a letter and holds no digit. `e` and `x`
# alone are an unfinished exponent or power (`1e`, `3.7 x`), not units.
_UNIT_TAIL = re.compile(r"(?P<number>.*?[0-9])\s*(?P<unit>[^\W\d_][^\d]*?)\s*\Z", re.S)
_NOT_UNITS = {"e", "E", "x", "X"}


def split_unit(text: str) -> tuple[str, str | None]:
    """``3.8e25 FLOP`` as ``("3.8e25", "FLOP")``; a number without a unit as ``(text, None)``."""
    match = _UNIT_TAIL.match(text)
    if match is None or match["unit"] in _NOT_UNITS:
        return text, None
    return match["number"], match["unit"]


class _Figure(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def exact(self) -> Fraction: ...
    @property
    def significant_figures(self) -> int: ...


def _decimal(number: Fraction, figures: int) -> str:
    """``number`` (a finite decimal) with ``figures`` significant figures: 0.029, 2.10*10^3."""
    with decimal.localcontext() as context:
        context.prec = 1000
        value = decimal.Decimal(number.numerator) / decimal.Decimal(number.denominator)
        text = f"{value:.{figures}g}"
    mantissa, _, exponent = text.partition("e")
    return f"{mantissa}*10^{int(exponent)}" if exponent else text  # as the Form writes powers


def unit_problem(text: str, figure: _Figure, written: str, unit: Unit | None) -> str | None:
    """Why the unit ``written`` after the number ``text`` is not this field's; or None."""
    if unit is None:
        return (
            f"{text!r} has a unit ({written}), but this field takes the number alone: "
            f"write {figure.text}"
        )
    if written in unit.spellings:
        return None
    if written in unit.scaled:
        words, factor = unit.scaled[written]
        converted = _decimal(figure.exact * factor, figure.significant_figures)
        return (
            f"{text!r} is in {words} ({written}), but this field is in {unit.words}: "
            f"{figure.text} {written} is {converted} {unit.symbol}; write {converted}"
        )
    return (
        f"{text!r} is in {written!r}, but this field is in {unit.words}: write the amount "
        f"in {unit.symbol}, as a number alone or followed by {unit.symbol}"
    )
