"""What an expert reviewer objects to in a summary, as data (data/reviewer_lists.yaml).

Non-names where a name is required, the template's own sentences left in an answer,
languages given as a count, hedged measures: the words and patterns live in one data
file, so that adding a phrase seen in a filing is a data change. The template's
sentences themselves come from the requirement catalogue's labels, never retyped here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from gpai_docs.law.catalogue import all_entries
from gpai_docs.law.package_data import read_data

_TEMPLATE_DOCUMENT = "Template for the Public Summary of Training Content"


def words(text: str) -> tuple[str, ...]:
    """Text as its lower-case words (letters and digits), the form sentences are compared in."""
    return tuple(re.findall(r"[^\W_]+", text.casefold()))


def _patterns(raw: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in raw)


def _phrase(phrase: str) -> re.Pattern[str]:
    """A phrase as a pattern: whole words, any spacing between them."""
    body = r"\s+".join(re.escape(w) for w in phrase.split())
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])", re.IGNORECASE)


@dataclass(frozen=True)
class ReviewerLists:
    """The lists of data/reviewer_lists.yaml, compiled."""

    version: str
    pointers: tuple[re.Pattern[str], ...]
    crawler_sentence_words: frozenset[str]
    max_name_words: int
    family: tuple[re.Pattern[str], ...]
    model_version: tuple[re.Pattern[str], ...]
    guidance_openers: tuple[re.Pattern[str], ...]
    min_label_words: int
    allowed_repeats: frozenset[str]
    eu_languages: dict[str, tuple[str, ...]]
    other_languages: tuple[str, ...]
    all_eu_languages: tuple[re.Pattern[str], ...]
    open_languages: tuple[re.Pattern[str], ...]
    language_counts: tuple[re.Pattern[str], ...]
    main_languages: tuple[re.Pattern[str], ...]
    language_lists: tuple[re.Pattern[str], ...]
    min_named_language_share: float
    hedging: tuple[tuple[str, re.Pattern[str]], ...]
    open_bounds: tuple[re.Pattern[str], ...]
    dataset_version_words: frozenset[str]
    dataset_version_non_answers: frozenset[str]
    crawl_gap_months: int

    def points_elsewhere(self, text: str) -> bool:
        """Whether text points to a page, a link or an address instead of naming something."""
        return any(p.search(text) for p in self.pointers)

    def names_a_family(self, text: str) -> bool:
        return any(p.search(text) for p in self.family)

    def names_no_version(self, name: str) -> bool:
        """Whether a model's name has nothing that identifies a version (TS021)."""
        return not any(p.search(name) for p in self.model_version)

    def names_a_version(self, version: str) -> bool:
        """Whether a dataset's `version:` names one, not "latest" or "unknown" (TS033)."""
        said = set(words(version))
        return bool(said - self.dataset_version_non_answers)

    def gives_open_bound(self, text: str) -> bool:
        """Whether a size as written only gives an open lower bound (TS035)."""
        return self.open_bound_end(text) is not None

    def open_bound_end(self, text: str) -> int | None:
        """Where the open-bound words a size as written opens with end, if it opens so."""
        found = (p.search(text) for p in self.open_bounds)
        return next((m.end() for m in found if m is not None), None)

    def hedges(self, text: str) -> tuple[str, ...]:
        """The hedging phrases text uses, in the list's order."""
        return tuple(phrase for phrase, pattern in self.hedging if pattern.search(text))

    def named_languages(self, text: str) -> tuple[str, ...]:
        """The languages text names (EU languages by their code, others by their name)."""
        found = [code for code, names in self.eu_languages.items() if _names_any(text, names)]
        found += [name for name in self.other_languages if _phrase(name).search(text)]
        return tuple(found)

    def says_all_eu_languages(self, text: str) -> bool:
        return any(p.search(text) for p in self.all_eu_languages)

    def leaves_languages_open(self, text: str) -> bool:
        """Whether text gives its languages as a count, a catch-all or an open list."""
        return self.counts_languages(text) is not None or any(
            p.search(text) for p in self.open_languages
        )

    def points_to_language_list(self, text: str) -> bool:
        """Whether text points to where the full list of languages is published (TS027)."""
        return any(p.search(text) for p in self.language_lists)

    def names_only_some_languages(self, text: str) -> bool:
        """Whether text names only the main languages, or leaves others open (TS027)."""
        return any(p.search(text) for p in self.main_languages + self.open_languages)

    def counts_languages(self, text: str) -> str | None:
        """The count or catch-all ("40 languages", "multilingual") text gives, if any."""
        for pattern in self.language_counts:
            match = pattern.search(text)
            if match:
                return match[0]
        return None

    def template_sentence(self, text: str) -> str | None:
        """The template sentence (a catalogue label or a guidance opener) text repeats, if any.

        Text that is a label of the summary's template, or holds a label of at least
        ``min_label_words`` words, or opens as the template's guidance does ("If yes,
        specify ..."), is template text, not an answer.
        """
        said = words(text)
        if not said:
            return None
        for label, wanted in _label_words():
            if said == wanted or (len(wanted) >= self.min_label_words and _holds(said, wanted)):
                return label
        opener = next((p for p in self.guidance_openers if p.search(text)), None)
        return text[:60] if opener is not None else None


