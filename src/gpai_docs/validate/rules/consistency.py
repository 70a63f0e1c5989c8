"""Rules on cross-document consistency (XD codes): one fact, one answer, in every document.

Each rule compares one fact of requirements §8 across the model documentation, the public
summary of training content and the copyright policy. Names are compared folded (case,
spaces and punctuation ignored), so `Lumen AI B.V.` and `Lumen AI BV` agree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from gpai_docs.diagnostics import JsonPath, Severity
from gpai_docs.law.catalogue import entry
from gpai_docs.models._types import FORM_NA, NotApplicable, YesNo
from gpai_docs.models.copyright_policy import Crawler
from gpai_docs.models.training_data_summary import Dependency as TdsDependency
from gpai_docs.models.training_data_summary import Party
from gpai_docs.validate import determinations as det
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext

MD, TS, CP = "model_documentation", "training_data_summary", "copyright_policy"
MD_TS = (MD, TS)

_MODALITY = {
    "Text": "text",
    "Images": "image",
    "Audio": "audio",
    "Video": "video",
    "Other": "other",
}


def fold(text: str) -> str:
    """A name reduced to lowercase letters and digits, for comparing across documents."""
    return re.sub(r"[^a-z0-9]+", "", text.casefold())


def _tds_said(context: RuleContext, answers: tuple[tuple[str, str], ...]) -> bool | None:
    """True if any of the summary's questions is Yes, False if all are No, else None."""
    values = [getattr(getattr(context.tds.section_2, s), a) for s, a in answers]
    if not all(isinstance(v, YesNo) and v.answer in ("yes", "no") for v in values):
        return None
    return any(isinstance(v, YesNo) and v.yes for v in values)


@rule(
    "XD001",
    "provider-name-consistent",
    severity=Severity.ERROR,
    reference="Model Documentation Form 1; summary template 1.1",
    catalogue=("MDF.general.legal_name", "TDS.1.1.provider", "VR-25"),
    needs=MD_TS,
)
def provider_name_consistent(context: RuleContext) -> Iterator[Finding]:
    """The summary names the same provider as the model documentation.

    Why: the provider's legal name identifies who is responsible in both documents (VR-25).

    Passes:
        training_data_summary: {section_1: {provider: {name: Lumen AI BV}}}

    Fails:
        training_data_summary: {section_1: {provider: {name: Lumen Labs Ltd}}}
    """
    legal = context.md.general.legal_name
    name = context.tds.section_1.provider.name
    if isinstance(legal, str) and fold(legal) != fold(name):
        yield Finding(
            TS,
            ("section_1", "provider", "name"),
            f"The provider {name!r} differs from the legal name {legal!r} in the model "
            "documentation",
            hint="Use the provider's legal name in both documents.",
        )


@rule(
    "XD002",
    "model-names-consistent",
    severity=Severity.ERROR,
    reference="Model Documentation Form 1; summary template 1.2",
    catalogue=("MDF.general.model_name", "TDS.1.2.versioned_model_names", "VR-25"),
    needs=MD_TS,
)
def model_names_consistent(context: RuleContext) -> Iterator[Finding]:
    """The summary's versioned model names are the versions the model documentation covers.

    Why: both documents must describe the same model versions (VR-25). Every name in the
    summary is the model name or one of its versions in the model documentation, and every
    version the documentation covers appears in the summary.

    Passes:
        training_data_summary: {section_1: {versioned_model_names: [lumen-base-2-2025-10]}}

    Fails:
        training_data_summary: {section_1: {versioned_model_names: [lumen-base-3]}}
    """
    model = context.md.general.model_name
    known = {fold(model.name), *(fold(v) for v in model.versions)}
    names = context.tds.section_1.versioned_model_names
    for index, name in enumerate(names):
        if fold(name) not in known:
            yield Finding(
                TS,
                ("section_1", "versioned_model_names", index),
                f"{name!r} is neither the model name nor a version in the model documentation",
                hint="List the same versions in `general.model_name.versions`.",
            )
    listed = {fold(n) for n in names}
    for index, version in enumerate(model.versions):
        if fold(version) not in listed:
            yield Finding(
                MD,
                ("general", "model_name", "versions", index),
                f"The version {version!r} is not among the summary's versioned model names",
                hint="Add it to `section_1.versioned_model_names` of the summary.",
            )
    if not model.versions and fold(model.name) not in listed:
        yield Finding(
            MD,
            ("general", "model_name", "name"),
            f"The model {model.name!r} is not among the summary's versioned model names",
            hint="Name the versions covered in `general.model_name.versions`.",
        )


