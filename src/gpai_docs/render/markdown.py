"""Render one artifact's Markdown from a validation result (pure: no files are written).

Every document is first projected onto its audience (``audience.project``); the
templates see only that projection, the cover facts taken from it, and layout helpers.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from gpai_docs.diagnostics import Severity
from gpai_docs.errors import InternalError
from gpai_docs.fileio import Refused, read_regular
from gpai_docs.law.catalogue import entry
from gpai_docs.load.documents import MAX_BYTES
from gpai_docs.models._types import MonthYear, NotApplicable, Quantity, ToBeProvided, YesNo
from gpai_docs.render import typeset
from gpai_docs.render.artifacts import ArtifactSpec, spec_for
from gpai_docs.render.audience import Record, project
from gpai_docs.render.domains import DomainList, load_domains
from gpai_docs.render.environment import environment, plain
from gpai_docs.render.form import form_parts
from gpai_docs.render.policy import policy_parts
from gpai_docs.render.publication import ChangesSince, header_block
from gpai_docs.render.summary import SummaryLayout, domain_rows
from gpai_docs.validate.pipeline import ValidationResult

_BLANK_RUNS = re.compile(r"\n{3,}")


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


@dataclass(frozen=True)
class RenderedArtifact:
    """One artifact's Markdown, split into header and body, plus what the PDF embeds."""

    spec: ArtifactSpec
    cover: Cover
    header: str
    body: str
    domains: DomainList | None = None
    attachments: tuple[tuple[str, bytes, str], ...] = field(default_factory=tuple)
    html_body: str | None = None  # the layout as HTML (None: the Markdown is converted)
    header_block: Any = None  # the summary's version block (render.cells.Block)
    parts: tuple[Any, ...] = ()  # the layout's parts (render.cells.Part)
    data: Any = None  # the projection as JSON data, for the web page's sidecar

    @property
    def markdown(self) -> str:
        return self.header + self.body.rstrip("\n") + "\n"


def _get(record: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(record, Record) or key not in record:
            return None
        record = record[key]
    return record


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(plain(v) for v in value) if value else "—"
    return plain(value)


def to_jsonable(value: Any) -> Any:
    """The projection as plain JSON data, for the attachment of each artifact."""
    if isinstance(value, Record):
        return {key: to_jsonable(value[key]) for key in value}
    if isinstance(value, list):
        return [to_jsonable(v) for v in value]
    if isinstance(value, NotApplicable | ToBeProvided | YesNo):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Quantity | MonthYear):
        return str(value)
    return value


def _public_provider(result: ValidationResult) -> str:
    tds = result.project.model("training_data_summary")
    if tds is None:
        return "—"
    return _text(_get(project(tds, "public"), "section_1", "provider", "name"))


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return (str(value),) if isinstance(value, str) else ()


def _cover(
    result: ValidationResult, spec: ArtifactSpec, view: Record | None, draft: bool, cover: bool
) -> Cover:
    provider, model, version, date = "—", "—", "—", result.as_of
    models: tuple[str, ...] = ()
    if spec.document == "model_documentation" and view is not None:
        provider = _text(_get(view, "general", "legal_name"))
        model = _text(_get(view, "general", "model_name", "name"))
        version = _text(_get(view, "document", "version"))
        date = _get(view, "document", "last_updated") or date
    elif spec.document == "training_data_summary" and view is not None:
        provider = _text(_get(view, "section_1", "provider", "name"))
        model = _text(_get(view, "section_1", "versioned_model_names"))
        models = _names(_get(view, "section_1", "versioned_model_names"))
        version = _text(_get(view, "header", "version"))
        date = _get(view, "header", "last_update") or date
    elif spec.document == "copyright_policy" and view is not None:
        provider = _public_provider(result)
        model = _text(_get(view, "document", "models_covered"))
        models = _names(_get(view, "document", "models_covered"))
        version = _text(_get(view, "document", "version"))
        date = _get(view, "document", "last_updated") or date
    elif spec.document == "validation_report":
        md = result.project.model("model_documentation")
        full = project(md, "aio") if md is not None else None
        provider = _text(_get(full, "general", "legal_name"))
        model = _text(_get(full, "general", "model_name", "name"))
        version = f"Rule pack {result.pack.version}"
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


def _summary_basis(result: ValidationResult) -> str:
    """The summary's basis: Art 53(1)(d) of the Act as amended, and the template's issue."""
    return (
        f"Art 53(1)(d) of {result.pack.cite('legal_basis')}; the Commission's template "
        f"{result.pack.cite('summary_template')}"
    )


def _documentation_link(result: ValidationResult) -> str | None:
    """The public documentation link shown beside each versioned model name."""
    md = result.project.model("model_documentation")
    link = _get(project(md, "public"), "provider", "documentation_contact") if md else None
    return link if isinstance(link, str) else None


