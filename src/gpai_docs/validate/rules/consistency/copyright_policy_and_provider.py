"""Cross-document rules on the copyright policy and the provider's status: the crawlers it
publishes, the models it covers, the Code signature and the authorised representative."""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import JsonPath, Severity
from gpai_docs.models.answers import NotApplicable
from gpai_docs.models.choices import YesNo
from gpai_docs.models.copyright_policy import Crawler
from gpai_docs.models.summary_parties import Party
from gpai_docs.validate.determinations.exemptions_and_representative import (
    authorised_representative_needed,
)
from gpai_docs.validate.rules._name_matching import fold
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.consistency._crawler_names import crawler_keys, name_keys
from gpai_docs.validate.rules.consistency._document_keys import CP, MD, MD_TS, TS
from gpai_docs.validate.rules.context import RuleContext


@rule(
    "XD012",
    "crawlers-published",
    severity=Severity.ERROR,
    reference="CoP Copyright Measure 1.3; summary template 2.3",
    catalogue=("COP.C.1.3.crawler_info_public", "TDS.2.3.crawler_names", "VR-25"),
    needs=(TS, CP),
)
def crawlers_published(context: RuleContext) -> Iterator[Finding]:
    """The crawlers named in the summary are the crawlers the copyright policy publishes.

    Why: every crawler that collected training data is published with its information in
    the copyright policy, and the summary names the same crawlers (VR-25). A crawler is
    matched by its name, its robots.txt token or a product token of its User-Agent string,
    compared folded (case, spaces and punctuation ignored): the summary may name
    `LumenBot/1.0` or the whole string `Mozilla/5.0 (compatible; LumenBot/1.0)` for the
    policy's crawler `LumenBot`. When section 2.3 answers No (no crawlers used) while the
    policy publishes crawlers, or Yes while the policy states it uses none, the finding
    says the two documents contradict each other.

    Passes:
        training_data_summary: {section_2: {crawled_data: {used: No}}}

    Fails:
        copyright_policy: {rights_reservation: {crawlers: [{name: LumenBot, user_agent: LumenBot/1.0, purpose: Training data, info_url: "https://lumen-ai.example/bot"}]}}
    """
    crawled = context.tds.section_2.crawled_data
    if not (isinstance(crawled.used, YesNo) and crawled.used.answer in ("yes", "no")):
        return
    policy = context.cp.rights_reservation.crawlers
    published = [c for c in policy if isinstance(c, Crawler)] if isinstance(policy, list) else []
    if not isinstance(policy, list | NotApplicable):
        return  # still to be provided
    known = set().union(*(crawler_keys(c) for c in published))
    named = (crawled.crawler_names or []) if crawled.used.yes else []
    none = isinstance(policy, NotApplicable) or not published
    for index, name in enumerate(named):
        if not name_keys(name) & known:
            yield Finding(
                TS,
                ("section_2", "crawled_data", "crawler_names", index),
                f"The crawler {name!r} is not published in the copyright policy"
                + (", which states that no crawlers are used" if none else ""),
                hint="Add it to `rights_reservation.crawlers` of the copyright policy"
                + (" (both documents must tell the same)." if none else "."),
            )
    folded = set().union(*(name_keys(n) for n in named))
    for index, crawler in enumerate(published):
        if not crawler_keys(crawler) & folded:
            yield Finding(
                CP,
                ("rights_reservation", "crawlers", index),
                f"The crawler {crawler.name!r} is not named in section 2.3 of the summary"
                + (", which answers No: no crawlers used" if crawled.used.no else ""),
                hint="Name it in `section_2.crawled_data.crawler_names` (answered Yes), or "
                "remove it from the policy.",
            )


