"""Cross-document rules on the data provenance: each source the Form lists (Model
Documentation Form 6) against the matching section 2.1 to 2.6 of the summary."""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.law.catalogue import entry
from gpai_docs.models.choices import YesNo
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.consistency._document_keys import MD, MD_TS, TS
from gpai_docs.validate.rules.context import RuleContext


def _tds_said(context: RuleContext, answers: tuple[tuple[str, str], ...]) -> bool | None:
    """True if any of the summary's questions is Yes, False if all are No, else None."""
    values = [getattr(getattr(context.tds.section_2, s), a) for s, a in answers]
    if not all(isinstance(v, YesNo) and v.answer in ("yes", "no") for v in values):
        return None
    return any(isinstance(v, YesNo) and v.yes for v in values)


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
