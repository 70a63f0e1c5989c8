"""A Word document's properties and its bytes, the same for the same project every time.

The properties say what the document is (title, provider as author, subject, version,
language, keywords) and carry the document's own date as created and modified, never
the clock. python-docx stamps each zip member with the time of saving, so the package
is written again with every member dated the document's date, in the same order: two
exports of the same project are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from gpai_docs.escaping import docx_text
from gpai_docs.render.cover import Cover
from gpai_docs.render.docx.styles import LANGUAGE

GENERATOR = "gpai-docs"
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
# The default template's app.xml names "Microsoft Macintosh Word" and counts no pages: a
# reader (and Word's "Properties") should see the program that wrote the file and nothing
# stale. Counts are left out, as the schema allows; Word fills them in when it saves.
_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    f"<Application>{GENERATOR}</Application><DocSecurity>0</DocSecurity>"
    "<LinksUpToDate>false</LinksUpToDate></Properties>"
).encode()
_ZIP_EPOCH = dt.date(1980, 1, 1)  # the earliest date a zip member can carry


_LIMIT = 255  # python-docx refuses longer core properties


def _fit(value: object) -> str:
    """A property value Word can hold: legal XML characters, at most 255 of them."""
    text = docx_text(value)
    return text if len(text) <= _LIMIT else text[: _LIMIT - 1] + "…"


def _keywords(cover: Cover) -> str:
    return "; ".join(("EU AI Act", "general-purpose AI model", cover.title, cover.audience))


def set_properties(document: Any, cover: Cover) -> None:
    """The core properties, each provider value through ``docx_text`` (in ``_fit``)."""
    props = document.core_properties
    stamp = dt.datetime.combine(cover.date, dt.time(0, 0), tzinfo=dt.UTC)
    props.title = _fit(cover.heading)
    props.author = _fit(cover.provider)
    props.subject = _fit(f"{cover.title} ({cover.audience})")
    props.version = _fit(cover.version)
    props.language = LANGUAGE
    props.keywords = _fit(_keywords(cover))
    props.category = _fit(cover.marking or "Public")
    props.content_status = "Draft" if cover.draft else "Final"
    props.comments = f"Written by {GENERATOR} from the project's documents."
    props.last_modified_by = GENERATOR
    props.revision = 1
    props.created = props.modified = stamp
    _drop_template_leftovers(document)


def _drop_template_leftovers(document: Any) -> None:
    """What python-docx's default template carries that is not this document: its
    thumbnail picture, its bibliography store (customXml) and an app.xml naming Word."""
    package_rels = document.part.package.rels
    for r_id in [r for r, rel in package_rels.items() if rel.reltype == _THUMBNAIL]:
        package_rels.pop(r_id)
    for rel in package_rels.values():
        if rel.reltype == _APP:
            rel.target_part._blob = _APP_XML
    document_rels = document.part.rels
    for r_id in [r for r, rel in document_rels.items() if rel.reltype == _CUSTOM_XML]:
        document_rels.pop(r_id)


def document_bytes(document: Any, date: dt.date) -> bytes:
    """The saved package, every member dated ``date`` (reproducible bytes)."""
    saved = io.BytesIO()
    document.save(saved)
    when = max(date, _ZIP_EPOCH)
    stamp = (when.year, when.month, when.day, 0, 0, 0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(saved.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(member.filename))
    return out.getvalue()