@rule(
    "XD013",
    "signatory-consistent",
    severity=Severity.ERROR,
    reference="Summary template 3.1; GPAI Code of Practice signatory list",
    catalogue=("TDS.3.1.signatory", "VR-25"),
    needs=MD_TS,
)
def signatory_consistent(context: RuleContext) -> Iterator[Finding]:
    """The summary's answer on signing the Code of Practice matches the provider's status.

    Why: section 3.1 asks whether the provider signed the Code; the answer must match the
    signature recorded in the model documentation (VR-25).

    Passes:
        training_data_summary: {section_3: {rights_reservation: {signatory: Yes}}}

    Fails:
        training_data_summary: {section_3: {rights_reservation: {signatory: No}}}
    """
    answer = context.tds.section_3.rights_reservation.signatory
    signed = context.md.provider.code_of_practice_signatory
    if not isinstance(signed, bool):  # to be provided: nothing to compare with yet
        return
    if isinstance(answer, YesNo) and answer.answer in ("yes", "no") and answer.yes != signed:
        yield Finding(
            TS,
            ("section_3", "rights_reservation", "signatory"),
            f"Section 3.1 answers {answer.answer.capitalize()} but the model documentation "
            f"records the provider as {'a' if signed else 'not a'} signatory",
            hint="Correct the answer, or `provider.code_of_practice_signatory`.",
        )


@rule(
    "XD014",
    "authorised-representative-in-summary",
    severity=Severity.ERROR,
    reference="AI Act Art 54(1); summary template 1.1",
    catalogue=("TDS.1.1.authorised_rep", "AIA.54.1", "VR-11", "VR-25"),
    needs=MD_TS,
)
def authorised_representative_in_summary(context: RuleContext) -> Iterator[Finding]:
    """A provider outside the Union names its authorised representative in the summary too.

    Why: section 1.1 asks for the authorised representative where the provider is
    established outside the Union and not exempt (VR-11), and it is the same representative
    as in the model documentation (VR-25).

    Passes:
        model_documentation: {provider: {established_in_union: false, authorised_representative: {name: Rep GmbH, contact: rep@example.eu}}}
        training_data_summary: {section_1: {authorised_representative: {name: Rep GmbH, contact: rep@example.eu}}}

    Fails:
        model_documentation: {provider: {established_in_union: false, authorised_representative: {name: Rep GmbH, contact: rep@example.eu}}}
    """
    if not authorised_representative_needed(context.md, context.pack):
        return
    rep = context.tds.section_1.authorised_representative
    path: JsonPath = ("section_1", "authorised_representative")
    if rep is None or isinstance(rep, NotApplicable):
        yield Finding(
            TS,
            path if rep is not None else ("section_1",),
            "The provider is established outside the Union but the summary names no "
            "authorised representative",
            hint="Add `authorised_representative: {name:, contact:}` to section 1.1.",
        )
        return
    md_rep = context.md.provider.authorised_representative
    if (
        isinstance(rep, Party)
        and isinstance(rep.name, str)
        and md_rep is not None
        and fold(rep.name) != fold(md_rep.name)
    ):
        yield Finding(
            TS,
            (*path, "name"),
            f"The representative {rep.name!r} differs from {md_rep.name!r} in the model "
            "documentation",
            hint="Name the same representative in both documents.",
        )


@rule(
    "XD015",
    "policy-covers-model",
    severity=Severity.ERROR,
    reference="CoP Copyright Measure 1.1",
    catalogue=("COP.C.1.1.policy", "MDF.general.model_name", "VR-25"),
    needs=(MD, CP),
)
def policy_covers_model(context: RuleContext) -> Iterator[Finding]:
    """The copyright policy lists the documented model among the models it covers.

    Why: one copyright policy covers every model the provider places on the Union market
    (Measure 1.1); the documented model must be among them, by its name or a version.

    Passes:
        copyright_policy: {document: {models_covered: [Lumen-Base-1, Lumen-Base-2]}}

    Fails:
        copyright_policy: {document: {models_covered: [Lumen-Base-1]}}
    """
    model = context.md.general.model_name
    names = {fold(model.name), *(fold(v) for v in model.versions)}
    covered = {fold(m) for m in context.cp.document.models_covered}
    if not names & covered:
        yield Finding(
            CP,
            ("document", "models_covered"),
            f"The copyright policy does not cover the model {model.name!r}",
            hint="Add the model name to `document.models_covered`.",
        )
