"""Rules on the copyright policy (CP codes): the substance behind the Copyright chapter's sections.

The schema makes every section of Measures 1.1 to 1.5 present; these rules check that what
is written there honours the measure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models._types import NotApplicable, ToBeProvided
from gpai_docs.models.copyright_policy import (
    AupProhibition,
    ChangeNotification,
    ComplaintMechanism,
    Crawler,
    PointOfContact,
    Protocol,
)
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext

CP = "copyright_policy"
NEEDS = (CP,)

_RFC_9309 = re.compile(r"\bRFC\s*-?\s*9309\b", re.IGNORECASE)
_GENERIC_PROTOCOL = re.compile(
    r"^\s*((all|any|other|appropriate|relevant|applicable|common|standard|recognised|"
    r"recognized|industry[- ]standard|state[- ]of[- ]the[- ]art|machine[- ]readable|"
    r"widely[- ]adopted)\s+)*((rights?[- ]reservations?|opt[- ]outs?|tdm|ai)\s+)?"
    r"(protocols?|standards?|metadata|mechanisms?|signals?|solutions?|means|tags?)\s*$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"copyright|related rights?|intellectual property|\bIP\b", re.IGNORECASE)
_MODEL_DOCS = re.compile(r"model (card|documentation)|readme", re.IGNORECASE)


def _is_url(text: str) -> bool:
    return text.startswith(("https://", "http://"))


@rule(
    "CP001",
    "robots-txt-honoured",
    severity=Severity.ERROR,
    reference="CoP Copyright Measure 1.3",
    catalogue=("COP.C.1.3.robots_txt", "VR-26"),
    needs=NEEDS,
)
def robots_txt_honoured(context: RuleContext) -> Iterator[Finding]:
    """Crawlers follow robots.txt, as standardised by RFC 9309.

    Why: Measure 1.3 asks for crawlers that read and follow robots.txt according to the
    Robot Exclusion Protocol, RFC 9309 (VR-26). A policy that does not commit to it, or
    names another standard, does not meet the measure.

    Passes:
        rights_reservation: {robots_txt: {honoured: true, standard: RFC 9309}}

    Fails:
        rights_reservation: {robots_txt: {honoured: false, standard: RFC 9309}}
    """
    robots = context.cp.rights_reservation.robots_txt
    if not robots.honoured:
        yield Finding(
            CP,
            ("rights_reservation", "robots_txt", "honoured"),
            "The policy does not commit to following robots.txt",
            hint="Measure 1.3 requires it: set `honoured: true` and describe how.",
        )
    if not _RFC_9309.search(robots.standard):
        yield Finding(
            CP,
            ("rights_reservation", "robots_txt", "standard"),
            f"The robots.txt standard {robots.standard!r} is not RFC 9309",
            hint="Name the Robot Exclusion Protocol, RFC 9309.",
        )


@rule(
    "CP002",
    "concrete-protocol-named",
    severity=Severity.WARNING,
    reference="CoP Copyright Measure 1.3",
    catalogue=("COP.C.1.3.other_protocols", "VR-26"),
    needs=NEEDS,
)
def concrete_protocol_named(context: RuleContext) -> Iterator[Finding]:
    """The policy names at least one concrete machine-readable protocol besides robots.txt.

    Why: Measure 1.3 asks providers to identify and comply with other appropriate
    machine-readable rights-reservation protocols (VR-26). Published policies have stated a
    general commitment that names none; such a policy cannot be checked. The list of
    recognised protocols is still being settled, hence a warning.

    Passes:
        rights_reservation: {other_protocols: [{name: TDMRep, implementation: Reserved documents are dropped.}]}

    Fails:
        rights_reservation: {other_protocols: [{name: all appropriate machine-readable protocols, implementation: We honour them.}]}
    """
    protocols = context.cp.rights_reservation.other_protocols
    path = ("rights_reservation", "other_protocols")
    if isinstance(protocols, NotApplicable) or protocols == []:
        yield Finding(
            CP,
            path,
            "The policy names no machine-readable protocol besides robots.txt",
            hint="Name the protocols honoured (for example TDMRep or ai.txt) and how.",
        )
        return
    if not isinstance(protocols, list):
        return
    named = [
        p
        for p in protocols
        if isinstance(p, Protocol) and (p.id or not _GENERIC_PROTOCOL.match(p.name or ""))
    ]
    if not named:
        yield Finding(
            CP,
            path,
            "The protocols are described only in general terms; no concrete protocol is named",
            hint="Name each protocol honoured (for example TDMRep) with its specification.",
        )


@rule(
    "CP003",
    "crawler-information-published",
    severity=Severity.ERROR,
    reference="CoP Copyright Measure 1.3",
    catalogue=("COP.C.1.3.crawler_info_public", "VR-26"),
    needs=NEEDS,
)
def crawler_information_published(context: RuleContext) -> Iterator[Finding]:
    """Each crawler has a user agent naming it and an https page with its information.

    Why: Measure 1.3 asks providers to make public the crawlers they use and their
    robots.txt features, so rightsholders can address them (VR-26). The user agent must
    carry the crawler's name or robots.txt token for rules to target it.

    Passes:
        rights_reservation: {crawlers: [{name: LumenBot, user_agent: "LumenBot/1.0 (+https://lumen-ai.example/bot)", purpose: Training data, info_url: "https://lumen-ai.example/bot"}]}

    Fails:
        rights_reservation: {crawlers: [{name: LumenBot, user_agent: "Mozilla/5.0", purpose: Training data, info_url: "http://lumen-ai.example/bot"}]}
    """
    crawlers = context.cp.rights_reservation.crawlers
    if not isinstance(crawlers, list):
        return
    for index, crawler in enumerate(crawlers):
        if not isinstance(crawler, Crawler):
            continue
        path = ("rights_reservation", "crawlers", index)
        tokens = [t.lower() for t in (crawler.name, crawler.robots_token) if t]
        if not any(t in crawler.user_agent.lower() for t in tokens):
            yield Finding(
                CP,
                (*path, "user_agent"),
                f"The user agent {crawler.user_agent!r} does not name the crawler {crawler.name!r}",
                hint="Give the exact user-agent string, which carries the robots.txt token.",
            )
        if not crawler.info_url.startswith("https://"):
            yield Finding(
                CP,
                (*path, "info_url"),
                f"The information page {crawler.info_url!r} is not an https:// link",
                hint="Publish the crawler information at an https:// address.",
            )


@rule(
    "CP004",
    "crawler-change-notification",
    severity=Severity.ERROR,
    reference="CoP Copyright Measure 1.3",
    catalogue=("COP.C.1.3.crawler_info_notify", "VR-26"),
    needs=NEEDS,
)
def crawler_change_notification(context: RuleContext) -> Iterator[Finding]:
    """A provider that crawls offers a way to be notified when crawler information changes.

    Why: Measure 1.3 asks for a means, such as a web feed, by which affected rightsholders
    are automatically informed when the crawler information is updated (VR-26).

    Passes:
        rights_reservation: {crawlers: {not_applicable: We do not crawl.}, change_notification: {not_applicable: No crawlers.}}

    Fails:
        rights_reservation: {crawlers: [{name: LumenBot, user_agent: LumenBot/1.0, purpose: Training data, info_url: "https://lumen-ai.example/bot"}], change_notification: {not_applicable: Not planned.}}
    """
    reservation = context.cp.rights_reservation
    notify = reservation.change_notification
    path = ("rights_reservation", "change_notification")
    crawls = isinstance(reservation.crawlers, list) and bool(reservation.crawlers)
    if crawls and isinstance(notify, NotApplicable):
        yield Finding(
            CP,
            path,
            "Crawlers are used but there is no way to be notified of changes to their information",
            hint="Publish a web feed (RSS or Atom) and give `change_notification: "
            "{method:, url:}`.",
        )
    if isinstance(notify, ChangeNotification) and not _is_url(notify.url):
        yield Finding(
            CP,
            (*path, "url"),
            f"The notification address {notify.url!r} is not a link",
            hint="Give the https:// address of the feed.",
        )


@rule(
    "CP005",
    "infringing-site-lists-named",
    severity=Severity.WARNING,
    reference="CoP Copyright Measure 1.2",
    catalogue=("COP.C.1.2.exclude_piracy_sites", "VR-26"),
    needs=NEEDS,
)
def infringing_site_lists_named(context: RuleContext) -> Iterator[Finding]:
    """The exclusion of infringing websites names the lists it uses, or explains why none.

    Why: Measure 1.2 excludes websites recognised by courts or authorities in the Union as
    persistently infringing on a commercial scale, using lists the Union publishes (VR-26).
    Without the lists, the exclusion cannot be checked; when no list applies, state why as
    `implementation: {not_applicable: <reason>}`.

    Passes:
        lawful_access: {infringing_sites: {implementation: Crawl frontier filtered daily., lists_used: ["https://lists.example.eu/infringing"]}}

    Fails:
        lawful_access: {infringing_sites: {implementation: Crawl frontier filtered daily., lists_used: []}}
    """
    sites = context.cp.lawful_access.infringing_sites
    # While the implementation is still to be provided, PJ001 or MD002 reports the open answer.
    if not sites.lists_used and not isinstance(sites.implementation, NotApplicable | ToBeProvided):
        yield Finding(
            CP,
            ("lawful_access", "infringing_sites", "lists_used"),
            "The exclusion of infringing websites names no list of such websites",
            hint="Name the lists in `lists_used`, or explain with `implementation: "
            "{not_applicable: <why no list applies>}`.",
        )


@rule(
    "CP006",
    "aup-prohibits-infringement",
    severity=Severity.ERROR,
    reference="CoP Copyright Measure 1.4",
    catalogue=("COP.C.1.4.aup_prohibition", "MDF.use.acceptable_use_policy", "VR-15"),
    needs=NEEDS,
)
def aup_prohibits_infringement(context: RuleContext) -> Iterator[Finding]:
    """The acceptable use policy or terms prohibit copyright-infringing uses of the model.

    Why: Measure 1.4 asks for the prohibition in the AUP, terms and conditions or equivalent
    documents; only for a free and open-source model may the accompanying documentation
    carry it instead (VR-15). `location` names where it is stated.

    Passes:
        output_safeguards: {aup_prohibition: {text: You may not use the model to infringe copyright., location: "https://lumen-ai.example/aup"}}

    Fails:
        output_safeguards: {aup_prohibition: {text: Use the model responsibly., location: "https://lumen-ai.example/aup"}}
    """
    prohibition = context.cp.output_safeguards.aup_prohibition
    path = ("output_safeguards", "aup_prohibition")
    if isinstance(prohibition, NotApplicable):
        yield Finding(
            CP,
            path,
            "The policy states no prohibition of copyright-infringing uses",
            hint="Prohibit them in the AUP or terms, and quote the wording here.",
        )
        return
    if not isinstance(prohibition, AupProhibition):
        return
    if not _COPYRIGHT.search(prohibition.text):
        yield Finding(
            CP,
            (*path, "text"),
            "The quoted prohibition does not mention copyright or related rights",
            hint="Quote the clause that prohibits copyright-infringing uses.",
        )
    md = context.model_documentation
    licence = md.distribution.license_category if md is not None else None
    if (
        md is not None
        and _MODEL_DOCS.search(prohibition.location)
        and not (
            isinstance(licence, str) and licence in context.pack.open_source_license_categories
        )
    ):
        yield Finding(
            CP,
            (*path, "location"),
            "Only a free and open-source model may state the prohibition in its model "
            "documentation; this model's licence is not free and open-source",
            hint="State it in the acceptable use policy or the terms and conditions.",
        )


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
        yield Finding(
            CP,
            path,
            "The copyright point of contact has neither an e-mail address nor a web address",
            hint="Add `email:` or `url:`.",
        )
    if contact.email is not None and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", contact.email):
        yield Finding(
            CP,
            (*path, "email"),
            f"{contact.email!r} is not an e-mail address",
            hint="Write it like copyright@example.com.",
        )
    if contact.url is not None and not _is_url(contact.url):
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
    """Rightsholders can lodge complaints electronically, at a published link.

    Why: Measure 1.5 asks for an electronic mechanism through which rightsholders and their
    representatives lodge complaints, with published information about it (VR-18).

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
    elif isinstance(complaints, ComplaintMechanism) and not (
        _is_url(complaints.url) or complaints.url.startswith("mailto:")
    ):
        yield Finding(
            CP,
            (*path, "url"),
            f"The complaint mechanism {complaints.url[:60]!r} is not an electronic address",
            hint="Give the https:// link of the complaint form (or a mailto: address).",
        )


