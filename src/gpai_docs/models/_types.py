"""Value types shared by the three documents: answers, text, numbers, dates, choices.

Every required answer is a value, an explicit ``not_applicable: <reason>`` or an explicit
``to_be_provided: true`` (a draft); a blank is never accepted in silence.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Discriminator,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    Tag,
)

from gpai_docs.models._base import StrictModel
from gpai_docs.models._number_text import negative_problem, separator_problem

T = TypeVar("T")

_PLACEHOLDERS = {
    "n/a",
    "na",
    "n.a.",
    "n.a",
    "tbd",
    "tba",
    "todo",
    "-",
    "--",
    "?",
    "...",
    "…",
    "xxx",
}


def is_placeholder(text: str) -> bool:
    """Whether text is a stand-in such as ``N/A`` or ``TBD`` rather than an answer."""
    return text.strip().lower() in _PLACEHOLDERS


def _reject_placeholder(text: str) -> str:
    if is_placeholder(text):
        raise ValueError(
            f"{text!r} is a placeholder, not an answer: write `not_applicable: <reason>` "
            "or `to_be_provided: true`"
        )
    return text


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_reject_placeholder),
]
"""Non-blank text that is not a placeholder."""


class NotApplicable(StrictModel):
    """An explicit "not applicable", with the reason."""

    not_applicable: Text


class ToBeProvided(StrictModel):
    """An explicit "to be provided": the answer is still missing (draft)."""

    to_be_provided: Literal[True] | Text


FORM_NA = "N/A"


def _normalise_form_na(value: Any) -> Any:
    return FORM_NA if isinstance(value, str) and is_placeholder(value) else value


FormNA = Annotated[Literal["N/A"], BeforeValidator(_normalise_form_na)]
"""The Form's literal ``N/A``, accepted only where the Form itself allows it."""


def _answer_kind(value: Any) -> str:
    if isinstance(value, dict):
        if "not_applicable" in value:
            return "~not_applicable"
        if "to_be_provided" in value:
            return "~to_be_provided"
    if isinstance(value, NotApplicable):
        return "~not_applicable"
    if isinstance(value, ToBeProvided):
        return "~to_be_provided"
    return "~value"


def _answer_kind_na(value: Any) -> str:
    if isinstance(value, str) and is_placeholder(value):
        return "~form_na"
    return _answer_kind(value)


Answer = Annotated[
    Annotated[T, Tag("~value")]
    | Annotated[NotApplicable, Tag("~not_applicable")]
    | Annotated[ToBeProvided, Tag("~to_be_provided")],
    Discriminator(_answer_kind),
]
"""A required answer: a value, ``not_applicable: <reason>`` or ``to_be_provided: true``."""

AnswerNA = Annotated[
    Annotated[T, Tag("~value")]
    | Annotated[NotApplicable, Tag("~not_applicable")]
    | Annotated[ToBeProvided, Tag("~to_be_provided")]
    | Annotated[FormNA, Tag("~form_na")],
    Discriminator(_answer_kind_na),
]
"""An answer where the Form also accepts its literal ``N/A``."""


def given(answer: object) -> bool:
    """Whether an answer holds a real value (not N/A, not pending, not absent)."""
    return (
        answer is not None
        and answer != FORM_NA
        and not isinstance(answer, NotApplicable | ToBeProvided)
    )


def pending(answer: object) -> bool:
    return isinstance(answer, ToBeProvided)


# --- numbers ---------------------------------------------------------------

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


# --- dates -----------------------------------------------------------------

_DMY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\s*$")


def _parse_date(raw: Any) -> Any:
    if isinstance(raw, str):
        match = _DMY.match(raw)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year + 2000 if year < 100 else year, month, day)
    return raw


Date = Annotated[dt.date, BeforeValidator(_parse_date, json_schema_input_type=str)]
"""A calendar date: ``2025-08-02`` (also ``02/08/25`` as printed in the template)."""


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


# --- choices ---------------------------------------------------------------


def _fold(text: str) -> str:
    words = re.findall(r"[a-z0-9<>]+", text.lower().replace("–", "-").replace("—", "-"))
    return "".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words)


def choice(values: tuple[str, ...], aliases: dict[str, str] | None = None) -> PlainValidator:
    """Restrict a string to ``values``, matched leniently and stored in canonical form.

    Use as ``Annotated[str, choice(values)]``.

    Published filings print labels slightly differently ("1billion to 10 trillions
    tokens"); the canonical wording is what gets stored and printed.
    """
    folded = {_fold(v): v for v in values}
    folded.update({_fold(k): v for k, v in (aliases or {}).items()})

    def canonical(raw: Any) -> str:
        if isinstance(raw, str):
            found = folded.get(_fold(raw))
            if found is not None:
                return found
        allowed = ", ".join(repr(v) for v in values)
        raise ValueError(f"{raw!r} is not one of the allowed values: {allowed}")

    return PlainValidator(canonical, json_schema_input_type=Literal[values])


# --- Yes/No questions of the summary template -------------------------------

_YES = {"yes", "y", "true"}
_NO = {"no", "n", "false"}


class YesNo(StrictModel):
    """A template question's answer: Yes or No, optionally qualified, or Other with text."""

    answer: Literal["yes", "no", "other"]
    qualification: Text | None = None

    @property
    def yes(self) -> bool:
        return self.answer == "yes"

    @property
    def no(self) -> bool:
        return self.answer == "no"

    def __str__(self) -> str:
        word = self.answer.capitalize()
        return f"{word} ({self.qualification})" if self.qualification else word


def _coerce_yes_no(raw: Any) -> Any:
    if isinstance(raw, bool):
        return {"answer": "yes" if raw else "no"}
    if isinstance(raw, str):
        folded = raw.strip().lower()
        if folded in _YES:
            return {"answer": "yes"}
        if folded in _NO:
            return {"answer": "no"}
        if folded == "other":
            return {"answer": "other"}
        raise ValueError(f"{raw!r} is not an answer to a Yes/No question; write Yes or No")
    if isinstance(raw, dict) and isinstance(raw.get("answer"), str | bool):
        inner = _coerce_yes_no(raw["answer"])
        return {**raw, "answer": inner["answer"]}
    return raw


YesNoAnswer = Annotated[
    YesNo,
    BeforeValidator(
        _coerce_yes_no,
        json_schema_input_type=bool | Literal["Yes", "No", "Other", "yes", "no", "other"] | YesNo,
    ),
]
"""``Yes``/``No`` (or true/false), or ``{answer: Yes, qualification: "..."}``."""
