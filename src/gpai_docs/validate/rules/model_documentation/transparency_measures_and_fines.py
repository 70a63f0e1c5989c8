"""Model documentation rules on the Code's Transparency Measures 1.1 and 1.2 (keeping the
documentation up to date, answering requests, a published contact) and on the fine a
provider risks (AI Act Art 101)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.dates import known
from gpai_docs.validate.determinations import fines
from gpai_docs.validate.determinations.wording import euros
from gpai_docs.validate.rules._links import is_link
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.model_documentation._form_values import MD, NEEDS


@rule(
    "MD018",
    "document-date-plausible",
    severity=Severity.ERROR,
    reference="CoP Transparency Measure 1.1 (keep documentation up to date)",
    catalogue=("MDF.doc.last_updated", "COP.T.1.1.update", "VR-16"),
    needs=NEEDS,
)
def document_date_plausible(context: RuleContext) -> Iterator[Finding]:
    """The documentation's last-updated date is not in the future.

    Why: each version carries its version number and last-updated date so that previous
    versions can be kept and told apart (VR-16); a date after the validation date is a typo.

    Passes:
        document: {version: "1.0", last_updated: 2025-09-01}

    Fails:
        document: {version: "1.0", last_updated: 2099-01-01}
    """
    updated = known(context.md.document.last_updated)  # DT001 asks about an unclear one
    if updated is not None and updated > context.as_of:
        yield Finding(
            MD,
            ("document", "last_updated"),
            f"The last-updated date {updated} is after {context.as_of}, the date the documents "
            "are checked on",
            hint="Use the date of this version.",
        )


@rule(
    "MD019",
    "information-requests-answered-in-time",
    severity=Severity.ERROR,
    reference="CoP Transparency Measure 1.2",
    catalogue=("COP.T.1.2.dp_additional_14d", "COP.T.1.2.aio_request", "VR-17"),
    needs=NEEDS,
)
def information_requests_answered_in_time(context: RuleContext) -> Iterator[Finding]:
    """Requests for information were answered in time, or the delay is justified.

    Why: downstream providers get additional information within 14 days save exceptional
    circumstances; the AI Office by the deadline its request states (VR-17).

    Passes:
        information_requests: [{requester: downstream_provider, received: 2025-10-01, answered: 2025-10-10}]

    Fails:
        information_requests: [{requester: downstream_provider, received: 2025-10-01, answered: 2025-10-30}]
    """
    days = int(context.pack["dp_request_days"])
    for index, request in enumerate(context.md.information_requests):
        received, stated = known(request.received), known(request.deadline)
        answered = known(request.answered) if request.answered else context.as_of
        if None in (received, answered) or (request.deadline and stated is None):
            continue  # day and month could swap: DT001 asks which; no deadline is guessed
        if request.requester == "downstream_provider" and received is not None:
            deadline = received + dt.timedelta(days=days)
        elif stated is not None:
            deadline = stated
        else:
            yield Finding(
                MD,
                ("information_requests", index),
                "An AI Office request is logged without the deadline it stated",
                hint="Add `deadline:`.",
            )
            continue
        if answered is not None and answered > deadline and not request.exceptional_circumstances:
            state = f"answered on {request.answered}" if request.answered else "still open"
            yield Finding(
                MD,
                ("information_requests", index),
                f"A request received on {request.received} is {state}, after the "
                f"deadline {deadline}",
                hint="Answer it, or record `exceptional_circumstances:`.",
            )


@rule(
    "MD020",
    "documentation-contact-published",
    severity=Severity.ERROR,
    reference="CoP Transparency Measure 1.2",
    catalogue=("COP.T.1.2.publish_contact", "VR-18"),
    needs=NEEDS,
)
def documentation_contact_published(context: RuleContext) -> Iterator[Finding]:
    """The public contact for documentation requests is a link or an e-mail address.

    Why: providers publish contact information through which the AI Office and downstream
    providers request the documentation (VR-18).

    Passes:
        provider: {documentation_contact: "https://example.com/ai-docs"}

    Fails:
        provider: {documentation_contact: "our legal team"}
    """
    contact = context.md.provider.documentation_contact
    if isinstance(contact, str) and not (is_link(contact) or "@" in contact):
        yield Finding(
            MD,
            ("provider", "documentation_contact"),
            f"The documentation contact {contact[:60]!r} is neither a link nor an e-mail address",
            hint="Give an https:// link or an e-mail address.",
        )


@rule(
    "MD021",
    "fine-exposure",
    severity=Severity.INFO,
    reference="AI Act Art 101(1)",
    catalogue=("AIA.101.1", "VR-27"),
    needs=NEEDS,
)
def fine_exposure(context: RuleContext) -> Iterator[Finding]:
    """States the maximum fine for the provider's turnover (informational).

    Why: the Commission can fine a GPAI provider up to 3 % of its worldwide annual turnover
    or EUR 15 million, whichever is higher (VR-27); its enforcement powers are in force
    since 2 August 2026 (UPD.enforcement). Shown when the turnover is recorded.

    Passes:
        provider: {}   # no turnover recorded, nothing to state

    Fails:
        provider: {worldwide_turnover_eur: "2.0*10^9"}
    """
    exposure = fines.fine_exposure(context.md, context.pack)
    if exposure is not None:
        yield Finding(
            MD,
            ("provider", "worldwide_turnover_eur"),
            f"Maximum fine for a GPAI provider with this turnover: {euros(exposure)} (up "
            f"to {float(context.pack.exact('fine_turnover_share') * 100):g} % of turnover or "
            f"{euros(context.pack.exact('fine_minimum_eur'))}, whichever is higher)",
        )
