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
"""

from __future__ import annotations

import re

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
