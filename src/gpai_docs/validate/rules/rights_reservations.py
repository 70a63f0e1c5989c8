"""Rules on the opt-out protocols a copyright policy names (CP011 to CP014), Measure 1.3.

Which protocols exist and how settled each is comes from the versioned vocabulary
(data/optout_protocols.yaml, `context.pack.protocols`; requirements §12, UPD.protocols,
UPD.aipref), never from code. A protocol is named by its vocabulary `id`; a name the
vocabulary does not know is allowed as free text, with a note.
"""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.answers import NotApplicable
from gpai_docs.models.copyright_policy import Protocol
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext

CP = "copyright_policy"
NEEDS = (CP,)
PROTOCOLS = ("rights_reservation", "other_protocols")


def _protocols(context: RuleContext) -> Iterator[tuple[int, Protocol]]:
    protocols = context.cp.rights_reservation.other_protocols
    if isinstance(protocols, list):
        yield from ((i, p) for i, p in enumerate(protocols) if isinstance(p, Protocol))


@rule(
    "CP011",
    "protocol-outside-vocabulary",
    severity=Severity.INFO,
    reference="CoP Copyright Measure 1.3; opt-out protocol vocabulary (UPD.protocols)",
    catalogue=("COP.C.1.3.other_protocols", "VR-26"),
    needs=NEEDS,
)
def protocol_outside_vocabulary(context: RuleContext) -> Iterator[Finding]:
    """A protocol the opt-out vocabulary does not know is kept as free text, with a note.

    Why: the machine-readable protocols a policy may honour besides robots.txt are a
    controlled, versioned vocabulary (UPD.protocols): each has an id, a name, a status
    (standard, draft with its revision, vendor or sector) and a reference, so readers and
    tools know what the policy means. Free text stays allowed for anything else; it is
    noted so that a typo or a protocol worth adding to the vocabulary does not pass unseen.

    Passes:
        rights_reservation: {other_protocols: [{id: tdmrep, implementation: Reserved pages are dropped.}]}

    Fails:
        rights_reservation: {other_protocols: [{name: Our own opt-out list, implementation: Listed sites are skipped.}]}
    """
    vocabulary = context.pack.protocols
    for index, protocol in _protocols(context):
        name = protocol.name or ""
        if protocol.id is not None or vocabulary.not_a_protocol(name, protocol.url):
            continue  # CP012 reports what is no opt-out protocol at all
        yield Finding(
            CP,
            (*PROTOCOLS, index, "name"),
            f"{name!r} is not in the opt-out protocol vocabulary {vocabulary.version}; it is "
            "kept as free text",
            hint=f"If it is one of {', '.join(vocabulary.ids)}, write `id:` instead; "
            "otherwise give its specification in `url:`.",
        )


@rule(
    "CP012",
    "llms-txt-is-not-an-opt-out",
    severity=Severity.WARNING,
    reference="CoP Copyright Measure 1.3; opt-out protocol vocabulary (UPD.protocols)",
    catalogue=("COP.C.1.3.other_protocols", "VR-26"),
    needs=NEEDS,
)
def llms_txt_is_not_an_opt_out(context: RuleContext) -> Iterator[Finding]:
    """`llms.txt` (or anything else that reserves no rights) is not given as an opt-out protocol.

    Why: Measure 1.3 asks for compliance with machine-readable reservations of rights.
    `llms.txt` points language models to a site's content; it is not an opt-out signal
    (UPD.protocols), so honouring it says nothing about reservations, and a policy that
    lists it may leave the protocols that do reserve rights unread.

    Passes:
        rights_reservation: {other_protocols: [{id: ai-txt, implementation: Disallowed paths are skipped.}]}

    Fails:
        rights_reservation: {other_protocols: [{name: llms.txt, implementation: We read llms.txt on every site.}]}
    """
    vocabulary = context.pack.protocols
    for index, protocol in _protocols(context):
        found = vocabulary.not_a_protocol(protocol.name, protocol.url)
        if found is not None:
            yield Finding(
                CP,
                (*PROTOCOLS, index),
                f"{found.name} is listed as an opt-out protocol, but it is none: {found.reason}",
                hint="Remove it from `other_protocols`, and name the protocols that reserve "
                f"rights ({', '.join(vocabulary.ids)}).",
            )


