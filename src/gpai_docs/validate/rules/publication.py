"""Rules on where the public summary is published (TS codes): what a reader needs to find
the latest version, the earlier ones and notice of updates."""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.walk import AnswerState, walk_values
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext

TS = "training_data_summary"

_FIELDS = (
    (
        "canonical_url",
        "the address where its latest version is always published",
        "canonical_url: https://example.com/ai/model-x/training-content-summary",
    ),
    (
        "versions_url",
        "where its earlier versions are listed",
        "versions_url: https://example.com/ai/model-x/training-content-summary/versions",
    ),
    (
        "update_notice",
        "where notice of its updates is published",
        "update_notice: https://example.com/ai/updates.atom",
    ),
)


@rule(
    "TS019",
    "summary-publication-stated",
    severity=Severity.WARNING,
    reference="Template for the summary of training content, Explanatory Notice (publication "
    "and updates); AI Act Art 53(1)(d)",
    catalogue=("TDS.rule.where_publish", "TDS.rule.versioning", "TDS.rule.update_cadence"),
    needs=(TS,),
)
def summary_publication_stated(context: RuleContext) -> Iterator[Finding]:
    """The summary's header says where it is published, versioned and announced.

    Why: the summary is published on the provider's website and updated at least every
    six months while the model is trained further, each update a new version with the
    earlier ones linked. A reader can rely on a copy only if it names where the latest
    version always is (the status line of the summary prints it), where the earlier
    versions are listed, and where notice of updates is given. Summaries that cannot be
    found next to the model are the defect reviewers report most. A summary still being
    written (answers `to_be_provided`, which PJ001 reports and which keep it from being
    built) is checked once it is complete.

    Passes:
        header:
          canonical_url: https://example.com/ai/model-x/training-content-summary
          versions_url: https://example.com/ai/model-x/training-content-summary/versions
          update_notice: https://example.com/ai/updates.atom

    Fails:
        header: {canonical_url: null}
    """
    if any(node.state is AnswerState.TO_BE_PROVIDED for node in walk_values(context.tds)):
        return
    header = context.tds.header
    for key, what, example in _FIELDS:
        if getattr(header, key) is None:
            yield Finding(
                TS,
                ("header", key),
                f"The summary does not say {what}",
                hint=f"Add `{example}` to the header.",
            )
