"""The publishable web page of a public document, and its machine-readable sidecar.

The page is what a provider puts next to the model: one self-contained HTML file (its
stylesheet inline, no script, no font, image or other URL fetched), in the same layout as
the PDF, with a ``lang``, one heading order, header cells for every table and colours of
sufficient contrast. The JSON sidecar beside it holds the same content as data, with the
version, dates and addresses a crawler or a registry needs.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from gpai_docs.render.html_body import render_body
from gpai_docs.render.markdown import RenderedArtifact

SIDECAR_FORMAT = "gpai-docs-public-document/1"


def publishable(rendered: RenderedArtifact) -> bool:
    """Whether the artifact gets a web page: the public documents with a layout."""
    return rendered.spec.audience == "public" and bool(rendered.parts)


@cache
def stylesheet() -> str:
    return resources.files("gpai_docs").joinpath("templates/styles/screen.css").read_text("utf-8")


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("gpai_docs", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _header_value(rendered: RenderedArtifact, key: str) -> Any:
    data = rendered.data if isinstance(rendered.data, dict) else {}
    header = data.get("header") or data.get("document") or {}
    return header.get(key) if isinstance(header, dict) else None


def web_page(
    rendered: RenderedArtifact, *, generator: str, sidecar_name: str, pdf_name: str
) -> str:
    """The self-contained HTML page of a public artifact."""
    body = render_body(rendered.cover, rendered.header_block, list(rendered.parts), web=True)
    return (
        _environment()
        .get_template("page.web.html.j2")
        .render(
            cover=rendered.cover,
            spec=rendered.spec,
            body=Markup(body),
            css=Markup(stylesheet()),
            generator=generator,
            canonical=_header_value(rendered, "canonical_url"),
            sidecar=sidecar_name,
            pdf=pdf_name,
        )
    )


def _links(rendered: RenderedArtifact) -> Any:
    """What the page shows from other documents (the documentation link), as attached."""
    for name, data, _ in rendered.attachments:
        if name.endswith(".links.json"):
            return json.loads(data)
    return {}


def sidecar(rendered: RenderedArtifact, *, generator: str, page_name: str, pdf_name: str) -> bytes:
    """The page's content as JSON: what it is, which version, where, and every answer."""
    cover = rendered.cover
    payload = {
        "format": SIDECAR_FORMAT,
        "document": rendered.spec.document,
        "title": cover.heading,
        "provider": cover.provider,
        "models": list(cover.models),
        "version": cover.version,
        "last_update": cover.date.isoformat() if isinstance(cover.date, dt.date) else None,
        "canonical_url": _header_value(rendered, "canonical_url"),
        "versions_url": _header_value(rendered, "versions_url"),
        "update_notice": _header_value(rendered, "update_notice"),
        "draft": cover.draft,
        "files": {"html": page_name, "pdf": pdf_name},
        "generator": generator,
        "content": rendered.data,
        "links": _links(rendered),
    }
    return (json.dumps(payload, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
