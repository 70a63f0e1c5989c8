"""Copyright policy rules on commitments a published policy writes in its own words: the
robots.txt commitment in prose (Measure 1.3) and the prohibition of infringing uses quoted
without the document that states it (Measure 1.4).

The policy's text is kept and shown as written; these rules say what structure the Code's
measure expects beside it, so that the other rules can check it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.copyright_policy import AupProhibition
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.copyright_policy._document import CP, NEEDS

_RFC_9309 = re.compile(r"\bRFC\s*9309\b|Robots?\s+Exclusion\s+Protocol", re.IGNORECASE)


@rule(
    "CP016",
    "robots-txt-in-prose",
    severity=Severity.WARNING,
    reference="CoP Copyright Measure 1.3",
    catalogue=("COP.C.1.3.robots_txt", "VR-26"),
    needs=NEEDS,
)
def robots_txt_in_prose(context: RuleContext) -> Iterator[Finding]:
    """A robots.txt commitment written only in prose also answers `honoured:` and `standard:`.

    Why: Measure 1.3 asks for crawlers that read and follow robots.txt according to the
    Robot Exclusion Protocol, RFC 9309 (VR-26). A sentence such as "Our crawler respects
    robots.txt directives" is kept and shown as written, but it does not say which standard
    is followed, and CP001 cannot check a commitment it cannot read.

    Passes:
        rights_reservation: {robots_txt: {honoured: true, standard: RFC 9309, statement: Our crawler respects robots.txt directives.}}

    Fails:
        rights_reservation: {robots_txt: {honoured: null, standard: null, implementation: null, statement: Our crawler respects robots.txt directives.}}
    """
    robots = context.cp.rights_reservation.robots_txt
    if robots.statement is None or robots.honoured is not None:
        return
    names_rfc = _RFC_9309.search(robots.statement) or (
        isinstance(robots.standard, str) and _RFC_9309.search(robots.standard)
    )
    yield Finding(
        CP,
        ("rights_reservation", "robots_txt", "statement"),
        "The robots.txt commitment is written in prose only"
        + ("" if names_rfc else ", and it names no standard"),
        hint="Keep the sentence, and add `honoured: true` and `standard: RFC 9309` (the "
        "Robot Exclusion Protocol Measure 1.3 names) beside it.",
    )


@rule(
    "CP017",
    "aup-prohibition-located",
    severity=Severity.WARNING,
    reference="CoP Copyright Measure 1.4",
    catalogue=("COP.C.1.4.aup_prohibition", "VR-15"),
    needs=NEEDS,
)
def aup_prohibition_located(context: RuleContext) -> Iterator[Finding]:
    """The policy says where its prohibition of infringing uses is stated.

    Why: Measure 1.4 asks for the prohibition in the acceptable use policy, the terms and
    conditions or equivalent documents (for a free and open-source model, the accompanying
    documentation) (VR-15). A policy that quotes the prohibition without naming or linking
    that document leaves rightsholders and users unable to find it, and CP006 unable to
    check that the document is one the measure allows.

    Passes:
        output_safeguards: {aup_prohibition: {text: You may not use the model to infringe copyright., location: "https://lumen-ai.example/aup"}}

    Fails:
        output_safeguards: {aup_prohibition: {text: You may not use the model to infringe copyright., location: null}}
    """
    prohibition = context.cp.output_safeguards.aup_prohibition
    if isinstance(prohibition, AupProhibition) and prohibition.location is None:
        yield Finding(
            CP,
            ("output_safeguards", "aup_prohibition"),
            "The policy quotes the prohibition of infringing uses but does not say where it "
            "is stated",
            hint="Add `location:` with the acceptable use policy or terms that state it (a "
            "link, or the document's name).",
        )
