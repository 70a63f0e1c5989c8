"""The date a build checks deadlines against when none is given: never the clock.

Builds are reproducible: the same documents give the same artifacts whatever the day.
So the reference date is ``SOURCE_DATE_EPOCH`` when set, else the date the documents
state of themselves. A project of one document (a partial project) gives that
document's own date: the summary's last update, the policy's or the model
documentation's last update. There is no made-up default (once 1970-01-01, printed on a
validation report as if it were a date).
"""

from __future__ import annotations

import datetime as dt

from gpai_docs.render.outputs import source_date
from gpai_docs.validate.pipeline import typed_documents
from gpai_docs.validate.project import Project, ProjectDocument

# Where each document states its own date (the summary's last update, the others' last
# update), for the reference date of a build.
DATE_FIELDS = {
    "model_documentation": ("document", "last_updated"),
    "training_data_summary": ("header", "last_update"),
    "copyright_policy": ("document", "last_updated"),
}


def default_as_of(project: Project) -> dt.date | None:
    """The date deadlines are checked against when none is given: never the clock.

    ``SOURCE_DATE_EPOCH`` if set, else the latest date the documents state of themselves
    (a partial project's one document gives its own); a document that did not validate
    still counts with a date written plainly (ISO). None when no document gives one: the
    validation then uses the day it runs (never a made-up 1970-01-01).
    """
    stamp = source_date()
    if stamp is not None:
        return stamp.date()
    md, tds, cp = typed_documents(project)
    dates = [
        md.document.last_updated if md else None,
        tds.header.last_update if tds else None,
        cp.document.last_updated if cp else None,
    ]
    # A date whose day and month could swap is no date to check against.
    stated = [d for d in dates if isinstance(d, dt.date)]
    if not stated:
        stated = [d for d in map(_stated_date, project.documents.values()) if d is not None]
    return max(stated, default=None)


def _stated_date(document: ProjectDocument) -> dt.date | None:
    """The date a document that did not validate states of itself, if written plainly."""
    value: object = document.loaded.data if document.loaded is not None else None
    for key in DATE_FIELDS[document.kind.key]:
        value = value.get(key) if isinstance(value, dict) else None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
