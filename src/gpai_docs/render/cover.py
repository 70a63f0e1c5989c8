"""What the first page and the running headers of an artifact say, taken from its projection."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from gpai_docs.render import typeset
from gpai_docs.render.artifacts import ArtifactSpec
from gpai_docs.render.audience import Record, project
from gpai_docs.render.environment import plain
from gpai_docs.validate.pipeline import ValidationResult


@dataclass(frozen=True, slots=True)
class Cover:
    """What the first page and the running headers say."""

    title: str
    provider: str
    model: str
    version: str
    date: dt.date
    audience: str
    marking: str | None
    notice: str
    draft: bool
    models: tuple[str, ...] = ()
    cover_page: bool = False  # a cover and a contents page before the body (``--cover``)

    @property
    def heading(self) -> str:
        """The document's title: the template's for the summary, "Title: model" otherwise."""
        if self.spec_document == "training_data_summary":
            names = list(self.models) or [self.model]
            joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            return f"{self.title} for {joined}"
        return f"{self.title}: {self.model}"

    @property
    def short_model(self) -> str:
        """One model name for the running header, however many the document covers."""
        names = self.models or (self.model,)
        more = len(names) - 1
        return names[0] if more <= 0 else f"{names[0]} and {more} more"

    @property
    def version_label(self) -> str:
        return typeset.version_label(self.version)

    @property
    def date_text(self) -> str:
        return typeset.date(self.date)

    spec_document: str = ""


def get_path(record: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(record, Record) or key not in record:
            return None
        record = record[key]
    return record


def text_of(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(plain(v) for v in value) if value else "—"
    return plain(value)


def _public_provider(result: ValidationResult) -> str:
    tds = result.project.model("training_data_summary")
    if tds is None:
        return "—"
    return text_of(get_path(project(tds, "public"), "section_1", "provider", "name"))


def names_of(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return (str(value),) if isinstance(value, str) else ()


def cover_of(
    result: ValidationResult, spec: ArtifactSpec, view: Record | None, draft: bool, cover: bool
) -> Cover:
    provider, model, version, date = "—", "—", "—", result.as_of
    models: tuple[str, ...] = ()
    if spec.document == "model_documentation" and view is not None:
        provider = text_of(get_path(view, "general", "legal_name"))
        model = text_of(get_path(view, "general", "model_name", "name"))
        version = text_of(get_path(view, "document", "version"))
        date = get_path(view, "document", "last_updated") or date
    elif spec.document == "training_data_summary" and view is not None:
        provider = text_of(get_path(view, "section_1", "provider", "name"))
        model = text_of(get_path(view, "section_1", "versioned_model_names"))
        models = names_of(get_path(view, "section_1", "versioned_model_names"))
        version = text_of(get_path(view, "header", "version"))
        date = get_path(view, "header", "last_update") or date
    elif spec.document == "copyright_policy" and view is not None:
        provider = _public_provider(result)
        model = text_of(get_path(view, "document", "models_covered"))
        models = names_of(get_path(view, "document", "models_covered"))
        version = text_of(get_path(view, "document", "version"))
        date = get_path(view, "document", "last_updated") or date
    elif spec.document == "validation_report":
        md = result.project.model("model_documentation")
        full = project(md, "aio") if md is not None else None
        provider = text_of(get_path(full, "general", "legal_name"))
        model = text_of(get_path(full, "general", "model_name", "name"))
        version = f"Rule pack {result.pack.version}"
    if not isinstance(date, dt.date):
        # A date kept as written because its day and month could swap (DT001) is not a
        # date: the cover takes the run's reference date, as the deadlines do.
        date = result.as_of
    return Cover(
        spec.title,
        provider,
        model,
        version,
        date,
        spec.audience_name,
        spec.marking,
        _with_law(spec.notice, result),
        draft,
        models,
        cover,
        spec.document,
    )


def _with_law(notice: str, result: ValidationResult) -> str:
    """The artifact's notice, citing the AI Act as amended (a rule-pack fact, so that a
    further amendment is one data change)."""
    return f"{notice} Law applied: {result.pack.cite('legal_basis')}."
