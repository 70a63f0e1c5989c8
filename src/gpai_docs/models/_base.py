"""The base model and the field helper that attaches catalogue ids and audiences."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, ClassVar, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, model_validator

from gpai_docs.law.catalogue import AUDIENCES, entry
from gpai_docs.models.not_applicable_words import is_not_applicable


class StrictModel(BaseModel):
    """Unknown keys are errors, text is stripped, NaN and Infinity are refused.

    A record that published documents write as one sentence (the robots.txt commitment in
    prose) or as a bare yes/no names the field that takes it: ``written_text`` (with
    ``written_text_implies``, what such a sentence states besides) and ``written_flag``.
    So the sentence loads, kept as written, and the rules judge it (issue 12).
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        allow_inf_nan=False,
        populate_by_name=True,
        defer_build=True,
    )

    written_text: ClassVar[str | None] = None
    written_text_implies: ClassVar[Mapping[str, Any]] = {}
    written_flag: ClassVar[str | None] = None

    @model_validator(mode="before")
    @classmethod
    def _record_written_as_one_value(cls, value: Any) -> Any:
        if isinstance(value, bool) and cls.written_flag is not None:
            return {cls.written_flag: value}
        if isinstance(value, str) and value.strip() and cls.written_text is not None:
            return {**cls.written_text_implies, cls.written_text: value}
        if isinstance(value, dict):
            return _one_item_lists(cls, value)
        return value


def _one_item_lists(cls: type[BaseModel], value: dict[str, Any]) -> dict[str, Any]:
    """A list of names or choices written as one text (``crawler_names: GPTBot``) is that
    one item, as written: never split at commas, which may belong to a name."""
    lists = scalar_list_fields(cls)
    written = [
        name
        for name in lists
        if isinstance(value.get(name), str) and not is_not_applicable(value[name])
    ]
    return {**value, **{name: [value[name]] for name in written}} if written else value


def _holds_a_record(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_a_record(arg) for arg in get_args(annotation))


def _lists_in(annotation: Any) -> Iterator[Any]:
    """The ``list[...]`` types an annotation admits (through unions and Annotated)."""
    if get_origin(annotation) is list:
        yield annotation
        return
    for arg in get_args(annotation):
        yield from _lists_in(arg)


@cache
def scalar_list_fields(cls: type[BaseModel]) -> frozenset[str]:
    """The fields of ``cls`` that take a list of texts or choices (not of records)."""
    return frozenset(
        name
        for name, info in cls.model_fields.items()
        if any(not _holds_a_record(found) for found in _lists_in(info.annotation))
    )


def spec(
    catalogue_id: str,
    *,
    audience: tuple[str, ...] | None = None,
    description: str | None = None,
    example: Any = None,
    section: str | None = None,
    default: Any = ...,
    default_factory: Any = None,
    title: str | None = None,
) -> Any:
    """A field tied to its requirement: catalogue id, audiences, label, example.

    Audiences default to the catalogue's (one data change corrects an unconfirmed tick).
    """
    item = entry(catalogue_id)
    audiences = audience if audience is not None else item.audience
    unknown = set(audiences) - set(AUDIENCES)
    if unknown:
        raise ValueError(f"unknown audience(s) {sorted(unknown)} for {catalogue_id}")
    extra: dict[str, Any] = {
        "x-catalogue-id": catalogue_id,
        "x-audience": list(audiences),
        "x-confidence": item.confidence,
    }
    if section is not None:
        extra["x-section"] = section
    text = _describe(description or item.label, example, audiences, catalogue_id)
    examples = [example] if example is not None else None
    if default_factory is not None:
        return Field(
            default_factory=default_factory,
            title=title or item.label,
            description=text,
            examples=examples,
            json_schema_extra=extra,
        )
    return Field(
        default,
        title=title or item.label,
        description=text,
        examples=examples,
        json_schema_extra=extra,
    )


def _describe(text: str, example: Any, audiences: tuple[str, ...], catalogue_id: str) -> str:
    """The help an editor shows on hover: what is asked, an example, and who will see it."""
    parts = [text]
    if example is not None:
        parts.append(f"Example: `{example}`")
    readers = [_AUDIENCE_NAMES[a] for a in audiences]
    shown = ", ".join(readers) if readers else "nobody (kept with the provider)"
    parts.append(f"Shown to: {shown}. Requirement: {catalogue_id}.")
    return "\n\n".join(parts)


_AUDIENCE_NAMES = {
    "aio": "AI Office",
    "nca": "national competent authorities",
    "dp": "downstream providers",
    "public": "the public",
    "internal": "the provider only",
}


def section(number: str, title: str, catalogue_id: str | None = None) -> Any:
    """A document section: a container field with the template's or Form's numbering."""
    extra: dict[str, Any] = {"x-section": number}
    if catalogue_id is not None:
        extra["x-catalogue-id"] = catalogue_id
    return Field(..., title=f"{number} {title}".strip(), json_schema_extra=extra)