@rule(
    "CP013",
    "draft-protocol-version",
    severity=Severity.WARNING,
    reference="CoP Copyright Measure 1.3; opt-out protocol vocabulary (UPD.aipref)",
    catalogue=("COP.C.1.3.other_protocols", "COP.C.1.3.crawler_info_public", "VR-26"),
    needs=NEEDS,
)
def draft_protocol_version(context: RuleContext) -> Iterator[Finding]:
    """A draft protocol is named with the revision the crawlers implement.

    Why: a draft changes between revisions: AIPREF's vocabulary draft -08 has only the
    categories `train-ai` and `search`, after nesting and `ai-use` were removed (UPD.aipref).
    Rightsholders can only tell what a `Content-Usage` preference will do when the policy,
    its public summary and the crawler page say which revision is implemented.

    Passes:
        rights_reservation: {other_protocols: [{id: aipref-content-usage, version: draft-ietf-aipref-attach-05 with draft-ietf-aipref-vocab-08, implementation: train-ai=n is honoured.}]}

    Fails:
        rights_reservation: {other_protocols: [{id: aipref-content-usage, implementation: train-ai=n is honoured.}]}
    """
    vocabulary = context.pack.protocols
    for index, protocol in _protocols(context):
        if protocol.id is None or protocol.version is not None:
            continue
        known = vocabulary.get(protocol.id)
        if known.status == "draft":
            yield Finding(
                CP,
                (*PROTOCOLS, index),
                f"{known.name} is a draft, and the policy does not say which revision the "
                "crawlers implement",
                hint=f"Add `version:`, for example `{known.version}` (the revisions in the "
                f"vocabulary {vocabulary.version}).",
            )


@rule(
    "CP014",
    "natural-language-reservations",
    severity=Severity.WARNING,
    reference="CoP Copyright Measure 1.3; OLG Hamburg, Kneschke v LAION (UPD.nl_reservation)",
    catalogue=("COP.C.1.3.rights_reservation_any_means", "COP.C.1.3.other_protocols", "VR-26"),
    needs=NEEDS,
)
def natural_language_reservations(context: RuleContext) -> Iterator[Finding]:
    """A provider that crawls says how it treats reservations written in terms of use.

    Why: OLG Hamburg (Kneschke v LAION, 10 December 2025) held that a reservation written in
    natural language in a website's terms of use is not machine-readable for § 44b UrhG; the
    appeal to the BGH is allowed, so the question is open (UPD.nl_reservation). A crawling
    provider's policy should say whether its crawlers read such reservations and how it
    honours them.

    Passes:
        rights_reservation: {crawlers: {not_applicable: We do not crawl.}, change_notification: {not_applicable: No crawlers.}}

    Fails:
        rights_reservation: {crawlers: [{name: LumenBot, user_agent: LumenBot/1.0, purpose: Training data, info_url: "https://lumen-ai.example/bot"}], natural_language_reservations: null}
    """
    reservation = context.cp.rights_reservation
    crawlers = reservation.crawlers
    if not (isinstance(crawlers, list) and crawlers):
        return
    answer = reservation.natural_language_reservations
    if answer is None or isinstance(answer, NotApplicable):
        fact = context.pack.facts["natural_language_reservations"]
        yield Finding(
            CP,
            ("rights_reservation", "natural_language_reservations")
            if answer is not None
            else ("rights_reservation",),
            "Crawlers are used, but the policy does not say how reservations written in "
            "natural language (for example in terms of use) are treated",
            hint="Add `natural_language_reservations:` saying how they are treated. "
            f"{fact.text[0].upper()}{fact.text[1:]} ({fact.source.update_id}).",
        )
