"""Copyright policy rules on Measure 1.5: the point of contact for rightsholders and the
electronic complaint mechanism."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gpai_docs.diagnostics import JsonPath, Severity
from gpai_docs.models.answers import NotApplicable
from gpai_docs.models.copyright_policy import ComplaintMechanism, PointOfContact
from gpai_docs.validate.rules._links import is_link
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.copyright_policy._document import CP, NEEDS

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@rule(
    "CP007",
    "copyright-contact-reachable",
    severity=Severity.ERROR,
    reference="CoP Copyright Measure 1.5",
    catalogue=("COP.C.1.5.point_of_contact", "VR-18"),
    needs=NEEDS,
)
def copyright_contact_reachable(context: RuleContext) -> Iterator[Finding]:
    """The copyright point of contact has an e-mail address or a web address.

    Why: Measure 1.5 asks for a point of contact for electronic communication with affected
    rightsholders, published in an easily accessible way (VR-18).

    Passes:
        contact: {point_of_contact: {email: copyright@lumen-ai.example}}

    Fails:
        contact: {point_of_contact: {name: Legal team}}
    """
    contact = context.cp.contact.point_of_contact
    path = ("contact", "point_of_contact")
    if isinstance(contact, NotApplicable):
        yield Finding(
            CP,
            path,
            "The policy names no copyright point of contact",
            hint="Measure 1.5 requires one: add `email:` or `url:`.",
        )
        return
    if not isinstance(contact, PointOfContact):
        return
    if contact.email is None and contact.url is None:
        only_post = contact.postal_address is not None
        yield Finding(
            CP,
            path,
            "The copyright point of contact has only a postal address, which is not a "
            "contact for electronic communication"
            if only_post
            else "The copyright point of contact has neither an e-mail address nor a web address",
            hint="Add `email:` or `url:`"
            + (" (the postal address can stay beside it)." if only_post else "."),
        )
    if contact.email is not None and not _EMAIL.fullmatch(contact.email):
        yield Finding(
            CP,
            (*path, "email"),
            f"{contact.email!r} is not an e-mail address",
            hint="Write it like copyright@example.com.",
        )
    if contact.url is not None and not is_link(contact.url):
        yield Finding(
            CP,
            (*path, "url"),
            f"{contact.url!r} is not a link",
            hint="Give an https:// link.",
        )


@rule(
    "CP008",
    "complaint-mechanism-electronic",
    severity=Severity.ERROR,
    reference="CoP Copyright Measure 1.5",
    catalogue=("COP.C.1.5.complaints", "VR-18"),
    needs=NEEDS,
)
def complaint_mechanism_electronic(context: RuleContext) -> Iterator[Finding]:
    """Rightsholders can lodge complaints electronically, at a published link or e-mail address.

    Why: Measure 1.5 asks for an electronic mechanism through which rightsholders and their
    representatives lodge complaints, with published information about it (VR-18). A
    postal address is kept and shown as written, but alone it is no electronic mechanism.

    Passes:
        contact: {complaints: {url: "https://lumen-ai.example/copyright/complaints", description: A web form.}}

    Fails:
        contact: {complaints: {url: Write to our registered office., description: By post.}}
    """
    complaints = context.cp.contact.complaints
    path = ("contact", "complaints")
    if isinstance(complaints, NotApplicable):
        yield Finding(
            CP,
            path,
            "The policy offers no complaint mechanism",
            hint="Measure 1.5 requires one: add `url:` and `description:`.",
        )
    elif isinstance(complaints, ComplaintMechanism):
        yield from _complaint_channels(complaints, path)


def _complaint_channels(complaints: ComplaintMechanism, path: JsonPath) -> Iterator[Finding]:
    """A link or an e-mail address: the electronic channels; a postal address is kept but
    is none of them."""
    url, email = complaints.url, complaints.email
    if url is None and email is None:
        yield Finding(
            CP,
            path,
            "The complaint mechanism has only a postal address, which is not electronic"
            if complaints.postal_address is not None
            else "The complaint mechanism gives no address to lodge a complaint at",
            hint="Give the https:// link of the complaint form (`url:`) or an e-mail address "
            "(`email:`); a postal address can stay beside it.",
        )
    if url is not None and not (is_link(url) or url.startswith("mailto:")):
        yield Finding(
            CP,
            (*path, "url"),
            f"The complaint mechanism {url[:60]!r} is not an electronic address",
            hint="Give the https:// link of the complaint form (or a mailto: address), or "
            "write an e-mail address as `email:` and a postal address as `postal_address:`.",
        )
    if email is not None and not _EMAIL.fullmatch(email.removeprefix("mailto:")):
        yield Finding(
            CP,
            (*path, "email"),
            f"{email[:60]!r} is not an e-mail address",
            hint="Write it like copyright@example.com.",
        )
