"""Turn pydantic's validation errors into diagnostics, keyed by pydantic's error ``type``.

The code comes from the error's type (SC001 missing … SC099 anything else); the words come
from :mod:`gpai_docs.validate.schema_messages`: what is wrong with the answer and how to
write it, with an example built from the field's type. pydantic's own wording never shows.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from gpai_docs.diagnostics import Diagnostic, Location, Severity
from gpai_docs.load.source_map import SourceMap
from gpai_docs.models.walk import fields_of
from gpai_docs.validate.schema_examples import example_value, flow_scalar
from gpai_docs.validate.schema_messages import (
    answer_forms,
    fix_sentence,
    message_for,
    subject,
    value_example,
    yes_no_form,
)
from gpai_docs.validate.schema_place import Place, place_of

_REFERENCE = "gpai-docs schema"
# Validators quote the offending input; a 1 MB one-liner must not become a 1 MB message.
MAX_MESSAGE_CHARS = 300

# pydantic error type -> code; anything not listed is SC003 (a type) or SC099.
_CODES = {
    "missing": "SC001",
    "extra_forbidden": "SC002",
    "literal_error": "SC004",
    "enum": "SC004",
    "too_short": "SC005",
    "too_long": "SC005",
    "greater_than": "SC005",
    "greater_than_equal": "SC005",
    "less_than": "SC005",
    "less_than_equal": "SC005",
    "multiple_of": "SC005",
    "string_too_long": "SC005",
    "string_pattern_mismatch": "SC005",
    "finite_number": "SC005",
    "value_error": "SC006",
    "assertion_error": "SC006",
}
_TYPE_SUFFIXES = ("_type", "_parsing")


def _code(error_type: str) -> str:
    if error_type in _CODES:
        return _CODES[error_type]
    if error_type.endswith(_TYPE_SUFFIXES) or error_type.startswith(("date_", "union_tag")):
        return "SC003"
    return "SC099"


# A plain scalar as written: up to a blank, a comma, a closing bracket or a comment.
_SCALAR = re.compile(r"[^\s,\]\}#]+")


def _written(source: list[str], line: int | None, column: int | None) -> str | None:
    """The scalar the user wrote at ``line``:``column`` (1-based), if there is one."""
    if line is None or column is None or not 0 < line <= len(source):
        return None
    found = _SCALAR.match(source[line - 1], column - 1)
    return found.group() if found else None


def _quote_hint(item: Any, place: Place, source: list[str], at: Location) -> str | None:
    """For a number or true/false where text is asked: quote it, as written."""
    value = item.get("input")
    if not isinstance(value, int | float) or item["type"] != "string_type":
        return None
    written = _written(source, at.line, at.column) or str(value).lower()
    return (
        f'Quote it: "{written}". Unquoted, YAML reads {written} as a '
        f"{'true/false value' if isinstance(value, bool) else 'number'}, not as text: "
        f'for example `{place.name}: "{written}"`.'
    )


def _flow_comma_hint(name: str, source: list[str], at: Location) -> str | None:
    """An unknown key after a comma inside ``{…}``: the comma ended the value before it."""
    if at.line is None or not 0 < at.line <= len(source):
        return None
    text = source[at.line - 1]
    column = at.column - 1 if at.column is not None else text.find(name)
    opening, closing = text.rfind("{", 0, column), text.find("}", column)
    if opening < 0 or closing < 0 or "," not in text[opening:closing]:
        return None
    key, colon, value = text[opening + 1 : closing].partition(":")
    quoted = f'{{{key.strip()}: "{value.strip()}"}}' if colon and '"' not in value else None
    example = f" `{quoted}`" if quoted else ""
    return (
        f"Inside `{{…}}` a comma separates fields, so YAML read `{name}` as a field of its "
        f"own. The value needs quotes:{example or ' put it in double quotes'}."
    )


def _unknown_key_hint(model: type[BaseModel], place: Place) -> str:
    """Did you mean …, or the fields allowed here, with an example of one of them."""
    parent = place.parent if place.parent is not None else model
    fields = {spec.name: spec for spec in fields_of(parent)}
    close = difflib.get_close_matches(place.name, list(fields), n=1)
    if close:
        spec = fields[close[0]]
        shown = example_value(spec.shape, spec)
        return f"Did you mean `{close[0]}`? For example `{close[0]}: {shown}`."
    if not fields:
        return "Remove it: nothing may be written here."
    first = next(iter(fields.values()))
    return (
        f"Remove it or correct its spelling. Allowed here: {', '.join(fields)}; for example "
        f"`{first.name}: {example_value(first.shape, first)}`."
    )


def _choice_hint(item: Any, place: Place) -> str:
    """``Did you mean …?`` for a value close to an allowed one (the choice validator of
    ``models.choices`` finds it, in folded form), and an example of an allowed value."""
    close = (item.get("ctx") or {}).get("suggestion")
    if not close:
        return f"Use one of the allowed values, for example `{value_example(place)}`."
    name = place.answer.name if place.answer is not None else place.name
    shown = flow_scalar(close)
    shown = f"[{shown}]" if place.path and isinstance(place.path[-1], int) else shown
    return f"Did you mean `{close}`? Use one of the allowed values, for example `{name}: {shown}`."


def _words(items: list[Any], place: Place, model: type[BaseModel], lines: list[str],
           at: Location) -> tuple[str, str, str]:  # fmt: skip
    """The code, message and hint of one finding (one error, or one per union branch)."""
    item = items[0]
    kind, value = item["type"], item.get("input")
    code, message = _code(kind), message_for(items, place)
    fix = fix_sentence(place, item)
    if kind == "extra_forbidden":
        first = _flow_comma_hint(place.name, lines, at) or _unknown_key_hint(model, place)
        return code, message, " ".join(filter(None, [first, yes_no_form(place, None)]))
    if (value is None and kind.endswith("_type")) or kind == "string_too_short":
        code, message = "SC007", f"{subject(place)} is blank"
    elif len(items) > 1:
        code = "SC003"  # a union's branches: the value has none of the accepted forms
    elif place.wrapper is not None or place.yes_no:
        pass  # the wrapper's form, or the Yes/No form, shows how it is written
    elif code == "SC004":
        fix = _choice_hint(item, place)
    elif code == "SC003":
        fix = _quote_hint(item, place, lines, at) or fix
    forms = [yes_no_form(place, value), answer_forms(place)]
    return code, message, " ".join(filter(None, [fix, *forms]))


def _grouped(items: list[Any], model: type[BaseModel]) -> Iterator[tuple[list[Any], Place]]:
    """The errors with their places; a plain union's branches at one place become one."""
    groups: dict[tuple[Any, ...], tuple[list[Any], Place]] = {}
    for number, item in enumerate(items):
        place = place_of(model, tuple(item["loc"]))
        key = ("union", place.path) if place.branch is not None else (number,)
        groups.setdefault(key, ([], place))[0].append(item)
    yield from groups.values()


def diagnostics_from(
    error: ValidationError,
    model: type[BaseModel],
    source_map: SourceMap,
    source: str | None = None,
) -> Iterator[Diagnostic]:
    """One diagnostic per wrong answer, at the line and column the user wrote.

    ``source``, the document's text, lets a hint quote what was written there.
    """
    # Lines as YAML counts them (the source map's line numbers), not as str.splitlines.
    lines = re.split("\r\n|[\r\n\x85\u2028\u2029]", source) if source is not None else []
    for items, place in _grouped(error.errors(include_url=False), model):
        kind = items[0]["type"]
        at_value = kind not in ("missing", "extra_forbidden")
        location = source_map.locate(place.path, at_value=at_value)
        code, message, hint = _words(items, place, model, lines, location)
        if len(message) > MAX_MESSAGE_CHARS:
            message = message[: MAX_MESSAGE_CHARS - 1] + "…"
        yield Diagnostic(
            code=code,
            severity=Severity.ERROR,
            message=message.rstrip(".") + ".",
            location=location,
            hint=hint,
            reference=_REFERENCE,
        )