def _names_any(text: str, names: tuple[str, ...]) -> bool:
    return any(_phrase(name).search(text) for name in names)


def _holds(said: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    size = len(wanted)
    return any(said[i : i + size] == wanted for i in range(len(said) - size + 1))


@cache
def template_labels() -> tuple[str, ...]:
    """The labels of the summary template's questions, from the requirement catalogue."""
    return tuple(
        e.label
        for e in all_entries().values()
        if e.document.startswith(_TEMPLATE_DOCUMENT) and e.id.split(".")[1] not in ("rule", "meta")
    )


@cache
def _label_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((label, words(label)) for label in template_labels())


def parse(raw: dict[str, Any]) -> ReviewerLists:
    """Compile the lists from their YAML mapping."""
    return ReviewerLists(
        version=str(raw["version"]),
        pointers=_patterns(raw["pointer_patterns"]),
        crawler_sentence_words=frozenset(w.casefold() for w in raw["crawler_sentence_words"]),
        max_name_words=int(raw["max_name_words"]),
        family=_patterns(raw["family_patterns"]),
        model_version=_patterns(raw["model_version_patterns"]),
        guidance_openers=_patterns(raw["guidance_openers"]),
        min_label_words=int(raw["min_label_words"]),
        allowed_repeats=frozenset(w.casefold() for w in raw["allowed_repeats"]),
        eu_languages={str(k): tuple(v) for k, v in raw["eu_languages"].items()},
        other_languages=tuple(raw["other_languages"]),
        all_eu_languages=_patterns(raw["all_eu_languages_patterns"]),
        open_languages=_patterns(raw["open_language_patterns"]),
        language_counts=_patterns(raw["language_count_patterns"]),
        main_languages=_patterns(raw["main_language_patterns"]),
        language_lists=_patterns(raw["language_list_patterns"]),
        min_named_language_share=float(raw["min_named_language_share"]),
        hedging=tuple((p, _phrase(p)) for p in raw["hedging_phrases"]),
        open_bounds=_patterns(raw["open_bound_patterns"]),
        dataset_version_words=frozenset(w.casefold() for w in raw["dataset_version_words"]),
        dataset_version_non_answers=frozenset(
            w.casefold() for w in raw["dataset_version_non_answers"]
        ),
        crawl_gap_months=int(raw["crawl_gap_months"]),
    )


@cache
def load() -> ReviewerLists:
    """The lists shipped with gpai-docs."""
    return parse(read_data("reviewer_lists.yaml"))
