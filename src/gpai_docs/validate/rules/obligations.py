"""Which answers a model owes, and from when: one decision for every rule that asks for answers.

The AI Act asks four things of a provider (Art 53(1)): the technical documentation of
Annex XI (a) and the information for downstream providers of Annex XII (b), which the
model documentation holds; the copyright policy (c); and the public summary of training
content (d). Art 53(2) lifts (a) and (b) for a model under a free and open-source licence
whose weights, architecture and usage information are public, unless it has systemic risk
(catalogue AIA.53.2, COP.T.C1.oss_exemption; the conditions are
`determinations.open_source_exemption`). (c) and (d) always apply. What applies is due when
the model is placed on the Union market, or on 2 August 2027 for a model placed before
2 August 2025 (AIA.111.3, `determinations.documentation_due`).

An open answer (`to_be_provided`) is reported exactly once in a run: PJ001 lists it (a
warning, counted as "to be provided") while it is not due yet or not owed at all; MD002
reports it (an error) once it is due. Both ask `due_on`, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from gpai_docs.diagnostics import JsonPath
from gpai_docs.models.walk import node_at
from gpai_docs.validate.determinations.deadlines import documentation_due
from gpai_docs.validate.determinations.exemptions_and_representative import open_source_exemption
from gpai_docs.validate.rules.context import RuleContext

MD = "model_documentation"

# The catalogue families of the model documentation that implement Art 53(1)(a) and (b):
# the Form's items (Annexes XI and XII) and the Transparency chapter's commitments (the
# documentation contact, the request log). The facts that decide which obligations apply
# (provider status, open-source conditions, systemic risk, the modification's compute for
# the modifier test) are no Annex XI item, so the exemption does not lift them.
_LIFTED_BY_EXEMPTION = ("MDF.", "COP.T.")


def catalogue_id(document: BaseModel, path: JsonPath) -> str | None:
    """The catalogue id of the value at ``path``: that of the innermost field naming one."""
    node = node_at(type(document), path)
    return node.catalogue_id if node is not None else None


def exempt(context: RuleContext, document: str, path: JsonPath) -> bool:
    """Whether the open-source exemption (Art 53(2)) lifts the obligation behind this answer."""
    md = context.model_documentation
    if document != MD or md is None:
        return False  # the copyright policy and the summary are always owed
    cid = catalogue_id(md, path)
    return (
        cid is not None
        and cid.startswith(_LIFTED_BY_EXEMPTION)
        and open_source_exemption(md, context.pack)
    )


def due_on(context: RuleContext, document: str, path: JsonPath) -> dt.date | None:
    """The date this answer was due, when it is owed and due on the validation date.

    None when the answer is not owed (exempt), when it is not due yet, or when the due
    date cannot be told (the model documentation did not validate, or gives no placement
    date): such an open answer is still a draft.
    """
    if context.model_documentation is None or exempt(context, document, path):
        return None
    due = documentation_due(context.md, context.pack)
    return due if due is not None and context.as_of >= due else None


def required(context: RuleContext, document: str, path: JsonPath) -> bool:
    """Whether this model owes the answer at all (whatever the date)."""
    return not exempt(context, document, path)