@rule(
    "XD003",
    "placement-date-consistent",
    severity=Severity.ERROR,
    reference="Model Documentation Form 1; summary template 1.2",
    catalogue=("MDF.general.union_market_release_date", "TDS.1.2.union_market_date", "VR-25"),
    needs=MD_TS,
)
def placement_date_consistent(context: RuleContext) -> Iterator[Finding]:
    """Both documents give the same date of placement on the Union market.

    Why: the placement date sets the deadlines for both documents (VR-25).

    Passes:
        training_data_summary: {section_1: {union_market_date: 2025-10-01}}

    Fails:
        training_data_summary: {section_1: {union_market_date: 2025-11-01}}
    """
    md_date = context.md.general.union_market_release_date
    tds_date = context.tds.section_1.union_market_date
    if isinstance(md_date, dt.date) and isinstance(tds_date, dt.date) and md_date != tds_date:
        yield Finding(
            TS,
            ("section_1", "union_market_date"),
            f"The placement date {tds_date} differs from the model documentation's {md_date}",
            hint="Correct whichever is wrong.",
        )


def _dependency_names(deps: object) -> set[str] | None:
    if deps == FORM_NA or isinstance(deps, NotApplicable):
        return set()
    if isinstance(deps, list):
        return {fold(d.name) for d in deps if hasattr(d, "name")}
    return None  # still to be provided


@rule(
    "XD004",
    "dependencies-consistent",
    severity=Severity.ERROR,
    reference="Model Documentation Form 1; summary template 1.2",
    catalogue=("MDF.general.model_dependencies", "TDS.1.2.model_dependencies", "VR-25"),
    needs=MD_TS,
)
def dependencies_consistent(context: RuleContext) -> Iterator[Finding]:
    """Both documents name the same models the model depends on.

    Why: a fine-tuned or modified model names its base models in both documents, and the
    summary links to their summaries (VR-25).

    Passes:
        training_data_summary: {section_1: {model_dependencies: N/A}}

    Fails:
        training_data_summary: {section_1: {model_dependencies: [{name: Base-7B}]}}
    """
    md_names = _dependency_names(context.md.general.model_dependencies)
    tds_deps = context.tds.section_1.model_dependencies
    tds_names = _dependency_names(tds_deps)
    if md_names is None or tds_names is None or md_names == tds_names:
        return
    missing = sorted(d.name for d in det.dependencies(context.md) if fold(d.name) not in tds_names)
    extra = sorted(
        d.name for d in (tds_deps if isinstance(tds_deps, list) else [])
        if isinstance(d, TdsDependency) and fold(d.name) not in md_names
    )  # fmt: skip
    parts = []
    if missing:
        parts.append(f"missing {', '.join(missing)}")
    if extra:
        parts.append(f"not in the model documentation: {', '.join(extra)}")
    yield Finding(
        TS,
        ("section_1", "model_dependencies"),
        f"The model dependencies differ from the model documentation's ({'; '.join(parts)})",
        hint="Name the same base models in both documents (N/A in both if there are none).",
    )


@rule(
    "XD005",
    "training-modalities-consistent",
    severity=Severity.WARNING,
    reference="Model Documentation Form 6; summary template 1.3",
    catalogue=("MDF.data.type_modality", "TDS.1.3.modality.text.size", "VR-25"),
    needs=MD_TS,
)
def training_modalities_consistent(context: RuleContext) -> Iterator[Finding]:
    """The summary's modalities are the data modalities of the model documentation.

    Why: both documents describe the same training data (VR-25). The documentation's data
    section also covers testing and validation data, so a difference may be deliberate,
    hence a warning. `Images` in the Form is `Image` in the template.

    Passes:
        model_documentation: {data: {type_modality: [Text]}}

    Fails:
        model_documentation: {data: {type_modality: [Text, Images]}}
    """
    declared = context.md.data.type_modality
    if not isinstance(declared, list):
        return
    md_set = {_MODALITY[m] for m in declared if m in _MODALITY}
    mods = context.tds.section_1.modalities
    tds_set = {m for m in ("text", "image", "audio", "video") if getattr(mods, m) is not None}
    if mods.other:
        tds_set.add("other")
    for name in sorted(md_set - tds_set):
        yield Finding(
            TS,
            ("section_1", "modalities"),
            f"The model documentation lists {name} data but the summary has no {name} row",
            hint=f"Add `{name}:` to section 1.3, or correct the model documentation.",
        )
    for name in sorted(tds_set - md_set):
        yield Finding(
            MD,
            ("data", "type_modality"),
            f"The summary has a {name} row but the model documentation's data modalities "
            f"do not include it",
            hint="Add the modality to `data.type_modality`, or correct the summary.",
        )


_PROVENANCE_WHY = (
    "Why: the Form's data provenance and the summary's section {number} describe the same "
    "sources (VR-25): a source the Form lists is answered Yes in the summary, and a Yes in "
    "the summary is listed in the Form. The Form also covers testing and validation data, "
    "so a difference may be deliberate, hence a warning."
)


