"""Choices from the template's lists, matched leniently, and its Yes/No questions."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    PlainValidator,
)
from pydantic_core import PydanticCustomError

from gpai_docs.models._base import StrictModel
from gpai_docs.models.answers import Text


def _fold(text: str) -> str:
    """The form choices are compared in: lower case, letters, digits and ``<>`` only, a
    plural ``s`` dropped. Any dash (the template's en dash, an ASCII hyphen, a minus sign)
    and any spacing around it fold away: ``5B–15B``, ``5B-15B`` and ``5B - 15B`` match."""
    words = re.findall(r"[a-z0-9<>]+", text.lower())
    return "".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words)


def suggest(raw: str, values: Iterable[str]) -> str | None:
    """The allowed value closest to ``raw`` (compared in folded form), if one is close."""
    folded = {_fold(v): v for v in values}
    close = difflib.get_close_matches(_fold(raw), list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None


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
        # An "enum" error (SC004, like a Literal's), with the closest value for the hint.
        close = suggest(raw, values) if isinstance(raw, str) else None
        raise PydanticCustomError(
            "enum",
            "{message}",
            {
                "message": f"{raw!r} is not one of the allowed values: {allowed}",
                "suggestion": close,
            },
        )

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


# "Yes, we leveraged data acquisition agreements", "Other (see below)", "No - none used".
_WORD_THEN_TEXT = re.compile(r"(yes|no|other)\b[\s,;:.\-\u2013\u2014]*(.*)", re.I | re.S)


def _yes_no_in_words(text: str) -> dict[str, str]:
    """A Yes/No answer written as a sentence, kept (issue 12: never refused).

    A sentence that starts with Yes, No or Other is that answer qualified by the rest; any
    other sentence ("Information cannot be provided: …") is the template's third box, with
    the sentence as its qualification, which TS005 accepts as the answer's own words.
    """
    match = _WORD_THEN_TEXT.fullmatch(text)
    if match is None:
        return {"answer": "other", "qualification": text}
    rest = match.group(2).strip()
    if rest.startswith("(") and rest.endswith(")"):
        rest = rest[1:-1].strip()
    word = match.group(1).lower()
    return {"answer": word, "qualification": rest} if rest else {"answer": word}


def _answer_word(raw: bool | str) -> str | None:
    """``yes``, ``no`` or ``other`` for the one-word answer (or boolean), else None."""
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    folded = raw.strip().lower()
    if folded in _YES:
        return "yes"
    if folded in _NO:
        return "no"
    return "other" if folded == "other" else None


def _coerce_yes_no(raw: Any) -> Any:
    if isinstance(raw, bool | str):
        word = _answer_word(raw)
        if word is not None:
            return {"answer": word}
        return _yes_no_in_words(str(raw).strip())
    if isinstance(raw, dict) and isinstance(raw.get("answer"), str | bool):
        # the record's answer is the one word: its words go in `qualification`
        word = _answer_word(raw["answer"])
        return {**raw, "answer": word} if word is not None else raw
    return raw


YesNoAnswer = Annotated[
    YesNo,
    BeforeValidator(
        _coerce_yes_no,
        # any text: a sentence is read as the answer it starts with, qualified
        json_schema_input_type=bool
        | Literal["Yes", "No", "Other", "yes", "no", "other"]
        | str
        | YesNo,
    ),
]
"""``Yes``/``No`` (or true/false), or ``{answer: Yes, qualification: "..."}``."""
