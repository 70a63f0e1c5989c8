"""Copyright policy rule on Measure 1.5: the contact point and the complaint mechanism are
not a company's general inbox (CP015).

CP007 and CP008 check that both exist and are electronic; a postal address as the only
channel is their error. This rule reads the e-mail addresses they hold, written bare or
as `mailto:` in any of their fields, so that it keeps working when a field is added.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from gpai_docs.diagnostics import JsonPath, Severity
from gpai_docs.law.reviewer_cross_lists import lists
from gpai_docs.models.copyright_policy import ComplaintMechanism, PointOfContact
from gpai_docs.validate.rules._links import is_link
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.copyright_policy._document import CP, NEEDS

_ADDRESS = re.compile(r"(?<![\w.+-])([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)")


def _mailboxes(model: BaseModel) -> list[tuple[str, str, str]]:
    """(field, address, local part) for every e-mail address in the model's text fields."""
    found, seen = [], set()
    for field, value in model.model_dump().items():
        if isinstance(value, str):
            for match in _ADDRESS.finditer(value):
                if match.group(0).casefold() not in seen:  # one finding per mailbox
                    seen.add(match.group(0).casefold())
                    local = match.group(1).casefold().split("+", 1)[0]
                    found.append((field, match.group(0), local))
    return found


def _has_page(model: BaseModel) -> bool:
    """Whether a field holds a web page, where a form or a named team can be found."""
    return any(isinstance(v, str) and is_link(v) for v in model.model_dump().values())


def _kind(local: str) -> str | None:
    words = lists()
    if local in words.no_reply_mailboxes:
        return "no-reply"
    if local in words.generic_mailboxes:
        return "generic"
    return None


@rule(
    "CP015",
    "copyright-contact-not-generic",
    severity=Severity.WARNING,
    reference="CoP Copyright Measure 1.5",
    catalogue=("COP.C.1.5.point_of_contact", "COP.C.1.5.complaints", "VR-18"),
    needs=NEEDS,
)
def copyright_contact_not_generic(context: RuleContext) -> Iterator[Finding]:
    """The copyright contact and complaint channel are not a general or no-reply mailbox.

    Why: Measure 1.5 asks for a point of contact for electronic communication with
    affected rightsholders and an electronic mechanism to lodge sufficiently precise and
    substantiated complaints (COP.C.1.5.point_of_contact, COP.C.1.5.complaints, VR-18). A
    general inbox (info@, contact@, support@, hello@ …) as the only channel leaves copyright
    matters among sales and support mail, and a no-reply mailbox (noreply@ …) cannot be
    written to at all. The mailboxes are listed in data/reviewer_cross_lists.yaml. A
    generic mailbox beside a web page (a form, a named team) passes; a no-reply mailbox
    never does. A warning: the Code names no mailbox, but an expert reviewer objects. A
    postal address as the only channel is CP007's and CP008's error.

    Passes:
        contact: {point_of_contact: {email: copyright@lumen-ai.example, url: null}}

    Fails:
        contact: {point_of_contact: {email: info@lumen-ai.example, url: null}}
    """
    contact = context.cp.contact
    parts: tuple[tuple[str, object, str], ...] = (
        ("point_of_contact", contact.point_of_contact, "copyright point of contact"),
        ("complaints", contact.complaints, "complaint mechanism"),
    )
    for key, part, what in parts:
        if not isinstance(part, PointOfContact | ComplaintMechanism):
            continue  # not applicable or still to be provided: CP007 and CP008 report it
        page = _has_page(part)
        for field, address, local in _mailboxes(part):
            kind = _kind(local)
            if kind is None or (kind == "generic" and page):
                continue
            path: JsonPath = ("contact", key, field)
            if kind == "no-reply":
                message = f"The {what} {address!r} is a no-reply mailbox: no one reads it"
            else:
                message = (
                    f"The {what} {address!r} is a general mailbox, and the only electronic "
                    "channel given"
                )
            yield Finding(
                CP,
                path,
                message,
                hint="Measure 1.5 asks for a point of contact for electronic communication "
                "with rightsholders: give a mailbox or web form for copyright matters (e.g. "
                "copyright@…, or the https:// link of a complaint form), read by the team "
                "that handles them.",
            )
