"""The words of a schema finding: what is wrong with this answer, and how to write it.

pydantic's own wording ("Input should be a valid dictionary or instance of TopDomains")
never reaches a user: each error is described from the place it points at (the field and
what it takes, :mod:`gpai_docs.validate.schema_place`) and from what was written. The
text our own validators raise is kept: it already speaks to the user.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic_core import PydanticKnownError

from gpai_docs.models.answers import NotApplicable
from gpai_docs.validate.schema_examples import (
    YES_NO_EXAMPLE,
    example,
    expected,
    flow_scalar,
    given,
)
from gpai_docs.validate.schema_place import Place

_LIMITS = {
    "greater_than": "more than {gt}",
    "greater_than_equal": "{ge} or more",
    "less_than": "less than {lt}",
    "less_than_equal": "{le} or less",
    "multiple_of": "a multiple of {multiple_of}",
}
# Error types a plain description of the field's type covers, by their words.
_TYPE_WORDS = {
    "string": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "date": "a date",
    "list": "a list",
    "dict": "a mapping",
    "model": "a mapping",
    "url": "a web address",
}
_QUALIFIED = re.compile(r"^\s*(yes|no)\b[\s,.;:()\-–—]+(\S.*)$", re.IGNORECASE | re.DOTALL)


@cache
def _template(kind: str) -> re.Pattern[str] | None:
    """pydantic's message for an error type, as a pattern (``{x}`` matching anything)."""
    context: dict[str, Any] = {}
    for _ in range(6):  # each try names one more key the template needs
        try:
            text = PydanticKnownError(kind, context or None).message_template  # type: ignore[arg-type]  # kind is any string pydantic may report
        except KeyError:
            return None
        except (TypeError, ValueError) as error:
            needed = re.search(r"'(\w+)' required in context", str(error))
            if needed is None:
                return None
            context[needed[1]] = ""
            continue
        parts = re.split(r"\{\w+\}", text)
        return re.compile(".*?".join(re.escape(part) for part in parts), re.DOTALL)
    return None


def is_pydantic_wording(kind: str, message: str) -> bool:
    """Whether ``message`` is pydantic's own (not the text one of our validators raised)."""
    if kind in ("value_error", "assertion_error"):
        return False
    pattern = _template(kind)
    return pattern is None or pattern.fullmatch(message) is not None


def subject(place: Place) -> str:
    """The answer an error is about, as the message names it."""
    names = [p for p in place.path if isinstance(p, str)]
    name = f"`{names[-1]}`" if names else "The document"
    if place.answer is not None and names and names[-1] != place.answer.name:
        name = f"`{names[-1]}` of `{place.answer.name}`"
    if place.path and isinstance(place.path[-1], int):
        return f"Item {place.path[-1] + 1} of {name}"
    return name


def _written(value: object) -> str:
    words = given(value)
    if isinstance(value, str) and value.strip():
        shown = value.strip() if len(value.strip()) <= 40 else value.strip()[:39] + "…"
        return f"{words} {shown!r}"
    return words


def _expected_by_type(item: Any) -> str:
    if item["type"] == "literal_error":
        return str((item.get("ctx") or {}).get("expected", "one of the allowed values")).lower()
    return _TYPE_WORDS.get(item["type"].split("_")[0], "a value of another form")


