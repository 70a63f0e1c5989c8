"""Typesetting shared by every output: numbers, units, dates and check boxes.

A reader sees the same number in Markdown, HTML and PDF: ``3.8*10^25`` is printed
``3.8 × 10²⁵`` with superscript digits everywhere (no ``*`` or ``^``). Non-breaking spaces
keep a box with its label and a number with its unit on one line, and every date is
printed as the Commission's template prints it, DD/MM/YYYY.
"""

from __future__ import annotations

import datetime as dt
import re

from gpai_docs.models.numbers import Quantity

NBSP = "\u00a0"
CHECKED = "☒"
UNCHECKED = "☐"
TIMES = f"{NBSP}×{NBSP}"

_SUPERSCRIPT = str.maketrans("0123456789-+", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺")
_MANTISSA = r"[-+]?\d+(?:[.,]\d+)?"
_EXPONENT = r"(?:\(([-+]?\d{1,4})\)|([-+]?\d{1,4}))"
# 3.8*10^25, 3.8 x 10^25, 3.8×10^25 and a bare 10^24, not preceded by a word or a caret.
_POWER = re.compile(rf"(?<![\w.^])(?:({_MANTISSA})\s*[*x×·]\s*)?10\s*\^\s*{_EXPONENT}")
_E_NOTATION = re.compile(rf"^({_MANTISSA})[eE]([-+]?\d{{1,4}})$")
_UNITS = (
    "%|‰|°C|EUR|USD|€|\\$|FLOP|FLOPs|MWh|kWh|GWh|TWh|Wh|GB|TB|PB|MB|kB|GiB|TiB|tokens?|"
    "images?|hours?|days?|months?|years?|parameters?|documents?|pixels?|GPUs?|"
    "accelerators?|languages?|words?|seconds?|minutes?|weeks?"
)
_NUMBER_UNIT = re.compile(rf"(?<=[\d⁰¹²³⁴⁵⁶⁷⁸⁹]) (?=(?:{_UNITS})(?![\w]))")
# An ISO date that is not part of a name such as "vela-2-2026-03-31".
_ISO_DATE = re.compile(r"(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?![\w-])")


def superscript(exponent: str) -> str:
    return exponent.lstrip("+").translate(_SUPERSCRIPT)


def power(mantissa: str | None, exponent: str) -> str:
    """``power("3.8", "25")`` is ``3.8 × 10²⁵`` (non-breaking); no mantissa gives ``10²⁵``."""
    base = f"10{superscript(exponent)}"
    return f"{mantissa}{TIMES}{base}" if mantissa else base


def numbers(text: str) -> str:
    """Powers of ten typeset and numbers kept with their units, in any text."""
    text = _POWER.sub(lambda m: power(m.group(1), m.group(2) or m.group(3)), text)
    return _NUMBER_UNIT.sub(NBSP, text)


def quantity(value: Quantity) -> str:
    """A number as written by the provider, with its powers of ten typeset."""
    written = value.text.strip()
    match = _E_NOTATION.match(written)
    if match:
        return power(match.group(1), match.group(2))
    return numbers(written)


def date(value: dt.date) -> str:
    """The template's date format, DD/MM/YYYY."""
    return value.strftime("%d/%m/%Y")


def dates(text: str) -> str:
    """ISO dates inside a sentence (e.g. a finding's message) in the template's format."""
    return _ISO_DATE.sub(lambda m: f"{m.group(3)}/{m.group(2)}/{m.group(1)}", text)


def box(checked: bool, label: str) -> str:
    """A check box and its label, never split at a line break."""
    return f"{CHECKED if checked else UNCHECKED}{NBSP}{label}"


def version_label(version: str) -> str:
    """``Version 2.0`` for ``2.0`` and ``v2.0`` alike (never ``vv2.0``)."""
    text = version.strip()
    if re.match(r"^[vV]\d", text):
        text = text[1:]
    return f"Version {text}" if text and text[0].isdigit() else text
