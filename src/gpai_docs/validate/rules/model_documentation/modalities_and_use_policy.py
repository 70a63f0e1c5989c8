"""Model documentation rules on the Form's input and output modalities (Model properties)
and on the acceptable use policy (Use)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.model_documentation import ModalitySize
from gpai_docs.validate.rules._links import is_link
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.model_documentation._form_values import MD, NEEDS


@rule(
    "MD016",
    "modality-max-size",
    severity=Severity.ERROR,
    reference="Model Documentation Form, Model properties: input and output modalities",
    catalogue=("MDF.properties.input_modalities", "MDF.properties.output_modalities", "VR-14"),
    needs=NEEDS,
)
def modality_max_size(context: RuleContext) -> Iterator[Finding]:
    """Every modality is named once, and an `Other` modality says what it is.

    Why: the Form asks a maximum size (or N/A) for each selected modality (VR-14); the
    schema requires the size, this rule catches duplicates and unnamed `Other` entries.

    Passes:
        properties: {input_modalities: [{modality: Text, max_size: 128k tokens}]}

    Fails:
        properties: {input_modalities: [{modality: Other, max_size: N/A}]}
    """
    props = context.md.properties
    for field in ("input_modalities", "output_modalities"):
        items = getattr(props, field)
        if not isinstance(items, list):
            continue
        seen: set[str] = set()
        for index, item in enumerate(items):
            if not isinstance(item, ModalitySize):
                continue
            if item.modality == "Other" and item.other_name is None:
                yield Finding(
                    MD,
                    ("properties", field, index, "modality"),
                    "An `Other` modality does not say what it is",
                    hint="Add `other_name:`.",
                )
            key = f"{item.modality}:{item.other_name or ''}"
            if key in seen:
                yield Finding(
                    MD,
                    ("properties", field, index),
                    f"The modality {item.modality} is listed twice",
                    hint="Merge the two entries.",
                )
            seen.add(key)


# "See https://…", "See: https://…", "Available at https://…": words that point to a link.
_POINTED_TO = re.compile(r"^\s*(?:see|available at|published at)\s*:?\s+", re.IGNORECASE)


@rule(
    "MD017",
    "acceptable-use-policy-link",
    severity=Severity.ERROR,
    reference="Model Documentation Form, Use: acceptable use policy",
    catalogue=("MDF.use.acceptable_use_policy", "VR-15"),
    needs=NEEDS,
)
def acceptable_use_policy_link(context: RuleContext) -> Iterator[Finding]:
    """The acceptable use policy is a link, or an explicit statement that there is none.

    Why: the Form asks for a link to the applicable AUP, or an explicit statement that none
    exists (VR-15).

    A link pointed to in words ("See https://example.com/aup") is a link too.

    Passes:
        use: {acceptable_use_policy: "See https://example.com/aup"}

    Fails:
        use: {acceptable_use_policy: "see our website"}
    """
    aup = context.md.use.acceptable_use_policy
    if isinstance(aup, str) and not is_link(_POINTED_TO.sub("", aup)):
        yield Finding(
            MD,
            ("use", "acceptable_use_policy"),
            f"The acceptable use policy {aup[:60]!r} is not a link",
            hint="Give an https:// link, or `not_applicable: <statement that there is no AUP>`.",
        )
