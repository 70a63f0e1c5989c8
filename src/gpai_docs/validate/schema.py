"""Turn pydantic's validation errors into diagnostics, keyed by pydantic's error ``type``."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from gpai_docs.diagnostics import Diagnostic, JsonPath, Severity
from gpai_docs.load.source_map import SourceMap
from gpai_docs.models.walk import field_at, fields_of

_ANSWER_HINT = "Give a value, `not_applicable: <reason>`, or `to_be_provided: true` for a draft."
_REFERENCE = "gpai-docs schema"
# Validators quote the offending input; a 1 MB one-liner must not become a 1 MB message.
MAX_MESSAGE_CHARS = 300

# pydantic error type -> (code, hint); anything not listed is SC099.
_BY_TYPE: dict[str, tuple[str, str | None]] = {
    "missing": ("SC001", _ANSWER_HINT),
    "extra_forbidden": ("SC002", "Remove the field or fix its spelling."),
    "literal_error": ("SC004", "Use one of the allowed values."),
    "enum": ("SC004", "Use one of the allowed values."),
    "too_short": ("SC005", "Add at least one entry."),
    "too_long": ("SC005", "Remove entries."),
    "greater_than": ("SC005", None),
    "greater_than_equal": ("SC005", None),
    "less_than": ("SC005", None),
    "less_than_equal": ("SC005", None),
    "string_pattern_mismatch": ("SC005", None),
    "finite_number": ("SC005", "Write a finite number."),
    "value_error": ("SC006", None),
    "assertion_error": ("SC006", None),
}
# A finding always says how to fix it; these cover errors whose type has no specific hint.
_FALLBACK_HINTS = {
    "SC003": "Write the value in the form this field takes; `gpai-docs schema` shows each field.",
    "SC005": "Bring the value within the allowed range or length.",
    "SC006": "Correct the value as the message says; `gpai-docs schema` shows each field.",
    "SC099": "Correct the value; `gpai-docs schema` shows what each field accepts.",
}
_TYPE_SUFFIXES = ("_type", "_parsing")
_TYPE_HINTS = {
    "date": "Write dates as YYYY-MM-DD, for example 2025-08-02.",
    "bool": "Write true or false.",
    "list": "Write a list: one `- item` per line.",
    "dict": "Write a mapping of fields (`name: value` lines).",
    "model": "Write a mapping of fields (`name: value` lines).",
    "int": "Write a whole number.",
    "float": "Write a number.",
    "string": "Write text.",
}


def _clean_loc(loc: tuple[int | str, ...]) -> JsonPath:
    # Union branch tags ("~value") and pydantic's internal markers are not field names.
    return tuple(
        p
        for p in loc
        if not (isinstance(p, str) and (p.startswith("~") or p.startswith("function-")))
    )


def known_fields(model: type[BaseModel], path: JsonPath) -> list[str]:
    """The field names allowed at ``path`` (the parent of a misspelt key).

    Below a field, they are those of the first model its annotation names: the record it
    holds, or for an answer without one, the `not_applicable` wrapper.
    """
    if not any(isinstance(part, str) for part in path):
        return [field.name for field in fields_of(model)]
    node = field_at(model, path)
    if node is None or not node.field.models:
        return []
    return [field.name for field in fields_of(node.field.models[0])]


# A plain scalar as written: up to a blank, a comma, a closing bracket or a comment.
_SCALAR = re.compile(r"[^\s,\]\}#]+")


def _written(source: list[str], line: int | None, column: int | None) -> str | None:
    """The scalar the user wrote at ``line``:``column`` (1-based), if there is one."""
    if line is None or column is None or not 0 < line <= len(source):
        return None
    found = _SCALAR.match(source[line - 1], column - 1)
    return found.group() if found else None


def _quote_hint(item: Any, source: list[str], line: int | None, column: int | None) -> str | None:
    """For a number or true/false where text is asked: quote it, as written."""
    value = item.get("input")
    if not isinstance(value, int | float) or item["type"] != "string_type":
        return None
    written = _written(source, line, column) or str(value).lower()
    return (
        f'Quote it: "{written}". Unquoted, YAML reads {written} as a '
        f"{'true/false value' if isinstance(value, bool) else 'number'}, not as text."
    )


def _flow_comma_hint(
    name: str, source: list[str], line: int | None, column: int | None
) -> str | None:
    """An unknown key after a comma inside ``{…}``: the comma ended the value before it."""
    if line is None or not 0 < line <= len(source):
        return None
    text = source[line - 1]
    at = column - 1 if column is not None else text.find(name)
    opening, closing = text.rfind("{", 0, at), text.find("}", at)
    if opening < 0 or closing < 0 or "," not in text[opening:closing]:
        return None
    key, colon, value = text[opening + 1 : closing].partition(":")
    quoted = f'{{{key.strip()}: "{value.strip()}"}}' if colon and '"' not in value else None
    example = f" `{quoted}`" if quoted else ""
    return (
        f"Inside `{{…}}` a comma separates fields, so YAML read `{name}` as a field of its "
        f"own. The value needs quotes:{example or ' put it in double quotes'}."
    )


def _choice_hint(item: Any) -> str | None:
    """``Did you mean …?`` for a value close to one of the allowed ones (the choice
    validator of ``models.choices`` finds it, in folded form)."""
    close = (item.get("ctx") or {}).get("suggestion")
    return f"Did you mean `{close}`? Use one of the allowed values." if close else None


def _code_and_hint(error_type: str) -> tuple[str, str | None]:
    if error_type in _BY_TYPE:
        return _BY_TYPE[error_type]
    if error_type.endswith(_TYPE_SUFFIXES) or error_type.startswith("date_"):
        kind = error_type.split("_")[0]
        return "SC003", _TYPE_HINTS.get(kind)
    return "SC099", None


def diagnostics_from(
    error: ValidationError,
    model: type[BaseModel],
    source_map: SourceMap,
    source: str | None = None,
) -> Iterator[Diagnostic]:
    """One diagnostic per pydantic error, at the line and column the user wrote.

    ``source``, the document's text, lets a hint quote what was written there.
    """
    # Lines as YAML counts them (the source map's line numbers), not as str.splitlines.
    lines = re.split("\r\n|[\r\n\x85\u2028\u2029]", source) if source is not None else []
    for item in error.errors(include_url=False):
        path = _clean_loc(item["loc"])
        kind = item["type"]
        code, hint = _code_and_hint(kind)
        message = str(item["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        name = str(path[-1]) if path else "document"
        at_value = kind not in ("missing", "extra_forbidden")
        location = source_map.locate(path, at_value=at_value)
        if kind == "missing":
            message = f"Required field `{name}` is missing"
        elif kind == "extra_forbidden":
            message = f"Unknown field `{name}`"
            allowed = known_fields(model, path[:-1])
            close = difflib.get_close_matches(name, allowed, n=1)
            hint = (
                _flow_comma_hint(name, lines, location.line, location.column)
                or (f"Did you mean `{close[0]}`?" if close else None)
                or (f"Allowed here: {', '.join(allowed)}." if allowed else hint)
            )
        elif (item.get("input") is None and kind.endswith("_type")) or kind == "string_too_short":
            code, message, hint = "SC007", f"`{name}` is blank", _ANSWER_HINT
        elif code == "SC004":
            hint = _choice_hint(item) or hint
        elif code == "SC003":
            hint = _quote_hint(item, lines, location.line, location.column) or hint
        hint = hint or _FALLBACK_HINTS.get(code)
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
