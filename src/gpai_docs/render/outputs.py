"""What one build writes for each artifact: its bytes, or the PDF job that makes them.

Each output carries the key that decides whether it must be written again: a hash of
the tool, the templates and the bytes (or the PDF's page and attachments), so that an
unchanged artifact is not laid out twice.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import NamedTuple

from gpai_docs.errors import UserError
from gpai_docs.render import cache
from gpai_docs.render.markdown import RenderedArtifact
from gpai_docs.render.pdf import PdfJob


class Output(NamedTuple):
    """One file of the build: for whom (``rendered``), its kind, its key and its bytes."""

    rendered: RenderedArtifact
    kind: str
    key: str
    data: bytes | None  # None for a PDF, which a worker lays out


def source_date() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a UTC date-time, if set."""
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or not raw.strip():
        return None
    try:
        return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise UserError(
            f"SOURCE_DATE_EPOCH={raw!r} is not a number of seconds since 1970.",
            hint="Set it to an integer such as 1763683200, or unset it.",
        ) from None


def pdf_stamp(rendered: RenderedArtifact) -> dt.datetime:
    return source_date() or dt.datetime.combine(rendered.cover.date, dt.time(), tzinfo=dt.UTC)


def artifact_outputs(
    rendered: RenderedArtifact, formats: frozenset[str], *, draft: bool, generator: str, tool: str
) -> tuple[dict[str, Output], dict[str, PdfJob]]:
    """The files of one artifact in the asked formats, and the PDF job if a PDF is asked."""
    from gpai_docs.render import html as html_module

    spec = rendered.spec
    outputs: dict[str, Output] = {}
    if "html" in formats:
        outputs.update(_web_outputs(rendered, draft, generator, tool))
    if "md" in formats:
        data = rendered.markdown.encode("utf-8")
        outputs[spec.filename("md", draft=draft)] = Output(
            rendered, "md", cache.sha256(tool.encode() + data), data
        )
    if rendered.domains is not None:
        csv_name, csv_data, _ = rendered.attachments[-1]
        outputs[csv_name] = Output(
            rendered, "csv", cache.sha256(tool.encode() + csv_data), csv_data
        )
    if "pdf" not in formats:
        return outputs, {}
    stamp = pdf_stamp(rendered)
    page = html_module.page(
        rendered, stamp=stamp.strftime("%Y-%m-%dT%H:%M:%SZ"), generator=generator
    )
    name = spec.filename("pdf", draft=draft)
    pdf_key = cache.sha256(
        b"\0".join(
            [tool.encode(), page.encode(), stamp.isoformat().encode()]
            + [n.encode() + b"\0" + d for n, d, _ in rendered.attachments]
        )
    )
    outputs[name] = Output(rendered, "pdf", pdf_key, None)
    return outputs, {name: PdfJob(page, rendered.attachments, stamp)}


def _web_outputs(
    rendered: RenderedArtifact, draft: bool, generator: str, tool: str
) -> dict[str, Output]:
    """The web page and JSON sidecar of a public document (none for the others)."""
    from gpai_docs.render import web

    if not web.publishable(rendered):
        return {}
    names = {k: rendered.spec.filename(k, draft=draft) for k in ("html", "json", "pdf")}
    page = web.web_page(
        rendered, generator=generator, sidecar_name=names["json"], pdf_name=names["pdf"]
    ).encode("utf-8")
    data = web.sidecar(
        rendered, generator=generator, page_name=names["html"], pdf_name=names["pdf"]
    )
    return {
        names[kind]: Output(rendered, kind, cache.sha256(tool.encode() + payload), payload)
        for kind, payload in (("html", page), ("json", data))
    }
