"""Rules that apply to every document of the project (PJ codes)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from gpai_docs.diagnostics import JsonPath, Severity
from gpai_docs.errors import InternalError
from gpai_docs.law import reviewer_lists
from gpai_docs.models.answers import NotApplicable, is_not_applicable, is_placeholder
from gpai_docs.models.kinds import KINDS
from gpai_docs.models.walk import AnswerState, walk_values
from gpai_docs.validate.rules._registry import DOCUMENTS, Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.obligations import MD, due_on, exempt

_GUIDANCE = re.compile(
    r"^\s*(\[[^\]]*\]|<[^>]*>|\{\{.*\}\})\s*$"  # [More Information Needed], <insert>, {{x}}
    r"|lorem ipsum|insert (text|here|link)|fill (this )?in|to be completed by"
    r"|^(general )?description of (the )?measures taken\.?$"
    r"|^describe (the|your) ",
    re.IGNORECASE,
)


# Each document's own legal basis: an open answer in the copyright policy is owed under
# Art 53(1)(c) and the Copyright chapter, not under the Transparency chapter.
_TEMPLATE = "Template for the summary of training content"
_DOCUMENT_REFERENCES = {
    kind.key: kind.reference + (f"; {_TEMPLATE}" if kind.key == "training_data_summary" else "")
    for kind in KINDS
}


def _documents(context: RuleContext) -> Iterator[tuple[str, BaseModel]]:
    for key in DOCUMENTS:
        document = getattr(context, key)
        if document is not None:
            yield key, document


def _bare_placeholder(path: JsonPath, value: str) -> bool:
    """A stand-in such as "TBD" typed as the answer. N/A is PJ005's; a draft's own
    ``to_be_provided`` note may say "TBD"."""
    return (
        is_placeholder(value)
        and not is_not_applicable(value)
        and not (path and path[-1] == "to_be_provided")
    )


def _texts(document: BaseModel) -> Iterator[tuple[JsonPath, str]]:
    """Every text in ``document`` with its path (answer wrappers' texts included)."""
    for node in walk_values(document):
        if isinstance(node.value, str):
            yield node.path, node.value


@rule(
    "PJ001",
    "answers-to-be-provided",
    severity=Severity.WARNING,
    reference="AI Act Art 53(1) and (2); per document: CoP Transparency Measure 1.1, the "
    "summary template, CoP Copyright Measure 1.1",
    catalogue=("COP.T.1.1.document_before_placing", "TDS.rule.legacy_gaps", "AIA.53.2", "VR-01"),
    needs=(),
    reads=(MD,),  # when the answers fall due, and the open-source exemption
)
def answers_to_be_provided(context: RuleContext) -> Iterator[Finding]:
    """Answers marked `to_be_provided` are still missing.

    Why: a draft may leave answers open, but the documentation must be complete by the time
    the model is placed on the Union market. Every open answer that is not due yet is listed
    and counted in the report; `gpai-docs build` refuses to build final artifacts while any
    remain (use `--draft`). Each finding cites its own document's legal basis: AI Act Art
    53(1)(a)-(b) and CoP Transparency Measure 1.1 for the model documentation, Art 53(1)(d)
    and the template for the summary, Art 53(1)(c) and CoP Copyright Measure 1.1 for the
    copyright policy. Once an answer is due, MD002 reports it as an error instead, so
    each open answer is reported once. Under the open-source exemption (AI Act Art 53(2);
    catalogue AIA.53.2) the model documentation's items are not owed: they stay listed here,
    and `not_applicable: <reason>` closes them.

    Passes:
        architecture: Decoder-only transformer

    Fails:
        architecture: {to_be_provided: "research team, by March"}
    """
    for key, document in _documents(context):
        for node in walk_values(document):
            path = node.path
            if (
                node.state is not AnswerState.TO_BE_PROVIDED
                or due_on(context, key, path) is not None
            ):
                continue
            note = node.value.to_be_provided
            detail = f" ({note})" if isinstance(note, str) else ""
            if exempt(context, key, path):
                yield Finding(
                    key,
                    path,
                    # Worded as the open-source determination: the same items, not required.
                    f"This answer is still to be provided{detail}; it is not required for this "
                    "model: the open-source exemption applies, so the model documentation "
                    "(Annex XI) and the downstream information (Annex XII) are not required",
                    hint="Give the answer, or write `not_applicable: <reason>` "
                    "(AI Act Art 53(2) lifts these obligations).",
                    reference=f"{_DOCUMENT_REFERENCES[key]}; AI Act Art 53(2)",
                )
                continue
            yield Finding(
                key,
                path,
                f"This answer is still to be provided{detail}",
                hint="Replace `to_be_provided` with the answer before release.",
                reference=_DOCUMENT_REFERENCES[key],
            )


@rule(
    "PJ002",
    "template-guidance-left-in",
    severity=Severity.ERROR,
    reference="Template for the summary of training content; CoP Transparency Measure 1.3",
    catalogue=("COP.T.1.3.quality_integrity",),
    needs=(),
)
def template_guidance_left_in(context: RuleContext) -> Iterator[Finding]:
    """Template guidance or placeholder text stands where an answer belongs.

    Why: published summaries have been seen with the template's own guidance sentences or
    `[More Information Needed]` left in place of an answer. Such text is not an answer. In
    the summary, the template's questions (the requirement catalogue's labels, such as
    "General description of measures taken") and its guidance openings ("If yes, specify
    ...") are recognised too: an answer that is a question's label, or holds a label of five
    words or more, repeats the template (the openings are in data/reviewer_lists.yaml).

    A placeholder typed as the answer ("TBD", "?", "xxx") is read as written, so that the
    document loads, and is flagged here; "N/A" is PJ005's.

    Passes:
        illegal_content: Keyword blocklists and classifiers remove illegal content.

    Fails:
        illegal_content: "[More Information Needed]"
    """
    lists = reviewer_lists.load()
    for key, document in _documents(context):
        for path, value in _texts(document):
            if _GUIDANCE.search(value) or _bare_placeholder(path, value):
                yield Finding(
                    key,
                    path,
                    f"Placeholder or template guidance instead of an answer: {value[:60]!r}",
                    hint="Write the actual answer, or `to_be_provided: true` for a draft.",
                )
            elif key == "training_data_summary" and (found := lists.template_sentence(value)):
                yield Finding(
                    key,
                    path,
                    f"The template's own text stands in this answer: {found[:60]!r}",
                    hint="Replace the template's question or guidance with the answer to it.",
                )


@rule(
    "PJ005",
    "not-applicable-without-reason",
    severity=Severity.ERROR,
    reference="Template for the summary of training content (explanatory notice); CoP "
    "Transparency Measure 1.1; CoP Copyright Measure 1.1",
    catalogue=("COP.T.1.3.quality_integrity", "TDS.rule.legacy_gaps"),
    needs=(),
)
def not_applicable_without_reason(context: RuleContext) -> Iterator[Finding]:
    """An answer says "N/A" without saying why it does not apply.

    Why: published summaries have been seen with a bare "N/A" typed in a cell: as the
    crawler's behaviour while crawlers were used, as a crawler's name, as a modality. A
    reader cannot tell an answer that truly does not apply from one left out; the template's
    notice and the Code ask for the reason (and, for a model placed on the market before
    August 2025, why the information cannot be provided). The bare "N/A", "n/a" or "Not
    applicable" is kept as written so that the document loads, and flagged here. Where the
    Model Documentation Form itself offers N/A (energy, compute, dependencies), a bare N/A
    is the Form's answer and is not flagged. A list item "N/A" is flagged too.

    Passes:
        training_data_summary: {section_1: {modalities: {image: {not_applicable: The model reads and writes text only.}}}}

    Fails:
        training_data_summary: {section_1: {modalities: {image: N/A}}}
    """
    for key, document in _documents(context):
        for node in walk_values(document):
            if node.path and node.path[-1] == "not_applicable":
                continue  # the reason of a NotApplicable: judged with it, one level up
            if isinstance(node.value, NotApplicable) and node.value.reason is None:
                where = "This answer says only " + repr(node.value.not_applicable)
                hint = (
                    "Say why it does not apply, for example `not_applicable: The model reads "
                    "and writes text only.`; or give the answer."
                )
            elif node.state is AnswerState.VALUE and isinstance(node.value, str):
                if not is_not_applicable(node.value):
                    continue
                where = f"{node.value!r} stands where an answer is asked"
                hint = (
                    "Write the answer itself: this question has no not-applicable form here. "
                    "If a list item does not apply, remove it."
                )
            else:
                continue
            yield Finding(key, node.path, f"{where}, without saying why", hint=hint)


# Bidi embeddings/overrides/isolates and marks, zero-width characters, the BOM and the
# C0/C1 controls other than tab and newline. ZWJ/ZWNJ are included: documentation text in
# EU languages has no use for them, and in a name they make two different names look alike.
_INVISIBLE = re.compile(
    "[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)


@rule(
    "PJ003",
    "invisible-or-bidi-characters",
    severity=Severity.WARNING,
    reference="CoP Transparency Measure 1.3 (quality, security and integrity)",
    catalogue=("COP.T.1.3.quality_integrity",),
    needs=(),
)
def invisible_or_bidi_characters(context: RuleContext) -> Iterator[Finding]:
    r"""Text holds invisible, zero-width or bidirectional control characters.

    Why: a right-to-left override (U+202E) or a zero-width space makes text display
    differently from what it says: `Lumen` + U+202E + `2-esaB` shows as `LumenBase-2`, and two model
    names that look the same can differ. Names end up in file names, release manifests and
    published documents, where such a difference misleads readers and tools.

    Passes:
        name: Lumen-Base-2

    Fails:
        name: "Lumen\u200b-Base-2"
    """
    for key, document in _documents(context):
        for path, value in _texts(document):
            found = sorted(set(_INVISIBLE.findall(value)))
            if found:
                names = ", ".join(f"U+{ord(c):04X}" for c in found[:5])
                yield Finding(
                    key,
                    path,
                    f"Invisible or bidirectional control characters in this text ({names})",
                    hint="Retype the text; remove the characters at the code points listed.",
                )


def _identifier_pattern(identifier: str) -> re.Pattern[str]:
    """``C(2025) 5235`` however it is spaced, with or without ``final``."""
    match = re.fullmatch(r"C\((\d{4})\)\s*(\d+)(?:\s+final)?", identifier)
    if match is None:  # the identifiers come from the rule pack, whose tests read them
        raise InternalError(f"not a Commission document identifier: {identifier!r}")
    year, number = match.groups()
    return re.compile(rf"\bC\s*\(\s*{year}\s*\)\s*{number}\b", re.IGNORECASE)


@rule(
    "PJ004",
    "superseded-document-identifier",
    severity=Severity.INFO,
    reference="Commission C(2025) 8311 final (template and explanatory notice, UPD.template_id)",
    catalogue=("TDS.meta.published", "GL.meta.published"),
    needs=(),
)
def superseded_document_identifier(context: RuleContext) -> Iterator[Finding]:
    """Text cites a Commission document by an identifier that a later issue superseded.

    Why: the template for the public summary and its explanatory notice were re-issued as
    C(2025) 8311 final of 5 December 2025, superseding C(2025) 5235 final of 24 July 2025
    (UPD.template_id). No changed field was reported, but a summary or policy citing the old
    number points readers to a superseded document. The identifiers come from the rule pack.

    Passes:
        training_data_summary: {section_3: {illegal_content: Filtered as the template C(2025) 8311 final describes.}}

    Fails:
        training_data_summary: {section_3: {illegal_content: Filtered as the template C(2025) 5235 final describes.}}
    """
    replaced = [
        (_identifier_pattern(old.identifier), old, fact)
        for fact in context.pack.facts.values()
        for old in fact.superseded
    ]
    for key, document in _documents(context):
        for path, value in _texts(document):
            for pattern, old, fact in replaced:
                if pattern.search(value):
                    yield Finding(
                        key,
                        path,
                        f"Cites {old.identifier} of {old.date}, which {fact.text} of {fact.date} "
                        f"superseded ({fact.label.lower()})",
                        hint=f"Cite {fact.text} instead ({fact.source.update_id}). "
                        + (fact.note or ""),
                    )
