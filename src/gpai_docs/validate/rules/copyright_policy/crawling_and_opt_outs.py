"""Copyright policy rules on Measure 1.3, rights reservations: robots.txt, the other
machine-readable protocols, and the crawlers' published information."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.answers import NotApplicable
from gpai_docs.models.copyright_policy import ChangeNotification, Crawler, Protocol
from gpai_docs.validate.rules._links import is_link
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.copyright_policy._document import CP, NEEDS

_RFC_9309 = re.compile(r"\bRFC\s*-?\s*9309\b", re.IGNORECASE)
_GENERIC_PROTOCOL = re.compile(
    r"^\s*((all|any|other|appropriate|relevant|applicable|common|standard|recognised|"
    r"recognized|industry[- ]standard|state[- ]of[- ]the[- ]art|machine[- ]readable|"
    r"widely[- ]adopted)\s+)*((rights?[- ]reservations?|opt[- ]outs?|tdm|ai)\s+)?"
    r"(protocols?|standards?|metadata|mechanisms?|signals?|solutions?|means|tags?)\s*$",
    re.IGNORECASE,
)


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
    if robots.honoured is None and robots.statement is None:
        yield Finding(
            CP,
            ("rights_reservation", "robots_txt"),
            "The policy says nothing about robots.txt",
            hint="Measure 1.3 requires crawlers that follow robots.txt: set `honoured: true`, "
            "`standard: RFC 9309` and describe how.",
        )
    if robots.honoured is False:
        yield Finding(
            CP,
            ("rights_reservation", "robots_txt", "honoured"),
            "The policy does not commit to following robots.txt",
            hint="Measure 1.3 requires it: set `honoured: true` and describe how.",
        )
    if isinstance(robots.standard, str) and not _RFC_9309.search(robots.standard):
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
    if isinstance(notify, ChangeNotification) and not is_link(notify.url):
        yield Finding(
            CP,
            (*path, "url"),
            f"The notification address {notify.url!r} is not a link",
            hint="Give the https:// address of the feed.",
        )
