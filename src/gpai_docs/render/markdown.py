"""Render one artifact's Markdown from a validation result (pure: no files are written).

Every document is first projected onto its audience (``audience.project``); the
templates see only that projection, the cover facts taken from it, and layout helpers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from gpai_docs.diagnostics import Severity
from gpai_docs.errors import InternalError
from gpai_docs.law.catalogue import entry
from gpai_docs.render.artifacts import ArtifactSpec, spec_for
from gpai_docs.render.attachments import (
    links_attachment,
    raw_sources,
    source_attachment,
    to_jsonable,
)
from gpai_docs.render.audience import Record, project
from gpai_docs.render.cover import Cover, cover_of, get_path
from gpai_docs.render.domains import DomainList, load_domains
from gpai_docs.render.environment import environment
from gpai_docs.render.form import form_parts
from gpai_docs.render.policy import policy_parts
from gpai_docs.render.publication import ChangesSince, header_block
from gpai_docs.render.summary import SummaryLayout, domain_rows
from gpai_docs.validate.pipeline import ValidationResult

_BLANK_RUNS = re.compile(r"\n{3,}")


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


def _summary_basis(result: ValidationResult) -> str:
    """The summary's basis: Art 53(1)(d) of the Act as amended, and the template's issue."""
    return (
        f"Art 53(1)(d) of {result.pack.cite('legal_basis')}; the Commission's template "
        f"{result.pack.cite('summary_template')}"
    )


def _documentation_link(result: ValidationResult) -> str | None:
    """The public documentation link shown beside each versioned model name."""
    md = result.project.model("model_documentation")
    link = get_path(project(md, "public"), "provider", "documentation_contact") if md else None
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
        top = get_path(view, "section_2", "crawled_data", "top_domains")
        domains = load_domains(top, result.project.domains)
        csv_name = spec.filename("domains.csv", draft=draft)
        intro, table = domain_rows(domains, get_path(top, "total_domains"), csv_name)
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
    front = cover_of(result, spec, view, draft, cover)
    context = _context(result, spec, view, draft, changes)
    header = _tidy(env.get_template("_header.md.j2").render(cover=front, spec=spec))
    body = _tidy(env.get_template(spec.template).render(cover=front, **context))
    html_body = None
    if context["parts"]:
        from gpai_docs.render.html_body import render_body

        html_body = render_body(front, context["header"], context["parts"])
    domains = context.get("domains")
    attachments = raw_sources(result) if view is None else (source_attachment(spec, view),)
    if context.get("documentation"):
        attachments += (links_attachment(spec, view, context["documentation"]),)
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
