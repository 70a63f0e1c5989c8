"""Summary rules on the linguistic characteristics of the training data (1.3): languages
named, not counted, and which of the 24 official EU languages are covered."""

from __future__ import annotations

import re
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
    languages", "100+ languages" or "multilingual", often with one language named beside
    it ("Multilingual, with English as the main language"): a reader, say a publisher of
    Estonian books, cannot tell whether their language is in. The answer leans on such a
    word, and is reported, unless the languages it stands for are named: for a count, the
    languages named in the text or as ISO 639-1 codes in `languages` (all 24 when the text
    says all official EU languages are covered) are at least half of it ("N other
    languages" counts the named ones too); for "multilingual" or "many languages", two or
    more are named and none is left behind a word such as "mainly" or "including". An
    answer that names its main languages and points to the published full list ("and 20
    other languages: see the list at https://…") passes: the list names them. The count,
    catch-all, list and "main" words and the half are in data/reviewer_lists.yaml. A
    warning: the template does not say how the languages are described.

    Passes:
        section_1: {linguistic: "English (58 %), German (12 %), French (9 %) and 37 other languages: see the full list at https://lumen-ai.example/languages."}

    Fails:
        section_1: {linguistic: "Multilingual, with English as the main language."}
    """
    section = context.tds.section_1
    text = section.linguistic if isinstance(section.linguistic, str) else None
    if text is None:
        return
    lists = reviewer_lists.load()
    in_text = lists.named_languages(text)
    codes = tuple(section.languages or ())
    phrase = _leaned_on(text, in_text, codes)
    if phrase is None:
        return
    named = sorted({*in_text, *codes})
    if not named:
        message = f"The languages are given as {phrase!r} without naming any"
    else:
        names = [_language_name(code) for code in named]
        shown = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        verb = "is" if len(names) == 1 else "are"
        message = f"The languages are given as {phrase!r}; only {shown} {verb} named beside it"
    yield Finding(
        TS,
        _LINGUISTIC,
        message,
        hint="Name the languages (the largest with their shares), list them as ISO 639-1 "
        "codes under `section_1.languages`, or point to the published full list, such as "
        "`… and 20 other languages: see the list at https://…`.",
    )


def _leaned_on(text: str, in_text: tuple[str, ...], codes: tuple[str, ...]) -> str | None:
    """The count or catch-all the answer leans on instead of naming its languages, if any."""
    lists = reviewer_lists.load()
    phrase = lists.counts_languages(text)
    if phrase is None or lists.points_to_language_list(text):
        return None
    named = {*in_text, *codes}
    if lists.says_all_eu_languages(text):
        named.update(lists.eu_languages)
    number = _number(phrase)
    if number is not None:
        if "other" in reviewer_lists.words(phrase):
            number += len(in_text)  # "English, German and 20 other languages": 22
        return None if len(named) >= lists.min_named_language_share * number else phrase
    if len(codes) >= 2 or (len(named) >= 2 and not lists.names_only_some_languages(text)):
        return None
    return phrase


_NUMBER = re.compile(r"\d[\d,.]*")
_NUMBER_WORDS = {"dozen": 12, "hundred": 100}


def _number(phrase: str) -> int | None:
    """The number of languages a count gives ("over 40 languages": 40), if it gives one."""
    found = _NUMBER.search(phrase)
    if found is not None:
        return int(re.sub(r"\D", "", found[0].rstrip(",.")) or 0)
    return next((n for w, n in _NUMBER_WORDS.items() if w in phrase.casefold()), None)


def _language_name(code: str) -> str:
    names = reviewer_lists.load().eu_languages.get(code)
    return names[0] if names else code


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
