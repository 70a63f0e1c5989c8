"""Summary rules on how answers are written: a word repeated ("the the"), or text cut off
mid-word or ending in an ellipsis, as happens when text is pasted from another document."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.law import reviewer_lists
from gpai_docs.models.walk import walk_values
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.training_data_summary._answers import NEEDS, TS
from gpai_docs.validate.rules.training_data_summary.names import brief

_REPEATED = re.compile(r"(?<![^\W_])([^\W\d_]+)\s+(\1)(?![^\W_])", re.IGNORECASE)
# An ellipsis at the end of the text, or closing a link title: `[Our policy…](https://…)`.
_ELLIPSIS = re.compile(r"(?<!etc)(\.\.\.|…)\s*$|(\.\.\.|…)\s*\]\(", re.IGNORECASE)
# A word broken at the end of a line of a longer text: `... informa-`.
_HYPHEN_END = re.compile(r"[^\W\d_]{2,}-\s*$")
# A paragraph of several sentences that stops without its full stop after a word.
_SENTENCES = re.compile(r"[.!?]\s+[A-Z]")
_WORD_END = re.compile(r"(?:^|\s)[^\W\d_]+\s*$")  # a word, not a link or an address


def _repeated_word(text: str) -> str | None:
    allowed = reviewer_lists.load().allowed_repeats
    for match in _REPEATED.finditer(text):
        if match[1].casefold() not in allowed:
            return f"{match[1]} {match[2]}"
    return None


def _cut_off(text: str) -> str | None:
    """How the text looks cut off, if it does."""
    if _ELLIPSIS.search(text):
        return "ends in an ellipsis"
    if _HYPHEN_END.search(text):
        return "ends in a broken word"
    if len(text) >= 200 and _SENTENCES.search(text) and _WORD_END.search(text):
        return "stops in the middle of a sentence"
    return None


@rule(
    "TS026",
    "text-repeated-or-cut-off",
    severity=Severity.WARNING,
    reference="Template for the summary of training content; CoP Transparency Measure 1.3",
    catalogue=("COP.T.1.3.quality_integrity",),
    needs=NEEDS,
)
def text_repeated_or_cut_off(context: RuleContext) -> Iterator[Finding]:
    """Answers hold no doubled word ("the the") and are not cut off.

    Why: the summary is published as written, and published summaries have shown the
    defects pasting leaves: a doubled word, text that stops in the middle of a word or a
    sentence, or a sentence or a link's title ending in "…" or "..." where the rest was cut.
    A reviewer reads them as a document nobody checked (CoP Transparency Measure 1.3 asks
    for quality and integrity). Words that may rightly stand twice ("had had") are listed in
    data/reviewer_lists.yaml; "etc..." is not a cut. A warning: the answer may still be
    complete.

    Passes:
        section_3: {illegal_content: Keyword blocklists and classifiers remove illegal content.}

    Fails:
        section_3: {illegal_content: Keyword blocklists and the the classifiers remove illegal…}
    """
    for node in walk_values(context.tds):
        text = node.value
        if not isinstance(text, str):
            continue
        repeated = _repeated_word(text)
        if repeated is not None:
            yield Finding(
                TS,
                node.path,
                f"The word {repeated.split()[0]!r} stands twice in a row: {brief(text)!r}",
                hint=f"Remove the repeated word ({repeated!r}).",
            )
        cut = _cut_off(text)
        if cut is not None:
            yield Finding(
                TS,
                node.path,
                f"The text {cut}, as if cut off: {brief(text[-60:], 60)!r}",
                hint="Give the whole text; check it against the document it was copied from.",
            )
