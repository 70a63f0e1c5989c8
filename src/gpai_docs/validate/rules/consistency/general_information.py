"""Cross-document rules on section 1 of the summary, general information, against the model
documentation: the provider, the model's versions, the placement date, the models it
depends on and the modalities of its training data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.answers import FORM_NA, NotApplicable, ToBeProvided
from gpai_docs.models.shapes import is_record
from gpai_docs.models.training_data_summary import Dependency as TdsDependency
from gpai_docs.validate.determinations.modification import dependencies
from gpai_docs.validate.rules._name_matching import fold
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.consistency._document_keys import MD, MD_TS, TS
from gpai_docs.validate.rules.context import RuleContext

_MODALITY = {
    "Text": "text",
    "Images": "image",
    "Audio": "audio",
    "Video": "video",
    "Other": "other",
}


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
    if isinstance(legal, str) and isinstance(name, str) and fold(legal) != fold(name):
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
    missing = sorted(d.name for d in dependencies(context.md) if fold(d.name) not in tds_names)
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
    rows = {m: getattr(mods, m) for m in ("text", "image", "audio", "video")}
    # A row still to be provided is neither there nor missing: compare the answered ones.
    tds_set = {m for m, row in rows.items() if is_record(row)}
    md_set -= {m for m, row in rows.items() if isinstance(row, ToBeProvided)}
    if isinstance(mods.other, list) and mods.other:
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
