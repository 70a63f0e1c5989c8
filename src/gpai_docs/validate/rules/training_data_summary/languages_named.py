"""Summary rules on the linguistic characteristics of the training data (1.3): languages
named, not counted, and which of the 24 official EU languages are covered."""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.law import reviewer_lists
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.training_data_summary._answers import NEEDS, TS

_LINGUISTIC = ("section_1", "linguistic")


def _named(context: RuleContext) -> tuple[str | None, set[str]]:
    """The linguistic answer's text (if given) and every language it or `languages` names."""
    section = context.tds.section_1
    text = section.linguistic if isinstance(section.linguistic, str) else None
    named = set(section.languages or ())
    if text is not None:
        named.update(reviewer_lists.load().named_languages(text))
    return text, named


@rule(
    "TS027",
    "languages-named",
    severity=Severity.WARNING,
    reference="Template for the summary of training content, section 1.3",
    catalogue=("TDS.1.3.linguistic",),
    needs=NEEDS,
)
def languages_named(context: RuleContext) -> Iterator[Finding]:
    """The linguistic characteristics name the languages, not only how many there are.

    Why: section 1.3 asks for a description of the linguistic characteristics of the
    overall training data (TDS.1.3.linguistic). Published summaries have answered "40
    languages" or "multilingual": a reader, say a publisher of Estonian books, cannot tell
    whether their language is in. Name the languages (the largest with their shares, the
    rest as a list), in the text or as ISO 639-1 codes in `languages`. The count patterns
    and the language names are in data/reviewer_lists.yaml. A warning: the template does
    not say how the languages are described.

    Passes:
        section_1: {linguistic: "40 languages, English the largest (58 %), then German and French."}

    Fails:
        section_1: {linguistic: Multilingual (over 40 languages).}
    """
    text, named = _named(context)
    if text is None or named:
        return
    count = reviewer_lists.load().counts_languages(text)
    if count is not None:
        yield Finding(
            TS,
            _LINGUISTIC,
            f"The languages are given as {count!r} without naming any",
            hint="Name the languages (at least the largest, with their shares), or list "
            "them as ISO 639-1 codes under `section_1.languages`.",
        )


@rule(
    "TS028",
    "eu-languages-covered",
    severity=Severity.INFO,
    reference="Template for the summary of training content, section 1.3",
    catalogue=("TDS.1.3.linguistic",),
    needs=NEEDS,
)
def eu_languages_covered(context: RuleContext) -> Iterator[Finding]:
    """A note of which official EU languages an open list of languages names, and which not.

    Why: the summary is read across the Union; rightsholders and researchers look for
    their own language in section 1.3 (TDS.1.3.linguistic). When the answer names some
    languages but leaves the rest open ("English, German and 30 other languages",
    "including French"), the reader cannot tell whether the others include theirs. The
    note lists the official EU languages named (in the text or `languages`) and those not
    named, so the provider can name the rest. No note for a closed list ("English (81 %)
    and Dutch (19 %)"), when all 24 are named or the text says all official EU languages
    are covered, or when no language is named (TS027 asks for the names). The languages,
    their names and the open-list words are in data/reviewer_lists.yaml.

    Passes:
        section_1: {linguistic: English (81 %) and Dutch (19 %).}

    Fails:
        section_1: {linguistic: English (60 %) and 30 other languages.}
    """
    lists = reviewer_lists.load()
    text, named = _named(context)
    if text is None or not named or not lists.leaves_languages_open(text):
        return
    if lists.says_all_eu_languages(text):
        return
    eu = lists.eu_languages
    covered = [eu[code][0] for code in eu if code in named]
    missing = [eu[code][0] for code in eu if code not in named]
    if not missing:
        return
    said = ", ".join(covered) if covered else "none"  # only other languages are named
    yield Finding(
        TS,
        _LINGUISTIC,
        f"Official EU languages named: {said} ({len(covered)} of {len(eu)}); not named: "
        f"{', '.join(missing)}",
        hint="If the training data covers more of them, name them here or under "
        "`section_1.languages`.",
    )