def _provenance_rule(
    code: str,
    name: str,
    provenance: str,
    answers: tuple[tuple[str, str], ...],
    number: str,
    catalogue_id: str,
    examples: tuple[str, str],
) -> None:
    """Register the rule comparing one provenance option with the summary's section."""
    label = provenance.split(" (")[0].lower()

    def check(context: RuleContext) -> Iterator[Finding]:
        listed_in = context.md.data.provenance
        said = _tds_said(context, answers)
        if not isinstance(listed_in, list) or said is None:
            return
        listed = provenance in listed_in
        if listed and not said:
            yield Finding(
                TS,
                ("section_2", answers[0][0], answers[0][1]),
                f"The model documentation lists {label} as a data source but section "
                f"{number} is answered No",
                hint=f"Answer Yes in section {number}, or correct `data.provenance`.",
            )
        elif said and not listed:
            yield Finding(
                MD,
                ("data", "provenance"),
                f"Section {number} of the summary is answered Yes but the data provenance "
                f"does not list {label}",
                hint=f"Add {provenance!r} to `data.provenance`, or correct the summary.",
            )

    passes, fails = examples
    check.__doc__ = (
        f"The Form's provenance `{provenance}` agrees with section {number} of the summary.\n\n"
        f"{_PROVENANCE_WHY.format(number=number)}\n\n"
        f"Passes:\n    {passes}\n\nFails:\n    {fails}\n"
    )
    check.__name__ = name.replace("-", "_")
    rule(
        code,
        name,
        severity=Severity.WARNING,
        reference=f"Model Documentation Form 6; summary template {number}",
        catalogue=("MDF.data.provenance", catalogue_id, "VR-25"),
        needs=MD_TS,
    )(check)


# In the Form's order: web, private third-party, user, public, synthetic, other.
_PROVENANCE: tuple[str, ...] = entry("MDF.data.provenance").allowed_values or ()
_provenance_rule(
    "XD006",
    "provenance-web-crawling",
    _PROVENANCE[0],
    (("crawled_data", "used"),),
    "2.3",
    "TDS.2.3.crawlers_used",
    (
        "model_documentation: {data: {provenance: [Publicly available datasets]}}",
        "model_documentation: {data: {provenance: [Publicly available datasets, Web crawling]}}",
    ),
)
_provenance_rule(
    "XD007",
    "provenance-third-party-private",
    _PROVENANCE[1],
    (("licensed_data", "used"), ("private_third_party_data", "used")),
    "2.2",
    "TDS.2.2.2.obtained",
    (
        "training_data_summary: {section_2: {licensed_data: {used: No}}}",
        "training_data_summary: {section_2: {licensed_data: {used: Yes, modalities: [Text]}}}",
    ),
)
_provenance_rule(
    "XD008",
    "provenance-public-datasets",
    _PROVENANCE[3],
    (("public_datasets", "used"),),
    "2.1",
    "TDS.2.1.used",
    (
        "model_documentation: {data: {provenance: [Publicly available datasets]}}",
        "model_documentation: {data: {provenance: [Web crawling]}}",
    ),
)
_provenance_rule(
    "XD009",
    "provenance-user-data",
    _PROVENANCE[2],
    (("user_data", "model_interaction"), ("user_data", "other_services")),
    "2.4",
    "TDS.2.4.other_services",
    (
        "training_data_summary: {section_2: {user_data: {model_interaction: No, other_services: No}}}",
        "model_documentation: {data: {provenance: [Publicly available datasets, User data]}}",
    ),
)
_provenance_rule(
    "XD010",
    "provenance-synthetic-data",
    _PROVENANCE[4],
    (("synthetic_data", "used"),),
    "2.5",
    "TDS.2.5.used",
    (
        "training_data_summary: {section_2: {synthetic_data: {used: No}}}",
        "training_data_summary: {section_2: {synthetic_data: {used: Yes, other_models: Own model}}}",
    ),
)
_provenance_rule(
    "XD011",
    "provenance-other-sources",
    _PROVENANCE[5],
    (("other_sources", "used"),),
    "2.6",
    "TDS.2.6.used",
    (
        "training_data_summary: {section_2: {other_sources: {used: No}}}",
        "training_data_summary: {section_2: {other_sources: {used: Yes, description: Archives}}}",
    ),
)


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
    matched by its name or its robots.txt token.

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
    known = {fold(t) for c in published for t in (c.name, c.robots_token) if t}
    named = (crawled.crawler_names or []) if crawled.used.yes else []
    for index, name in enumerate(named):
        if fold(name) not in known:
            yield Finding(
                TS,
                ("section_2", "crawled_data", "crawler_names", index),
                f"The crawler {name!r} is not published in the copyright policy",
                hint="Add it to `rights_reservation.crawlers` of the copyright policy.",
            )
    folded = {fold(n) for n in named}
    for index, crawler in enumerate(published):
        if not {fold(t) for t in (crawler.name, crawler.robots_token) if t} & folded:
            yield Finding(
                CP,
                ("rights_reservation", "crawlers", index),
                f"The crawler {crawler.name!r} is not named in section 2.3 of the summary",
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
    if not det.authorised_representative_needed(context.md, context.pack):
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
    if isinstance(rep, Party) and md_rep is not None and fold(rep.name) != fold(md_rep.name):
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
