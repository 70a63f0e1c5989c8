"""Copyright policy rules on Measure 1.2, lawful access (no persistently infringing
websites), and Measure 1.4, infringing outputs (the acceptable use policy's prohibition)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.answers import NotApplicable, ToBeProvided
from gpai_docs.models.copyright_policy import AupProhibition
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.copyright_policy._document import CP, NEEDS

_COPYRIGHT = re.compile(r"copyright|related rights?|intellectual property|\bIP\b", re.IGNORECASE)
_MODEL_DOCS = re.compile(r"model (card|documentation)|readme", re.IGNORECASE)


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
    reads=("model_documentation",),  # the licence category
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
        and prohibition.location is not None
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
