"""Rules that apply to every document of the project (PJ codes)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from gpai_docs.diagnostics import Severity
from gpai_docs.models._types import ToBeProvided
from gpai_docs.rules._registry import DOCUMENTS, Finding, rule
from gpai_docs.rules._walk import walk
from gpai_docs.rules.context import RuleContext

_GUIDANCE = re.compile(
    r"^\s*(\[[^\]]*\]|<[^>]*>|\{\{.*\}\})\s*$"  # [More Information Needed], <insert>, {{x}}
    r"|lorem ipsum|insert (text|here|link)|fill (this )?in|to be completed by"
    r"|^(general )?description of (the )?measures taken\.?$"
    r"|^describe (the|your) ",
    re.IGNORECASE,
)


def _documents(context: RuleContext) -> Iterator[tuple[str, BaseModel]]:
    for key in DOCUMENTS:
        document = getattr(context, key)
        if document is not None:
            yield key, document


@rule(
    "PJ001",
    "answers-to-be-provided",
    severity=Severity.WARNING,
    reference="AI Act Art 53(1); CoP Transparency Measure 1.1",
    catalogue=("COP.T.1.1.document_before_placing", "TDS.rule.legacy_gaps", "VR-01"),
    needs=(),
)
def answers_to_be_provided(context: RuleContext) -> Iterator[Finding]:
    """Answers marked `to_be_provided` are still missing.

    Why: a draft may leave answers open, but the documentation must be complete by the time
    the model is placed on the Union market. Every open answer is listed and counted in the
    report; `gpai-docs build` refuses to build final artifacts while any remain (use `--draft`).

    Passes:
        architecture: Decoder-only transformer

    Fails:
        architecture: {to_be_provided: "research team, by March"}
    """
    for key, document in _documents(context):
        for path, value in walk(document):
            if isinstance(value, ToBeProvided):
                note = value.to_be_provided
                detail = f" ({note})" if isinstance(note, str) else ""
                yield Finding(
                    key,
                    path,
                    f"This answer is still to be provided{detail}",
                    hint="Replace `to_be_provided` with the answer before release.",
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
    `[More Information Needed]` left in place of an answer. Such text is not an answer.

    Passes:
        illegal_content: Keyword blocklists and classifiers remove illegal content.

    Fails:
        illegal_content: "[More Information Needed]"
    """
    for key, document in _documents(context):
        for path, value in walk(document):
            if isinstance(value, str) and _GUIDANCE.search(value):
                yield Finding(
                    key,
                    path,
                    f"Placeholder or template guidance instead of an answer: {value[:60]!r}",
                    hint="Write the actual answer, or `to_be_provided: true` for a draft.",
                )
