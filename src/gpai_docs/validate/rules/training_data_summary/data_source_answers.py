"""Summary rules on the Yes, No and `other` answers of section 2, the list of data sources
(2.1 public datasets to 2.6 other sources)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from gpai_docs.diagnostics import Severity
from gpai_docs.models.choices import YesNo
from gpai_docs.models.walk import fields_of, walk_values
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.training_data_summary._answers import (
    NEEDS,
    TS,
    answered_no,
    answered_yes,
)

# Sections of part 2: key, number, the Yes/No questions, and the sub-fields a Yes needs
# (each group is satisfied by any one of its fields). 2.5's generating models are TS013's.
_SECTIONS: tuple[tuple[str, str, tuple[str, ...], tuple[tuple[str, ...], ...]], ...] = (
    ("public_datasets", "2.1", ("used",), (("modalities",), ("large_datasets", "other_description"))),
    ("licensed_data", "2.2.1", ("used",), (("modalities",),)),
    ("private_third_party_data", "2.2.2", ("used",), (("modalities",), ("known_datasets", "description"))),
    (
        "crawled_data",
        "2.3",
        ("used",),
        tuple((f,) for f in ("crawler_names", "purposes", "behaviour", "period",
                             "content_description", "modalities", "top_domains")),
    ),
    ("user_data", "2.4", ("model_interaction", "other_services"), (("services_description",), ("modalities",))),
    ("synthetic_data", "2.5", ("used",), (("modalities",),)),
    ("other_sources", "2.6", ("used",), (("description",),)),
)  # fmt: skip


def _filled(value: object) -> bool:
    return value is not None and value != []


@rule(
    "TS003",
    "yes-answer-complete",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 2",
    catalogue=(
        "TDS.2.1.modalities",
        "TDS.2.2.2.known_datasets",
        "TDS.2.3.crawler_names",
        "TDS.2.4.services_description",
        "TDS.2.6.description",
        "VR-20",
        "VR-21",
    ),
    needs=NEEDS,
)
def yes_answer_complete(context: RuleContext) -> Iterator[Finding]:
    """Every source of section 2 answered Yes gives the details the template asks for.

    Why: a Yes in 2.1 to 2.6 opens the section's questions: the modalities, and the
    datasets, crawlers, services or description of that source (VR-20). For 2.3 that is
    the crawler names, purposes, behaviour, period, content, modalities and top domains
    (VR-21); for 2.4 either Yes asks for the services and modalities.

    Passes:
        section_2: {other_sources: {used: Yes, description: Transcripts licensed from a partner archive.}}

    Fails:
        section_2: {other_sources: {used: Yes}}
    """
    section_2 = context.tds.section_2
    for key, number, answers, groups in _SECTIONS:
        part: BaseModel = getattr(section_2, key)
        if not any(answered_yes(getattr(part, a)) for a in answers):
            continue
        for group in groups:
            if not any(_filled(getattr(part, f)) for f in group):
                wanted = " or ".join(f"`{f}`" for f in group)
                yield Finding(
                    TS,
                    ("section_2", key, group[0]),
                    f"Section {number} is answered Yes but {wanted} is not given",
                    hint=f"Fill in {wanted}.",
                )


@rule(
    "TS004",
    "no-answer-left-empty",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 2",
    catalogue=("TDS.2.1.used", "TDS.2.3.crawlers_used", "TDS.2.5.used", "VR-20"),
    needs=NEEDS,
)
def no_answer_left_empty(context: RuleContext) -> Iterator[Finding]:
    """A source of section 2 answered No gives no details of it (comments are allowed).

    Why: details under a No contradict the answer, and the public reads both (VR-20).
    For 2.4 this applies when both questions are answered No.

    Passes:
        section_2: {crawled_data: {used: No, comments: We do not crawl.}}

    Fails:
        section_2: {crawled_data: {used: No, crawler_names: [LumenBot]}}
    """
    section_2 = context.tds.section_2
    for key, number, answers, _ in _SECTIONS:
        part: BaseModel = getattr(section_2, key)
        if not all(answered_no(getattr(part, a)) for a in answers):
            continue
        for field in (spec.name for spec in fields_of(type(part))):
            if field in answers or field == "comments" or not _filled(getattr(part, field)):
                continue
            yield Finding(
                TS,
                ("section_2", key, field),
                f"Section {number} is answered No but `{field}` is filled in",
                hint="Remove it, or correct the answer; context belongs in `comments`.",
            )


@rule(
    "TS005",
    "other-answer-explained",
    severity=Severity.ERROR,
    reference="Template for the summary of training content",
    catalogue=("TDS.2.1.used", "TDS.3.1.signatory", "VR-20"),
    needs=NEEDS,
)
def other_answer_explained(context: RuleContext) -> Iterator[Finding]:
    """A question answered `other` instead of Yes or No says what the answer is.

    Why: published summaries sometimes tick a third box ("Other, see below"); without
    the explanation the reader cannot tell whether the source was used (VR-20). The same
    holds for the modality `Other` ticked in a source of section 2: it needs the other
    modality named, as a row of section 1.3's `modalities.other` or in that source's
    `comments`.

    Passes:
        section_2: {licensed_data: {used: {answer: other, qualification: Licences under negotiation; none used yet.}}}

    Fails:
        section_2: {licensed_data: {used: other}}
    """
    for node in walk_values(context.tds):
        value = node.value
        if isinstance(value, YesNo) and value.answer == "other" and value.qualification is None:
            yield Finding(
                TS,
                node.path,
                "The answer is `other` without saying what it means",
                hint="Write `{answer: other, qualification: <the actual answer>}`, or Yes/No.",
            )
    yield from _other_modality_unnamed(context)


def _other_modality_unnamed(context: RuleContext) -> Iterator[Finding]:
    """`Other` ticked among a source's modalities, with no other modality named anywhere."""
    named = context.tds.section_1.modalities.other
    if isinstance(named, list) and named:
        return
    for key, number, _, _ in _SECTIONS:
        part: BaseModel = getattr(context.tds.section_2, key)
        modalities = getattr(part, "modalities", None) or []
        if "Other" in modalities and getattr(part, "comments", None) is None:
            yield Finding(
                TS,
                ("section_2", key, "modalities", modalities.index("Other")),
                f"Section {number} ticks the modality `Other` without saying which",
                hint="Name it as a row of `section_1.modalities.other`, or in this "
                "section's `comments`.",
            )