def _context(
    result: ValidationResult,
    spec: ArtifactSpec,
    view: Record | None,
    draft: bool,
    changes: ChangesSince | None,
) -> dict[str, Any]:
    context: dict[str, Any] = {"spec": spec, "header": None, "parts": []}
    if spec.document == "model_documentation" and view is not None:
        context["parts"] = form_parts(view, spec.projection or spec.audience)
        context["doc"] = view
    elif spec.document == "copyright_policy" and view is not None:
        context["parts"] = policy_parts(view)
        context["doc"] = view
    elif spec.document == "training_data_summary" and view is not None:
        context["documentation"] = _documentation_link(result)
        top = _get(view, "section_2", "crawled_data", "top_domains")
        domains = load_domains(top, result.project.domains)
        csv_name = spec.filename("domains.csv", draft=draft)
        intro, table = domain_rows(domains, _get(top, "total_domains"), csv_name)
        layout = SummaryLayout(
            view,
            modalities=entry("TDS.2.1.modalities").allowed_values or (),
            bands={k: b.labels for k, b in result.pack.size_bands.items()},
            documentation=context["documentation"],
            domains=table,
            domains_intro=intro,
        )
        context.update(
            doc=view,
            domains=domains,
            csv_name=csv_name,
            header=header_block(view["header"], changes, _summary_basis(result)),
            parts=layout.parts(),
        )
    elif spec.document == "validation_report":
        report = result.report
        context.update(
            result=result,
            errors=len(report.errors),
            warnings=len(report.warnings),
            notes=len(report.infos),
            findings=[d for d in report.diagnostics if d.code != "PJ001"],
            pending=[d for d in report.diagnostics if d.code == "PJ001"],
            deadlines=sorted(
                (d for d in result.determinations if d.date is not None),
                key=lambda d: (d.date, d.key),
            ),
            files=[
                (doc.loaded.file, doc.loaded.sha256, doc.model is not None)
                for doc in result.project.documents.values()
                if doc.loaded is not None
            ],
            Severity=Severity,
        )
    return context


def _source_attachment(spec: ArtifactSpec, view: Record) -> tuple[str, bytes, str]:
    data = json.dumps(to_jsonable(view), indent=2, ensure_ascii=False) + "\n"
    return (
        f"{spec.stem}.source.json",
        data.encode("utf-8"),
        f"The source document as the {spec.audience_name} audience sees it",
    )


def _links_attachment(spec: ArtifactSpec, view: Any, link: str) -> tuple[str, bytes, str]:
    """What the summary shows from another document: the public documentation link."""
    names = _names(_get(view, "section_1", "versioned_model_names"))
    data = {"documentation": dict.fromkeys(names, link)}
    return (
        f"{spec.stem}.links.json",
        (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
        "The documentation link shown beside each versioned model name (from the public "
        "part of the model documentation)",
    )


def _raw_sources(result: ValidationResult) -> tuple[tuple[str, bytes, str], ...]:
    out = []
    for doc in result.project.documents.values():
        path = doc.path if doc.path is not None else None
        if path is None and doc.loaded is not None:
            path = result.project.root / Path(doc.loaded.file).name
        if path is None:
            continue
        try:
            data = read_regular(path, MAX_BYTES, follow=True)
        except (OSError, Refused):  # gone or replaced since it was loaded
            continue
        if len(data) <= MAX_BYTES:  # a file grown past the limit would attach truncated
            out.append((path.name, data, f"Source document {path.name}"))
    return tuple(out)


def _tidy(markdown: str) -> str:
    """One blank line between blocks, no trailing spaces, one final newline."""
    lines = [line.rstrip() for line in markdown.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n") + "\n\n"


def render_artifact(
    result: ValidationResult,
    spec: ArtifactSpec,
    *,
    draft: bool = False,
    cover: bool = False,
    changes: ChangesSince | None = None,
) -> RenderedArtifact | None:
    """Render one artifact; None when its source document did not validate (drafts only).

    ``cover`` adds a cover and a contents page to the PDF; ``changes`` (from a release)
    adds "Changes since version X" to the public summary.
    """
    view: Record | None = None
    if spec.source is not None:
        model: BaseModel | None = result.project.model(spec.source)
        if model is None:
            return None
        if spec.projection is None:
            raise InternalError(f"artifact {spec.filename('md')} has a source but no audience")
        view = project(model, spec.projection)
    env = environment()
    front = _cover(result, spec, view, draft, cover)
    context = _context(result, spec, view, draft, changes)
    header = _tidy(env.get_template("_header.md.j2").render(cover=front, spec=spec))
    body = _tidy(env.get_template(spec.template).render(cover=front, **context))
    html_body = None
    if context["parts"]:
        from gpai_docs.render.html_body import render_body

        html_body = render_body(front, context["header"], context["parts"])
    domains = context.get("domains")
    attachments = _raw_sources(result) if view is None else (_source_attachment(spec, view),)
    if context.get("documentation"):
        attachments += (_links_attachment(spec, view, context["documentation"]),)
    if isinstance(domains, DomainList):
        attachments += ((context["csv_name"], domains.csv_bytes(), "Full list of domains"),)
    return RenderedArtifact(
        spec,
        front,
        header,
        body,
        domains,
        attachments,
        html_body,
        context["header"],
        tuple(context["parts"]),
        to_jsonable(view) if view is not None else None,
    )


def render_markdown(
    result: ValidationResult, document: str, audience: str, *, draft: bool = False
) -> str:
    """The Markdown of one artifact (e.g. ``("model_documentation", "dp")``), or "" if absent.

    Pure: reads only the result (and, for a summary pointing at a domain statistics
    file, that file inside the project). Used by the build and by exports.
    """
    rendered = render_artifact(result, spec_for(document, audience), draft=draft)
    return rendered.markdown if rendered is not None else ""
