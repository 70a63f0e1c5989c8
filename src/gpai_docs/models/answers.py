"""Answers: text, and the explicit "not applicable" and "to be provided" of every field.

Every required answer is a value, an explicit ``not_applicable: <reason>`` or an explicit
``to_be_provided: true`` (a draft); a blank is never accepted in silence.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Discriminator,
    StringConstraints,
    Tag,
)

from gpai_docs.models._base import StrictModel

T = TypeVar("T")

# "N/A" and "Not applicable" are one answer, however written: the Form's N/A where the
# Form allows it, and elsewhere an answer that still has to say why it does not apply.
_NOT_APPLICABLE = {
    "n/a",
    "n/a.",
    "na",
    "n.a.",
    "n.a",
    "not applicable",
    "not applicable.",
    "not-applicable",
}
_PLACEHOLDERS = _NOT_APPLICABLE | {
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
    return " ".join(text.split()).lower() in _PLACEHOLDERS


def is_not_applicable(text: str) -> bool:
    """Whether text is ``N/A`` or ``Not applicable`` (in any case, with or without a dot)."""
    return " ".join(text.split()).lower() in _NOT_APPLICABLE


def _reject_placeholder(text: str) -> str:
    if is_not_applicable(text):
        raise ValueError(
            f"{text!r} says the answer does not apply without saying why: write "
            "`not_applicable: <reason>`, or `to_be_provided: true` if it is still open"
        )
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
    return FORM_NA if isinstance(value, str) and is_not_applicable(value) else value


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
    if isinstance(value, str) and is_not_applicable(value):
        return "~form_na"  # "TBD" is no N/A: it is refused as the placeholder it is
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
