"""Answers: text, and the explicit "not applicable" and "to be provided" of every field.

Every required answer is a value, an explicit ``not_applicable: <reason>`` or an explicit
``to_be_provided: true`` (a draft); a blank is never accepted in silence.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BeforeValidator,
    Discriminator,
    StringConstraints,
    Tag,
    model_validator,
)

from gpai_docs.models._base import StrictModel
from gpai_docs.models.not_applicable_words import NOT_APPLICABLE as _NOT_APPLICABLE
from gpai_docs.models.not_applicable_words import is_not_applicable as is_not_applicable
from gpai_docs.yamlio.written import WrittenFloat, WrittenInt

T = TypeVar("T")

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


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-blank text, kept as written.

A placeholder ("N/A", "TBD") loads as the text it is: a published answer is never refused
(issue 12). The rules flag it: PJ005 an N/A without a reason, PJ002 any other placeholder.
"""


def _number_as_written(value: Any) -> Any:
    """An unquoted ``version: 1.10`` is the text ``1.10`` as written (the loaders keep it)."""
    if isinstance(value, WrittenInt | WrittenFloat):
        return value.text
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


VersionText = Annotated[
    str,
    BeforeValidator(_number_as_written, json_schema_input_type=str | int | float),
    StringConstraints(strip_whitespace=True, min_length=1),
]
"""A version: text, or a number written unquoted (``version: 2``, ``1.10``) as written."""


class NotApplicable(StrictModel):
    """An explicit "not applicable", with the reason."""

    # A bare "N/A" (however written) where the field takes not_applicable is read as one with
    # its own words as the reason, so the answer is kept as written; `reason` is then None
    # and rule PJ005 asks why it does not apply.

    not_applicable: Text

    @model_validator(mode="before")
    @classmethod
    def _bare_not_applicable(cls, value: Any) -> Any:
        if isinstance(value, str) and is_not_applicable(value):
            return {"not_applicable": value.strip()}
        return value

    @property
    def reason(self) -> str | None:
        """Why it does not apply; ``None`` when only "N/A" was written."""
        return None if is_not_applicable(self.not_applicable) else self.not_applicable


class ToBeProvided(StrictModel):
    """An explicit "to be provided": the answer is still missing (draft)."""

    to_be_provided: Literal[True] | Text


FORM_NA = "N/A"


def _normalise_form_na(value: Any) -> Any:
    return FORM_NA if isinstance(value, str) and is_not_applicable(value) else value


FormNA = Annotated[Literal["N/A"], BeforeValidator(_normalise_form_na)]
"""The Form's literal ``N/A``, accepted only where the Form itself allows it."""


def _answer_kind(value: Any) -> str:
    if isinstance(value, str) and is_not_applicable(value):
        return "~not_applicable"  # a bare N/A: kept, and PJ005 asks for the reason
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
