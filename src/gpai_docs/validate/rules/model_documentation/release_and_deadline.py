"""Model documentation rules on dates: the releases (General information) and when the
documentation falls due (AI Act Art 53, Art 111(3))."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.walk import AnswerState, walk_values
from gpai_docs.validate.rules._registry import DOCUMENTS, Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.model_documentation._form_values import MD, NEEDS
from gpai_docs.validate.rules.obligations import due_on


@rule(
    "MD001",
    "release-dates-ordered",
    severity=Severity.ERROR,
    reference="Model Documentation Form, General information (derived)",
    catalogue=("MDF.general.release_date", "MDF.general.union_market_release_date", "VR-02"),
    needs=NEEDS,
)
def release_dates_ordered(context: RuleContext) -> Iterator[Finding]:
    """The Union market release date is not before the first release anywhere.

    Why: the release date is the first release through any channel, so placement on the
    Union market cannot come earlier (VR-02).

    Passes:
        general: {release_date: 2025-09-01, union_market_release_date: 2025-09-15}

    Fails:
        general: {release_date: 2025-09-01, union_market_release_date: 2025-06-01}
    """
    general = context.md.general
    first, union = general.release_date, general.union_market_release_date
    if isinstance(first, dt.date) and isinstance(union, dt.date) and union < first:
        yield Finding(
            MD,
            ("general", "union_market_release_date"),
            f"The Union market release date {union} is before the release date {first}",
            hint="The release date is the first release anywhere; correct either date.",
        )


@rule(
    "MD002",
    "documentation-overdue",
    severity=Severity.ERROR,
    reference="AI Act Art 53(1) and (2), Art 111(3); CoP Transparency Measure 1.1",
    catalogue=("AIA.111.3", "AIA.53.2", "COP.T.1.1.document_before_placing", "VR-03"),
    needs=NEEDS,
    reads=("training_data_summary", "copyright_policy"),  # their open answers
)
def documentation_overdue(context: RuleContext) -> Iterator[Finding]:
    """Answers are still to be provided after the documentation was due.

    Why: the model documentation, the summary and the copyright policy are due when the model
    is placed on the Union market; for models placed before 2 August 2025 on 2 August 2027
    (VR-03). Open answers past that date are errors, not drafts, in all three documents;
    before it PJ001 lists them. Under the open-source exemption (AI Act Art 53(2); catalogue
    AIA.53.2: free and open-source licence, public weights, architecture and usage
    information, no monetisation, no systemic risk) the model documentation's items are not
    owed and never due here; the summary and the copyright policy still are.

    Passes:
        general: {union_market_release_date: 2030-01-01}   # placement still ahead

    Fails:
        general: {union_market_release_date: 2025-09-15}
        data: {curation: {to_be_provided: true}}
    """
    for key in DOCUMENTS:
        document = getattr(context, key)
        if document is None:
            continue
        for node in walk_values(document):
            if node.state is not AnswerState.TO_BE_PROVIDED:
                continue
            due = due_on(context, key, node.path)
            if due is not None:
                yield Finding(
                    key,
                    node.path,
                    f"The documentation was due on {due} and this answer is still to be provided",
                    hint="Provide the answer now.",
                )