@rule(
    "CP009",
    "required-measures-answered",
    severity=Severity.ERROR,
    reference="CoP Copyright Measures 1.1 to 1.5",
    catalogue=(
        "COP.C.1.1.responsibilities",
        "COP.C.1.2.lawful_access",
        "COP.C.1.2.no_tpm_circumvention",
        "COP.C.1.4.technical_safeguards",
        "COP.C.1.5.handling",
        "VR-26",
    ),
    needs=NEEDS,
)
def required_measures_answered(context: RuleContext) -> Iterator[Finding]:
    """Commitments that apply to every provider are not marked not applicable.

    Why: assigning responsibilities, lawful access without circumventing paywalls, output
    safeguards and complaint handling apply whatever the provider's data sources (VR-26).
    Only crawler-specific sections may be not applicable.

    Passes:
        responsibilities: [{role: General Counsel, responsibility: Owns the policy.}]

    Fails:
        responsibilities: {not_applicable: We are a small team.}
    """
    cp = context.cp
    answers = (
        (("responsibilities",), cp.responsibilities),
        (("lawful_access", "lawful_access"), cp.lawful_access.lawful_access),
        (("lawful_access", "paywalls"), cp.lawful_access.paywalls),
        (("output_safeguards", "technical_safeguards"), cp.output_safeguards.technical_safeguards),
        (("contact", "handling"), cp.contact.handling),
    )
    for path, answer in answers:
        if isinstance(answer, NotApplicable):
            yield Finding(
                CP,
                path,
                f"`{'.'.join(path)}` is marked not applicable, but this commitment applies to "
                "every provider",
                hint="Describe how the commitment is implemented.",
            )


@rule(
    "CP010",
    "policy-date-not-in-future",
    severity=Severity.ERROR,
    reference="CoP Copyright Measure 1.1 (keep the policy up to date)",
    catalogue=("COP.C.1.1.policy", "VR-26"),
    needs=NEEDS,
)
def policy_date_not_in_future(context: RuleContext) -> Iterator[Finding]:
    """The policy's last-updated date is not in the future.

    Why: the policy is kept up to date and carries its own version and date; a date after
    the validation date is a typo.

    Passes:
        document: {last_updated: 2025-10-01}

    Fails:
        document: {last_updated: 2099-01-01}
    """
    updated = context.cp.document.last_updated
    if updated > context.as_of:
        yield Finding(
            CP,
            ("document", "last_updated"),
            f"The last-updated date {updated} is after today ({context.as_of})",
            hint="Use the date of this version.",
        )