def message_for(items: list[Any], place: Place) -> str:
    """One sentence: what is wrong with the answer at ``place`` (one item per union branch)."""
    item = items[0]
    kind, ctx = item["type"], item.get("ctx") or {}
    what = subject(place)
    if len(items) > 1:  # one error per branch of a union: name every accepted form
        forms = " or ".join(dict.fromkeys(_expected_by_type(i) for i in items))
        return f"{what} should be {forms}, not {_written(item.get('input'))}"
    message = str(item["msg"])
    if not is_pydantic_wording(kind, message):
        return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "missing":
        return f"Required field `{place.name}` is missing"
    if kind == "extra_forbidden":
        return f"Unknown field `{place.name}`"
    if kind in _LIMITS:
        return f"{what} should be {_LIMITS[kind].format(**ctx)}, not {item.get('input')!r}"
    if kind in ("too_short", "too_long"):
        bound = ctx.get("min_length" if kind == "too_short" else "max_length")
        word = "at least" if kind == "too_short" else "at most"
        return f"{what} should hold {word} {bound} entr{'y' if bound == 1 else 'ies'}"
    if kind == "string_too_long":
        return f"{what} is longer than {ctx.get('max_length')} characters"
    if kind == "string_pattern_mismatch":
        return f"{what} is not written in the form this field takes"
    if kind == "finite_number":
        return f"{what} should be a finite number"
    if kind.startswith("date_from_datetime") and isinstance(item.get("input"), str):
        return f"{what} should be a date without a time of day"
    if kind.startswith(("date_past", "date_future")):
        return f"{what} should be a date in the {kind.split('_')[1]}"
    if kind.startswith("url"):
        return f"{what} should be a web address, such as https://example.com/page"
    return f"{what} should be {expected(place.shape)}, not {_written(item.get('input'))}"


def answer_forms(place: Place) -> str | None:
    """The other answers the field accepts, or None when it takes only a value (or the
    error is inside one of them: the fix then shows its form)."""
    if not place.accepts_answers or place.answer is None or place.wrapper is not None:
        return None
    name = place.answer.name
    na = f" (or `{name}: N/A`, as the Form allows here)" if place.form_na else ""
    return (
        f"If it does not apply, write `{name}: {{not_applicable: <reason>}}`{na}; "
        f"while it is still open, `{name}: {{to_be_provided: true}}`."
    )


def yes_no_form(place: Place, written: object) -> str | None:
    """How a Yes/No answer is written, qualified or not; None for other fields."""
    if not place.yes_no or place.answer is None:
        return None
    name = place.answer.name
    found = _QUALIFIED.match(written) if isinstance(written, str) else None
    shown = (
        f"{{answer: {found[1].lower()}, qualification: {flow_scalar(found[2].strip())}}}"
        if found
        else YES_NO_EXAMPLE
    )
    return (
        f"Write Yes, No or Other; a qualified answer, 'Other (see below)' or a "
        f"statement that the information cannot be provided goes in `qualification`, "
        f"for example `{name}: {shown}`."
    )


def value_example(place: Place) -> str:
    """A line of YAML for the answer at ``place``: the answered field, or the value there."""
    if place.answer is not None and place.wrapper is None and not place.yes_no:
        return example(place.answer.name, place.answer.shape, place.answer)
    if place.answer is not None and place.yes_no:
        return f"{place.answer.name}: {YES_NO_EXAMPLE}"
    return example(place.name, place.shape, place.field)


def fix_sentence(place: Place, item: Any) -> str | None:
    """How to write the answer, with an example built from the field's type (None for a
    Yes/No answer: :func:`yes_no_form` shows how one is written)."""
    name = place.answer.name if place.answer is not None else place.name
    if place.wrapper is NotApplicable:
        return f"Give the reason as text: `{name}: {{not_applicable: <reason>}}`."
    if place.wrapper is not None:
        return (
            f"Write `{name}: {{to_be_provided: true}}`, or say what is still to come: "
            f'`{name}: {{to_be_provided: "<what and when>"}}`.'
        )
    if item["type"] == "missing":
        parent = [p for p in place.path[:-1] if isinstance(p, str)]
        under = f" under `{parent[-1]}`" if parent else ""
        shown = "" if place.yes_no else f", for example `{value_example(place)}`"
        return f"Add it{under}{shown}."
    if place.yes_no:
        return None
    item_of_list = bool(place.path) and isinstance(place.path[-1], int)
    shape = place.answer.shape if place.answer is not None and not item_of_list else place.shape
    words = expected(shape).split(", such as")[0]  # the example follows
    each = "each item as " if item_of_list else ""
    return f"Write {each}{words}, for example `{value_example(place)}`."
