"""What the JSON Schema adds to a model's picture: the shapes its validators also take.

- A collection period written as one text (``period: Approximately 2018 – December
  2025``): ``Period`` reads it before its fields (``written_months.read_period``).
- A Yes/No answer in a record (``{answer: Yes, qualification: …}``) in the words the plain
  answer takes (``Yes``, ``no``, true), as ``choices._coerce_yes_no`` reads it.
- A bare ``N/A`` where a field takes ``not_applicable:`` (``NotApplicable``'s reading).
- A record written as one sentence or a bare yes/no (the robots.txt commitment in prose,
  the prohibition quoted): ``StrictModel.written_text`` and ``written_flag``.
- A list of texts or choices written as its one item (``crawler_names: GPTBot``).
- A band in ``{band:, text:}`` printed in the provider's spacing ("1billion to 10
  trillions tokens"), matched as ``choices._fold`` matches it: any case, any spacing or
  punctuation between letters and digits, a plural ``s`` added or dropped.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from gpai_docs.models._base import scalar_list_fields
from gpai_docs.models.answers import NotApplicable
from gpai_docs.models.choices import YesNo
from gpai_docs.models.not_applicable_words import NOT_APPLICABLE
from gpai_docs.models.written_months import Period

# The period as one text: a string beside the object (``properties`` apply to objects only).
_PERIOD_TEXT = {
    "type": ["object", "string"],
    "minLength": 1,
    "description": "A collection period: `start:` and `end:` (MM/YYYY), with `text:` (the "
    "period as written) beside them or alone; or the period as one text in the provider's "
    "words, whose months are read from it.",
    "examples": [{"start": "01/2024", "end": "06/2026"}, "Approximately 2018 – December 2025"],
}
_ANSWER_WORDS = ["Yes", "No", "Other", "yes", "no", "other"]
_SEP = "[^A-Za-z0-9<>]*"  # what the fold drops between letters and digits


def lenient_pattern(label: str) -> str:
    """A pattern for ``label`` in any case and spacing, a plural ``s`` added or dropped."""
    words = re.findall(r"[a-z0-9<>]+", label.lower())
    parts = []
    for word in words:
        stem = word[:-1] if word.endswith("s") and len(word) > 3 else word
        letters = _SEP.join(_either_case(c) for c in stem)
        parts.append(letters + ("[Ss]?" if len(stem) >= 3 else ""))
    return f"^{_SEP}{_SEP.join(parts)}{_SEP}$"


def _either_case(char: str) -> str:
    return f"[{char}{char.upper()}]" if char.isalpha() else re.escape(char)


def _band(prop: dict[str, Any]) -> dict[str, Any]:
    """``band``'s enum, and the same bands as printed in another spacing."""
    options = prop.get("anyOf", [prop])
    widened: list[Any] = []
    for option in options:
        widened.append(option)
        if isinstance(option, dict) and "enum" in option:
            widened.append(
                {
                    "type": "string",
                    "pattern": "|".join(f"(?:{lenient_pattern(v)})" for v in option["enum"]),
                    "description": "A band as printed, in other spacing or case",
                }
            )
    rest = {k: v for k, v in prop.items() if k not in ("anyOf", "enum", "type")}
    return {**rest, "anyOf": widened}


def _one_value(cls: type, schema: dict[str, Any]) -> dict[str, Any]:
    """A record also written as one sentence or a bare yes/no (``StrictModel.written_*``)."""
    options: list[Any] = [schema]
    text, flag = getattr(cls, "written_text", None), getattr(cls, "written_flag", None)
    if text is not None:
        options.append(
            {"type": "string", "minLength": 1, "description": f"Written as one text: its `{text}`."}
        )
    if flag is not None:
        options.append({"type": "boolean", "description": f"Written as yes/no: its `{flag}`."})
    if len(options) == 1:
        return schema
    return {"title": schema.get("title", cls.__name__), "anyOf": options}


_ARRAY_KEYS = ("type", "items", "minItems", "maxItems", "uniqueItems")
_ONE_ITEM = {"type": "string", "minLength": 1, "description": "One item, written as one text."}


def _also_one_text(prop: dict[str, Any]) -> dict[str, Any]:
    """A list property that also takes its one item written as a text."""
    if "anyOf" in prop:
        return {**prop, "anyOf": [*prop["anyOf"], _ONE_ITEM]}
    array = {k: v for k, v in prop.items() if k in _ARRAY_KEYS}
    rest = {k: v for k, v in prop.items() if k not in _ARRAY_KEYS}
    return {**rest, "anyOf": [array, _ONE_ITEM]}


def _one_item_lists(cls: type, schema: dict[str, Any]) -> dict[str, Any]:
    """Lists of texts or choices also take one item as text (``StrictModel``'s reading)."""
    props = schema.get("properties")
    if not (isinstance(cls, type) and issubclass(cls, BaseModel)) or not props:
        return schema
    names = scalar_list_fields(cls)
    if not names:
        return schema
    widened = {k: (_also_one_text(v) if k in names else v) for k, v in props.items()}
    return {**schema, "properties": widened}


def _letters(spelling: str) -> str:
    """``spelling`` as a JSON Schema (ECMA-262) pattern, any case, any run of spaces."""
    out = []
    for char in spelling:
        if char.isalpha():
            out.append(f"[{char.upper()}{char}]")
        elif char == " ":
            out.append(r"\s+")
        else:
            out.append(r"\." if char == "." else char)  # "-" and "/" need no escape
    return "".join(out)


#: What ``is_not_applicable`` accepts, for the published JSON Schema.
NOT_APPLICABLE_PATTERN = (
    r"^\s*("
    + "|".join(_letters(s) for s in sorted(NOT_APPLICABLE, key=lambda s: (-len(s), s)))
    + r")\s*$"
)


def _bare_not_applicable(schema: dict[str, Any]) -> dict[str, Any]:
    """``not_applicable:`` with its reason, or the bare N/A read as the reason-less form."""
    bare = {
        "type": "string",
        "pattern": NOT_APPLICABLE_PATTERN,
        "description": 'A bare "N/A": kept as written; PJ005 asks why it does not apply.',
    }
    written = {k: v for k, v in schema.items() if k != "title"}
    return {"title": schema.get("title", "NotApplicable"), "anyOf": [written, bare]}


def as_written(cls: type, schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` (a model's picture) with the shapes its validators also take."""
    if cls is NotApplicable:
        return _bare_not_applicable(schema)
    schema = _one_value(cls, _one_item_lists(cls, schema))
    if cls is Period:
        return {**schema, **_PERIOD_TEXT}
    props = schema.get("properties", {})
    if cls is YesNo:
        words = {"enum": _ANSWER_WORDS, "type": "string"}
        answer = {"title": "Answer", "anyOf": [{"type": "boolean"}, words]}
        return {**schema, "properties": {**props, "answer": answer}}
    if cls.__name__.endswith("SizeWithText") and "band" in props:
        return {**schema, "properties": {**props, "band": _band(props["band"])}}
    return schema
